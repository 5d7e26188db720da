"""HTML pages: body without furniture or a repeated title, metadata from the page, no date invented, never an
exception."""
import pytest
import trafilatura
from hypothesis import given, settings, strategies as st

from transforms import html
from transforms.html import extract_html, without_title

BODY = " ".join(["The foreign ministers met in Vienna on Tuesday and discussed the nuclear programme."] * 4)
PAGE = f"""<html><head><title>Ministers meet | Daily Planet</title>
<meta property="og:title" content="Ministers meet in Vienna">
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2021-04-06T10:00:00Z">
<link rel="canonical" href="https://planet.example/ministers-meet">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet in Vienna</h1><p>{BODY}</p><p>{BODY}</p></article>
<footer>Copyright Daily Planet. All rights reserved.</footer></body></html>"""
FIELDS = {"title": "title", "author": "author", "site_name": "sitename", "url": "url"}


def test_body_and_metadata():
    page = extract_html(PAGE)
    assert BODY in page["text"] and "All rights reserved" not in page["text"] and "Home" not in page["text"]
    assert page["title"] == "Ministers meet in Vienna"
    assert (page["author"], page["site_name"]) == ("Lois Lane", "Daily Planet")
    assert page["url"] == "https://planet.example/ministers-meet"
    assert page["published_date"] == "2021-04-06"


def test_the_headline_is_the_title_not_the_first_line_of_the_body():
    page = extract_html(PAGE)
    assert page["text"].startswith("The foreign ministers met") and "Ministers meet in Vienna" not in page["text"]


@pytest.mark.parametrize("page", [PAGE, PAGE.replace('<meta name="author" content="Lois Lane">', ""),
                                  PAGE.replace("<head>", '<head><script type="application/ld+json">{"@type": '
                                               '"NewsArticle", "author": {"name": "Clark Kent"}}</script>')])
def test_metadata_is_trafilaturas(page):
    ours, theirs = extract_html(page), trafilatura.extract_metadata(page, date_config=html.DATE_PARAMS)
    assert {field: ours[field] for field in FIELDS} == {field: getattr(theirs, a) for field, a in FIELDS.items()}
    assert ours["published_date"] == theirs.date[:10]


@pytest.mark.parametrize("text, title, expected", [
    ("Ministers meet in Vienna\nThey met.", "Ministers meet in Vienna", "They met."),
    ("MINISTERS MEET — in Vienna!\n\nThey met.", "Ministers meet in Vienna", "They met."),
    ("Ministers meet in Vienna today\nThey met.", "Ministers meet in Vienna", None),
    ("Ministers meet in Vienna", "Ministers meet in Vienna", None),
    ("Ministers meet in Vienna\nThey met.", None, None),
    ("—\nThey met.", "", None),
])
def test_without_title_drops_only_a_first_line_with_the_titles_words(text, title, expected):
    assert without_title(text, title) == (text if expected is None else expected)


@pytest.mark.parametrize("precise, fuller, expected", [
    ("p" * 1000, "r" * 5000, "p" * 1000),  # long enough: recall is not tried
    ("p" * 300, "r" * 601, "r" * 601),  # short, and recall finds over twice as much
    ("p" * 300, "r" * 600, "p" * 300),
    ("", "r" * 10, "r" * 10),
])
def test_a_short_precise_body_gives_way_to_a_much_longer_recall_one(monkeypatch, precise, fuller, expected):
    calls = []

    def fake_extract(tree, url, options):
        calls.append(options)
        return precise if options is html.PRECISION else fuller

    monkeypatch.setattr(html, "_extract", fake_extract)
    assert html.body_text(None) == expected
    assert calls[0] is html.PRECISION and len(calls) == (1 if len(precise) >= html.SHORT else 2)


def test_no_date_in_the_page_means_no_published_date():
    page = extract_html(f"<html><body><article><p>{BODY}</p></article></body></html>", url="https://x.example/a")
    assert page["published_date"] is None
    assert page["url"] == "https://x.example/a"


@pytest.mark.parametrize("junk", ["", "\x00\x01\x02" * 100, "<div>" * 5000, "<html><body></body></html>"])
def test_junk_gives_no_text_and_no_exception(junk):
    assert extract_html(junk)["text"] == ""


TAGS = st.sampled_from(["<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<h1>", "<div>", "</div>",
                        "<title>", "</title>", "<meta property='og:title' content='x'>", "<!--", "-->", "<script>",
                        '<script type="application/ld+json">{"author": ', "<a href='/'>", "</a>", "<br>", "&amp;",
                        "&#0;", "<![CDATA[", "\x00", "\ufeff", BODY])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(TAGS, st.text(max_size=40)), max_size=30))
def test_any_string_gives_the_contracts_keys_and_never_raises(parts):
    page = extract_html("".join(parts))
    assert set(page) == {"text", "title", "author", "site_name", "url", "published_date"}
    assert isinstance(page["text"], str)
