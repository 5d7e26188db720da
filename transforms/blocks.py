"""Text blocks of a parsed page and the region that holds its main text: a second opinion on trafilatura's
extraction from the density of non-link text, language-neutral (characters, links and markup, no word lists).

A block is the text between two block-level tags. The blocks under an element are a contiguous run, so every
sum over a subtree is a difference of prefix sums; the main region is the element whose blocks score highest.
"""
import functools
import re
from dataclasses import dataclass
from itertools import accumulate

from lxml.etree import XPath, iterwalk

# Never text of the page: code, metadata, embedded media and form controls.
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title", "meta", "link",
                   "canvas", "iframe", "object", "embed", "video", "audio", "map", "input", "textarea", "select",
                   "option"})
# Controls and captions, skipped unless a broken page nested its article inside one (an unclosed <button>).
_SOFT_TAGS = frozenset({"button", "dialog", "figcaption", "label"})
_CONTAINERS = ("p", "div", "article", "main", "section", "table", "ul", "ol")
_BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "tbody",
                    "thead", "tfoot", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article",
                    "main", "header", "footer", "nav", "aside", "figure", "form", "hr", "address", "details",
                    "summary", "body", "center", "fieldset", "legend", "caption", "menu"})
_INLINE, _BLOCK, _BREAK, _SKIP, _SOFT = range(5)
_KINDS = {**dict.fromkeys(_BLOCK_TAGS, _BLOCK), **dict.fromkeys(_SKIP_TAGS, _SKIP),
          **dict.fromkeys(_SOFT_TAGS, _SOFT), "br": _BREAK}
_CELLS = frozenset({"td", "th", "li", "dd", "dt"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})  # section headings (<h1> is the page's title)
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
# Class and id words of page furniture (markup conventions, not page language): a class token names furniture
# when its first or last dash-separated part is one of these, or its first part one of _FURNITURE_PREFIXES.
_FURNITURE_WORDS = frozenset({
    "caption", "credit", "credits", "comment", "comments", "commentlist", "disqus", "respond", "replies",
    "related", "share", "sharing", "sharedaddy", "social", "newsletter", "subscribe", "subscription", "sidebar",
    "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "advert", "advertisement", "ads", "sponsored",
    "popup", "menu", "navbar", "nav", "navigation", "footer", "pagination", "pager", "tags", "tagcloud", "byline",
    "signup"})
