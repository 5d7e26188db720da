"""Reading: kinds, gzip, encodings, the date header, ids."""
import codecs
import datetime
import gzip

import pytest

from transforms.read import Rejected, article_id, decode, gunzip, kind_of, read_document, split_date_header

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
