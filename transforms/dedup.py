"""De-duplication: one article per article_id, in this run and across the runs already in the output.

Only (article_id, source) pairs travel through it; the writer leaves the duplicates' rows out.
"""
import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from transforms.write import dataset_files


def existing_article_files(out, run_id):
    """Committed article files of other runs: a re-run of `run_id` replaces its own files."""
    return sorted(p for p in dataset_files(out, "articles") if f"/part-{run_id}-" not in p)


def read_ids(path):
    """The article ids in one committed Parquet file."""
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        return pq.read_table(f, columns=["article_id"]).column("article_id").to_pylist()


def duplicate_sources(sources, already_written):
    """The sources of one article_id that are duplicates: all when it is already written, else all but the first."""
    ordered = sorted(sources)
    return ordered if already_written else ordered[1:]


class _ChooseFn(beam.DoFn):
    def __init__(self):
        self.duplicates = Metrics.counter("parley", "duplicates")

    def process(self, element):
        article, groups = element
        for source in duplicate_sources(list(groups["new"]), any(True for _ in groups["old"])):
            self.duplicates.inc()
            yield article, source


class FindDuplicates(beam.PTransform):
    """(article_id, source) of this run's articles -> the (article_id, source) pairs that are duplicates."""

    def __init__(self, existing_files):
        super().__init__()
        self.existing_files = existing_files

    def expand(self, ids):
        old = (ids.pipeline
               | "ExistingFiles" >> beam.Create(self.existing_files)
               | "ExistingIds" >> beam.FlatMap(read_ids)
               | "Mark" >> beam.Map(lambda i: (i, True)))
        return {"new": ids, "old": old} | "Join" >> beam.CoGroupByKey() | "Choose" >> beam.ParDo(_ChooseFn())
