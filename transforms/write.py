"""Writing: rows -> Hive-partitioned Parquet files, written to a temp folder and renamed into place at commit."""
import hashlib
import json
import posixpath
import uuid

import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io.filesystems import FileSystems

from pipeline.schema import DATASETS, NULL_PARTITION, file_schema

SHARD_KEY = {"articles": "article_id", "meetings": "meeting_id", "rejects": "source"}


def join(*parts):
    """Path join that keeps URLs (gs://, s3://) intact."""
    return FileSystems.join(*parts)


def partition_value(row, dataset):
    """The Hive partition value of a row: an ISO date, or the null partition."""
    value = row.get(DATASETS[dataset][1])
    return value.isoformat() if value is not None else NULL_PARTITION


def shard_of(row, dataset, shards):
    """A stable shard number in [0, shards) from the row's key."""
    digest = hashlib.md5(str(row[SHARD_KEY[dataset]]).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % shards


def final_path(out, dataset, partition, run_id, shard):
    column = DATASETS[dataset][1]
    return join(out, dataset, f"{column}={partition}", f"part-{run_id}-{shard:03d}.parquet")


def to_table(rows, dataset):
    """Rows (dicts holding every column) -> a table of the dataset's file schema, in a stable order."""
    schema = file_schema(dataset)
    key = SHARD_KEY[dataset]
    rows = sorted(rows, key=lambda r: (str(r[key]), json.dumps(r, sort_keys=True, default=str)))
    return pa.Table.from_pylist([{n: r.get(n) for n in schema.names} for r in rows], schema=schema)


def write_table(table, path):
    """Write `table` as Parquet to `path` through Beam's FileSystems."""
    with FileSystems.create(path, mime_type="application/octet-stream") as f:
        pq.write_table(table, f, compression="zstd")


def temp_folder(out, run_id):
    return join(out, "_tmp", run_id)


def run_files(out, run_id):
    """Every committed file of `run_id` under `out`."""
    patterns = [join(out, d, "**", f"part-{run_id}-*.parquet") for d in DATASETS]
    return {m.path for r in FileSystems.match(patterns) for m in r.metadata_list}


def dataset_files(out, dataset):
    """Every committed Parquet file of a dataset."""
    return [m.path for m in FileSystems.match([join(out, dataset, "**", "*.parquet")])[0].metadata_list
            if not posixpath.basename(m.path).startswith((".", "_"))]


def _ensure_folder(path):
    folder = FileSystems.split(path)[0]
    if not FileSystems.exists(folder):
        try:
            FileSystems.mkdirs(folder)
        except IOError:
            if not FileSystems.exists(folder):
                raise


def commit(out, run_id, written):
    """Move the run's temp files to their final names, drop its stale files, and fill empty datasets.

    `written` holds {"dataset", "tmp", "final", "rows"} records. A failed rename raises: no run reports
    success with data left behind.
    """
    stale = run_files(out, run_id) - {w["final"] for w in written}
    for w in sorted(written, key=lambda w: w["final"]):
        _ensure_folder(w["final"])
        FileSystems.rename([w["tmp"]], [w["final"]])
        if not FileSystems.exists(w["final"]):
            raise IOError(f"rename to {w['final']} left no file")
    if stale:
        FileSystems.delete(sorted(stale))
    for dataset in DATASETS:
        if not dataset_files(out, dataset):
            path = final_path(out, dataset, NULL_PARTITION, run_id, 0)
            write_table(to_table([], dataset), path)
    tmp = temp_folder(out, run_id)
    if FileSystems.exists(tmp):
        FileSystems.delete([tmp])


def write_manifest(out, run_id, manifest):
    """Write `_runs/RUN_ID.json` atomically."""
    path = join(out, "_runs", f"{run_id}.json")
    tmp = join(temp_folder(out, run_id) + "-manifest", f"{uuid.uuid4().hex}.tmp")
    with FileSystems.create(tmp, mime_type="application/json") as f:
        f.write(json.dumps(manifest, indent=1, sort_keys=True, default=str).encode("utf-8"))
    _ensure_folder(path)
    FileSystems.rename([tmp], [path])
    FileSystems.delete([FileSystems.split(tmp)[0]])


class _WriteGroupFn(beam.DoFn):
    """Writes one (partition, shard) group to a temp file and reports where it must go."""

    def __init__(self, out, dataset, run_id):
        self.out, self.dataset, self.run_id = out, dataset, run_id

    def process(self, element):
        (partition, shard), rows = element
        table = to_table(list(rows), self.dataset)
        tmp = join(temp_folder(self.out, self.run_id), self.dataset, f"{uuid.uuid4().hex}.tmp")
        write_table(table, tmp)
        beam.metrics.Metrics.counter("write", f"{self.dataset}_rows").inc(table.num_rows)
        yield {"dataset": self.dataset, "tmp": tmp, "rows": table.num_rows,
               "final": final_path(self.out, self.dataset, partition, self.run_id, shard)}


class WriteDataset(beam.PTransform):
    """Rows of one dataset -> temp Parquet files, one per (partition, shard); outputs the file records."""

    def __init__(self, out, dataset, run_id, shards=1):
        super().__init__()
        self.out, self.dataset, self.run_id, self.shards = out, dataset, run_id, shards

    def expand(self, rows):
        dataset, shards = self.dataset, self.shards
        return (rows
                | "Key" >> beam.Map(lambda r: ((partition_value(r, dataset), shard_of(r, dataset, shards)), r))
                | "Group" >> beam.GroupByKey()
                | "Write" >> beam.ParDo(_WriteGroupFn(self.out, dataset, self.run_id)))


class _CommitFn(beam.DoFn):
    def __init__(self, out, run_id, manifest):
        self.out, self.run_id, self.manifest = out, run_id, manifest

    def process(self, _, written, duplicates):
        commit(self.out, self.run_id, written)
        counts = {d: sum(w["rows"] for w in written if w["dataset"] == d) for d in DATASETS}
        manifest = dict(self.manifest, counts={**counts, "duplicates": duplicates},
                        files=sorted(w["final"] for w in written))
        write_manifest(self.out, self.run_id, manifest)
        yield manifest


class Commit(beam.PTransform):
    """Once every file is written: rename them into place and write the run's manifest."""

    def __init__(self, out, run_id, manifest):
        super().__init__()
        self.out, self.run_id, self.manifest = out, run_id, manifest

    def expand(self, pcolls):
        written, duplicates = pcolls
        return (written.pipeline
                | "Once" >> beam.Create([None])
                | "Commit" >> beam.ParDo(_CommitFn(self.out, self.run_id, self.manifest),
                                         written=beam.pvalue.AsList(written),
                                         duplicates=beam.pvalue.AsSingleton(duplicates)))