_FURNITURE_PREFIXES = frozenset({"widget", "ad", "banner", "promo", "modal", "reply"})
_MAYBE_HIDDEN = XPath(".//*[@hidden or @aria-hidden='true' or contains(@style, 'none') or contains(@style, 'hidden')]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TOKEN_PARTS = re.compile(r"[-_]+")
_WORD = re.compile(r"\w+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")  # CJK and Hangul: about three letters' worth
_LINE_BREAK = "\x00"  # stands for <br> while a block's text is gathered (lxml text never holds a NUL)
_INPUT_TYPES_IGNORED = frozenset({"hidden", "submit", "button", "search", "image", "reset", "checkbox", "radio"})

# Region scoring, chosen on ../shared/benchmarks (article-extraction and wcxb-dev together, both halves):
LINK_WEIGHT = 2  # a character of link text costs twice what one of plain text brings
BLOCK_COST, CELL_COST = 25, 5  # each block's cost in characters; less for table cells and list items
FURNITURE_SHARE = 0.5  # furniture markup is believed only on elements holding at most this share of the text
FORM_SHARE = 0.2  # the block around a text input (a sign-up or search box) when it is at most this share
LINKED_LIST = 0.3, 0.6  # a list of >= 3 items is link furniture over this link share, with links in this share
DUPLICATE_MIN_CHARS = 20  # a repeated block this long is a copy (mobile/desktop twins), kept once
LINKED_BLOCK = 0.5  # a block over this share of link text is never body text
FILL_ALL, FILL_GAPS = 0.6, 0.9  # completed(): coverage of the region under which blocks are added
ANCHOR_CHARS = 40  # completed(): the extraction's first and last blocks of at least this size bound its gaps
MISSING_SHARE = 0.3  # completed(): the blocks to add must hold at least this share of the extraction's length
MISSING_LINKS = 0.3  # completed(): and the region's blocks left out at most this share of link text


@dataclass(slots=True)
class Block:
    text: str
    chars: int  # characters, CJK counted three times
    link_chars: int
    tag: str  # the innermost block-level element's tag
    furniture: bool = False  # under furniture markup, around a text input, in a link list, or a copy
    good: bool = True  # neither furniture nor mostly links


@dataclass(slots=True)
class Page:
    blocks: list
    region: tuple  # (start, end): the blocks of the main region are blocks[start:end]

    def headings(self):
        """The texts of the page's top headings (<h1>)."""
        return [b.text for b in self.blocks if b.tag == "h1"]


def completed(text, page):
    """An extraction's `text` with the good blocks of the page's main region that it left out, when they are
    many and few of them links: all of them when `text` holds under FILL_ALL of the region's good text, those
    between its first and last block when under FILL_GAPS (blocks it skipped inside the article), else `text`
    with the section headings it dropped inside the region (trafilatura's precision mode drops many). A block
    is in `text` when it is there verbatim or most of its 4-word shingles are."""
    start, end = page.region
    blocks = page.blocks
    good = sum(b.chars for b in blocks[start:end] if b.good)
    if good < MISSING_SHARE * len(text) or not good:  # too little to add, whatever the extraction holds
        return text
    held = _Held(text)
    covered = sum(b.chars for b in blocks[start:end] if b.good and held(b.text))
    if covered >= FILL_GAPS * good:
        return _with_headings(text, blocks, start, end, held)
    inside = [held(b.text) for b in blocks]
    if covered >= FILL_ALL * good:
        anchors = [i for i, h in enumerate(inside) if h and blocks[i].chars >= ANCHOR_CHARS]
        if not anchors:
            return text
        start, end = max(start, anchors[0] + 1), min(end, anchors[-1])
    missing = [b for b, h in zip(blocks[start:end], inside[start:end]) if not h]
    added = sum(b.chars for b in missing if b.good)
    if added < MISSING_SHARE * len(text) or sum(b.link_chars for b in missing) > MISSING_LINKS * sum(
            b.chars for b in missing):
        return text
    return "\n".join(b.text for i, b in enumerate(blocks) if inside[i] or (start <= i < end and b.good))


def _with_headings(text, blocks, start, end, held):
    """`text` with the region's section headings it left out, each put before the line that holds the block
    right after it (a paragraph of at least ANCHOR_CHARS)."""
    lines = text.splitlines()
    first = {}
    for n, line in enumerate(lines):
        first.setdefault(" ".join(line.lower().split()), n)
    headings = {}
    for heading, after in zip(blocks[start:end], blocks[start + 1:end]):
        if heading.tag in _HEADINGS and heading.good and after.chars >= ANCHOR_CHARS:
            n = first.get(" ".join(after.text.lower().split()))
            if n is not None and n not in headings and not held(heading.text):
                headings[n] = heading.text
    if not headings:
        return text
    return "\n".join(f"{headings[n]}\n{line}" if n in headings else line for n, line in enumerate(lines))


class _Held:
    """Whether a block's text is in an extraction: as one of its lines (case and spacing aside), or by most of
    its 4-word shingles (the extraction may format lists, tables and line breaks its own way); a block of fewer
    than four words when its words follow each other there."""

    def __init__(self, text):
        self.text, self.shingles = text, None
        self.lines = {" ".join(line.lower().split()) for line in text.splitlines()}

    def __call__(self, block_text):
        flat = " ".join(block_text.lower().split())
        if flat in self.lines:
            return True
        if self.shingles is None:  # made on the first block that is not a line of the extraction
            words = _WORD.findall(self.text.lower())
            self.shingles, self.joined = set(zip(words, words[1:], words[2:], words[3:])), f" {' '.join(words)} "
        words = _WORD.findall(flat)
        if len(words) < 4:
            return bool(words) and f" {' '.join(words)} " in self.joined
        own = set(zip(words, words[1:], words[2:], words[3:]))
        return 2 * len(own & self.shingles) >= len(own)


def page_blocks(tree):
    """The blocks of a parsed page (an lxml tree) and its main region; no blocks and (0, 0) for an empty page."""
    body = tree.find(".//body") if tree is not None else None
    walk = _walk(body) if body is not None else None
    if walk is None or not walk.blocks:
        return Page([], (0, 0))
    _mark_furniture(walk)
    return Page(walk.blocks, _best_region(walk.blocks, walk.ranges))


@dataclass(slots=True)
class _Walked:
    blocks: list  # Block, in document order
    ranges: dict  # block-level element -> (start, end) of its blocks
    furniture: list  # block-level elements whose tag or markup names furniture
    inputs: list  # text inputs


def _walk(body):
    """One pass over the tree in document order (lxml's iterwalk, no recursion in Python)."""
    walked = _Walked([], {}, [], [])
    blocks, ranges = walked.blocks, walked.ranges
    hidden = {el for el in _MAYBE_HIDDEN(body) if el.get("style") is None or el.get("hidden") is not None
              or el.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(el.get("style"))}
    parts, owners, starts = [], ["body"], []
    links, in_link, has_text = 0, 0, False
    skipped = None  # the element whose subtree is being skipped: its end event comes next

    def flush(owner):
        raw = "".join(parts)
        if _LINE_BREAK in raw:  # lines are broken by <br> only; the source's own line breaks are spaces
            text = "\n".join(filter(None, (" ".join(line.split()) for line in raw.split(_LINE_BREAK))))
        else:
            text = " ".join(raw.split())
        chars = len(text) if text.isascii() else len(text) + 2 * len(_WIDE.findall(text))
        blocks.append(Block(text, chars, min(chars, links), owner))

    walker = iterwalk(body, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            kind = _KINDS.get(tag, _INLINE)
            if kind == _SKIP or (
                    (kind == _SOFT or el in hidden) and next(el.iterdescendants(*_CONTAINERS), None) is None):
                walker.skip_subtree()
                skipped = el
                if tag in ("input", "textarea") and el.get("type") not in _INPUT_TYPES_IGNORED:
                    walked.inputs.append(el)
                continue
            if kind == _BLOCK:
                if has_text:
                    flush(owners[-1])
                parts.clear()
                links, has_text = 0, False
                starts.append(len(blocks))
                owners.append(tag)
            elif kind == _BREAK:
                parts.append(_LINE_BREAK)
            elif tag == "a":
                in_link += 1
            text = el.text
        else:
            if event == "end" and el is not skipped:
                if tag in _BLOCK_TAGS:
                    owner = owners.pop()
                    if has_text:
                        flush(owner)
                    parts.clear()
                    links, has_text = 0, False
                    ranges[el] = (starts.pop(), len(blocks))
                    names = f"{el.get('class') or ''} {el.get('id') or ''}"
                    if tag in _FURNITURE_TAGS or (names != " " and _furniture_markup(names)):
                        walked.furniture.append(el)
                elif tag == "a":
                    in_link -= 1
            text = el.tail if el is not body else None
        if text:
            parts.append(text)
            if not text.isspace():
                has_text = True
                if in_link:
                    links += len(text.strip())
    if has_text:
        flush(owners[-1])
    return walked


@functools.lru_cache(maxsize=4096)  # class and id values recur within a page and across a site's pages
def _furniture_markup(names):
    """Whether class and id names (space-separated) name page furniture."""
    for name in names.lower().split():
        parts = [p for p in _TOKEN_PARTS.split(name) if p]
        if parts and (parts[0] in _FURNITURE_WORDS or parts[-1] in _FURNITURE_WORDS
                      or parts[0] in _FURNITURE_PREFIXES):
            return True
    return False


def _mark_furniture(walk):
    """Blocks under furniture markup, around text inputs, in link lists, or repeating an earlier block are not
    good; the markup is believed only for elements holding a small share of the page's text."""
    blocks = walk.blocks
    chars = list(accumulate((b.chars for b in blocks), initial=0))
    page = chars[-1]
    inside = lambda start, end: chars[end] - chars[start]  # noqa: E731
    spans = [walk.ranges[el] for el in walk.furniture if inside(*walk.ranges[el]) <= FURNITURE_SHARE * page]
    for el in walk.inputs:
        span = next((walk.ranges[a] for a in el.iterancestors() if a in walk.ranges and inside(*walk.ranges[a])),
                    None)
        if span and inside(*span) <= FORM_SHARE * page:
            spans.append(span)
    spans.extend(_linked_lists(blocks, walk.ranges, page))
    cut = [0] * (len(blocks) + 1)
    for start, end in spans:
        cut[start] += 1
        cut[end] -= 1
    seen = set()
    for block, depth in zip(blocks, accumulate(cut)):
        key = block.text.lower() if block.chars >= DUPLICATE_MIN_CHARS else None
        block.furniture = bool(depth) or key in seen
        block.good = not block.furniture and block.link_chars <= LINKED_BLOCK * block.chars
        if key:
            seen.add(key)


def _linked_lists(blocks, ranges, page):
    """Block ranges of lists whose items are mostly links (menus, teaser lists)."""
    share, linked = LINKED_LIST
    for el, (start, end) in ranges.items():
        if el.tag in ("ul", "ol") and end - start >= 3:
            items = [b for b in blocks[start:end] if b.tag == "li"]
            total, links = sum(b.chars for b in items), sum(b.link_chars for b in items)
            if (len(items) >= 3 and links > share * total and total <= FURNITURE_SHARE * page
                    and sum(1 for b in items if b.link_chars) >= linked * len(items)):
                yield start, end


def _best_region(blocks, ranges):
    """The block range of the element whose blocks score highest: plain text earns its characters, link text
    and each block cost some, furniture costs all its characters."""
    scores = list(accumulate((-b.chars if b.furniture else b.chars - LINK_WEIGHT * b.link_chars - (
        CELL_COST if b.tag in _CELLS else BLOCK_COST) for b in blocks), initial=0))
    return max(ranges.values(), key=lambda span: scores[span[1]] - scores[span[0]])
