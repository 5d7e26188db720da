"""The gazetteers of `configs/` (places, summits, topic names) as compiled lookups, built once per worker; people
are the actor knowledge's (kb.py)."""
import datetime
import re
from dataclasses import dataclass, field

from pipeline.config import ConfigError
from transforms.extract.words import form_keys, lacks_keys, whole_words


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
    patterns: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)           # kind -> `form_keys` of its names
    topic_phrases: dict = field(default_factory=dict)  # lower-cased phrase -> topic
    summits_of: dict = field(default_factory=dict)     # event name -> its summits, in the order of summits.yaml

    @classmethod
    def from_config(cls, load):
        """Builds the lookups from `load(name)` -> parsed YAML of configs/NAME.yaml."""
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
            countries=countries, adjectives=adjectives, capitals=capitals, seats=seats,
            cities={f: (c["name"], c.get("country")) for c in places.get("cities") or [] for f in _forms(c)},
            venues={f: (v["name"], v.get("city"), v.get("country")) for v in places.get("venues") or []
                    for f in _forms(v)},
            regions={f: (r["name"], r.get("country")) for r in places.get("regions") or [] for f in _forms(r)},
            series={a: s["event"] for s in summits.get("series") or [] for a in [s["event"], *(s.get("aliases") or [])]},
            summits=[_summit(s, summits) for s in summits.get("summits") or []],
            topics=[t["name"] for t in topics.get("topics") or []],
        )
        kinds = (("country", gaz.countries), ("adjective", gaz.adjectives),
                 ("city", gaz.cities), ("venue", gaz.venues), ("region", gaz.regions), ("series", gaz.series),
                 ("seat", gaz.seats))
        gaz.patterns = {name: whole_words(forms) for name, forms in kinds}
        gaz.keys = {name: form_keys(forms) for name, forms in kinds}
        for summit in gaz.summits:
            gaz.summits_of.setdefault(summit.event, []).append(summit)
        gaz.topic_phrases = {p.lower(): t["name"] for t in topics.get("topics") or []
                             for p in t.get("phrases") or [t["name"]]}
        gaz.patterns["topic"] = whole_words(gaz.topic_phrases, re.IGNORECASE)
        gaz.patterns["topic_regex"] = _topic_regexes(topics.get("topics") or [])
        return gaz

    def find(self, kind, text, words=None):
        """(start, end, surface form) of every `kind` name in `text`, longest match first. `words`: the `tokens`
        of `text` (or of a text holding its words whole), when known: a text without a key word is not scanned."""
        pattern = self.patterns.get(kind)
        if not pattern or lacks_keys(self.keys.get(kind), words, text):
            return []
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]

    def topics_in(self, phrase):
        """The topics a phrase names, in order: topic phrases and patterns ('bilateral trade': trade), and the
        countries and regions it names as subjects ('the situation in Iran and Syria')."""
        found = []
        if self.patterns.get("topic"):
            found += [(m.start(), self.topic_phrases[m.group().lower()]) for m in self.patterns["topic"].finditer(phrase)]
        if self.patterns.get("topic_regex"):
            found += [(m.start(), self.topics[int(m.lastgroup[1:])])
                      for m in self.patterns["topic_regex"].finditer(phrase)]
        found += [(start, self.countries[form]) for start, _, form in self.find("country", phrase)]
        found += [(start, self.regions[form][0]) for start, _, form in self.find("region", phrase)]
        return list(dict.fromkeys(name for _, name in sorted(found)))

    def topic_of(self, phrase):
        """The topic a whole phrase is one of the phrases or patterns of ('bilateral ties': bilateral relations),
        or None."""
        named = self.topic_phrases.get(phrase.lower())
        pattern = self.patterns.get("topic_regex")
        if named is None and pattern is not None:
            m = pattern.fullmatch(phrase)
            named = self.topics[int(m.lastgroup[1:])] if m else None
        return named


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
    return re.compile("|".join(groups), re.IGNORECASE) if groups else None
