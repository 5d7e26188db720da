"""Assembles meeting records from the mentions in an article: one record per meeting, merged across mentions."""
import calendar
import dataclasses
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
_DASH = re.compile(r"\s*[-–]\s*")
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
# "Lula said on Monday he had spoken with Xi": the speaker took part.
_SELF_REPORT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:said|says|told(?:\s+\w+){1,5}?|recalled|confirmed)(?:\s+(?:on|in)\s+\w+)?"
                          r"\s+(?:that\s+)?(?:he|she)\s+(?:(?:had|has|have|would|will|was|is|also)\s+){0,2}"
                          r"(?:met|meet|spoken|spoke|talked|held|hosted|received|visited|phoned|called)\b",
                          re.IGNORECASE)
# "Stoltenberg said after meeting Erdogan": the speaker took part.
_SAID_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?said\s+(?:\w+\s+){0,2}?after\s+(?:meeting\s+(?!with\b)|"
                         r"(?:(?:a|his|her)\s+)?(?:meeting|talks)\s+with\b)", re.IGNORECASE)
_THEN = re.compile(r",?\s+(?:and\s+)?(?:then|later)\s+|;\s+")
_ADDRESS_WORDS = frozenset({"address", "addressed", "addresses", "addressing"})
_NEGATION_WORDS = frozenset({"not", "never", "no", "t"})
_CONDITION_WORDS = frozenset({"if", "unless"})
_VERBS = {"met", "meets", "meet", "hosted", "received", "visited", "welcomed"}
# "an EU summit", "the G20 summit": a gathering of many, which those who attend it do not hold with each other.
_MULTILATERAL = re.compile(r"(?<![\w-])(?:[A-Z][A-Z0-9]+|G-?\d+|Quad|Arab League|African Union|Commonwealth)\s+$")
_PRONOUN = re.compile(r"(?:He|She)(?=\s)")
# "spoke with" is a meeting only with a person named right after it ("spoke with Russian officials", "spoke to
# CNN about Netanyahu" are not).
_SPOKE_WITH = re.compile(r"(?:spoke|spoken|talked)\s+(?:with|to)\b", re.IGNORECASE)
_NAMED_NEXT = re.compile(r"\s+(?:(?:his|her|their)\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}(?:counterpart,?\s+)?"
                         r"(?:[A-Z][\w.'’-]*\s+){0,3}")
_CLAUSE_BREAK = re.compile(r"[,;:()—–]")
_AND = re.compile(r",?\s+and\s+(?:[\w.'’-]+\s+){0,4}")
_BEFORE_NOUN = re.compile(r"\s+(?:(?!(?:for|to|and|or|of|in|at|with|after|before|during)\s)[\w-]+\s+)?")
_AFTER_NOUN = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+|$))+")
# "told a news conference in London": the place of a speech, not of the meeting.
_SPEECH_EVENT = Keyed(r"\b(?:news conference|press conference|briefing|speech|interview|rally|address)\b",
                      {"conference", "briefing", "speech", "interview", "rally", "address"})
# A date that belongs to what someone said or did in public ("said on Monday", "the testimony Tuesday").
_SPEECH_DATE = re.compile(r"\b(?:said|told|stated|noted|added|stressed|emphasi[sz]ed|testified|testimony|hearing|"
                          r"speech|interview|briefing|press conference|statement|remarks|rally)\s+(?:\w+\s+){0,2}$")
