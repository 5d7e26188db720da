"""What a meeting was about (transforms/extract/topics.py): the phrases the text says were discussed, one per
coordinated item, without determiners, framing nouns ("the importance of X" is X), dates, people or vague words;
named by their topic when a topic's phrase is the whole phrase; and topics stated by the parties together, listed
with a topic noun, or given as the purpose of a trip. Topic names come from a small gazetteer written for these
tests."""
import pytest

from pipeline.config import load_yaml
from transforms.extract import attributes, nlp, predicates, topics
from transforms.extract.gazetteer import Gazetteer
from transforms.extract.predicates import Lexicon

CONFIG = {"places": {"countries": [{"name": "Namibia"}]}, "summits": {},
          "topics": {"topics": ["fisheries", "quotas", "arms control"]}}


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_config(load_yaml("meetings"))


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.from_config(CONFIG.__getitem__)


@pytest.fixture(scope="module")
def about(parse, lexicon):
    """The topics of the first meeting predicate of a sentence (named by the gazetteer when it is given)."""
    def run(text, gaz=None):
        doc = parse(text)
        predicate = predicates.find(doc, lexicon)[0]
        return topics.about(doc, attributes.anchors(predicate, doc), lexicon, gaz)
    return run


@pytest.fixture(scope="module")
def said(parse, lexicon):
    """The topics the parties state in a sentence: "they", or the tokens `party(token)` accepts."""
    def run(text, gaz=None, party=lambda t: t.lower_ == "they"):
        return topics.stated(parse(text), lexicon, party, gaz)
    return run


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas met Hage Geingob and discussed fisheries and port investment.", ["fisheries", "port investment"]),
    ("They discussed trade, investment and the ferry line.", ["trade", "investment", "ferry line"]),
    ("Kaja Kallas met Hage Geingob on Monday to discuss uranium exports.", ["uranium exports"]),
    ("Kaja Kallas spoke with Hage Geingob about the ferry line and a new embassy.", ["ferry line", "embassy"]),
    ("The talks between Kaja Kallas and Hage Geingob focused on digital government.", ["digital government"]),
    ("Kaja Kallas held talks with Hage Geingob on port investment.", ["port investment"]),
])
def test_what_was_discussed_one_phrase_per_coordinated_item(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas held talks with Hage Geingob on the importance of maritime security.", ["maritime security"]),
    ("Kaja Kallas met Hage Geingob and discussed the situation in Myanmar.", ["Myanmar"]),
    ("Kaja Kallas held talks with Hage Geingob on efforts to conclude a free trade agreement.",
     ["free trade agreement"]),
    ("Kaja Kallas met Hage Geingob and discussed major problems now current in the field of fisheries.",
     ["field of fisheries"]),
])
def test_framing_nouns_give_what_they_frame(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas met Hage Geingob to discuss how the two countries can expand port investment.",
     ["port investment"]),
    ("Kaja Kallas talked with Hage Geingob about how to cooperate on maritime security.", ["maritime security"]),
    ("Kaja Kallas met Hage Geingob to discuss whether to extend the fisheries accord.", ["fisheries accord"]),
    ("Kaja Kallas spoke with Hage Geingob about how everything went at the press conference.", []),
    ("Kaja Kallas met Hage Geingob to discuss how things were going.", []),
])
def test_what_a_how_or_whether_clause_acts_on(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas spoke with Hage Geingob on a call about the ferry line.", ["ferry line"]),
    ("Kaja Kallas held talks with Hage Geingob on the fisheries negotiations.", ["fisheries negotiations"]),
])
def test_what_a_call_spoken_on_is_about_but_negotiations_talked_about_are_the_topic(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials said she would raise the subject of uranium exports when they meet.", ["uranium exports"]),
])
def test_the_subject_of_something_is_that_thing(said, text, expected):
    assert said(text, party=lambda t: t.lower_ == "she") == expected


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas met Hage Geingob to discuss the issues facing the region.", []),
    ("Kaja Kallas met Hage Geingob to discuss the maritime issues facing the region.",
     ["maritime issues facing the region"]),
])
def test_what_a_framing_noun_faces_is_not_what_it_frames(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas met Hage Geingob and explored areas for closer cooperation, including in fisheries and energy.",
     ["fisheries", "energy"]),
    ("Kaja Kallas met Hage Geingob and discussed topics such as shipping and tourism.", ["shipping", "tourism"]),
])
def test_examples_a_topic_names_are_topics_of_their_own(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kallas and Geingob held fisheries talks on Monday.", ["fisheries"]),
    ("Kallas and Geingob will hold arms control talks in Windhoek.", ["arms control"]),
    ("Kallas and Geingob held crisis talks in Windhoek.", []),
])
def test_a_meeting_noun_of_a_named_kind(about, gaz, text, expected):
    assert about(text, gaz) == expected


