"""Cue words of a meeting mention: triggers, status, format, duration, delegation and discussion."""
import re

from transforms.extract.words import Keyed, key_words, lacks_keys, tokens, words_regex

_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half": 0.5}
_NUMBER = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six)"

_MEETING_WORDS = [
    "meet", "meets", "met", "meeting", "talks", "negotiations", "summit", "tête-à-tête", "tete-a-tete", "visit",
    "visited", "visiting", "hosted", "received", "welcomed by", "breakfast", "lunch", "dinner", "phone call",
    "telephone call", "phone conversation", "telephone conversation", "phone talks", "telephone talks", "call with",
    "videoconference", "video call", "video link", "held talks", "spoke by phone", "spoke by telephone",
    "spoke on the phone", "spoke on the telephone", "spoken by phone", "spoken by telephone", "spoken on the phone",
    "talked by phone", "talked by telephone", "conversation"]
# "welcomed", "spoke with", "spoke to" only before a name: "welcomed the decision", "spoke to reporters" are no
# meetings.
# (The look-ahead for the first characters of all the alternatives spares trying each at every word.)
TRIGGER = Keyed(r"(?=[" + "".join(sorted({w[0] for w in _MEETING_WORDS} | set("dwstbia"))) + r"])"
                r"\b(?:" + words_regex(_MEETING_WORDS) + r"|discuss(?:ed|es)?\b[^.]{0,80}\bwith|"
                r"(?:welcome[ds]?|(?:spoke|spoken|talked)\s+(?:with|to))(?=\s+(?-i:[A-Z])|\s+(?:his|her|their)\s)|"
                r"(?:was|were|be|been|is|are|being)\s+welcomed)\b",
                key_words(_MEETING_WORDS) | {"discuss", "discussed", "discusses", "welcome", "welcomed", "welcomes",
                                             "spoke", "spoken", "talked"})
# What makes a meeting word no report of a meeting: "will not meet", "has never met"; "addressed the summit by
# video link" (a speech).
NEGATED = re.compile(r"\b(?:not|never|n['’]t|no plans to|no intention to)\s+(?:\w+\s+)?$", re.IGNORECASE)
ADDRESSED = re.compile(r"\baddress(?:ed|es|ing)?\s+(?:a|an|the)\b(?:(?!\b(?:and|then|before|after|later|met|meet|"
                       r"held|hold)\b)[^;])*$", re.IGNORECASE)
# "met more than a dozen times", "speak regularly": meetings in general, not one meeting.
_ITERATIVE = Keyed(r"\b(?:met|meet|meets|spoke|speak|speaks|talked)\s+(?:(?:[\w-]+\s+){0,4}?(?:times|occasions)|"
                   r"regularly|frequently|often|repeatedly)\b",
                   {"times", "occasions", "regularly", "frequently", "often", "repeatedly"})
# Without a named person, only a definite reference to one meeting counts ("the talks", "their meeting").
_ANAPHOR_NOUNS = ["meeting", "talks", "negotiations", "phone conversation", "telephone conversation", "conversation",
                  "phone call", "call"]
_ANAPHOR_NOUN = r"\s+(?:[\w-]+\s+)?(?:" + "|".join(_ANAPHOR_NOUNS) + r")\b(?!s)"
ANAPHOR = Keyed(r"\b(?:the|their|this|that|first|last|previous|next|full-fledged|full-format|bilateral|personal|"
                r"hour-long)" + _ANAPHOR_NOUN, key_words(_ANAPHOR_NOUNS))
# "a 40-minute meeting": tried at every word, so only in a sentence with the word "minute".
MINUTE_ANAPHOR = Keyed(r"\b[\w-]+-minute" + _ANAPHOR_NOUN, key_words(_ANAPHOR_NOUNS))
_MINUTE = frozenset({"minute"})

