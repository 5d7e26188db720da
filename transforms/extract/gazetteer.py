"""The gazetteers of `configs/` (people, places, summits, topics) as compiled lookups, built once per worker."""
import datetime
import re
from dataclasses import dataclass, field

from pipeline.config import ConfigError
from transforms.extract.words import form_keys, lacks_keys, whole_words


@dataclass(frozen=True)
class Person:
    name: str
    country: str = None
    surname: str = None
    aliases: tuple = ()
    offices: tuple = ()  # (role, start date or None, end date or None)

    def role_on(self, day):
        """The office held on `day`; the latest one when the day is unknown or outside every office."""
        if not self.offices:
            return None
        if day:
            for role, start, end in self.offices:
                if (start is None or start <= day) and (end is None or day <= end):
                    return role
        return self.offices[-1][0]

    def holds(self, role, day):
        """Whether the person held `role` on `day` (at any time when the day is unknown)."""
        return any(r == role and (day is None or ((s is None or s <= day) and (e is None or day <= e)))
                   for r, s, e in self.offices)


@dataclass(frozen=True)
class Summit:
    event: str
    year: int
    city: str
    country: str
    start: datetime.date
    end: datetime.date


@dataclass
class Gazetteer:
    people: list
    person_forms: dict        # surface form -> list of Person
    countries: dict           # name, alias or abbreviation -> canonical country
    adjectives: dict          # adjective -> canonical country
    capitals: dict            # country -> capital city
    seats: dict               # metonym (Kremlin, White House) -> country
    cities: dict              # name or alias -> (city, country)
    venues: dict              # name or alias -> (venue, city, country)
    regions: dict             # name -> (region, country or None)
    series: dict              # alias -> event name
    summits: list
    topics: list              # topic names, in the order of topics.yaml
    vague_topics: frozenset   # topics kept only without a more specific one
    patterns: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)           # kind -> `form_keys` of its names
    topic_phrases: dict = field(default_factory=dict)  # lower-cased phrase -> topic
    summits_of: dict = field(default_factory=dict)     # event name -> its summits, in the order of summits.yaml

    @classmethod
    def from_config(cls, load):
        """Builds the lookups from `load(name)` -> parsed YAML of configs/NAME.yaml."""
        people = [_person(p) for p in load("people").get("people") or []]
        places, summits, topics = load("places"), load("summits"), load("topics")
        countries, adjectives, capitals, seats = {}, {}, {}, {}
        for c in places.get("countries") or []:
            for form in [c["name"], *(c.get("aliases") or []), *(c.get("abbreviations") or [])]:
                countries[form] = c["name"]
            for adj in c.get("adjectives") or []:
                adjectives[adj] = c["name"]
            if c.get("capital"):
                capitals[c["name"]] = c["capital"]
            for seat in c.get("seats") or []:
                seats[seat] = c["name"]
        gaz = cls(
            people=people, person_forms=_person_forms(people), countries=countries, adjectives=adjectives,
            capitals=capitals, seats=seats,
            cities={f: (c["name"], c.get("country")) for c in places.get("cities") or [] for f in _forms(c)},
            venues={f: (v["name"], v.get("city"), v.get("country")) for v in places.get("venues") or []
                    for f in _forms(v)},
            regions={f: (r["name"], r.get("country")) for r in places.get("regions") or [] for f in _forms(r)},
            series={a: s["event"] for s in summits.get("series") or [] for a in [s["event"], *(s.get("aliases") or [])]},
            summits=[_summit(s, summits) for s in summits.get("summits") or []],
            topics=[t["name"] for t in topics.get("topics") or []],
            vague_topics=frozenset(t["name"] for t in topics.get("topics") or [] if t.get("vague")),
        )
        kinds = (("person", gaz.person_forms), ("country", gaz.countries), ("adjective", gaz.adjectives),
                 ("city", gaz.cities), ("venue", gaz.venues), ("region", gaz.regions), ("series", gaz.series),
                 ("seat", gaz.seats))
        gaz.patterns = {name: whole_words(forms) for name, forms in kinds}
        gaz.keys = {name: form_keys(forms) for name, forms in kinds}
        for summit in gaz.summits:
            gaz.summits_of.setdefault(summit.event, []).append(summit)
        gaz.topic_phrases = {p.lower(): t["name"] for t in topics.get("topics") or []
                             for p in t.get("phrases") or [t["name"]]}
        # Topic phrases are matched case-sensitively on the lower-cased text, which the regex engine does in half
        # the time of a case-insensitive match; "topic_any_case" serves the texts lower-casing would lengthen.
        gaz.patterns["topic"] = whole_words(gaz.topic_phrases, jump=False)
        gaz.patterns["topic_any_case"] = whole_words(gaz.topic_phrases, re.IGNORECASE)
        gaz.patterns["topic_regex"] = _topic_regexes(topics.get("topics") or [])
        return gaz

    def find(self, kind, text, words=None):
        """(start, end, surface form) of every `kind` name in `text`, longest match first. `words`: the `tokens`
        of `text` (or of a text holding its words whole), when known: a text without a key word is not scanned."""
        pattern = self.patterns.get(kind)
        if not pattern or lacks_keys(self.keys.get(kind), words, text):
            return []
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]

    def find_topics(self, text):
        """(start, topic name) of every topic phrase or pattern in `text`."""
        found = []
        if self.patterns.get("topic"):
            low = text.lower()
            phrases = self.patterns["topic"].finditer(low) if len(low) == len(text) else \
                self.patterns["topic_any_case"].finditer(text)
            found = [(m.start(), self.topic_phrases[m.group().lower()]) for m in phrases]
        if self.patterns.get("topic_regex"):
            found += [(m.start(), self.topics[int(m.lastgroup[1:])])
                      for m in self.patterns["topic_regex"].finditer(text)]
        return sorted(found)

    def holders(self, role, day):
        """People who held `role` on `day`."""
        return [p for p in self.people if p.holds(role, day)]


