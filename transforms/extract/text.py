"""Sentences with their character offsets, split without breaking abbreviations, initials or quotes."""
import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and closing quotes or brackets) followed by space and a capital, digit or quote.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs)"
    r"|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z])\.$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def sentences(text):
    """Sentences of `text` in order; paragraphs (line breaks) always end a sentence."""
    found = []
    for number, (p_start, p_text) in enumerate(_paragraphs(text)):
        begin = 0
        for m in _END.finditer(p_text):
            if p_text[m.start()] == "." and _ABBREVIATION.search(p_text[max(0, m.start() - 8):m.start() + 1]):
                continue
            found.append(_sentence(p_text, p_start, begin, m.end(), number))
            begin = m.end()
        found.append(_sentence(p_text, p_start, begin, len(p_text), number))
    return [s for s in found if s.text]


def _paragraphs(text):
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            yield m.start(), m.group()


def _sentence(p_text, p_start, begin, end, number):
    chunk = p_text[begin:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    return Sentence(p_start + begin + lead, p_start + begin + lead + len(chunk), chunk, number)