def test_hyphenated_words_stay_whole(about):
    assert about("Kaja Kallas met Hage Geingob and discussed economic co-operation and e-government.") == [
        "economic co-operation", "e-government"]


def test_the_meeting_itself_is_not_its_topic(about):
    assert about("Kaja Kallas met Hage Geingob and discussed the visit.") == []
    assert about("A meeting between Kaja Kallas and Hage Geingob was discussed in May.") == []


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas spoke with Hage Geingob about how everything went.", []),
    ("Kaja Kallas said she and Hage Geingob need to talk about what happened.", []),
    ("Kaja Kallas talks on a cellphone to Hage Geingob.", []),
    ("Kaja Kallas will discuss fisheries with Namibian President Hage Geingob.", ["fisheries"]),
])
def test_clauses_without_a_subject_and_the_parties_are_not_topics(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas will meet Hage Geingob on Friday to show continued support for the ferry line.",
     ["continued support for the ferry line"]),
    ("The purpose of the visit is to advance port investment and fisheries.", ["port investment", "fisheries"]),
    ("The visit is an opportunity to build upon the growing trade in uranium.", ["growing trade in uranium"]),
    ("Kaja Kallas will visit Windhoek next week.", []),
    ("Kaja Kallas phoned Governor Hage Geingob to offer her condolences.", ["condolences"]),
    ("Kaja Kallas will return to Tallinn to welcome Hage Geingob and attend his address.", []),
    ("The purpose of the talks was to re-state the illegitimacy of the ban and discuss available responses.",
     ["available responses"]),
    ("Kallas looked forward to welcoming President Geingob as the first Namibian head of state to visit Estonia.",
     []),
    ("Kaja Kallas met Hage Geingob in an emergency effort to head off new tariffs on uranium exports.",
     ["tariffs on uranium exports"]),
    ("Kaja Kallas held talks with Hage Geingob in an attempt to resolve the border dispute.", ["border dispute"]),
    ("Kaja Kallas met Hage Geingob in a last-ditch attempt to change his mind.", []),
])
def test_what_a_meeting_or_visit_is_for(parse, lexicon, text, expected):
    doc = parse(text)
    predicate = predicates.find(doc, lexicon)[0]
    assert topics.aims(attributes.anchors(predicate, doc), lexicon) == expected


def test_coordinated_modifiers_of_one_noun_are_distributed(about):
    assert about("The two leaders discussed political and economic interests.") == [
        "political interests", "economic interests"]


@pytest.mark.parametrize("text", [
    "Kaja Kallas held talks with Hage Geingob on Monday.",
    "Kaja Kallas met Hage Geingob and discussed a range of issues.",
    "They discussed other issues.",
    "Kallas and Geingob discussed them at length.",
    "Kaja Kallas held talks with Hage Geingob on the sidelines of the summit.",
    "The talks covered other topics ahead of a summit in Windhoek.",
    "Kaja Kallas will host Hage Geingob for dinner on Wednesday evening.",
    "Kaja Kallas is to call on Hage Geingob and Senate chairman Peya Mushelenga on Monday.",  # whom she visits
    "Kaja Kallas met Hage Geingob for talks on the first day of her four-day visit.",
    "Kaja Kallas will meet Hage Geingob in Riga on his way to New Zealand.",
])
def test_dates_pronouns_vague_words_and_occasions_are_not_topics(about, text):
    assert about(text) == []


