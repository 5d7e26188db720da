"""The sentences worth parsing (transforms/extract/candidates.py): those holding a meeting word of
configs/meetings.yaml, not page furniture (captions, credits, bylines, links to other stories), and the two after
each that say what the parties agreed; and the people a sentence names as attending a meeting."""
import pytest

from pipeline.config import load_yaml
from transforms.extract import candidates
from transforms.extract.people import Mention
from transforms.extract.predicates import Lexicon
from transforms.extract.text import sentences


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_config(load_yaml("meetings"))


@pytest.fixture(scope="module")
def cue(lexicon):
    return candidates.cue_pattern(lexicon)


@pytest.mark.parametrize("text", [
    "Kallas met Ozola in Tallinn.",
    "The two leaders held talks on Tuesday.",
    "Ozola will visit Estonia next spring.",
    "Kallas phoned the Latvian prime minister.",
    "Kallas sat down with Ozola after lunch.",
    "A summit of the two countries is planned.",
    "The two leaders agreed to expand the ferry line.",
    "Fisheries were on the agenda.",
    "Kallas conferred with Ozola in Riga.",
    "Kallas held a video conference with Ozola.",
])
def test_a_sentence_with_a_meeting_word_is_a_candidate(cue, text):
    assert cue.search(text)


@pytest.mark.parametrize("text", [
    "Kallas said the economy grew by two percent.",
    "Ozola flew home on Wednesday.",
    "Prices sat at record highs.",
    "Kallas told a press conference in Riga that prices sat at record highs.",
])
def test_a_sentence_without_one_is_not(cue, text):
    assert not cue.search(text)


@pytest.mark.parametrize("text", [
    "Photo: Kallas and Ozola shake hands in Tallinn",
    "Picture: the two leaders before their talks.",
    "Credit: Tallinn press office",
    "File photo (Reuters)",
    "By Maret Lindqvist",
    "Read more: Kallas meets Ozola",
    "Related: Ozola visits the Baltic states",
    "Kallas greets Ozola at the harbour. Getty Images",
    "From left, Kallas, Ozola and Balder talk at the summit in Riga",
    "Right to left: Kallas, Ozola and Balder discuss the ferry line",
    "(L-R) Kallas and Ozola meet in Riga",
])
def test_captions_credits_bylines_and_links_are_furniture(text):
    assert candidates.is_furniture(text)


@pytest.mark.parametrize("text", [
    "Kallas met Ozola in Tallinn.",
    "By the end of the talks, both leaders were satisfied.",
    "Related talks between the two foreign ministers continued in Riga.",
    "From London, Kallas flew to Riga to meet Ozola.",
])
def test_sentences_of_the_body_are_not_furniture(text):
    assert not candidates.is_furniture(text)


def test_select_keeps_meeting_sentences_and_what_the_parties_agreed_right_after(lexicon, cue):
    sents = sentences("Ozola arrived in Tallinn. Kallas met him on Monday. It rained all day. Both stressed the value "
                      "of the ferry line. The harbour was closed. Later they stressed the role of museums.\n"
                      "Photo: Kallas meets Ozola.")
    assert candidates.select(sents, cue) == [1]
    assert candidates.following(sents, [1], candidates.follow_pattern(lexicon)) == [3]


def mention(text, name, key=None):
    start = text.index(name)
    return Mention(start, start + len(name), key or name)


@pytest.fixture(scope="module")
def attending(lexicon):
    return candidates.attendee_pattern(lexicon)


def test_attendees_named_before_a_cue(attending):
    text = "Foreign ministers Urmas Paet and Liga Ozola were also present."
    found = [mention(text, "Urmas Paet"), mention(text, "Liga Ozola")]
    assert candidates.attendees(text, found, attending) == ["Urmas Paet", "Liga Ozola"]


def test_attendees_named_after_accompanied_by(attending):
    text = "Kallas was accompanied by Urmas Paet and Keit Pentus."
    found = [mention(text, "Kallas"), mention(text, "Urmas Paet"), mention(text, "Keit Pentus")]
    assert candidates.attendees(text, found, attending) == ["Urmas Paet", "Keit Pentus"]


@pytest.mark.parametrize("text", ["The talks were also attended by Urmas Paet and Keit Pentus.",
                                  "Also present were Urmas Paet and Keit Pentus."])
def test_attendees_named_after_a_cue_when_none_is_named_before(attending, text):
    found = [mention(text, "Urmas Paet"), mention(text, "Keit Pentus")]
    assert candidates.attendees(text, found, attending) == ["Urmas Paet", "Keit Pentus"]


def test_attendees_listed_for_one_side(attending):
    text = "On the Latvian side, Liga Ozola and Andris Kalnins took part."
    found = [mention(text, "Liga Ozola"), mention(text, "Andris Kalnins")]
    assert candidates.attendees(text, found, attending) == ["Liga Ozola", "Andris Kalnins"]


def test_no_cue_or_no_names_no_attendees(attending):
    text = "Kallas met Ozola in Tallinn."
    assert candidates.attendees(text, [mention(text, "Kallas"), mention(text, "Ozola")], attending) == []
    assert candidates.attendees("Several ministers were also present.", [], attending) == []


@pytest.mark.parametrize("text, parsed", [
    ("Kallas begins a visit on Tuesday which will focus on fisheries.", True),
    ("Kallas is back from her mission to Riga to try to revive the ferry line.", True),
    ("The purpose of the visit is to advance trade.", True),
    ("Kallas made a visit to Riga last year.", False),
    ("The agency fears a mission failure.", False),
])
def test_a_journey_is_worth_parsing_when_what_it_is_for_follows(lexicon, text, parsed):
    assert bool(candidates.journey_pattern(lexicon).search(text)) == parsed
