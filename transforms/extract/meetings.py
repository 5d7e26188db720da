"""Assembles meeting records from the mentions in an article: one record per meeting, merged across mentions."""
import calendar
import re
from dataclasses import dataclass, field

from transforms.extract import cues
from transforms.extract.dates import MONTHS, find_dates, resolve
from transforms.extract.gazetteer import Gazetteer
from transforms.extract.words import Keyed, key_words, words_regex
from transforms.extract.people import GROUP, TITLES, compile_patterns, find_people, names_in
from transforms.extract.places import Location, locate, resolve_summit
from transforms.extract.text import sentences

_PRECISION = {"day": 3, "month": 2, "year": 1}
_STATUS_RANK = {"cancelled": 4, "held": 3, "planned": 2, "proposed": 1}
_SPLIT = re.compile(r"\b(?:met|meet|meets|meeting|talks)\s+(?:first\s+)?with\b.+?\band\s+(?:then|later|also)\s+with\b")
_BETWEEN = re.compile(r"\b(?:between|of)\s+(?P<span>.+?)(?=[,;:.]|\s+(?:is|was|were|will|would|has|had|at|in|on|"
                      r"took|lasted|ended|began)\b|$)")
_COMPOUND = re.compile(r"^\s+(?:[\w-]+\s+)?(?:meeting|talks|summit|negotiations|call|conversation)\b")
_MEETING_NOUN = Keyed(r"\b(?:meeting|talks|negotiations|conversation)\b", {"meeting", "talks", "negotiations", "conversation"})
_PLURAL = Keyed(r"\b(?:meetings|summits|contacts)\b", {"meetings", "summits", "contacts"})
_TITLE_WORDS = Keyed(r"(?<!\w)(?:" + words_regex([*TITLES, "national security council"]) + r")(?!\w)",
                    key_words([*TITLES, "national security council"]))
# Another meeting the article introduces with its own date or parties ("a July 10 meeting", "a call between ..."),
# and what belongs to a meeting noun itself: a date before it, and a place right after it ("at the White House").
_WHEN = "|".join([*calendar.month_name[1:], *calendar.day_name, r"\d[\w-]*"])
_ANOTHER_MEETING = Keyed(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:(?:[\w-]+\s+){0,2}?(?:" + _WHEN + r")\s+(?:[\w-]+\s+)?"
                         r"(?:meeting|conversation|call|talks)\b|(?:[\w-]+\s+){0,2}(?:meeting|conversation|call|talks)\s+"
                         r"(?:[\w,.-]+\s+){0,4}?between\b)", {"meeting", "conversation", "call", "talks"}, flags=0)
_NOUN = re.compile(r"meeting|talks|negotiations|(?:(?:tele)?phone )?(?:conversation|call)|breakfast|lunch|dinner",
                   re.IGNORECASE)
_BEFORE_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?")
_AFTER_NOUN = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+|$))+")
_SPEECH_DATE = re.compile(r"\b(?:said|told|stated|noted|added|stressed|emphasi[sz]ed)\s+(?:\w+\s+){0,2}$")


@dataclass
class Mention:
    sentence: object
    names: tuple
    people: dict
    status: str
    format: str
    location: Location
    date: object
    duration: int
    topics: list
    explicit: bool


@dataclass
class Meeting:
    people: dict
    mentions: list = field(default_factory=list)
    delegation: dict = field(default_factory=dict)
    topics: list = field(default_factory=list)

    @property
    def names(self):
        return frozenset(self.people)

    def value(self, attr):
        """The first non-null location attribute across the mentions."""
        return next((getattr(m.location, attr) for m in self.mentions if getattr(m.location, attr)), None)

    def format(self):
        return next((m.format for m in self.mentions if m.format), None)


