"""De-duplication within a run and against the output's existing articles."""
import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.testing.util import assert_that, equal_to

from tests.conftest import offline_pipeline
from transforms.dedup import DropDuplicates, choose, existing_article_files


def bundle(aid, source, meetings=0):
    return {"article": {"article_id": aid, "source": source},
            "meetings": [{"meeting_id": f"{aid}-{i}"} for i in range(meetings)]}


def test_choose_keeps_the_first_source():
    kept, dropped = choose([bundle("x", "b"), bundle("x", "a")], already_written=False)
    assert kept["article"]["source"] == "a" and [d["article"]["source"] for d in dropped] == ["b"]


def test_choose_drops_all_when_already_written():
    kept, dropped = choose([bundle("x", "a")], already_written=True)
    assert kept is None and len(dropped) == 1


def test_drop_duplicates_transform(tmp_path):
    old = tmp_path / "articles" / "published_date=2020-01-01" / "part-old-000.parquet"
    old.parent.mkdir(parents=True)
    pq.write_table(pa.table({"article_id": ["seen"]}), old)
    with offline_pipeline() as p:
        bundles = p | beam.Create([("a", bundle("a", "s1", 2)), ("a", bundle("a", "s2", 1)),
                                   ("seen", bundle("seen", "s3", 1)), ("b", bundle("b", "s4"))])
        result = bundles | DropDuplicates([str(old)])
        assert_that(result.articles | beam.Map(lambda a: a["source"]), equal_to(["s1", "s4"]), label="articles")
        assert_that(result.meetings | beam.Map(lambda m: m["meeting_id"]), equal_to(["a-0", "a-1"]),
                    label="meetings")
        assert_that(result.duplicates, equal_to(["s2", "s3"]), label="duplicates")


def test_existing_files_leave_out_the_run_being_redone(tmp_path):
    for run in ("r1", "r2"):
        path = tmp_path / "articles" / "published_date=2020-01-01" / f"part-{run}-000.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table({"article_id": ["x"]}), path)
    assert [p.rsplit("/", 1)[-1] for p in existing_article_files(str(tmp_path), "r1")] == ["part-r2-000.parquet"]
