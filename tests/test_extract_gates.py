"""Key-word gates of the gazetteer, place and role look-ups: a text is skipped only when the pattern cannot match
it, also with characters whose case-folding splits or joins words."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.config import load_yaml
from transforms.extract import cues
from transforms.extract.gazetteer import Gazetteer
from transforms.extract.people import compile_patterns, role_references
from transforms.extract.places import locate
from transforms.extract.words import form_keys, lacks_keys, tokens


@pytest.fixture(scope="module")
def gaz():
    g = Gazetteer.from_config(load_yaml)
    compile_patterns(g)
    return g


WORDS = ["Putin", "Vladimir Putin", "Xi Jinping", "Osaka", "Japan", "Russia", "Russian", "the", "in", "at", "met",
         "president", "President", "the Russian president", "the President of Russia", "capital", "the Japanese",
         "G20", "summit", "White House", "Kremlin", "Geneva", "Beijing", "China", "Chinese", "leader", "30-minute",
         "meeting", "talks", "Minute", "MINUTE", "40-MİNUTE", "5-mınute", "ıNDİA", "İstanbul", "Osaka\u0345", "Putınn",
         "-", ",", ".", "’s"]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=20).map(" ".join)


def test_form_keys_and_lacks_keys():
    keys = form_keys(["Kim Jong Un", "U.S.", "Straße"])
    assert keys == {"jong", "u", "strasse"}
    assert form_keys(["+"]) is None
    assert lacks_keys(keys, tokens("Talks in Seoul"), "Talks in Seoul")
    assert not lacks_keys(keys, tokens("Kim Jong Un met him"), "Kim Jong Un met him")
    assert not lacks_keys(keys, tokens("STRAẞE"), "STRAẞE")
    assert not lacks_keys(keys, None, "Talks in Seoul")  # words unknown: scan
    assert not lacks_keys(keys, tokens("In İzmir"), "In İzmir")  # folds oddly: scan


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_gated_look_ups_find_what_ungated_ones_find(gaz, text):
    words = tokens(text)
    for kind in gaz.keys:
        assert gaz.find(kind, text, words) == gaz.find(kind, text), kind
    assert role_references(text, gaz, words) == role_references(text, gaz)
    for at in (0, len(text) // 2):
        assert locate(text, gaz, at, words) == locate(text, gaz, at)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_anaphor_is_one_pattern_in_two_parts(text):
    whole = re.compile(cues.ANAPHOR.pattern.pattern.replace("hour-long)", r"hour-long|[\w-]+-minute)"),
                       re.IGNORECASE)
    expected = bool(not cues.ANAPHOR.keys.isdisjoint(tokens(text)) and whole.search(text))
    assert cues.Cues(text).anaphor == expected
