"""Writing: rows -> Hive-partitioned Parquet files, written to a temp folder and renamed into place at commit."""
import hashlib
import json
import posixpath
import uuid

import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.transforms.window import GlobalWindows

from pipeline.schema import DATASETS, NULL_PARTITION, RUN_DATASETS, file_schema

SHARD_KEY = {"articles": "article_id", "meetings": "meeting_id", "rejects": "source", "events": "event_id"}


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


def to_table(rows, dataset, schema=None):
    """Rows (dicts holding every column) -> a table of the dataset's file schema (or `schema`), in a stable order."""
    schema = schema or file_schema(dataset)
    key = SHARD_KEY[dataset]
    rows = sorted(rows, key=lambda r: (str(r[key]), str(r.get("source") or "")))
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


def commit(out, run_id, written, datasets=RUN_DATASETS):
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
    for dataset in datasets:
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


def release_freed_memory():
    """Arrow's system allocator: the default mimalloc pool keeps freed pages, so a long run's peak memory
    would grow with every temp file written (measured with benchmarks/throughput.py)."""
    pa.set_memory_pool(pa.system_memory_pool())


def chunk_schema(dataset):
    """The schema of a temp chunk: the file schema, plus `source` where rows of an article lack it (for
    de-duplication)."""
    schema = file_schema(dataset)
    if "article_id" in schema.names and "source" not in schema.names:
        return schema.append(pa.field("source", pa.string()))
    return schema


def row_bytes(row):
    """A cheap estimate of a row's size: its text fields plus a fixed overhead."""
    return 200 + sum(len(v) for v in row.values() if isinstance(v, str))


class SpillFn(beam.DoFn):
    """(dataset, row) -> temp chunk files, one per (dataset, partition, shard) in the buffer, written whenever
    `buffer_mb` of rows wait: memory stays flat however many documents a bundle holds. Outputs chunk records."""

    def __init__(self, out, run_id, shards, buffer_mb):
        self.out, self.run_id, self.shards, self.buffer_bytes = out, run_id, shards, int(buffer_mb * 2**20)

    def setup(self):
        release_freed_memory()
        self.rows_counter = {d: beam.metrics.Metrics.counter("write", f"{d}_rows") for d in DATASETS}

    def start_bundle(self):
        self.buffer, self.waiting = {}, 0

    def process(self, element):
        dataset, row = element
        key = (dataset, partition_value(row, dataset), shard_of(row, dataset, self.shards))
        self.buffer.setdefault(key, []).append(row)
        self.rows_counter[dataset].inc()
        self.waiting += row_bytes(row)
        if self.waiting >= self.buffer_bytes:
            yield from self._flush()

    def finish_bundle(self):
        for record in self._flush():
            yield GlobalWindows.windowed_value(record)

    def _flush(self):
        for (dataset, partition, shard), rows in sorted(self.buffer.items()):
            table = to_table(rows, dataset, chunk_schema(dataset))
            tmp = join(temp_folder(self.out, self.run_id), "chunks", f"{uuid.uuid4().hex}.tmp")
            write_table(table, tmp)
            yield {"dataset": dataset, "partition": partition, "shard": shard, "tmp": tmp, "rows": table.num_rows,
                   "first": str(table.column(SHARD_KEY[dataset])[0].as_py())}
        self.buffer, self.waiting = {}, 0


def read_chunk(path):
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        return pq.read_table(f)


def drop_duplicates(table, dataset, duplicates):
    """`table` less the rows of duplicate (article_id, source) pairs, in the dataset's file schema."""
    if duplicates and "article_id" in table.column_names:
        keep = [(a, s) not in duplicates for a, s in zip(table.column("article_id").to_pylist(),
                                                         table.column("source").to_pylist())]
        table = table.filter(pa.array(keep, pa.bool_()))
    return table.select(file_schema(dataset).names)


class _MergeFn(beam.DoFn):
    """The chunks of one (dataset, partition, shard) -> one temp file, duplicates left out, one chunk in memory at a
    time; a lone chunk that needs no change is used as it is."""

    def __init__(self, out, run_id):
        self.out, self.run_id = out, run_id

    def setup(self):
        release_freed_memory()

    def process(self, element, duplicates):
        (dataset, partition, shard), chunks = element
        chunks = sorted(chunks, key=lambda c: (c["first"], c["tmp"]))
        final = final_path(self.out, dataset, partition, self.run_id, shard)
        if len(chunks) == 1 and chunk_schema(dataset) == file_schema(dataset) and not (
                duplicates and "article_id" in chunk_schema(dataset).names):
            yield {"dataset": dataset, "tmp": chunks[0]["tmp"], "rows": chunks[0]["rows"], "final": final}
            return
        tmp = join(temp_folder(self.out, self.run_id), dataset, f"{uuid.uuid4().hex}.tmp")
        rows = 0
        with FileSystems.create(tmp, mime_type="application/octet-stream") as f:
            with pq.ParquetWriter(f, file_schema(dataset), compression="zstd") as writer:
                for chunk in chunks:
                    table = drop_duplicates(read_chunk(chunk["tmp"]), dataset, duplicates)
                    if table.num_rows:
                        writer.write_table(table)
                        rows += table.num_rows
        if not rows:
            FileSystems.delete([tmp])
            return
        yield {"dataset": dataset, "tmp": tmp, "rows": rows, "final": final}


class MergeChunks(beam.PTransform):
    """Chunk records -> the run's files, one per (dataset, partition, shard); outputs the file records.

    `duplicates` holds the (article_id, source) pairs de-duplication dropped; only these small rows and
    the chunk records are grouped, never the articles themselves.
    """

    def __init__(self, out, run_id, duplicates):
        super().__init__()
        self.out, self.run_id, self.duplicates = out, run_id, duplicates

    def expand(self, chunks):
        return (chunks
                | "Key" >> beam.Map(lambda c: ((c["dataset"], c["partition"], c["shard"]), c))
                | "Group" >> beam.GroupByKey()
                | "Merge" >> beam.ParDo(_MergeFn(self.out, self.run_id),
                                        duplicates=beam.pvalue.AsDict(
                                            self.duplicates | "AsKeys" >> beam.Map(lambda d: (d, True)))))


class _CommitFn(beam.DoFn):
    def __init__(self, out, run_id, manifest):
        self.out, self.run_id, self.manifest = out, run_id, manifest

    def process(self, _, written, duplicates):
        commit(self.out, self.run_id, written)
        counts = {d: sum(w["rows"] for w in written if w["dataset"] == d) for d in RUN_DATASETS}
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
