"""Cue words of a meeting mention: triggers, status, format, duration, delegation and discussion."""
import re

_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half": 0.5}
_NUMBER = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six)"

TRIGGER = re.compile(
    r"\b(?:meet|meets|met|meeting|talks|negotiations|summit|tête-à-tête|tete-a-tete|"
    r"visit|visited|visiting|hosted|received|breakfast|lunch|dinner|phone call|telephone call|"
    r"(?:tele)?phone conversation|(?:tele)?phone talks|call with|videoconference|video call|video link|"
    r"held talks|discuss(?:ed|es)?\b[^.]{0,80}\bwith|spoke (?:by|on the) (?:tele)?phone|conversation)\b",
    re.IGNORECASE)
# Without a named person, only a definite reference to one meeting counts ("the talks", "their meeting").
ANAPHOR = re.compile(
    r"\b(?:the|their|this|that|first|last|previous|next|full-fledged|full-format|bilateral|personal|"
    r"hour-long|[\w-]+-minute)\s+(?:[\w-]+\s+)?(?:meeting|talks|negotiations|phone conversation|"
    r"telephone conversation|conversation|phone call|call)\b(?!s)", re.IGNORECASE)
NOT_A_MEETING = re.compile(r"\b(?:press conference|news conference|interview|briefing|speech|address)\b",
                           re.IGNORECASE)

_STATUS = [
    ("cancelled", r"cancel+(?:ed|ation|s)?|called off|broke down|broken down|refused to (?:meet|hold)|scrapped|"
                  r"did(?: not|n['’]t) take place|fell through|postponed|no longer|pulled out of"),
    ("proposed", r"invit(?:e|es|ed|ing|ation)|propos(?:e|ed|al|es)|suggest(?:ed|s)?|offer(?:ed|s)? to|"
                 r"call(?:ed|s)? for (?:a )?(?:meeting|talks)"),
    ("planned", r"will|would|['’]ll|expect(?:s|ed)?|plan(?:s|ned)?|scheduled|going to|upcoming|next (?:week|month|year)|"
                r"to be held|is to|are to|await(?:s|ing)?|waiting|possible|likely|prepar(?:e|es|ing|ed)|"
                r"intend(?:s|ed)?|intention|hopes? to|set to|due to|could|(?-i:may)|might|announced|agreed to meet|"
                r"in the coming|ahead of|potential|expected"),
    ("held", r"met|held|took place|lasted|had|discussed|talked|spoke|attended|hosted|received|visited|"
             r"after the|during (?:the|their)|was|were|began|ended"),
]
_STATUS_RE = [(s, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE)) for s, p in _STATUS]

PHONE = re.compile(r"\b(?:phone|telephone|by telephone|phoned|call with|phone call)\b", re.IGNORECASE)
VIDEO = re.compile(r"\b(?:video ?link|video ?conference|videoconference|video call|virtual(?:ly)? (?:meeting|talks|summit)|"
                   r"online (?:meeting|talks|summit))\b", re.IGNORECASE)
DELEGATION = re.compile(
    r"\b(?:attended by|also attended|were present|was present|also present|took part|taking part|"
    r"participated|accompanied by|joined by|in attendance|delegation included)\b|"
    r"^(?:On|From|With|For) (?:the )?[A-Z][\w.]*(?:['’]s)?(?: side\b| part\b|\s+[–—-])")
DISCUSSION = re.compile(
    r"\b(?:discuss(?:ed|es|ing|ion|ions)?|talk(?:ed|ing)? (?:about|on)|touched (?:up)?on|focus(?:ed|es)? (?:primarily )?on|"
    r"agenda|topics?|raised|included|covered|agreed|exchanged views|on the issues? of|the issues? of|the situation in|"
    r"devoted to|dealt with|addressed)\b", re.IGNORECASE)

_DURATION = re.compile(
    r"\b(?:lasted|lasting|for|went on for|continued for)\s+(?:about|around|almost|nearly|more than|over|some|roughly|"
    r"just over|just under|approximately)?\s*(?P<span>" + _NUMBER + r"\s+(?:hours?|minutes?)(?:\s+and\s+(?:a\s+half|"
    + _NUMBER + r"\s+minutes?))?)|\b(?P<compound>(?:" + _NUMBER + r"|\d+)[- ](?:and-a-half-)?(?:hour|minute))-long\b|"
    r"\b(?P<adj>\d+|one|two|three|half)[- ](?P<unit>hour|minute)\b(?!s)", re.IGNORECASE)


def status_of(text, trigger_at):
    """held | planned | proposed | cancelled: a cancellation anywhere wins, else the cue nearest the trigger;
    None without any cue."""
    if _STATUS_RE[0][1].search(text):
        return "cancelled"
    best = None
    for status, pattern in _STATUS_RE[1:]:
        for m in pattern.finditer(text):
            distance = abs(m.start() - trigger_at) + (40 if status == "held" else 0)
            if best is None or distance < best[0]:
                best = (distance, status)
    return best[1] if best else None


def format_of(text):
    """phone | video when the mention says so, else None (in person unless another mention says otherwise)."""
    if VIDEO.search(text):
        return "video"
    if PHONE.search(text):
        return "phone"
    return None


def duration_minutes(text):
    """Minutes from 'lasted 1 hour and 20 minutes', 'an hour and a half', 'hour-long', '90-minute'."""
    m = _DURATION.search(text)
    if not m:
        return None
    if m.group("span"):
        return _minutes(m.group("span"))
    if m.group("compound"):
        return _minutes(m.group("compound").replace("-and-a-half-", " and a half ").replace("-", " ") + "s")
    if m.group("adj"):
        value = _WORDS.get(m.group("adj").lower()) or float(m.group("adj"))
        return round(value * (60 if m.group("unit").lower() == "hour" else 1))
    return None


def _minutes(span):
    span = span.lower()
    total = 30.0 if re.search(r"\band a half\b", span) else 0.0
    for number, unit in re.findall(r"\b(" + _NUMBER + r")\s+(hour|minute)", re.sub(r"\band a half\b", "", span)):
        total += (_WORDS.get(number) or float(number)) * (60 if unit == "hour" else 1)
    return round(total) or None
