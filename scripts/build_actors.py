"""Builds configs/actors.tsv, Parley's knowledge base of political actors, from PETRARCH2's actor dictionaries
(Phoenix.Countries.actors.txt and Phoenix.International.actors.txt; MIT licence, Copyright (c) 2014 Open Event
Data Alliance), with the heads of government they lack from Archigos (scripts/archigos.py), merged with
configs/people.yaml: `python scripts/build_actors.py [--petrarch DIR] [--archigos DIR] [--stats]`. The output is
sorted: the same inputs give the same file.

Format (petrarch_dictionary.py). An entry is a line NAME_WORDS_ (underscores or spaces between words), optional
[CODE dates] and a `# comment`; `+ALIAS_` lines add names; `[CODE dates]` lines (indented, or inline) add codes.
Dates are YYMMDD (00-30 = 20YY, as PETRARCH reads them) or YYYYMMDD (the first 8 digits), as `a-b`, `>a` (from),
`<b` (until) or none (the default at other times). Entry lines with no code, blank or comment line between them
name one actor (the dictionaries list "MIKHAIL_GORBACHEV_", "PRESIDENT_MIKHAIL_S._GORBACHEV", ... before one set
of codes). Codes are CAMEO: a country (AUS), a territory of it (GBRVGB), then roles (GOV, ELI, MIL, ...); or
IGO/NGO/MNC and an organisation. A comment line alone is a section heading ("# Prime Ministers").

Heads of state and government (leader_sequences.py). CountryInfo.txt generated each country's leader lists,
every head of state, then every head of government; a leader is an entry marked `# CountryInfo.txt` with
[XXXELI birth-A] [XXXGOV A-B] [XXXELI B-...]. A person on both lists is one entry, at the place of the first, with
the terms of both. The rule:
1. Leader entries are CountryInfo entries with a plain XXXGOV and a plain XXXELI code of one country.
2. In file order, each leader continues the current run with the GOV term that starts no earlier than the
   previous leader's and overlaps it by at most a year, the nearest to its end; when none does, a new run starts
   with the term starting where a dated elite term ends (else the open one, else the first that is not a
   ministers-list line, which runs from the 1st to a month's end, from 2003 on). A long overlap is a monarch's
   open reign over the prime ministers listed after it; a restart is the next list. Then each run takes, for
   every leader, the term that makes it the most continuous chain (a successor starting where the previous one
   ends; Viterbi over the leaders' terms), so that a prime minister turned president is a president in the
   presidents' run.
3. Runs under the same section heading (or none) are joined into one office when no terms of two entries overlap
   by more than ACTING days (acting heads overlap a little; the very same term is one person under two names):
   adjacent runs always (the lists are not quite chronological), others when a term of one starts within
   BOUNDARY days of the end of a term of the other (a successor).
4. Offices under a section heading naming other offices (vice presidents, secretaries, ambassadors...) are not
   head offices. Of the others, one is both head of state and head of government (a presidential system), unless
   people.yaml names a head of government of the country: then it is what people.yaml's titles of its holders say
   (by name, else by the days their terms start), or not a head office when that is unclear. Of two or more, the
   two covering most of 1980-2014 are head of state and head of government in file order (or as their headings
   say); each other run joins the one it overlaps least when that overlap is under a quarter of its days, or
   stays an ordinary government term (exile and rival lists).
5. Every other GOV term of the leaders (not a ministers-list line) goes to the office where it overlaps no one
   else's term and not the person's own there, preferring one where it starts or ends at a successor's boundary;
   else it stays an ordinary government term. An open term is closed where a later holder of the office starts.
Checked by hand on about 40 countries (presidential, parliamentary, monarchies, Commonwealth realms, communist
states) and against people.yaml's titles, an independent source (`--stats`: 148 of 154 derived head terms that
overlap a titled term of the same person agree; of the other 6, 3 are right in the data, e.g. a president who was
also prime minister, or an open term that went stale). Known failures: Russia and the Soviet Union mix
party leaders, presidium chairmen, presidents and prime ministers; China and Vietnam have three lists (party
leader, state president, premier) and the party leaders become the heads of state; Switzerland's rotating
presidents come out as one office for both; Luxembourg lists only prime ministers, one office that comes out as
both (Qatar's and Palestine's single lists, unclear against people.yaml, are left without heads); Belarus lists
the Rada in exile first; governors-general stand for the head of state of
Commonwealth realms; entries added by hand after 2010 (no CountryInfo mark) are not in the sequences, so recent
leaders come from people.yaml; open terms in the data may be stale (the KB trusts them up to the horizon only);
Mauritania's leaders are coded MUS, Mauritius, in the data, and come out as Mauritius's.

People (actor_names.py). Entries that are organisations, places or generic nouns are dropped. A kept entry's
first name (the entry line) has one to nine words of letters, no organisation, place or function word
(ORG_WORDS); the entry has a role code, no bare country code (a place or a nationality); and it is surely a person
(a CountryInfo or IGOrulers mark, or a dated role: then up to 14 words, and the WEAK_ORG_WORDS that are also
surnames, Anthony Lake, are allowed) or its first word is the first name of a sure person or of someone in
people.yaml. One-word names must come from a list of leaders (Suharto); NGO and company people (no IGO or country
code) are dropped. `--stats` counts what is kept and dropped, and why. Leading honorifics (SIR, DR, SHEIKH,
KING, PRESIDENT, FOREIGN MINISTER, ...) leave the name but stay in an alias, unless one word would be left that is
nobody's first name (Amir Peretz, Sultan Rayev). Names are title-cased from the capitals; McAllister-style
capitals cannot be recovered (matching is on folded forms); particles (al-, bin, de, van, y) are lower case inside a
name, places.yaml's abbreviations (US, UK) and initialisms (U.S.) stay capitals.

Actors. Roles come from the codes: "Government of X" (GOV..., GOVLEG is "Legislature of X"), "Elite of X" (former
office holders), "Military of X", "Opposition of X", ...; IGO codes name the organisation (its entry, or the
comment that names it): "Head of the United Nations" for IGOrulers and dated IGO heads, "Official of ..." for
others. Countries are places.yaml's canonical names, matched by a block's header or its aliases (territories
by their header only), else the header title-cased. The same person within a country is merged (same folded name,
or a shorter name into the only longer one adding whole middle names, not an initial, and not two leaders).
Then people.yaml wins (transforms/extract/kb.py: merge_people).
"""
import argparse
import collections
import datetime
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

