"""The shipped gazetteers of places, summits and topics are consistent (every reference resolves, dates are valid,
names are unambiguous), and the Gazetteer's lookups do what extraction needs of them. People are the actor
knowledge base's (tests/test_kb.py)."""
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
    assert gaz.countries and gaz.cities and gaz.venues and gaz.summits and gaz.topics
    indexed = [s for summits in gaz.summits_of.values() for s in summits]
    assert len(indexed) == len(gaz.summits) and set(indexed) == set(gaz.summits)
    assert not hasattr(gaz, "people")


def test_places_reference_known_countries(places, countries, cities):
    for entry in places["cities"] + places["venues"] + places["regions"]:
        assert entry.get("country") is None or entry["country"] in countries, entry["name"]
    for venue in places["venues"]:
        assert venue.get("city") is None or venue["city"] in cities, venue["name"]
    assert all(c["capital"] for c in places["countries"])
    for kind in ("countries", "cities", "venues", "regions"):
        names = collections.Counter(c["name"] for c in places[kind])
        assert [n for n, count in names.items() if count > 1] == [], kind


def test_former_names_reference_known_countries_and_their_cities(places, countries):
    for entry in places["former"]:
        assert set(entry["countries"]) <= countries and isinstance(entry["until"], datetime.date), entry["name"]
        in_them = {c["name"] for c in places["cities"] if c["country"] in entry["countries"]}
        assert set(entry.get("cities") or ()) <= in_them, entry["name"]


def test_a_country_by_the_name_it_went_by_on_the_day():
    gaz = Gazetteer.from_config(load_yaml)
    assert gaz.named_on("Bonn", "Germany", datetime.date(1987, 3, 23)) == "West Germany"
    assert gaz.named_on("Bonn", "Germany", datetime.date(1991, 3, 23)) == "Germany"
    assert gaz.named_on("Berlin", "Germany", datetime.date(1987, 3, 23)) == "Germany"  # a city of both, not listed
    assert gaz.named_on(None, "Russia", datetime.date(1985, 1, 1)) == "Soviet Union"
    assert gaz.named_on("Moscow", "Russia", None) == "Russia"


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


def test_topic_names_are_unique_short_and_no_place():
    gaz = Gazetteer.from_config(load_yaml)
    topics = load_yaml("topics")["topics"]
    assert len({t.lower() for t in topics}) == len(topics) == len(gaz.topics)
    assert all(len(t.split()) <= 3 and t not in gaz.countries and t not in gaz.regions for t in topics)


SMALL = {
    "places": {
        "countries": [{"name": "Estonia", "aliases": ["Republic of Estonia"], "abbreviations": ["EE"],
                       "adjectives": ["Estonian"], "capital": "Tallinn", "seats": ["Stenbock House"]}],
        "cities": [{"name": "Tallinn", "aliases": ["Reval"], "country": "Estonia"}],
        "venues": [{"name": "Kadriorg Palace", "city": "Tallinn", "country": "Estonia"}],
        "regions": [{"name": "Baltic Sea"}],
    },
    "summits": {"series": [{"event": "Nordic-Baltic summit", "aliases": ["NB8 summit"]}],
                "summits": [{"series": "Nordic-Baltic summit", "city": "Tallinn", "country": "Estonia",
                             "start": "2031-05-12", "end": "2031-05-13"}]},
    "topics": {"topics": ["fisheries", "Ferry Lines"]},
}


def small(**changes):
    return Gazetteer.from_config(lambda name: changes.get(name, SMALL[name]))


def test_names_aliases_abbreviations_and_adjectives_resolve_to_their_entries():
    gaz = small()
    assert [gaz.countries[f] for f in ("Estonia", "Republic of Estonia", "EE")] == ["Estonia"] * 3
    assert (gaz.adjectives["Estonian"], gaz.capitals["Estonia"], gaz.seats["Stenbock House"]) == (
        "Estonia", "Tallinn", "Estonia")
    assert gaz.cities["Reval"] == ("Tallinn", "Estonia")
    assert gaz.venues["Kadriorg Palace"] == ("Kadriorg Palace", "Tallinn", "Estonia")
    assert gaz.series["NB8 summit"] == "Nordic-Baltic summit"
    (summit,) = gaz.summits_of["Nordic-Baltic summit"]
    assert (summit.year, summit.city, summit.start, summit.end) == (
        2031, "Tallinn", datetime.date(2031, 5, 12), datetime.date(2031, 5, 13))


def test_find_gives_whole_words_longest_first():
    gaz = small()
    text = "In Tallinn, the Republic of Estonia and Estonians met at Kadriorg Palace."
    assert gaz.find("country", text) == [(16, 35, "Republic of Estonia")]
    assert gaz.find("city", text) == [(3, 10, "Tallinn")]
    assert gaz.find("venue", text) == [(57, 72, "Kadriorg Palace")]
    assert gaz.find("adjective", text) == []  # "Estonians" is not "Estonian"


def test_the_topic_names_a_phrase_holds_in_order_and_not_its_places():
    gaz = small()
    assert gaz.topics_in("new ferry lines and fisheries in the Baltic Sea and Estonia") == ["Ferry Lines", "fisheries"]
    assert gaz.topics_in("ferry line quotas") == []


@pytest.mark.parametrize("topics", [[{"name": "fisheries"}], ["fisheries", ""], "fisheries"])
def test_topics_must_be_a_list_of_names(topics):
    with pytest.raises(ConfigError, match="topics.yaml: `topics` must be a list of topic names"):
        small(topics={"topics": topics})


def test_a_bad_date_is_a_clear_error():
    summits = {"series": [{"event": "Nordic-Baltic summit"}],
               "summits": [{"series": "Nordic-Baltic summit", "start": "soon"}]}
    with pytest.raises(ConfigError, match="'soon' is not a YYYY-MM-DD date"):
        small(summits=summits)


def test_an_unknown_summit_series_is_a_clear_error():
    summits = {"series": [], "summits": [{"series": "Baltic summit", "start": "2031-05-12"}]}
    with pytest.raises(ConfigError, match="unknown series 'Baltic summit'"):
        small(summits=summits)
