"""Meeting assembly on invented articles with a small gazetteer: nothing here comes from the seeds."""
import datetime

import pytest

from transforms.extract import Extractor

GAZETTEER = {
    "people": {"people": [
        {"name": "Olaf Scholz", "country": "Germany",
         "offices": [{"role": "Chancellor of Germany", "from": "2021-12-08", "to": "2025-05-06"}]},
        {"name": "Emmanuel Macron", "country": "France", "offices": [{"role": "President of France", "from": "2017-05-14"}]},
        {"name": "Recep Tayyip Erdogan", "country": "Turkey", "surname": "Erdogan", "aliases": ["Erdoğan"],
         "offices": [{"role": "President of Turkey", "from": "2014-08-28"}]},
        {"name": "Volodymyr Zelensky", "country": "Ukraine", "aliases": ["Volodymyr Zelenskyy"],
         "offices": [{"role": "President of Ukraine", "from": "2019-05-20"}]},
        {"name": "Annalena Baerbock", "country": "Germany",
         "offices": [{"role": "Foreign Minister of Germany", "from": "2021-12-08", "to": "2025-05-06"}]},
    ]},
    "places": {
        "countries": [
            {"name": "Germany", "adjectives": ["German"], "capital": "Berlin"},
            {"name": "France", "adjectives": ["French"], "capital": "Paris", "seats": ["Elysee"]},
            {"name": "Turkey", "adjectives": ["Turkish"], "capital": "Ankara"},
            {"name": "Ukraine", "adjectives": ["Ukrainian"], "capital": "Kyiv"},
            {"name": "Italy", "adjectives": ["Italian"], "capital": "Rome"},
            {"name": "Spain", "adjectives": ["Spanish"], "capital": "Madrid"},
            {"name": "Japan", "adjectives": ["Japanese"], "capital": "Tokyo"},
        ],
        "cities": [{"name": "Berlin", "country": "Germany"}, {"name": "Paris", "country": "France"},
                   {"name": "Istanbul", "country": "Turkey"}, {"name": "Rome", "country": "Italy"},
                   {"name": "Madrid", "country": "Spain"}, {"name": "Hiroshima", "country": "Japan"}],
        "venues": [{"name": "Elysee Palace", "city": "Paris", "country": "France"}],
        "regions": [{"name": "Black Sea"}],
    },
    "summits": {
        "series": [{"event": "G7 summit", "aliases": ["G7", "G-7"]}],
        "summits": [{"series": "G7 summit", "year": 2023, "city": "Hiroshima", "country": "Japan",
                     "start": "2023-05-19", "end": "2023-05-21"}],
    },
    "topics": {"topics": [{"name": "energy", "phrases": ["energy", "gas supplies"]},
                          {"name": "grain deal", "phrases": ["grain deal", "grain exports"]},
                          {"name": "international affairs", "vague": True, "phrases": ["international issues"]}]},
}


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_config(GAZETTEER.__getitem__)


def only(meetings):
    assert len(meetings) == 1, meetings
    return meetings[0]


def names(people):
    return sorted(p["name"] for p in people)


def test_a_held_meeting_with_place_date_duration_and_evidence(extractor):
    text = ("German Chancellor Olaf Scholz met French President Emmanuel Macron at the Elysee Palace on "
            "Tuesday. The talks lasted two hours. The leaders discussed energy and the grain deal.")
    m = only(extractor.extract(text, datetime.date(2022, 9, 8)))
    assert names(m["participants"]) == ["Emmanuel Macron", "Olaf Scholz"]
    assert {p["role"] for p in m["participants"]} == {"Chancellor of Germany", "President of France"}
    assert (m["status"], m["format"], m["venue"], m["city"], m["country"]) == (
        "held", "in_person", "Elysee Palace", "Paris", "France")
    assert (m["meeting_date"], m["date_precision"], m["date_text"]) == (datetime.date(2022, 9, 6), "day", "on Tuesday")
    assert m["duration_minutes"] == 120
    assert m["topics"] == ["energy", "grain deal"]
    assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"] and m["evidence"].startswith("German")


def test_a_phone_call_by_surnames_and_role_reference(extractor):
    text = ("Recep Tayyip Erdogan spoke by phone with Volodymyr Zelensky on Monday. "
            "The Turkish president said the call focused on grain exports across the Black Sea.")
    m = only(extractor.extract(text, datetime.date(2023, 7, 5)))
    assert names(m["participants"]) == ["Recep Tayyip Erdogan", "Volodymyr Zelensky"]
    assert m["format"] == "phone" and m["status"] == "held"
    assert m["meeting_date"] == datetime.date(2023, 7, 3)
    assert "grain deal" in m["topics"] and "Black Sea" in m["topics"]


