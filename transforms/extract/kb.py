"""The knowledge base of political actors: `configs/actors.tsv` (derived from PETRARCH2's dictionaries by
`scripts/build_actors.py`) merged with the user-editable `configs/people.yaml`, which wins.

Offices are `(role, from, to)`, dates or None (unknown start; still open). An office is held from its first day
up to, not including, its end day (the day a successor takes over); a one-day office (from == to) on that day.
Roles read "<Title> of <country or organisation>". "Head of State of X" and "Head of Government of X" come from the
dictionaries' leader lists; people.yaml's titles ("Prime Minister of X") are kept as written and stand for those
offices by `TITLE_KINDS`. The dictionaries end about 2015 (the `horizon` in actors.tsv's header): a derived office
still open then, or closed only where a people.yaml successor starts, counts as held up to the horizon, not after.
"""
import contextlib
import datetime
import functools
import gc
import hashlib
import re
import unicodedata
from dataclasses import dataclass

import yaml

HEAD_OF_STATE = "head of state"
HEAD_OF_GOVERNMENT = "head of government"
HEADS = (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
# Titles that are the head of state or of government ("President" is both in a country whose derived leader
# lists have one office for both, or whose prime minister is not known).
TITLE_KINDS = {
    "prime minister": HEAD_OF_GOVERNMENT, "premier": HEAD_OF_GOVERNMENT, "chancellor": HEAD_OF_GOVERNMENT,
    "president": HEAD_OF_STATE, "king": HEAD_OF_STATE, "queen": HEAD_OF_STATE, "emir": HEAD_OF_STATE,
    "amir": HEAD_OF_STATE, "sultan": HEAD_OF_STATE, "monarch": HEAD_OF_STATE, "emperor": HEAD_OF_STATE,
    "grand duke": HEAD_OF_STATE,
}
# Role titles that scripts/build_actors.py writes; any other title comes from people.yaml.
DERIVED_TITLES = frozenset((
    "Head of State", "Head of Government", "Head", "Official", "President of the Council of the European Union",
    "Government", "Legislature", "Military", "Opposition", "Judiciary", "Elite", "Police", "Intelligence", "Rebels",
    "Insurgents", "Separatists", "Radicals", "Moderates", "Occupation", "Business", "Media", "Education", "Health",
    "Labour", "Agriculture", "Environment", "Development", "Human Rights", "Refugees", "Religion", "Civilians",
    "Party"))
# Seniority of offices, for `Actor.role_on` and `KnowledgeBase.choose`.
RANK_HEAD, RANK_MINISTER, RANK_OTHER, RANK_ELITE = 3, 2, 1, 0
# Words before a name that are not part of it ("Sir John Smith", "President Smith").
HONORIFICS = frozenset("""sir dame dr doctor prof professor mr mrs ms miss mme madame monsieur sheikh shaikh sheik
king queen prince princess emir amir sultan president premier chancellor general gen lt colonel col marshal admiral
mullah mawlawi maulana ayatollah imam pope cardinal archbishop bishop rev reverend father lord lady baron baroness
datuk dato datin tun tan sri seri haji hajji sayyid sayed justice judge senator rep governor minister secretary
chairman chief acting former ex interim crown his her excellency majesty highness royal""".split())
# Lower-case particles that belong to a surname ("al-Faisal", "de Gaulle", "van Rompuy").
PARTICLES = frozenset("al el bin ibn bint ben abu de del della der den di da das dos du la le van von ter".split())
# Countries whose people are named by their given name alone ("Prime Minister X" for "X Y" of Thailand): the
# first word is a surname's key too (and configs/titles.yaml's first_word_names lists them).
GIVEN_NAMES = frozenset({"Thailand"})
# Countries whose people carry two surnames, the father's then the mother's, and are named by the first ("Vicente
# Fox" is "Vicente Fox Quesada").
TWO_SURNAMES = frozenset(c.replace("_", " ") for c in """Spain Mexico Guatemala Honduras El_Salvador Nicaragua
Costa_Rica Panama Cuba Dominican_Republic Colombia Venezuela Ecuador Peru Bolivia Chile Argentina Uruguay Paraguay
Equatorial_Guinea""".split())
_NAME_SUFFIXES = frozenset("jr sr ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi".split())
_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th",
                          "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ʼ": "", "’": "",
                          "‘": "", "'": "", "`": "", "ʻ": "", "´": ""})
