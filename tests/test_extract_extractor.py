"""The whole extraction chain (transforms/extract/__init__.py) on small invented articles, with a small actor
knowledge base and small place, summit and topic configs written for these tests (the meeting words and titles are
the packaged configs'): participants with roles on the day, status, format, date, place, duration, topics,
delegation, evidence and confidence, and no meeting where none is reported."""
import datetime
import textwrap
from types import SimpleNamespace

import pytest
from spacy.tokens import Doc

from pipeline.config import load_yaml
from transforms.extract import Extractor, _first_to, _name, groups
from transforms.extract.arguments import Arguments
from transforms.extract.kb import KnowledgeBase, parse_people

D = datetime.date
CONFIGS = {
    "places": {
        "countries": [{"name": "Estonia", "adjectives": ["Estonian"], "capital": "Tallinn"},
                      {"name": "Namibia", "adjectives": ["Namibian"], "capital": "Windhoek"},
                      {"name": "Chile", "adjectives": ["Chilean"], "capital": "Santiago"},
                      {"name": "Ghana", "adjectives": ["Ghanaian"], "capital": "Accra"},
                      {"name": "Latvia", "adjectives": ["Latvian"], "capital": "Riga"}],
        "cities": [{"name": "Tallinn", "country": "Estonia"}, {"name": "Tartu", "country": "Estonia"},
                   {"name": "Windhoek", "country": "Namibia"}, {"name": "Swakopmund", "country": "Namibia"},
                   {"name": "Santiago", "country": "Chile"}, {"name": "Accra", "country": "Ghana"},
                   {"name": "Riga", "country": "Latvia"}],
        "venues": [{"name": "Tintenpalast", "city": "Windhoek", "country": "Namibia"}],
        "regions": [],
        "former": [{"name": "South West Africa", "until": "1990-03-21", "countries": ["Namibia"]}],
    },
    "summits": {"series": [{"event": "SADC summit", "aliases": ["SADC"]}],
                "summits": [{"series": "SADC summit", "year": 2023, "city": "Windhoek", "country": "Namibia",
                             "start": "2023-09-05", "end": "2023-09-07"}]},
    "topics": {"topics": ["fisheries", "investment"]},
}
PEOPLE = {"people": [
    {"name": "Kaja Kallas", "country": "Estonia",
     "offices": [{"role": "Prime Minister of Estonia", "from": "2021-01-26", "to": "2024-07-23"}]},
    {"name": "Jüri Ratas", "country": "Estonia",
     "offices": [{"role": "Prime Minister of Estonia", "from": "2016-11-23", "to": "2021-01-26"}]},
    {"name": "Urmas Reinsalu", "country": "Estonia",
     "offices": [{"role": "Foreign Minister of Estonia", "from": "2022-07-18", "to": "2023-04-17"}]},
    {"name": "Hage Geingob", "country": "Namibia",
     "offices": [{"role": "President of Namibia", "from": "2014-10-20", "to": "2024-10-20"}]},
    {"name": "Peya Mushelenga", "country": "Namibia",
     "offices": [{"role": "Foreign Minister of Namibia", "from": "2014-10-27", "to": "2024-10-20"}]},
    {"name": "Gabriel Boric", "country": "Chile", "offices": [{"role": "President of Chile", "from": "2022-03-11"}]},
    {"name": "Sebastián Piñera", "country": "Chile",
     "offices": [{"role": "President of Chile", "from": "2018-03-11", "to": "2022-03-11"}]},
]}
WEDNESDAY = D(2023, 2, 15)


@pytest.fixture(scope="module")
def extractor(nlp_model):
    return Extractor.from_config(lambda name: CONFIGS.get(name) or load_yaml(name),
                                 kb=KnowledgeBase(parse_people(PEOPLE)), model=nlp_model)


@pytest.fixture(scope="module")
def one(extractor):
    """The one meeting an article reports."""
    def run(text, published=WEDNESDAY):
        meetings = extractor.extract(text, published)
        assert len(meetings) == 1, [(names(m["participants"]), m["evidence"]) for m in meetings]
        return meetings[0]
    return run


def names(people):
    return sorted(p["name"] for p in people)


def roles(people):
    return {p["name"]: p["role"] for p in people}


def when(m):
    return m["meeting_date"], m["date_precision"]


def where(m):
    return m["venue"], m["city"], m["country"]


def test_a_held_meeting_with_everything_a_report_says(one):
    text = ("Estonian Prime Minister Kaja Kallas met Namibian President Hage Geingob at the Tintenpalast on "
            "Tuesday. The talks lasted two hours. The two leaders discussed fishing quotas and digital government.")
    m = one(text)
    assert roles(m["participants"]) == {"Kaja Kallas": "Prime Minister of Estonia",
                                        "Hage Geingob": "President of Namibia"}
    assert {p["country"] for p in m["participants"]} == {"Estonia", "Namibia"}
    assert (m["status"], m["format"], m["duration_minutes"], m["event"]) == ("held", "in_person", 120, None)
    assert (when(m), m["date_text"]) == ((D(2023, 2, 14), "day"), "on Tuesday")
    assert where(m) == ("Tintenpalast", "Windhoek", "Namibia")
    assert m["topics"] == ["fishing quotas", "digital government"] and m["delegation"] == []
    assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"] and m["evidence"].endswith("on Tuesday.")
    assert m["confidence"] == 0.9  # three mentions, one naming the parties, and a date


def test_a_phone_call_has_no_place(one):
    m = one("Kaja Kallas spoke by phone with Hage Geingob on Monday.")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]
    assert (m["status"], m["format"], when(m), where(m)) == ("held", "phone", (D(2023, 2, 13), "day"),
                                                             (None, None, None))


@pytest.mark.parametrize("text", [
    "In a long-awaited call on Monday, Kaja Kallas spoke with Hage Geingob.",
    "Kaja Kallas spoke by phone with Hage Geingob on Monday. A statement said Kallas and Geingob discussed the "
    "fishing quotas."])
def test_what_a_call_says_and_what_was_discussed_in_it_is_one_call(one, text):
    m = one(text)
    assert (m["format"], when(m), where(m)) == ("phone", (D(2023, 2, 13), "day"), (None, None, None))


def test_speaking_with_leaders_of_several_countries_and_no_place_is_a_round_of_calls(extractor):
    found = extractor.extract("Kaja Kallas spoke on Monday with Hage Geingob and Gabriel Boric.", WEDNESDAY)
    assert sorted((names(m["participants"]), m["format"]) for m in found) == [
        (["Gabriel Boric", "Kaja Kallas"], "phone"), (["Hage Geingob", "Kaja Kallas"], "phone")]
    found = extractor.extract("Kaja Kallas spoke on Monday with Hage Geingob and Gabriel Boric in Windhoek.", WEDNESDAY)
    assert {m["format"] for m in found} == {"in_person"}


def test_what_the_calls_of_a_round_were_for_is_each_call_s_topic(extractor):
    found = extractor.extract("Kaja Kallas spoke on Monday with Hage Geingob and Gabriel Boric.\n\nThe purpose of "
                              "the calls was to discuss fisheries.", WEDNESDAY)
    assert sorted((names(m["participants"]), m["topics"]) for m in found) == [
        (["Gabriel Boric", "Kaja Kallas"], ["fisheries"]), (["Hage Geingob", "Kaja Kallas"], ["fisheries"])]


def test_whoever_makes_a_journey_to_meet_someone_meets_them(one):
    m = one("On Monday, Kaja Kallas will endure her first rite of passage \u2014 a flight to Windhoek to meet Namibian "
            "President Hage Geingob.")
    assert (names(m["participants"]), m["status"], m["country"]) == (["Hage Geingob", "Kaja Kallas"], "planned",
                                                                      "Namibia")


def test_the_day_and_destination_of_a_trip_to_meet_someone_are_the_meeting_s(one):
    m = one("Kaja Kallas will make a trip to Windhoek on Friday to meet Hage Geingob.")
    assert (m["meeting_date"], m["city"], m["status"]) == (D(2023, 2, 17), "Windhoek", "planned")


def test_what_a_journey_is_for_is_not_the_agenda_of_meetings_in_another_country(extractor):
    found = extractor.extract("On her first visit to Namibia, Kaja Kallas will visit Windhoek to promote fisheries."
                              "\n\nShe will meet President Hage Geingob.\n\nFollowing her visit to Namibia, she will "
                              "travel to Chile for talks with Chilean President Gabriel Boric.", WEDNESDAY)
    assert sorted((names(m["participants"]), m["topics"]) for m in found) == [
        (["Gabriel Boric", "Kaja Kallas"], []), (["Hage Geingob", "Kaja Kallas"], ["fisheries"])]


def test_telephone_diplomacy_with_leaders_is_a_call_with_each(extractor):
    found = extractor.extract("Kaja Kallas also held a frantic round of telephone diplomacy with other leaders "
                              "including Chilean President Gabriel Boric and Namibian President Hage Geingob.", WEDNESDAY)
    assert sorted((names(m["participants"]), m["format"]) for m in found) == [
        (["Gabriel Boric", "Kaja Kallas"], "phone"), (["Hage Geingob", "Kaja Kallas"], "phone")]


