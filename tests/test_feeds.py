"""Feeds: parsing every RSS and Atom version, entries to documents, and whole runs against a real HTTP server
on 127.0.0.1 (full-content and summary-only entries, 304s, failures as rejects, hostile feeds)."""
import datetime
import gzip
import html
import json
import time

import apache_beam as beam
import pytest
from apache_beam.testing.util import assert_that, equal_to

from pipeline.cli import main
from pipeline.config import load_yaml
from pipeline.dataset import read_dataset
from tests.conftest import offline_pipeline
from tests.httpserver import Reply, server  # noqa: F401 - the fixture
from transforms import html as html_extraction
from transforms.feeds import (Entry, FeedInput, ReadFeeds, canonical_url, entry_document, full_text, html_text,
                              parse_feed, select)
from transforms.fetch import Fetcher, FetchSettings, Pacer
from transforms.read import Rejected, is_feed
from transforms.sources import Source, read_feed_list, split_feeds, split_urls

SENTENCE = "The two foreign ministers met in the capital on Tuesday and spoke about trade, energy and border crossings."
LONG = " ".join([SENTENCE] * 12)  # about 1,300 characters: a full text by the test profile's threshold
PROFILE = """settings:
  feeds:
    max_entries: 1000
    full_text_min_chars: 400
  fetch:
    read_timeout: 0.5
    total_timeout: 3
    retries: 1
    backoff_seconds: 0
    max_retry_after: 5
    max_bytes: 200000
    host_delay: 0
"""


def rss_item(title, link, guid=None, description=None, content=None, pub=None, author=None):
    parts = [f"<title>{html.escape(title)}</title>", f"<link>{html.escape(link)}</link>"]
    parts += [f"<guid isPermaLink='false'>{guid}</guid>"] if guid else []
    parts += [f"<description>{html.escape(description)}</description>"] if description else []
    parts += [f"<content:encoded><![CDATA[{content}]]></content:encoded>"] if content else []
    parts += [f"<pubDate>{pub}</pubDate>"] if pub else []
    parts += [f"<author>{html.escape(author)}</author>"] if author else []
    return "<item>" + "".join(parts) + "</item>"


def rss(*items, title="Wire"):
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>http://news.example/</link>{''.join(items)}</channel></rss>").encode()


def atom(*entries):
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom desk</title><id>urn:feed:atom</id><updated>2024-03-01T00:00:00Z</updated>"
            f"{''.join(entries)}</feed>").encode()


def atom_entry(ident, link, content=None, summary=None, published="2024-03-01T09:00:00Z"):
    parts = [f"<title>Entry {ident}</title>", f'<link rel="alternate" href="{link}"/>', f"<id>urn:{ident}</id>",
             f"<published>{published}</published>", "<author><name>Ana Writer</name></author>"]
    parts += [f'<content type="html">{html.escape(content)}</content>'] if content else []
    parts += [f"<summary>{html.escape(summary)}</summary>"] if summary else []
    return "<entry>" + "".join(parts) + "</entry>"


def rdf(*items):
    body = "".join(f'<item rdf:about="{link}"><title>{title}</title><link>{link}</link>'
                   f"<description>{html.escape(text)}</description><dc:date>2024-03-02T08:00:00Z</dc:date>"
                   f"<dc:creator>Desk</dc:creator></item>" for title, link, text in items)
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel rdf:about="http://rdf.example/"><title>RDF desk</title><link>http://rdf.example/</link>'
            f"<description>d</description></channel>{body}</rdf:RDF>").encode()


def page(title, text):
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World</nav><article><h1>{title}</h1>"
            f"<p>{text}</p><p>{text}</p></article><footer>Contact us</footer></body></html>").encode()


def conditional(body, etag):
    """A feed route answering 304 to a request carrying its ETag or Last-Modified."""
    modified = "Sat, 02 Mar 2024 10:00:00 GMT"

    def answer(handler):
        if handler.headers.get("If-None-Match") == etag or handler.headers.get("If-Modified-Since") == modified:
            return Reply(304, {"ETag": etag})
        return Reply(body=body, headers={"ETag": etag, "Last-Modified": modified, "Content-Type": "application/xml"})
    return answer


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return str(path)


