"""Sentences with their character offsets, split without breaking abbreviations, initials or quotes; the lines of
hard-wrapped text (newswire, scanned releases) are joined into their paragraphs first."""
import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and closing quotes or brackets) followed by space and a capital, digit or quote.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Sens|Rep|Reps|Gov|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"No|vs|Capt|Maj|Adm|Sgt|Rev|Hon|Jr|Sr|MR|MRS|MS|DR|PROF|GEN|LT|COL|SEN|REP|GOV|CAPT|REV|HON)"
    r"|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z]|\b[ap]\.m)\.$")  # ... "3 p.m. Monday"
_LINE = re.compile(r"[^\n]*")
_INSERTED_NAME = re.compile(r"\[([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)*)\]")  # an editor's "[Gabriel]"
_ADDRESS = re.compile(r"\b(?:His|Her|Their)\s+(?:Excellenc(?:y|ies)|Majest(?:y|ies)|(?:Royal\s+)?Highness(?:es)?|"
                      r"Holiness)(?=\s+[A-Z])")
_ACTING = re.compile(r"\bacting(?= [A-Z])")
_TERMINAL = tuple(".!?:;\"”’')")
# Hard-wrapped text: most lines are of about the same width, and many end inside a sentence.
_MAX_WRAP, _WRAPPED_SHARE = 120, 0.3
# Among paragraphs typed on one line, wrapped lines are those of a typewriter's width or a wire's (not a headline,
# a byline and a subheading of a web page), of nearly the same length, and more than one.
_MIN_WIDTH, _FULL, _MIN_WRAPPED = 50, 0.85, 2


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def sentences(text):
    """Sentences of `text` in order; a paragraph (a line, or in hard-wrapped text a run of wrapped lines) always
    ends a sentence."""
    found = []
    for number, (p_start, p_text) in enumerate(paragraphs(text)):
        begin = 0
        glued = _headline_end(p_text) if number == 0 else None
        if glued:  # "Leaders Meet in Baku-BAKU — -The presidents met ...": the headline is a sentence of its own
            found.append(_sentence(p_text, p_start, 0, glued, number))
            begin = glued + 1
        for m in _END.finditer(p_text, begin):
            if p_text[m.start()] == "." and (_ABBREVIATION.search(p_text[max(0, m.start() - 8):m.start() + 1])
                                             or p_text[m.start() - 1:m.start()] == "-"):
                continue  # (no sentence ends in "-.": "Her Excellency the-. President", a scanning slip)
            found.append(_sentence(p_text, p_start, begin, m.end(), number))
            begin = m.end()
        found.append(_sentence(p_text, p_start, begin, len(p_text), number))
    return [s for s in found if s.text]


_GLUE = re.compile(r"(?<=[^\s\u2013\u2014]) ?-(?=[A-Z\"\u201c'\u2018])")  # (not a dateline's "BAKU \u2014 -")
_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")


def _headline_end(p_text):
    """Where a headline glued to the first sentence by a hyphen ends ('Leaders Meet in Baku-The presidents
    met'): the last such hyphen in the first 300 characters with title-case words before it and a sentence
    after it (lower-case words among its first twelve), or None."""
    for m in reversed(list(_GLUE.finditer(p_text, 0, 300))):
        words = _WORD.findall(p_text[:m.start()])
        before = [w for w in words if len(w) >= 4]
        after = _WORD.findall(p_text[m.end():m.end() + 150])[:12]
        if len(before) >= 2 and words[-1][0].isupper() and sum(w[0].isupper() for w in before) >= 0.9 * len(
                before) and sum(w.islower() for w in after) >= 2:
            return m.start() + (p_text[m.start()] == " ")
    return None


def for_parser(text):
    """A sentence as the parser reads it, of the same length: one line, no full stop after a hyphen, 'acting'
    before a capitalised word written as part of the title it is ('and acting President X', which the parser
    otherwise reads as a verb taking X as its object), and no form of address before a name ('welcomed His
    Excellency Mr X', which the parser reads as two noun phrases), and a name an editor inserted in square brackets
    put in parentheses ('President [Gabriel] X', which the parser breaks apart, reads as an apposition)."""
    text = _ACTING.sub("Acting", text.replace("\n", " ").replace("-.", "- "))
    text = _INSERTED_NAME.sub(lambda m: f"({m.group(1)})", text)
    return _ADDRESS.sub(lambda m: " " * len(m.group()), text)


def paragraphs(text):
    """(start, text) of each paragraph: each non-blank line, except that in hard-wrapped text a line that ends
    inside a sentence continues on the next line (unless that one is indented, as newswire paragraphs are)."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    wrap = _wrap_width(lines)
    if wrap and sum(line[:1].isspace() for _, line in lines) >= 0.1 * len(lines):
        wrap = 1  # paragraphs are indented: any line ending inside a sentence goes on in the next
    start, end = None, None
    for i, (at, line) in enumerate(lines):
        if start is None:
            start = at
        end = at + len(line)
        following = lines[i + 1] if i + 1 < len(lines) else None
        if not (wrap and following and following[0] == end + 1 and _continues(line, following[1], wrap)):
            yield start, text[start:end]
            start = None


def _wrap_width(lines):
    """The width text was wrapped at, or None when its lines are paragraphs. When many lines are too long to be
    wrapped, and each of them ends a sentence, they are paragraphs of their own among wrapped ones (a release
    whose later paragraphs were typed unwrapped), and the width is that of the others."""
    lengths = sorted(len(line.rstrip()) for _, line in lines)
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width <= _MAX_WRAP:
        wrapped = sum(_continues(a, b, width) for (_, a), (_, b) in zip(lines, lines[1:]))
        return width if wrapped >= _WRAPPED_SHARE * len(lines) else None
    if not all(_ends(line) for _, line in lines if len(line.rstrip()) > _MAX_WRAP):
        return None  # (lines that are sentences or paragraphs written without stops)
    short = [n for n in lengths if n <= _MAX_WRAP]
    width = short[int(0.9 * (len(short) - 1))] if len(short) >= 4 else 0
    wrapped = sum(_continues(a, b, width) for (_, a), (_, b) in zip(lines, lines[1:])
                  if _FULL * width <= len(a.rstrip()) <= _MAX_WRAP)  # (lines of the width, run on)
    return width if width >= _MIN_WIDTH and wrapped >= max(_MIN_WRAPPED, _WRAPPED_SHARE * len(short)) else None


def _continues(line, following, width):
    """Whether `line`, a long line ending inside a sentence, goes on in `following` (not an indented new
    paragraph, nor the text after a heading in capitals)."""
    line = line.rstrip()
    heading = line.isupper() and not following.isupper()  # a heading in capitals before the text
    return len(line) >= 0.6 * width and not _ends(line) and not heading and not following[:1].isspace()


def _ends(line):
    """Whether a line ends a sentence ("continued U.S." goes on)."""
    line = line.rstrip()
    return line.endswith(_TERMINAL) and not _ABBREVIATION.search(line[-9:])


def _sentence(p_text, p_start, begin, end, number):
    chunk = p_text[begin:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    return Sentence(p_start + begin + lead, p_start + begin + lead + len(chunk), chunk, number)
