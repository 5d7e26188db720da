"""Hostile and broken input through the whole pipeline: every input ends as an article, a duplicate or a reject
with its stage and reason, never a traceback or a hang; caps come from configs/. Property tests of reading,
cleaning and extraction: no exception on any bytes or string, valid offsets, deterministic output.

`build_corpus` is also what benchmarks/hostile_table.py measures.
"""
import contextlib
import datetime
import gzip
import json
import os
import random
import zlib
from dataclasses import dataclass
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline import cli
from pipeline.config import load_yaml
from pipeline.dataset import read_dataset
from transforms import html
from transforms.clean import Cleaner
from transforms.extract import Extractor
from transforms.read import Limits, Rejected, check_text, decode, read_document

SECRET = "TOP-SECRET-MARKER"
CITIES = ["Vienna", "Oslo", "Bern", "Lisbon", "Warsaw", "Ankara", "Doha", "Hanoi", "Lima", "Accra", "Quito", "Riga"]


def article(i, lines=3):
    """A short article unlike every other one of the corpus (shared lines would be learnt as furniture)."""
    city = CITIES[i % len(CITIES)]
    body = "\n".join(f"Delegates of round {i} met in {city} on day {k + 1} to discuss water rights, clause {i * 7 + k}."
                     for k in range(lines))
    return f"date 2021-03-{i % 28 + 1:02d}\nTalks in {city}, round {i}\n\n{body}\n"


def gzip_bomb(expanded_mib):
    """A gzip file of repeated members of 16 MiB of zeros each: about 16 KiB per member."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    member = c.compress(bytes(16 << 20)) + c.flush()
    return member * max(1, expanded_mib // 16)


def nested_html(depth, text):
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (f"<html><head><title>Deep</title></head><body>{'<div>' * depth}{paragraphs}{'</div>' * depth}"
            "</body></html>").encode()


def navigation_page():
    links = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(60))
    return (f"<html><head><title>Sections</title></head><body><header><nav><ul>{links}</ul></nav></header>"
            "<footer><a href='/about'>About us</a> <a href='/privacy'>Privacy</a></footer></body></html>").encode()


def rss(items, doctype=""):
    return (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>").encode()


def billion_laughs():
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return rss("<item><title>Laughs &l9;</title><guid>laughs-1</guid><description>Envoys met in Vienna on the "
               "dam dispute. &l9;</description></item>", f'<!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>')


def external_entity(secret_path):
    return rss("<item><title>Leak &xxe;</title><guid>xxe-1</guid><description>Envoys talked in Oslo about fishing "
               "quotas. &xxe;</description></item>", f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret_path}">]>')


def big_feed(entries, permalink="false", what="Note"):
    """A feed of `entries` items with only a title, a guid and a one-line description; a guid is a permalink by
    default in RSS, so with `permalink` "true" feedparser takes each bare guid for the item's link."""
    return rss("".join(f"<item><title>{what} {i}</title><guid isPermaLink='{permalink}'>n{i}</guid><description>{what} "
                       f"{i} on the border talks, session {i}.</description></item>" for i in range(entries)))


def legacy_page():
    """An article page in Shift_JIS, declared in a meta element."""
    text = "両国の外相は火曜日に首都で会談し、貿易とエネルギーについて話し合った。次回の会合は秋に予定されている。"
    return (f'<html><head><meta charset="Shift_JIS"><title>会談</title></head><body><article><p>{text}</p>'
            f"<p>{text}</p></article></body></html>").encode("shift_jis")


def page_with_nuls(i):
    """An article page with two NUL bytes in it, as saved pages sometimes have."""
    paragraphs = "".join(f"<p>{line}</p>" for line in article(i).splitlines()[1:] if line.strip())
    return f"<html><head><title>Talks</title></head><body><article>{paragraphs}</article></body></html>".encode(
        ).replace(b"<article>", b"<article>\0").replace(b"</article>", b"\0</article>")


