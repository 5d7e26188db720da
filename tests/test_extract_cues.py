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
    ("The visit did not take place after the talks fell through.", "cancelled"),
    ("The two sides proposed a meeting in Vienna.", "proposed"),
    ("They'll meet in Oslo.", "planned"),
    ("The talks may resume in May.", "planned"),
    ("The talks in May were held behind closed doors.", "held"),
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
    ("The leaders held a four-hour meeting.", 240),
    ("The talks lasted less than three hours.", 180),
    ("An hourly update followed the talks.", None),
])
def test_duration(text, minutes):
    assert cues.duration_minutes(text) == minutes


@pytest.mark.parametrize("text, discussed", [
    ("The ministers discussed energy prices.", True),
    ("Trade was also on the agenda.", True),
    ("Well, we're talking about a very difficult region here.", False),
    ("They were talking about trade all evening.", True),
    ("Nobody asked about the weather.", False),
])
def test_discussion_cues(text, discussed):
    cue = cues.Cues(text)
    assert bool(cue.discussion or cue.passive) is discussed


@pytest.mark.parametrize("text, passive", [
    ("Syria and Iran were also discussed.", True),
    ("The situation in the region was also touched upon.", True),
    ("The state of affairs in the north was also affected.", True),
    ("The north was also affected by the floods.", False),
    ("They discussed Syria.", False),
])
def test_the_passive_puts_the_subject_before_the_cue(text, passive):
    assert bool(cues.Cues(text).passive) is passive


@pytest.mark.parametrize("text, delegation", [
    ("Defence Minister Boris Pistorius also took part in the talks.", True),
    ("On the German side, the talks were attended by two state secretaries.", True),
    ("From the French side — the foreign minister.", True),
    ("The talks took a long time.", False),
])
def test_delegation_cues(text, delegation):
    assert bool(cues.Cues(text).delegation) is delegation
