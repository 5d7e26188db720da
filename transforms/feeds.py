"""Feeds: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 (feedparser) -> entries -> documents, linked pages fetched per host.

A feed's entries are inputs of the run, each ending as an article, a duplicate or a reject; the feed itself
is not. An entry's own content is its text when it is long enough (`feed_content`), else its linked page
is fetched and extracted (`linked_page`), with its summary as the fallback (`feed_summary`).
"""
import collections
import datetime
import html as markup
import io
import re
import urllib.parse
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

import apache_beam as beam
import feedparser
import lxml.html
from apache_beam.metrics import Metrics
from lxml import etree

from transforms import html
from transforms.articles import REJECTS, CleanAndExtract, _Stage, read_bytes
from transforms.fetch import FetchSettings, Fetcher, Pacer, politeness_key
from transforms.read import Document, Rejected, decode, names_article, plausible, read_document, within_cap
from transforms.sources import is_url

REPORTS = "reports"
ENTRIES = "entries"
REFUSED = ("refused_scheme", "refused_address")  # no fallback to the summary: the link itself is refused
BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article")
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
UTF8_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
# feedparser drops the slashes after `scheme://` (file:///etc/passwd becomes file://etc/passwd)
COLLAPSED = re.compile(r"\A([A-Za-z][A-Za-z0-9+.-]*://)(?!/)")
# the text of an RSS guid or an Atom id as the document writes it (feedparser resolves relative ones)
WRITTEN_ID = re.compile(r"<(?:\w+:)?(?:guid|id)\b[^>]*>\s*(?:<!\[CDATA\[)?\s*([^<\]]*?)\s*(?:\]\]>)?\s*</")


@dataclass(frozen=True)
class FeedInput:
    """A feed to read, a URL or a file, with what earlier runs left: HTTP validators and seen entry ids."""
    location: str
    etag: str = None
    last_modified: str = None
    seen: frozenset = frozenset()


@dataclass(frozen=True)
class Entry:
    """One feed entry: where it comes from, what it says about itself, and its own text as HTML."""
    feed: str
    id: str
    link: str
    title: str
    author: str
    published: datetime.date
    site_name: str
    content: str
    summary: str
    qualified: bool = False  # named by feed and id: its link is another entry's source in this run
    repeat: int = 1  # the n-th entry of its feed with this id

    @property
    def source(self):
        if self.link and not self.qualified:
            return self.link
        return f"{self.feed}#{self.id}" + (f"[{self.repeat}]" if self.repeat > 1 else "")


