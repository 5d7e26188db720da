"""Boilerplate rules, the trailing banner, recurring lines, the audit, titles; property tests; the seeds."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.config import ConfigError, load_yaml
from tests.conftest import SEEDS, SHARED
from transforms.clean import Cleaner, document_line_keys, line_key
from transforms.read import split_date_header


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner.from_config(load_yaml("boilerplate"))


@pytest.mark.parametrize("line, rule", [
    ("×", "ui_label"), ("Read more", "ui_label"), ("Monthly", "ui_label"), ("Remind me later.", "ui_label"),
    ("Enjoying ad-free content?", "appeal"), ("Please support us with a donation today.", "appeal"),
    ("We need your help to keep our newsroom running.", "appeal"),
    ("Photo: Jane Doe / Reuters", "credit"), ("Press Service / John Smith / modified by XY", "credit"),
    ("summit leaders photo", "alt_text"),
])
def test_furniture_lines_are_removed_with_their_rule(cleaner, line, rule):
    assert cleaner.rule_for(line) == rule


@pytest.mark.parametrize("line", [
    "Russia will support the resolution, the minister said.",
    "Third talks", "Trump and the parades", "the talks ended late at night.",
    "Continue reading the report, he urged journalists at the briefing in Berlin.",
])
def test_content_lines_stay(cleaner, line):
    assert cleaner.rule_for(line) is None


def test_the_trailing_banner_runs_to_the_end_but_only_at_the_end(cleaner):
    body = "\n\n".join(f"Paragraph {i} of the story about the talks." for i in range(6))
    result = cleaner.clean(body + "\n\nA Message from The Daily Planet:\n\nDear readers, times are hard.\n\nThanks.")
    assert result.text == body
    assert [r["rule"] for r in result.removed] == ["trailing_banner"] * 3
    early = "A Message from The Daily Planet:\n\n" + body
    assert cleaner.clean(early).text == early


def test_recurring_lines_go_and_unique_lines_stay(cleaner):
    text = "Subscribe to the Morning Brief at our site\nThe ministers met in Rome."
    result = cleaner.clean(text, frozenset({line_key("Subscribe to the Morning Brief at our site")}))
    assert result.text == "The ministers met in Rome."
    assert result.removed == [{"text": "Subscribe to the Morning Brief at our site", "rule": "recurring"}]


def test_line_keys_normalise_case_and_spacing():
    assert line_key("Read  MORE ") == line_key("read more") and line_key("   ") == ""
    assert document_line_keys("a line\n\nA LINE\nother") == {line_key("a line"), line_key("other")}


def test_split_title(cleaner):
    assert cleaner.split_title("Leaders Meet in Rome\nThe two leaders met.") == (
        "Leaders Meet in Rome", "The two leaders met.")
    long_first = "The two leaders met in Rome on Tuesday and talked for hours about trade. " * 4
    assert cleaner.split_title(long_first + "\nMore.")[0] is None
    assert cleaner.split_title("Only one line")[0] is None


def test_bad_configuration_is_a_clear_error():
    with pytest.raises(ConfigError, match="bad regular expression"):
        Cleaner.from_config({"appeal": ["(unclosed"]})
    with pytest.raises(ConfigError, match="unknown rule"):
        Cleaner.from_config({"banners": ["x"]})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=15))
def test_cleaning_accounts_for_every_line_and_is_idempotent(lines):
    cleaner = Cleaner.from_config(load_yaml("boilerplate"))
    text = "\n".join(lines)
    result = cleaner.clean(text)
    kept = [line for line in result.text.splitlines() if line.strip()]
    assert len(kept) + len(result.removed) == sum(1 for line in text.splitlines() if line.strip())
    assert all(line in text for line in kept)
    assert cleaner.clean(result.text).text == result.text


def test_seed_boilerplate_goes_and_content_stays(cleaner):
    gold_file = SHARED / "eval" / "seeds.boilerplate.jsonl"
    if not gold_file.exists():
        pytest.skip("../shared/eval is not present")
    for gold in map(json.loads, gold_file.read_text(encoding="utf-8").splitlines()):
        _, text = split_date_header((SEEDS / gold["doc"]).read_text(encoding="utf-8"))
        removed = {r["text"] for r in cleaner.clean(text).removed}
        assert removed >= set(gold["boilerplate"]), gold["doc"]
        assert removed <= set(gold["boilerplate"]) | set(gold["optional"]), gold["doc"]
