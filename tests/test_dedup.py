"""De-duplication within a run and against the output's existing articles."""
import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.testing.util import assert_that, equal_to

from tests.conftest import offline_pipeline
from transforms.dedup import FindDuplicates, duplicate_sources, existing_article_files


def test_the_first_source_is_kept():
    assert duplicate_sources(["b", "a", "c"], already_written=False) == ["b", "c"]


def test_every_source_is_a_duplicate_when_already_written():
    assert duplicate_sources(["a"], already_written=True) == ["a"]


def test_drop_duplicates_transform(tmp_path):
    old = tmp_path / "articles" / "published_date=2020-01-01" / "part-old-000.parquet"
    old.parent.mkdir(parents=True)
    pq.write_table(pa.table({"article_id": ["seen"]}), old)
    with offline_pipeline() as p:
        ids = p | beam.Create([("a", "s1"), ("a", "s2"), ("seen", "s3"), ("b", "s4")])
        assert_that(ids | FindDuplicates([str(old)]), equal_to([("a", "s2"), ("seen", "s3")]))


def test_existing_files_leave_out_the_run_being_redone(tmp_path):
    for run in ("r1", "r2"):
        path = tmp_path / "articles" / "published_date=2020-01-01" / f"part-{run}-000.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table({"article_id": ["x"]}), path)
    assert [p.rsplit("/", 1)[-1] for p in existing_article_files(str(tmp_path), "r1")] == ["part-r2-000.parquet"]