def html_text(fragment):
    """Plain text of an HTML fragment: block elements on their own lines, whitespace folded."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(fragment.split())
    for element in root.iter(*BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().splitlines() if line.strip())


def canonical_url(link):
    """An entry link as an article URL: scheme and host lower-cased, default port, fragment and utm_ parameters dropped."""
    try:
        parts = urllib.parse.urlsplit(link.strip())
        port = parts.port
    except ValueError:
        return link
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if ":" in host:
        host = f"[{host}]"
    if port and port != {"http": 80, "https": 443}.get(scheme):
        host = f"{host}:{port}"
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    return urllib.parse.urlunsplit((scheme, host, parts.path or "/", query, ""))


def _date(struct):
    if not struct or not 1900 <= struct.tm_year <= 2100:
        return None
    return datetime.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


def _author(text):
    """The name in 'name', 'email (name)' or 'name <email>'; None when there is only an address."""
    text = " ".join(text.split())
    if "@" in text:
        match = re.fullmatch(r"\S+@\S+ \((.+)\)|(.+?) ?<\S+@\S+>", text)
        text = (match.group(1) or match.group(2)) if match else ""
    return text or None


def _entry(raw, feed, site_name, document, written_ids):
    link = as_given((raw.get("link") or "").strip(), document)
    if raw.get("guidislink") and not (is_url(link) and link in written_ids):
        link = ""  # an id that is no web address (tag:, urn:, a bare guid) feedparser copied into `link`
    contents = [as_html(c) for c in raw.get("content") or []]
    # a summary without its detail is feedparser's copy of the first content
    summary = as_html(raw.get("summary_detail") or next(iter(raw.get("content") or []), {"value": raw.get("summary")}))
    author = _author(raw.get("author") or "")
    ident = (raw.get("id") or "").strip() or link or html_text(raw.get("title", "") + raw.get("summary", ""))[:500]
    title = raw.get("title") or ""
    title = html_text(title) if "html" in (raw.get("title_detail") or {}).get("type", "") else " ".join(title.split())
    published = plausible(_date(raw.get("published_parsed") or raw.get("updated_parsed")))
    return Entry(feed=feed, id=ident, link=link, title=title or None, author=author, published=published,
                 site_name=site_name, content=max(contents, key=len, default=""), summary=summary)


def as_html(detail):
    """A feedparser text construct as HTML: plain text (Atom type="text") escaped, line breaks kept."""
    value = detail.get("value") or ""
    return markup.escape(value).replace("\n", "<br>") if detail.get("type") == "text/plain" else value


def as_given(link, document):
    """`link` as `document` spells it: feedparser collapses the slashes after `scheme://`, which is taken back
    for links that are not http(s) (those are fetched as feedparser gives them, as browsers would)."""
    collapsed = COLLAPSED.match(link)
    if not collapsed or is_url(link):
        return link
    rest = link[collapsed.end():]
    spelt = re.search(re.escape(collapsed.group(1)) + f"(/+)(?:{re.escape(rest)}|{re.escape(escape(rest))})", document)
    return collapsed.group(1) + spelt.group(1) + rest if spelt else link


def feed_document(data, content_type=None):
    """The feed's text (decoded as `read.decode` does: BOM, HTTP charset, XML declaration, UTF-8, detection)
    with an XML declaration naming UTF-8; `Rejected` (not_a_feed) for binary data."""
    try:
        text = decode(data, content_type, markup=True)
    except Rejected as r:
        raise Rejected("not_a_feed", r.detail) from None
    declared, found = XML_DECLARATION.subn(UTF8_DECLARATION, text, count=1)  # in its place, as feedparser does
    return declared if found else f"{UTF8_DECLARATION}\n{text}"


def parse_feed(data, location, content_type=None):
    """(entries, why feedparser flagged the document or None); `Rejected` when no feed is in `data`.

    Parley decodes the bytes (`feed_document`: feedparser, without chardet, would take undeclared legacy text for
    windows-1252) and gives them to feedparser as UTF-8 in a stream: it never opens files or URLs itself, and it
    drops entity declarations (no billion laughs, no external entities).
    """
    document = feed_document(data, content_type)
    headers = {"content-location": location} if is_url(location) else {}
    parsed = feedparser.parse(io.BytesIO(document.encode("utf-8")), response_headers=headers, sanitize_html=True,
                              resolve_relative_uris=True)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, feedparser.NonXMLContentType):
        problem = None  # about HTTP headers (none are given), not the document: parsed all the same
    if not parsed.get("version") and not parsed.entries:
        raise Rejected("not_a_feed", f"no RSS or Atom document{f': {problem}' if problem else ''}")
    site_name = html_text(parsed.feed.get("title")) or None
    written_ids = {markup.unescape(i) for i in WRITTEN_ID.findall(document)}
    entries = [_entry(raw, location, site_name, document, written_ids) for raw in parsed.entries]
    return entries, (str(problem) if problem else None)


def select(entries, seen, max_entries):
    """(new entries to take, how many were seen before, how many new ones are over the cap). An id that comes again
    in the feed is an entry all the same, numbered (`Entry.repeat`): the same text again is a counted duplicate."""
    fresh, seen_count, count = [], 0, collections.Counter()
    for entry in entries:
        count[entry.id] += 1
        if entry.id in seen:
            seen_count += 1
        else:
            fresh.append(replace(entry, repeat=count[entry.id]))
    return fresh[:max_entries], seen_count, max(0, len(fresh) - max_entries)


def feed_report(feed, status, response=None, taken=(), seen_ids=(), seen_count=0, over_cap=0, inputs=0):
    """What a run learnt about one feed: for the state (validators, the ids now seen) and the manifest."""
    headers = response.headers if response is not None and not over_cap else {}
    return {"feed": feed, "status": status, "etag": headers.get("etag"), "last_modified": headers.get("last-modified"),
            "seen_ids": sorted(set(seen_ids) | {e.id for e in taken}), "new": len(taken), "seen": seen_count,
            "over_cap": over_cap, "inputs": inputs}


def full_text(entry, min_chars):
    """The entry's own text when it is long enough to be the article (content, else summary), else None."""
    for fragment in (entry.content, entry.summary):
        text = html_text(fragment)
        if len(text) >= min_chars:
            return fragment
    return None


