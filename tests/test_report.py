"""`parley report`: its numbers against DuckDB queries of its own over the seed run, its page, its errors."""
import collections
import itertools
import re
import shutil

import duckdb
import pytest

from pipeline import report
from pipeline.cli import main
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """One run of the seeds and two files that are rejected."""
    root = tmp_path_factory.mktemp("report")
    junk = root / "junk"
    junk.mkdir()
    (junk / "scan.pdf").write_bytes(b"%PDF-1.4")
    (junk / "blank.txt").write_bytes(b"")
    assert main(["run", str(SEEDS), str(junk), "--out", str(root / "out"), "--run-id", "seeds", "--quiet"]) == 0
    return str(root / "out")


@pytest.fixture(scope="module")
def data(out):
    return report.gather(out)


def query(out, sql):
    """`sql` with {articles} and the like standing for a glob over that dataset's folders."""
    tables = {name: f"read_parquet('{out}/{name}/*/*.parquet', hive_partitioning = true)"
              for name in ("articles", "meetings", "events", "rejects")}
    return duckdb.connect().execute(sql.format(**tables)).fetchall()


def test_counts(out, data):
    for name in ("articles", "meetings", "events", "rejects"):
        assert data["counts"][name] == query(out, f"select count(*) from {{{name}}}")[0][0]
    assert data["counts"]["rejects"] == 2 and data["counts"]["meetings"] > 0 and data["counts"]["events"] > 0
    assert data["runs"] == 1
    assert set(data["found"]) == {"articles", "meetings", "events", "rejects"}


def test_meetings_per_month(out, data):
    expected, undated = collections.defaultdict(collections.Counter), 0
    for day, precision, status in query(out, "select meeting_date, date_precision, status from {meetings}"):
        if precision in ("day", "month"):
            expected[day.strftime("%Y-%m")][status] += 1
        else:
            undated += 1
    assert data["months"] == {month: dict(counts) for month, counts in expected.items()}
    assert data["undated"] == undated
    assert sum(sum(m.values()) for m in data["months"].values()) + undated == data["counts"]["meetings"]


def pair_counts(out, dataset):
    counts = collections.Counter()
    for (names,) in query(out, f"select list_transform(participants, lambda p: p.name) from {{{dataset}}}"):
        counts.update(f"{a} – {b}" for a, b in itertools.combinations(sorted(set(names)), 2))
    return counts


def test_pairs(out, data):
    meetings, events = pair_counts(out, "meetings"), pair_counts(out, "events")
    assert data["pairs"], "the seeds name pairs"
    for pair, n_meetings, n_events in data["pairs"]:
        assert (n_meetings, n_events) == (meetings[pair], events[pair])
    ranked = sorted(events, key=lambda p: (-events[p], -meetings[p], p))
    assert [p for p, _, _ in data["pairs"]] == ranked[:10]


@pytest.mark.parametrize("field,column", [("status", "status"), ("format", "format"), ("topics", "unnest(topics)")])
def test_breakdowns(out, data, field, column):
    def counts(dataset):
        return dict(query(out, f"select v, count(*) from (select {column} as v from {{{dataset}}}) group by v"))
    meetings, events = counts("meetings"), counts("events")
    assert data[field]
    for value, n_meetings, n_events in data[field]:
        assert (n_meetings, n_events) == (meetings[value], events.get(value, 0))
    assert [r[1] for r in data[field]] == sorted((r[1] for r in data[field]), reverse=True)
    if field != "topics":
        assert sum(r[1] for r in data[field]) == data["counts"]["meetings"]


def test_rejects_by_reason(out, data):
    assert data["rejects"] == sorted(query(out, "select stage, reason, count(*) from {rejects} group by all"),
                                     key=lambda r: (-r[2], r[0], r[1]))
    assert {r[1] for r in data["rejects"]} == {"empty", "unsupported_type"}


