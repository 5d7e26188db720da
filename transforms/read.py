"""Reading: raw bytes of an input file -> a decoded document, or a reject with its reason."""
import datetime
import hashlib
import re
import urllib.parse
import warnings
import zlib
from dataclasses import dataclass, field

import charset_normalizer
from courlan.filters import path_filter
from dateutil.parser import UnknownTimezoneWarning
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, to_unicode

from transforms.html import link_labels, link_text_share, nests_deeper, parse

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SNIFF_BYTES = 4096
# The opening of an RSS, Atom or RDF document: declaration, comments, processing instructions, a DOCTYPE.
FEED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)\s*)*"
                        rb"<(?:rss|feed|(?:\w+:)?RDF)\b", re.S)
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?:[ \t]+|[ \t]*\r?\n|\Z)")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
BINARY_SHARE = 0.01  # more control characters (NUL included) than this share of the first SAMPLE_CHARS: binary
SAMPLE_CHARS = 65536
LEGACY_DEFAULT = "cp1252"  # the web's default legacy encoding (WHATWG), for ties and when detection finds none
NAVIGATION_SHARE = 0.8  # a page whose extracted text is this much link labels is navigation, not an article

# htmldate reads page dates with dateutil, which warns of every time zone name it does not know ("EST"): the day
# is kept all the same, and the warning must not reach the user's screen (tests/test_read.py checks both).
warnings.filterwarnings("ignore", category=UnknownTimezoneWarning)


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


def _wide_without_bom(data):
    """'utf-32-le'/'-be' when the two high bytes of every code unit are NUL (text of the Basic Multilingual Plane);
    'utf-16-le'/'-be' when the high byte of every pair takes a handful of values, NUL among them (spaces and
    digits; a script's block for its letters: 0x04 for Cyrillic); either only when the sample decodes to
    printable text."""
    sample = data[:4096]
    quads, pairs = sample[:len(sample) - len(sample) % 4], sample[:len(sample) - len(sample) % 2]
    candidates = []
    if len(quads) >= 8:
        candidates += [(codec, quads) for codec, high in (("utf-32-le", (2, 3)), ("utf-32-be", (0, 1)))
                       if not any(quads[i::4].strip(b"\0") for i in high)]
    if len(pairs) >= 4:
        even, odd = pairs[0::2], pairs[1::2]
        candidates += [(codec, pairs) for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd))
                       if 0 in high and len(set(high)) <= 4 and low.count(0) < 0.1 * len(low)]
    for codec, units in candidates:
        text = units.decode(codec, errors="replace")
        if sum(c.isprintable() or c in "\t\n\r" for c in text) > 0.95 * len(text):
            return codec
    return None


def decode(data, content_type=None, markup=False):
    """Text of `data`, decoded in the order browsers follow (WHATWG encoding sniffing): its BOM (bytes invalid in
    its encoding become U+FFFD, unless they are many: `undecodable`), else the charset of the HTTP `content_type`,
    else, for `markup` (HTML, XML), its first meta or XML declaration, else UTF-8, else what charset-normalizer
    detects in the lines that are not UTF-8. One departure: bytes that are valid UTF-8 and not ASCII are UTF-8
    whatever a legacy declaration says (saved and re-encoded pages keep their old declaration; legacy text is
    almost never valid UTF-8). Control characters are dropped; `Rejected` for binary data."""
    codec, bom = read_bom(data)
    if codec:
        text = data[len(bom):].decode(codec, errors="replace")
        invalid = text.count("\ufffd", 0, SAMPLE_CHARS)
        if invalid > BINARY_SHARE * min(len(text), SAMPLE_CHARS):
            raise Rejected("undecodable", f"{invalid} byte sequences invalid in {codec}, the encoding its BOM names")
    else:
        codec = _declared(data, content_type, markup)
        text = to_unicode(data, codec) if codec else _undeclared(data)
    return _printable(text)


def _declared(data, content_type, markup):
    """The legacy codec `data` declares, or None for none, UTF-8, UTF-16/32 (an ASCII declaration cannot be
    UTF-16) and for bytes that are valid UTF-8 and not ASCII."""
    codec = http_content_type_encoding(content_type) or (html_body_declared_encoding(data) if markup else None)
    if not codec or codec.startswith(("utf-8", "utf-16", "utf-32")):
        return None
    if not data.isascii():
        try:
            data.decode("utf-8")
            return None
        except UnicodeDecodeError:
            pass
    return codec