# A meeting named inside a condition ("if he committed offences during his conversation with ...") is not reported.
_CONDITION = re.compile(r"\b(?:if|unless)\b[^,;:()]*$", re.IGNORECASE)
# "a meeting", "another call": the noun introduces a meeting rather than referring to one already named.
_INDEFINITE = re.compile(r"\b(?:an?|another)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


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
    indefinite: bool = False


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
        for m in self.mentions:
            found = getattr(m.location, attr)
            if found:
                return found
        return None

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
        meetings, focus, arrival = [], None, None
        for i, (sentence, cue, found) in enumerate(zip(spans, scans, names)):
            arrived = (found[0] or found[1]) and cue.arrival
            relevant = cue.trigger or cue.delegation or arrived
            people = find_people(sentence.text, self.gaz, known, published_date, found, cue.words) if relevant else []
            pronoun = cue.trigger and i and _PRONOUN.match(sentence.text)
            antecedent = pronoun and self._subject(spans[i - 1], names[i - 1], known, published_date, pronoun.end())
            found_mentions = self._mentions(sentence, cue, people, focus, antecedent)
            for mention in found_mentions:
                _place_by_arrival(mention, arrival)
                focus = self._merge(meetings, mention, focus)
            if arrived and not found_mentions:
                arrival = self._arrival(sentence, cue, people) or arrival
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

    def _subject(self, previous, found, known, day, end):
        """The person a sentence-opening 'He' or 'She' (ending at `end`) stands for: the one named at the start
        of the previous sentence."""
        first = [p for p in find_people(previous.text, self.gaz, known, day, found)
                 if p.start < 60 and not p.possessive]
        return dataclasses.replace(first[0], start=0, end=end, speaker=False) if first else None

    def _mentions(self, sentence, cue, people, focus, antecedent=None):
        """The meeting mentions of one sentence, each with its participants."""
        text, trigger = sentence.text, cue.trigger
        if not trigger:
            return []
        cancel = bool(focus and cue.cancelled)
        principals = _unique([p for p in people if not p.speaker and not p.possessive
                              or "after" in cue.words and _SAID_AFTER.match(text, p.end)])
        if len(principals) == 1:
            reporters = _unique([p for p in people if p.speaker and _SELF_REPORT.match(text, p.end)
                                 and p.name != principals[0].name])
            principals = sorted(principals + reporters, key=lambda p: p.start) if len(reporters) == 1 else principals
        if len(principals) == 1 and antecedent and antecedent.name != principals[0].name:
            principals = [antecedent, *principals]
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
            spoke = _SPOKE_WITH.match(text, at)
            if _not_reported(text, cue, at) or spoke and not any(
                    p.start >= spoke.end() and _NAMED_NEXT.fullmatch(text, spoke.end(), p.start) for p in group
                    if hasattr(p, "start")):
                continue
            found.append(self._mention(sentence, cue, at, people_by_name, explicit))
        return found

    def _groups(self, text, cue, principals):
        """The participant groups a sentence names: 'met first with A and then with B' gives two."""
        split = len(principals) >= 3 and _SPLIT.search(text)
        if split:
            subject = [p for p in principals if p.start < split.start()][-1:]
            return [subject + [p] for p in principals if p.start > split.start()] if subject else []
        clauses = len(principals) >= 3 and _clause_groups(text, cue, principals)
        if clauses:
            return clauses
        pair = self._named_pair(text, principals) or len(principals) >= 3 and _subject_object(text, cue, principals)
        if pair:
            return [pair]
        near = [p for p in principals if _near_trigger(cue, p)]
        if len(near) < 2:
            near = _coordinated(text, cue, principals) or near
        return [near] if len(near) <= 3 else []

    @staticmethod
    def _named_pair(text, principals):
        """Participants named together: 'between A and B', 'the A-B meeting', 'A and B met'."""
        if len(principals) < 2:
            return None
        for m in _BETWEEN.finditer(text):
            inside = [p for p in principals if m.start("span") <= p.start < m.end("span")]
            if len(inside) >= 2:
                return inside
        for a, b in zip(principals, principals[1:]):
            if _DASH.fullmatch(text, a.end, b.start) and _COMPOUND.match(text[b.end:]):
                return [a, b]
        return None

    def _arrival(self, sentence, cue, people):
        """(paragraph, names, location, date) of 'X arrived in Hiroshima on Saturday for the G7 summit': where
        and from when X's next meetings are."""
        text = sentence.text
        loc = locate(text, self.gaz, cue.arrival.end(), cue.words)
        travellers = {p.name for p in people if not p.possessive}
        if not travellers or not (loc.city or loc.country):
            return None
        dates = [d for d in find_dates(text, cue.words) if not _SPEECH_DATE.search(text[max(0, d.start - 30):d.start])]
        return sentence.paragraph, travellers, Location(loc.city, loc.country, None, loc.event), next(iter(dates), None)

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
        discussed = cue.discussion  # the first cue in the sentence is the first after `at` when it is not before it
        if discussed and discussed.start() < at:
            discussed = cues.DISCUSSION.search(text, cue.words, at)
        others = [m for m in cue.triggers if m.start() != at and _NOUN.fullmatch(m.group())]
        dates = [d for d in find_dates(text, cue.words) if not _SPEECH_DATE.search(text[max(0, d.start - 30):d.start])
                 and not any(_BEFORE_NOUN.fullmatch(text, d.end, m.start()) for m in others)]
        date = min(dates, key=lambda d: (not d.get("year"), abs(d.start - at))) if dates else None
        located = _without_places_of([*others, *_SPEECH_EVENT.finditer(text, cue.words)], text)
        # (the places blanked out and the cut at a discussion cue leave the other words whole)
        location = locate(located[:discussed.start()] if discussed else located, self.gaz, at, cue.words)
        countries = {p["country"] for p in people.values()} | {location.country}  # who meets, and where, are not topics
        # "met A, then spoke by phone with B": each clause its own format and duration
        clause = _clause(text, at) if "then" in cue.words or "later" in cue.words or ";" in text else None
        fmt, duration = (cues.format_of(clause), cues.duration_minutes(clause)) if clause else (
            cue.format, cues.duration_minutes(text))
        return Mention(sentence, tuple(people), people, cue.status(at), fmt, location, date,
                       duration, self._topics(cue, countries, discussion_only=False),
                       explicit, explicit and bool(_INDEFINITE.search(text, max(0, at - 30), at)))

    def _merge(self, meetings, mention, focus):
        """Adds `mention` to the meeting it refers to, or starts a new one; returns the new focus."""
        names = frozenset(mention.names)
        same = [m for m in meetings if m.names == names and _compatible(m, mention)]
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
        _extend(target.topics, self._topics(cue, countries, discussion_only=not discussed))

    def _topics(self, cue, exclude_countries, discussion_only):
        """Topics from the topic gazetteer, and countries or regions named as subjects of discussion in the
        sentence of `cue`."""
        text, words = cue.text, cue.words
        if not _TITLE_WORDS.keys.isdisjoint(words):  # "Finance Minister" is not about finance
            text = _TITLE_WORDS.pattern.sub(lambda m: " " * len(m.group()), text)
        found = self.gaz.find_topics(text)
        if not discussion_only:
            discussed, passive = (cue.discussion, cue.passive) if text == cue.text else (
                cues.DISCUSSION.search(text, words), cues.PASSIVE.search(text, words))
            spans = ([(discussed.start(), len(text))] if discussed else []) + (
                [(0, passive.start())] if passive else [])
            for begin, end in spans:
                for kind, names in (("country", self.gaz.countries), ("region", self.gaz.regions)):
                    for start, _, form in self.gaz.find(kind, text[begin:end], words):
                        name = names[form][0] if kind == "region" else names[form]
                        if name not in exclude_countries:
                            found.append((begin + start, name))
        return [name for _, name in sorted(found)]

    def _record(self, meeting, published):
        status = max((m.status for m in meeting.mentions if m.status), key=_STATUS_RANK.get, default="held")
        future = status != "held" and any(m.status in ("planned", "proposed") for m in meeting.mentions)
        city, country, venue, event = (meeting.value(a) for a in ("city", "country", "venue", "event"))
        if meeting.format():  # a call has no meeting place: a place in its sentences is what was discussed
            city = country = venue = None
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


def _not_reported(text, cue, at):
    """Whether the meeting word at `at` reports no meeting: meetings in general ('met several times'), a denial
    ('will not meet'), a speech ('addressed the summit by video link') or a condition ('if he ... during his
    conversation with ...')."""
    words = cue.words
    if at in cue.iterative or "summit" in words and _multilateral(text, at):
        return True
    if not words.isdisjoint(_ADDRESS_WORDS) and cues.ADDRESSED.search(text, 0, at):
        return True
    if not words.isdisjoint(_NEGATION_WORDS) and not cue.cancelled and cues.NEGATED.search(text, max(0, at - 40), at):
        return True
    return bool(not words.isdisjoint(_CONDITION_WORDS) and _CONDITION.search(text, 0, at)
                and cue.status(at) in (None, "held"))


def _multilateral(text, at):
    return text[at:at + 6].lower() == "summit" and bool(_MULTILATERAL.search(text, max(0, at - 30), at))


def _place_by_arrival(mention, arrival):
    """A meeting in person that names no place is where, and (without a date of its own) when, one of its parties
    had just arrived (same or next paragraphs)."""
    loc = mention.location
    if arrival and not (loc.city or loc.country or mention.format) and \
            mention.sentence.paragraph - arrival[0] <= 2 and arrival[1] & set(mention.names):
        mention.location = Location(arrival[2].city, arrival[2].country, loc.venue, loc.event or arrival[2].event)
        mention.date = mention.date or arrival[3]


def _bounds(text):
    """Where the clauses of a sentence start ('..., then ...', '...; ...'), and its end."""
    if "then" not in text and "later" not in text and ";" not in text:
        return [0, len(text)]
    return [0, *(m.end() for m in _THEN.finditer(text)), len(text)]


def _clause(text, at):
    """The clause around `at` of a sentence of several ('..., then ...'), or None."""
    bounds = _bounds(text)
    return next((text[s:e] for s, e in zip(bounds, bounds[1:]) if s <= at < e), None) if len(bounds) > 2 else None


def _clause_groups(text, cue, principals):
    """'A met B in Tel Aviv, then ... a summit with C, D and E': the sentence's subject with the people of each
    clause that has its own meeting word."""
    bounds = _bounds(text)
    if len(bounds) < 3:
        return None
    subject, groups = principals[0], []
    for start, end in zip(bounds, bounds[1:]):
        others = [p for p in principals[1:] if start <= p.start < end and p.name != subject.name]
        if others and any(start <= t.start() < end for t in cue.triggers):
            groups.append([subject, *others])
    return groups if len(groups) >= 2 else None


def _subject_object(text, cue, principals, reach=40):
    """'A met B in Tel Aviv, then ... with C, D and E': the people right before and after a meeting verb."""
    for t in cue.triggers:
        if t.group().lower() in _VERBS:
            before = [p for p in principals if 0 <= t.start() - p.end <= reach
                      and not _CLAUSE_BREAK.search(text, p.end, t.start())]
            after = [p for p in principals if 0 <= p.start - t.end() <= reach
                     and not _CLAUSE_BREAK.search(text, t.end(), p.start)]
            if before and after:
                return _and_chain(text, principals, before[-1], -1)[::-1] + _and_chain(text, principals, after[0], 1)
    return None


def _and_chain(text, principals, first, step):
    """`first` and the people joined to it by 'and' ('Macron and von der Leyen met Xi'), going back (`step` -1)
    or forward (1)."""
    chain, i = [first], principals.index(first)
    while 0 <= i + step < len(principals):
        a, b = sorted((principals[i], principals[i + step]), key=lambda p: p.start)
        if not _AND.fullmatch(text, a.end, b.start):
            break
        i += step
        chain.append(principals[i])
    return chain


def _coordinated(text, cue, principals):
    """'A and B held their first talks': two people joined by 'and' and followed by a meeting word."""
    for a, b in zip(principals, principals[1:]):
        if _AND.fullmatch(text, a.end, b.start) and any(0 < m.start() - b.end <= 120 and not _CLAUSE_BREAK.search(
                text, b.end, m.start()) for m in cue.triggers):
            return [a, b]
    return None


def _without_places_of(nouns, text):
    """`text` with the places named right after these meeting nouns blanked out."""
    for noun in nouns:
        place = _AFTER_NOUN.match(text, noun.end())
        if place:
            text = text[:place.start()] + " " * (place.end() - place.start()) + text[place.end():]
    return text


def _compatible(meeting, mention):
    """Whether nothing the mention states contradicts the meeting: place, event, date, phone or not, and for a
    meeting the mention introduces ("a meeting X wanted with Y"), its status."""
    if mention.indefinite and (mention.status or "held") not in {m.status or "held" for m in meeting.mentions}:
        return False
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
    """Position of the meeting word nearest to the named participants (not a summit of many, when there is
    another)."""
    middle = sum(p.start for p in group) / len(group)
    found = [m.start() for m in cue.triggers]
    if "summit" in cue.words:
        found = [at for at in found if not _multilateral(cue.text, at)] or found
    bounds = _bounds(cue.text)  # in a sentence of clauses, a meeting word of the clause naming the last of them
    if len(bounds) > 2:
        last = max(p.start for p in group)
        clause = next((s, e) for s, e in zip(bounds, bounds[1:]) if s <= last < e)
        found = [at for at in found if clause[0] <= at < clause[1]] or found
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