def test_a_date_is_no_topic_where_no_entity_recogniser_ran(nlp_model, lexicon):
    doc = nlp.parse(nlp_model, ["I will return on Friday November 17 to welcome Hage Geingob."])[0]
    predicate = predicates.find(doc, lexicon)[0]
    assert topics.about(doc, attributes.anchors(predicate, doc), lexicon) == []


def test_people_are_not_topics(about):
    assert about("Kaja Kallas met Hage Geingob to discuss Tom Lindqvist and the visa rules.") == ["visa rules"]


def test_a_time_or_phone_phrase_is_not_part_of_the_topic(about):
    assert about("Kallas and Geingob discussed fisheries on Monday.") == ["fisheries"]
    assert about("Kallas and Geingob discussed fisheries on the phone.") == ["fisheries"]


def test_what_talks_are_expected_to_focus_on(about):
    assert about("Kallas met Geingob for talks expected to focus on fisheries.") == ["fisheries"]


@pytest.mark.parametrize("text, expected", [
    ("They discussed steps it could take to improve the atmosphere for port investment.", ["port investment"]),
    ("They discussed measures to expand the ferry line.", ["ferry line"]),
    ("They discussed further steps.", []),
    ("They discussed closer economic and scientific co-operation.",
     ["economic co-operation", "scientific co-operation"]),
    ("They welcomed the positive contribution of the initiatives and their long-standing friendship.", []),
])
def test_steps_and_measures_frame_what_they_act_on(said, text, expected):
    assert said(text) == expected


def test_a_vague_word_with_content_stays(about):
    assert about("They discussed trade issues.") == ["trade issues"]


@pytest.mark.parametrize("text, expected", [
    ("Kallas and Geingob discussed cooperation, dialogue and the warmth of their ties.", []),
    ("Kallas and Geingob discussed bilateral cooperation and regional integration.",
     ["bilateral cooperation", "regional integration"]),
    ("Kallas and Geingob discussed cooperation on fisheries.", ["cooperation on fisheries"]),
    ("Kallas and Geingob discussed the contribution of the two navies.", []),
])
def test_a_relation_or_a_process_is_a_topic_only_with_what_it_is_of(about, text, expected):
    assert about(text) == expected


def test_a_phrase_is_kept_as_written_with_the_topic_names_it_holds(about, gaz):
    text = "Kallas and Geingob discussed fisheries, fishing quotas, the port of Namibia and a ferry line."
    assert about(text, gaz) == ["fisheries", "fishing quotas", "quotas", "port of Namibia", "ferry line"]
    assert about(text) == ["fisheries", "fishing quotas", "port of Namibia", "ferry line"]


def test_what_the_parties_state_together(parse, lexicon):
    def stated(text):
        return topics.stated(parse(text), lexicon, lambda t: t.lower_ in ("leaders", "sides", "they"))
    assert stated("The two leaders agreed to establish a joint fisheries commission.") == [
        "joint fisheries commission"]
    assert stated("Both sides welcomed the new ferry line and the visa deal.") == ["ferry line", "visa deal"]
    assert stated("They reaffirmed their commitment to free trade.") == ["free trade"]
    assert stated("Officials welcomed the decision.") == []
    assert stated("They welcomed the opportunity to meet again in Windhoek.") == []  # the meeting itself
    assert stated("They welcomed the efforts to end the war in the north.") == ["war"]


def test_what_a_topic_noun_lists(parse, lexicon):
    def listed(text):
        return topics.listed(parse(text), lexicon)
    assert listed("Fisheries were another topic of the meeting.") == ["Fisheries"]
    assert listed("Cyber defence is on the agenda.") == ["Cyber defence"]
    assert listed("The agenda included visas and fisheries.") == ["visas", "fisheries"]


