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
    former: list              # (name, until, countries, cities or None): countries by their name before a date
    series: dict              # alias -> event name
    summits: list
    topics: dict              # lower-cased topic name -> topic name (topics.yaml)
    patterns: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)           # kind -> `form_keys` of its names
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
            topics={t.lower(): t for t in _topics(topics)},
            former=[(f["name"], _date(f.get("until"), f["name"]), frozenset(f.get("countries") or ()),
                     frozenset(f["cities"]) if f.get("cities") else None) for f in places.get("former") or []],
        )
        kinds = (("country", gaz.countries), ("adjective", gaz.adjectives),
                 ("city", gaz.cities), ("venue", gaz.venues), ("region", gaz.regions), ("series", gaz.series),
                 ("seat", gaz.seats))
        gaz.patterns = {name: whole_words(forms) for name, forms in kinds}
        gaz.keys = {name: form_keys(forms) for name, forms in kinds}
        for summit in gaz.summits:
            gaz.summits_of.setdefault(summit.event, []).append(summit)
        gaz.patterns["topic"] = whole_words(gaz.topics, re.IGNORECASE)
        return gaz

    def find(self, kind, text, words=None):
        """(start, end, surface form) of every `kind` name in `text`, longest match first. `words`: the `tokens`
        of `text` (or of a text holding its words whole), when known: a text without a key word is not scanned."""
        pattern = self.patterns.get(kind)
        if not pattern or lacks_keys(self.keys.get(kind), words, text):
            return []
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]

    def named_on(self, city, country, day):
        """The name `country` went by on `day` where `city` is ('Bonn' in 1987: West Germany), else `country`."""
        for name, until, countries, cities in self.former if day is not None else ():
            if country in countries and day < until and (cities is None or city in cities):
                return name
        return country

    def topics_in(self, phrase):
        """The topic names a phrase holds, in order ('bilateral trade and investment flows': trade, investment)."""
        found = [(start, self.topics[form.lower()]) for start, _, form in self.find("topic", phrase)]
        return list(dict.fromkeys(name for _, name in sorted(found)))


def _topics(config):
    names = config.get("topics") or []
    if not isinstance(names, list) or not all(isinstance(t, str) and t.strip() for t in names):
        raise ConfigError("topics.yaml: `topics` must be a list of topic names")
    return [t.strip() for t in names]


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