import actor_names  # noqa: E402
import archigos  # noqa: E402
from actor_names import person_name, strip_honorifics, clean_name  # noqa: E402
from leader_sequences import (_overlap_days, _people_titles, head_terms, label_offices, leader_entries,  # noqa: E402
                              leader_offices)
from petrarch_dictionary import (COUNTRIES_FILE, FICTIONAL, INTERNATIONAL_FILE, ORGANISATION_PREFIXES,  # noqa: E402
                                 ROLE_WORDS, SourceError, _org_segments, _place_code, comment_organisation,
                                 organisation_names, parse_dictionary, place_names, read_source, split_code)
from transforms.extract.kb import (HEAD_OF_STATE, HORIZON_PREFIX, PEOPLE_DIGEST_PREFIX, TSV_COLUMNS,  # noqa: E402
                                   _NAME_SUFFIXES, Actor, compatible_middles, default_surname, fold,
                                   format_tsv_row, merge_people, name_keys, office_kinds, parse_people,
                                   people_digest, presidential_countries, title_of)

DEFAULT_SNAPSHOT = ROOT.parent / ".mirror" / "openeventdata+petrarch2" / "repo"
DEFAULT_ARCHIGOS = ROOT.parent / ".mirror" / "reddylee+Datasets" / "repo"