def _undeclared(data):
    """UTF-32 or UTF-16 without BOM, else UTF-8 (ISO-2022's 7-bit text with escapes detected), else `_line_by_line`."""
    codec = _wide_without_bom(data)
    if codec:
        return data.decode(codec, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _check_binary(data[:SAMPLE_CHARS].decode("latin-1"))  # before detection, which binary data would slow
        return _line_by_line(data)
    return data.decode(_detected(data), errors="replace") if "\x1b" in text else text


def _printable(text):
    """`text` without its control characters; `Rejected` when it is binary data."""
    if not CONTROL.search(text):
        return text
    _check_binary(text[:SAMPLE_CHARS])
    return CONTROL.sub("", text)


def _check_binary(sample):
    """`Rejected` when control characters (NUL included) are more than BINARY_SHARE of `sample`."""
    found = len(CONTROL.findall(sample))
    if found > BINARY_SHARE * len(sample):
        raise Rejected("binary", f"{found} control characters or NUL bytes in the first {len(sample)} characters")


def _line_by_line(data):
    """Mixed encodings: lines that are UTF-8 stay UTF-8 (a stray invalid byte becomes U+FFFD when the line holds
    more UTF-8 characters than invalid bytes), the others are decoded with the one codec detected over them."""
    lines = data.split(b"\n")
    text = {}
    for i, line in enumerate(lines):
        loose = line.decode("utf-8", errors="replace")
        invalid = loose.count("\ufffd")
        if not invalid or sum(not c.isascii() for c in loose) > 2 * invalid:
            text[i] = loose
    others = [i for i in range(len(lines)) if i not in text]
    codec = _detected(b"\n".join(lines[i] for i in others))
    text.update((i, to_unicode(lines[i], codec)) for i in others)  # line by line: a codec may not split at "\n"
    return "\n".join(text[i] for i in range(len(lines)))


def _detected(data):
    """The codec charset-normalizer finds for `data`; LEGACY_DEFAULT among equally likely ones, or when none fits."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return LEGACY_DEFAULT
    best = (matches[0].chaos, matches[0].coherence)
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == best}
    return LEGACY_DEFAULT if LEGACY_DEFAULT in tied else matches[0].encoding


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


def read_document(source, data, limits, extract_html, kind=None, content_type=None):
    """Bytes of the file at `source` (of `kind`, else known from the name) -> Document; raises Rejected.

    `limits` is a Limits, or only the byte cap; `content_type` the HTTP header a fetched page came with.
    """
    limits = Limits.of(limits)
    kind = kind or kind_of(source)
    if kind is None:
        raise Rejected("unsupported_type", "expected .txt, .html or .htm, optionally .gz")
    data = within_cap(source, data, limits.max_bytes)
    if not data.strip():
        raise Rejected("empty", "no content")
    text = decode(data, content_type, markup=kind == "html")
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
    for base in list(tree.iter("base")) if tree is not None else ():
        if (base.get("href") or "/").endswith("/"):  # a folder relative links resolve in, not the page's address
            base.getparent().remove(base)
    page = extract_html(tree)
    if not page.get("text"):
        raise Rejected("no_article", "no article body found in the page")
    if link_text_share(labels, page["text"]) > NAVIGATION_SHARE:
        raise Rejected("no_article", "the text found is link labels: a page of navigation")
    published = page.get("published_date")
    url = page.get("url") if names_article(page.get("url")) else None
    return Document(source, "html", page["text"], raw_chars=len(html), title=page.get("title"),
                    author=page.get("author"), site_name=page.get("site_name"), url=url,
                    published_date=plausible(datetime.date.fromisoformat(published) if published else None))


def names_article(url):
    """Whether `url` can be an article's own address, and so its id: an absolute URL that is not a site's root or
    index page (courlan's index-page filter: /, /index.html, /de/home, ...) unless a query names the page."""
    try:
        parts = urllib.parse.urlsplit(url or "")
    except ValueError:
        return False
    if not parts.scheme or not parts.netloc:
        return False
    return bool(parts.path.strip("/") or parts.query) and path_filter(parts.path, parts.query)


def plausible(published, today=None):
    """A published date, or None when it lies after tomorrow (UTC): a date misread, not a date to keep."""
    today = today or datetime.datetime.now(datetime.timezone.utc).date()
    return published if published is None or published <= today + datetime.timedelta(days=1) else None
