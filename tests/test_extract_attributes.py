"""What a meeting predicate's sentence says of the meeting (transforms/extract/attributes.py): status from the
governing words, the tense and the date; the date hanging on the meeting, resolved against the publication date
(not the date something was said); the format; the place named on the meeting word or its verb, or by a 'where'
clause, not a place named in what was discussed or where someone came from; the duration. Places come from a small
gazetteer written for these tests."""
import datetime

import pytest

from pipeline.config import load_yaml
from transforms.extract import attributes, predicates
from transforms.extract.gazetteer import Gazetteer
from transforms.extract.predicates import Lexicon

D = datetime.date
WEDNESDAY = D(2022, 9, 7)
CONFIG = {
    "places": {
        "countries": [{"name": "Namibia", "adjectives": ["Namibian"], "capital": "Windhoek"},
                      {"name": "Estonia", "adjectives": ["Estonian"], "capital": "Tallinn"},
                      {"name": "Myanmar", "adjectives": ["Burmese"], "capital": "Naypyidaw"},
                      {"name": "Singapore", "capital": "Singapore"}],
        "cities": [{"name": "Windhoek", "country": "Namibia"}, {"name": "Swakopmund", "country": "Namibia"},
                   {"name": "Tallinn", "country": "Estonia"}, {"name": "Tartu", "country": "Estonia"}],
        "venues": [{"name": "Tintenpalast", "city": "Windhoek", "country": "Namibia"}],
    },
    "summits": {"series": [{"event": "SADC summit", "aliases": ["SADC"]}]},
    "topics": {},
}


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.from_config(CONFIG.__getitem__)


@pytest.fixture(scope="module")
def read(parse, gaz):
    """For each meeting predicate of a sentence published on a day: (meeting word, status, format, date text,
    date, precision, (venue, city, country, event))."""
    lexicon = Lexicon.from_config(load_yaml("meetings"))

    def run(text, published=WEDNESDAY):
        doc = parse(text)
        out = []
        for p in predicates.find(doc, lexicon):
            ahead = p.status in ("planned", "proposed") or attributes.scheduled(p, doc)
            mention, (date, precision) = attributes.date_of(p, doc, text, published, ahead, lexicon)
            loc = attributes.place_of(p, doc, text, gaz)
            out.append((doc[p.head].text, attributes.status(p, doc, date, published, lexicon),
                        attributes.format_of(p, doc, text), mention and mention.text, date, precision,
                        (loc.venue, loc.city, loc.country, loc.event)))
        return out
    return run


def first(read, text, published=WEDNESDAY):
    return read(text, published)[0]


def test_a_held_meeting_with_its_date_and_city(read):
    assert read("Kaja Kallas met Hage Geingob in Windhoek on Monday.") == [
        ("met", "held", None, "on Monday", D(2022, 9, 5), "day", (None, "Windhoek", "Namibia", None))]


def test_talks_in_a_phrase_of_a_clause_in_the_future_are_a_plan(read):
    assert first(read, "In her talks with Hage Geingob, Kaja Kallas will raise fisheries.")[1] == "planned"


def test_later_today_in_the_simple_present_is_a_plan(read):
    assert first(read, "Later today Kaja Kallas meets Hage Geingob.")[1] == "planned"


def test_a_timetable_in_the_simple_present_resolves_its_weekday_forward(read):
    assert first(read, "Kaja Kallas meets Hage Geingob in Windhoek on Friday.")[1:6] == (
        "planned", None, "on Friday", D(2022, 9, 9), "day")


def test_a_planned_meeting_resolves_its_weekday_forward(read):
    assert first(read, "Kaja Kallas will meet Hage Geingob in Windhoek on Friday.")[1:6] == (
        "planned", None, "on Friday", D(2022, 9, 9), "day")


def test_an_absolute_date_needs_no_publication_date(read):
    text = "The talks between Kaja Kallas and Hage Geingob took place in Windhoek on 3 March 2021."
    assert first(read, text, None)[1:6] == ("held", None, "3 March 2021", D(2021, 3, 3), "day")


def test_without_a_publication_date_a_relative_date_stays_unknown(read):
    assert first(read, "Kaja Kallas met Hage Geingob in Windhoek on Monday.", None)[3:6] == ("on Monday", None, None)