def test_unknown_people_with_titles_are_found(extractor):
    text = "Italian Prime Minister Giorgia Meloni met Spanish Prime Minister Pedro Sanchez in Rome on 3 March 2023."
    m = only(extractor.extract(text, None))
    assert names(m["participants"]) == ["Giorgia Meloni", "Pedro Sanchez"]
    assert {p["country"] for p in m["participants"]} == {"Italy", "Spain"}
    assert {p["role"] for p in m["participants"]} == {"Prime Minister of Italy", "Prime Minister of Spain"}
    assert (m["city"], m["meeting_date"], m["date_precision"]) == ("Rome", datetime.date(2023, 3, 3), "day")


def test_a_planned_summit_meeting_takes_its_dates_from_the_calendar(extractor):
    text = "Scholz will meet Erdogan on the sidelines of the G7 summit in Hiroshima."
    m = only(extractor.extract(text, None))
    assert (m["status"], m["event"], m["city"], m["country"]) == ("planned", "G7 summit", "Hiroshima", "Japan")
    assert (m["meeting_date"], m["date_precision"]) == (datetime.date(2023, 5, 19), "day")


def test_mentions_of_one_meeting_merge_and_a_cancellation_wins(extractor):
    text = ("Macron was due to meet Scholz in Berlin in November. "
            "However, the meeting was cancelled after a row over energy. "
            "The two leaders last met in Paris in June.")
    planned, earlier = extractor.extract(text, datetime.date(2022, 10, 20))
    assert (planned["status"], planned["city"]) == ("cancelled", "Berlin")
    assert (planned["meeting_date"], planned["date_precision"]) == (datetime.date(2022, 11, 1), "month")
    assert (earlier["status"], earlier["city"], earlier["meeting_date"]) == ("held", "Paris", datetime.date(2022, 6, 1))


def test_invitation_is_proposed_and_delegation_is_separate(extractor):
    text = ("Erdogan invited Zelensky to talks in Istanbul. "
            "Foreign Minister Annalena Baerbock also took part in the talks.")
    m = only(extractor.extract(text, None))
    assert m["status"] == "proposed"
    assert names(m["participants"]) == ["Recep Tayyip Erdogan", "Volodymyr Zelensky"]
    assert names(m["delegation"]) == ["Annalena Baerbock"]


@pytest.mark.parametrize("text", [
    "Macron said Scholz was right about energy.",
    "Scholz gave an interview to a French newspaper.",
    "The chancellor held a press conference in Berlin.",
    "",
])
def test_no_meeting_is_invented(extractor, text):
    assert extractor.extract(text, datetime.date(2022, 1, 1)) == []


def test_without_a_published_date_a_relative_date_stays_unknown(extractor):
    m = only(extractor.extract("Macron met Scholz in Berlin on Friday.", None))
    assert (m["meeting_date"], m["date_precision"], m["city"]) == (None, None, "Berlin")


def topics_of(extractor, text):
    return only(extractor.extract(text, datetime.date(2023, 6, 1)))["topics"]


def test_what_comes_before_a_passive_cue_was_discussed(extractor):
    text = "Scholz met Macron in Berlin on Tuesday. Spain, and the situation on the Black Sea, were also discussed."
    assert topics_of(extractor, text) == ["Spain", "Black Sea"]


def test_the_meeting_place_and_the_parties_countries_are_not_topics(extractor):
    text = "Scholz and Macron met in Rome and discussed Italy, France and gas supplies."
    assert topics_of(extractor, text) == ["energy"]


def test_a_vague_topic_stays_only_without_a_specific_one(extractor):
    assert topics_of(extractor, "Scholz met Macron in Paris. They discussed international issues.") == [
        "international affairs"]
    assert topics_of(extractor, "Scholz met Macron in Paris. They discussed international issues and energy.") == [
        "energy"]


def test_a_sentence_about_meetings_in_the_plural_adds_no_topics(extractor):
    text = "Scholz met Macron in Paris on Monday. All of Scholz's meetings this week are devoted to energy."
    assert topics_of(extractor, text) == []


def test_the_speakers_own_talk_is_not_a_topic_of_the_meeting(extractor):
    text = "Scholz met Macron in Paris on Monday.\n\nIt rained.\n\nIt was cold.\n\nA diplomat said: {}"
    assert topics_of(extractor, text.format("we're talking about Spain and energy here.")) == []
    assert topics_of(extractor, text.format("they were talking about Spain and energy.")) == ["Spain", "energy"]


def test_coordinated_speakers_are_not_participants(extractor):
    assert extractor.extract("Baerbock and Scholz said the call with Zelensky had gone well.", None) == []


def test_a_date_and_place_of_another_meeting_noun_are_not_taken(extractor):
    text = "Officials recalled a June 5 meeting at the Elysee Palace, and Scholz will hold a meeting with Erdogan."
    m = only(extractor.extract(text, datetime.date(2023, 6, 20)))
    assert names(m["participants"]) == ["Olaf Scholz", "Recep Tayyip Erdogan"]
    assert (m["status"], m["meeting_date"], m["venue"], m["city"]) == ("planned", None, None, None)


