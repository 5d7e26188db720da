"""Reading: raw bytes of an input file -> a decoded document, or a reject with its reason."""
import codecs
import datetime
import gzip
import hashlib
import re
import zlib
from dataclasses import dataclass, field

from transforms.html import link_labels, link_text_share, nests_deeper, parse

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SNIFF_BYTES = 4096
# The opening of an RSS, Atom or RDF document: declaration, comments, processing instructions, a DOCTYPE.
FEED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)\s*)*"
                        rb"<(?:rss|feed|(?:\w+:)?RDF)\b", re.S)
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?:[ \t]+|[ \t]*\r?\n|\Z)")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
NAVIGATION_SHARE = 0.8  # a page whose extracted text is this much link labels is navigation, not an article


class Rejected(Exception):
    """An input that cannot become an article: `reason` is from the closed vocabulary in the README."""

    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Limits:
    """Caps on one input, from the run profile's settings; each one a reject reason of its own. None: no cap."""
    max_bytes: int
    max_chars: int = None
    max_line_chars: int = None
    max_html_depth: int = None

    @classmethod
    def from_settings(cls, settings):
        caps = [settings.get(k) for k in ("max_text_chars", "max_line_chars", "max_html_depth")]
        return cls(int(settings["max_input_bytes"]), *(int(c) if c else None for c in caps))

    @classmethod
    def of(cls, limits):
        """`limits` itself, or the Limits of a bare byte cap."""
        return limits if isinstance(limits, cls) else cls(int(limits))


@dataclass
class Document:
    """A decoded input, before cleaning."""
    source: str
    kind: str  # text | html
    text: str
    raw_chars: int
    title: str = None
    author: str = None
    site_name: str = None
    url: str = None
    published_date: datetime.date = None
    meta: dict = field(default_factory=dict)