@pytest.mark.parametrize("text, status", [
    ("Kaja Kallas had a full exchange of views with President Hage Geingob in Windhoek on Monday.", "held"),
    ("Kaja Kallas looks forward to an exchange of views with President Hage Geingob in Windhoek.", "planned"),
])
def test_an_exchange_of_views_is_a_meeting(one, text, status):
    m = one(text)
    assert (names(m["participants"]), m["status"], m["city"]) == (["Hage Geingob", "Kaja Kallas"], status, "Windhoek")


def test_an_exchange_of_prisoners_is_no_meeting(extractor):
    assert extractor.extract("Kaja Kallas welcomed the exchange of prisoners with President Hage Geingob.", WEDNESDAY) \
        == []


def test_how_long_someone_waited_for_a_meeting_is_not_how_long_it_lasted(one):
    assert one("Kaja Kallas was forced to wait for three hours for a brief meeting with President Hage Geingob.")[
        "duration_minutes"] is None


def test_a_joint_news_conference_alongside_a_visitor_is_a_meeting_in_the_host_s_country(one, extractor):
    m = one("At a joint news conference alongside visiting Namibian President Hage Geingob, Kaja Kallas said the "
            "ferry line would open.")
    assert (names(m["participants"]), m["status"], m["country"]) == (["Hage Geingob", "Kaja Kallas"], "held",
                                                                      "Estonia")
    assert extractor.extract("At a news conference with Hage Geingob, Kaja Kallas said the ferry line would open.",
                             WEDNESDAY) == []


def test_the_title_of_a_release_signs_its_i(extractor):
    text = "Today I met President Hage Geingob in Windhoek. I welcomed the plans of Namibia."
    assert extractor.extract(text, WEDNESDAY) == []
    [m] = extractor.extract(text, WEDNESDAY, "STATEMENT BY THE PRIME MINISTER, THE HON KAJA KALLAS MP")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]


def test_a_head_of_government_no_knowledge_holds_signs_a_release_by_name(extractor):
    text = ("Mrs. Balder will accompany me. I shall have talks with President Hage Geingob in Windhoek. The Prime "
            "Minister's visit follows an invitation which he received from the Chilean President. He will see "
            "President Gabriel Boric in Santiago.")
    meetings = extractor.extract(text, WEDNESDAY, "STATEMENT BY THE PRIME MINISTER, THE RT. HON . JON BALDER, MP")
    assert sorted(names(m["participants"]) for m in meetings) == [["Gabriel Boric", "Jon Balder"],
                                                                  ["Hage Geingob", "Jon Balder"]]
    assert {p["role"] for m in meetings for p in m["participants"] if p["name"] == "Jon Balder"} == {"Prime Minister"}


def test_seeing_someone_is_meeting_them_and_seeing_them_as_something_is_not(extractor):
    [m] = extractor.extract("Kaja Kallas saw Hage Geingob in Windhoek on Tuesday.", WEDNESDAY)
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]
    assert extractor.extract("Kaja Kallas saw Hage Geingob as a partner. She sees progress.", WEDNESDAY) == []


def test_a_release_headed_joint_press_conference_with_someone_is_its_authors_meeting(one):
    m = one("Joint Press Conference with President Hage Geingob\n\nI am delighted that Estonia and Namibia will "
            "trade. I think Estonia will open an embassy.")
    assert (names(m["participants"]), m["status"]) == (["Hage Geingob", "Kaja Kallas"], "held")


def test_a_speechs_our_talks_are_its_authors_with_the_one_it_addresses(extractor, one):
    m = one("President Hage Geingob, your Excellency, ladies and gentlemen.\n\nI welcome you to Estonia. Mr President, "
            "our talks today have focused on fisheries. I think Estonia and Namibia will trade.")
    assert (names(m["participants"]), m["status"], m["country"]) == (["Hage Geingob", "Kaja Kallas"], "held", None)
    assert extractor.extract("President Hage Geingob, who arrives today, will visit Tartu. I think our talks today "
                             "focused on fisheries. I think Estonia and Namibia will trade.", WEDNESDAY) == []


def test_the_one_met_whom_the_text_puts_abroad_is_a_visitor_not_a_host(one):
    m = one("Namibian President Hage Geingob paid a state visit to Chile in March.\n\nNamibia exports fish.\n\n"
            "Chile exports copper.\n\nPresident Gabriel Boric met Hage Geingob and discussed copper.")
    assert (names(m["participants"]), where(m)) == (["Gabriel Boric", "Hage Geingob"], (None, None, "Chile"))


def test_an_undated_meeting_in_the_present_perfect_is_the_news_of_the_day(one):
    m = one("Kaja Kallas and Hage Geingob have spoken by telephone, discussing fisheries.")
    assert (m["meeting_date"], m["date_precision"]) == (WEDNESDAY, "day")
    assert one("Kaja Kallas and Hage Geingob spoke by telephone.")["meeting_date"] is None


def test_leaders_named_after_the_group_they_form_meet_together(one):
    m = one("Kaja Kallas met Monday with leaders of the main opposition parties, Centre Party leader Juri Tamm, "
            "Reform Party leader Mari Kask and Foreign Minister Urmas Reinsalu.")
    assert names(m["participants"]) == ["Juri Tamm", "Kaja Kallas", "Mari Kask", "Urmas Reinsalu"]


def test_talks_after_a_welcome_in_the_past_were_held_on_the_same_visit(one, extractor):
    m = one("Kaja Kallas welcomed Hage Geingob to Tallinn with military honours on Monday before their talks.")
    assert (m["status"], when(m)) == ("held", (D(2023, 2, 13), "day"))
    found = extractor.extract("Kaja Kallas met Hage Geingob on Monday ahead of their talks with Gabriel Boric.",
                              WEDNESDAY)  # (talks with someone else: still ahead)
    assert sorted((names(m["participants"]), m["status"]) for m in found) == [
        (["Gabriel Boric", "Hage Geingob", "Kaja Kallas"], "planned"), (["Hage Geingob", "Kaja Kallas"], "held")]


def test_playing_host_to_leaders_is_one_meeting_with_them(one, extractor):
    m = one("President Hage Geingob played host to Kaja Kallas and Gabriel Boric in Windhoek on Monday.")
    assert names(m["participants"]) == ["Gabriel Boric", "Hage Geingob", "Kaja Kallas"]
    assert where(m)[1:] == ("Windhoek", "Namibia")
    assert extractor.extract("Hage Geingob played a key role in the talks on Monday.", WEDNESDAY) == []


@pytest.mark.parametrize("text", [
    "The deal follows a trilateral summit held on Monday in Windhoek at which Kallas and Geingob clashed over quotas.",
    "The summit, at which Kaja Kallas and Hage Geingob agreed a plan, ended on Monday.",
    "The deal is an advance over a summit held on Monday in Windhoek when Kallas and Geingob clashed over quotas."])
def test_the_people_a_clause_on_a_meeting_says_did_something_at_it_met(one, text):
    assert names(one(text)["participants"]) == ["Hage Geingob", "Kaja Kallas"]


def test_people_who_praised_a_summit_did_not_attend_it_for_that(extractor):
    assert extractor.extract("The summit held in Windhoek, which Kallas and Geingob praised, ended on Monday.",
                             WEDNESDAY) == []


def test_not_meeting_during_a_summit_is_no_meeting(extractor, one):
    assert extractor.extract("Kaja Kallas and Hage Geingob did not meet during the summit.", WEDNESDAY) == []
    m = one("Kallas said that in meetings with President Hage Geingob she had not called for new quotas.")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]  # ("not called for": no meeting verb)


def test_two_meeting_nouns_one_verb_holds_are_one_meeting_of_the_format_the_first_says(one):
    m = one("Kaja Kallas and Hage Geingob held a virtual summit on Monday, their first talks since the election.")
    assert m["format"] == "video"


def test_a_call_on_a_day_is_a_call_and_a_call_on_someone_a_visit(one):
    assert one("Kaja Kallas had a call on Monday with Hage Geingob.")["format"] == "phone"
    assert one("Kaja Kallas paid a call on Hage Geingob in Windhoek on Monday.")["format"] == "in_person"


def test_what_a_call_the_parties_spoke_on_was_about_is_the_topic(one):
    m = one("Kaja Kallas spoke with Hage Geingob on a call on Monday about fishing quotas.")
    assert (m["format"], m["topics"]) == ("phone", ["fishing quotas"])


def test_a_dinner_the_meeting_came_before_is_not_another_meeting_of_its_parties(one):
    m = one("Kaja Kallas met with Hage Geingob late on Monday ahead of a dinner honoring veterans.")
    assert (m["status"], when(m)) == ("held", (D(2023, 2, 13), "day"))


@pytest.mark.parametrize("text", [
    "Kaja Kallas and Urmas Reinsalu will stay in Windhoek during their visit to Namibia in March.",
    "Kaja Kallas and Urmas Reinsalu arrived in Namibia. Video of their visit shows Kallas unloading supplies."])
def test_people_on_their_visit_together_do_not_meet_each_other(extractor, text):
    assert extractor.extract(text, WEDNESDAY) == []