_WORDS = re.compile(r"[^\W_]+")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TSV_COLUMNS = ("name", "country", "surname", "aliases", "offices")
HORIZON_PREFIX = "# horizon: "
PEOPLE_DIGEST_PREFIX = "# people.yaml sha256: "


@functools.lru_cache(maxsize=1 << 16)
def fold(text):
    """Lower case without diacritics, apostrophes or punctuation, one space between words: Çiller = ciller,
    O'Donnell = odonnell, Ki-moon = ki moon, "Paul D. Smith" = "paul d smith"."""
    if text.isascii():
        if "'" in text or "`" in text:
            text = text.replace("'", "").replace("`", "")
        return " ".join(_WORDS.findall(text.lower()))
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(_WORDS.findall(text))


def default_surname(name):
    """The last word of a name with the particles before it ("Charles de Gaulle" -> "de Gaulle"), without
    suffixes ("Martin Luther King Jr." -> "King", "Oskar IV" -> "Oskar")."""
    words = name.split()
    while len(words) > 1 and fold(words[-1]) in _NAME_SUFFIXES:
        words = words[:-1]
    start = len(words) - 1
    while start > 1 and fold(words[start - 1]) in PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _particle_forms(folded):
    """A folded surname and its forms without leading particles."""
    forms = {folded} if folded else set()
    while folded.partition(" ")[0] in PARTICLES and " " in folded:
        folded = folded.partition(" ")[2]
        forms.add(folded)
    return forms


def _surname_words(words):
    """The surname's words at the end of a folded name: the last word with the particles before it, without
    suffixes."""
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    return words[start:]


def name_keys(actor):
    """The folded names and aliases of an actor, also without leading honorifics ("King X" -> "x")."""
    keys = set()
    for form in (actor.name, *actor.aliases):
        words = fold(form).split()
        if words:
            keys.add(" ".join(words))
        while len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]
            keys.add(" ".join(words))
    return keys


_SPELLINGS = {"defence": "defense", "adviser": "advisor", "advisers": "advisors"}  # as the dictionaries write them


@functools.lru_cache(maxsize=65536)
def fold_title(title):
    """A title folded, in the dictionaries' spelling ('Defence Adviser' = 'defense advisor')."""
    return " ".join(_SPELLINGS.get(w, w) for w in fold(title).split())


@functools.lru_cache(maxsize=65536)
def title_of(role, country=None, countries=frozenset()):
    """(title, country or organisation) of a role: ("Prime Minister", "Democratic Republic of the Congo") for
    "Prime Minister of Democratic Republic of the Congo", given the actor's `country` or the known `countries`."""
    if country and role.endswith(" of " + country):
        return role[:-len(country) - 4], country
    for title in ("Head of State", "Head of Government"):
        if role.startswith(title + " of "):
            return title, role[len(title) + 4:]
    at = role.find(" of ")
    while at >= 0 and countries:
        if role[at + 4:] in countries:
            return role[:at], role[at + 4:]
        at = role.find(" of ", at + 4)
    head, _, place = role.partition(" of ")
    return (head, place) if place else (role, None)


@functools.lru_cache(maxsize=4096)
def office_kinds(title, presidential=False):
    """The head offices a title stands for: ("head of state",), ("head of government",), both, or ()."""
    key = fold(title)
    if key in HEADS:
        return (key,)
    kind = TITLE_KINDS.get(key)
    if kind is None:
        return ()
    return HEADS if presidential and key == "president" else (kind,)


@functools.lru_cache(maxsize=65536)
def office_rank(role, country=None):
    """RANK_HEAD for heads of state and government, RANK_ELITE for the elite (former office holders),
    RANK_MINISTER for government and any people.yaml title, RANK_OTHER for the rest (legislature, military...)."""
    title, _ = title_of(role, country)
    if office_kinds(title):
        return RANK_HEAD
    if title == "Elite":
        return RANK_ELITE
    if title == "Government" or title not in DERIVED_TITLES:
        return RANK_MINISTER
    return RANK_OTHER