def entry_document(entry, fragment, text_source, extract_html):
    """A Document from an entry's own HTML: trafilatura's body, or all its text when trafilatura finds none."""
    text = extract_html(fragment).get("text") or html_text(fragment)
    if not text.strip():
        raise Rejected("no_text", "the entry has no text")
    return Document(entry.source, "html", text, raw_chars=len(fragment), title=entry.title, author=entry.author,
                    site_name=entry.site_name, url=article_url(entry.link), published_date=entry.published,
                    meta=_columns(entry, text_source))


def page_document(entry, response, max_bytes, extract_html):
    """A Document from the entry's fetched page (its Content-Type names the charset); the entry's title, author and
    date win over the page's."""
    page = read_document(entry.source, response.body, max_bytes, extract_html, kind="html",
                         content_type=response.headers.get("content-type"))
    return Document(entry.source, "html", page.text, raw_chars=page.raw_chars, title=entry.title or page.title,
                    author=entry.author or page.author, site_name=entry.site_name or page.site_name,
                    url=article_url(entry.link), published_date=entry.published or page.published_date,
                    meta=_columns(entry, "linked_page"))


def article_url(link):
    """The entry link as the article's URL (and so its id), or None when it names no article (a site's root)."""
    return canonical_url(link) if names_article(link) else None


def _columns(entry, text_source):
    return {"feed": entry.feed, "entry_id": entry.id, "text_source": text_source}


def conditional_headers(feed):
    headers = {"Accept": FEED_ACCEPT}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


class _Fetching(_Stage):
    """A stage with an HTTP client of its own, opened in setup() and closed in teardown()."""

    def __init__(self, run, fetch_settings):
        super().__init__(run)
        self.fetch_settings = fetch_settings

    def setup(self):
        self.fetcher = Fetcher(self.fetch_settings)
        self.requests = Metrics.counter("parley", "http_requests")

    def teardown(self):
        self.fetcher.close()


class ReadFeedsFn(_Fetching):
    """(host, feeds) -> entries keyed for per-host fetching, reject rows and one report per feed.

    A host's feeds are fetched one after another, `host_delay` seconds apart; feed files need no delay.
    """

    stage = "feed"

    def __init__(self, run, fetch_settings, feed_settings):
        super().__init__(run, fetch_settings)
        self.max_entries = int(feed_settings["max_entries"])

    def setup(self):
        super().setup()
        self.entries = Metrics.counter("parley", "feed_entries_taken")

    def process(self, element):
        _, feeds = element
        pacer = Pacer(self.fetch_settings.host_delay)
        for feed in sorted(feeds, key=lambda f: f.location):
            before = self.fetcher.requests
            try:
                yield from self._feed(feed, pacer)
            except Exception as e:  # noqa: BLE001 - any other failure is a reject, never a crash
                yield self.reject(feed.location, "internal_error", f"{type(e).__name__}: {e}", feed=feed.location)
                yield beam.pvalue.TaggedOutput(REPORTS, feed_report(feed.location, "failed", inputs=1))
            self.requests.inc(self.fetcher.requests - before)

    def _feed(self, feed, pacer):
        response, location = None, feed.location
        try:
            if is_url(location):
                response = self.fetcher.get(location, conditional_headers(feed), pacer)
                if response.status == 304:
                    yield beam.pvalue.TaggedOutput(REPORTS, feed_report(location, "not_modified"))
                    return
                data = response.body
            else:
                data = self._file(location)
        except Rejected as r:
            yield self.reject(location, r.reason, r.detail, stage="fetch" if is_url(location) else "feed", feed=location)
            yield beam.pvalue.TaggedOutput(REPORTS, feed_report(location, "failed", inputs=1))
            return
        try:
            entries, problem = parse_feed(data, location, response.headers.get("content-type") if response else None)
        except Rejected as r:
            yield self.reject(location, r.reason, r.detail, feed=location)
            yield beam.pvalue.TaggedOutput(REPORTS, feed_report(location, "failed", inputs=1))
            return
        taken, seen_count, over_cap = select(entries, feed.seen, self.max_entries)
        rejects = 0
        if problem:
            rejects += 1
            yield self.reject(location, "malformed_feed", f"kept the {len(entries)} entries that parsed: {problem}",
                              feed=location)
        if over_cap:
            rejects += 1
            yield self.reject(location, "too_many_entries", f"{len(taken) + over_cap} new entries, the first "
                              f"{len(taken)} taken (feeds.max_entries); the rest wait for the next run", feed=location)
        for entry in taken:
            yield politeness_key(entry.link, self.fetch_settings.host_concurrency), entry
        self.entries.inc(len(taken))
        present = {e.id for e in entries} & feed.seen
        yield beam.pvalue.TaggedOutput(REPORTS, feed_report(location, "fetched", response, taken, present, seen_count,
                                                            over_cap, len(taken) + rejects))

    def _file(self, path):
        max_bytes = self.run["max_input_bytes"]
        return within_cap(path, read_bytes(path, max_bytes), max_bytes)


