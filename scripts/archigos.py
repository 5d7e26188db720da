"""Heads of government that PETRARCH2's leader lists lack, from Archigos 4.1 (H. E. Goemans, K. S. Gleditsch and
G. Chiozza, "Introducing Archigos: A Dataset of Political Leaders", Journal of Peace Research 46(2), 2009) as the
`reddylee/Datasets` repository holds it (MIT licence, Copyright (c) 2024 Reddy Lee): archigos.csv gives each
country's effective ruler from 1875 to 2015 with the dates of each term (a parliamentary system's prime minister, a
presidential system's president, a communist state's party leader), leaders.csv the country of each code.

PETRARCH2's lists start in the 1960s to 1990s for most countries. An Archigos term is added only where no derived
head of the country's government overlaps it by more than OVERLAP_DAYS: to the one derived actor of that country
with its surname (and first name, when Archigos gives one), else as a new actor. Its name is that of its DBpedia
page, else Archigos' own ("Kask, Ene" read as "Ene Kask")."""
import collections
import csv
import dataclasses
import datetime
import io
import pathlib
import re
import subprocess
import urllib.parse

from transforms.extract.kb import HEAD_OF_STATE, HEADS, Actor, default_surname, fold, office_kinds, title_of

FILES = ("archigos.csv", "leaders.csv")
FETCH_HINT = "fetch it with the search tool's `fetch github:reddylee/Datasets` or pass --archigos DIR"
OVERLAP_DAYS = 30
# leaders.csv's spellings of countries that places.yaml names otherwise (COW's CON is the Republic of the Congo)
SPELLINGS = {"Cap Verde": "Cape Verde", "Czech Republik": "Czech Republic", "Luxemburg": "Luxembourg",
             "Moldavia": "Moldova", "Congo": "Republic of the Congo"}
FAMILY_FIRST = frozenset({"China", "Taiwan", "South Korea", "North Korea"})  # as build_actors' EAST_ASIAN_ORDER
_NOT_A_NAME = re.compile(r"(?:Premiership|Presidency|List|Government|Cabinet)_of_")


@dataclasses.dataclass(frozen=True)
class Term:
    name: str
    surname: str
    country: str
    start: datetime.date
    end: datetime.date = None  # None: in office when the data ends


class SourceError(Exception):
    """The snapshot is missing or lacks the files."""


def read_source(folder):
    """The texts of archigos.csv and leaders.csv and where they came from, from a checkout or a bare repository."""
    folder = pathlib.Path(folder)
    if all((folder / name).is_file() for name in FILES):
        return [(folder / name).read_text(encoding="utf-8") for name in FILES], f"a copy at {folder}"
    if not folder.is_dir():
        raise SourceError(f"Archigos snapshot not found at {folder}: {FETCH_HINT}")
    try:
        commit = _git(folder, "rev-parse", "HEAD").strip()
        return [_git(folder, "show", f"HEAD:{name}") for name in FILES], f"reddylee/Datasets@{commit[:12]}"
    except (OSError, subprocess.CalledProcessError):
        raise SourceError(f"no {' or '.join(FILES)} in {folder}: {FETCH_HINT}") from None


def _git(folder, *args):
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout


def leader_terms(archigos_text, leaders_text, country_names, stats):
    """The terms of archigos.csv whose country code leaders.csv names (the name most of its rows give), as
    `country_names` (a name or alias -> canonical name) knows it, else as leaders.csv names it."""
    named_as = collections.defaultdict(collections.Counter)
    for row in csv.DictReader(io.StringIO(leaders_text)):
        if row["country"] not in ("", "NA"):
            named_as[row["idacr"]][row["country"]] += 1
    codes = {code: names.most_common(1)[0][0] for code, names in named_as.items()}  # (a few rows are garbled)
    terms = []
    for row in csv.DictReader(io.StringIO(archigos_text)):
        named = codes.get(row["idacr"])
        if named is None:
            stats["archigos: terms of a code with no country name"] += 1
            continue
        country = country_names.get(SPELLINGS.get(named, named), named)
        name, surname = _name(row["leader"], row["dbpedia.uri"], country in FAMILY_FIRST)
        end = None if row["exit"] == "Still in Office" else _day(row["enddate"])
        terms.append(Term(name, surname, country, _day(row["startdate"]), end))
    return terms