def test_the_purpose_of_a_trip(parse, lexicon):
    assert topics.purposes(parse("Kaja Kallas is in Windhoek to discuss uranium exports."), lexicon) == [
        "uranium exports"]
    assert topics.purposes(parse("Kaja Kallas is in Windhoek until Friday."), lexicon) == []


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas begins a visit which will focus on uranium exports.", [("Kallas", ["uranium exports"])]),
    ("Kaja Kallas is back from her mission to Windhoek to try to revive the ferry line.",
     [("her", ["ferry line"])]),
    ("A chief purpose of Kallas's trip is to discuss fisheries.", [("Kallas", ["fisheries"])]),
    ("The purpose of the visit is to advance port investment.", [(None, ["port investment"])]),
    ("Kaja Kallas will make a visit to Namibia.", [("Kallas", [])]),
    ("The visit by President Kallas will provide an opportunity to discuss fisheries.", [("Kallas", ["fisheries"])]),
])
def test_what_a_journey_is_for_and_who_makes_it(parse, lexicon, text, expected):
    found = topics.agenda(parse(text), lexicon)
    assert [(t[-1].text if t else None, items) for t, items, _ in found] == expected


def test_a_speech_is_not_a_statement_of_the_parties(parse, lexicon):
    def stated(text):
        return topics.stated(parse(text), lexicon, lambda t: t.pos_ in ("PROPN", "PRON") or t.lower_ == "leaders")
    assert stated("Kallas addressed the Namibian Chamber of Commerce.") == []
    assert stated("The two leaders addressed fisheries.") == ["fisheries"]


def test_the_necessity_of_a_thing_frames_it(about):
    assert about("The talks touched upon the necessity to reinvigorate port investment.") == ["port investment"]


def test_a_meeting_in_a_city_is_named_as_such_meetings_are(about):
    towns = Gazetteer.from_config({**CONFIG, "places": {"countries": [{"name": "Namibia"}],
                                                        "cities": [{"name": "Windhoek", "country": "Namibia"}]}
                                   }.__getitem__)
    text = "Kallas will hold talks with Geingob on the forthcoming Fisheries Summit in Windhoek."
    assert about(text, towns) == ["Windhoek Fisheries Summit", "fisheries"]
    assert about(text) == ["Fisheries Summit in Windhoek"]


@pytest.mark.parametrize("text, expected", [
    ("Their talks centred on port investment and fisheries.", ["port investment", "fisheries"]),
    ("The talks were dominated by the ferry line.", ["ferry line"]),
    ("The discussions revolved around uranium exports.", ["uranium exports"]),
])
def test_what_talks_centred_on_were_dominated_by_or_revolved_around(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They exchanged views on the ferry line.", ["ferry line"]),
    ("They raised concerns about the visa rules.", ["visa rules"]),
])
def test_views_and_concerns_frame_what_they_are_about(said, text, expected):
    assert said(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kallas met Geingob, with fisheries and visas high on the agenda.", ["fisheries", "visas"]),
    ("Fisheries and visas were among the issues discussed.", ["Fisheries", "visas"]),
    ("Closer fisheries cooperation should be an important focus of the partnership.", ["fisheries cooperation"]),
    ("The talks will focus on visas.", []),
])
def test_what_is_high_on_the_agenda_or_among_the_issues_discussed(parse, lexicon, text, expected):
    assert topics.listed(parse(text), lexicon) == expected


@pytest.mark.parametrize("text, expected", [
    ("At the meeting, the issue of fisheries quotas was raised.", ["fisheries quotas"]),
    ("During the talks, the ferry line was discussed.", ["ferry line"]),
    ("The ferry line was not discussed at the meeting.", []),
])
def test_what_was_raised_at_the_meeting(about, text, expected):
    assert about(text) == expected