EAST_ASIAN_ORDER = frozenset({"CHN", "TWN", "KOR", "PRK"})  # family name first


def role_text(code, place_names_, territories, org_names, entry, start=None, end=None):
    """The readable role of a code, or None: "Government of Australia", "Head of the United Nations"."""
    if code.startswith("IGO"):
        prefixes = [code[:n] for n in range(len(code), 5, -3) if _org_segments(code[3:n])]
        coded = next((org_names[prefix] for prefix in prefixes if prefix in org_names), None)
        named = comment_organisation(entry.comment)
        org = coded if named is None or (named.isupper() and coded) else named
        if org is None:
            return None
        the = "the " if len(org.split()) > 1 else ""
        if "CoEU" in entry.comment and code.startswith("IGOEUREEC"):
            return "President of the Council of the European Union"
        if "IGOrulers" in entry.comment or (named and (start or end)):
            return f"Head of {the}{org}"
        return f"Official of {the}{org}"
    if code.startswith(("NGO", "MNC")):
        return None
    place, roles = split_code(code, territories)
    country = place_names_.get(place)
    if not roles or country is None or roles[0] not in ROLE_WORDS:
        return None
    word = "Legislature" if roles[:2] == ["GOV", "LEG"] else ROLE_WORDS[roles[0]]
    return f"{word} of {country}"


def entry_country(entry, place_names_, territories):
    for code, _, _ in entry.codes:
        if code.startswith(ORGANISATION_PREFIXES):
            continue
        place, _ = split_code(code, territories)
        if place in place_names_:
            return place, place_names_[place]
    return None, None


def build_actors(entries, places, people, stats):
    """Derived actors (deduplicated, not yet merged with people.yaml)."""
    place_names_, territories = place_names(entries, places)
    org_names = organisation_names(entries)
    people_titles = _people_titles(people)
    heads, ordinary, leader_codes = {}, {}, {}
    for code, leaders in leader_entries([e for e in entries if e.source == COUNTRIES_FILE]).items():
        leader_codes.update((id(entry), code + "GOV") for entry, _ in leaders)
        offices = label_offices(leader_offices(leaders), place_names_.get(code), people_titles)
        h, o = head_terms(leaders, offices)
        heads.update(h)
        ordinary.update(o)
        stats["countries with leader sequences"] += 1
        stats[f"countries with {min(len(offices), 3)}{'+' if len(offices) >= 3 else ''} head office(s)"] += 1
    first_names = _first_names(entries, people)
    actors = []
    for entry in entries:
        actor = _actor(entry, place_names_, territories, org_names, heads, ordinary, leader_codes, first_names,
                       stats)
        if actor is not None:
            actors.append(actor)
    return dedupe(actors, stats)


def _first_names(entries, people=()):
    """First words of the names of entries that are surely people (CountryInfo or IGOrulers, or a dated role)
    and of people.yaml's people."""
    found = {fold(p.name).split()[0] for p in people if len(fold(p.name).split()) >= 2}
    for entry in entries:
        if _sure(entry):
            words = fold(strip_honorifics(clean_name(entry.names[0]))).split()
            if len(words) >= 2 and len(words[0]) > 1:
                found.add(words[0])
    return found


def _listed(entry):
    return "CountryInfo" in entry.comment or "IGOrulers" in entry.comment


def _sure(entry):
    return _listed(entry) or any(s or e for c, s, e in entry.codes if len(c) > 3)