_STATUS = [  # (status, cue words, a case-sensitive cue or None)
    ("cancelled", ["cancel", "canceled", "cancelation", "cancels", "cancell", "cancelled", "cancellation", "cancells",
                   "called off", "broke down", "broken down", "refused to meet", "refused to hold", "scrapped",
                   "did not take place", "didn't take place", "didn’t take place", "fell through", "postponed",
                   "no longer", "pulled out of"], None),
    ("proposed", ["invite", "invites", "invited", "inviting", "invitation", "propose", "proposed", "proposal",
                  "proposes", "suggest", "suggested", "suggests", "offer to", "offered to", "offers to", "wanted",
                  "wants", "sought a meeting", "seeks a meeting", "seeking a meeting", "requested a meeting",
                  "asked for a meeting",
                  *(f"{call} for {a}{what}" for call in ("call", "called", "calls") for a in ("", "a ")
                    for what in ("meeting", "talks"))], None),
    ("planned", ["will", "would", "'ll", "’ll", "expect", "expects", "expected", "plan", "plans", "planned",
                 "scheduled", "going to", "upcoming", "next week", "next month", "next year", "to be held", "is to",
                 "are to", "await", "awaits", "awaiting", "waiting", "possible", "likely", "prepare", "prepares",
                 "preparing", "prepared", "intend", "intends", "intended", "intention", "hope to", "hopes to",
                 "set to", "due to", "could", "might", "announced", "agreed to meet", "in the coming", "ahead of",
                 "potential"], "may"),
    ("held", ["met", "held", "took place", "lasted", "had", "discussed", "talked", "spoke", "attended", "hosted",
              "welcomed", "received", "visited", "after the", "during the", "during their", "was", "were", "began",
              "ended"], None),
]
_STATUS_RE = [(s, Keyed(r"\b(?:" + words_regex(words) + (f"|(?-i:{exact})" if exact else "") + r")\b",
                        key_words(words) | {exact} - {None})) for s, words, exact in _STATUS]

_HELD_VERB = re.compile(r"(?:met|hosted|received|visited|held talks|spoke|talked)\b", re.IGNORECASE)
_HOSTED_BY = re.compile(r"\b(?:at|on)\s+the\s+$", re.IGNORECASE)  # "at the invitation of": a visit, not a proposal
_MODAL = {"would", "could", "might", "may"}  # weaker than any other cue at the same distance

PHONE = Keyed(r"\b(?:phone|telephone|by telephone|phoned|call with|phone call)\b",
              {"phone", "telephone", "by", "phoned", "call"})
VIDEO = Keyed(r"\b(?:video ?link|video ?conference|videoconference|video call|virtual(?:ly)? (?:meeting|talks|summit)|"
              r"online (?:meeting|talks|summit))\b",
              {"video", "videolink", "videoconference", "virtual", "virtually", "online"})
_ARRIVAL_WORDS = ["arrived in", "arrives in", "arriving in", "arrived on", "landed in", "lands in", "visit to",
                  "trip to", "tour of", "visiting"]
ARRIVAL = Keyed(r"\b(?:" + words_regex(_ARRIVAL_WORDS) + r")\b", key_words(_ARRIVAL_WORDS))
_DELEGATION_WORDS = ["attended by", "also attended", "were present", "was present", "also present", "took part",
                     "taking part", "participated", "accompanied by", "joined by", "in attendance", "delegation included"]
DELEGATION = Keyed(r"\b(?:" + words_regex(_DELEGATION_WORDS) + r")\b", key_words(_DELEGATION_WORDS), flags=0)
SIDE = re.compile(r"(?:On|From|With|For) (?:the )?[A-Z][\w.]*(?:['’]s)?(?: side\b| part\b|\s+[–—-])")  # at the start
_DISCUSSION_WORDS = [
    "discuss", "discussed", "discusses", "discussing", "discussion", "discussions", "talk about", "talk on",
    "talked about", "talked on", "touched on", "touched upon", "focus on",
    "focused on", "focuses on", "focus primarily on", "focused primarily on", "focuses primarily on", "agenda",
    "topic", "topics", "raised", "included", "covered", "agreed", "exchanged views", "on the issue of",
    "on the issues of", "the issue of", "the issues of", "the situation in", "devoted to", "dealt with", "addressed"]
# "We're talking about" is the speaker's own talk, not a meeting's subject.
DISCUSSION = Keyed(r"\b(?:" + words_regex(_DISCUSSION_WORDS) + r"|(?<!we're )(?<!we’re )(?<!we are )(?<!i'm )(?<!i’m )"
                   r"(?<!i am )talking (?:about|on))\b", key_words(_DISCUSSION_WORDS) | {"talking"})
# The passive ("Syria was also discussed"): what was discussed comes before the cue. "Also affected" without an
# agent is the translated "also touched upon" of many official readouts.
PASSIVE = Keyed(r"\b(?:was|were|is|are|been)\s+(?:also\s+)?(?:discussed|raised|touched upon|touched on|mentioned|"
                r"on the agenda)\b|\b(?:was|were)\s+also\s+affected\b(?!\s+by\b)",
                {"discussed", "raised", "touched", "mentioned", "agenda", "affected"})

