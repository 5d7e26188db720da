"""The writer: partitions, null partitions, empty datasets, commit by rename, idempotent re-runs."""
import datetime
import json
import os

import apache_beam as beam
import pyarrow as pa
import pytest
from tests.conftest import offline_pipeline

from pipeline.dataset import read_dataset
from transforms.write import (JOURNAL, Commit, MergeChunks, SpillFn, chunk_schema, commit, drop_duplicates,
                              final_path, partition_value, shard_of, to_table)

NOW = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)


def reject(source, day=datetime.date(2024, 5, 6)):
    return {"source": source, "stage": "read", "reason": "empty", "detail": "", "ingest_date": day,
            "run_id": "r1", "ingested_at": NOW}


def run_write(out, run_id, rows, duplicates=0, shards=1, buffer_mb=1):
    with offline_pipeline() as p:
        chunks = (p | beam.Create([("rejects", r) for r in rows])
                  | beam.ParDo(SpillFn(str(out), run_id, shards, buffer_mb)))
        written = chunks | MergeChunks(str(out), run_id, p | "NoDuplicates" >> beam.Create([]))
        dups = p | "Dups" >> beam.Create([duplicates])
        (written, dups) | Commit(str(out), run_id, {"run_id": run_id})
    return json.loads((out / "_runs" / f"{run_id}.json").read_text())


def parquet_files(out):
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))


def test_partition_value_and_null_partition():
    assert partition_value({"meeting_date": datetime.date(2019, 6, 28)}, "meetings") == "2019-06-28"
    assert partition_value({"meeting_date": None}, "meetings") == "__HIVE_DEFAULT_PARTITION__"


def test_shard_is_stable_and_in_range():
    shards = {shard_of({"source": f"s{i}"}, "rejects", 4) for i in range(100)}
    assert shards == {0, 1, 2, 3}
    assert shard_of({"source": "x"}, "rejects", 4) == shard_of({"source": "x"}, "rejects", 4)


def test_to_table_drops_the_partition_column_and_keeps_types():
    table = to_table([reject("b"), reject("a")], "rejects")
    assert "ingest_date" not in table.column_names
    assert table.column("source").to_pylist() == ["a", "b"]
    assert table.schema.field("ingested_at").type == pa.timestamp("us", tz="UTC")


def test_drop_duplicates_leaves_out_the_duplicate_sources_rows():
    meeting = {"meeting_id": "m", "article_id": "x", "participants": [], "delegation": [], "topics": []}
    table = to_table([dict(meeting, source="a"), dict(meeting, source="b")], "meetings", chunk_schema("meetings"))
    kept = drop_duplicates(table, "meetings", {("x", "b"): True})
    assert kept.num_rows == 1 and "source" not in kept.column_names


def test_write_partitions_and_manifest(tmp_path):
    rows = [reject("a"), reject("b", datetime.date(2024, 5, 7)), reject("c", None)]
    manifest = run_write(tmp_path, "r1", rows, duplicates=2)
    assert manifest["counts"] == {"articles": 0, "meetings": 0, "rejects": 3, "duplicates": 2}
    files = parquet_files(tmp_path)
    assert "rejects/ingest_date=2024-05-06/part-r1-000.parquet" in files
    assert "rejects/ingest_date=2024-05-07/part-r1-000.parquet" in files
    assert "rejects/ingest_date=__HIVE_DEFAULT_PARTITION__/part-r1-000.parquet" in files
    table = read_dataset(str(tmp_path), "rejects")
    assert sorted(table.column("source").to_pylist()) == ["a", "b", "c"]
    assert not [p for p in (tmp_path / "_tmp").rglob("*") if p.is_file()]


def test_empty_datasets_get_an_empty_typed_file(tmp_path):
    run_write(tmp_path, "r1", [reject("a")])
    for dataset in ("articles", "meetings"):
        table = read_dataset(str(tmp_path), dataset)
        assert table.num_rows == 0 and table.schema.field("article_id").type == pa.string()


def test_rerun_with_same_id_replaces_and_new_id_appends(tmp_path):
    run_write(tmp_path, "r1", [reject("a"), reject("b", datetime.date(2024, 5, 7))])
    run_write(tmp_path, "r1", [reject("a")])
    assert sorted(read_dataset(str(tmp_path), "rejects").column("source").to_pylist()) == ["a"]
    assert not any("2024-05-07/part-r1" in f for f in parquet_files(tmp_path))
    run_write(tmp_path, "r2", [reject("z")])
    assert sorted(read_dataset(str(tmp_path), "rejects").column("source").to_pylist()) == ["a", "z"]


def test_chunks_of_one_partition_merge_into_one_file(tmp_path):
    run_write(tmp_path, "r1", [reject(f"s{i}") for i in range(7)], buffer_mb=0.0005)
    assert [f for f in parquet_files(tmp_path) if f.startswith("rejects/")] == [
        "rejects/ingest_date=2024-05-06/part-r1-000.parquet"]
    assert sorted(read_dataset(str(tmp_path), "rejects").column("source").to_pylist()) == [f"s{i}" for i in range(7)]


def test_shards_split_a_partition(tmp_path):
    run_write(tmp_path, "r1", [reject(f"s{i}") for i in range(20)], shards=3)
    names = [f for f in parquet_files(tmp_path) if f.startswith("rejects/")]
    assert len(names) == 3


def test_no_temp_file_ends_in_parquet(tmp_path, monkeypatch):
    seen = []
    real = __import__("transforms.write", fromlist=["write_table"]).write_table

    def spy(table, path):
        seen.append(path)
        real(table, path)
    monkeypatch.setattr("transforms.write.write_table", spy)
    run_write(tmp_path, "r1", [reject("a")])
    temps = [p for p in seen if "/_tmp/" in p]
    assert temps and all(not p.endswith(".parquet") for p in temps)


def test_commit_fails_loudly_when_a_temp_file_is_missing(tmp_path):
    final = final_path(str(tmp_path), "rejects", "2024-05-06", "r1", 0)
    with pytest.raises(Exception):
        commit(str(tmp_path), "r1", [{"dataset": "rejects", "tmp": str(tmp_path / "gone.tmp"), "final": final,
                                      "rows": 1}])
    assert not os.path.exists(final)


def test_commit_removes_the_temp_folder_once_empty(tmp_path):
    run_write(tmp_path, "r1", [reject("a")])
    assert not (tmp_path / "_tmp").exists()
    (tmp_path / "_tmp" / "cut").mkdir(parents=True)  # a journal that recovery has yet to complete
    (tmp_path / "_tmp" / "cut" / JOURNAL).write_text("{}")
    run_write(tmp_path, "r2", [reject("b")])
    assert [p.name for p in (tmp_path / "_tmp").iterdir()] == ["cut"]
