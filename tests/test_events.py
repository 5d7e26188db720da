"""Events: precision-aware date matching, places that contradict, lifecycle, conflicts, idempotent rebuild."""
import datetime

import apache_beam as beam
from hypothesis import given, settings, strategies as st
from apache_beam.testing.util import assert_that, equal_to

from pipeline.cli import main
from pipeline.dataset import read_dataset
from tests.conftest import SEEDS, offline_pipeline
from transforms.events import BuildEvents, cluster, consolidate, interval, mention, pack, unpack
from transforms.write import to_table, write_table

D = datetime.date
A, B = {"name": "Ana Alpha", "country": "A", "role": None}, {"name": "Bo Beta", "country": "B", "role": None}


def meeting(mid, day=None, precision=None, status="held", city=None, country=None, fmt="in_person", event=None,
            duration=None, topics=(), article=None):
    return {"meeting_id": mid, "article_id": article or f"art-{mid}", "participants": [A, B], "status": status,
            "format": fmt, "meeting_date": day, "date_precision": precision, "city": city, "country": country,
            "venue": None, "event": event, "duration_minutes": duration, "topics": list(topics)}


def m(mid, published=None, site="site", **kw):
    return mention(meeting(mid, **kw), published, site)


def ids(groups):
    return sorted(sorted(x["meeting_id"] for x in g) for g in groups)


def test_a_packed_meeting_unpacks_to_its_mention():
    row = meeting("1", day=D(2020, 3, 1), precision="month", city="Oslo", duration=40, topics=["trade"])
    assert unpack(pack(row, D(2020, 3, 2), "site")) == mention(row, D(2020, 3, 2), "site")
    bare = dict(meeting("2"), participants=None, topics=None)
    assert unpack(pack(bare, None, "")) == mention(bare, None, "")


def test_interval_covers_the_period_of_the_precision():
    assert interval(D(2020, 2, 1), "month") == (D(2020, 2, 1), D(2020, 2, 29))
    assert interval(D(2021, 1, 1), "year") == (D(2021, 1, 1), D(2021, 12, 31))
    assert interval(None, None) is None


def test_a_month_joins_the_day_it_covers_and_other_days_stay_apart():
    groups = cluster([m("1", day=D(2020, 3, 1), precision="month"), m("2", day=D(2020, 3, 14), precision="day"),
                      m("3", day=D(2020, 4, 2), precision="day")])
    assert ids(groups) == [["1", "2"], ["3"]]


def test_an_ambiguous_month_starts_its_own_event():
    groups = cluster([m("1", day=D(2020, 3, 1), precision="month"), m("2", day=D(2020, 3, 5), precision="day"),
                      m("3", day=D(2020, 3, 20), precision="day")])
    assert ids(groups) == [["1"], ["2"], ["3"]]


def test_contradicting_places_or_formats_never_merge():
    groups = cluster([m("1", day=D(2020, 3, 5), precision="day", city="Oslo"),
                      m("2", day=D(2020, 3, 5), precision="day", city="Rome"),
                      m("3", day=D(2020, 3, 5), precision="day", fmt="phone")])
    assert ids(groups) == [["1"], ["2"], ["3"]]


def test_an_unknown_date_joins_only_the_single_event_that_fits():
    dated = [m("1", day=D(2020, 3, 5), precision="day", city="Oslo"), m("2", day=D(2021, 6, 1), precision="day",
                                                                         city="Rome")]
    assert ids(cluster(dated + [m("3", city="Oslo")])) == [["1", "3"], ["2"]]
    assert ids(cluster(dated + [m("4")])) == [["1"], ["2"], ["4"]]


def test_a_summit_straddling_a_month_boundary_is_one_meeting():
    groups = cluster([m("1", day=D(2020, 11, 30), precision="day", city="Lima", event="G20 summit"),
                      m("2", day=D(2020, 12, 1), precision="month", city="Lima", event="G20 summit"),
                      m("3", day=D(2020, 12, 1), precision="month", city="Lima")])
    assert ids(groups) == [["1", "2"], ["3"]]


def test_lifecycle_latest_status_by_publication_and_the_history():
    event = consolidate([m("1", published=D(2020, 3, 1), site="x", status="planned", day=D(2020, 3, 5),
                           precision="day", topics=["trade"]),
                         m("2", published=D(2020, 3, 6), site="y", status="held", day=D(2020, 3, 5), precision="day",
                           topics=["trade", "energy"], duration=90),
                         m("3", published=D(2020, 3, 7), site="y", status="held", day=D(2020, 3, 1),
                           precision="month", topics=["energy"], duration=90)], rebuilt_at=None)
    assert event["status"] == "held"
    assert [h["status"] for h in event["status_history"]] == ["planned", "held", "held"]
    assert (event["event_date"], event["date_precision"]) == (D(2020, 3, 5), "day")
    assert (event["num_articles"], event["num_sources"]) == (3, 2)
    assert (event["first_reported"], event["last_reported"]) == (D(2020, 3, 1), D(2020, 3, 7))
    assert event["topics"] == ["energy", "trade"] and event["duration_minutes"] == 90 and event["conflicts"] == []


