"""Builds the Beam graph: sources -> read, clean, extract and spill to temp files (one fused stage) ->
de-duplicate on ids -> merge the temp files into the run's files -> commit."""
import apache_beam as beam

from pipeline.state import RecordState
from transforms.articles import ProcessDocuments, bundle_ids, bundle_rows
from transforms.dedup import FindDuplicates
from transforms.feeds import ReadFeeds
from transforms.recurrence import LearnRecurringLines
from transforms.write import Commit, MergeChunks, SpillFn


def build(p, sources, run, settings, existing_files, manifest, feeds=(), recorded_files=()):
    """Add Parley's ingest to pipeline `p`; returns the PCollection holding the run's manifest.

    `feeds` are FeedInputs; `recorded_files` the (path, size, mtime) the state records once the run committed.
    """
    out, run_id = run["out"], run["run_id"]
    srcs = p | "Sources" >> beam.Create(sources)
    recurrence = settings["recurrence"]
    recurring = srcs | "LearnFurniture" >> LearnRecurringLines(
        run["max_input_bytes"], recurrence["min_documents"], recurrence["min_share"])
    bundles, rejects = srcs | "Process" >> ProcessDocuments(run, recurring)
    entry_bundles, entry_rejects, reports = p | "Feeds" >> beam.Create(list(feeds)) | "ReadFeeds" >> ReadFeeds(run, settings)
    duplicates = ((bundles | "Ids" >> beam.Map(bundle_ids), entry_bundles | "EntryIds" >> beam.Map(bundle_ids))
                  | "AllIds" >> beam.Flatten() | "Dedup" >> FindDuplicates(existing_files))
    spill = (out, run_id, settings["shards_per_partition"], settings["write_buffer_mb"])
    chunks = ((bundles | "Rows" >> beam.FlatMap(bundle_rows) | "SpillRows" >> beam.ParDo(SpillFn(*spill)),
               entry_bundles | "EntryRows" >> beam.FlatMap(bundle_rows) | "SpillEntryRows" >> beam.ParDo(SpillFn(*spill)),
               (rejects, entry_rejects) | "AllRejects" >> beam.Flatten()
               | "RejectRows" >> beam.Map(lambda r: ("rejects", r)) | "SpillRejects" >> beam.ParDo(SpillFn(*spill)))
              | "Chunks" >> beam.Flatten())
    written = chunks | "Merge" >> MergeChunks(out, run_id, duplicates)
    count = duplicates | "CountDuplicates" >> beam.combiners.Count.Globally()
    committed = (written, count) | "Commit" >> Commit(out, run_id, manifest)
    return committed | "State" >> RecordState(out, run_id, list(recorded_files), reports)