def _actor(entry, place_names_, territories, org_names, heads, ordinary, leader_codes, first_names, stats):
    if not entry.codes:
        stats["dropped: no code"] += 1
        return None
    if any(_place_code(code) for code, _, _ in entry.codes):
        stats["dropped: a place (a country code without a role)"] += 1
        return None
    if any(code[:3] in FICTIONAL for code, _, _ in entry.codes):
        stats["dropped: of a fictional country"] += 1
        return None
    named = person_name(entry.names, _sure(entry), first_names)
    if named is None:
        stats["dropped: not a person's name"] += 1
        return None
    name, aliases = named
    if len(name.split()) == 1 and not _listed(entry):
        stats["dropped: one word, not in a list of leaders"] += 1
        return None
    if not _sure(entry) and fold(name).split()[0] not in first_names:
        stats["dropped: undated, no person evidence"] += 1
        return None
    if not any(c.startswith("IGO") or not c.startswith(ORGANISATION_PREFIXES) for c, _, _ in entry.codes):
        stats["dropped: NGO or company person"] += 1
        return None
    code, country = entry_country(entry, place_names_, territories)
    offices = _offices(entry, place_names_, territories, org_names, heads, ordinary, leader_codes)
    if not offices and country is None:
        stats["dropped: no role or country"] += 1
        return None
    surname = surname_of(name, code in EAST_ASIAN_ORDER)
    stats["kept"] += 1
    return Actor(name, country, surname, tuple(aliases), offices)


def _offices(entry, place_names_, territories, org_names, heads, ordinary, leader_codes):
    offices = []
    placed = leader_codes.get(id(entry))
    leader_country = place_names_.get(placed[:3]) if placed else None
    for kinds, start, end in heads.get(id(entry), ()) if leader_country else ():
        for kind in kinds:
            label = "Head of State" if kind == HEAD_OF_STATE else "Head of Government"
            offices.append((f"{label} of {leader_country}", start, end))
    for start, end in ordinary.get(id(entry), ()) if leader_country else ():
        offices.append((f"Government of {leader_country}", start, end))
    for code, start, end in entry.codes:
        if code == placed and (start or end):
            continue  # placed by the leader sequences
        role = role_text(code, place_names_, territories, org_names, entry, start, end)
        if role:
            offices.append((role, start, end))
    return tuple(_union(offices))


def _union(offices):
    """Offices with the terms of each role merged where they overlap or touch, sorted by start."""
    by_role = collections.defaultdict(list)
    for role, start, end in offices:
        by_role[role].append((start, end))
    merged = []
    for role, terms in by_role.items():
        terms.sort(key=_term_key)
        current = list(terms[0])
        for start, end in terms[1:]:
            if current[1] is None or start is None or start <= current[1]:
                if current[1] is not None and (end is None or end > current[1]):
                    current[1] = end
                if start is None:
                    current[0] = None
            else:
                merged.append((role, *current))
                current = [start, end]
        merged.append((role, *current))
    return sorted(merged, key=lambda o: (o[1] or datetime.date.min, o[0], o[2] or datetime.date.max))


def _term_key(term):
    return term[0] or datetime.date.min, term[1] or datetime.date.max


def dedupe(actors, stats):
    """One actor per person: the same country and folded name merge, a name without a country (an organisation's
    official) merges into the only one of that name with a country, and a name merges into the only longer one
    with the same first and last word that adds whole middle names ("Anna Moss", "Anna Eileen Moss"); not
    when that adds an initial ("Paul Harlan", "Paul W. Harlan") or both hold a head office (two listed leaders).
    The shortest name leads (the fuller spelling among equals: D'Alema over Dalema); the others become aliases."""
    groups = collections.OrderedDict()
    for actor in actors:
        groups.setdefault((actor.country, fold(actor.name)), []).append(actor)
    by_pair = collections.defaultdict(list)
    for key in groups:
        words = _without_suffixes(key[1].split())
        if len(words) >= 2:
            by_pair[(key[0], words[0], words[-1])].append(key)
    parent = {}
    for keys in by_pair.values():
        for key in keys:
            middle = _without_suffixes(key[1].split())[1:-1]
            longer = [k for k in keys if len(k[1].split()) > len(key[1].split())
                      and compatible_middles(middle, _without_suffixes(k[1].split())[1:-1])]
            if len(longer) == 1 and _may_merge(middle, longer[0], groups[key], groups[longer[0]]):
                parent[key] = longer[0]

    def root(key):
        while key in parent:
            key = parent[key]
        return key
    by_name = collections.defaultdict(list)
    for country, name in groups:
        by_name[name].append(country)
    for (country, name) in groups:  # an organisation's official (no country) known in one country's block
        others = [c for c in by_name[name] if c is not None]
        if country is None and len(others) == 1:
            parent[(None, name)] = (others[0], name)
    merged = collections.OrderedDict()
    for key, members in groups.items():
        merged.setdefault(root(key), []).extend(members)
    out = []
    for members in merged.values():
        stats["duplicates merged"] += len(members) - 1
        out.append(_combine(members))
    return out


