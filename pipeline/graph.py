"""Builds the Beam graph: sources -> read, clean, extract (one fused stage) -> dedup -> write -> commit."""
import apache_beam as beam

from transforms.articles import ProcessDocuments
from transforms.dedup import DropDuplicates
from transforms.recurrence import LearnRecurringLines
from transforms.write import Commit, WriteDataset


def build(p, sources, run, settings, existing_files, manifest):
    """Add Parley's ingest to pipeline `p`; returns the PCollection holding the run's manifest."""
    out, shards = run["out"], settings["shards_per_partition"]
    srcs = p | "Sources" >> beam.Create(sources)
    recurrence = settings["recurrence"]
    recurring = srcs | "LearnFurniture" >> LearnRecurringLines(
        run["max_input_bytes"], recurrence["min_documents"], recurrence["min_share"])
    bundles, rejects = srcs | "Process" >> ProcessDocuments(run, recurring)
    kept = bundles | "Dedup" >> DropDuplicates(existing_files)
    written = (
        (kept.articles | "WriteArticles" >> WriteDataset(out, "articles", run["run_id"], shards),
         kept.meetings | "WriteMeetings" >> WriteDataset(out, "meetings", run["run_id"], shards),
         rejects | "WriteRejects" >> WriteDataset(out, "rejects", run["run_id"], shards))
        | "Written" >> beam.Flatten())
    duplicates = kept.duplicates | "CountDuplicates" >> beam.combiners.Count.Globally()
    return (written, duplicates) | "Commit" >> Commit(out, run["run_id"], manifest)