def test_the_date_something_was_said_is_not_the_meetings(read):
    text = "Kaja Kallas said on Monday that she met Hage Geingob in Windhoek last month."
    assert first(read, text)[3:6] == ("last month", D(2022, 8, 1), "month")
    text = "Kaja Kallas told reporters on Tuesday she would meet Hage Geingob next month."
    assert first(read, text)[1:6] == ("planned", None, "next month", D(2022, 10, 1), "month")
    text = "Kaja Kallas met Hage Geingob in Windhoek, officials said on Tuesday."
    assert first(read, text)[3:6] == (None, None, None)


@pytest.mark.parametrize("dateline", ["WINDHOEK, Sept 5 - ", "WINDHOEK, Namibia, 5 September (Reuters) \u2014 "])
def test_a_wire_storys_dateline_is_not_the_meetings_date(read, dateline):
    assert first(read, dateline + "Kaja Kallas will meet Hage Geingob next week.")[3:6] == (None, None, None)
    assert first(read, dateline + "Kaja Kallas met Hage Geingob on Sunday.")[3:6] == ("on Sunday", D(2022, 9, 4), "day")


def test_a_relative_clause_about_a_person_does_not_share_the_date_of_its_noun(read):
    text = "The testimony Tuesday of an officer who described the call between Kaja Kallas and Hage Geingob was long."
    assert first(read, text)[3:6] == (None, None, None)


def test_an_act_done_during_a_meeting_gives_it_its_date(read):
    text = "Kaja Kallas and Hage Geingob agreed on Monday to expand trade during a meeting in Windhoek."
    assert first(read, text)[3:6] == ("on Monday", D(2022, 9, 5), "day")


def test_a_date_after_publication_is_planned(read):
    text = "The talks between Kaja Kallas and Hage Geingob take place on 20 September 2022."
    assert first(read, text)[1:6] == ("planned", None, "20 September 2022", D(2022, 9, 20), "day")


@pytest.mark.parametrize("text, status", [
    ("Kaja Kallas is meeting Hage Geingob today.", "planned"),
    ("Kaja Kallas met Hage Geingob in 2019.", "held"),
])
def test_status_from_the_tense(read, text, status):
    assert first(read, text)[1] == status


def test_a_meeting_a_statement_came_ahead_of_is_planned(read):
    assert read("Kaja Kallas spoke with reporters ahead of a meeting with Hage Geingob.")[1][:2] == (
        "meeting", "planned")


def test_the_country_whose_leader_is_named_is_not_the_place(read):
    assert first(read, "Kaja Kallas spoke on Monday to Namibia's President Hage Geingob.")[-1] == (
        None, None, None, None)


def test_an_adverb_after_the_place_leaves_it_a_place(read):
    assert first(read, "Kaja Kallas will hold talks with Hage Geingob in Windhoek soon.")[-1] == (
        None, "Windhoek", "Namibia", None)


def test_a_phone_phrase_on_the_holding_verb(read):
    assert first(read, "Kaja Kallas held talks with Hage Geingob over the phone on Monday.")[:3] == (
        "talks", "held", "phone")


def test_a_venue_gives_its_city_and_country(read):
    assert first(read, "Kaja Kallas held talks with Hage Geingob at the Tintenpalast.")[6] == (
        "Tintenpalast", "Windhoek", "Namibia", None)


def test_a_capital_named_by_its_countrys_adjective(read):
    assert first(read, "Kaja Kallas met Hage Geingob in the Namibian capital.")[6] == (
        None, "Windhoek", "Namibia", None)


def test_a_summit_series_is_the_event(read):
    text = "Kaja Kallas met Hage Geingob on the sidelines of the SADC summit in Windhoek."
    assert first(read, text)[6] == (None, "Windhoek", "Namibia", "SADC summit")


@pytest.mark.parametrize("text, city", [
    ("Kaja Kallas met Hage Geingob in Windhoek, where the two leaders signed a fisheries deal.", "Windhoek"),
    ("Kaja Kallas flew to Swakopmund, where she met Hage Geingob on Tuesday.", "Swakopmund"),
    ("In Swakopmund, Kaja Kallas met Hage Geingob.", "Swakopmund"),
    ("A meeting in Windhoek between Kaja Kallas and Hage Geingob is planned.", "Windhoek"),
    ("Kaja Kallas arrived in Tallinn on Sunday after flying from Windhoek, where she met Hage Geingob.", "Windhoek"),
    ("Kaja Kallas cancelled her trip to Namibia, where she was due to meet Hage Geingob at a summit in Swakopmund.",
     "Swakopmund"),
])
def test_the_place_of_the_meeting_word_or_its_where_clause(read, text, city):
    assert first(read, text)[6][1] == city