def rows(out, dataset):
    return read_dataset(str(out), dataset).to_pylist()


def manifest(out):
    (path,) = sorted((out / "_runs").glob("*.json"), key=lambda p: p.stat().st_mtime)[-1:]
    return json.loads(path.read_text())


# --- parsing --------------------------------------------------------------------------------------------

def test_rss2_entry_fields():
    data = rss(rss_item("Talks <b>resume</b>", "http://news.example/a?utm_source=rss#top", guid="g-1",
                        description="Teaser.", pub="Mon, 04 Mar 2024 23:30:00 -0200", author="desk@news.example (Desk)"))
    (entry,), problem = parse_feed(data, "http://news.example/rss")
    assert problem is None
    assert (entry.id, entry.link, entry.title, entry.site_name) == ("g-1", "http://news.example/a?utm_source=rss#top",
                                                                   "Talks resume", "Wire")
    assert entry.published == datetime.date(2024, 3, 5)  # in UTC
    assert entry.author == "Desk" and entry.summary == "Teaser." and entry.content == ""


def test_atom_and_rdf_entries():
    (a,), _ = parse_feed(atom(atom_entry("1", "http://atom.example/1", content="<p>Body</p>")), "atom.xml")
    assert (a.id, a.link, a.author, a.published, a.content) == ("urn:1", "http://atom.example/1", "Ana Writer",
                                                                datetime.date(2024, 3, 1), "<p>Body</p>")
    (r,), _ = parse_feed(rdf(("R one", "http://rdf.example/1", "Text")), "rdf.xml")
    assert (r.id, r.link, r.author, r.published, r.site_name) == ("http://rdf.example/1", "http://rdf.example/1", "Desk",
                                                                  datetime.date(2024, 3, 2), "RDF desk")


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><item><title>T</title>'
    b"<link>http://old.example/1</link><description>D</description></item></channel></rss>",
    b'<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old atom</title>'
    b'<entry><title>T</title><link rel="alternate" type="text/html" href="http://old.example/1"/><id>tag:1</id>'
    b"<issued>2004-01-01T00:00:00Z</issued><summary>D</summary></entry></feed>"], ids=["rss091", "atom03"])
def test_old_versions(data):
    (entry,), problem = parse_feed(data, "old.xml")
    assert entry.link == "http://old.example/1" and problem is None


def test_html_page_and_garbage_are_not_feeds():
    for data in (page("Home", "Welcome."), b"/etc/passwd", b"\x00\x01binary"):
        with pytest.raises(Rejected) as e:
            parse_feed(data, "x")
        assert e.value.reason == "not_a_feed"


def test_malformed_xml_keeps_what_parses():
    data = rss(rss_item("One", "http://news.example/1", description="ok")).replace(b"</channel>", b"<item><title>Two")
    entries, problem = parse_feed(data, "x")
    assert [e.link for e in entries][:1] == ["http://news.example/1"] and problem


def test_billion_laughs_is_not_expanded():
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]><rss version="2.0"><channel>'
            "<title>&l9;</title><item><title>Laughs &l9;</title><link>http://news.example/l</link>"
            "<description>d</description></item></channel></rss>").encode()
    entries, _ = parse_feed(data, "x")
    assert all("lollol" not in (e.title or "") + e.summary for e in entries)


def test_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]><rss version="2.0">'
            "<channel><title>x</title><item><title>A &xxe;</title><link>http://news.example/x</link>"
            "<description>leak: &xxe;</description></item></channel></rss>").encode()
    entries, _ = parse_feed(data, "x")
    assert "TOP-SECRET" not in repr(entries)


@pytest.mark.parametrize("raw,name", [("desk@news.example (News Desk)", "News Desk"), ("Ana Writer", "Ana Writer"),
                                      ("Ana Writer <ana@news.example>", "Ana Writer"), ("desk@news.example", None)])