def kind_of(path):
    """'text' or 'html' from the file name (a `.gz` suffix is looked through), else None."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return None


def is_feed(path, head=b""):
    """A feed file: named .xml, .rss or .atom (a `.gz` suffix looked through), or of no other known kind and
    its first bytes (`head`, gzip looked through) open an RSS, Atom or RDF document."""
    name = path.lower()
    if name.removesuffix(".gz").endswith(FEED_SUFFIXES):
        return True
    if kind_of(path) or not head:
        return False
    if name.endswith(".gz"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
        except zlib.error:
            return False
    return bool(FEED_START.match(head))


def gunzip(data, max_bytes):
    """Decompress gzip `data`, refusing more than `max_bytes` of output."""
    out = bytearray()
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while data:
            out += d.decompress(data, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise Rejected("too_large", f"decompresses to more than {max_bytes} bytes")
            if d.eof:
                data = d.unused_data
                if not data.strip(b"\0"):
                    break
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                data = d.unconsumed_tail
        if not d.eof:
            raise Rejected("bad_gzip", "truncated gzip stream")
    except zlib.error as e:
        raise Rejected("bad_gzip", str(e)) from None
    return bytes(out)


def _utf16_without_bom(data):
    """'utf-16-le'/'utf-16-be' when the high byte of every pair takes a handful of values, NUL among them (spaces
    and digits; a script's block for its letters: 0x04 for Cyrillic), and the sample decodes to printable text."""
    sample = data[:4096]
    sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if 0 in high and len(set(high)) <= 4 and low.count(0) < 0.1 * len(low):
            text = sample.decode(codec, errors="replace")
            if sum(c.isprintable() or c in "\t\n\r" for c in text) > 0.95 * len(text):
                return codec
    return None


def decode(data):
    """Text of `data`: BOM, UTF-8, UTF-16 without BOM, cp1251 or latin-1; `Rejected` for binary data."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise Rejected("undecodable", f"{codec}: {e.reason}") from None
    codec = _utf16_without_bom(data)
    if codec:
        return data.decode(codec, errors="replace")
    if b"\0" in data:
        raise Rejected("binary", "NUL bytes in a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _line_by_line(data)
    if len(CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise Rejected("binary", "control characters in a text file")
    return text


def _line_by_line(data):
    """Mixed encodings: lines that are UTF-8 stay UTF-8 (a stray invalid byte becomes U+FFFD when the line holds
    more UTF-8 characters than invalid bytes), the others are decoded with one single-byte codec chosen over them."""
    lines = data.split(b"\n")
    text = {}
    for i, line in enumerate(lines):
        loose = line.decode("utf-8", errors="replace")
        invalid = loose.count("\ufffd")
        if not invalid or sum(not c.isascii() for c in loose) > 2 * invalid:
            text[i] = loose
    others = [i for i in range(len(lines)) if i not in text]
    decoded = _single_byte(b"\n".join(lines[i] for i in others)).split("\n")
    text.update(zip(others, decoded))
    return "\n".join(text[i] for i in range(len(lines)))


def _single_byte(data):
    """cp1251 where high bytes come in runs, as Cyrillic words do, else latin-1 (isolated accents)."""
    sample = data[:65536]
    high = [i for i, b in enumerate(sample) if b >= 0x80]
    in_runs = sum(1 for i in high if (i > 0 and sample[i - 1] >= 0x80) or (i + 1 < len(sample) and sample[i + 1] >= 0x80))
    if high and in_runs > 0.5 * len(high):
        try:
            return data.decode("cp1251")
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def split_date_header(text):
    """(published date, rest) for a text starting `date YYYY-MM-DD`, else (None, text)."""
    m = DATE_HEADER.match(text)
    if not m:
        return None, text
    try:
        day = datetime.date(*map(int, m.groups()))
    except ValueError:
        return None, text
    return day, text[m.end():]


def normalised(text):
    """Whitespace-folded, lower-cased text: the basis of content-derived ids."""
    return " ".join(text.split()).lower()


def article_id(url, text):
    """Stable id: from the canonical URL when there is one, else from the normalised text."""
    basis = f"url:{url}" if url else f"text:{normalised(text)}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def within_cap(source, data, max_bytes):
    """The bytes of `source`, gunzipped when its name ends in .gz; Rejected when over `max_bytes` either way."""
    if len(data) > max_bytes:
        raise Rejected("too_large", f"more than {max_bytes} bytes (max_input_bytes)")
    return gunzip(data, max_bytes) if source.lower().endswith(".gz") else data


def read_document(source, data, limits, extract_html, kind=None):
    """Bytes of the file at `source` (of `kind`, else known from the name) -> Document; raises Rejected.

    `limits` is a Limits, or only the byte cap.
    """
    limits = Limits.of(limits)
    kind = kind or kind_of(source)
    if kind is None:
        raise Rejected("unsupported_type", "expected .txt, .html or .htm, optionally .gz")
    data = within_cap(source, data, limits.max_bytes)
    if not data.strip():
        raise Rejected("empty", "no content")
    text = decode(data)
    if kind == "html":
        doc = _html_document(source, text, extract_html, limits.max_html_depth)
    else:
        published, body = split_date_header(text)
        if not body.strip():
            raise Rejected("empty", "no text after the date header")
        doc = Document(source, kind, body, raw_chars=len(text), published_date=published)
    check_text(doc.text, limits)
    return doc


def check_text(text, limits):
    """`Rejected` when a line or the whole text is longer than the limits allow."""
    if limits.max_line_chars:
        longest = max(map(len, text.splitlines()), default=0)
        if longest > limits.max_line_chars:
            raise Rejected("line_too_long", f"a line of {longest} characters, the limit is {limits.max_line_chars} "
                                            "(max_line_chars)")
    if limits.max_chars and len(text) > limits.max_chars:
        raise Rejected("too_long", f"{len(text)} characters of text, the limit is {limits.max_chars} (max_text_chars)")


def _html_document(source, html, extract_html, max_depth):
    tree = parse(html)
    if max_depth and tree is not None and nests_deeper(tree, max_depth):
        raise Rejected("too_deep", f"elements nested more than {max_depth} levels deep (max_html_depth)")
    labels = link_labels(tree)
    page = extract_html(tree)
    if not page.get("text"):
        raise Rejected("no_article", "no article body found in the page")
    if link_text_share(labels, page["text"]) > NAVIGATION_SHARE:
        raise Rejected("no_article", "the text found is link labels: a page of navigation")
    published = page.get("published_date")
    return Document(source, "html", page["text"], raw_chars=len(html), title=page.get("title"),
                    author=page.get("author"), site_name=page.get("site_name"), url=page.get("url"),
                    published_date=datetime.date.fromisoformat(published) if published else None)