def test_a_quote_a_phrase_opens_and_does_not_close_is_dropped(said):
    text = 'They will discuss the risks of "interference in elections," Kallas said.'
    assert said(text) == ["risks of interference in elections"]


@pytest.mark.parametrize("text, expected", [
    ("They will also touch on fisheries and the improvement of port access.", ["fisheries", "port access"]),
    ("They discussed the ferry line, as well as visa rules.", ["ferry line", "visa rules"]),
])
def test_a_second_object_the_parse_hangs_on_the_verb(said, text, expected):
    assert said(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They discussed relations between Namibia and Estonia.", ["bilateral relations"]),
    ("They discussed the Namibian-Estonian relationship.", ["bilateral relations"]),
    ("They discussed ties between the two countries.", ["bilateral relations"]),
    ("They discussed the bilateral relationship.", ["bilateral relations"]),
    ("They discussed bilateral economic relationships.", ["bilateral economic relationships"]),
    ("They discussed the Franco-Namibian relationship.", ["bilateral relations"]),
    ("They discussed relations with the union.", ["relations with the union"]),
    ("They discussed public relations.", ["public relations"]),
])
def test_relations_of_two_states_are_bilateral_relations(said, text, expected):
    states = Gazetteer.from_config({"places": {"countries": [
        {"name": "Namibia", "adjectives": ["Namibian"]}, {"name": "Estonia", "adjectives": ["Estonian"]}]},
        "summits": {}, "topics": {}}.__getitem__)
    assert said(text, states) == expected


@pytest.mark.parametrize("text, expected", [
    ('"We discussed the ferry line," Kallas said.', "Kallas"),
    ('"We are ready," Kallas said.', "Kallas"),
    ("We discussed the ferry line.", None),
    ('"They discussed the ferry line," Kallas said.', None),
])
def test_the_speaker_of_a_quoted_we(parse, text, expected):
    doc = parse(text)
    we = next((t for t in doc if t.lower_ in ("we", "they")))
    found = predicates.speaker(we)
    assert (found.text if found is not None else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("The union delegation raised with Kallas their concerns about the ferry line.", ["ferry line"]),
    ("Kallas reiterated her commitment to port investment.", ["port investment"]),
    ("Kallas noted the progress in port investment and pledged to expand the ferry line.",
     ["port investment", "ferry line"]),
    ("Kallas welcomed the progress made in the ferry project.", ["ferry project"]),
    ("Kallas reaffirmed the importance of peace in the region, including in the Baltic Sea.", ["peace", "Baltic Sea"]),
    ("The union delegation raised their concerns about the ferry line.", []),
    ("The envoy and Kallas examined the prospects for port investment.", ["port investment"]),
    ("Kallas would not confirm a report on port investment.", []),
])
def test_statements_by_or_with_a_party(said, text, expected):
    assert said(text, party=lambda t: t.text == "Kallas") == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks are expected to focus on the ferry line.", ["ferry line"]),
    ("The issue of fisheries dominated the talks.", ["fisheries"]),
    ("Kallas used the meeting to press Geingob on visa rules.", ["visa rules"]),
    ("During the meeting, Kallas urged Geingob to lift the fishing ban.", ["fishing ban"]),
    ("During the call, Kallas thanked Geingob for the port investment.", ["port investment"]),
    ("During the call, Kallas told Geingob the union was willing to open a ferry line.", ["ferry line"]),
    ("During the call, Kallas told Geingob the fishing ban must end.", ["fishing ban"]),
    ("Since her telephone call congratulating Geingob on his re-election, Kallas has been silent.", ["re-election"]),
    ("During the call, Kallas congratulated Geingob on Monday.", []),
    ("Kallas spoke with Geingob on Monday, agreeing to cooperate in opening the ferry line.",
     ["opening the ferry line"]),
])
def test_what_a_sentence_around_the_meeting_word_says_it_was_about(parse, lexicon, text, expected):
    doc = parse(text)
    predicate = predicates.find(doc, lexicon)[0]
    anchors, person = attributes.anchors(predicate, doc), lambda t: t.text in ("Kallas", "Geingob")
    found = topics.about(doc, anchors, lexicon, person=person) + topics.aims(anchors, lexicon, person=person)
    assert list(dict.fromkeys(found)) == expected  # (as the extractor joins them)