class Extractor:
    """Finds meetings in cleaned article text with the gazetteers of `configs/`."""

    def __init__(self, gazetteer):
        self.gaz = gazetteer
        compile_patterns(gazetteer)

    @classmethod
    def from_config(cls, load):
        return cls(Gazetteer.from_config(load))

    def extract(self, text, published_date=None):
        """Meeting records (dicts with the meetings schema's extraction fields) found in `text`."""
        spans = sentences(text)
        scans = [cues.Cues(sentence.text) for sentence in spans]
        names = [names_in(sentence.text, self.gaz, cue.words) for sentence, cue in zip(spans, scans)]
        known = self._known_people(names)
        meetings, focus = [], None
        for sentence, cue, found in zip(spans, scans, names):
            relevant = cue.trigger or cue.delegation
            people = find_people(sentence.text, self.gaz, known, published_date, found) if relevant else []
            found_mentions = self._mentions(sentence, cue, people, focus)
            for mention in found_mentions:
                focus = self._merge(meetings, mention, focus)
            if not found_mentions and _ANOTHER_MEETING.search(sentence.text, cue.words) and not cue.anaphor:
                focus = None  # "a September conversation between ...": later references are to that one
            if focus:
                self._attach_context(focus, meetings, sentence, cue, people)
        return [self._record(m, published_date) for m in meetings if len(m.people) >= 2]

    def _known_people(self, names):
        """Everyone the article names in full (`names`: `names_in` of each sentence): gazetteer people, and
        titled names the gazetteer lacks."""
        known = {}
        for forms, _ in names:
            for _, _, form in forms:
                for p in self.gaz.person_forms[form]:
                    if form == p.name or form in p.aliases:
                        known[p.name] = {"name": p.name, "country": p.country, "role": None, "person": p}
        for forms, titled in names:
            for start, end, name, country, role in titled:
                if name not in known and not self.gaz.person_forms.get(name) and not any(
                        s < end and start < e for s, e, _ in forms):
                    known[name] = {"name": name, "country": country, "role": role, "person": None}
        return known

    def _mentions(self, sentence, cue, people, focus):
        """The meeting mentions of one sentence, each with its participants."""
        text, trigger = sentence.text, cue.trigger
        if not trigger:
            return []
        cancel = bool(focus and cue.cancelled)
        principals = _unique([p for p in people if not p.speaker and not p.possessive])
        groups = [g for g in self._groups(text, cue, principals) if len(g) >= 2]
        delegation = cue.delegation
        recent = focus and sentence.paragraph - focus.mentions[-1].sentence.paragraph <= 2
        within = focus and {p.name for p in principals} <= set(focus.people)
        group_word = GROUP.search(text, cue.words)
        refers_back = focus and (group_word or delegation or cancel or not _PLURAL.search(text, cue.words) and (
            cue.anaphor or recent and within and (principals or self._anchored(text, cue.words))))
        if delegation and not refers_back:
            return []
        if refers_back and (not groups or delegation or group_word and not self._named_pair(text, principals)):
            groups = [list(focus.people.values())]
        found = []
        for group in groups:
            people_by_name = {_name(p): _person(p) for p in group}
            explicit = all(hasattr(p, "start") for p in group)
            at = _trigger_near(cue, group) if explicit else trigger.start()
            found.append(self._mention(sentence, cue, at, people_by_name, explicit))
        return found

    def _groups(self, text, cue, principals):
        """The participant groups a sentence names: 'met first with A and then with B' gives two."""
        split = _SPLIT.search(text)
        if len(principals) >= 3 and split:
            subject = [p for p in principals if p.start < split.start()][-1:]
            return [subject + [p] for p in principals if p.start > split.start()] if subject else []
        pair = self._named_pair(text, principals)
        if pair:
            return [pair]
        near = [p for p in principals if _near_trigger(cue, p)]
        return [near] if len(near) <= 3 else []

    @staticmethod
    def _named_pair(text, principals):
        """Participants named together: 'between A and B', 'the A-B meeting', 'A and B met'."""
        for m in _BETWEEN.finditer(text):
            inside = [p for p in principals if m.start("span") <= p.start < m.end("span")]
            if len(inside) >= 2:
                return inside
        for a, b in zip(principals, principals[1:]):
            if re.fullmatch(r"\s*[-–]\s*", text[a.end:b.start]) and _COMPOUND.match(text[b.end:]):
                return [a, b]
        return None

    def _anchored(self, text, words):
        """A meeting noun followed by a place, date or duration of its own ('Negotiations in Osaka lasted ...')."""
        for m in _MEETING_NOUN.finditer(text, words):
            after = text[m.end():m.end() + 60]
            loc = locate(after, self.gaz)
            if loc.city or loc.country or cues.duration_minutes(after) or find_dates(after):
                return True
        return False

    def _mention(self, sentence, cue, at, people, explicit):
        text = sentence.text
        discussed = cues.DISCUSSION.search(text, cue.words, at)
        others = [m for m in cue.triggers if m.start() != at and _NOUN.fullmatch(m.group())]
        dates = [d for d in find_dates(text, cue.words) if not _SPEECH_DATE.search(text[max(0, d.start - 30):d.start])
                 and not any(_BEFORE_NOUN.fullmatch(text, d.end, m.start()) for m in others)]
        date = min(dates, key=lambda d: (not d.get("year"), abs(d.start - at))) if dates else None
        located = _without_places_of(others, text)
        location = locate(located[:discussed.start()] if discussed else located, self.gaz, at)
        countries = {p["country"] for p in people.values()} | {location.country}  # who meets, and where, are not topics
        return Mention(sentence, tuple(people), people, cue.status(at), cue.format, location, date,
                       cues.duration_minutes(text), self._topics(text, cue.words, countries, discussion_only=False),
                       explicit)

    def _merge(self, meetings, mention, focus):
        """Adds `mention` to the meeting it refers to, or starts a new one; returns the new focus."""
        same = [m for m in meetings if m.names == frozenset(mention.names) and _compatible(m, mention)]
        if same:
            meeting = max(same, key=lambda m: (_agreement(m, mention), m is focus, meetings.index(m)))
        else:
            meeting = Meeting(dict(mention.people))
            meetings.append(meeting)
        meeting.mentions.append(mention)
        for name, person in mention.people.items():
            meeting.people.setdefault(name, person)
            meeting.delegation.pop(name, None)
        _extend(meeting.topics, mention.topics)
        return meeting

    def _attach_context(self, focus, meetings, sentence, cue, people):
        """Delegation members and discussed topics stated in sentences about the focus meeting; discussion
        far from any mention is about the article's main meeting. A sentence about meetings in the plural is about
        none of them in particular."""
        text = sentence.text
        last = focus.mentions[-1].sentence
        recent = sentence.paragraph - last.paragraph <= 1
        if cue.delegation and recent:
            for p in people:
                if not p.speaker and not p.possessive and p.name not in focus.people:
                    focus.delegation.setdefault(p.name, _person(p))
        discussed = cue.discussion or cue.passive
        if last is sentence or not (discussed or recent) or _PLURAL.search(text, cue.words):
            return
        target = focus if recent else max(meetings, key=lambda m: (len(m.mentions), -meetings.index(m)))
        countries = {p["country"] for p in target.people.values()} | {target.value("country")}
        _extend(target.topics, self._topics(text, cue.words, countries, discussion_only=not discussed))

    def _topics(self, text, words, exclude_countries, discussion_only):
        """Topics from the topic gazetteer, and countries or regions named as subjects of discussion."""
        if not _TITLE_WORDS.keys.isdisjoint(words):  # "Finance Minister" is not about finance
            text = _TITLE_WORDS.pattern.sub(lambda m: " " * len(m.group()), text)
        found = self.gaz.find_topics(text)
        if not discussion_only:
            cue, passive = cues.DISCUSSION.search(text, words), cues.PASSIVE.search(text, words)
            spans = ([(cue.start(), len(text))] if cue else []) + ([(0, passive.start())] if passive else [])
            for begin, end in spans:
                for kind, names in (("country", self.gaz.countries), ("region", self.gaz.regions)):
                    for start, _, form in self.gaz.find(kind, text[begin:end]):
                        name = names[form][0] if kind == "region" else names[form]
                        if name not in exclude_countries:
                            found.append((begin + start, name))
        return [name for _, name in sorted(found)]

    def _record(self, meeting, published):
        status = max((m.status for m in meeting.mentions if m.status), key=_STATUS_RANK.get, default="held")
        future = status != "held" and any(m.status in ("planned", "proposed") for m in meeting.mentions)
        city, country, venue, event = (meeting.value(a) for a in ("city", "country", "venue", "event"))
        date, precision, date_text = _best_date(meeting, published, future)
        summit = event and resolve_summit(self.gaz, event, city, country, date and date.year, published, future)
        if summit:
            city, country = city or summit.city, country or summit.country
            date, precision, date_text = _best_date(meeting, published, future, summit)
            if date is None:
                date, precision, date_text = summit.start, "day", f"{event} {summit.year}"
        evidence = next((m for m in meeting.mentions if m.explicit), meeting.mentions[0]).sentence
        return {
            "participants": [self._role(p, date or published) for p in meeting.people.values()],
            "delegation": [self._role(p, date or published) for p in meeting.delegation.values()],
            "status": status, "format": meeting.format() or "in_person",
            "meeting_date": date, "date_precision": precision if date else None, "date_text": date_text,
            "city": city, "country": country, "venue": venue, "event": event,
            "duration_minutes": next((m.duration for m in meeting.mentions if m.duration), None),
            "topics": [t for t in meeting.topics if t not in self.gaz.vague_topics] or meeting.topics,
            "evidence": evidence.text,
            "evidence_start": evidence.start, "evidence_end": evidence.end,
            "confidence": _confidence(meeting, date),
        }

    def _role(self, person, day):
        entry = next((p for p in self.gaz.person_forms.get(person["name"], []) if p.name == person["name"]), None)
        role = entry.role_on(day) if entry and entry.offices else person["role"]
        return {"name": person["name"], "country": person["country"], "role": role}


