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


def test_the_gazetteer_builds():
    gaz = Gazetteer.from_config(load_yaml)
    assert gaz.people and gaz.cities and gaz.summits and gaz.topics


def test_people_reference_known_countries_and_valid_offices(countries):
    people = load_yaml("people")["people"]
    for p in people:
        assert p["country"] is None or p["country"] in countries, p["name"]
        for office in p.get("offices") or []:
            start, end = office.get("from"), office.get("to")
            assert isinstance(start, (datetime.date, type(None))) and isinstance(end, (datetime.date, type(None)))
            assert not (start and end) or start <= end, p["name"]
    names = collections.Counter(form for p in people for form in {p["name"], *(p.get("aliases") or [])})
    assert [n for n, count in names.items() if count > 1] == []


def test_places_reference_known_countries(places, countries):
    for entry in places["cities"] + places["venues"] + places["regions"]:
        assert entry.get("country") is None or entry["country"] in countries, entry["name"]
    assert all(c["capital"] for c in places["countries"])
    cities = collections.Counter(c["name"] for c in places["cities"])
    assert [n for n, count in cities.items() if count > 1] == []


def test_summits_reference_series_and_places(countries):
    config = load_yaml("summits")
    events = {s["event"] for s in config["series"]}
    for s in config["summits"]:
        assert s["series"] in events and s["country"] in countries and s["start"] <= s["end"], s
        assert s["start"].year == s["year"]


def test_topics_are_unique_and_have_phrases():
    topics = load_yaml("topics")["topics"]
    assert len({t["name"] for t in topics}) == len(topics)
    assert all(t.get("phrases") for t in topics)


def test_a_bad_date_is_a_clear_error():
    config = {"people": {"people": [{"name": "A B", "offices": [{"role": "President of X", "from": "soon"}]}]},
              "places": {}, "summits": {}, "topics": {}}
    with pytest.raises(ConfigError, match="not a YYYY-MM-DD date"):
        Gazetteer.from_config(config.__getitem__)
