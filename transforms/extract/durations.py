"""How long a meeting lasted: 'lasted 1 hour and 20 minutes', 'an hour and a half', 'hour-long', '90-minute',
'two-and-a-half-hour', 'two hours of talks'."""
import re

_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half": 0.5}
_NUMBER = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six)"

_DURATION = re.compile(
    r"\b(?:lasted|lasting|for|went on for|continued for)\s+(?:about|around|almost|nearly|more than|less than|over|under|"
    r"some|roughly|just over|just under|approximately)?\s*(?P<span>" + _NUMBER + r"(?:\s+and\s+a\s+half)?\s+(?:hours?|minutes?)(?:\s+and\s+(?:a\s+half|"
    + _NUMBER + r"\s+minutes?))?)|\b(?P<compound>(?:(?:" + _NUMBER + r"|\d+)[- ](?:and-a-half-)?)?(?:hour|minute))-long\b|"
    r"\b(?P<adj>\d+|one|two|three|four|five|six|half)(?P<half>[- ]and[- ]a[- ]half)?[- ](?P<unit>hour|minute)\b(?!s)|"
    r"\b(?P<measure>" + _NUMBER + r"(?:\s+and\s+a\s+half)?\s+(?:hours?|minutes?))\s+of\b",  # "two hours of talks"
    re.IGNORECASE)

_UNIT = re.compile(r"(?=[hm])(?:hour|minute)", re.IGNORECASE)  # every duration names one


def minutes(text):
    """Minutes from 'lasted 1 hour and 20 minutes', 'an hour and a half', 'hour-long', '90-minute'."""
    m = _UNIT.search(text) and _DURATION.search(text)
    if not m:
        return None
    if m.group("span") or m.group("measure"):
        return _minutes(m.group("span") or m.group("measure"))
    if m.group("compound"):
        compound = m.group("compound").replace("-and-a-half-", " and a half ").replace("-", " ")
        return _minutes(("" if " " in compound else "one ") + compound + "s")  # "hour-long": one hour
    if m.group("adj"):
        value = (_WORDS.get(m.group("adj").lower()) or float(m.group("adj"))) + (0.5 if m.group("half") else 0)
        return round(value * (60 if m.group("unit").lower() == "hour" else 1))
    return None


def _minutes(span):
    span = span.lower()
    total = 30.0 if re.search(r"\band a half\b", span) else 0.0
    for number, unit in re.findall(r"\b(" + _NUMBER + r")\s+(hour|minute)", re.sub(r"\band a half\b", "", span)):
        total += (_WORDS.get(number) or float(number)) * (60 if unit == "hour" else 1)
    return round(total) or None
