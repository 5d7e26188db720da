"""The seed run end to end, read back with pyarrow and DuckDB; re-runs are idempotent and de-duplicated."""
import shutil

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from pipeline.cli import main
from pipeline.dataset import read_dataset
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-run")
    assert main(["run", str(SEEDS), "--out", str(folder), "--run-id", "seed1"]) == 0
    return folder


def rows(out, dataset):
    return read_dataset(str(out), dataset).to_pylist()


def test_every_seed_becomes_an_article(out):
    articles = rows(out, "articles")
    assert sorted(a["source"].rsplit("/", 1)[-1] for a in articles) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(a["text"] and a["run_id"] == "seed1" and a["clean_chars"] <= a["raw_chars"] for a in articles)


def test_date_header_sets_the_partition(out):
    assert list((out / "articles").glob("published_date=2019-06-28/part-seed1-*.parquet"))
    dated = [a for a in rows(out, "articles") if a["published_date"] is not None]
    assert [a["text"].startswith("The Putin-Trump meeting") for a in dated] == [True]


def test_donation_banner_is_gone(out):
    text = " ".join(a["text"] for a in rows(out, "articles"))
    for banner in ("Enjoying ad-free content?", "A Message from The Moscow Times", "Remind me later."):
        assert banner not in text


def test_meetings_are_extracted_and_linked(out):
    meetings = rows(out, "meetings")
    ids = {a["article_id"] for a in rows(out, "articles")}
    assert meetings and all(m["article_id"] in ids for m in meetings)
    assert all(m["evidence"] and m["status"] in {"held", "planned", "proposed", "cancelled"} for m in meetings)


def test_duckdb_reads_every_dataset(out):
    con = duckdb.connect()
    for dataset, column in (("articles", "published_date"), ("meetings", "meeting_date"), ("rejects", "ingest_date")):
        n = con.execute(f"select count(*) from read_parquet('{out}/{dataset}/**/*.parquet', hive_partitioning=true)"
                        ).fetchone()[0]
        assert n == len(rows(out, dataset))
    kinds = con.execute(f"select typeof(meeting_date) from read_parquet('{out}/meetings/**/*.parquet', "
                        "hive_partitioning=true) where meeting_date is not null limit 1").fetchall()
    assert kinds in ([], [("DATE",)])


def test_pyarrow_with_the_partition_schema(out):
    dataset = ds.dataset(out / "meetings", format="parquet", partitioning=ds.partitioning(
        pa.schema([("meeting_date", pa.date32())]), flavor="hive"))
    assert dataset.to_table().num_rows == len(rows(out, "meetings"))


def test_rerun_same_id_is_identical_and_new_id_counts_duplicates(out, capsys):
    def snapshot():
        return {d: sorted(str(sorted((k, v) for k, v in r.items() if k != "ingested_at")) for r in rows(out, d))
                for d in ("articles", "meetings")}
    before = snapshot()
    assert main(["run", str(SEEDS), "--out", str(out), "--run-id", "seed1"]) == 0
    assert snapshot() == before
    capsys.readouterr()
    shutil.rmtree(out / "_state")  # without the incremental state every file is read again (tests/test_state.py)
    assert main(["run", str(SEEDS), "--out", str(out), "--run-id", "seed2"]) == 0
    assert "5 inputs, 0 articles, 5 duplicates skipped, 0 meetings" in capsys.readouterr().err
    assert snapshot() == before


def test_a_copy_in_the_same_run_is_a_duplicate_and_brings_no_meetings(tmp_path, capsys):
    seed = sorted(SEEDS.glob("*.txt"))[2]
    single, double = tmp_path / "single", tmp_path / "double"
    single.mkdir()
    double.mkdir()
    (single / "a.txt").write_bytes(seed.read_bytes())
    (double / "a.txt").write_bytes(seed.read_bytes())
    (double / "b.txt").write_bytes(seed.read_bytes())
    assert main(["run", str(single), "--out", str(tmp_path / "o1")]) == 0
    assert main(["run", str(double), "--out", str(tmp_path / "o2")]) == 0
    assert "2 inputs, 1 articles, 1 duplicates skipped" in capsys.readouterr().err
    one, two = rows(tmp_path / "o1", "meetings"), rows(tmp_path / "o2", "meetings")
    assert one and sorted(m["meeting_id"] for m in two) == sorted(m["meeting_id"] for m in one)
    assert [a["source"].rsplit("/", 1)[-1] for a in rows(tmp_path / "o2", "articles")] == ["a.txt"]