_DURATION = re.compile(
    r"\b(?:lasted|lasting|for|went on for|continued for)\s+(?:about|around|almost|nearly|more than|less than|over|under|"
    r"some|roughly|just over|just under|approximately)?\s*(?P<span>" + _NUMBER + r"\s+(?:hours?|minutes?)(?:\s+and\s+(?:a\s+half|"
    + _NUMBER + r"\s+minutes?))?)|\b(?P<compound>(?:" + _NUMBER + r"|\d+)[- ](?:and-a-half-)?(?:hour|minute))-long\b|"
    r"\b(?P<adj>\d+|one|two|three|four|five|six|half)[- ](?P<unit>hour|minute)\b(?!s)", re.IGNORECASE)

_UNIT = re.compile(r"(?=[hm])(?:hour|minute)", re.IGNORECASE)  # every duration names one


def status_of(text, trigger_at, words=None, cancelled=None):
    """held | planned | proposed | cancelled: a cancellation anywhere wins (but far from 'met', 'hosted', it is
    another meeting's), else the cue nearest the trigger;
    None without any cue. `words`: the text's `tokens`, and `cancelled`: whether it holds a cancellation cue, when
    known."""
    words = tokens(text) if words is None else words
    cancelled = _STATUS_RE[0][1].search(text, words) if cancelled is None else cancelled
    if cancelled and not (_HELD_VERB.match(text, trigger_at) and all(
            abs(m.start() - trigger_at) > 60 for m in _STATUS_RE[0][1].finditer(text, words))):
        return "cancelled"
    best = None
    for status, pattern in _STATUS_RE[1:]:
        for m in pattern.finditer(text, words):
            if status == "proposed" and _HOSTED_BY.search(text, max(0, m.start() - 8), m.start()):
                continue
            weight = 40 if status == "held" else 10 if m.group().lower() in _MODAL else 0
            distance = abs(m.start() - trigger_at) + weight
            if best is None or distance < best[0]:
                best = (distance, status)
    return best[1] if best else None


def format_of(text, words=None):
    """phone | video when the mention says so, else None (in person unless another mention says otherwise)."""
    words = tokens(text) if words is None else words
    if VIDEO.search(text, words):
        return "video"
    if PHONE.search(text, words):
        return "phone"
    return None


def duration_minutes(text):
    """Minutes from 'lasted 1 hour and 20 minutes', 'an hour and a half', 'hour-long', '90-minute'."""
    m = _UNIT.search(text) and _DURATION.search(text)
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


class _once:
    """A property computed on first use and then kept on the instance (functools.cached_property without its
    lock, which costs more than the patterns here)."""

    def __init__(self, compute):
        self.compute, self.name = compute, compute.__name__

    def __get__(self, obj, owner=None):
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


class Cues:
    """The cue words of one sentence: each pattern runs at most once, only when asked for, and only when the
    sentence holds one of its key words."""

    def __init__(self, text):
        self.text = text
        self.words = tokens(text)
        self.triggers = list(TRIGGER.finditer(text, self.words))  # every meeting word, in order
        self.trigger = self.triggers[0] if self.triggers else None

    @_once
    def delegation(self):
        return DELEGATION.search(self.text, self.words) or SIDE.match(self.text)

    @_once
    def discussion(self):
        return DISCUSSION.search(self.text, self.words)

    @_once
    def passive(self):
        return PASSIVE.search(self.text, self.words)

    @_once
    def cancelled(self):
        return bool(_STATUS_RE[0][1].search(self.text, self.words))

    @_once
    def arrival(self):
        return ARRIVAL.search(self.text, self.words)

    @_once
    def iterative(self):
        """Start positions of the meeting verbs that count meetings in general ("met several times")."""
        return {m.start() for m in _ITERATIVE.finditer(self.text, self.words)}

    @_once
    def anaphor(self):
        """Whether the sentence refers to one meeting without naming its parties."""
        return bool(ANAPHOR.search(self.text, self.words) or not lacks_keys(_MINUTE, self.words, self.text)
                    and MINUTE_ANAPHOR.search(self.text, self.words))

    def status(self, at):
        return status_of(self.text, at, self.words, self.cancelled)

    @_once
    def format(self):
        return format_of(self.text, self.words)