def test_author_forms(raw, name):
    (entry,), _ = parse_feed(rss(rss_item("T", "http://news.example/1", author=raw)), "x")
    assert entry.author == name


def test_select_skips_seen_ids_numbers_repeated_ones_and_caps():
    entries = [Entry("f", str(i % 8), "", None, None, None, None, "", "") for i in range(10)]
    taken, seen, over = select(entries, {"0", "1"}, 4)
    assert [e.id for e in taken] == ["2", "3", "4", "5"] and seen == 4 and over == 2
    taken, _, _ = select([Entry("f", i, "", None, None, None, None, "", "") for i in "ggh"], set(), 10)
    assert [(e.id, e.repeat, e.source) for e in taken] == [("g", 1, "f#g"), ("g", 2, "f#g[2]"), ("h", 1, "f#h")]


# --- entries to documents --------------------------------------------------------------------------------

def test_canonical_url():
    assert canonical_url("HTTP://News.Example:80/a/b?utm_source=x&id=3#frag") == "http://news.example/a/b?id=3"
    assert canonical_url("https://news.example:8443") == "https://news.example:8443/"


def test_html_text_keeps_blocks_apart():
    assert html_text("<p>One <b>two</b></p><p>Three</p>four") == "One two\nThree\nfour"
    assert html_text("") == "" and html_text("plain & simple") == "plain & simple"


def test_full_text_prefers_content_then_a_long_summary():
    entry = Entry("f", "1", "http://x/1", "T", None, None, None, f"<p>{LONG}</p>", "short")
    assert full_text(entry, 1000) == f"<p>{LONG}</p>"
    assert full_text(Entry("f", "1", "", "T", None, None, None, "", LONG), 1000) == LONG
    assert full_text(Entry("f", "1", "", "T", None, None, None, "<p>short</p>", "short"), 1000) is None


def test_entry_document_columns():
    entry = Entry("http://f/rss", "g1", "http://News.example/1#c", "Title", "Ana", datetime.date(2024, 3, 1), "Wire",
                  "", "<p>Short teaser only.</p>")
    doc = entry_document(entry, entry.summary, "feed_summary", html_extraction.extract_html)
    assert (doc.text, doc.url, doc.source, doc.title, doc.published_date) == (
        "Short teaser only.", "http://news.example/1", "http://News.example/1#c", "Title", datetime.date(2024, 3, 1))
    assert doc.meta == {"feed": "http://f/rss", "entry_id": "g1", "text_source": "feed_summary"}


# --- inputs ---------------------------------------------------------------------------------------------