def _without_places_of(nouns, text):
    """`text` with the places named right after these meeting nouns blanked out."""
    for noun in nouns:
        place = _AFTER_NOUN.match(text, noun.end())
        if place:
            text = text[:place.start()] + " " * (place.end() - place.start()) + text[place.end():]
    return text


def _compatible(meeting, mention):
    """Whether nothing the mention states contradicts the meeting: place, event, date, phone or not."""
    loc = mention.location
    for attr in ("city", "country", "event"):
        ours = meeting.value(attr)
        if ours and getattr(loc, attr) and ours != getattr(loc, attr):
            return False
    if mention.format and meeting.value("city") or meeting.format() and loc.city:
        return False
    if mention.date:
        theirs = _date_key(mention.date)
        for other in (m.date for m in meeting.mentions if m.date):
            if any(a and b and a != b for a, b in zip(_date_key(other), theirs)):
                return False
    return True


def _agreement(meeting, mention):
    loc = mention.location
    return sum(bool(getattr(loc, a)) and meeting.value(a) == getattr(loc, a) for a in ("city", "country", "event"))


def _date_key(mention):
    get = mention.get
    month = MONTHS.get(get("month")) if get("month") else None
    return (int(get("year")) if get("year") else None, month, int(get("day")) if get("day") else None)


