"""Word-list patterns: the trie forms match exactly what a plain alternation matches, and a key-word gate only
skips texts the pattern cannot match."""
import re

from hypothesis import given, settings, strategies as st

from transforms.extract import cues, people
from transforms.extract.meetings import _ANOTHER_MEETING, _MEETING_NOUN, _PLURAL, _TITLE_WORDS
from transforms.extract.words import Keyed, key_words, tokens, whole_words, words_regex

FORMS = ["Kim", "Kim Jong Un", "Kim Yo Jong", "Ki", "Li", "Li Qiang", "O'Brien", "U.S.", "U.S. Congress", "Ó Briain",
         "al-Sisi", "Abdel Fattah al-Sisi", "Xi", "Xi Jinping"]
PHRASES = ["trade", "trade war", "trade deal", "war", "the war", "arms control", "arms", "cyber", "cyber security",
           "u.s. election", "5g", "opec+"]
TEXT = st.lists(st.one_of(st.sampled_from(FORMS + PHRASES + [w.upper() for w in PHRASES] + [
    "Kimberley", "Lin", "xi", "trades", "warfare", "Jong", "O'", "-", ",", ".", "+", " ", "\n", "'s"]),
    st.text(max_size=4)), max_size=25).map(" ".join)


def plain(words, flags=0):
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)", flags)


def spans(pattern, text):
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_whole_words_match_like_a_plain_alternation(text):
    assert spans(whole_words(FORMS), text) == spans(plain(FORMS), text)
    assert spans(whole_words(FORMS, jump=False), text) == spans(plain(FORMS), text)
    assert spans(whole_words(PHRASES, re.IGNORECASE), text) == spans(plain(PHRASES, re.IGNORECASE), text)
    assert spans(whole_words(PHRASES, jump=False), text.lower()) == spans(plain(PHRASES), text.lower())


def test_words_regex_prefers_the_longest_word():
    pattern = re.compile(r"\b(?:" + words_regex(["meet", "meeting", "meetings"]) + r")\b")
    assert [m.group() for m in pattern.finditer("meetings meeting meet meets")] == ["meetings", "meeting", "meet"]
    assert re.compile(words_regex([])).search("anything") is None


def test_tokens_and_key_words():
    assert tokens("Trump's U.S. Visit, didn’t") == {"trump", "s", "u", "visit", "didn", "t"}
    assert key_words(["held talks", "on the issue of", "'ll", "U.S. election"]) == {"talks", "issue", "ll", "election"}


GATED = [cues.TRIGGER, cues.ANAPHOR, cues.PHONE, cues.VIDEO, cues.DELEGATION, cues.DISCUSSION, cues.PASSIVE,
         people.GROUP, _MEETING_NOUN, _PLURAL, _TITLE_WORDS, _ANOTHER_MEETING, *(k for _, k in cues._STATUS_RE)]
VOCABULARY = sorted({w for k in GATED for w in k.keys} | {"the", "two", "leaders", "a", "July", "10", "between",
                                                          "phone", "call", "with", "by", "we're", "also", "was"})
SENTENCE = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.sampled_from([w.title() for w in VOCABULARY]),
                              st.sampled_from([",", ".", "-", "'", "’", "\n"]), st.text(max_size=5)),
                    max_size=20).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(SENTENCE)
def test_a_gated_pattern_finds_what_its_ungated_pattern_finds(text):
    words = tokens(text)
    for keyed in GATED:
        assert [m.span() for m in keyed.finditer(text, words)] == spans(keyed.pattern, text), keyed.pattern.pattern


def test_a_gate_skips_texts_without_a_key_word():
    keyed = Keyed(r"\bheld\s+talks\b", {"talks"})
    assert keyed.search("They held talks.", tokens("They held talks.")) is not None
    assert keyed.search("They held a talk.", tokens("They held a talk.")) is None
