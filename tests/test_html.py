"""HTML pages: body without furniture, metadata from the page, no date invented, never an exception."""
import pytest

from transforms.html import extract_html

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


def test_body_and_metadata():
    page = extract_html(PAGE)
    assert BODY in page["text"] and "All rights reserved" not in page["text"] and "Home" not in page["text"]
    assert page["title"] == "Ministers meet in Vienna"
    assert (page["author"], page["site_name"]) == ("Lois Lane", "Daily Planet")
    assert page["url"] == "https://planet.example/ministers-meet"
    assert page["published_date"] == "2021-04-06"


def test_no_date_in_the_page_means_no_published_date():
    page = extract_html(f"<html><body><article><p>{BODY}</p></article></body></html>", url="https://x.example/a")
    assert page["published_date"] is None
    assert page["url"] == "https://x.example/a"


@pytest.mark.parametrize("junk", ["", "\x00\x01\x02" * 100, "<div>" * 5000, "<html><body></body></html>"])
def test_junk_gives_no_text_and_no_exception(junk):
    assert extract_html(junk)["text"] == ""