@dataclass
class Case:
    """One hostile input: its file name, what it is (for the table), its bytes, what Parley must do with it:
    'article', or the (stage, reason) of its reject row. A feed's entries are checked by `check_feeds`."""
    name: str
    what: str
    data: bytes
    expect: object


def build_corpus(folder):
    """Write the hostile corpus into `folder`; its Cases. The file that vanishes is `vanish.txt` (see `vanishing`)."""
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder.parent / "secret.txt"
    secret.write_text(SECRET)
    line = article(9).replace("\n", " ")
    cases = [
        Case("empty.txt", "empty file", b"", ("read", "empty")),
        Case("binary.txt", "binary data named .txt", b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(20000),
             ("read", "binary")),
        Case("truncated.txt.gz", "truncated gzip", gzip.compress(article(1).encode() * 50)[:-40], ("read", "bad_gzip")),
        Case("bomb.txt.gz", "gzip bomb (1 MiB expanding to 1 GiB)", gzip_bomb(1024), ("read", "too_large")),
        Case("invalid-utf8.txt", "invalid UTF-8", article(2).encode() + b"Caf\xe9 \xff\xfe and \xc3\x28 trailing.\n",
             "article"),
        Case("mixed.txt", "mixed encodings (UTF-8 and latin-1 lines)",
             article(3).encode() + "Zürich, 5 mai.\n".encode() + "Genève, Müller.\n".encode("latin-1"), "article"),
        Case("utf16.txt", "UTF-16 without BOM", article(4).encode("utf-16-le"), "article"),
        Case("utf16-cyrillic.txt", "UTF-16 (big-endian) without BOM, Cyrillic",
             ("Переговоры в Вене\n\n" + "Делегации встретились в Вене, чтобы обсудить квоты. " * 5).encode("utf-16-be"),
             "article"),
        Case("big.txt", "50 MB text file", (article(5) * (50_000_000 // len(article(5)) + 1)).encode()[:50_000_000],
             ("read", "too_large")),
        Case("long-line.txt", "a single 5 MB line", (line * (5_000_000 // len(line) + 1)).encode()[:5_000_000],
             ("read", "line_too_long")),
        Case("long-text.txt", "2 MB of text in short lines", (article(6) * (2_000_000 // len(article(6)))).encode(),
             ("read", "too_long")),
        Case("deep.html", "HTML nested 10,000 levels deep", nested_html(10_000, article(7)), ("read", "too_deep")),
        Case("no-body.html", "HTML with no body", b"<html><head><title>Nothing</title></head></html>",
             ("read", "no_article")),
        Case("navigation.html", "HTML that is all navigation", navigation_page(), ("read", "no_article")),
        Case("vanish.txt", "file that disappears between listing and reading", article(8).encode(),
             ("read", "unreadable")),
        Case("with space.txt", "name with spaces", article(10).encode(), "article"),
        Case("quote's \"double\".txt", "name with quotes", article(11).encode(), "article"),
        Case("naïve Москва 東京.txt", "name with non-ASCII characters", article(12).encode(), "article"),
        Case("brackets [1] *?.txt", "name with glob characters", article(13).encode(), "article"),
        Case("with space.txt.gz", "the same article again, gzipped", gzip.compress(article(10).encode()), "duplicate"),
        Case("laughs.xml", "XML billion-laughs feed", billion_laughs(), ("feed", "malformed_feed")),
        Case("xxe.xml", "feed with an external entity naming a local file", external_entity(secret), None),
        Case("big.rss", "feed with 20,000 entries", big_feed(20_000), ("feed", "too_many_entries")),
        Case("guids.rss", "feed with 20,000 entries that carry only a bare guid (no link) and a one-line description",
             big_feed(20_000, permalink="true", what="Memo"), ("feed", "too_many_entries")),
        Case("pipe.txt", "named pipe (FIFO): opening it would wait for a writer forever", None, ("read", "not_a_file")),
        Case("nul.html", "HTML page with two NUL bytes", page_with_nuls(15), "article"),
        Case("shift-jis.html", "HTML page in Shift_JIS (meta charset)", legacy_page(), "article"),
    ]
    for case in cases:
        write_case(folder, case)
    return cases


def write_case(folder, case):
    """The file of `case` in `folder`; a Case without data is a named pipe."""
    if case.data is None:
        os.mkfifo(folder / case.name)
    else:
        (folder / case.name).write_bytes(case.data)


@contextlib.contextmanager
def vanishing(path):
    """`path` disappears after discovery listed it, before the pipeline reads it."""
    real = cli.discover

    def discover_then_delete(*args, **kwargs):
        found = real(*args, **kwargs)
        os.remove(path)
        return found

    with mock.patch.object(cli, "discover", discover_then_delete):
        yield


def rows(out, dataset):
    return read_dataset(str(out), dataset).to_pylist()


def outcomes(out, path):
    """What became of the input at `path`: its reject rows' (stage, reason), 'article', or else 'duplicate' (the
    manifest's accounting tells a duplicate from a lost input)."""
    found = [(r["stage"], r["reason"]) for r in rows(out, "rejects") if r["source"] == path]
    found += ["article" for a in rows(out, "articles") if a["source"] == path]
    return found or ["duplicate"]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """The whole corpus in one run with the packaged settings: (cases, folder, out, exit code, stderr)."""
    root = tmp_path_factory.mktemp("hostile")
    folder, out = root / "in", root / "out"
    cases = build_corpus(folder)
    err = root / "stderr"
    with open(err, "w") as f, contextlib.redirect_stderr(f), vanishing(folder / "vanish.txt"):
        code = cli.main(["run", str(folder), "--out", str(out), "--run-id", "hostile"])
    return cases, folder, out, code, err.read_text()


def test_the_run_succeeds_with_one_line_and_no_traceback(hostile_run):
    *_, code, err = hostile_run
    assert code == 0, err
    assert "Traceback" not in err and err.count("\n") == 1 and "run hostile:" in err


def test_every_file_ends_as_its_expected_outcome(hostile_run):
    cases, folder, out, *_ = hostile_run
    got = {c.name: outcomes(out, str(folder / c.name)) for c in cases if not c.name.endswith((".xml", ".rss"))}
    expected = {c.name: [c.expect] for c in cases if not c.name.endswith((".xml", ".rss"))}
    assert got == expected


def test_feeds_are_capped_and_never_expand_or_read_entities(hostile_run):
    cases, folder, out, *_ = hostile_run
    for case in cases:
        if case.name.endswith((".xml", ".rss")):
            source = str(folder / case.name)
            feed_rejects = [(r["stage"], r["reason"]) for r in rows(out, "rejects") if r["source"] == source]
            assert feed_rejects == ([case.expect] if case.expect else []), case.name
    entries = [a for a in rows(out, "articles") if a["feed"]]
    cap = load_yaml("local")["settings"]["feeds"]["max_entries"]
    assert sum(a["feed"].endswith("big.rss") for a in entries) == sum(a["feed"].endswith("guids.rss") for a in entries) == cap
    laughs = [a for a in entries if a["feed"].endswith("laughs.xml")]
    leak = [a for a in entries if a["feed"].endswith("xxe.xml")]
    assert len(laughs) == 1 and "lollol" not in json.dumps(laughs, default=str)
    assert len(leak) == 1 and "Oslo" in leak[0]["text"]
    assert SECRET not in json.dumps(rows(out, "articles") + rows(out, "rejects"), default=str)


def test_the_manifest_accounts_for_every_input(hostile_run):
    cases, _, out, *_ = hostile_run
    manifest = json.loads((out / "_runs" / "hostile.json").read_text())
    counts, accounting = manifest["counts"], manifest["accounting"]
    assert accounting["ok"] and accounting["inputs"] == accounting["accounted"]
    assert accounting["inputs"] == counts["articles"] + counts["duplicates"] + counts["rejects"]
    assert counts["duplicates"] == sum(c.expect == "duplicate" for c in cases)
    files = sum(not c.name.endswith((".xml", ".rss")) for c in cases)
    assert manifest["inputs"]["files"] == files


def test_text_decoding_keeps_each_line_in_its_own_encoding(hostile_run):
    _, folder, out, *_ = hostile_run
    texts = {a["source"]: a["text"] for a in rows(out, "articles")}
    assert texts[str(folder / "mixed.txt")].endswith("Zürich, 5 mai.\nGenève, Müller.")
    assert "Caf\xe9 \xff\xfe and \ufffd( trailing." not in texts[str(folder / "invalid-utf8.txt")]
    assert "Делегации встретились в Вене" in texts[str(folder / "utf16-cyrillic.txt")]
    assert "round 4" in texts[str(folder / "utf16.txt")]
    assert "両国の外相は火曜日に首都で会談し" in texts[str(folder / "shift-jis.html")]
    assert "Delegates of round 15 met in Lisbon" in texts[str(folder / "nul.html")]


def test_a_file_without_read_permission_is_unreadable(tmp_path, capsys):
    if os.geteuid() == 0:
        pytest.skip("running as root, which reads files whatever their permissions; the unreadable reject is "
                    "covered by the vanishing file in the hostile run")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(article(1))
    (folder / "locked.txt").write_text(article(2))
    (folder / "locked.txt").chmod(0)
    assert cli.main(["run", str(folder), "--out", str(tmp_path / "out")]) == 0
    assert outcomes(tmp_path / "out", str(folder / "locked.txt")) == [("read", "unreadable")]
    assert "1 articles" in capsys.readouterr().err


def test_an_input_lost_inside_the_pipeline_fails_the_run(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(article(i))
    real = cli.graph.ProcessDocuments.expand
    monkeypatch.setattr(cli.graph.ProcessDocuments, "expand",
                        lambda self, sources: real(self, sources | "LoseOne" >> cli.beam.Filter(
                            lambda s: not s.path.endswith("a1.txt"))))
    assert cli.main(["run", str(folder), "--out", str(tmp_path / "out"), "--run-id", "lossy"]) == cli.EXIT_FAILED
    assert "accounting does not hold: 3 inputs but 2 outcomes" in capsys.readouterr().err
    manifest = json.loads((tmp_path / "out" / "_runs" / "lossy.json").read_text())
    assert manifest["accounting"] == {"inputs": 3, "accounted": 2, "ok": False}


# Caps and decoding, function by function.

def test_caps_come_from_the_packaged_profile():
    limits = Limits.from_settings(load_yaml("local")["settings"])
    assert limits == Limits(10 * 2**20, 1_000_000, 100_000, 200)
    assert Limits.from_settings({"max_input_bytes": 5, "max_text_chars": None}) == Limits(5)
    assert Limits.of(7) == Limits(7) and Limits.of(limits) is limits


@pytest.mark.parametrize("text,reason", [("a" * 11, "line_too_long"), ("aaaa\n" * 5, "too_long"), ("ab\n" * 3, None)])
def test_text_caps_name_their_setting(text, reason):
    limits = Limits(100, max_chars=20, max_line_chars=10)
    if reason is None:
        check_text(text, limits)
        return
    with pytest.raises(Rejected) as e:
        check_text(text, limits)
    setting = "max_line_chars" if reason == "line_too_long" else "max_text_chars"
    assert e.value.reason == reason and setting in e.value.detail


@pytest.mark.parametrize("depth,rejected", [(10, False), (196, False), (198, True), (300, True), (10_000, True)])
def test_html_depth_cap(depth, rejected):
    limits = Limits(1 << 20, max_html_depth=200)
    data = nested_html(depth, article(1))
    if not rejected:
        assert "round 1" in read_document("/in/a.html", data, limits, html.extract_html).text
        return
    with pytest.raises(Rejected) as e:
        read_document("/in/a.html", data, limits, html.extract_html)
    assert e.value.reason == "too_deep"
    assert e.value.detail == "elements nested more than 200 levels deep (max_html_depth)"


def test_navigation_share():
    page = html.parse(navigation_page().decode())
    labels = html.link_labels(page)
    assert html.link_text_share(labels, html.extract_html(page)["text"] or "Section 1\nSection 2") == 1.0
    story = html.parse("<html><body><p>Envoys met in Vienna.</p><p>Read <a href='/x'>more</a> on it.</p></body></html>")
    assert html.link_text_share(html.link_labels(story), "Envoys met in Vienna.\nRead more on it.") == 0.0
    assert html.link_text_share(html.link_labels(html.parse("")), "text") == 0.0


def test_utf16_without_bom_in_other_scripts_and_binary_with_nuls():
    text = "Встреча в Москве, 5 марта, прошла спокойно."
    assert decode(text.encode("utf-16-le")) == text and decode(text.encode("utf-16-be")) == text
    with pytest.raises(Rejected):
        decode(bytes([0, 1, 0, 2, 0, 3, 0, 200] * 100))


def test_a_stray_byte_in_a_utf8_line_keeps_the_line_utf8():
    assert decode("Zürich café Genève".encode() + b"\xff") == "Zürich café Genève\ufffd"
    assert decode("Genève\n".encode() + "Genève".encode("latin-1")) == "Genève\nGenève"


# Properties: any bytes, any string.

NAMES = st.sampled_from(["/in/a.txt", "/in/a.html", "/in/a.txt.gz", "/in/a.htm.gz", "/in/a.pdf"])
BYTES = st.one_of(st.binary(max_size=3000), st.text(max_size=1500).map(lambda t: t.encode("utf-8")),
                  st.text(max_size=500).map(lambda t: t.encode("utf-16-le")),
                  st.binary(max_size=2000).map(gzip.compress),
                  st.text(max_size=800).map(lambda t: f"<html><body><div><p>{t}</p></div></body></html>".encode()))
SMALL = Limits(4000, max_chars=1500, max_line_chars=400, max_html_depth=50)
CLEANER = Cleaner.from_config(load_yaml("boilerplate"))
EXTRACTOR = Extractor.from_config(load_yaml)


def read_outcome(name, data):
    try:
        doc = read_document(name, data, SMALL, html.extract_html)
    except Rejected as r:
        return ("rejected", r.reason, r.detail)
    return ("document", doc.kind, doc.text, doc.published_date, doc.title)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NAMES, BYTES)
def test_reading_any_bytes_is_a_document_or_a_reject_and_deterministic(name, data):
    first = read_outcome(name, data)
    assert first == read_outcome(name, data)
    if first[0] == "document":
        assert first[2].strip() and len(first[2]) <= SMALL.max_chars
        assert max(map(len, first[2].splitlines())) <= SMALL.max_line_chars
    else:
        assert first[1] in {"unsupported_type", "too_large", "bad_gzip", "empty", "binary", "undecodable",
                            "no_article", "too_long", "line_too_long", "too_deep"}


TEXTS = st.lists(st.one_of(st.text(max_size=60), st.sampled_from(
    ["Advertisement", "Share this article", "Photo: Reuters", "Donate now to support our journalism.", "",
     "A Message from the Editor:", "The president met the prime minister in Geneva.", "\r", "\u2028", " \t "])),
    max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_cleaning_any_text_keeps_and_removes_whole_lines_deterministically(text):
    result = CLEANER.clean(text)
    again = CLEANER.clean(text)
    assert (result.text, result.removed) == (again.text, again.removed)
    lines = {line.strip() for line in text.splitlines()}
    assert all(line.strip() in lines for line in result.text.splitlines())
    assert all(r["text"] in lines for r in result.removed)
    CLEANER.split_title(result.text)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.one_of(st.none(), st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31))))
def test_extraction_of_any_text_is_deterministic_with_valid_offsets(text, published):
    found = EXTRACTOR.extract(text, published)
    assert found == EXTRACTOR.extract(text, published)
    for m in found:
        assert 0 <= m["evidence_start"] < m["evidence_end"] <= len(text)
        assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
