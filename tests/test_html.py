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


def test_without_title_also_drops_a_first_line_repeating_a_top_heading():
    assert without_title("Envoys meet\nThey met.", "Ministers meet | Planet", ["Envoys meet"]) == "They met."
    assert without_title("Envoys meet\nThey met.", "Ministers meet", ["Other"]) == "Envoys meet\nThey met."


@pytest.mark.parametrize("precise, expected, calls", [("p" * 50, "p" * 50, 1), ("", "r" * 10, 2)])
def test_the_recall_extraction_runs_only_when_the_precise_one_finds_nothing(monkeypatch, precise, expected, calls):
    seen = []

    def fake_extract(tree, url, options):
        seen.append(options)
        return precise if options is html.PRECISION else "r" * 10

    monkeypatch.setattr(html, "_extract", fake_extract)
    assert html.trafilatura_body(None) == expected
    assert seen == [html.PRECISION, html.RECALL][:calls]


STORY = ["The foreign ministers met in Vienna on Tuesday and talked for three hours about sanctions.",
         "Officials from both delegations described the atmosphere as businesslike but tense throughout.",
         "A second round is planned for next month in Geneva, according to a spokesman for the hosts.",
         "Neither side published the draft communique that aides had prepared before the meeting began."]
STORY_PAGE = (f"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><h1>Ministers meet</h1>"
              f"<div class='story'>{''.join(f'<p>{p}</p>' for p in STORY)}</div>"
              f"<footer>Copyright the publisher</footer></body></html>")


def test_paragraphs_the_extraction_left_out_are_added_from_the_main_region(monkeypatch):
    monkeypatch.setattr(html, "_extract", lambda tree, url, options: f"Ministers meet\n{STORY[0]}")
    assert html.body_text(html.parse(STORY_PAGE), title="Ministers meet today") == "\n".join(STORY)


@pytest.mark.parametrize("closing", ["</body></html>", "</BODY >\n</Html>"])
def test_text_after_the_closing_body_tag_is_kept(closing):
    tree = html.parse(f"<html><body><p>{STORY[0]}</p>{closing}<p>{STORY[1]}</p>")
    assert STORY[1] in tree.xpath("string(//body)")


@pytest.mark.parametrize("markup, author", [
    ('<span rel="author">Lois Lane</span>', "Lois Lane"),
    ('<div class="byline">By <a class="author-name" href="/l">Lois Lane</a> <time>6 April 2021</time></div>',
     "Lois Lane"),  # the innermost author markup, without its dates
    ('<p itemprop="author">Lois Lane; Clark Kent</p>', "Lois Lane; Clark Kent"),
    ('<div class="comments"><span class="author">A Reader</span></div>', None),  # a commenter is no author
    (f'<div class="author-box">{STORY[0]} {STORY[1]}</div>', None),  # a biography, not a byline
    ("<p>No author markup</p>", None),
])
def test_byline(markup, author):
    assert html.byline(html.parse(f"<html><body>{markup}<p>{STORY[0]}</p></body></html>")) == author


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