def _forms(entry):
    return [entry["name"], *(entry.get("aliases") or [])]


def _date(value, where):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def _person(entry):
    if not entry.get("name"):
        raise ConfigError(f"people.yaml: an entry has no name: {entry!r}")
    offices = tuple((o["role"], _date(o.get("from"), entry["name"]), _date(o.get("to"), entry["name"]))
                    for o in entry.get("offices") or [])
    surname = entry.get("surname") or entry["name"].split()[-1]
    return Person(entry["name"], entry.get("country"), surname, tuple(entry.get("aliases") or ()),
                  tuple(sorted(offices, key=lambda o: o[1] or datetime.date.min)))


def _person_forms(people):
    """Full names and aliases map to their person; a surname maps to everyone who bears it."""
    forms = {}
    for p in people:
        for form in {p.name, p.surname, *p.aliases}:
            forms.setdefault(form, [])
            if p not in forms[form]:
                forms[form].append(p)
    return forms


def _summit(entry, config):
    events = {s["event"] for s in config.get("series") or []}
    if entry.get("series") not in events:
        raise ConfigError(f"summits.yaml: unknown series {entry.get('series')!r}")
    start = _date(entry.get("start"), entry["series"])
    return Summit(entry["series"], int(entry.get("year") or start.year), entry.get("city"), entry.get("country"),
                  start, _date(entry.get("end"), entry["series"]) or start)


def _topic_regexes(topics):
    """One case-insensitive pattern for the topics' own regular expressions; group tN is topic N."""
    groups = []
    for i, topic in enumerate(topics):
        for pattern in topic.get("patterns") or []:
            try:
                re.compile(pattern)
            except re.error as e:
                raise ConfigError(f"topics.yaml: {topic['name']}: bad pattern: {e}") from None
        if topic.get("patterns"):
            groups.append(f"(?P<t{i}>" + "|".join(topic["patterns"]) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE) if groups else None