def is_derived(role):
    return title_of(role)[0] in DERIVED_TITLES


def _active(start, end, day):
    """Whether an office from `start` to `end` is held on `day` (any day when None)."""
    if day is None:
        return True
    if start is not None and day < start:
        return False
    return end is None or day < end or (day == end and start == end)


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str = None
    surname: str = None
    aliases: tuple = ()
    offices: tuple = ()  # (role, from date or None, to date or None)

    def role_on(self, day):
        """The office held on `day`, the most senior when several (heads of state and government first); with no
        day, the most senior ever held. None when none."""
        held = [o for o in self.offices if _active(o[1], o[2], day)]
        if not held:
            return None
        return max(held, key=lambda o: (office_rank(o[0], self.country), o[1] or datetime.date.min))[0]

    def in_office(self, day):
        """Whether the actor holds a dated office on `day` (not only an undated one, 'Elite of X')."""
        return any(start is not None and _active(start, end, day) for _, start, end in self.offices)

    def holds(self, role, day):
        """Whether the actor held `role` on `day` (at any time when None): a role as written ("Prime Minister of
        Japan"), or a title or head office of the actor's country ("Prime Minister", "head of government")."""
        wanted, kind = fold_title(role), _query_kind(role)
        for r, start, end in self.offices:
            if not _active(start, end, day):
                continue
            title, place = title_of(r, self.country)
            if fold_title(r) == wanted or (place == self.country and (
                    fold_title(title) == wanted or (kind and kind in office_kinds(title)))):
                return True
        return False


def _query_kind(office):
    key = fold(office)
    return key if key in HEADS else TITLE_KINDS.get(key)