def test_the_two_are_the_two_people_the_sentence_before_names(one):
    m = one("Kaja Kallas and Gabriel Boric agreed on a fisheries accord. The two spoke by telephone on Monday.")
    assert (names(m["participants"]), m["format"], when(m)) == (
        ["Gabriel Boric", "Kaja Kallas"], "phone", (D(2023, 2, 13), "day"))


def test_they_are_the_two_people_named_before_in_the_sentence(one):
    m = one("Kaja Kallas and Gabriel Boric will start at the cathedral, after which they will head to the palace to "
            "meet with Hage Geingob.")
    assert (names(m["participants"]), m["status"]) == (["Gabriel Boric", "Hage Geingob", "Kaja Kallas"], "planned")


def test_a_meeting_the_parties_of_a_call_agree_to_hold_is_another_meeting(extractor):
    found = extractor.extract("Kaja Kallas spoke with Gabriel Boric by telephone on Monday. The two leaders agreed to "
                              "hold a future bilateral meeting. They also agreed to continue military visits.",
                              WEDNESDAY)
    assert sorted((m["status"], m["format"]) for m in found) == [("held", "phone"), ("planned", "in_person")]


def test_a_meeting_to_come_with_a_host_is_in_the_hosts_country_not_where_the_visitor_just_was(one):
    m = one("Kaja Kallas arrived in Riga on Monday.\n\nShe will meet Namibian President Hage Geingob next week.")
    assert (m["status"], m["country"]) == ("planned", "Namibia")


def test_a_caption_in_the_present_is_one_meeting_of_all_it_shows(one):
    m = one("Kaja Kallas, center, speaks with Hage Geingob and Gabriel Boric in Windhoek, Feb. 13, 2023.")
    assert names(m["participants"]) == ["Gabriel Boric", "Hage Geingob", "Kaja Kallas"]


def test_an_untitled_namesake_of_a_party_sat_down_to_dinner_with_is_family(one):
    m = one("President Hage Geingob and Monica Geingob sat down to dinner with Prime Minister Kaja Kallas in "
            "Windhoek on Monday.")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]


def test_calls_to_several_leaders_are_not_meetings_among_them(extractor):
    assert extractor.extract("The comments came after a round of separate telephone calls to the presidents of Chile "
                             "and Namibia.", D(2022, 9, 1)) == []


def test_a_compatriot_of_the_host_named_beside_the_guest_is_on_the_hosts_side(one):
    m = one("Namibian President Hage Geingob meets with Estonian Prime Minister Kaja Kallas and Namibian Foreign "
            "Minister Peya Mushelenga at the Tintenpalast on Monday.")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]
    assert names(m["delegation"]) == ["Peya Mushelenga"]


def test_pairs_that_met_together_with_a_third_are_one_meeting_of_the_three(one):
    m = one("Kaja Kallas met with Hage Geingob and Gabriel Boric in Windhoek on Monday. Kallas, Geingob and Boric "
            "met in Windhoek on Monday to discuss fisheries.")
    assert names(m["participants"]) == ["Gabriel Boric", "Hage Geingob", "Kaja Kallas"]
    assert (when(m), where(m)[1]) == ((D(2023, 2, 13), "day"), "Windhoek")


@pytest.mark.parametrize("key, name", [("Kallas", "Kaja Kallas"), ("Hage G. Geingob Jr", "Hage Geingob"),
                                       ("Kaja Kalas", "Kaja Kalas")])
def test_a_person_is_named_as_the_knowledge_does_unless_the_article_spells_the_surname_otherwise(key, name):
    actor = KnowledgeBase(parse_people(PEOPLE)).by_name(name if name != "Kaja Kalas" else "Kaja Kallas")[0]
    assert _name(actor, key) == name and _name(None, key) == key


def test_people_no_knowledge_holds_are_found_by_their_titles(one):
    m = one("The Ghanaian minister Kwame Asante met Latvian envoy Andris Kalnins in Accra on 14 March 2021.", None)
    assert names(m["participants"]) == ["Andris Kalnins", "Kwame Asante"]
    assert {p["name"]: p["country"] for p in m["participants"]} == {"Kwame Asante": "Ghana",
                                                                   "Andris Kalnins": "Latvia"}
    assert (where(m), when(m)) == ((None, "Accra", "Ghana"), (D(2021, 3, 14), "day"))


def test_someone_an_apposition_gives_an_office_is_a_public_figure(one):
    m = one("Mr Tamm, the Minister for Defence, arrived in Riga on Monday. The minister met Mr Kalnins "
            "on Tuesday.", None)
    assert names(m["participants"]) == ["Kalnins", "Tamm"]


@pytest.mark.parametrize("day, leader, president", [(D(2019, 5, 8), "Jüri Ratas", "Sebastián Piñera"),
                                                    (D(2022, 5, 11), "Kaja Kallas", "Gabriel Boric")])
def test_offices_are_resolved_by_the_knowledge_base_on_the_day(one, day, leader, president):
    m = one("The Estonian leader met the Chilean president in Tallinn on Monday.", day)
    assert names(m["participants"]) == sorted([leader, president])
    assert (when(m), where(m)) == ((day - datetime.timedelta(days=2), "day"), (None, "Tallinn", "Estonia"))


def test_a_first_person_release_is_its_head_of_governments_meeting(one):
    m = one("Today I met President Hage Geingob of Namibia in Tallinn. I welcomed the new air link between "
            "Estonia and Namibia. Estonia will open an embassy in Windhoek.", D(2022, 9, 13))
    assert roles(m["participants"]) == {"Kaja Kallas": "Prime Minister of Estonia",
                                        "Hage Geingob": "President of Namibia"}
    assert (when(m), where(m)) == ((D(2022, 9, 13), "day"), (None, "Tallinn", "Estonia"))


def test_a_pronoun_meets_through_the_person_last_named(one):
    m = one("Gabriel Boric landed in Windhoek on Sunday for a state visit.\n\nHe met Hage Geingob at the "
            "Tintenpalast on Monday.")
    assert names(m["participants"]) == ["Gabriel Boric", "Hage Geingob"]
    assert where(m) == ("Tintenpalast", "Windhoek", "Namibia")


def test_a_planned_meeting_at_a_summit_takes_its_date_from_the_calendar(one):
    m = one("Kallas will meet Geingob on the sidelines of the SADC summit in Windhoek.", None)
    assert (m["status"], m["event"], where(m)) == ("planned", "SADC summit", (None, "Windhoek", "Namibia"))
    assert (when(m), m["date_text"]) == ((D(2023, 9, 5), "day"), "SADC summit 2023")


def test_a_summit_the_leaders_attend_is_not_a_meeting_between_them(extractor):
    assert extractor.extract("Kallas and Geingob attended the SADC summit in Windhoek.", D(2023, 9, 8)) == []


def test_a_planned_meeting_and_an_earlier_one_are_two_meetings(extractor):
    text = ("Kallas was due to meet Geingob in Tallinn in November. However, their meeting was cancelled after a "
            "row over fisheries. The two leaders last met in Swakopmund in June.")
    planned, earlier = extractor.extract(text, D(2022, 10, 12))
    assert (planned["status"], where(planned), when(planned)) == (
        "cancelled", (None, "Tallinn", "Estonia"), (D(2022, 11, 1), "month"))
    assert (earlier["status"], where(earlier), when(earlier)) == (
        "held", (None, "Swakopmund", "Namibia"), (D(2022, 6, 1), "month"))


def test_an_invitation_is_proposed_and_a_participant_in_the_talks_is_delegation(one):
    m = one("Geingob invited Kallas to talks in Windhoek. Foreign Minister Urmas Reinsalu also took part in the "
            "talks.")
    assert (m["status"], names(m["participants"]), names(m["delegation"])) == (
        "proposed", ["Hage Geingob", "Kaja Kallas"], ["Urmas Reinsalu"])


def test_along_with_is_delegation_not_a_party(one):
    m = one("Prime Minister Kaja Kallas, along with Foreign Minister Urmas Reinsalu, met President Hage Geingob in "
            "Windhoek.")
    assert (names(m["participants"]), names(m["delegation"])) == (["Hage Geingob", "Kaja Kallas"], ["Urmas Reinsalu"])


def test_attendees_named_in_a_sentence_of_their_own_are_delegation(one):
    m = one("Kallas and Geingob met in Windhoek on Monday.\n\nForeign Minister Urmas Reinsalu and Foreign Minister "
            "Peya Mushelenga were also present.")
    assert (names(m["participants"]), names(m["delegation"])) == (
        ["Hage Geingob", "Kaja Kallas"], ["Peya Mushelenga", "Urmas Reinsalu"])
    assert roles(m["delegation"]) == {"Urmas Reinsalu": "Foreign Minister of Estonia",
                                      "Peya Mushelenga": "Foreign Minister of Namibia"}


def test_the_leaders_of_two_countries_are_met_together(one):
    m = one("President Gabriel Boric hosted talks in Santiago with the leaders of Estonia and Namibia.")
    assert names(m["participants"]) == ["Gabriel Boric", "Hage Geingob", "Kaja Kallas"]


