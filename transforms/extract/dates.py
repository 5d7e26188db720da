"""Date expressions in a sentence, resolved against the article's published date with honest precision."""
import calendar
import datetime
import re
from dataclasses import dataclass, replace

from transforms.extract.words import lacks_keys, tokens, words_regex

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + words_regex(MONTHS) + r")\.?"  # a trie: a third of the time of a list of names
_MONTH2 = _MONTH.replace("month", "month2")
_DAY, _DAY2 = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?", r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TO = r"\s*(?:-|–|—|to|and|through|until)\s*"
_RELATIVE_YEAR = r"(?:\s+(?P<rel_year>last|this|next)\s+year)"

# Most specific first; each names the groups it fills, the words ("#": a digit) one of which it needs, and those
# one of which it needs as well (a day or a year that is not optional, the word before the month).
_NAMED = ("today", "tonight", "this", "earlier", "yesterday", "tomorrow", "night")
_PART, _REL, _SINCE = ("early", "mid", "late", "end", "beginning", "start"), ("last", "this", "next", "past"), (
    "in", "since", "from", "by", "until", "of", "during")
_PATTERNS = [(kind, frozenset(needs), frozenset(also), re.compile(p, re.IGNORECASE)) for kind, needs, also, p in [
    ("iso", "#", "", r"\b" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b"),
    ("range", MONTHS, "#", r"\b" + _MONTH + r"\s+" + _DAY + _TO + _MONTH2 + r"\s+" + _DAY2 + r"(?:,?\s+" + _YEAR
     + r")?\b"),
    ("range", MONTHS, "#", r"\b" + _DAY + _TO + _DAY2 + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("range", MONTHS, "#", r"\b" + _MONTH + r"\s+" + _DAY + _TO + _DAY2 + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("day", MONTHS, "#", r"\b" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r"|" + _RELATIVE_YEAR
     + r")?(?![\d:])"),
    ("day", MONTHS, "#", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r"|" + _RELATIVE_YEAR
     + r")?\b"),
    ("month", MONTHS, _PART, r"\b(?P<part>early|mid|late|the end of|the beginning of|the start of)[\s-]+" + _MONTH
     + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("month", MONTHS, _REL, r"\b(?P<rel>last|this|next|past)\s+" + _MONTH + r"\b"),
    ("month", MONTHS, _SINCE, r"\b(?:in|since|from|by|until|of|during)\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("month", MONTHS, "#", r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b"),
    ("rel_month", ["month"], "", r"\b(?P<rel>last|this|next|past)\s+month\b"),
    ("rel_year", ["year"], "", r"\b(?P<rel>last|this|next|past)\s+year\b"),
    ("ago", ["ago"], "", r"\b(?:almost\s+|nearly\s+|about\s+|over\s+|more than\s+)?(?P<count>a|one|two|three|\d+)\s+"
     r"(?P<unit>year|month)s?\s+ago\b"),
    ("weekday", WEEKDAYS, "", r"\b(?:on\s+|last\s+|next\s+|this\s+)?(?P<weekday>" + words_regex(WEEKDAYS) + r")\b"),
    ("today", _NAMED, "", r"\b(?P<when>today|tonight|this morning|this afternoon|this evening|earlier in the day|"
     r"yesterday|tomorrow|last night)\b"),
    ("year", "#", "", r"\b(?:in|since|of|during|from)\s+" + _YEAR + r"\b"),
]]
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}
_MONTH_ONLY = {"may"}  # "may" is usually the verb unless a day, a year or a preposition pins it


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str
    fields: tuple  # sorted (group, value) pairs of the match

    def get(self, key):
        for name, value in self.fields:
            if name == key:
                return value
        return None


_NEEDS = frozenset().union(*(needs for _, needs, _, _ in _PATTERNS))
_VOCABULARY = _NEEDS | {*_PART, *_REL, *_SINCE}
_DIGIT = re.compile(r"\d")


def find_dates(text, words=None):
    """Non-overlapping date mentions in `text`, in order. `words`: the text's `tokens`, when known."""
    words = (tokens(text) if words is None else words) & _VOCABULARY | ({"#"} if _DIGIT.search(text) else set())
    if _NEEDS.isdisjoint(words):
        return []
    taken, found = [], []
    for kind, needs, also, pattern in _PATTERNS:
        if needs.isdisjoint(words) or also and lacks_keys(also, words, text):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken) or _is_verb_may(m, text):
                continue
            taken.append((m.start(), m.end()))
            fields = tuple(sorted((k, v.lower()) for k, v in m.groupdict().items() if v))
            found.append(DateMention(m.start(), m.end(), m.group(), kind, fields))
    return _beside_their_day(sorted(found, key=lambda d: d.start), text)


def _beside_their_day(found, text):
    """The mentions without a weekday that names the day beside it ('Monday, Jan. 4, 2016': the day says it), the
    day keeping the weekday, which tells its year when it has none ('Friday, 9 May')."""
    def beside(a, b):
        return a.end <= b.start and b.start - a.end <= 3 and not text[a.end:b.start].strip(" ,(")
    out = []
    for k, d in enumerate(found):
        near = found[max(0, k - 1):k + 2]
        if d.kind == "day":
            weekday = [o.get("weekday") for o in near if o.kind == "weekday" and (beside(d, o) or beside(o, d))]
            d = replace(d, fields=tuple(sorted(d.fields + (("weekday", weekday[0]),)))) if weekday else d
        if d.kind != "weekday" or not any(o.kind == "day" and (beside(d, o) or beside(o, d)) for o in near):
            out.append(d)
    return out


def _is_verb_may(m, text):
    month = m.groupdict().get("month")
    return (month and month.lower() in _MONTH_ONLY and text[m.start("month")].islower()
            and not (m.groupdict().get("day") or m.groupdict().get("year")))


def resolve(mention, published=None, future=False, year=None):
    """(date, precision) of a mention; `year` comes from a resolved summit when the text has none.

    Relative expressions need the published date; without it they resolve to (None, None). Never guesses."""
    kind, get = mention.kind, mention.get
    if kind == "iso":
        return _safe(int(get("year")), int(get("mnum")), int(get("dnum"))), "day"
    if kind in ("range", "day", "month"):
        month, day = MONTHS[get("month")], int(get("day")) if get("day") else None
        y = _year(mention, published, future, year, month, day)
        if y is None:
            return None, None
        return (_safe(y, month, day), "day") if day else (datetime.date(y, month, 1), "month")
    if kind == "year":
        return datetime.date(int(get("year")), 1, 1), "year"
    if published is None:
        return None, None
    return _relative(mention, published, future)


def _year(mention, published, future, year, month, day):
    get = mention.get
    if get("year"):
        return int(get("year"))
    if year:
        return year
    if published is None:
        return None
    shift = {"last": -1, "past": -1, "next": 1, "this": 0}
    if get("rel_year"):
        return published.year + shift[get("rel_year")]
    weekday = WEEKDAYS.get(get("weekday") or "")
    fits = [y for y in (published.year, published.year - 1, published.year + 1)
            if weekday is not None and day and _safe(y, month, day) and _safe(y, month, day).weekday() == weekday]
    if len(fits) == 1:
        return fits[0]
    candidate = (month, day) if day else (month,)  # a month alone is compared as a month: "the end of October"
    now = (published.month, published.day) if day else (published.month,)
    if get("rel") in ("last", "past"):
        return published.year - (candidate >= now)
    if get("rel") == "next":
        return published.year + (candidate <= now)
    if future:
        return published.year + (candidate < now)
    return published.year - (candidate > now)


def _relative(mention, published, future):
    get, kind = mention.get, mention.kind
    shift = {"last": -1, "past": -1, "next": 1, "this": 0}
    if kind == "rel_month":
        m = published.year * 12 + published.month - 1 + shift[get("rel")]
        return datetime.date(m // 12, m % 12 + 1, 1), "month"
    if kind == "rel_year":
        return datetime.date(published.year + shift[get("rel")], 1, 1), "year"
    if kind == "ago":
        count = _COUNTS.get(get("count")) or int(get("count"))
        if get("unit") == "year":
            return datetime.date(published.year - count, 1, 1), "year"
        m = published.year * 12 + published.month - 1 - count
        return datetime.date(m // 12, m % 12 + 1, 1), "month"
    if kind == "weekday":
        delta = (WEEKDAYS[get("weekday")] - published.weekday()) % 7
        if mention.text.lower().startswith("last") or (not future and delta):
            delta -= 7 if delta else 7
        elif mention.text.lower().startswith("next") and not delta:
            delta = 7
        return published + datetime.timedelta(days=delta), "day"
    if kind == "today":
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(get("when"), 0)
        return published + datetime.timedelta(days=offset), "day"
    return None, None


def _safe(y, month, day):
    try:
        return datetime.date(y, month, day)
    except ValueError:
        return None
