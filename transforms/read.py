"""Reading: raw bytes of an input file -> a decoded document, or a reject with its reason."""
import codecs
import datetime
import gzip
import hashlib
import re
import zlib
from dataclasses import dataclass, field

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?:[ \t]+|[ \t]*\r?\n|\Z)")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class Rejected(Exception):
    """An input that cannot become an article: `reason` is from the closed vocabulary in the README."""

    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


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
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in ASCII-range UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
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
        text = _single_byte(data)
    if len(CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise Rejected("binary", "control characters in a text file")
    return text


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


def read_document(source, data, max_bytes, extract_html):
    """Bytes of the file at `source` -> Document; raises Rejected with a reason."""
    kind = kind_of(source)
    if kind is None:
        raise Rejected("unsupported_type", "expected .txt, .html or .htm, optionally .gz")
    if len(data) > max_bytes:
        raise Rejected("too_large", f"{len(data)} bytes, the limit is {max_bytes}")
    if source.lower().endswith(".gz"):
        data = gunzip(data, max_bytes)
    if not data.strip():
        raise Rejected("empty", "no content")
    text = decode(data)
    if kind == "html":
        return _html_document(source, text, extract_html)
    published, body = split_date_header(text)
    if not body.strip():
        raise Rejected("empty", "no text after the date header")
    return Document(source, kind, body, raw_chars=len(text), published_date=published)


def _html_document(source, html, extract_html):
    page = extract_html(html)
    if not page.get("text"):
        raise Rejected("no_article", "no article body found in the page")
    published = page.get("published_date")
    return Document(source, "html", page["text"], raw_chars=len(html), title=page.get("title"),
                    author=page.get("author"), site_name=page.get("site_name"), url=page.get("url"),
                    published_date=datetime.date.fromisoformat(published) if published else None)