def test_feed_files_by_name_and_by_content(tmp_path):
    (tmp_path / "a.rss").write_bytes(b"x")
    (tmp_path / "b.xml.gz").write_bytes(gzip.compress(b"x"))
    (tmp_path / "wire").write_bytes(b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel/></rss>')
    (tmp_path / "wire.gz").write_bytes(gzip.compress(b'<feed xmlns="http://www.w3.org/2005/Atom"/>'))
    (tmp_path / "page.html").write_bytes(b"<rss>")
    (tmp_path / "notes.bin").write_bytes(b"<html>")
    sources = [Source(str(p), str(tmp_path), p.stat().st_size) for p in sorted(tmp_path.iterdir())]
    articles, feeds = split_feeds(sources)
    assert sorted(s.path.rsplit("/", 1)[1] for s in feeds) == ["a.rss", "b.xml.gz", "wire", "wire.gz"]
    assert sorted(s.path.rsplit("/", 1)[1] for s in articles) == ["notes.bin", "page.html"]
    assert is_feed("x.atom") and not is_feed("x.txt", b"<rss>")


def test_feed_list_and_urls(tmp_path):
    (tmp_path / "feeds.yaml").write_text("feeds:\n  - https://news.example/rss\n  - local/wire.xml\n")
    listed = read_feed_list(str(tmp_path / "feeds.yaml"))
    assert listed == ["https://news.example/rss", str(tmp_path / "local" / "wire.xml")]
    assert split_urls(["HTTP://a.example/f", "folder", "gs://b/x"]) == (["HTTP://a.example/f"], ["folder", "gs://b/x"])


def test_nothing_to_read_and_a_bad_feed_list_are_usage_errors(tmp_path, capsys):
    assert main(["run", "--out", str(tmp_path / "out")]) == 2
    assert "nothing to read" in capsys.readouterr().err
    (tmp_path / "list.yaml").write_text("feeds: https://one.example/rss")
    assert main(["run", "--feeds", str(tmp_path / "list.yaml"), "--out", str(tmp_path / "out")]) == 2
    assert "must be a YAML list" in capsys.readouterr().err


def test_packaged_example_feed_list_parses():
    from tests.conftest import ROOT
    assert all(i.startswith("https://") for i in read_feed_list(str(ROOT / "configs" / "feeds.example.yaml")))


# --- the transform ---------------------------------------------------------------------------------------

def test_read_feeds_transform_on_a_feed_file(tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_bytes(rss(rss_item("Full", "http://news.example/1", guid="1", content=f"<p>{LONG}</p>"),
                         rss_item("Seen", "http://news.example/2", guid="2", content=f"<p>{LONG}</p>"),
                         rss_item("Teaser", "", guid="3", description="A teaser without a link.")))
    settings = {"feeds": {"max_entries": 10, "full_text_min_chars": 400},
                "fetch": {**load_yaml("local")["settings"]["fetch"], "host_delay": 0}}
    run = {"run_id": "t", "out": str(tmp_path), "ingested_at": datetime.datetime(2024, 3, 9, tzinfo=datetime.timezone.utc),
           "parley_version": "test", "max_input_bytes": 1 << 20, "config_dir": None}
    with offline_pipeline() as p:
        bundles, rejects, reports = (p | beam.Create([FeedInput(str(feed), seen=frozenset({"2"}))])
                                     | ReadFeeds(run, settings))
        assert_that(bundles | beam.Map(lambda b: (b[1]["article"]["entry_id"], b[1]["article"]["text_source"])),
                    equal_to([("1", "feed_content"), ("3", "feed_summary")]), label="Used")
        assert_that(rejects, equal_to([]), label="NoRejects")
        assert_that(reports | beam.Map(lambda r: (r["status"], r["new"], r["seen"], r["seen_ids"], r["inputs"])),
                    equal_to([("fetched", 2, 1, ["1", "2", "3"], 2)]), label="Report")


# --- whole runs against a local server -------------------------------------------------------------------

def test_feeds_of_every_kind_then_a_conditional_second_run(server, profile, tmp_path, capsys):
    server.routes["/rss.xml"] = conditional(rss(
        rss_item("Full text", server.url("/full"), guid="r1", content=f"<p>{LONG}</p>",
                 pub="Tue, 05 Mar 2024 08:00:00 GMT", author="desk@news.example (News Desk)"),
        rss_item("Teaser", server.url("/story"), guid="r2", description="A short teaser."),
        rss_item("Gone", server.url("/gone"), guid="r3", description="The teaser of a page that is gone.")), '"r-1"')
    server.routes["/atom.xml"] = conditional(atom(atom_entry("a1", server.url("/atom-1"), content=f"<p>{LONG}</p>")), '"a-1"')
    server.routes["/rdf.xml"] = conditional(rdf(("RDF story", server.url("/rdf-1"), "Teaser.")), '"d-1"')
    server.routes["/story"] = Reply(body=page("Story page", LONG), headers={"Content-Type": "text/html"})
    server.routes["/rdf-1"] = Reply(body=page("RDF page", LONG.replace("Tuesday", "Friday")))
    feed_list = tmp_path / "feeds.yaml"
    feed_list.write_text(f"- {server.url('/atom.xml')}\n- {server.url('/rdf.xml')}\n")
    out = tmp_path / "out"
    args = ["run", server.url("/rss.xml"), "--feeds", str(feed_list), "--out", str(out), "--config", profile,
            "--allow-private-addresses"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "5 inputs, 5 articles, 0 duplicates skipped" in err and "0 rejects" in err
    articles = {a["entry_id"]: a for a in rows(out, "articles")}
    assert {i: a["text_source"] for i, a in articles.items()} == {
        "r1": "feed_content", "r2": "linked_page", "r3": "feed_summary", "urn:a1": "feed_content",
        server.url("/rdf-1"): "linked_page"}
    full = articles["r1"]
    assert (full["feed"], full["url"], full["title"], full["author"], full["published_date"]) == (
        server.url("/rss.xml"), server.url("/full"), "Full text", "News Desk", datetime.date(2024, 3, 5))
    assert "Contact us" not in articles["r2"]["text"] and articles["r3"]["text"] == "The teaser of a page that is gone."
    files = sorted(p for p in out.rglob("*.parquet"))
    served = len(server.log)

    assert main(args) == 0
    err = capsys.readouterr().err
    assert "0 inputs, 0 articles, 0 duplicates skipped, 0 meetings, 0 rejects; 3 feeds not modified" in err
    second = server.log[served:]
    assert sorted(p for p, _ in second) == ["/atom.xml", "/rdf.xml", "/rss.xml"]
    assert all(h.get("if-none-match") and h.get("if-modified-since") for _, h in second)
    assert sorted(p for p in out.rglob("*.parquet")) == files
    assert manifest(out)["feeds"]["not_modified"] == 3


def test_failures_become_reject_rows(server, profile, tmp_path, capsys):
    attempts = iter([Reply(429, {"Retry-After": "1"})])
    good = rss(rss_item("Retried", server.url("/retried-page"), guid="ok", content=f"<p>{LONG}</p>"))
    server.routes["/busy.xml"] = lambda _: next(attempts, Reply(body=good))
    server.routes["/missing.xml"] = Reply(404)
    server.routes["/error.xml"] = Reply(500)
    server.routes["/slow.xml"] = Reply(body=good, delay=2)
    server.routes["/huge.xml"] = Reply(body=b"<rss>" + b" " * 300_000)
    server.routes["/bomb.xml"] = Reply(body=gzip.compress(b" " * 20_000_000), headers={"Content-Encoding": "gzip"})
    server.routes["/loop.xml"] = Reply(302, {"Location": "/loop.xml"})
    server.routes["/page.xml"] = Reply(body=page("Not a feed", "Just a page."), headers={"Content-Type": "text/html"})
    server.routes["/broken.xml"] = Reply(body=b"<rss version='2.0'><channel><title>x</title><item><title>cut")
    server.routes["/links.xml"] = Reply(body=rss(
        rss_item("Passwd", "file:///etc/passwd", guid="p", description="x"),
        rss_item("Dead page", server.url("/dead"), guid="d"),
        rss_item("Not an article", server.url("/empty-page"), guid="e")))
    server.routes["/empty-page"] = Reply(body=b"<html><body></body></html>")
    feeds = ["busy", "missing", "error", "slow", "huge", "bomb", "loop", "page", "broken", "links"]
    out = tmp_path / "out"
    started = time.monotonic()
    assert main(["run", *(server.url(f"/{f}.xml") for f in feeds), "--out", str(out), "--config", profile,
                 "--allow-private-addresses"]) == 0
    assert time.monotonic() - started < 60  # a bound against hanging, not a speed assertion
    err = capsys.readouterr().err
    assert "1 articles" in err and "12 rejects" in err and "accounting" not in err
    got = {(r["source"].rsplit("/", 1)[-1], r["stage"], r["reason"]) for r in rows(out, "rejects")}
    assert got == {
        ("missing.xml", "fetch", "http_error"), ("error.xml", "fetch", "http_error"), ("slow.xml", "fetch", "timeout"),
        ("huge.xml", "fetch", "too_large"), ("bomb.xml", "fetch", "too_large"), ("loop.xml", "fetch", "too_many_redirects"),
        ("page.xml", "feed", "not_a_feed"), ("broken.xml", "feed", "malformed_feed"), ("passwd", "fetch", "refused_scheme"),
        ("dead", "fetch", "http_error"), ("empty-page", "fetch", "no_article"), ("broken.xml#", "feed", "no_text")}
    assert len(server.requests("/busy.xml")) == 2 and len(server.requests("/error.xml")) == 2
    assert [a["entry_id"] for a in rows(out, "articles")] == ["ok"]
    assert manifest(out)["accounting"]["ok"]


def test_the_same_link_in_two_feeds_is_one_article_and_one_duplicate(server, profile, tmp_path, capsys):
    item = rss_item("Shared", server.url("/shared"), guid="s", content=f"<p>{LONG}</p>")
    server.routes["/one.xml"] = Reply(body=rss(item, title="One"))
    server.routes["/two.xml"] = Reply(body=rss(item, title="Two"))
    out = tmp_path / "out"
    assert main(["run", server.url("/one.xml"), server.url("/two.xml"), "--out", str(out), "--config", profile,
                 "--allow-private-addresses"]) == 0
    assert "2 inputs, 1 articles, 1 duplicates skipped" in capsys.readouterr().err
    (article,) = rows(out, "articles")
    assert article["source"] == server.url("/shared") and article["feed"] == server.url("/one.xml")


def test_refused_links_never_reach_the_network(server, profile, tmp_path, capsys):
    server.routes["/inside"] = Reply(body=page("Inside", LONG))
    feed = tmp_path / "in" / "wire"  # no suffix: sniffed from its content
    feed.parent.mkdir()
    feed.write_bytes(rss(rss_item("Private", "http://10.0.0.8/admin", guid="1", description="Teaser."),
                         rss_item("Loopback", server.url("/inside"), guid="2", description="Teaser."),
                         rss_item("Metadata", "http://169.254.169.254/latest/meta-data/", guid="3"),
                         rss_item("File", "file:///etc/passwd", guid="4", description="Teaser.")))
    assert main(["run", str(feed.parent), "--out", str(tmp_path / "out"), "--config", profile]) == 0
    assert "4 inputs, 0 articles" in capsys.readouterr().err
    reasons = sorted((r["reason"], r["stage"]) for r in rows(tmp_path / "out", "rejects"))
    assert reasons == [("refused_address", "fetch")] * 3 + [("refused_scheme", "fetch")]
    assert server.log == []
    assert "root:" not in json.dumps(rows(tmp_path / "out", "rejects"), default=str)
    refused = {r["source"]: r["feed"] for r in rows(tmp_path / "out", "rejects")}
    assert refused == {link: str(feed) for link in ("http://10.0.0.8/admin", server.url("/inside"),
                                                    "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd")}


def test_a_feed_of_20000_entries_is_capped_and_caught_up(profile, tmp_path, capsys):
    items = "".join(f"<item><title>N{i}</title><guid isPermaLink='false'>n{i}</guid><description>Note {i} on the talks."
                    "</description></item>"
                    for i in range(20_000))
    feed = tmp_path / "in" / "big.rss"
    feed.parent.mkdir()
    feed.write_bytes(rss(items))
    capped = tmp_path / "capped.yaml"
    capped.write_text(PROFILE.replace("max_entries: 1000", "max_entries: 5"))
    out = tmp_path / "out"
    for run_id in ("first", "second"):
        assert main(["run", str(feed.parent), "--out", str(out), "--config", str(capped), "--run-id", run_id]) == 0
    err = capsys.readouterr().err
    assert "run first: 6 inputs, 5 articles" in err and "run second: 6 inputs, 5 articles" in err
    assert "5 entries already seen" in err
    caps = [r for r in rows(out, "rejects") if r["reason"] == "too_many_entries"]
    assert sorted(c["detail"].split(",")[0] for c in caps) == ["19995 new entries", "20000 new entries"]
    assert sorted(a["entry_id"] for a in rows(out, "articles")) == sorted(f"n{i}" for i in range(10))


# --- issue 18: what feedparser's test corpus brought -------------------------------------------------------

def feed_file(tmp_path, data, name="wire.xml"):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder


def test_an_atom_entry_whose_id_is_no_link_is_its_own_text_not_a_refused_fetch(tmp_path, capsys):
    data = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
            b'<entry><id>tag:desk.example,2024:talks-1</id><title>One</title>'
            b'<content type="text">History of the &lt;blink&gt; tag, and talks in Vienna on water rights.</content></entry>'
            b'<entry><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><title>Two</title>'
            b"<summary>Envoys met in Oslo on Tuesday to talk about fishing quotas.</summary></entry></feed>")
    entries, _ = parse_feed(data, "desk.xml")
    assert [(e.link, e.source) for e in entries] == [("", "desk.xml#tag:desk.example,2024:talks-1"),
                                                      ("", "desk.xml#urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a")]
    assert main(["run", str(feed_file(tmp_path, data)), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "2 inputs, 2 articles, 0 duplicates skipped" in capsys.readouterr().err
    texts = {a["entry_id"]: a["text"] for a in rows(tmp_path / "out", "articles")}
    assert texts["tag:desk.example,2024:talks-1"] == "History of the <blink> tag, and talks in Vienna on water rights."


def test_plain_text_content_is_not_read_as_html():
    entry = Entry("f", "1", "", "T", None, None, None, "", "History of the &lt;blink&gt; tag")
    assert entry_document(entry, entry.summary, "feed_summary", html_extraction.extract_html).text == (
        "History of the <blink> tag")
    (parsed,), _ = parse_feed(atom('<entry><id>urn:1</id><title>T</title><content type="text">a &lt;b&gt; c\nd'
                                   "</content></entry>"), "x")
    assert html_text(parsed.content) == "a <b> c\nd"


def test_entries_repeating_an_id_are_each_an_article_or_a_counted_duplicate(tmp_path, capsys):
    items = [rss_item("Talks", "", guid="g", description=f"Envoys met in {city} to discuss water rights.")
             for city in ("Vienna", "Oslo", "Vienna")]
    assert main(["run", str(feed_file(tmp_path, rss(*items))), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "3 inputs, 2 articles, 1 duplicates skipped" in capsys.readouterr().err
    articles = rows(tmp_path / "out", "articles")
    assert sorted(a["source"].rsplit("#", 1)[1] for a in articles) == ["g", "g[2]"]
    assert {a["entry_id"] for a in articles} == {"g"}


def test_a_link_that_is_not_fetched_is_recorded_as_given():
    (entry,), _ = parse_feed(rss(rss_item("Passwd", "file:///etc/passwd", guid="p", description="x")), "x")
    assert entry.link == entry.source == "file:///etc/passwd"
    (entry,), _ = parse_feed(rss(rss_item("Odd", "HTTP:///news.example/a?x=1&y=2", guid="o")), "x")
    assert entry.link == "HTTP://news.example/a?x=1&y=2"  # fetched as browsers would read it


def test_reject_rows_of_entries_name_their_feed(tmp_path):
    data = rss(rss_item("Nothing", "", guid="empty"), rss_item("File", "file:///etc/passwd", guid="f"))
    folder = feed_file(tmp_path, data)
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    got = sorted((r["source"].rsplit("/", 1)[-1], r["reason"], r["feed"]) for r in rows(tmp_path / "out", "rejects"))
    assert got == [("passwd", "refused_scheme", str(folder / "wire.xml")), ("wire.xml#empty", "no_text", str(folder / "wire.xml"))]


def test_an_entry_dated_in_the_future_has_no_published_date():
    far = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=400)).strftime("%a, %d %b %Y 10:00:00 GMT")
    (entry,), _ = parse_feed(rss(rss_item("Later", "http://news.example/1", pub=far)), "x")
    assert entry.published is None


LEGACY_FEEDS = {  # no declaration: feedparser alone would take each for windows-1252
    "koi8_r": "Министры иностранных дел двух стран встретились во вторник в столице, чтобы обсудить торговлю.",
    "big5": "兩國外長星期二在首都會晤，討論了貿易、能源和邊境口岸問題。外交部發言人說，會談在建設性的氣氛中進行。",
    "shift_jis": "両国の外相は火曜日に首都で会談し、貿易、エネルギー、国境の通過について話し合った。次回の会合は秋に予定。",
    "cp1255": "שרי החוץ של שתי המדינות נפגשו ביום שלישי בבירה כדי לדון בסחר, באנרגיה ובמעברי הגבול.",
}


@pytest.mark.parametrize("codec", sorted(LEGACY_FEEDS))
def test_an_undeclared_legacy_feed_is_detected_not_garbled(codec):
    text = LEGACY_FEEDS[codec]
    data = f"<rss version='2.0'><channel><title>{text[:12]}</title><item><title>{text[:20]}</title>" \
           f"<guid isPermaLink='false'>1</guid><description>{text}</description></item></channel></rss>"
    (entry,), problem = parse_feed(data.encode(codec), "x")
    assert (entry.title, entry.summary, entry.site_name, problem) == (text[:20].strip(), text, text[:12].strip(), None)


def test_a_feed_charset_from_the_http_header_then_the_xml_declaration():
    data = rss(rss_item("Kłótnie w Sejmie", "http://news.example/1", description="Posłowie długo się kłócili."))
    legacy = data.replace(b"utf-8", b"windows-1250").decode().encode("cp1250")
    (entry,), _ = parse_feed(legacy, "x")
    assert entry.title == "Kłótnie w Sejmie"
    (entry,), _ = parse_feed(data.decode().encode("cp1250"), "http://news.example/rss",
                             "application/rss+xml; charset=windows-1250")
    assert entry.summary == "Posłowie długo się kłócili."


def test_requests_never_sent_are_not_paced():
    sleeps = []
    settings = FetchSettings.from_settings(load_yaml("local")["settings"]["fetch"])
    fetcher = Fetcher(settings, getaddrinfo=lambda *_, **__: (_ for _ in ()).throw(OSError("no such host")),
                      sleep=sleeps.append)
    pacer = Pacer(1.0, sleep=sleeps.append)
    pacer.sent()
    for url in ("file:///etc/passwd", "n1", "http://[broken", "http://unknown.example/a", "http://10.0.0.8/x"):
        with pytest.raises(Rejected):
            fetcher.get(url, pacer=pacer)
    assert sleeps == []


def test_a_feed_of_unfetchable_links_runs_without_waiting(tmp_path, capsys):
    """The packaged host_delay of 1 s, 300 entries whose links are never fetched: a bound against waiting 300 s."""
    links = ["", "file:///etc/passwd", "http://[broken/x", "http://10.0.0.8/private"]
    items = [f"<item><title>N{i}</title>" + (f"<link>{html.escape(links[i % 4])}</link>" if links[i % 4] else "")
             + f"<guid>n{i}</guid><description>Note {i} on the border talks.</description></item>" for i in range(300)]
    started = time.monotonic()
    assert main(["run", str(feed_file(tmp_path, rss("".join(items)))), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert time.monotonic() - started < 60
    assert "300 inputs, 150 articles, 0 duplicates skipped" in capsys.readouterr().err  # a broken link: the summary
    reasons = sorted({(r["stage"], r["reason"]) for r in rows(tmp_path / "out", "rejects")})
    assert reasons == [("fetch", "refused_address"), ("fetch", "refused_scheme")]


def test_bare_guids_of_a_feed_url_are_not_fetched(server, profile, tmp_path, capsys):
    """feedparser resolves a bare guid against the feed's URL; written as a name, it is no link all the same."""
    items = "".join(f"<item><guid>n{i}</guid><description>Note {i} on the border talks.</description></item>"
                    for i in range(3))
    server.routes["/feed.xml"] = Reply(body=rss(items))
    assert main(["run", server.url("/feed.xml"), "--out", str(tmp_path / "out"), "--config", profile,
                 "--allow-private-addresses", "--quiet"]) == 0
    assert "3 inputs, 3 articles" in capsys.readouterr().err
    assert [p for p, _ in server.log] == ["/feed.xml"]
    assert {a["text_source"] for a in rows(tmp_path / "out", "articles")} == {"feed_summary"}