class KnowledgeBase:
    """Actors by name, surname and office; built once per worker from `configs/`."""

    def __init__(self, actors, horizon=None):
        with _no_gc():
            self._build(actors, horizon)

    @classmethod
    def load(cls, load_text):
        """From `load_text(filename)`, the text of a file of `configs/` ("actors.tsv", "people.yaml"). actors.tsv
        is already merged with the people.yaml it was built with (its digest is in the header); a people.yaml
        edited since is merged again here, so that it wins."""
        table = load_text("actors.tsv")
        with _no_gc():
            actors, horizon = parse_tsv(table)
        people_text = load_text("people.yaml")
        if PEOPLE_DIGEST_PREFIX + people_digest(people_text) not in table[:2000]:
            people = parse_people(yaml.load(people_text, Loader=_LOADER) or {})
            actors = sorted(merge_people(actors, people), key=lambda a: (fold(a.name), a.name, a.country or ""))
        return cls(actors, horizon)

    @classmethod
    def from_config(cls, config_dir=None):
        """From the packaged `configs/`, or a user's folder in its place (see `pipeline.config.load_text`)."""
        from pipeline.config import load_text
        return cls.load(lambda name: load_text(name, config_dir))

    # ---------------------------------------------------------------- lookups
    def by_name(self, text):
        """Actors whose full name or alias is `text` (folded for case, diacritics, apostrophes; leading
        honorifics ignored); failing that, those with the same first and last name and compatible middle names or
        initials ("John Smith" finds "John Robert Smith", "Paul D. Smith" finds "Paul Smith", not "Peter Smith")."""
        words = fold(text).split()
        exact = self._names.get(" ".join(words))
        while not exact and len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]
            exact = self._names.get(" ".join(words))
        if exact or len(words) < 2:
            return list(exact or ())
        found = []
        for middle, actor in self._pairs.get((words[0], words[-1]), ()):
            if compatible_middles(words[1:-1], middle) and actor not in found:
                found.append(actor)
        return found or self._misspelt(words)

    def _misspelt(self, words):
        """The one actor of the same first name whose long surname differs from the last of `words` by one letter
        ("Andris Kalninsh" for Andris Kalnins), as a list, else []."""
        if len(words[-1]) < 7:
            return []
        found = {id(actor): actor for last, middle, actor in self._firsts.get(words[0], ())
                 if len(last) >= 7 and one_edit(last, words[-1]) and compatible_middles(words[1:-1], middle)}
        return list(found.values()) if len(found) == 1 else []

    def by_surname(self, word):
        """Actors whose surname is `word`, folded ("Faisal" and "al-Faisal" find "Saud al-Faisal")."""
        return list(self._surnames.get(fold(word), ()))

    def holders(self, office, country, day):
        """Actors holding `office` of `country` (canonical name) on `day` (at any time when None): "head of state",
        "head of government",
        or a title ("Prime Minister", "President", "King", "Foreign Minister", ...; Prime Minister, Premier and
        Chancellor are the head of government, President, King, Queen, Emir, Sultan and Monarch the head of state).
        People.yaml's holders of the title come first, then its holders of the head office, then derived ones."""
        if office.endswith(" of " + country):  # "Prime Minister of Japan"
            office = office[:-len(country) - 4]
        wanted, kind = fold_title(office), _query_kind(office)
        literal, curated, derived = [], [], []
        for title, kinds, start, end, actor, is_curated in self._offices.get(country, ()):
            if not _active(start, end, day):
                continue
            matches = kind is not None and kind in kinds
            if is_curated and title == wanted:
                literal.append(actor)
            elif matches or title == wanted:
                (curated if is_curated else derived).append(actor)
        return list(dict.fromkeys(literal + curated + derived))

    def role_on(self, actor, day):
        """`actor.role_on(day)`, with derived offices trusted only up to the horizon (an office the dictionaries
        leave open is not known to be held later)."""
        held = [(rank, start or datetime.date.min, role) for rank, start, end, role in self._ranks.get(id(actor), ())
                if _active(start, end, day)]
        return max(held)[2] if held else None

    def choose(self, candidates, day, context_names=()):
        """The actor a mention stands for among `candidates`: the only one; else the one the article names in
        full (`context_names`); else the only one holding a head or minister office on `day`; else the only most
        prominent (heads over ministers over others, at any time), people.yaml's first; else None (still
        ambiguous)."""
        candidates = list(dict.fromkeys(candidates))
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        named = {id(a) for text in context_names for a in self.by_name(text)}
        pool = [a for a in candidates if id(a) in named]
        if len(pool) == 1:
            return pool[0]
        pool = pool or candidates
        if day is not None:
            serving = [a for a in pool if self._rank_on(a, day) >= RANK_MINISTER]
            if len(serving) == 1:
                return serving[0]
            pool = serving or pool
        ranks = [max((office_rank(r, a.country) for r, _, _ in a.offices), default=-1) for a in pool]
        top = [a for a, rank in zip(pool, ranks) if rank == max(ranks)]
        curated = [a for a in top if any(not is_derived(r) for r, _, _ in a.offices)]
        if len(curated) == 1 and len({a.country for a in top}) == len(top):
            top = curated  # people.yaml's person over a dictionary's namesake in another country
        return top[0] if len(top) == 1 and max(ranks) > RANK_ELITE else None

    # ---------------------------------------------------------------- indexes
    def _build(self, actors, horizon):
        self.actors = tuple(actors)
        self.horizon = horizon
        self.countries = frozenset(a.country for a in self.actors if a.country)
        self._names, self._pairs, self._surnames, self._firsts = {}, {}, {}, {}
        self._offices = {}  # place -> [(folded title, head kinds, from, effective end, actor, curated)]
        self._ranks = {}    # id(actor) -> [(rank, from, effective end, role)] of dated offices
        parsed = self._parse_offices()
        self.presidential = presidential_countries(self.actors)
        with_hog, successors = set(), {}
        for items in parsed:
            for (title, place, key, curated, rank, kinds, president), start, end in items:
                if HEAD_OF_GOVERNMENT in kinds:
                    with_hog.add(place)
                if curated and kinds and start:
                    for kind in (HEADS if president else kinds):
                        successors.setdefault((place, kind), set()).add(start)
        self._index_names()
        for actor, items in zip(self.actors, parsed):
            self._index_offices(actor, items, with_hog, successors)

    def _parse_offices(self):
        """Per actor, [(role facts, from, to)]; the facts of a role (title, place, folded title, curated, rank,
        head kinds, whether the title is "President") are worked out once."""
        facts, parsed = {}, []
        for actor in self.actors:
            items = []
            for role, start, end in actor.offices:
                fact = facts.get((role, actor.country))
                if fact is None:
                    title, place = title_of(role, actor.country, self.countries)
                    fact = facts[(role, actor.country)] = (
                        title, place, fold_title(title), title not in DERIVED_TITLES,
                        office_rank(role, actor.country), office_kinds(title), fold_title(title) == "president")
                items.append((fact, start, end))
            parsed.append(items)
        return parsed

    def _index_names(self):
        names, pairs, surnames = self._names, self._pairs, self._surnames
        for actor in self.actors:
            two_surnames = actor.country in TWO_SURNAMES
            forms = [fold(actor.name)] + [fold(alias) for alias in actor.aliases]
            for form in forms:
                bucket = names.get(form)
                if bucket is None:
                    names[form] = [actor]
                elif bucket[-1] is not actor:
                    bucket.append(actor)
                words = form.split()
                if len(words) >= 2:
                    pairs.setdefault((words[0], words[-1]), []).append((words[1:-1], actor))
                    self._firsts.setdefault(words[0], []).append((words[-1], words[1:-1], actor))
                    if two_surnames and len(words) >= 3:  # "Felipe Calderon (Hinojosa)"
                        pairs.setdefault((words[0], words[-2]), []).append((words[1:-2], actor))
            surname = fold(actor.surname) if actor.surname else " ".join(_surname_words(forms[0].split()))
            keys = _particle_forms(surname)
            if forms[0].endswith(surname):  # family name last (not "Xi Jinping"): the aliases' last names too
                for form in forms[1:]:
                    words = form.split()
                    if words and words[-1] not in keys:
                        keys |= _particle_forms(" ".join(_surname_words(words)))
            if actor.country in GIVEN_NAMES:
                keys |= {form.split()[0] for form in forms if len(form.split()) >= 2}
            for key in keys:
                bucket = surnames.get(key)
                if bucket is None:
                    surnames[key] = [actor]
                else:
                    bucket.append(actor)

    def _index_offices(self, actor, items, with_hog, successors):
        ranks = self._ranks[id(actor)] = []
        for ((title, place, key, curated, rank, kinds, president), start, end), role in zip(items, actor.offices):
            if start is not None or end is not None:
                if not curated:
                    end = self._effective_end(start, end, place, key, successors)
                ranks.append((rank, start, end, role[0]))
            elif not curated and self.horizon:
                end = self.horizon
            if place:
                if president and (place in self.presidential or place not in with_hog):
                    kinds = HEADS
                self._offices.setdefault(place, []).append((key, kinds, start, end, actor, curated))

    def _effective_end(self, start, end, place, key, successors):
        """A derived office open at the horizon, or closed only where a people.yaml successor starts, counts as
        held up to the horizon."""
        if self.horizon is None or (start and start > self.horizon):
            return end
        if end is None or (end > self.horizon and end in successors.get((place, key), ())):
            return self.horizon
        return end

    def _rank_on(self, actor, day):
        return max((rank for rank, start, end, _ in self._ranks.get(id(actor), ()) if _active(start, end, day)),
                   default=-1)


