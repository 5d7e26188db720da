"""Boilerplate rules, the trailing banner, recurring lines, the audit, titles; property tests; the seeds."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.config import ConfigError, load_yaml
from tests.conftest import SEEDS, SHARED
from transforms.clean import Cleaner, document_line_keys, line_key
from transforms.read import split_date_header

STORY = [f"Paragraph {i} of the story: the ministers met in Rome and talked about trade." for i in range(6)]


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner.from_config(load_yaml("boilerplate"))


@pytest.mark.parametrize("line, rule", [
    ("×", "ui_label"), ("Read more", "ui_label"), ("Once", "ui_label"), ("Monthly", "ui_label"),
    ("Annual", "ui_label"), ("Continue", "ui_label"), ("Remind me later.", "ui_label"), ("Share", "ui_label"),
    ("Subscribe", "ui_label"), ("Sign up", "ui_label"), ("Support us", "ui_label"),
    ("Not ready to donate?", "ui_label"), ("Payment options", "ui_label"),
    ("Enjoying our journalism?", "appeal"), ("Please support us with a donation today.", "appeal"),
    ("We need your help to keep our newsroom open.", "appeal"),
    ("Since March we have removed all ads from the site.", "appeal"),
    ("Running the site costs us 5,000 euros every month.", "appeal"),
    ("Your donation helps us stay independent.", "appeal"),
    ("Subscribe to our newsletter for the morning briefing.", "appeal"),
    ("Photo: Jane Doe / Reuters", "credit"), ("Press Service / John Smith / modified by XY", "credit"),
    ("AP Photo/Evan Vucci", "credit"), ("REUTERS/Kevin Lamarque", "credit"), ("Getty Images", "credit"),
    ("Sergei Ivanov / TASS", "credit"),
    ("summit leaders photo", "alt_text"), ("putin, trump, osaka", "alt_text"),
])
def test_furniture_lines_are_removed_with_their_rule(cleaner, line, rule):
    assert cleaner.rule_for(line) == rule


@pytest.mark.parametrize("line", [
    "Russia will support the resolution.", "Russia will support the resolution, the minister said.",
    "Third talks", "Trump and the parades", "the talks ended late at night.",
    "Continue reading the report, he urged journalists at the briefing in Berlin.",
    "Click Share to send it to a friend.", "Once again the talks stalled.", "Monthly trade grew by 4%.",
    "\u201cWe need your help,\u201d the mayor told residents of the flooded town.",
    "The minister told Reuters the meeting had been postponed.",
    "Russia will support / oppose the draft resolution at the council",
    "Photo exhibitions opened in Moscow last week and drew large crowds.",
    "2019", "OSAKA, June 28. /TASS/. The leaders met for an hour.",
    "breakfast", "3 bedrooms", "Opening Hours (Summer / Winter)",
    "( / )",
])
def test_content_lines_stay(cleaner, line):
    assert cleaner.rule_for(line) is None


def test_a_lower_case_line_that_goes_on_a_wrapped_sentence_is_text(cleaner):
    text = ("The prime minister and the visiting king examined\nclosely the prospects for closer economic,\n"
            "technical and cultural ties.\n\nferry photo\n")
    result = cleaner.clean(text)
    assert result.text == ("The prime minister and the visiting king examined\nclosely the prospects for closer "
                           "economic,\ntechnical and cultural ties.")
    assert result.removed == [{"text": "ferry photo", "rule": "alt_text"}]


def test_labels_are_removed_only_as_whole_lines(cleaner):
    result = cleaner.clean("Share\nShare this story with the ministers, he said.\nRead more")
    assert result.text == "Share this story with the ministers, he said."
    assert result.removed == [{"text": "Share", "rule": "ui_label"}, {"text": "Read more", "rule": "ui_label"}]


def test_the_audit_records_each_removed_line_and_its_rule(cleaner):
    text = "×\n\nPutin Meets Trump\n\nKremlin Press Service / Jane Roe\n\n" + "\n\n".join(STORY)
    result = cleaner.clean(text)
    assert result.removed == [{"text": "×", "rule": "ui_label"},
                              {"text": "Kremlin Press Service / Jane Roe", "rule": "credit"}]
    assert result.text == "Putin Meets Trump\n\n" + "\n\n".join(STORY)


def test_the_trailing_banner_runs_to_the_end(cleaner):
    body = "\n\n".join(STORY)
    result = cleaner.clean(body + "\n\nA Message from The Daily Planet:\n\nDear readers, times are hard.\n\nThanks.")
    assert result.text == body
    assert [r["rule"] for r in result.removed] == ["trailing_banner"] * 3


def test_a_banner_header_early_in_the_document_removes_nothing(cleaner):
    early = "Dear readers,\n\n" + "\n\n".join(STORY)
    assert cleaner.clean(early).text == early
    middle = "\n\n".join(STORY[:2] + ["A message from the editor:"] + STORY[2:])
    assert cleaner.clean(middle).text == middle


def test_nested_banners_are_removed_in_one_pass(cleaner):
    text = "\n".join(STORY[:2] + ["Dear readers,"] + STORY[2:4] + ["A Message from The Planet:", "Give."])
    once = cleaner.clean(text).text
    assert once == "\n".join(STORY[:2])
    assert cleaner.clean(once).text == once


def test_recurring_lines_go_and_unique_lines_stay(cleaner):
    text = "Subscribe to the Morning Brief at our site\nThe ministers met in Rome."
    result = cleaner.clean(text, frozenset({line_key("subscribe to the  MORNING brief at our site")}))
    assert result.text == "The ministers met in Rome."
    assert result.removed == [{"text": "Subscribe to the Morning Brief at our site", "rule": "recurring"}]
    assert cleaner.clean(text).text == text


def test_line_keys_normalise_case_spacing_and_width():
    assert line_key("Read  MORE ") == line_key("read more") == line_key("ｒｅａｄ more")
    assert len(line_key("read more")) == 16 and line_key("   ") == ""
    assert document_line_keys("a line\n\nA LINE\nother") == {line_key("a line"), line_key("other")}


def test_paragraphs_are_kept_and_runs_of_blank_lines_collapsed(cleaner):
    assert cleaner.clean("\n\nFirst.\n\n×\n\nSecond.\nThird.\n\n").text == "First.\n\nSecond.\nThird."


@pytest.mark.parametrize("text, title", [
    ("Leaders Meet in Rome\nThe two leaders met.", "Leaders Meet in Rome"),
    ("Trump met with Putin in Japan. Putin invited him to the parade.\nMore.",
     "Trump met with Putin in Japan. Putin invited him to the parade."),
    ("Will Trump meet Putin?\n\nThe talks are planned.", "Will Trump meet Putin?"),
    ("The U.S. President met Putin on Friday.\nMore.", None),
    ("The two leaders met in Rome on Tuesday and talked for hours about trade. " * 4 + "\nMore.", None),
    ("Only one line", None),
])
def test_split_title(cleaner, text, title):
    found, body = cleaner.split_title(text)
    assert found == title
    assert body == (text.strip().partition("\n")[2].strip() if title else text)


@pytest.mark.parametrize("config, message", [
    ({"appeal": ["(unclosed"]}, "bad regular expression '\\(unclosed'"),
    ({"banners": ["x"]}, "unknown rule"),
    ({"credit": "Photo:.*"}, "must be a list"),
    (["ui_label"], "expected a mapping"),
])
def test_bad_configuration_is_a_clear_error(config, message):
    with pytest.raises(ConfigError, match=message):
        Cleaner.from_config(config)


LINES = st.one_of(
    st.sampled_from(["", "  ", "×", "Read more", "Support us", "Dear readers,", "A Message from The Planet:",
                     "trump parades", "Jane Doe / Reuters", "Please support us.", "Third talks", *STORY]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=15), st.sets(st.sampled_from(["Third talks", STORY[0], "x y"]), max_size=2))
def test_cleaning_accounts_for_every_line_adds_nothing_and_is_idempotent(lines, recurring_lines):
    cleaner = Cleaner.from_config(load_yaml("boilerplate"))
    recurring = frozenset(map(line_key, recurring_lines))
    text = "\n".join(lines)
    result = cleaner.clean(text, recurring)
    source = [line.strip() for line in text.splitlines() if line.strip()]
    kept = [line.strip() for line in result.text.splitlines() if line.strip()]
    assert len(result.text) <= len(text)
    assert sorted(kept + [r["text"] for r in result.removed]) == sorted(source)
    assert cleaner.clean(result.text, recurring).text == result.text


def _gold():
    gold_file = SHARED / "eval" / "seeds.boilerplate.jsonl"
    if not gold_file.exists():
        pytest.skip("../shared/eval is not present")
    return [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]


def _clean_seed(cleaner, name):
    _, text = split_date_header((SEEDS / name).read_text(encoding="utf-8"))
    return text, cleaner.clean(text)


def test_seed_boilerplate_goes_and_content_stays(cleaner):
    for gold in _gold():
        text, result = _clean_seed(cleaner, gold["doc"])
        removed = {r["text"] for r in result.removed}
        title, body = cleaner.split_title(result.text)
        output = {line.strip() for line in ((title or "") + "\n" + body).splitlines()}
        content = {line.strip() for line in text.splitlines() if line.strip()}
        content -= set(gold["boilerplate"]) | set(gold["optional"])
        assert removed >= set(gold["boilerplate"]), gold["doc"]
        assert content <= output, gold["doc"]


def test_seed_titles(cleaner):
    _, seed_001 = _clean_seed(cleaner, "001_fe0ba261de522112.txt")
    assert cleaner.split_title(seed_001.text)[0] == (
        "Lavrov: Trump-Putin Meeting Will Bring 'Clarity' on U.S.-Russia Relations")
    _, seed_000 = _clean_seed(cleaner, "000_f8a858530bc91437.txt")
    assert cleaner.split_title(seed_000.text)[0] is None
