"""Article body and metadata of an HTML page, with trafilatura, offline and without ever raising."""
import datetime
import functools
import logging
import re

import trafilatura
from lxml.etree import XPath
from trafilatura import metadata as tmeta
from trafilatura.json_metadata import normalize_authors

from transforms.blocks import completed, page_blocks

# Chosen by benchmarks/body_f1.py on ../shared/benchmarks (article-extraction and wcxb-dev together, both
# halves of each): trafilatura's fast mode (no comparison with readability/justext) favouring precision, and
# favouring recall only when that finds nothing; the recall that trafilatura lacks comes from transforms.blocks.
PRECISION = {"fast": True, "favor_precision": True, "include_comments": False, "include_tables": True}
RECALL = {"fast": True, "favor_recall": True, "include_comments": False, "include_tables": True}
# htmldate must not fall back on today's date: a page without a date has no published date.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}
_WORD = re.compile(r"\w+")
_BYLINES = XPath("//*[@rel='author' or contains(@itemprop, 'author') or contains(@class, 'author') or "
                  "contains(@class, 'Author') or contains(@class, 'byline') or contains(@class, 'Byline') or "
                  "contains(@id, 'author')]")
_BYLINE_TEXT = XPath(".//text()[not(ancestor::time or ancestor::script or ancestor::style)]")
# Any case, spelled out: the literal "</" prefix lets the search skip ahead (IGNORECASE takes twice as long).
_CLOSING_TAGS = re.compile(r"</(?:[bB][oO][dD][yY]|[hH][tT][mM][lL])\s*>")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def parse(html):
    """The page's element tree (trafilatura's parser), or None when there is nothing to parse.

    Closing </body> and </html> tags are dropped first: browsers show what follows them, libxml2 may drop it.
    """
    try:
        if isinstance(html, str):
            html = _CLOSING_TAGS.sub("", html)
        return trafilatura.load_html(html)
    except Exception:  # noqa: BLE001 - a page lxml cannot parse has no article
        return None


def extract_html(html, url=None):
    """{text, title, author, site_name, url, published_date (ISO or None)} of a page (markup or a `parse`d tree);
    text "" when none."""
    try:
        tree = parse(html)
        meta = page_metadata(tree, url) if tree is not None else None
        text = body_text(tree, meta.url, meta.title) if meta is not None else ""
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse has no article
        meta, text = None, ""
    if meta is None:
        return {"text": "", "title": None, "author": None, "site_name": None, "url": url, "published_date": None}
    return {"text": text, "title": meta.title, "author": meta.author, "site_name": meta.sitename,
            "url": meta.url, "published_date": _iso_date(meta.date)}


def body_text(tree, url=None, title=None):
    """The main text of a parsed page: trafilatura's, completed with the main text region's blocks it left out
    (transforms.blocks), without a first line that repeats the title or a top heading."""
    page = page_blocks(tree)
    text = completed(trafilatura_body(tree, url), page)
    return without_title(text, title, page.headings())


def trafilatura_body(tree, url=None):
    """trafilatura's main text: the precise extraction, or the recall one when the precise finds nothing."""
    return _extract(tree, url, PRECISION) or _extract(tree, url, RECALL)


def _extract(tree, url, settings):
    doc = trafilatura.bare_extraction(tree, url=url, **settings)  # works on a copy of the tree
    return (doc.text or "").strip() if doc is not None else ""


def page_metadata(tree, url=None):
    """Title, author, URL, site name and date of a parsed page: trafilatura's extract_metadata steps for the
    fields Parley stores (it also finds categories, tags, licence and host name: a third of its time), with a
    cheaper byline search than its own when the <meta> tags and JSON-LD name no author."""
    meta = tmeta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = tmeta.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - malformed JSON-LD: keep the <meta> tags' values
        pass
    meta.title = meta.title or tmeta.extract_title(tree)
    meta.author = meta.author or byline(tree)
    meta.url = meta.url or tmeta.extract_url(tree, url)
    meta.date = tmeta.find_date(tree, url=meta.url, **DATE_PARAMS)
    meta.sitename = (meta.sitename or tmeta.extract_sitename(tree) or "").lstrip("@")
    if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
        meta.sitename = meta.sitename.title()
    if not meta.sitename and meta.url and (host := tmeta.META_URL.match(meta.url)):
        meta.sitename = host[1]
    meta.clean_and_trim()
    meta.sitename = meta.sitename or None
    return meta


def byline(tree):
    """The author named by the page's innermost author markup (rel, itemprop, class or id), outside comment
    sections and without its dates, normalised as trafilatura normalises authors; None when there is none.

    trafilatura's own search (metadata.extract_author) tries four regular-expression XPaths over the whole page
    and took 5 of Parley's 38 CPU seconds on the 709 pages of benchmarks/body_f1.py; this one XPath about 0.8.
    """
    candidates = _BYLINES(tree)
    marked = set(candidates)
    for el in candidates:
        if any(inner in marked for inner in el.iterdescendants()) or any(
                "comment" in f"{a.get('class') or ''} {a.get('id') or ''}".lower() for a in el.iterancestors()):
            continue
        text = " ".join(" ".join(_BYLINE_TEXT(el)).split())
        if 2 < len(text) < 120:
            return normalize_authors(None, text)
    return None


def without_title(text, title, headings=()):
    """The body without a first line that repeats the page title or one of its top headings (Parley keeps the
    title in its own column)."""
    first, _, rest = text.strip().partition("\n")
    words = _WORD.findall(first.lower())
    repeats = any(words == _WORD.findall(t.lower()) for t in (title or "", *headings))
    return rest.strip() if words and rest.strip() and repeats else text


def _iso_date(value):
    try:
        return datetime.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def nests_deeper(tree, limit):
    """Whether elements of a parsed page nest more than `limit` levels (<html> is level 1): an input cap checked
    before extraction. lxml's HTML parser keeps 256 levels and drops what lies deeper, so a `limit` over 255
    rejects no page and extraction loses the deeper text."""
    return bool(_level(limit + 1)(tree))


@functools.lru_cache(maxsize=8)
def _level(depth):
    return XPath("boolean(/*" + "/*" * (depth - 1) + ")")


def link_labels(tree):
    """The whitespace-folded labels of a parsed page's links (take them before extraction changes the tree)."""
    return {" ".join("".join(a.itertext()).split()) for a in tree.iter("a")} if tree is not None else set()


def link_text_share(labels, text):
    """The share of `text` (an extraction's result) on lines that are link `labels` of the page: near 1 when
    extraction took a page of navigation for its body (at most 0.18 on the pages of benchmarks/body_f1.py)."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    total = sum(map(len, lines))
    return sum(len(line) for line in lines if line in labels) / total if total else 0.0