def _best_date(meeting, published, future, summit=None):
    """The most precise date the mentions give; at a summit, only dates within it (and its year for partial ones)."""
    best = None
    for m in meeting.mentions:
        if m.date:
            date, precision = resolve(m.date, published, future, summit and summit.year)
            if date and (summit is None or _within(date, precision, summit)) and (
                    best is None or _PRECISION[precision] > _PRECISION[best[1]]):
                best = (date, precision, m.date.text)
    return best or (None, None, None)


def _within(date, precision, summit):
    if precision == "day":
        return summit.start <= date <= summit.end
    if precision == "month":
        return (summit.start.year, summit.start.month) <= (date.year, date.month) <= (summit.end.year, summit.end.month)
    return date.year == summit.year


def _confidence(meeting, date):
    score = 0.5 + 0.1 * min(len(meeting.mentions) - 1, 2) + 0.15 * any(m.explicit for m in meeting.mentions)
    return round(min(score + 0.05 * (date is not None), 0.95), 2)


def _near_trigger(cue, person, reach=80):
    """Whether a meeting word is within `reach` characters of the person (the person takes part in it)."""
    return any(m.start() - reach <= person.start <= m.end() + reach for m in cue.triggers)


def _trigger_near(cue, group):
    """Position of the meeting word nearest to the named participants."""
    middle = sum(p.start for p in group) / len(group)
    found = [m.start() for m in cue.triggers]
    return min(found, key=lambda at: abs(at - middle)) if found else 0


def _name(p):
    return p["name"] if isinstance(p, dict) else p.name


def _person(p):
    if isinstance(p, dict):
        return p
    return {"name": p.name, "country": p.country, "role": p.role}


def _unique(people):
    seen, out = set(), []
    for p in people:
        name = _name(p)
        if name not in seen:
            seen.add(name)
            out.append(p)
    return out


def _extend(items, new):
    for item in new:
        if item not in items:
            items.append(item)
