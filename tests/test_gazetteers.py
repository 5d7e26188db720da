"""The shipped gazetteers are consistent: every reference resolves, dates are valid, names are unambiguous."""
import collections
import datetime

import pytest

from pipeline.config import ConfigError, load_yaml
from transforms.extract.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def places():
    return load_yaml("places")


@pytest.fixture(scope="module")
def countries(places):
    return {c["name"] for c in places["countries"]}


@pytest.fixture(scope="module")
def cities(places):
    return {c["name"] for c in places["cities"]}


def _is_date(value):
    return value is None or isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def test_the_gazetteer_builds():
    gaz = Gazetteer.from_config(load_yaml)
    assert gaz.people and gaz.cities and gaz.summits and gaz.topics
    indexed = [s for summits in gaz.summits_of.values() for s in summits]
    assert len(indexed) == len(gaz.summits) and set(indexed) == set(gaz.summits)
    assert gaz.vague_topics and gaz.vague_topics < set(gaz.topics)


def test_people_reference_known_countries_and_valid_offices(countries):
    people = load_yaml("people")["people"]
    for p in people:
        assert p.get("name"), p
        assert "country" in p, p["name"]
        assert p["country"] is None or p["country"] in countries, p["name"]
        for office in p.get("offices") or []:
            assert office.get("role") and " of " in office["role"], (p["name"], office)
            start, end = office.get("from"), office.get("to")
            assert _is_date(start) and _is_date(end), (p["name"], office)
            assert not (start and end) or start <= end, p["name"]
    canonical = collections.Counter(p["name"] for p in people)
    assert [n for n, count in canonical.items() if count > 1] == []
    names = collections.Counter(form for p in people for form in {p["name"], *(p.get("aliases") or [])})
    assert [n for n, count in names.items() if count > 1] == []


def test_the_people_gazetteer_is_broad():
    people = {p["name"] for p in load_yaml("people")["people"]}
    assert len(people) >= 400
    assert {"Vladimir Putin", "Donald Trump", "Xi Jinping", "Sergey Lavrov", "Dmitry Peskov", "Yuri Ushakov",
            "Mike Pompeo", "Steven Mnuchin", "Antonio Guterres"} <= people


def test_places_reference_known_countries(places, countries, cities):
    for entry in places["cities"] + places["venues"] + places["regions"]:
        assert entry.get("country") is None or entry["country"] in countries, entry["name"]
    for venue in places["venues"]:
        assert venue.get("city") is None or venue["city"] in cities, venue["name"]
    assert all(c["capital"] for c in places["countries"])
    for kind in ("countries", "cities", "venues", "regions"):
        names = collections.Counter(c["name"] for c in places[kind])
        assert [n for n, count in names.items() if count > 1] == [], kind


def test_country_names_and_adjectives_are_unambiguous(places):
    forms = collections.Counter(form for c in places["countries"]
                                for form in {c["name"], *(c.get("aliases") or []), *(c.get("abbreviations") or [])})
    assert [n for n, count in forms.items() if count > 1] == []
    adjectives = collections.Counter(a for c in places["countries"] for a in set(c.get("adjectives") or []))
    assert [a for a, count in adjectives.items() if count > 1] == []
    assert len(places["countries"]) >= 197


def test_summits_reference_series_and_places(countries, cities):
    config = load_yaml("summits")
    events = collections.Counter(s["event"] for s in config["series"])
    assert [e for e, count in events.items() if count > 1] == []
    for s in config["summits"]:
        assert s["series"] in events and s["country"] in countries, s
        assert s.get("city") is None or s["city"] in cities, s
        assert _is_date(s["start"]) and _is_date(s["end"]) and s["start"] <= s["end"], s
        assert s["start"].year == s["year"]
    keys = collections.Counter((s["series"], s["year"], s.get("city")) for s in config["summits"])
    assert [k for k, count in keys.items() if count > 1] == []


def test_topics_are_unique_and_have_phrases():
    topics = load_yaml("topics")["topics"]
    assert len({t["name"] for t in topics}) == len(topics)
    assert all(t.get("phrases") for t in topics)
    assert all(isinstance(p, str) and p.strip() for t in topics for p in t["phrases"])


def test_a_bad_date_is_a_clear_error():
    config = {"people": {"people": [{"name": "A B", "offices": [{"role": "President of X", "from": "soon"}]}]},
              "places": {}, "summits": {}, "topics": {}}
    with pytest.raises(ConfigError, match="not a YYYY-MM-DD date"):
        Gazetteer.from_config(config.__getitem__)
