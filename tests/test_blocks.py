"""Text blocks of a page, its furniture and main region, and completing an extraction with the region's blocks."""
import pytest

from transforms import blocks
from transforms.blocks import completed, page_blocks
from transforms.html import parse

STORY = [
    "The foreign ministers met in Vienna on Tuesday and talked for three hours about sanctions.",
    "Officials from both delegations described the atmosphere as businesslike but tense throughout.",
    "A second round is planned for next month in Geneva, according to a spokesman for the hosts.",
    "Neither side published the draft communique that aides had prepared before the meeting began.",
    "Observers noted that the defence chiefs, who had been expected, stayed away from the venue.",
    "Trade figures released on Monday showed exports falling for the sixth consecutive quarter.",
    "Both governments promised to publish a joint statement once the experts finish their work.",
]
MENU = "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(6))


def page(article, before="", after=""):
    return parse(f"<html><head><title>t</title></head><body><nav><ul>{MENU}</ul></nav>{before}"
                 f"<article>{article}</article>{after}<footer>Copyright the publisher</footer></body></html>")


def paragraphs(texts):
    return "".join(f"<p>{t}</p>" for t in texts)


def texts(found):
    return [b.text for b in found.blocks]


def region(found):
    start, end = found.region
    return [b.text for b in found.blocks[start:end]]


def test_blocks_follow_block_tags_and_skip_code_hidden_and_controls():
    found = page_blocks(parse(
        "<html><body><p>One <b>bold</b> line<br>and a second</p><script>var x = 1;</script><style>p {}</style>"
        "<div style='display: none'>hidden by style</div><p hidden>hidden attribute</p>"
        "<div aria-hidden='true'>hidden from readers</div><button>Click</button><div>Last block</div></body></html>"))
    assert texts(found) == ["One bold line\nand a second", "Last block"]


def test_wide_characters_count_as_three_letters():
    found = page_blocks(parse("<html><body><p>外交部长会谈</p><p>abc</p></body></html>"))
    assert [b.chars for b in found.blocks] == [18, 3]


def test_the_main_region_is_the_article_not_the_menu_or_footer():
    found = page_blocks(page(paragraphs(STORY[:3])))
    assert region(found) == STORY[:3]
    assert all(b.furniture for b in found.blocks if b.text.startswith(("Section", "Copyright")))


def test_furniture_markup_forms_link_lists_and_copies_are_not_good():
    found = page_blocks(page(
        paragraphs(STORY[:4]) + f"<div class='related-posts'><p>{STORY[5]}</p></div>"
        f"<form><p>Get the morning letter by email</p><input type='email'></form>"
        f"<ul><li><a href='/a'>An older story</a></li><li><a href='/b'>Another one</a></li><li>Third</li></ul>"
        f"<p>{STORY[0]}</p><p><a href='/x'>Mostly a link to elsewhere</a> here</p>"))
    good = [b.text for b in found.blocks if b.good]
    assert good == STORY[:4]
    assert {b.text for b in found.blocks if b.furniture} >= {
        STORY[5], "Get the morning letter by email", "An older story", "Third"}
    assert [b.furniture for b in found.blocks if b.text == STORY[0]] == [False, True]  # the copy


def test_furniture_markup_on_most_of_the_page_is_not_believed():
    found = page_blocks(parse(f"<html><body><div class='sidebar-layout'>{paragraphs(STORY)}</div>"
                              f"<p>Short note</p></body></html>"))
    assert all(b.good for b in found.blocks) and region(found) == STORY


def test_tick_boxes_are_not_a_sign_up_form():
    items = "".join(f"<li><input type='checkbox' disabled> {t}</li>" for t in STORY[:4])
    found = page_blocks(page(f"<p>{STORY[4]}</p><ul>{items}</ul>"))
    assert [b.text for b in found.blocks if b.good] == STORY[4:5] + STORY[:4]


