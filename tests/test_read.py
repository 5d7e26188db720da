"""Reading: kinds, gzip, encodings (declared, detected), binary data, the date header, article URLs and ids."""
import codecs
import datetime
import gzip
import subprocess
import sys

import pytest

from pipeline.cli import main
from pipeline.dataset import read_dataset
from tests.conftest import ROOT
from transforms import html as html_extraction
from transforms.read import (Rejected, article_id, decode, gunzip, kind_of, names_article, plausible, read_document,
                             split_date_header)

MB = 1 << 20


def no_html(_):
    raise AssertionError("HTML extraction not expected")


@pytest.mark.parametrize("name,kind", [
    ("a.txt", "text"), ("A.TXT", "text"), ("a.txt.gz", "text"), ("a.html", "html"), ("a.htm.gz", "html"),
    ("a.pdf", None), ("a.gz", None), ("noext", None)])
def test_kind_of(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize("data,codec", [
    ("Встреча в Москве".encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + "Встреча".encode("utf-8"), "utf-8-sig"),
    ("Встреча в Москве".encode("utf-16"), "utf-16"),
    ("Встреча в Москве прошла".encode("cp1251"), "cp1251"),
    ("Café au lait à Genève".encode("latin-1"), "latin-1"),
])
def test_decode_encodings(data, codec):
    assert decode(data) == data.decode(codec)


def test_decode_utf16_without_bom():
    assert decode("Talks in Geneva".encode("utf-16-le")) == "Talks in Geneva"
    assert decode("Talks in Geneva".encode("utf-16-be")) == "Talks in Geneva"


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00\xff" * 20, bytes(range(32)) * 50])
def test_decode_rejects_binary(data):
    with pytest.raises(Rejected) as e:
        decode(data)
    assert e.value.reason == "binary"


def test_decode_rejects_broken_bom_text():
    with pytest.raises(Rejected) as e:
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa")
    assert e.value.reason == "undecodable"


def test_date_header_on_its_own_line():
    day, rest = split_date_header("date 2019-06-28\nPutin met Trump.")
    assert day == datetime.date(2019, 6, 28) and rest == "Putin met Trump."


def test_date_header_followed_by_text_on_the_same_line():
    day, rest = split_date_header(" date 2019-06-28 The meeting was held on Friday.\n\nMore.")
    assert day == datetime.date(2019, 6, 28)
    assert rest == "The meeting was held on Friday.\n\nMore."


@pytest.mark.parametrize("text", ["date 2019-13-45 text", "dated 2019-06-28 text", "The date 2019-06-28", "date: soon"])
def test_no_date_header(text):
    assert split_date_header(text) == (None, text)


def test_gunzip_round_trip_and_bomb():
    assert gunzip(gzip.compress(b"hello"), MB) == b"hello"
    with pytest.raises(Rejected) as e:
        gunzip(gzip.compress(b"\0" * (2 * MB)), MB)
    assert e.value.reason == "too_large"


def test_gunzip_truncated_and_garbage():
    for data in (gzip.compress(b"hello world" * 100)[:-12], b"not gzip at all"):
        with pytest.raises(Rejected) as e:
            gunzip(data, MB)
        assert e.value.reason == "bad_gzip"


def test_read_text_document_with_header():
    doc = read_document("/in/a.txt", b"date 2020-01-02\nTitle\n\nBody text.", MB, no_html)
    assert doc.kind == "text" and doc.published_date == datetime.date(2020, 1, 2)
    assert doc.text == "Title\n\nBody text."


def test_read_gzipped_text():
    doc = read_document("/in/a.txt.gz", gzip.compress("Body text.".encode("utf-8")), MB, no_html)
    assert doc.text == "Body text."


def test_read_html_uses_extractor():
    page = {"text": "Body", "title": "T", "author": "A", "site_name": "S", "url": "https://x/1",
            "published_date": "2021-03-04"}
    doc = read_document("/in/p.html", b"<html><body><p>Body</p></body></html>", MB, lambda html: page)
    assert (doc.kind, doc.title, doc.url, doc.published_date) == ("html", "T", "https://x/1", datetime.date(2021, 3, 4))


def test_read_html_without_body_is_rejected():
    with pytest.raises(Rejected) as e:
        read_document("/in/p.html", b"<html></html>", MB, lambda html: {"text": None})
    assert e.value.reason == "no_article"


@pytest.mark.parametrize("path,data,reason", [
    ("/in/a.pdf", b"%PDF", "unsupported_type"),
    ("/in/a.txt", b"   \n ", "empty"),
    ("/in/a.txt", b"date 2020-01-02\n", "empty"),
    ("/in/a.txt", b"x" * (MB + 1), "too_large"),
])
def test_read_rejects(path, data, reason):
    with pytest.raises(Rejected) as e:
        read_document(path, data, MB, no_html)
    assert e.value.reason == reason


def test_article_id_is_stable_and_content_based():
    assert article_id(None, "Putin  met\nTrump.") == article_id(None, "putin met trump.")
    assert article_id(None, "a b") != article_id(None, "a c")
    assert article_id("https://x/1", "a") == article_id("https://x/1", "b")
    assert len(article_id(None, "x")) == 32


# --- issue 18: what other projects' corpora brought ----------------------------------------------------------

POLISH = "Posłowie długo się kłócili. Kłótnie w Sejmie trwały do późnej nocy, a marszałek zamknął obrady o świcie."
TEXTS = {  # legacy encodings pages and plain-text files still come in
    "Shift_JIS": "両国の外相は火曜日に首都で会談し、貿易、エネルギー、国境の通過について話し合った。次回の会合は秋に予定されている。",
    "EUC-JP": "両国の外相は火曜日に首都で会談し、貿易、エネルギー、国境の通過について話し合った。次回の会合は秋に予定されている。",
    "EUC-KR": "양국 외교장관은 화요일 수도에서 만나 무역과 에너지, 국경 통과 문제를 논의했다. 다음 회의는 가을로 예정돼 있다.",
    "GBK": "两国外长星期二在首都会晤，讨论了贸易、能源和边境口岸问题。外交部发言人说，会谈在建设性的气氛中进行。",
    "KOI8-R": "Министры иностранных дел двух стран встретились во вторник в столице, чтобы обсудить торговлю и энергетику.",
    "windows-1250": POLISH,
}


def legacy_page(text, declaration):
    return (f"<html><head>{declaration}<title>Talks</title></head><body><article><p>{text}</p><p>{text}</p>"
            "</article></body></html>")


@pytest.mark.parametrize("charset", sorted(TEXTS))
@pytest.mark.parametrize("form", ['<meta charset="{}">', '<meta http-equiv="Content-Type" content="text/html; charset={}">'])
def test_a_declared_charset_is_honoured(charset, form):
    page = legacy_page(TEXTS[charset], form.format(charset)).encode(charset)
    doc = read_document("/in/p.html", page, MB, html_extraction.extract_html)
    assert TEXTS[charset] in doc.text


@pytest.mark.parametrize("charset", sorted(TEXTS))
def test_a_legacy_text_file_without_bom_is_detected(charset):
    doc = read_document("/in/a.txt", f"Talks\n\n{TEXTS[charset]}\n".encode(charset), MB, no_html)
    assert doc.text == f"Talks\n\n{TEXTS[charset]}\n"


def test_the_http_header_wins_over_the_meta_declaration_and_the_bom_over_both():
    page = legacy_page(POLISH, '<meta charset="iso-8859-5">').encode("windows-1250")
    assert "kłócili" in decode(page, "text/html; charset=windows-1250", markup=True)
    assert "kłócili" not in decode(page, None, markup=True)  # the meta's (wrong) charset when nothing else says
    assert decode(codecs.BOM_UTF8 + "kłótnie".encode(), "text/html; charset=windows-1250", markup=True) == "kłótnie"


def test_valid_utf8_wins_over_a_stale_legacy_declaration():
    page = legacy_page("Grüße aus Zürich, año nuevo.", '<meta charset="iso-8859-1">').encode("utf-8")
    assert "Grüße aus Zürich, año nuevo." in decode(page, markup=True)
    assert decode("plain ASCII".encode(), "text/plain; charset=koi8-r") == "plain ASCII"


def test_lines_of_stray_bytes_keep_their_lines_whatever_codec_is_detected_for_them():
    # (found by the hypothesis test: a codec detected for these lines, UTF-16, had no newline between them)
    assert decode(b" \x80\n\x80").count("\n") == 1
    assert decode("Grüße\n".encode() + "Grüße aus Zürich\n".encode("latin-1")).splitlines()[0] == "Grüße"


def test_iso_2022_jp_is_detected_not_taken_for_control_characters():
    assert decode(f"{TEXTS['EUC-JP']}\n".encode("iso2022_jp")) == f"{TEXTS['EUC-JP']}\n"


def test_a_few_nul_bytes_are_dropped_many_are_binary():
    page = legacy_page("Envoys met in the capital on Tuesday to discuss trade and energy.", "")
    data = page.encode().replace(b"<article>", b"<article>\0\0") + b"<!--" + b"x" * 5000 + b"-->"
    doc = read_document("/in/p.html", data, MB, html_extraction.extract_html)
    assert "Envoys met in the capital" in doc.text and "\0" not in doc.text
    text = "Talks resumed in Vienna on Tuesday. " * 4
    assert decode(text.encode().replace(b"Vienna", b"Vien\0na", 1)) == text
    with pytest.raises(Rejected) as e:
        read_document("/in/p.html", page.encode().replace(b" ", b"\0"), MB, html_extraction.extract_html)
    assert e.value.reason == "binary"


def article_page(body, head=""):
    return (f"<html><head>{head}<title>Talks</title></head><body><article><p>{body}</p><p>{body}</p></article>"
            "</body></html>").encode()


@pytest.mark.parametrize("url,names", [
    ("https://news.example.org/", False), ("https://news.example.org", False), ("https://a.example/index.html", False),
    ("https://a.example/de/home", False), ("https://a.example/2024/03/talks-resume.html", True),
    ("https://a.example/?p=42", True), ("https://a.example/index.php?id=7", True), ("/relative/story", False),
    ("tag:a.example,2024:1", False), (None, False)])
def test_names_article(url, names):
    assert names_article(url) is names


@pytest.mark.parametrize("head", ["<base href='https://news.example.org/'>",
                                  "<base href='https://news.example.org/de/'>",
                                  "<link rel='canonical' href='https://news.example.org/'>"])
def test_a_base_href_or_a_site_root_is_not_the_article_url(head):
    doc = read_document("/in/p.html", article_page("Envoys met in the capital on Tuesday to talk trade.", head), MB,
                        html_extraction.extract_html)
    assert doc.url is None


@pytest.mark.parametrize("head", [
    "<base href='https://news.example.org/'><link rel='canonical' href='https://news.example.org/2024/03/talks.html'>",
    "<base href='https://news.example.org/2024/03/talks.html'>"])  # some CMSs give each page's own address
def test_an_article_url_in_a_canonical_link_or_a_base_href_is_kept(head):
    doc = read_document("/in/p.html", article_page("Envoys met on Tuesday.", head), MB, html_extraction.extract_html)
    assert doc.url == "https://news.example.org/2024/03/talks.html"


def test_pages_of_a_site_that_sets_base_href_are_articles_not_duplicates(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, city in enumerate(["Vienna", "Oslo", "Lima"]):
        head = "<base href='https://news.example.org/'>" if i < 2 else "<link rel='canonical' href='https://news.example.org/'>"
        (folder / f"p{i}.html").write_bytes(article_page(f"Envoys met in {city} on Tuesday to discuss water rights.", head))
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "3 inputs, 3 articles, 0 duplicates skipped" in capsys.readouterr().err
    assert {a["url"] for a in read_dataset(str(tmp_path / "out"), "articles").to_pylist()} == {None}


def test_a_published_date_in_the_future_is_not_kept():
    today = datetime.date(2024, 3, 5)
    assert plausible(datetime.date(2024, 3, 6), today) == datetime.date(2024, 3, 6)  # a time zone ahead
    assert plausible(datetime.date(2029, 12, 14), today) is None and plausible(None, today) is None
    later = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    doc = read_document("/in/p.html", article_page("Envoys met on Tuesday.", f'<meta name="date" content="{later}">'),
                        MB, html_extraction.extract_html)
    assert doc.published_date is None


def test_an_unknown_time_zone_name_keeps_the_date_and_warns_nobody(tmp_path):
    page = article_page("Envoys met in Oslo on Tuesday to discuss fishing quotas and the border.",
                        '<meta name="date" content="2024-03-05 10:00:00 EST">')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_bytes(page)
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                           "--quiet"], capture_output=True, text=True, cwd=ROOT, check=False)  # as a user sees it
    assert done.returncode == 0 and done.stderr.count("\n") == 1 and "Warning" not in done.stderr, done.stderr
    (article,) = read_dataset(str(tmp_path / "out"), "articles").to_pylist()
    assert article["published_date"] == datetime.date(2024, 3, 5)