def _may_merge(middle, longer_key, short_group, long_group):
    extra = [w for w in _without_suffixes(longer_key[1].split())[1:-1] if w not in middle]
    if any(len(w) == 1 for w in extra):
        return False
    return not (_holds_head(short_group) and _holds_head(long_group))


def _holds_head(group):
    return any(role.startswith("Head of") for actor in group for role, _, _ in actor.offices)


def _without_suffixes(words):
    while len(words) > 2 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    return words


def _combine(members):
    lead = min(members, key=lambda a: (len(a.name.split()), -len(a.name), a.name))  # D'Alema over Dalema
    aliases, seen = [], {fold(lead.name)}
    for actor in members:
        for form in (actor.name, *actor.aliases):
            if fold(form) not in seen:
                seen.add(fold(form))
                aliases.append(form)
    offices = _union([o for a in members for o in a.offices])
    family_first = any(a.surname and fold(a.name).startswith(fold(a.surname) + " ") for a in members)
    return Actor(lead.name, lead.country, surname_of(lead.name, family_first), tuple(aliases), tuple(offices))


def surname_of(name, family_first=False):
    """How texts name a person alone: the family name, first in Chinese and Korean names ("Li Peng" -> "Li"),
    else the last word with its particles ("Saud al-Faisal" -> "al-Faisal")."""
    return name.split()[0] if family_first and len(name.split()) > 1 else default_surname(name)


def check_heads(derived, people):
    """How the derived head offices agree with people.yaml's titles, an independent source: (agreeing, disagreeing
    terms, countries that disagree). A derived head term agrees when it overlaps by over a month a term of the same
    person (same name or alias and country) whose people.yaml title is of the same kind (presidents of countries
    with one office for both count for both)."""
    by_key = collections.defaultdict(list)
    for actor in derived:
        for key in name_keys(actor):
            by_key[(actor.country, key)].append(actor)
    presidential = presidential_countries(derived)
    agree, disagree, where = 0, 0, collections.Counter()
    for person in people:
        titled = [(office_kinds(title_of(r, person.country)[0], person.country in presidential), s, e)
                  for r, s, e in person.offices if title_of(r, person.country)[1] == person.country]
        titled = [t for t in titled if t[0]]
        found = {id(a): a for key in name_keys(person) for a in by_key.get((person.country, key), ())}
        for actor in found.values():
            for role, start, end in actor.offices:
                kind = "head of state" if role.startswith("Head of State") else (
                    "head of government" if role.startswith("Head of Government") else None)
                overlapping = [k for k, s, e in titled if _overlap_days((start, end), (s, e)) > 30]
                if kind and overlapping:
                    if any(kind in k for k in overlapping):
                        agree += 1
                    else:
                        disagree += 1
                        where[person.country] += 1
    return agree, disagree, where