def test_an_empty_or_missing_page_has_no_blocks():
    assert page_blocks(None).blocks == [] and page_blocks(None).region == (0, 0)
    assert page_blocks(parse("<html><body></body></html>")).region == (0, 0)
    assert completed("Some text", page_blocks(None)) == "Some text"


def test_headings_are_the_top_headings():
    found = page_blocks(page(f"<h1>Ministers meet</h1><h2>Background</h2>{paragraphs(STORY[:2])}"))
    assert found.headings() == ["Ministers meet"]


def test_an_extraction_holding_the_region_is_kept_as_it_is():
    found = page_blocks(page(paragraphs(STORY)))
    text = "\n".join(s.upper() for s in STORY)  # case and spacing aside, every block is a line of it
    assert completed(text, found) == text


def test_an_extraction_missing_most_of_the_region_gets_all_its_good_blocks():
    found = page_blocks(page(f"<p class='standfirst'>{STORY[6]}</p>" + paragraphs(STORY[:3]),
                             after=f"<aside><p>{STORY[5]}</p></aside>"))
    assert completed(STORY[1], found) == "\n".join([STORY[6], *STORY[:3]])


def test_gaps_inside_the_extraction_are_filled_but_not_its_edges():
    found = page_blocks(page(paragraphs(["Filed from Vienna by our staff", *STORY[:6]])))
    extraction = "\n".join([STORY[0], STORY[1], STORY[2], STORY[5]])  # about 2/3 of the text: STORY[3:5] skipped
    assert completed(extraction, found) == "\n".join(STORY[:6])  # the line before its first block stays out


def test_a_few_missing_blocks_are_not_worth_adding():
    found = page_blocks(page(paragraphs(STORY)))
    extraction = "\n".join(STORY[:3] + STORY[4:])  # 6 of 7: the missing one is under MISSING_SHARE of the text
    assert completed(extraction, found) == extraction


def test_blocks_held_in_other_words_order_or_format_count_as_held():
    held = blocks._Held("The foreign ministers met in Vienna on Tuesday, and talked for three hours!\nShort one")
    assert held("the foreign   ministers met in Vienna on Tuesday and talked for three hours")  # shingles
    assert held("SHORT one") and held("met in Vienna") and not held("met Vienna in")
    assert not held(STORY[1]) and not held("")


def test_pages_in_other_scripts_are_completed_alike():
    story = ["Министры иностранных дел встретились во вторник в Вене и говорили три часа о санкциях.",
             "Официальные лица обеих делегаций назвали атмосферу деловой, но напряжённой.",
             "外交部长们周二在维也纳会面，就制裁问题进行了三个小时的会谈。双方表示将继续对话。",
             "第二轮会谈计划下个月在日内瓦举行，东道主发言人表示。"]
    found = page_blocks(page(paragraphs(story)))
    assert region(found) == story and completed(story[0], found) == "\n".join(story)


@pytest.mark.parametrize("links", [0, 1])
def test_missing_blocks_made_of_links_are_not_added(links):
    linked = "".join(f"<p>{s[:30]} <a href='/r{i}'>{s[30:]}</a></p>" for i, s in enumerate(STORY[2:]))
    found = page_blocks(page(paragraphs(STORY[:2]) + (linked if links else paragraphs(STORY[2:]))))
    extraction = "\n".join(STORY[:2])
    assert (completed(extraction, found) == extraction) == bool(links)


def test_section_headings_the_extraction_dropped_are_put_back_before_their_paragraph():
    found = page_blocks(page(f"<h1>Ministers meet</h1>{paragraphs(STORY[:3])}<h2>What comes next</h2>"
                             f"{paragraphs(STORY[3:])}<h3>Photo gallery</h3><p>Short caption</p>"))
    extraction = "\n".join(STORY)
    assert completed(extraction, found) == "\n".join(STORY[:3] + ["What comes next"] + STORY[3:])
    assert completed(extraction.replace(STORY[3], "What comes next\n" + STORY[3]), found).count("What comes") == 1
