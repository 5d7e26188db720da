"""Status, format and duration cues of a meeting mention."""
import pytest

from transforms.extract import cues


@pytest.mark.parametrize("text, status", [
    ("The two ministers met in Geneva on Monday.", "held"),
    ("The leaders will meet in Rome next week.", "planned"),
    ("A meeting is expected to take place in the autumn.", "planned"),
    ("She invited him to visit Madrid.", "proposed"),
    ("The summit meeting was cancelled after the incident.", "cancelled"),
    ("The talks broke down in March.", "cancelled"),
    ("He refused to meet the delegation.", "cancelled"),
])
def test_status(text, status):
    trigger = cues.Cues(text).trigger
    at = trigger.start() if trigger else 0
    assert cues.status_of(text, at) == status


@pytest.mark.parametrize("text, fmt", [
    ("They held a phone conversation on Friday.", "phone"),
    ("The leaders spoke by telephone.", "phone"),
    ("The summit was held by video link.", "video"),
    ("They met in Paris.", None),
])
def test_format(text, fmt):
    assert cues.format_of(text) == fmt


@pytest.mark.parametrize("text, minutes", [
    ("The talks lasted 1 hour and 20 minutes.", 80),
    ("Negotiations lasted an hour and a half.", 90),
    ("The meeting lasted about an hour.", 60),
    ("They had an hour-long phone call.", 60),
    ("After a 90-minute meeting they left.", 90),
    ("A two-hour meeting followed.", 120),
    ("It was cancelled in less than 24 hours.", None),
    ("They met in May.", None),
])
def test_duration(text, minutes):
    assert cues.duration_minutes(text) == minutes