@pytest.mark.parametrize("text", [
    "Kaja Kallas met Hage Geingob and discussed the situation in Myanmar.",
    "Kaja Kallas met Hage Geingob after arriving from Singapore.",
    "Windhoek hopes Kaja Kallas will meet Hage Geingob.",
])
def test_places_discussed_or_left_or_speaking_are_not_the_meetings(read, text):
    assert first(read, text)[6] == (None, None, None, None)


def test_two_meetings_of_one_sentence_keep_their_own_dates_and_places(read):
    found = read("Kaja Kallas met Hage Geingob in Tartu on Monday and will visit Tallinn on Friday.")
    assert [(f[0], f[1], f[4], f[6][1]) for f in found] == [("met", "held", D(2022, 9, 5), "Tartu"),
                                                           ("visit", "planned", D(2022, 9, 9), "Tallinn")]


@pytest.mark.parametrize("text, minutes", [
    ("The talks lasted 1 hour and 20 minutes.", 80),
    ("Kaja Kallas and Hage Geingob held a three-hour meeting in Windhoek.", 180),
    ("Kaja Kallas met Hage Geingob in Windhoek.", None),
    ("Kaja Kallas met Hage Geingob after a flight of ten hours.", None),  # another phrase's duration
])
def test_the_duration_of_the_meetings_own_phrases(parse, text, minutes):
    lexicon = Lexicon.from_config(load_yaml("meetings"))
    doc = parse(text)
    assert attributes.duration_of(predicates.find(doc, lexicon)[0], doc) == minutes


@pytest.mark.parametrize("text, date", [
    ("The planned meeting of Kaja Kallas and Hage Geingob was cancelled on Monday.", None),
    ("The meeting of Kaja Kallas and Hage Geingob, scheduled for Friday, was cancelled.", "Friday"),
    ("The meeting of Kaja Kallas and Hage Geingob was postponed until Friday.", "Friday"),
])
def test_the_day_a_meeting_is_called_off_is_not_its_date(read, text, date):
    assert first(read, text)[3] == date


def test_the_date_on_a_call_a_statement_is_made_in_is_the_calls(read):
    text = "In a phone call on Monday, Kaja Kallas told Hage Geingob that the accord must be signed."
    assert first(read, text)[2:5] == ("phone", "on Monday", D(2022, 9, 5))


def test_a_place_in_what_a_meeting_was_about_is_not_its_place(read):
    assert first(read, "Kallas talked today to the Namibian Ambassador Mr Geingob about export of Estonian beef to "
                 "Namibia and about the fisheries agreement.")[6] == (
        None, None, None, None)


def test_a_place_before_a_title_is_no_whereabouts(gaz):
    from transforms.extract.places import whereabouts
    assert whereabouts("Geingob told visiting Estonia Secretary Reinsalu that fisheries mattered.", gaz) == []
    assert [loc.country for _, loc, _ in whereabouts("Kallas visited Namibia Monday.", gaz)] == ["Namibia"]


def test_a_city_of_the_country_someone_travels_to_named_later_is_where_they_go(gaz):
    from transforms.extract.places import whereabouts
    found = whereabouts("Kallas will travel to Namibia to attend a forum in Windhoek and then a dinner in Riga.", gaz)
    assert [(loc.city, loc.country, ahead) for _, loc, ahead in found] == [
        (None, "Namibia", True), ("Windhoek", "Namibia", True)]


def test_a_subject_said_to_be_in_a_place_between_commas_is_there(gaz):
    from transforms.extract.places import whereabouts
    found = whereabouts("Kallas, in Windhoek on a tour of Africa, said fisheries mattered.", gaz)
    assert [loc.city for _, loc, _ in found] == ["Windhoek"]
    assert whereabouts("The accord reached with Geingob, in Windhoek in April, holds.", gaz) == []
