"""How long a meeting lasted (transforms/extract/durations.py): spans after lasted/for, hours and minutes
together, halves, and compound adjectives (hour-long, 90-minute), in whole minutes; no duration where none is
stated."""
import pytest

from transforms.extract.durations import minutes


@pytest.mark.parametrize("text, expected", [
    ("The talks lasted 1 hour and 20 minutes.", 80),
    ("They spoke for 45 minutes.", 45),
    ("The meeting lasted about three hours.", 180),
    ("The talks went on for more than four hours.", 240),
    ("They talked for two hours and 15 minutes.", 135),
    ("They met for an hour and a half.", 90),
    ("The call lasted more than three and a half hours.", 210),
    ("The talks lasted 2.5 hours.", 150),
    ("It was an hour-long meeting.", 60),
    ("The hour-long call was positive.", 60),
    ("They held two and a half hours of talks.", 150),
    ("They held a 90-minute call.", 90),
    ("They held a two-hour meeting.", 120),
    ("They held a half-hour call.", 30),
    ("They held two-and-a-half-hour talks.", 150),
    ("They held a 40-minute-long meeting.", 40),
])
def test_stated_durations(text, expected):
    assert minutes(text) == expected


@pytest.mark.parametrize("text", [
    "They met on Monday.",
    "He waited for hours.",
    "They met for a few minutes.",
    "The minutes of the meeting were published.",
    "",
])
def test_no_duration_stated(text):
    assert minutes(text) is None
