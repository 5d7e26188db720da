"""Writing: rows -> Hive-partitioned Parquet files, written to a temp folder and renamed into place at commit."""
import contextlib
import errno
import fcntl
import hashlib
import json
import os
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
JOURNAL = "commit.json"  # in a run's temp folder from the first rename of its commit to the last
LOCK = "_lock"


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
    _make_folder(FileSystems.split(path)[0])


def _make_folder(folder):
    if not FileSystems.exists(folder):
        try:
            FileSystems.mkdirs(folder)
        except IOError:
            if not FileSystems.exists(folder):
                raise


def _ensure_writable(folder):
    """Create `folder`; PermissionError when it is local and this process may not add files to it."""
    _make_folder(folder)
    if "://" not in folder and not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, "Permission denied", folder)


def commit(out, run_id, written, datasets=RUN_DATASETS, manifest=None):
    """Move the run's temp files to their final names, drop its stale files, fill empty datasets, and write
    `manifest` (when given).

    `written` holds {"dataset", "tmp", "final", "rows"} records. Every target folder is created and checked
    before the first rename, and a journal of the renames is written first, so that `recover` completes a
    commit cut short by a killed process. A failed rename raises: no run reports success with data left behind.
    """
    for folder in sorted({FileSystems.split(w["final"])[0] for w in written}):
        _ensure_writable(folder)
    write_json(join(temp_folder(out, run_id), JOURNAL), {"written": written, "datasets": list(datasets),
                                                         "manifest": manifest}, temp_folder(out, run_id))
    _complete(out, run_id, written, datasets, manifest)


def _complete(out, run_id, written, datasets, manifest, resumed=False):
    """The commit's steps after its journal; `resumed`: a rename whose temp file is gone was done before."""
    stale = run_files(out, run_id) - {w["final"] for w in written}
    for w in sorted(written, key=lambda w: w["final"]):
        if resumed and not FileSystems.exists(w["tmp"]) and FileSystems.exists(w["final"]):
            continue
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
    if manifest is not None:
        write_manifest(out, run_id, manifest)
    tmp = temp_folder(out, run_id)
    if FileSystems.exists(join(tmp, JOURNAL)):
        FileSystems.delete([join(tmp, JOURNAL)])  # the commit is complete from here on
    if FileSystems.exists(tmp):
        FileSystems.delete([tmp])
    drop_empty_scratch(out)


def recover(out):
    """Complete the commits that killed runs left half done (their journals list the renames), then delete
    everything else in OUT/_tmp/; the ids of the runs completed. Only while holding `output_lock`: no run is live.

    Completing, not undoing: a re-run of the same id may already have replaced that run's earlier files.
    """
    scratch = join(out, "_tmp")
    journals = sorted(m.path for m in FileSystems.match([join(scratch, "*", JOURNAL)])[0].metadata_list)
    completed = []
    for path in journals:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
            journal = json.loads(f.read())
        run_id = posixpath.basename(FileSystems.split(path)[0])
        manifest = dict(journal["manifest"], completed_by_recovery=True) if journal["manifest"] else None
        try:
            _complete(out, run_id, journal["written"], journal["datasets"], manifest, resumed=True)
        except Exception as e:  # noqa: BLE001 - one clear line, not the rename's
            raise IOError(f"cannot complete the commit of run {run_id}, cut short earlier ({e}); delete "
                          f"{FileSystems.split(path)[0]} to give it up, then re-run --run-id {run_id}") from None
        completed.append(run_id)
    if FileSystems.exists(scratch):
        FileSystems.delete([scratch])
    return completed


def drop_temp(out):
    """Delete the temp folders in OUT/_tmp/ that hold no journal (runs that failed or died before committing),
    freeing their space; journaled ones wait for `recover`. Only while holding `output_lock`."""
    scratch = join(out, "_tmp")
    files = [m.path for m in FileSystems.match([join(scratch, "**")])[0].metadata_list]
    folders = {join(scratch, p[len(scratch):].lstrip("/").split("/")[0]) for p in files}
    doomed = sorted(f for f in folders if not FileSystems.exists(join(f, JOURNAL)))
    if doomed:
        FileSystems.delete(doomed)
    drop_empty_scratch(out)


def drop_empty_scratch(out):
    """Remove OUT/_tmp/ when it holds nothing (an object store has no empty folders to remove)."""
    if FileSystems.get_scheme(out) is None:
        with contextlib.suppress(OSError):  # not empty: another step of this run, or a journal, is in it
            os.rmdir(os.path.join(out, "_tmp"))


@contextlib.contextmanager
def output_lock(out, waiting=None):
    """Hold the output folder's lock (an exclusive flock on OUT/_lock) for the block, calling `waiting()` first
    when another process holds it: runs into one folder take turns. The system releases the lock when the
    process ends, killed or not. Yields False, without locking, for a remote output (gs://, s3://)."""
    if "://" in out:
        yield False
        return
    with open(os.path.join(out, LOCK), "ab") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                waiting()
            fcntl.flock(f, fcntl.LOCK_EX)
        yield True


def unreadable_files(paths):
    """(path, error) for each file whose Parquet footer cannot be read: truncated, overwritten, not Parquet."""
    bad = []
    for path in paths:
        try:
            with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
                pq.ParquetFile(f)
        except Exception as e:  # noqa: BLE001 - whatever the damage, the file cannot be used
            bad.append((path, f"{type(e).__name__}: {e}"))
    return bad


def write_json(path, data, scratch):
    """Write `data` as JSON to `path` atomically: a temp file in folder `scratch`, renamed."""
    tmp = join(scratch, f"{uuid.uuid4().hex}.tmp")
    with FileSystems.create(tmp, mime_type="application/json") as f:
        f.write(json.dumps(data, indent=1, sort_keys=True, default=str).encode("utf-8"))
    _ensure_folder(path)
    FileSystems.rename([tmp], [path])


def write_json_file(out, path, data, name):
    """Write `data` as JSON to `path` atomically, through a temp folder OUT/_tmp/NAME removed after: should the
    process die before the rename, the next run into OUT clears it with the rest of OUT/_tmp/ (`recover`)."""
    scratch = join(out, "_tmp", name)
    write_json(path, data, scratch)
    FileSystems.delete([scratch])
    drop_empty_scratch(out)


def write_manifest(out, run_id, manifest):
    """Write `_runs/RUN_ID.json` atomically."""
    write_json_file(out, join(out, "_runs", f"{run_id}.json"), manifest, f"{run_id}-manifest")


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
        counts = {d: sum(w["rows"] for w in written if w["dataset"] == d) for d in RUN_DATASETS}
        manifest = dict(self.manifest, counts={**counts, "duplicates": duplicates},
                        files=sorted(w["final"] for w in written))
        commit(self.out, self.run_id, written, manifest=manifest)
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