def test_what_a_group_of_meetings_prepares_is_the_topic_of_those_that_follow(extractor):
    text = ("Prime Minister Kaja Kallas is winding up a visit to Namibia.\n\n"
            "The meetings with Namibian officials are expected to lay the groundwork for a summit in Tartu next "
            "month.\n\n"
            "Yesterday, Kallas held talks with President Hage Geingob.")
    topics = {tuple(names(m["participants"])): m["topics"] for m in extractor.extract(text, WEDNESDAY)}
    assert topics == {("Hage Geingob", "Kaja Kallas"): ["Tartu summit"]}
    far = text.replace("\n\nYesterday", "\n\nShe toured a port.\n\nShe saw a school.\n\nShe met students.\n\n"
                       "Yesterday")  # (what a group of meetings prepares reaches three paragraphs on)
    assert [m["topics"] for m in extractor.extract(far, WEDNESDAY)] == [[]]


def test_what_was_also_discussed_goes_to_the_meeting_just_named(one):
    text = ("Prime Minister Kaja Kallas met President Hage Geingob in Windhoek on Monday.\n\n"
            "A new ferry line was also discussed.")
    assert one(text)["topics"] == ["ferry line"]
    planned = ("Prime Minister Kaja Kallas will meet President Hage Geingob in Windhoek on Friday.\n\n"
               "A possible meeting between Kallas and Geingob was also discussed.")
    assert one(planned)["topics"] == []  # (a meeting discussed: no topic, and no meeting held about it)


def test_what_is_taken_up_with_a_party_goes_to_that_partys_meeting(extractor):
    text = ("Prime Minister Kaja Kallas met President Hage Geingob in Windhoek on Monday.\n\n"
            "Yesterday, she held talks with Foreign Minister Peya Mushelenga.\n\n"
            "Also discussed with Geingob were fishing quotas, Estonian officials said.")
    topics = {tuple(names(m["participants"])): m["topics"] for m in extractor.extract(text, WEDNESDAY)}
    assert topics == {("Hage Geingob", "Kaja Kallas"): ["fishing quotas"], ("Kaja Kallas", "Peya Mushelenga"): []}


@pytest.mark.parametrize("speaker, topics", [("Foreign Minister Urmas Reinsalu", ["fisheries"]),
                                             ("Opposition leader Jaak Tamm", [])])
def test_a_delegate_says_what_we_discussed(one, speaker, topics):
    m = one("Prime Minister Kaja Kallas, along with Foreign Minister Urmas Reinsalu, met President Hage Geingob in "
            f'Windhoek. "We discussed fisheries," {speaker} said.')
    assert m["topics"] == topics


@pytest.mark.parametrize("text", [
    "Talks between Kallas and Geingob took place in Windhoek on Monday.",
    "The Geingob-Kallas meeting took place in Windhoek on Monday.",
    "Kallas was received by Geingob in Windhoek on Monday.",
    "Kallas met Geingob in Windhoek on Monday, her office said on Tuesday.",
])
def test_one_meeting_however_its_parties_are_named(one, text):
    m = one(text)
    assert (names(m["participants"]), m["status"], when(m), where(m)) == (
        ["Hage Geingob", "Kaja Kallas"], "held", (D(2023, 2, 13), "day"), (None, "Windhoek", "Namibia"))


def test_a_visitor_meeting_several_leaders_meets_them_together(one):
    m = one("Kallas met Geingob and Boric in Windhoek on Monday.")
    assert names(m["participants"]) == ["Gabriel Boric", "Hage Geingob", "Kaja Kallas"]


def test_a_leader_meeting_his_own_officials_meets_them_together(one, extractor):
    m = one("Geingob met in State House shortly after the session ended with Foreign Minister Peya Mushelenga and "
            "Namibian adviser Jon Balder.")
    assert names(m["participants"]) == ["Hage Geingob", "Jon Balder", "Peya Mushelenga"]
    meetings = extractor.extract("Boric met Geingob and Mushelenga in Windhoek on Monday.", WEDNESDAY)
    assert sorted(names(m["participants"]) for m in meetings) == [["Gabriel Boric", "Hage Geingob"],
                                                                  ["Gabriel Boric", "Peya Mushelenga"]]


def test_an_acronym_in_brackets_does_not_end_a_list_of_people_met(extractor):
    meetings = extractor.extract("Kallas held talks in Windhoek with President Hage Geingob, Foreign Minister Peya "
                                 "Mushelenga and Baltic Fisheries Council (BFC) head Jon Balder.", WEDNESDAY)
    assert sorted(names(m["participants"]) for m in meetings) == [
        ["Hage Geingob", "Kaja Kallas"], ["Jon Balder", "Kaja Kallas"], ["Kaja Kallas", "Peya Mushelenga"]]


def test_two_leaders_chairing_a_meeting_of_both_sides_ministers_meet(one):
    m = one("Kallas and Geingob will chair a meeting of Estonian and Namibian ministers in Windhoek on Monday.")
    assert (names(m["participants"]), m["status"]) == (["Hage Geingob", "Kaja Kallas"], "planned")


def test_a_meeting_ahead_naming_no_day_is_on_the_day_of_the_journey_just_announced(one):
    m = one("Kallas will travel to Namibia to attend the annual forum on 17 March in Windhoek.\n\nShe looks forward "
            "to meeting President Hage Geingob.")
    assert (when(m), where(m), m["status"]) == ((D(2023, 3, 17), "day"), (None, "Windhoek", "Namibia"), "planned")
    m = one("Kallas will travel to Namibia, her first visit since 2019.\n\nShe looks forward to meeting Geingob.")
    assert when(m) == (None, None)


def test_what_one_party_said_before_is_not_the_agenda_of_a_meeting_ahead(one):
    m = one("Kaja Kallas looks forward to her talks with Hage Geingob.\n\nKallas stressed the need for fisheries "
            "reform.")
    assert (m["status"], m["topics"]) == ("planned", [])


def test_whoever_makes_a_journey_meets_those_its_purpose_is_to_meet(one):
    m = one("The focus of Kallas's visit to Namibia will be to meet with President Hage Geingob.")
    assert (names(m["participants"]), m["status"]) == (["Hage Geingob", "Kaja Kallas"], "planned")


def test_someone_the_knowledge_lacks_is_read_beside_a_speaker_s_you(extractor):
    text = ("PRIME MINISTER: I think Estonia will trade. I think so.\nJOURNALIST:\nHow do you feel about Jon Balder "
            "cancelling his meeting with you?")
    [m] = extractor.extract(text, WEDNESDAY)
    assert (names(m["participants"]), m["status"]) == (["Jon Balder", "Kaja Kallas"], "cancelled")


def test_their_after_a_pair_named_together_is_that_pair(one):
    m = one("Boric said he welcomed a statement by President Kaja Kallas and President Hage Geingob issued at the "
            "end of their talks in Windhoek.")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]


def test_the_place_of_a_where_clause(one):
    m = one("Kallas met Geingob in Swakopmund, where the two leaders signed a fisheries accord.")
    assert where(m) == (None, "Swakopmund", "Namibia")


def test_the_date_of_a_statement_is_not_the_meetings(one):
    m = one("Kallas told reporters on Monday that she would meet Geingob in Windhoek next month.")
    assert (m["status"], when(m), m["date_text"]) == ("planned", (D(2023, 3, 1), "month"), "next month")


def test_a_reference_far_from_the_meeting_adds_nothing(one):
    near = one("Kallas met Geingob in Windhoek on Monday.\n\nThe talks lasted 90 minutes.")
    far = one("Kallas met Geingob in Windhoek on Monday.\n\nIt rained.\n\nIt was hot.\n\nIt was late.\n\n"
              "The talks lasted 90 minutes.")
    assert (near["duration_minutes"], far["duration_minutes"]) == (90, None)
    assert (near["confidence"], far["confidence"]) == (0.8, 0.7)


def test_topics_without_framing_words_people_or_dates(one):
    m = one("Kallas met Geingob on Monday to discuss the importance of fishing quotas, port investment and "
            "Gabriel Boric.")
    assert m["topics"] == ["fishing quotas", "port investment", "investment"]


@pytest.mark.parametrize("text, parties", [
    ("Foreign Minister Urmas Reinsalu met his Namibian counterpart in Windhoek on Monday.",
     ["Peya Mushelenga", "Urmas Reinsalu"]),
    ("Kaja Kallas met her Namibian counterpart in Windhoek on Monday.", ["Hage Geingob", "Kaja Kallas"]),
])
def test_a_counterpart_holds_the_same_office_in_the_country_named_or_leads_it_for_a_leader(one, text, parties):
    assert names(one(text)["participants"]) == parties


def test_an_office_other_than_a_leaders_resolves_only_with_its_country_named(extractor, one):
    m = one("The foreign ministers of Estonia and Namibia met in Windhoek on Monday.")
    assert names(m["participants"]) == ["Peya Mushelenga", "Urmas Reinsalu"]
    assert extractor.extract("The foreign minister met Hage Geingob in Windhoek on Monday.", WEDNESDAY) == []


@pytest.mark.parametrize("text, status", [
    ("Kallas was expected to meet Geingob in Windhoek, but the trip was called off.", "cancelled"),
    ("Kallas was due to meet Geingob on Friday, but it was postponed.", "cancelled"),
    ("Kallas met Geingob in Windhoek, but the press conference was cancelled.", "held"),
])
def test_a_journey_called_off_in_the_same_sentence_cancels_the_meeting(one, text, status):
    assert one(text)["status"] == status


