"""Extraction never raises, and its offsets always point at its evidence, on any text."""
import datetime

from hypothesis import given, settings, strategies as st

from pipeline.config import load_yaml
from transforms.extract import Extractor

EXTRACTOR = Extractor.from_config(load_yaml)
WORDS = ["Putin", "Macron", "Xi Jinping", "President", "the two leaders", "met", "will meet", "talks", "in",
         "Paris", "on", "May 3", "Friday", "last year", "G20 summit", "cancelled", "phone call", "lasted",
         "an hour", ".", ",", "\n", "“", "Secretary of State", "Mr.", "said", "between", "and", "discussed",
         "trade", "Kremlin", "U.S.", "–", "2019", "30 - December 1", "were also discussed", "a July 10 meeting",
         "at the White House", "we're talking about", "meetings", "international affairs", "Syria", "four-hour",
         "spoke by phone", "On the Russian side", "also took part", "Deputy Foreign Minister Sergei Ryabkov"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60),
       st.one_of(st.none(), st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31))))
def test_extraction_never_raises_and_evidence_offsets_hold(words, published):
    text = " ".join(words)
    for m in EXTRACTOR.extract(text, published):
        assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
        assert len({p["name"] for p in m["participants"]}) >= 2
        assert m["status"] in {"held", "planned", "proposed", "cancelled"}
        assert m["format"] in {"in_person", "phone", "video"}
        assert (m["meeting_date"] is None) == (m["date_precision"] is None)
        assert 0 < m["confidence"] <= 1