@contextlib.contextmanager
def _no_gc():
    """The cycle collector paused while tens of thousands of objects without cycles are made: it would scan them
    all again and again (the load takes twice as long with it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compatible_middles(short, long):
    """Whether two lists of middle names can be one person's: one is empty, or they agree on the first and one is
    a subsequence of the other; an initial stands for any word it starts ("D." = "Davis"; "H. W." is not "W.")."""
    if len(short) > len(long):
        short, long = long, short
    if not short:
        return True
    if not _same_name(short[0], long[0]):
        return False
    at = 0
    for word in short:
        while at < len(long) and not _same_name(word, long[at]):
            at += 1
        if at == len(long):
            return False
        at += 1
    return True


def one_edit(a, b):
    """Whether two words differ by one letter changed, added or dropped, or by two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):
        short, longer = sorted((a, b), key=len)
        return short[i:] == longer[i + 1:]
    return a[i + 1:] == b[i + 1:] or i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]


def _same_name(a, b):
    return a[0] == b[0] if min(len(a), len(b)) == 1 else a == b


def presidential_countries(actors):
    """Countries whose derived heads of state all held the head of government office over the same terms."""
    states = {}
    for actor in actors:
        for role, start, end in actor.offices:
            if role.startswith("Head of State of "):
                country = role[17:]
                states[country] = states.get(country, True) and (
                    ("Head of Government of " + country, start, end) in actor.offices)
    return frozenset(c for c, both in states.items() if both)