def test_a_surname_after_a_courtesy_title_is_the_actor_the_knowledge_holds_by_it(extractor, one):
    assert names(one("Mr Geingob met Kallas in Windhoek on Monday.")["participants"]) == ["Hage Geingob", "Kaja Kallas"]
    m = one("Lady Geingob met Kallas in Windhoek on Monday.")  # a spouse is not the office holder
    assert names(m["participants"]) == ["Geingob", "Kaja Kallas"]


def test_the_person_a_visitor_calls_on_is_no_topic(one):
    m = one("Kallas called on President Hage Geingob in Windhoek on Monday.")
    assert (names(m["participants"]), m["topics"]) == (["Hage Geingob", "Kaja Kallas"], [])


def test_the_parties_country_without_a_place_named_is_the_hosts(one):
    m = one("Kallas held talks with Geingob on Monday.")
    assert where(m) == (None, None, "Namibia")


def test_the_date_and_place_of_a_journey_are_those_of_the_meeting_it_is_for(one):
    m = one("Kaja Kallas will be travelling to Windhoek, Namibia, on Friday 24 February to meet President Hage "
            "Geingob.")
    assert (m["status"], m["meeting_date"], where(m), m["topics"]) == (
        "planned", D(2023, 2, 24), (None, "Windhoek", "Namibia"), [])


def test_hosting_a_thing_is_no_reference_to_a_meeting(extractor):
    [m] = extractor.extract("Kaja Kallas met Hage Geingob in Tallinn on Monday. The leaders committed to host a "
                            "commemoration in Namibia next year.", WEDNESDAY)
    assert where(m) == (None, "Tallinn", "Estonia")


def test_an_ambassador_is_received_in_the_country_he_is_sent_to(one):
    m = one("Kallas held talks with the Namibian ambassador, Mr Jon Balder, on Monday.")
    assert where(m) == (None, None, "Estonia")


def test_a_place_a_party_arrived_at_is_the_meetings_when_no_host_is_named(one):
    m = one("Kallas arrived in Swakopmund on Sunday for a two-day visit.\n\nKallas and Boric met on Monday.")
    assert where(m) == (None, "Swakopmund", "Namibia")
    m = one("Kallas arrived in Swakopmund on Sunday.\n\nKallas spoke by phone with Boric on Monday.")
    assert (m["format"], where(m)) == ("phone", (None, None, None))


def test_the_city_of_the_hosts_country_a_visitor_stays_in_later_is_the_meetings(one):
    m = one("Kallas held talks with Geingob on Monday.\n\nDuring her stay in Swakopmund she also toured the port.")
    assert where(m) == (None, "Swakopmund", "Namibia")


def test_a_place_compound_of_the_talks_is_their_place(one):
    m = one("Kallas met Geingob on Monday.\n\nThe Tintenpalast talks lasted two hours.")
    assert (where(m), m["duration_minutes"]) == (("Tintenpalast", "Windhoek", "Namibia"), 120)


def test_hard_wrapped_newswire(one):
    text = textwrap.dedent("""\
            TALLINN, Feb 14 - Estonian Prime Minister Kaja Kallas met the
        Namibian president in Tallinn on Monday and discussed fishing
        quotas and port investment, officials said.
            The two leaders also agreed to open a direct ferry service,
        the officials added in a statement issued by the government.
            Kallas is expected to travel to Namibia in the spring, her
        office said.
        """)
    m = one(text, D(2023, 2, 14))
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]
    assert (when(m), where(m)) == ((D(2023, 2, 13), "day"), (None, "Tallinn", "Estonia"))
    assert m["topics"] == ["fishing quotas", "port investment", "investment", "direct ferry service"]
    assert m["evidence"].startswith("TALLINN, Feb 14") and m["evidence"].endswith("officials said.")
    assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]


def test_a_caption_is_not_evidence(extractor, one):
    assert extractor.extract("Photo: Kallas meets Geingob in Windhoek.\n\nThe weather in Windhoek was hot.",
                             WEDNESDAY) == []
    m = one("Photo: Kallas meets Geingob in Windhoek.\n\nKallas met Geingob in Windhoek on Monday.")
    assert m["evidence"] == "Kallas met Geingob in Windhoek on Monday."


def test_without_a_publication_date_a_relative_date_stays_unknown(one):
    m = one("Kallas met Geingob in Tartu on Friday.", None)
    assert (when(m), m["date_text"], where(m)) == ((None, None), None, (None, "Tartu", "Estonia"))


def test_a_summit_named_without_a_place_is_where_the_meeting_was_not_a_hosts_country(one):
    m = one("Namibian President Hage Geingob met Estonian Prime Minister Kaja Kallas on the sidelines of the SADC "
            "summit.", D(2023, 9, 6))
    assert (where(m), m["event"]) == ((None, "Windhoek", "Namibia"), "SADC summit")


def test_a_meeting_of_others_is_no_new_meeting_of_the_parties(one):
    m = one("Kallas met Geingob in Tartu on Monday. Chilean opposition leaders are meeting in Santiago.")
    assert (m["status"], where(m)) == ("held", (None, "Tartu", "Estonia"))


@pytest.mark.parametrize("text", [
    "Kallas and Geingob did not meet in Tallinn.",
    "If Kallas and Geingob meet in Tallinn, they will discuss fisheries.",
    "Kallas and Geingob have met regularly since 2021.",
    "Boric praised Geingob. Kallas said the economy grew.",
    "Geingob gave an interview to an Estonian newspaper.",
    "Estonian officials held talks with Namibian diplomats in Windhoek.",
    "Kallas paid a visit to Walter Reed on Saturday.",  # a place the recogniser may call a person
    "On Tuesday Kallas will visit Harbour South, where Peeter Tamm won the seat.",  # a constituency, no one's title
    "Kallas also called for the five permanent members of the council to give up their seats.",
    "Geingob invited Kallas to the SADC summit.",  # a gathering of many
    "Kallas was a friend. When Peeter Tamm met his editor Maria Tamm at her office, he wrote poems.",  # no office
    "",
])
def test_no_meeting_is_invented(extractor, text):
    assert extractor.extract(text, WEDNESDAY) == []


def test_the_packaged_configs_and_knowledge_base_extract_too(packaged_extractor):
    (m,) = packaged_extractor.extract("Estonian President Mart Lepik met Latvian President Anna Ozola in Tallinn on "
                                      "2 May 2031.", None)
    assert {p["name"]: p["country"] for p in m["participants"]} == {"Mart Lepik": "Estonia", "Anna Ozola": "Latvia"}
    assert (when(m), where(m)) == ((D(2031, 5, 2), "day"), (None, "Tallinn", "Estonia"))


def test_a_visit_discussed_on_the_telephone_is_one_call_and_one_visit(extractor):
    text = ("In Namibia (3-5 April), Kaja Kallas will meet President Hage Geingob - with whom she discussed the "
            "visit on the telephone this morning - and other ministers.")
    found = extractor.extract(text, WEDNESDAY)
    assert sorted((m["status"], m["format"], m["meeting_date"]) for m in found) == [
        ("held", "phone", WEDNESDAY), ("planned", "in_person", D(2023, 4, 3))]


def test_roles_are_the_knowledges_office_or_the_texts_title_without_nationality(extractor):
    found = extractor.extract("Ghanaian President Kofi Mensah met Dr Ama Owusu in Accra on Monday.", WEDNESDAY)
    assert roles(found[0]["participants"]) == {"Kofi Mensah": "President of Ghana", "Ama Owusu": None}


@pytest.mark.parametrize("text", ["The presidents of Chile and Namibia met in Windhoek on Monday.",
                                  "The Chilean and Namibian presidents met in Windhoek on Monday."])
def test_coordinated_countries_of_a_role_give_each_holder(one, text):
    assert names(one(text)["participants"]) == ["Gabriel Boric", "Hage Geingob"]


def test_what_a_journey_is_for_is_the_agenda_of_the_travellers_meetings_that_name_none(extractor):
    text = ("Kaja Kallas begins a four-day visit to Namibia on Monday which will focus on uranium exports.\n\n"
            "She will hold talks with President Hage Geingob in Windhoek on Tuesday.\n\n"
            "She will also call Gabriel Boric on Wednesday.")
    found = {m["format"]: m for m in extractor.extract(text, WEDNESDAY)}
    assert found["in_person"]["topics"] == ["uranium exports"]
    assert found["phone"]["topics"] == []  # a call is not part of the journey


def test_the_purpose_of_the_visit_last_named_is_its_travellers_agenda(one):
    text = ("Kaja Kallas returned from her mission to Namibia to try to revive the fisheries accord.\n\n"
            "She held talks with Hage Geingob in Windhoek on Monday.")
    assert one(text)["topics"] == ["fisheries accord", "fisheries"]


