"""De-duplication: one article per article_id, in this run and across the runs already in the output."""
import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from transforms.write import dataset_files

MEETINGS, DUPLICATES = "meetings", "duplicates"


def existing_article_files(out, run_id):
    """Committed article files of other runs: a re-run of `run_id` replaces its own files."""
    return sorted(p for p in dataset_files(out, "articles") if f"/part-{run_id}-" not in p)


def read_ids(path):
    """The article ids in one committed Parquet file."""
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        return pq.read_table(f, columns=["article_id"]).column("article_id").to_pylist()


def choose(bundles, already_written):
    """(kept bundle or None, duplicate bundles): the first by source wins unless the id is already written."""
    ordered = sorted(bundles, key=lambda b: b["article"]["source"])
    if already_written:
        return None, ordered
    return ordered[0], ordered[1:]


class _ChooseFn(beam.DoFn):
    def __init__(self):
        self.duplicates = Metrics.counter("parley", "duplicates")

    def process(self, element):
        _, groups = element
        kept, dropped = choose(list(groups["new"]), any(True for _ in groups["old"]))
        for bundle in dropped:
            self.duplicates.inc()
            yield beam.pvalue.TaggedOutput(DUPLICATES, bundle["article"]["source"])
        if kept:
            yield kept["article"]
            for m in kept["meetings"]:
                yield beam.pvalue.TaggedOutput(MEETINGS, m)


class DropDuplicates(beam.PTransform):
    """Keyed bundles -> articles (main), meetings and duplicate sources (tagged)."""

    def __init__(self, existing_files):
        super().__init__()
        self.existing_files = existing_files

    def expand(self, bundles):
        old = (bundles.pipeline
               | "ExistingFiles" >> beam.Create(self.existing_files)
               | "ExistingIds" >> beam.FlatMap(read_ids)
               | "Mark" >> beam.Map(lambda i: (i, True)))
        return ({"new": bundles, "old": old}
                | "Join" >> beam.CoGroupByKey()
                | "Choose" >> beam.ParDo(_ChooseFn()).with_outputs(MEETINGS, DUPLICATES, main="articles"))