def test_a_reference_after_another_specific_meeting_is_not_to_the_earlier_one(extractor):
    text = ("Macron will meet Scholz in Paris next month.\n\nBaerbock described a May 3 conversation in Kyiv between "
            "aides.\n\nThe meeting ended without an agreement.")
    m = only(extractor.extract(text, datetime.date(2023, 6, 1)))
    assert (m["status"], m["city"]) == ("planned", "Paris")


def test_a_possessive_call_is_the_owners_meeting(extractor):
    text = "An official described Scholz's call with Erdogan on Monday as useful."
    m = only(extractor.extract(text, datetime.date(2023, 6, 7)))
    assert names(m["participants"]) == ["Olaf Scholz", "Recep Tayyip Erdogan"]
    assert (m["status"], m["format"], m["meeting_date"]) == ("held", "phone", datetime.date(2023, 6, 5))


def test_a_meeting_inside_a_condition_is_not_reported(extractor):
    text = ("A new poll shows that most voters want an inquiry into Scholz if he “broke the law during his "
            "conversation with the president of Turkey.”")
    assert extractor.extract(text, datetime.date(2023, 6, 7)) == []


def test_an_introduced_meeting_with_another_status_is_another_meeting(extractor):
    text = ("An aide described Scholz's call with Erdogan as improper.\n\nShe testified about a June 2 meeting at "
            "the Elysee Palace where officials said the chancellery would agree to a meeting Erdogan wanted with "
            "Scholz.")
    call, wanted = extractor.extract(text, datetime.date(2023, 6, 20))
    assert names(call["participants"]) == names(wanted["participants"]) == ["Olaf Scholz", "Recep Tayyip Erdogan"]
    assert (call["status"], call["format"]) == ("held", "phone")
    assert (wanted["status"], wanted["format"], wanted["meeting_date"], wanted["venue"]) == (
        "proposed", "in_person", None, None)


def test_the_date_of_a_testimony_is_not_the_meetings(extractor):
    text = "Baerbock's testimony Tuesday described Scholz's call with Erdogan."
    m = only(extractor.extract(text, datetime.date(2023, 6, 7)))
    assert (m["format"], m["meeting_date"], m["date_precision"]) == ("phone", None, None)


def test_people_joined_by_and_before_the_meeting_word_meet(extractor):
    text = ("German Chancellor Olaf Scholz and Turkish President Recep Tayyip Erdogan held their first formal "
            "bilateral talks in two years on Friday.")
    m = only(extractor.extract(text, datetime.date(2023, 6, 9)))
    assert names(m["participants"]) == ["Olaf Scholz", "Recep Tayyip Erdogan"]
    assert m["meeting_date"] == datetime.date(2023, 6, 9)


def test_a_date_before_for_talks_is_the_meetings(extractor):
    m = only(extractor.extract("Scholz met Erdogan in Istanbul on Monday for talks on the grain deal.",
                               datetime.date(2023, 6, 7)))
    assert (m["meeting_date"], m["city"]) == (datetime.date(2023, 6, 5), "Istanbul")


def test_meetings_counted_in_general_are_none(extractor):
    assert extractor.extract("Scholz and Macron have met more than a dozen times and speak regularly.", None) == []


def test_a_meeting_without_a_place_is_where_a_party_arrived(extractor):
    text = "Scholz arrived in Madrid on Wednesday for a two-day visit.\n\nScholz met Macron on Thursday."
    m = only(extractor.extract(text, datetime.date(2023, 6, 8)))
    assert (m["city"], m["country"], m["meeting_date"]) == ("Madrid", "Spain", datetime.date(2023, 6, 8))
    text = "Scholz arrived in Madrid on Wednesday.\n\nScholz spoke by phone with Macron on Thursday."
    assert only(extractor.extract(text, datetime.date(2023, 6, 8)))["city"] is None


def test_a_guest_welcomed_by_name_is_met_but_a_welcomed_decision_is_not(extractor):
    m = only(extractor.extract("Macron welcomed Scholz at the Elysee Palace on Monday.", datetime.date(2023, 6, 7)))
    assert (names(m["participants"]), m["venue"]) == (["Emmanuel Macron", "Olaf Scholz"], "Elysee Palace")
    assert extractor.extract("Macron welcomed the decision of Scholz on energy.", None) == []


def test_a_surname_after_another_first_name_is_someone_else(extractor):
    assert extractor.extract("The former official Peter Scholz met Erdogan in Istanbul on Monday.", None) == []


def test_a_speaker_who_witnessed_a_meeting_did_not_take_part(extractor):
    text = "Baerbock told investigators that she witnessed a conversation between Erdogan and an aide to Zelensky."
    assert extractor.extract(text, None) == []
    m = only(extractor.extract("Baerbock said on Monday she had spoken by telephone with Erdogan.", None))
    assert names(m["participants"]) == ["Annalena Baerbock", "Recep Tayyip Erdogan"]