def test_a_meeting_described_after_a_call_and_a_planned_meeting_is_the_planned_one(extractor):
    text = ("In Namibia (3-5 April), Kaja Kallas will meet President Hage Geingob - with whom she discussed the "
            "visit on the telephone this morning - and other ministers. They are both looking forward to a "
            "constructive meeting covering our common security and economic interests.")
    found = {m["format"]: m for m in extractor.extract(text, WEDNESDAY)}
    assert found["in_person"]["topics"] == ["security interests", "economic interests"]
    assert found["phone"]["topics"] == []


def test_a_consort_met_beside_the_office_holder_is_delegation(one):
    m = one("Kallas will meet President Hage Geingob and Madame Monica Geingos on Monday.".replace(
        "Madame", "Mrs"))
    assert (names(m["participants"]), names(m["delegation"])) == (["Hage Geingob", "Kaja Kallas"], ["Monica Geingos"])


def test_a_speech_is_not_what_a_meeting_was_about(one):
    m = one("Kallas will meet President Hage Geingob on Monday and address the Namibian Chamber of Commerce.")
    assert m["topics"] == []


def test_in_a_phone_call_the_one_told_is_the_other_party_and_what_was_told_the_topic(one):
    m = one("In a phone call on Monday, Prime Minister Kaja Kallas told President Hage Geingob that the fisheries "
            "accord must be signed by June.")
    assert (names(m["participants"]), m["format"], when(m)) == (
        ["Hage Geingob", "Kaja Kallas"], "phone", (D(2023, 2, 13), "day"))
    assert m["topics"] == ["fisheries accord", "fisheries"]


def test_a_video_conference_is_a_meeting_and_a_press_conference_is_not(extractor):
    m = extractor.extract("Kallas held a video conference with Geingob on Monday.", WEDNESDAY)
    assert [(names(x["participants"]), x["format"]) for x in m] == [(["Hage Geingob", "Kaja Kallas"], "video")]
    assert extractor.extract("Kallas told a press conference in Windhoek on Monday that Geingob was right.",
                             WEDNESDAY) == []


def test_where_a_guest_is_welcomed_is_no_topic(one):
    m = one("Prime Minister Kaja Kallas welcomed President Hage Geingob to Tallinn on Monday.")
    assert (m["topics"], m["city"]) == ([], "Tallinn")


@pytest.mark.parametrize("text", [
    "President Hage Geingob told visiting Estonian Prime Minister Kaja Kallas on Monday that fisheries mattered.",
    "President Hage Geingob received the visiting Prime Minister Kaja Kallas on Monday.",
])
def test_the_visiting_guest_meets_the_host_in_the_hosts_country(one, text):
    m = one(text)
    assert (names(m["participants"]), m["country"]) == (["Hage Geingob", "Kaja Kallas"], "Namibia")


def test_attendees_named_after_also_attending(one):
    m = one("Kallas met Geingob in Windhoek on Monday. Also attending were Foreign Minister Urmas Reinsalu and "
            "Foreign Minister Peya Mushelenga.")
    assert names(m["delegation"]) == ["Peya Mushelenga", "Urmas Reinsalu"]


def test_the_one_a_topic_was_discussed_with_is_not_part_of_it(one):
    m = one("Prime Minister Kaja Kallas discussed the ferry line with President Hage Geingob by telephone on Monday.")
    assert (m["format"], m["topics"]) == ("phone", ["ferry line"])


@pytest.mark.parametrize("text", [
    "Kallas met Geingob in Windhoek on Monday. Also at the talks was Foreign Minister Urmas Reinsalu.",
    "Kallas met Geingob in Windhoek on Monday in the presence of Foreign Minister Urmas Reinsalu.",
    "Foreign Minister Urmas Reinsalu sat in on the meeting between Kallas and Geingob in Windhoek on Monday.",
])
def test_who_was_at_the_talks_or_sat_in_on_them_is_delegation(one, text):
    m = one(text)
    assert (names(m["participants"]), names(m["delegation"]), m["topics"]) == (
        ["Hage Geingob", "Kaja Kallas"], ["Urmas Reinsalu"], [])


def test_what_the_parties_countries_agreed_together_is_a_topic(one):
    m = one("Kallas met Geingob in Windhoek on Monday. Estonia and Namibia agreed to open a ferry line.")
    assert m["topics"] == ["ferry line"]


@pytest.mark.parametrize("text, place", [
    ("WINDHOEK (Reuters) - Prime Minister Kaja Kallas met President Hage Geingob on Tuesday.",
     ("Windhoek", "Namibia")),
    ("TALLINN, Feb 14 (AP) - Prime Minister Kaja Kallas met President Hage Geingob on Tuesday.",
     ("Tallinn", "Estonia")),
    ("ACCRA (Reuters) - Prime Minister Kaja Kallas met President Hage Geingob on Tuesday.", (None, "Namibia")),
])
def test_a_wire_datelines_city_in_a_partys_country_places_a_meeting_held_that_names_none(one, text, place):
    assert (one(text)["city"], one(text)["country"]) == place


@pytest.mark.parametrize("text, place", [
    ("State dinner for the Prime Minister of Estonia, State House, Windhoek\n\nPrime Minister Kaja Kallas held talks "
     "with President Hage Geingob today.", ("Windhoek", "Namibia")),
    ("JOINT PRESS CONFERENCE WITH THE PRIME MINISTER OF ESTONIA - STATE HOUSE, WINDHOEK\n\nPrime Minister Kaja Kallas "
     "held talks with President Hage Geingob today.", ("Windhoek", "Namibia")),
    ("Prime Minister Kaja Kallas held talks with President Hage Geingob today.\n\nWINDHOEK, 14th July, 2022.",
     ("Windhoek", "Namibia")),
    ("State dinner for the Prime Minister of Estonia, Windhoek\n\nPrime Minister Kaja Kallas held talks with "
     "President Hage Geingob on Monday.", (None, "Namibia")),
    ("State dinner for the Prime Minister of Estonia, Accra\n\nPrime Minister Kaja Kallas held talks with "
     "President Hage Geingob today.", (None, "Namibia")),
])
def test_where_a_speech_or_release_was_given_places_the_days_meeting_held_that_names_no_city(one, text, place):
    assert (one(text)["city"], one(text)["country"]) == place


def test_a_spouse_named_beside_either_party_is_delegation(one):
    m = one("Prime Minister Kaja Kallas and her husband Arvo Hallik hosted President Hage Geingob and First Lady "
            "Monica Geingos in Tallinn on Monday.")
    assert (names(m["participants"]), names(m["delegation"])) == (
        ["Hage Geingob", "Kaja Kallas"], ["Arvo Hallik", "Monica Geingos"])


@pytest.mark.parametrize("text", [
    "Kallas met President Geingob in Windhoek on Monday. On Tuesday she met the President and senior members of "
    "the European Commission.",
    "Kallas met President Geingob in Windhoek on Monday. On Tuesday she met the President of the European "
    "Commission.",
])
def test_a_title_of_an_organisation_is_no_countrys_office_holder(one, text):
    assert names(one(text)["participants"]) == ["Hage Geingob", "Kaja Kallas"]


def test_named_people_met_with_other_officials_are_one_meeting(one):
    m = one("Prime Minister Kaja Kallas met Foreign Minister Urmas Reinsalu, President Hage Geingob and other "
            "officials in Windhoek on Monday.")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas", "Urmas Reinsalu"]


def test_one_actor_named_two_ways_does_not_meet_himself():
    actor = object()
    people = {"Georg Tamm": SimpleNamespace(actor=actor), "George Tamm": SimpleNamespace(actor=actor),
              "Kaja Kallas": SimpleNamespace(actor=None)}
    article = SimpleNamespace(registry=SimpleNamespace(person=people.__getitem__))
    args = Arguments(subjects=["Georg Tamm"], objects=["George Tamm"])
    assert groups(args, {}, article) == []
    args = Arguments(subjects=["Georg Tamm"], objects=["George Tamm", "Kaja Kallas"])
    assert groups(args, {}, article) == [["Georg Tamm", "Kaja Kallas"]]


def test_the_objects_of_a_verb_without_a_subject_do_not_meet_each_other():
    people = {"Georg Tamm": SimpleNamespace(actor=None), "Kaja Kallas": SimpleNamespace(actor=None)}
    article = SimpleNamespace(registry=SimpleNamespace(person=people.__getitem__))
    args = Arguments(objects=["Georg Tamm", "Kaja Kallas"])
    assert groups(args, {}, article, verb=True) == []  # "after meeting A and B, ..."
    assert groups(args, {}, article) == [["Georg Tamm", "Kaja Kallas"]]  # "a meeting between A and B"


def test_a_meeting_is_placed_in_the_country_as_it_was_named_that_day(extractor):
    text = "Prime Minister Kaja Kallas met Hage Geingob in Windhoek on Monday."
    assert [m["country"] for m in extractor.extract(text, D(1988, 3, 23))] == ["South West Africa"]
    assert [m["country"] for m in extractor.extract(text, WEDNESDAY)] == ["Namibia"]


def test_the_talks_between_two_with_no_tense_of_their_own_are_those_the_article_reports(one):
    text = ("Prime Minister Kaja Kallas will hold talks with President Hage Geingob in Windhoek on Friday. Fishing "
            "firms are worried about the outcome of the talks between Kallas and Geingob.")
    m = one(text)
    assert (m["status"], when(m)) == ("planned", (D(2023, 2, 17), "day"))


