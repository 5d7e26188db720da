"""Word-list patterns: the trie forms match exactly what a plain alternation matches, and key words only skip
texts a pattern cannot match."""
import re

from hypothesis import given, settings, strategies as st

from transforms.extract.words import form_keys, lacks_keys, tokens, whole_words, words_regex

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


def test_tokens_and_form_keys():
    assert tokens("Trump's U.S. Visit, didn’t") == {"trump", "s", "u", "visit", "didn", "t"}
    assert form_keys(["Kim Jong Un", "U.S. Congress", "Xi"]) == {"jong", "congress", "xi"}  # the longest word
    assert form_keys(["Kim", "---"]) is None  # a form without a word cannot be keyed


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_text_without_a_key_word_holds_no_form(text):
    keys = form_keys(FORMS)
    if lacks_keys(keys, tokens(text), text):
        assert spans(whole_words(FORMS), text) == []
        assert spans(whole_words([f for f in FORMS if f.isascii()], re.IGNORECASE), text) == []