def test_held_and_cancelled_reports_are_a_conflict_and_the_event_id_is_stable():
    reports = [m("1", published=D(2020, 3, 1), status="held", city="Oslo", duration=60),
               m("2", published=D(2020, 3, 2), status="cancelled", city="Oslo", duration=90)]
    event = consolidate(reports, rebuilt_at=None)
    assert event["status"] == "cancelled"
    assert {c["field"]: c["values"] for c in event["conflicts"]} == {"status": ["cancelled", "held"],
                                                                       "duration_minutes": ["60", "90"]}
    assert consolidate(list(reversed(reports)), rebuilt_at=None)["event_id"] == event["event_id"]


def test_build_events_joins_articles_and_groups_by_participants(tmp_path):
    meetings_file = tmp_path / "meetings" / "meeting_date=2020-03-05" / "part-x-000.parquet"
    articles_file = tmp_path / "articles" / "published_date=2020-03-06" / "part-x-000.parquet"
    for path in (meetings_file, articles_file):
        path.parent.mkdir(parents=True)
    rows = [dict(meeting("1", precision="day", status="planned"), evidence="", run_id="x"),
            dict(meeting("2", precision="day", article="a2"), evidence="", run_id="x")]
    write_table(to_table(rows, "meetings"), str(meetings_file))
    write_table(to_table([{"article_id": "a2", "source": "/in/a2.txt", "site_name": "Site"}], "articles"),
                str(articles_file))
    with offline_pipeline() as p:
        events = ((p | "M" >> beam.Create([str(meetings_file)]), p | "A" >> beam.Create([str(articles_file)]))
                  | BuildEvents(rebuilt_at=None))
        assert_that(events | beam.Map(lambda e: (e["status"], e["event_date"], e["last_reported"], e["num_sources"])),
                    equal_to([("held", D(2020, 3, 5), D(2020, 3, 6), 2)]))


def test_seed_events_and_an_idempotent_rebuild(tmp_path):
    assert main(["run", str(SEEDS), "--out", str(tmp_path)]) == 0
    first = sorted(read_dataset(str(tmp_path), "events").to_pylist(), key=lambda e: e["event_id"])
    meetings = read_dataset(str(tmp_path), "meetings").num_rows
    assert sorted(i for e in first for i in e["meeting_ids"]) == sorted(
        read_dataset(str(tmp_path), "meetings").column("meeting_id").to_pylist())
    assert len(first) < meetings
    osaka = [e for e in first if e["city"] == "Osaka"]
    assert len(osaka) == 1 and osaka[0]["status"] == "held" and osaka[0]["num_articles"] == 3
    assert [h["status"] for h in osaka[0]["status_history"]][0] == "planned"
    assert main(["events", str(tmp_path)]) == 0
    again = sorted(read_dataset(str(tmp_path), "events").to_pylist(), key=lambda e: e["event_id"])
    strip = lambda rows: [{k: v for k, v in r.items() if k != "rebuilt_at"} for r in rows]  # noqa: E731
    assert strip(again) == strip(first)
    assert len(list((tmp_path / "events").rglob("*.parquet"))) == len({e["event_date"] for e in first})


def test_the_events_run_id_is_reserved(tmp_path, capsys):
    assert main(["run", str(SEEDS), "--out", str(tmp_path), "--run-id", "events"]) == 2
    assert "reserved" in capsys.readouterr().err


def naive_cluster(mentions):
    """The definition: every event is checked for every mention."""
    from transforms.events import PRECISION_RANK, Event
    events = []
    for x in sorted(mentions, key=lambda x: (PRECISION_RANK.get(x["date_precision"], 3),
                                             x["meeting_date"] or datetime.date.min, x["meeting_id"])):
        fitting = [e for e in events if e.fits(x)]
        if len(fitting) == 1:
            fitting[0].add(x)
        else:
            events.append(Event(x))
    return [e.mentions for e in events]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 800), st.sampled_from(["day", "month", "year", None]),
                          st.sampled_from([None, "Oslo", "Lima"]), st.sampled_from([None, "G20 summit"]),
                          st.sampled_from(["in_person", "phone"])), max_size=40))
def test_the_month_index_clusters_like_checking_every_event(rows):
    mentions = [m(str(i), day=None if p is None else D(2019, 12, 25) + datetime.timedelta(days=d), precision=p,
                  city=c, event=e, fmt=f) for i, (d, p, c, e, f) in enumerate(rows)]
    assert cluster(mentions) == naive_cluster(mentions)