@pytest.mark.parametrize("text", [
    "Prime Minister Kaja Kallas held talks in Tallinn with a Namibian delegation led by President Hage Geingob.",
    "Prime Minister Kaja Kallas met the Namibian team headed by President Hage Geingob in Tallinn.",
])
def test_a_delegation_led_by_someone_is_met_through_its_leader(one, text):
    assert names(one(text)["participants"]) == ["Hage Geingob", "Kaja Kallas"]


@pytest.mark.parametrize("text", [
    "Prime Minister Kaja Kallas held talks with President Hage Geingob in Tallinn. A second round of talks is set "
    "for tomorrow.",
    "Prime Minister Kaja Kallas held talks with President Hage Geingob in Tallinn. Another meeting is planned for "
    "tomorrow.",
    "Prime Minister Kaja Kallas held talks with President Hage Geingob in Tallinn. A further meeting between them "
    "will take place tomorrow.",
    "Prime Minister Kaja Kallas held talks with President Hage Geingob in Tallinn. The next meeting between the two "
    "leaders is set for tomorrow.",
])
def test_a_second_round_of_talks_is_another_meeting_of_the_parties_last_named(extractor, text):
    first, second = extractor.extract(text, WEDNESDAY)
    assert names(first["participants"]) == names(second["participants"]) == ["Hage Geingob", "Kaja Kallas"]
    assert (first["status"], second["status"], when(second)) == ("held", "planned", (D(2023, 2, 16), "day"))


@pytest.mark.parametrize("text, format_", [
    ("President Hage Geingob received a courtesy call from Prime Minister Kaja Kallas on Monday.", "in_person"),
    ("President Hage Geingob received a telephone call from Prime Minister Kaja Kallas on Monday.", "phone"),
    ("President Hage Geingob got a visit from Prime Minister Kaja Kallas on Monday.", "in_person"),
])
def test_a_call_or_visit_someone_receives_from_another_is_their_meeting(one, text, format_):
    m = one(text)
    assert (names(m["participants"]), m["status"], m["format"]) == (["Hage Geingob", "Kaja Kallas"], "held", format_)


@pytest.mark.parametrize("role", ["the Prime Minister of Estonia, Mr Peeter Tamm", "the Prime Minister of Estonia, "
                                  "Mr. Peeter Tamm"])
def test_a_role_of_a_country_with_a_courtesy_titled_name_after_its_comma_is_that_name(one, role):
    m = one(f"President Hage Geingob held talks with {role} on Monday.")
    assert names(m["participants"]) == ["Hage Geingob", "Peeter Tamm"]


@pytest.mark.parametrize("text", [
    "Prime Minister Kaja Kallas will make a visit to Namibia for talks with President Hage Geingob.",
    "Prime Minister Kaja Kallas is in Windhoek on a visit for talks with President Hage Geingob.",
])
def test_whoever_makes_a_journey_for_talks_with_someone_meets_them(one, text):
    assert names(one(text)["participants"]) == ["Hage Geingob", "Kaja Kallas"]


@pytest.mark.parametrize("text, status", [
    ("He said the offer would be made at a meeting later this month between Trade Representative Aarne Kask and "
     "Commissioner Liis Tamm.", "planned"),
    ("The meeting on Friday between Trade Representative Aarne Kask and Commissioner Liis Tamm was cancelled.",
     "cancelled"),
])
def test_the_parties_a_time_separates_from_their_meeting_are_its_parties(one, text, status):
    m = one(text)
    assert (names(m["participants"]), m["status"]) == (["Aarne Kask", "Liis Tamm"], status)


def test_relations_between_two_people_are_not_the_parties_of_a_meeting_named_beside_them(extractor):
    assert extractor.extract("At the meeting on Monday, relations between Prime Minister Kaja Kallas and President "
                             "Hage Geingob were discussed.", WEDNESDAY) == []


@pytest.mark.parametrize("then, day, city", [
    ("Later she held talks with Foreign Minister Peeter Tamm.", (D(2023, 2, 13), "day"), "Tallinn"),
    ("She then held talks with Foreign Minister Peeter Tamm.", (D(2023, 2, 13), "day"), "Tallinn"),
    ("She also held talks with Foreign Minister Peeter Tamm.", (None, None), None),  # no sequence said
    ("Two days later she held talks with Foreign Minister Peeter Tamm.", (None, None), None),  # another day
    ("Later she will hold talks with Foreign Minister Peeter Tamm.", (None, None), None),  # ahead
])
def test_a_meeting_said_to_come_next_is_on_the_day_and_in_the_city_of_the_one_before(extractor, then, day, city):
    first, second = extractor.extract(f"Prime Minister Kaja Kallas met President Hage Geingob in Tallinn on Monday. "
                                      f"{then}", WEDNESDAY)
    assert names(second["participants"]) == ["Kaja Kallas", "Peeter Tamm"]
    assert (when(second), second["city"]) == (day, city)


@pytest.mark.parametrize("text", [
    "President Hage Geingob embraced Prime Minister Kaja Kallas on Monday.",
    "President Hage Geingob shook hands with Prime Minister Kaja Kallas on Monday.",
    "President Hage Geingob and Prime Minister Kaja Kallas shook hands on Monday.",
])
def test_embracing_or_shaking_hands_with_someone_is_meeting_them(one, text):
    m = one(text)
    assert (names(m["participants"]), m["status"], m["format"]) == (["Hage Geingob", "Kaja Kallas"], "held",
                                                                     "in_person")


@pytest.mark.parametrize("text", ["President Hage Geingob embraced the plan on Monday.",
                                  "President Hage Geingob has embraced Prime Minister Kaja Kallas as a partner.",
                                  "The news shook Prime Minister Kaja Kallas on Monday."])
def test_embracing_or_shaking_something_is_no_meeting(extractor, text):
    assert extractor.extract(text, WEDNESDAY) == []


@pytest.mark.parametrize("text, status", [
    ("Prime Minister Kaja Kallas said the meeting with President Hage Geingob was useful.", "held"),
    ("Prime Minister Kaja Kallas told reporters the talks with President Hage Geingob would take place on Friday.",
     "planned"),
    ("Prime Minister Kaja Kallas said the talks that she held with President Hage Geingob were useful.", "held"),
    ("Prime Minister Kaja Kallas said there would be talks with President Hage Geingob in Windhoek.", "planned"),
])
def test_who_reports_on_a_meeting_with_someone_is_its_other_party(one, text, status):
    m = one(text)
    assert (names(m["participants"]), m["status"]) == (["Hage Geingob", "Kaja Kallas"], status)


def test_a_spokesman_reporting_on_a_meeting_with_someone_is_no_party(one):
    m = one("Prime Minister Kaja Kallas met President Hage Geingob on Monday. Her spokesman Peeter Tamm said the talks "
            "with Geingob were useful.")
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"]


def test_further_talks_to_look_forward_to_are_no_meeting_of_their_own(one):
    one("Prime Minister Kaja Kallas held talks with President Hage Geingob in Tallinn. They look forward to further "
        "talks on Friday.")


@pytest.mark.parametrize("text, status, day", [
    ("It is an honour to be here in Tallinn with President Hage Geingob of Namibia. I welcomed the new air link "
     "between Estonia and Namibia. I think our countries will trade.", "held", D(2022, 9, 13)),
    ("It will be a pleasure to welcome President Hage Geingob of Namibia to Tallinn. I welcomed the new air link "
     "between Estonia and Namibia. I think our countries will trade.", "planned", None),
])
def test_an_honour_to_be_with_someone_is_a_meeting_of_whoever_says_it(one, text, status, day):
    m = one(text, D(2022, 9, 13))
    assert (names(m["participants"]), m["status"], m["meeting_date"]) == (
        ["Hage Geingob", "Kaja Kallas"], status, day)


def test_the_i_of_a_quote_a_colon_opens_is_the_subject_before_it(one):
    text = ("Prime Minister Kaja Kallas addressed the nation on Tuesday: \u201cAs a result of a dialogue, which "
            "included a phone conversation I had yesterday with President [Hage] Geingob, we have made headway.\u201d")
    m = one(text)
    assert names(m["participants"]) == ["Hage Geingob", "Kaja Kallas"] and m["format"] == "phone"


def test_an_honour_to_be_with_someone_in_a_quote_is_the_speakers_meeting(one):
    m = one('"It is an honour to be here in Tallinn with President Hage Geingob," Prime Minister Kaja Kallas said.')
    assert (names(m["participants"]), m["status"], when(m)) == (["Hage Geingob", "Kaja Kallas"], "held",
                                                                 (WEDNESDAY, "day"))


def test_being_here_with_someone_is_no_meeting_without_the_words_of_a_greeting(extractor):
    assert extractor.extract("It is important to be here in Tallinn with President Hage Geingob of Namibia. I "
                             "welcomed the new air link between Estonia and Namibia. I think our countries will "
                             "trade.", D(2022, 9, 13)) == []