@pytest.mark.parametrize("text, expected", [
    ("Kallas urged Geingob to lift the fishing ban.", ["fishing ban"]),
    ("Kallas thanked Geingob for the port investment.", ["port investment"]),
    ("Kallas urged reporters to read the ferry report.", []),
])
def test_what_one_party_urges_or_thanks_the_other_for(said, text, expected):
    parties = {"Kallas", "Geingob"}
    assert said(text, party=lambda t: t.text in parties) == expected


@pytest.mark.parametrize("text, expected", [
    ("They discussed regional issues, notably situations surrounding Namibia, including the ferry line and visas.",
     ["regional issues", "Namibia", "ferry line", "visas"]),
    ("They discussed the Baltic Fisheries Partnership (BFP).", ["Baltic Fisheries Partnership (BFP)"]),
])
def test_examples_after_notably_or_a_framing_noun_and_abbreviations_in_brackets(said, text, expected):
    assert said(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Also discussed were visa rules and the ferry line.", ["visa rules", "ferry line"]),
    ("Also taken up with several of the ministers and Kallas were port fees, including the need for the two "
     "countries to build a better mechanism for settling fishing disputes.",
     ["port fees", "mechanism for settling fishing disputes"]),
])
def test_a_discussion_put_first_and_what_was_taken_up_with_a_party(said, text, expected):
    assert said(text, party=lambda t: t.text == "Kallas") == expected


@pytest.mark.parametrize("text, expected", [
    ("I look forward to discussing with Prime Minister Hage Geingob ways to strengthen our bilateral relationship, "
     "including on fisheries, port fees and regional issues.",
     ["bilateral relationship", "fisheries", "port fees", "regional issues"]),
    ("I look forward to discussing with Prime Minister Hage Geingob prospects for closer cooperation in the field "
     "of fisheries.", ["cooperation in the field of fisheries"]),
])
def test_what_is_discussed_with_someone_named_right_before_it(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kallas said the two leaders had talked about Namibia, the wider fishing dispute, the situation in the Baltic "
     "and the ferry line.", ["Namibia", "fishing dispute", "Baltic", "ferry line"]),
    ("Kallas talked today to the Namibian Ambassador Mr Geingob about exports of Estonian timber to Namibia and "
     "about the fisheries agreement.", ["exports of Estonian timber to Namibia", "fisheries agreement"]),
    ("The Minister spoke yesterday to the Chilean Ambassador Mr Boric about sale of Estonian timber to Chile and "
     "about the wine agreement.", ["sale of Estonian timber to Chile", "wine agreement"]),
    ("The meeting focused on strengthening the ferry line as well as enhancing cooperation on challenges such as "
     "illegal fishing, piracy and port fees.",
     ["ferry line", "cooperation on challenges", "illegal fishing", "piracy", "port fees"]),
])
def test_each_item_of_a_list_however_the_parse_hung_it(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister our talks today have focused on the future on ways in which our port cooperation can be "
     "deepened.", ["port cooperation"]),
    ("Kallas met Geingob in Windhoek on his first official visit to Namibia.", []),
])
def test_what_talks_addressed_in_a_speech_and_not_the_occasion_of_a_journey(about, text, expected):
    assert about(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kaja Kallas met Hage Geingob and discussed the cyber-security of ports.", ["cyber-security of ports"]),
    ("Kaja Kallas met Hage Geingob and discussed cyber-security and agri-tech exports.",
     ["cyber-security", "agri-tech exports"]),
])
def test_hyphenated_words_keep_their_hyphen(about, text, expected):
    assert about(text) == expected