class EntriesFn(_Fetching):
    """((host, slot), entries) -> (Document, no furniture) per entry, or a reject; the slot's pages are fetched
    one after another, `host_delay` seconds apart, and read in the same call (no raw page leaves it)."""

    stage = "fetch"

    def __init__(self, run, fetch_settings, feed_settings):
        super().__init__(run, fetch_settings)
        self.min_chars = int(feed_settings["full_text_min_chars"])

    def setup(self):
        super().setup()
        self.used = {s: Metrics.counter("parley", f"entries_{s}") for s in ("feed_content", "linked_page", "feed_summary")}

    def process(self, element):
        _, entries = element
        pacer, sources = Pacer(self.fetch_settings.host_delay), set()
        for entry in sorted(entries, key=lambda e: (e.link, e.feed, e.id)):
            if entry.source in sources:  # the same link in two feeds (one key holds both): one source each
                entry = replace(entry, qualified=True)
            sources.add(entry.source)
            before = self.fetcher.requests
            try:
                doc = self._document(entry, pacer)
            except Rejected as r:  # an entry without any text is the feed's fault, a failed page the fetch's
                yield self.reject(entry.source, r.reason, r.detail, stage="feed" if r.reason == "no_text" else None,
                                  feed=entry.feed)
                continue
            except Exception as e:  # noqa: BLE001 - any other failure is a reject, never a lost input
                yield self.reject(entry.source, "internal_error", f"{type(e).__name__}: {e}", feed=entry.feed)
                continue
            finally:
                self.requests.inc(self.fetcher.requests - before)
            self.used[doc.meta["text_source"]].inc()
            yield doc, frozenset()

    def _document(self, entry, pacer):
        fragment = full_text(entry, self.min_chars)
        if fragment:
            return entry_document(entry, fragment, "feed_content", html.extract_html)
        failure = Rejected("no_text", "the entry has no link and no text")
        if entry.link:
            try:
                response = self.fetcher.get(entry.link, {"Accept": PAGE_ACCEPT}, pacer)
                return page_document(entry, response, self.fetch_settings.max_bytes, html.extract_html)
            except Rejected as r:
                if r.reason in REFUSED:
                    raise
                failure = r
        if html_text(entry.summary or entry.content):
            return entry_document(entry, entry.summary or entry.content, "feed_summary", html.extract_html)
        raise failure


class ReadFeeds(beam.PTransform):
    """FeedInputs -> (article bundles, reject rows, feed reports): feeds per host, entries per (host, slot),
    then the same cleaning and extraction as files."""

    def __init__(self, run, settings):
        super().__init__()
        self.run = run
        self.fetch_settings = FetchSettings.from_settings(settings["fetch"])
        self.feed_settings = settings["feeds"]

    def expand(self, feeds):
        args = (self.run, self.fetch_settings, self.feed_settings)
        read = (feeds
                | "ByHost" >> beam.Map(lambda f: (politeness_key(f.location, 1)[0], f))
                | "GroupFeeds" >> beam.GroupByKey()
                | "Read" >> beam.ParDo(ReadFeedsFn(*args)).with_outputs(REJECTS, REPORTS, main=ENTRIES))
        docs = (read[ENTRIES]
                | "GroupEntries" >> beam.GroupByKey()
                | "Entries" >> beam.ParDo(EntriesFn(*args)).with_outputs(REJECTS, main="docs"))
        bundles, rejects = docs.docs | "CleanExtract" >> CleanAndExtract(self.run)
        return bundles, (read[REJECTS], docs[REJECTS], rejects) | "Rejects" >> beam.Flatten(), read[REPORTS]