# ---------------------------------------------------------------- reading, writing and merging
def parse_tsv(text):
    """(actors, horizon) of actors.tsv: '#' comment lines (one gives the horizon), a header row of `TSV_COLUMNS`,
    then one actor a row (aliases '|'-separated, offices ';'-separated role|from|to with ISO dates)."""
    horizon, rows = None, []
    for line in text.splitlines():
        if line.startswith(HORIZON_PREFIX):
            horizon = datetime.date.fromisoformat(line[len(HORIZON_PREFIX):].split()[0])
        elif line and not line.startswith("#"):
            rows.append(line)
    if not rows or tuple(rows[0].split("\t")) != TSV_COLUMNS:
        raise ValueError(f"actors.tsv: the first row must be the header {TSV_COLUMNS}")
    actors, days = [], {"": None}
    for number, line in enumerate(rows[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(TSV_COLUMNS):
            raise ValueError(f"actors.tsv row {number}: {len(cells)} columns, expected {len(TSV_COLUMNS)}")
        name, country, surname, aliases, offices = cells
        parsed = []
        for office in offices.split(";") if offices else ():
            parts = office.split("|")
            if len(parts) != 3:
                raise ValueError(f"actors.tsv row {number}: office {office!r} is not role|from|to")
            try:
                start = days.get(parts[1], _MISSING)
                if start is _MISSING:
                    start = days[parts[1]] = _iso(parts[1])
                end = days.get(parts[2], _MISSING)
                if end is _MISSING:
                    end = days[parts[2]] = _iso(parts[2])
            except ValueError:
                raise ValueError(f"actors.tsv row {number}: office {office!r} has a bad date") from None
            parsed.append((parts[0], start, end))
        actors.append(Actor(name, country or None, surname or None, tuple(aliases.split("|")) if aliases else (),
                            tuple(parsed)))
    return actors, horizon


_iso = datetime.date.fromisoformat
_MISSING = object()


def format_tsv_row(actor):
    """One row of actors.tsv, the inverse of `parse_tsv`."""
    for text in (actor.name, actor.country or "", actor.surname or "", *actor.aliases,
                 *(role for role, _, _ in actor.offices)):
        if any(c in text for c in "\t\n|;"):
            raise ValueError(f"{actor.name}: a tab, newline, '|' or ';' in {text!r}")
    offices = ";".join(f"{r}|{s.isoformat() if s else ''}|{e.isoformat() if e else ''}" for r, s, e in actor.offices)
    return "\t".join((actor.name, actor.country or "", actor.surname or "", "|".join(actor.aliases), offices))


def people_digest(text):
    """The digest of people.yaml's text that actors.tsv records."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_people(data):
    """Actors of people.yaml's `people` (dates as YAML dates or ISO strings; the surname by default the last name
    with its particles). A malformed entry is a ValueError naming it."""
    people = []
    for number, entry in enumerate(data.get("people") or [], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise ValueError(f"people.yaml: person {number} has no name")
        try:
            offices = tuple((str(o["role"]), _date(o.get("from")), _date(o.get("to")))
                            for o in entry.get("offices") or [])
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ValueError(f"people.yaml: {entry['name']}: each office needs a role and ISO dates") from None
        people.append(Actor(entry["name"], entry.get("country"), entry.get("surname") or default_surname(entry["name"]),
                            tuple(entry.get("aliases") or ()), offices))
    return people


def _date(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def merge_people(derived, people):
    """people.yaml's people over the derived actors. A derived actor sharing a name or alias with a person (same
    country, or one of the two without), or else the only one with the same first and last name and all the
    person's middle names or initials ("Anna Moss" is "Anna Eileen Moss"; "Paul W. Harlan" is not "Paul
    Harlan"), is that person: people.yaml's name, country, surname and offices, the derived names as aliases,
    and the derived offices that do not conflict (a head office of the same country and kind overlapping one of
    the person's, or an Elite term overlapping any). Titled offices a previous people.yaml left in actors.tsv give
    way to the current ones. Then a derived head office left open is closed where a people.yaml holder of that
    office (someone else) starts."""
    by_key, by_pair = {}, {}
    for i, actor in enumerate(derived):
        for key in name_keys(actor):
            by_key.setdefault(key, []).append(i)
            words = key.split()
            if len(words) >= 2:
                by_pair.setdefault((words[0], words[-1]), []).append((words[1:-1], i))
            if len(words) >= 3 and actor.country in TWO_SURNAMES:
                by_pair.setdefault((words[0], words[-2]), []).append((words[1:-2], i))
    countries = frozenset(a.country for a in (*derived, *people) if a.country)
    presidential = presidential_countries(derived)
    taken, merged = set(), []
    for person in people:
        def same_country(i):
            return derived[i].country is None or person.country is None or derived[i].country == person.country
        matches = {i for key in name_keys(person) for i in by_key.get(key, ()) if same_country(i)} - taken
        if not matches:
            words = fold(person.name).split()
            loose = {i for middle, i in by_pair.get((words[0], words[-1]), ()) if same_country(i)
                     and len(middle) >= len(words) - 2 and compatible_middles(words[1:-1], middle)} - taken \
                if len(words) >= 2 else set()
            matches = loose if len(loose) == 1 else set()
        taken |= matches
        merged.append(_merge_one(person, [derived[i] for i in sorted(matches)], countries, presidential))
    actors = merged + [a for i, a in enumerate(derived) if i not in taken]
    return _close_open_offices(actors, people, countries, presidential)


def _kinds(role, country, countries, presidential):
    title, place = title_of(role, country, countries)
    return place, office_kinds(title, place in presidential)


def _overlap(a_start, a_end, b_start, b_end):
    return (max(a_start or datetime.date.min, b_start or datetime.date.min)
            < min(a_end or datetime.date.max, b_end or datetime.date.max))


def _merge_one(person, matches, countries, presidential):
    aliases, seen = list(person.aliases), {fold(person.name)} | {fold(a) for a in person.aliases}
    offices = list(person.offices)
    held = [(_kinds(r, person.country, countries, presidential), s, e) for r, s, e in person.offices]
    for actor in matches:
        for form in (actor.name, *actor.aliases):
            if fold(form) not in seen:
                seen.add(fold(form))
                aliases.append(form)
        for role, start, end in actor.offices:
            if not is_derived(role) or (role, start, end) in offices:
                continue
            place, kinds = _kinds(role, actor.country, countries, presidential)
            if not any(_overlap(start, end, s, e) and (role.startswith("Elite of ")
                                                         or (place == p and set(kinds) & set(k)))
                       for (p, k), s, e in held):
                offices.append((role, start, end))
    return Actor(person.name, person.country, person.surname, tuple(aliases), tuple(offices))


def _close_open_offices(actors, people, countries, presidential):
    starts = {}  # (place, kind) -> [(start, folded name)]
    for person in people:
        for role, start, _ in person.offices:
            place, kinds = _kinds(role, person.country, countries, presidential)
            for kind in kinds:
                if start:
                    starts.setdefault((place, kind), []).append((start, fold(person.name)))
    closed = []
    for actor in actors:
        offices = []
        for role, start, end in actor.offices:
            if end is None and start and is_derived(role):
                place, kinds = _kinds(role, actor.country, countries, presidential)
                later = [s for kind in kinds for s, name in starts.get((place, kind), ()) if s > start
                         and name != fold(actor.name)]
                end = min(later, default=None)
            offices.append((role, start, end))
        offices = tuple(offices)
        closed.append(actor if offices == actor.offices else
                      Actor(actor.name, actor.country, actor.surname, actor.aliases, offices))
    return closed