def test_events_with_their_evidence_and_sources(out, data):
    rows = query(out, "select event_id, event_date, meeting_ids, status from {events}")
    assert len(data["events"]) == len(rows)
    dates = [e["date"] for e in data["events"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (len(dates) - len(dated))
    evidence = dict(query(out, "select meeting_id, evidence from {meetings}"))
    sources = dict(query(out, "select m.meeting_id, a.source from {meetings} m join {articles} a using (article_id)"))
    by_id = {e["event_id"]: e for e in data["events"]}
    for event_id, _, meeting_ids, status in rows:
        event = by_id[event_id]
        assert event["status"] == status
        assert sorted(r["evidence"] for r in event["reports"]) == sorted(evidence[m] for m in meeting_ids)
        assert sorted(r["href"] for r in event["reports"]) == sorted(
            "file://" + sources[m] for m in meeting_ids)


def test_works_without_events(out, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns("events"))
    data = report.gather(str(copy))
    assert data["counts"]["events"] is None and data["events"] is None
    assert data["counts"]["meetings"] == query(out, "select count(*) from {meetings}")[0][0]
    assert all(events is None for _, _, events in data["pairs"] + data["status"])
    assert "No events/ folder" in report.render_html(data)
    assert "events – (no events/ folder)" in report.render_text(data)


def test_text_summary(out, data):
    text = report.render_text(data)
    articles, meetings, events = (query(out, f"select count(*) from {{{n}}}")[0][0]
                                  for n in ("articles", "meetings", "events"))
    assert f"articles {articles}, meetings {meetings}, events {events}, rejects 2; runs 1" in text
    top_pair, n_meetings, n_events = data["pairs"][0]
    assert re.search(rf"{re.escape(top_pair)}\s+{n_meetings}\s+{n_events}\n", text)
    assert re.search(r"read\s+empty\s+1\n", text)


def test_page_is_self_contained(data):
    page = report.render_html(data)
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(|\ssrc=", page, re.I)
    hrefs = re.findall(r'href="([^"]+)"', page)
    assert hrefs and all(h.startswith("file:///") for h in hrefs)
    charts = set(re.findall(r'data-chart="(\w+)"', page))
    assert {"timeline", "pairs", "status", "format", "topics", "rejects"} <= charts
    for name, n in data["counts"].items():
        assert f'data-count="{name}"><b>{n}</b>' in page


def test_page_escapes_what_articles_say(data):
    event = data["events"][0]
    nasty = dict(event, participants=["<b>Someone</b>"],
                 reports=[{"status": "held", "evidence": "a < b & c", "published": None,
                           "title": "<script>alert(1)</script>", "href": report.link("javascript:alert(1)", None)}])
    page = report.render_html(dict(data, events=[nasty]))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Someone&lt;/b&gt;" in page and "a &lt; b &amp; c" in page and "javascript:" not in page


def test_page_lists_the_first_reports_of_an_event(data):
    event = data["events"][0]
    many = dict(event, reports=[dict(event["reports"][0], evidence=f"report {i}") for i in range(12)])
    page = report.render_html(dict(data, events=[many]))
    assert "report 9<" in page and "report 10<" not in page and "and 2 more reports" in page


@pytest.mark.parametrize("url,source,expected", [
    ("https://example.org/a", "/in/a.html", "https://example.org/a"),
    (None, "http://feeds.example.org/item", "http://feeds.example.org/item"),
    ("javascript:alert(1)", "/in/a b.txt", "file:///in/a%20b.txt"),
    (None, "relative/a.txt", None),
    (None, None, None),
])
def test_link(url, source, expected):
    assert report.link(url, source) == expected


def test_month_range_and_axis_labels():
    assert list(report.month_range("2018-11", "2019-02")) == ["2018-11", "2018-12", "2019-01", "2019-02"]
    assert report.axis_labels(list(report.month_range("2018-11", "2019-02"))) == {0: "2018-11", 3: "2019-02"}
    long = list(report.month_range("1990-06", "2020-05"))
    every_third_year = {i: m[:4] for i, m in enumerate(long) if m.endswith("-01") and int(m[:4]) % 3 == 0}
    assert report.axis_labels(long) == every_third_year


def test_charts_scale_to_the_largest_value():
    svg = report.bar_chart("x", [("a", 4, "4"), ("b", 2, "2")])
    widths = [float(w) for w in re.findall(r'class="bar" x="\d+" y="\d+" width="([\d.]+)"', svg)]
    assert widths[0] == 2 * widths[1] > 0
    assert "None." in report.bar_chart("x", []) and "No meeting" in report.timeline({})
    timeline = report.timeline({"2020-01": {"held": 2}, "2020-03": {"held": 1, "planned": 1}})
    heights = [float(h) for h in re.findall(r'class="bar" [^>]*height="([\d.]+)"', timeline)]
    assert len(heights) == 3 and heights[0] == heights[1] + heights[2]


def test_command(out, tmp_path, capsys):
    page = tmp_path / "report.html"
    assert main(["report", out, "--html", str(page)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"Parley report: {out}\n")
    assert re.fullmatch(rf"parley: report: [\d.]+ KiB -> {re.escape(str(page))}\n", captured.err)
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_command_errors(out, tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope")]) == 2
    assert main(["report", str(tmp_path)]) == 2
    damaged = tmp_path / "damaged"
    shutil.copytree(out, damaged)
    next((damaged / "meetings").rglob("*.parquet")).write_bytes(b"not parquet")
    assert main(["report", str(damaged)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"parley: no such folder: {tmp_path / 'nope'}"
    assert err[1].startswith(f"parley: no Parley output in {tmp_path}")
    assert err[2].startswith("parley: report failed: ") and len(err) == 3