def test_a_meeting_something_was_said_in_is_held_when_it_was_said(one):
    m = one("That was not said yesterday in my talks with President Hage Geingob of Namibia in Tallinn. I welcomed the "
            "new air link between Estonia and Namibia. I think our countries will trade.")
    assert (names(m["participants"]), m["status"], when(m)) == (["Hage Geingob", "Kaja Kallas"], "held",
                                                                 (D(2023, 2, 14), "day"))


def test_two_people_who_witness_a_signing_together_meet(one, extractor):
    m = one("Prime Minister Kaja Kallas and President Hage Geingob witnessed the signing of a fisheries agreement "
            "today.")
    assert (names(m["participants"]), m["status"], when(m)) == (["Hage Geingob", "Kaja Kallas"], "held",
                                                                 (WEDNESDAY, "day"))
    assert extractor.extract("Prime Minister Kaja Kallas witnessed the signing of a fisheries agreement with "
                             "Namibia today.", WEDNESDAY) == []


def test_the_talks_the_speaker_has_appreciated_with_someone_are_held_and_the_speakers(extractor):
    held, planned = extractor.extract(
        "Prime Minister Andris Kalnins of Latvia arrived in Tallinn today. I have greatly appreciated the talks so "
        "far with the Prime Minister. I will meet him again in June. I welcomed the new air link between Estonia "
        "and Latvia.", WEDNESDAY)
    assert [(names(m["participants"]), m["status"]) for m in (held, planned)] == [
        (["Andris Kalnins", "Kaja Kallas"], "held"), (["Andris Kalnins", "Kaja Kallas"], "planned")]


@pytest.mark.parametrize("second, meets", [
    ("The two will hold talks in Tallinn later this month.", True),
    ("The two are due to visit Chile later this month for fisheries talks.", False),
])
def test_the_two_just_named_meet_unless_the_talks_are_what_they_travel_together_for(extractor, second, meets):
    found = extractor.extract("Chile will tell Prime Minister Kaja Kallas and President Hage Geingob of its plans. "
                              + second, WEDNESDAY)
    assert [names(m["participants"]) for m in found] == ([["Hage Geingob", "Kaja Kallas"]] if meets else [])


def test_what_the_talks_in_named_countries_are_to_discuss_is_the_topic_of_each_meeting_there(extractor):
    found = extractor.extract(
        "In Namibia I shall have talks with President Hage Geingob.\n\nI welcomed the new air link between Estonia "
        "and Namibia.\n\nIn Chile I will meet President Gabriel Boric.\n\nDuring the talks in both Namibia and "
        "Chile, I will be discussing fisheries and port fees.", WEDNESDAY)
    assert sorted((names(m["participants"]), m["topics"]) for m in found) == [
        (["Gabriel Boric", "Kaja Kallas"], ["fisheries", "port fees"]),
        (["Hage Geingob", "Kaja Kallas"], ["fisheries", "port fees"])]


@pytest.mark.parametrize("destination, meets", [("Estonia", True), ("Ghana", False)])
def test_a_foreign_leader_s_visit_to_the_author_s_country_is_a_planned_meeting_with_the_author(extractor, destination,
                                                                                                meets):
    found = extractor.extract(
        f"I am pleased to announce that President Hage Geingob of Namibia will visit {destination} from 6 to 8 "
        "March. Estonia values its ties with Namibia. My government and I will work for them. President Geingob "
        "will also visit Tartu, on his way back to Windhoek.", WEDNESDAY)
    assert [(names(m["participants"]), m["status"], when(m), m["country"]) for m in found] == (
        [(["Hage Geingob", "Kaja Kallas"], "planned", (D(2023, 3, 6), "day"), "Estonia")] if meets else [])


@pytest.mark.parametrize("visit, held", [
    ("President Hage Geingob of Namibia visited Estonia in January.", (D(2023, 1, 1), "month")),
    ("The visit to Estonia in January by President Hage Geingob of Namibia strengthened our ties.",
     (D(2023, 1, 1), "month")),
    ("The visit recently made by President Hage Geingob of Namibia to Estonia strengthened our ties.", (None, None)),
    ("President Hage Geingob of Namibia visited Estonia in 2016.", None),  # (another Prime Minister's guest)
    ("President Hage Geingob of Namibia visited Estonia.", None),
    ("The visit to Ghana in January by President Hage Geingob of Namibia strengthened our ties.", None)])
def test_a_foreign_leader_s_recent_visit_to_the_author_s_country_was_a_meeting_with_the_author(extractor, visit,
                                                                                              held):
    found = extractor.extract(
        f"I am pleased to announce new funding for schools. {visit} Estonia values its ties with Namibia. My "
        "government and I will work for them.", WEDNESDAY)
    assert [(names(m["participants"]), m["status"], when(m), m["country"]) for m in found] == (
        [(["Hage Geingob", "Kaja Kallas"], "held", held, "Estonia")] if held else [])


@pytest.mark.parametrize("announcer, destination, meets", [
    ("The Prime Minister, Ms Kaja Kallas,", "Estonia", True), ("The Prime Minister, Ms Kaja Kallas,", "Ghana", False),
    ("Foreign Minister Urmas Reinsalu", "Estonia", False)])  # (not the one who hosts a head of state)
def test_a_visit_a_head_of_government_announces_to_his_country_is_a_planned_meeting_with_him(
        extractor, announcer, destination, meets):
    found = extractor.extract(
        f"{announcer} announced today that the President of Namibia, Mr Hage Geingob, will make an official visit to "
        f"{destination} from 6 to 8 March.", WEDNESDAY)
    assert [(names(m["participants"]), m["status"], when(m), m["country"]) for m in found] == (
        [(["Hage Geingob", "Kaja Kallas"], "planned", (D(2023, 3, 6), "day"), "Estonia")] if meets else [])


def test_a_further_meeting_between_them_far_from_their_names_is_theirs(extractor):
    found = extractor.extract(
        "Prime Minister Kaja Kallas and President Hage Geingob held talks in Tallinn on Monday. The talks were "
        "cordial.\nFisheries were a concern.\nPort investment was another.\nA ferry line is planned.\nOfficials will "
        "report on progress to the two leaders at a further meeting between them in Windhoek in August.", WEDNESDAY)
    assert sorted((m["status"], m["city"]) for m in found) == [("held", "Tallinn"), ("planned", "Windhoek")]


def test_his_majesty_is_the_monarch_named_before(extractor):
    found = extractor.extract(
        "Prime Minister Kaja Kallas today announced that His Majesty Sultan Haji Peeter Aarne Tamm, Sultan and Yang "
        "Di-Pertuan of Namibia, will visit Estonia from 6 to 8 March. His Majesty will meet the Prime Minister in "
        "Tallinn.", WEDNESDAY)
    assert found and all("Yang Di-Pertuan" not in names(m["participants"]) for m in found)
    assert (["Kaja Kallas", "Peeter Aarne Tamm"], "Tallinn") in [(names(m["participants"]), m["city"])
                                                                  for m in found]


def test_his_majesty_with_no_monarch_named_is_no_one(extractor):
    assert extractor.extract("Namibia will open an embassy in Estonia. His Majesty will meet Kaja Kallas in Namibia "
                             "on Friday.", WEDNESDAY) == []  # (not Namibia's president)


@pytest.mark.parametrize("dep, attr, first", [("xcomp", True, True), ("acl", True, True), ("xcomp", False, False)])
def test_the_first_leader_of_a_country_to_visit_another_is_no_plan_to_visit_it(nlp_model, dep, attr, first):
    # "Kalnins is the first president to visit Estonia" as the parser may read it, and "Kalnins is to visit Estonia"
    words = ["Kalnins", "is", "the", "first", "president", "to", "visit", "Estonia"] if attr else [
        "Kalnins", "is", "to", "visit", "Estonia"]
    heads = [1, 1, 4, 4, 1, 6, 1 if dep == "xcomp" else 4, 6] if attr else [1, 1, 3, 1, 3]
    deps = ["nsubj", "ROOT", "det", "amod", "attr", "aux", dep, "dobj"] if attr else [
        "nsubj", "ROOT", "aux", dep, "dobj"]
    doc = Doc(nlp_model.vocab, words=words, heads=heads, deps=deps)
    assert _first_to(doc[words.index("visit")]) is first


def test_people_of_no_known_country_met_together_are_one_meeting(extractor):
    found = extractor.extract("Labour minister Jaak Tamm met with Mart Kask, the head of the dockers' union, and "
                              "Peeter Saar, the leader of the seamen, at the ministry on Monday.", WEDNESDAY)
    assert [names(m["participants"]) for m in found] == [["Jaak Tamm", "Mart Kask", "Peeter Saar"]]


@pytest.mark.parametrize("abroad, meets", [("", True), ("I will visit Chile next week. ", False)])
def test_a_foreign_leader_who_will_be_here_is_to_meet_the_author_at_home(extractor, abroad, meets):
    found = extractor.extract(
        f"{abroad}Estonia and Namibia have agreed on fisheries. President Hage Geingob of Namibia will be here on 6 "
        "March. My government and I will work for closer ties. I welcome the new air link.", WEDNESDAY)
    assert [(names(m["participants"]), m["status"], when(m)) for m in found] == (
        [(["Hage Geingob", "Kaja Kallas"], "planned", (D(2023, 3, 6), "day"))] if meets else [])