def write_tsv(actors, path, origin, archigos_origin, horizon, people_text):
    rows = sorted((format_tsv_row(a) for a in actors), key=lambda row: (fold(row.split("\t")[0]), row))
    header = (f"# Generated by `python scripts/build_actors.py` from PETRARCH2's actor dictionaries ({origin}: "
              f"{COUNTRIES_FILE}, {INTERNATIONAL_FILE}; MIT licence, Copyright (c) 2014 Open Event Data Alliance), "
              "the heads of government they lack from Archigos 4.1 (Goemans, Gleditsch and Chiozza 2009; "
              f"{archigos_origin}: {', '.join(archigos.FILES)}; MIT licence, Copyright (c) 2024 Reddy Lee), merged "
              "with configs/people.yaml. Do not edit: add or correct people in configs/people.yaml.")
    notes = [f"{HORIZON_PREFIX}{horizon.isoformat()} (the latest date in the dictionaries; see "
             "transforms/extract/kb.py)", f"{PEOPLE_DIGEST_PREFIX}{people_digest(people_text)} (the people.yaml "
             "merged in; a different one is merged again at load)"]
    path.write_text("\n".join([header, *notes, "\t".join(TSV_COLUMNS), *rows]) + "\n", encoding="utf-8")


def horizon_of(actors):
    """The latest date of the derived offices: what the dictionaries know of ends there."""
    return max(day for actor in actors for _, start, end in actor.offices for day in (start, end) if day)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petrarch", default=str(DEFAULT_SNAPSHOT),
                        help="the PETRARCH2 snapshot: a bare git repository or a checkout (default: %(default)s)")
    parser.add_argument("--archigos", default=str(DEFAULT_ARCHIGOS),
                        help="the reddylee/Datasets snapshot with Archigos (default: %(default)s)")
    parser.add_argument("--out", default=str(ROOT / "configs" / "actors.tsv"))
    parser.add_argument("--stats", action="store_true", help="print what was kept and dropped, and why")
    args = parser.parse_args(argv)
    try:
        (countries_text, international_text), origin = read_source(args.petrarch)
        (archigos_text, leaders_text), archigos_origin = archigos.read_source(args.archigos)
    except (SourceError, archigos.SourceError) as e:
        print(f"build_actors: {e}", file=sys.stderr)
        return 2
    stats = collections.Counter()
    entries = (parse_dictionary(countries_text, COUNTRIES_FILE, stats)
               + parse_dictionary(international_text, INTERNATIONAL_FILE, stats))
    stats["entries"] = len(entries)
    places = yaml.safe_load((ROOT / "configs" / "places.yaml").read_text(encoding="utf-8"))
    actor_names.ACRONYMS.update(a.upper() for c in places.get("countries") or [] for a in c.get("abbreviations") or []
                    if a.isalpha() and len(a) >= 2)
    people_text = (ROOT / "configs" / "people.yaml").read_text(encoding="utf-8")
    people = parse_people(yaml.safe_load(people_text))
    derived = build_actors(entries, places, people, stats)
    horizon = horizon_of(derived)
    country_names = {n: c["name"] for c in places.get("countries") or []
                     for n in [c["name"], *(c.get("aliases") or [])]}
    country_names.update((f["name"], f["countries"][0]) for f in places.get("former") or [])  # West Germany: Germany
    terms = archigos.leader_terms(archigos_text, leaders_text, country_names, stats)
    derived = archigos.fill_gaps(derived, terms, presidential_countries(derived), stats, people)
    actors = merge_people(derived, people)
    if args.stats:
        agree, disagree, where = check_heads(derived, people)
        print(f"derived head terms against people.yaml's titles: {agree} agree, {disagree} disagree "
              f"({', '.join(f'{c} {n}' for c, n in where.most_common())})")
    stats["actors written"] = len(actors)
    stats["people.yaml people"] = len(people)
    stats["people.yaml people matched to derived actors"] = len(people) + len(derived) - len(actors)
    write_tsv(actors, pathlib.Path(args.out), origin, archigos_origin, horizon, people_text)
    if args.stats:
        for key in sorted(stats):
            print(f"{stats[key]:>8}  {key}")
    print(f"build_actors: {len(actors)} actors -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
