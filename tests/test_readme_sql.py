"""Every DuckDB query in README.md runs on the output of `parley run seeds` with the installed DuckDB, and gives
the columns the README shows under it."""
import re

import duckdb
import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n(?:\n```\n(.*?)^```)?", re.S | re.M)
DATASET_PATH = re.compile(r"'[^']*?/(articles|meetings|rejects|events)/")


def snippets():
    """(SQL, the result table printed under it or None): ```sql blocks and the duckdb.sql(...) of ```python ones."""
    found = []
    for lang, body, shown in FENCE.findall(README):
        if lang == "sql":
            found.append((body, shown))
        elif lang == "python":
            found += [(sql, shown) for sql in re.findall(r'duckdb\.sql\("""(.*?)"""\)', body, re.S)]
    return [(sql, shown if shown and shown.startswith("┌") else None) for sql, shown in found]


def test_the_readme_has_duckdb_queries():
    assert len(snippets()) >= 3


@pytest.mark.parametrize("sql,shown", snippets(), ids=lambda v: " ".join(v.split())[:40] if v else "")
def test_readme_query_runs(seed_output, sql, shown):
    query = DATASET_PATH.sub(lambda m: f"'{seed_output}/{m[1]}/", sql)
    assert query != sql, "a README query that reads no Parley dataset"
    result = duckdb.sql(query)
    assert result.fetchall()
    if shown:  # the header line of DuckDB's box: the column names
        assert [c.strip() for c in shown.splitlines()[1].strip("│").split("│")] == result.columns