def _day(text):
    return datetime.date.fromisoformat(text)


def _name(leader, uri, family_first):
    """(name, surname) of a leader: the DBpedia page's title when there is one ("Ivo_Tamm"), else Archigos'
    name with a "Surname, First" turned round; the surname is Archigos' one-word name when the full name holds it
    ("Tamm"), else the last word (the first for family-first countries)."""
    page = urllib.parse.unquote(uri.rsplit("/", 1)[-1]) if uri.startswith("http") else ""
    if page and not _NOT_A_NAME.match(page):
        name = re.sub(r"\s*\(.*\)$", "", page.replace("_", " "))
    else:
        surname, _, first = leader.partition(", ")
        name = f"{first} {surname}" if first else leader
    if " " not in leader and "," not in leader and fold(leader).replace("-", " ") in fold(name).replace("-", " "):
        return name, leader
    return name, name.split()[0] if family_first and len(name.split()) > 1 else default_surname(name)


def fill_gaps(actors, terms, presidential, stats, people=()):
    """`actors` with the terms that no derived head of their country overlaps: as offices of the actor of that
    country with the name, else of the one whose surname and first name match (for a one-word name: who heads the
    country at another time), else as new actors. `presidential`: countries whose president heads both."""
    heads, state_heads = _heads(actors, people)
    by_surname, by_name = {}, {}
    for i, actor in enumerate(actors):
        by_name.setdefault((actor.country, fold(actor.name)), i)
        by_surname.setdefault((actor.country, fold(actor.surname or "")), []).append(i)
    out = list(actors)
    for term in terms:
        key = (term.country, fold(term.surname))
        labels = ["Government", "State"] if term.country in presidential else [
            "State" if key in state_heads else "Government"]
        if any(_overlap(term, start, end) > OVERLAP_DAYS for start, end in heads.get((labels[0], term.country), ())):
            stats["archigos: terms a derived head covers"] += 1
            continue
        offices = {(f"Head of {label} of {term.country}", term.start, term.end) for label in labels}
        same = [i for i in by_surname.get(key, ()) if _same_person(out[i], term)]
        i = by_name.get((term.country, fold(term.name)), same[0] if len(same) == 1 else None)
        if i is None:
            i = by_name[(term.country, fold(term.name))] = len(out)
            by_surname.setdefault(key, []).append(i)
            out.append(Actor(term.name, term.country, term.surname))
            stats["archigos: actors added"] += 1
        else:
            stats["archigos: terms added to an actor"] += 1
        out[i] = dataclasses.replace(out[i], offices=tuple(sorted(
            set(out[i].offices) | offices, key=lambda o: (o[1] or datetime.date.min, o[0], o[2] or datetime.date.max))))
    return out


def _same_person(actor, term):
    """Whether an actor of the term's country and surname is its leader: of the same first name, or for a one-word
    name, someone who heads the country at another time."""
    if len(term.name.split()) > 1:
        return fold(actor.name).split()[0] == fold(term.name).split()[0]
    return any(_head_of(role, actor.country) for role, _, _ in actor.offices)


def _heads(actors, people):
    """The terms of the actors' head offices by (State or Government, country), and the (country, folded surname)
    of heads of state: the actors' (a semi-presidential president) and people.yaml's presidents and monarchs."""
    heads, state_heads = {}, set()
    for actor in actors:
        for role, start, end in actor.offices:
            if (head := _head_of(role, actor.country)):
                heads.setdefault(head, []).append((start, end))
                if head[0] == "State":
                    state_heads.add((head[1], fold(actor.surname or "")))
    state_heads.update((country, fold(person.surname or "")) for person in people for role, _, _ in person.offices
                       for title, country in [title_of(role, person.country)] if HEAD_OF_STATE in office_kinds(title))
    return heads, state_heads


def _head_of(role, country):
    """('State' or 'Government', country) of a derived head office ('Head of State of X'), else None."""
    title, of = title_of(role, country)
    return (title.removeprefix("Head of "), of) if of and title.lower() in HEADS else None


def _overlap(term, start, end):
    """Days a term shares with an office from `start` to `end` (None: open)."""
    first = max(term.start, start or datetime.date.min)
    last = min(term.end or datetime.date.max, end or datetime.date.max)
    return (last - first).days
