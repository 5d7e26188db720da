"""PETRARCH2's actor dictionaries read: entries (names, dated CAMEO codes, comments, section headings), and the
countries and organisations the codes stand for. The format is described in build_actors.py."""
import collections
import datetime
import pathlib
import re
import subprocess

from actor_names import ORG_WORDS, clean_name, title_case
from transforms.extract.kb import fold

DICTIONARIES = "petrarch2/data/dictionaries"

COUNTRIES_FILE, INTERNATIONAL_FILE = "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"

FETCH_HINT = "fetch it with the search tool's `fetch github:openeventdata/petrarch2` or pass --petrarch DIR"

# Role codes after the country: what the role is called ("Government of X").
ROLE_WORDS = {"GOV": "Government", "LEG": "Legislature", "MIL": "Military", "OPP": "Opposition",
              "JUD": "Judiciary", "ELI": "Elite", "COP": "Police", "SPY": "Intelligence", "REB": "Rebels",
              "INS": "Insurgents", "SEP": "Separatists", "RAD": "Radicals", "MOD": "Moderates", "OCC": "Occupation",
              "BUS": "Business", "MED": "Media", "EDU": "Education", "HLH": "Health", "LAB": "Labour",
              "AGR": "Agriculture", "ENV": "Environment", "DEV": "Development", "HRI": "Human Rights",
              "REF": "Refugees", "REL": "Religion", "CVL": "Civilians", "PTY": "Party"}

ORGANISATION_PREFIXES = ("IGO", "NGO", "MNC")

# CAMEO region codes inside IGO codes (IGOEUR..., IGOLAM...): a region, not an organisation.
REGIONS = frozenset("""AFR ASA EUR LAM MEA SAS SEA WST CAS EAF WAF SAF NAF CAF SAM NAM CRB SCN PGS ARB MOS EEU NMR
BLK BAL CAU MED""".split())

NOT_PLACES = frozenset(ROLE_WORDS) | {"UNR", "UAF", "IGO", "NGO", "MNC", "CHR", "MUS", "JEW", "HIN", "BUD"}

# CAMEO country codes used in the dictionaries' codes without a block of their own.
EXTRA_COUNTRIES = {"USR": "Soviet Union", "YUG": "Yugoslavia", "FRY": "Yugoslavia", "CSK": "Czechoslovakia",
                   "SRP": "Republika Srpska", "SCG": "Serbia and Montenegro", "KRJ": "Krajina"}
# Countries of the dictionaries that do not exist: Kinakuta (KNT) is their test country, taken from a novel.
FICTIONAL = frozenset({"KNT"})

_DATE = re.compile(r"^\d+$")


class SourceError(Exception):
    """The PETRARCH2 snapshot is missing or unreadable."""


class Entry:
    """One actor of a dictionary: names (the entry line first), codes (code, from, to), comment, line, file."""

    __slots__ = ("names", "codes", "comment", "line", "source", "heading", "open")

    def __init__(self, name, comment, line, source, heading=""):
        self.names, self.codes, self.comment, self.line, self.source = [name], [], comment, line, source
        self.heading = heading  # the comment line heading its section ("# Prime Ministers"), if any
        self.open = True  # still taking entry lines as synonyms (no code, blank or comment line since)


def read_source(petrarch):
    """The text of the two dictionaries and a label of where they came from, from a checkout or a bare repo."""
    folder = pathlib.Path(petrarch)
    files = [folder / DICTIONARIES / COUNTRIES_FILE, folder / DICTIONARIES / INTERNATIONAL_FILE]
    if all(f.is_file() for f in files):
        return [f.read_text(encoding="utf-8", errors="replace") for f in files], f"a copy at {folder}"
    if not folder.is_dir():
        raise SourceError(f"PETRARCH2 snapshot not found at {folder}: {FETCH_HINT}")
    try:
        commit = _git(folder, "rev-parse", "HEAD").strip()
        texts = [_git(folder, "show", f"HEAD:{DICTIONARIES}/{name}") for name in (COUNTRIES_FILE, INTERNATIONAL_FILE)]
    except (OSError, subprocess.CalledProcessError):
        raise SourceError(f"no PETRARCH2 dictionaries in {folder}: {FETCH_HINT}") from None
    return texts, f"openeventdata/petrarch2@{commit[:12]}"


def _git(folder, *args):
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True).stdout.decode(
        "utf-8", errors="replace")


_HEADING_TEXT = re.compile(r"^[A-Za-z][A-Za-z .,'()?\[\]-]*$")  # "# Prime Ministers", not "# [USAELI ...]"


def parse_dictionary(text, source, stats):
    """The entries of one actor dictionary, in file order."""
    entries, current, heading = [], None, ""
    for number, raw in enumerate(text.splitlines(), 1):
        body, _, comment = raw.partition("#")
        line = body.strip()
        if not line:
            if current is not None:
                current.open = False
            if raw.startswith("#") and _HEADING_TEXT.match(comment.strip()):
                heading = comment.strip()
            continue
        if line.startswith("["):
            _add_codes(current, line, stats)
            if current is not None and comment.strip():
                current.comment = " # ".join(filter(None, (current.comment, comment.strip())))
        elif line.startswith("+"):
            if current is not None:
                name, _, codes = line[1:].partition("[")
                current.names.append(name.strip())
                current.comment = " # ".join(filter(None, (current.comment, comment.strip())))
                _add_codes(current, "[" + codes, stats)
        else:
            name, bracket, codes = line.partition("[")
            if current is not None and current.open and not current.codes:
                current.names.append(name.strip())  # one more name of the same actor
                stats["entry lines read as more names of the entry above"] += 1
            else:
                current = Entry(name.strip(), comment.strip(), number, source, heading)
                entries.append(current)
            if bracket:
                _add_codes(current, "[" + codes, stats)
                if any(_bare(code) for code, _, _ in current.codes):
                    heading = ""  # a country's block starts
    return entries


def _add_codes(entry, text, stats):
    if entry is None:
        return
    for inner in re.findall(r"\[([^\]]*)\]?", text):
        parts = inner.split()
        if not parts or parts[0].strip("-") == "":
            continue
        code = parts[0]
        dates = _dates("".join(parts[1:]))
        if dates is None:
            stats["malformed date lines (dropped)"] += 1
            continue
        entry.codes.append((code, *dates))
        entry.open = False


def _dates(text):
    """(from, to) of a date restriction; None when malformed."""
    if not text:
        return None, None
    if text[0] in "<>":
        day = _day(text[1:])
        return None if day is None else ((day, None) if text[0] == ">" else (None, day))
    start, dash, end = text.partition("-")
    if not dash:
        return None
    a, b = _day(start), _day(end)
    if a is None or b is None:
        return None
    if a > b and len(start) == 6 and a.year >= 2000:  # a YYMMDD year of the 1900s read as 20YY
        a = a.replace(year=a.year - 100)
    return (a, b) if a <= b else None


def _day(text):
    if not _DATE.match(text) or len(text) not in (6, 8, 9):
        return None
    try:
        if len(text) == 6:
            year = int(text[:2])
            return datetime.date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:6]))
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def split_code(code, territories):
    """(place code, role segments): AUSGOVLEG -> ("AUS", ["GOV", "LEG"]); GBRVGBELI -> ("VGB", ["ELI"]);
    IGOUNOIAE -> ("IGOUNOIAE", [])."""
    if code.startswith(ORGANISATION_PREFIXES):
        return code, []
    segments = [code[i:i + 3] for i in range(0, len(code), 3)]
    place = segments[0]
    if len(segments) > 1 and segments[1] in territories.get(place, ()):
        place = segments[1]
        segments = segments[1:]
    return place, segments[1:]


def place_names(entries, places):
    """CAMEO country and territory codes -> canonical country names (places.yaml, else the block's title-cased
    header), and the territories of each country."""
    canonical = {}
    for country in places.get("countries") or []:
        for form in (country["name"], *(country.get("aliases") or [])):
            canonical.setdefault(fold(form), country["name"])
    abbreviations = {fold(a): c["name"] for c in places.get("countries") or [] for a in c.get("abbreviations") or []}
    territories, names = collections.defaultdict(set), dict(EXTRA_COUNTRIES)
    candidates = collections.defaultdict(list)  # code -> entries naming it (a block header, a city, ...)
    for entry in entries:
        if entry.source != COUNTRIES_FILE:
            continue
        for code in (code for code, _, _ in entry.codes if _bare(code)):
            if len(code) == 6:
                territories[code[:3]].add(code[3:])
            candidates[code[-3:]].append(entry)
    for code, found in candidates.items():
        forms = [[clean_name(n) for n in entry.names] for entry in found]
        territory = code not in {c for c in (code for e in found for code, _, _ in e.codes) if len(c) == 3}
        match = next((canonical[fold(f[0])] for f in forms if fold(f[0]) in canonical), None)
        if match is None and not territory:  # "BRUNEI_DARUSSALAM_ +BRUNEI_"; not "AMERICAN_SAMOA_ +SAMOAN_"
            match = next((canonical[fold(n)] for f in forms for n in f[1:] if fold(n) in canonical), None)
        match = match or next((abbreviations[fold(f[0])] for f in forms if fold(f[0]) in abbreviations), None)
        names[code] = match or title_case(forms[0][0])
    return names, territories


def _bare(code):
    """A country or territory code alone (AFG, GBRVGB), not a role alone (ELI)."""
    return (code.isalpha() and len(code) in (3, 6) and not code.startswith(ORGANISATION_PREFIXES)
            and code[:3] not in ROLE_WORDS and code[3:] not in NOT_PLACES)


def _place_code(code):
    """A country, a territory, or one not (yet) recognised (XXXUNR): codes of places, not of people."""
    return _bare(code) or (code.isalpha() and len(code) == 6 and code.endswith("UNR"))


def organisation_names(entries):
    """IGO codes -> readable organisation names: the first undated entry of exactly that code that is not a
    person; an acronym gives way to a longer name of the same code whose initials spell it."""
    by_code = collections.defaultdict(list)
    for entry in entries:
        if len(entry.codes) == 1 and entry.codes[0][0].startswith("IGO") and entry.codes[0][1:] == (None, None):
            by_code[entry.codes[0][0]].append(clean_name(entry.names[0]))
    names = {}
    for code, forms in by_code.items():
        orgs = [f for f in forms if f and set(fold(f).split()) & ORG_WORDS or len(f.split()) == 1]
        if not orgs:
            continue
        first = orgs[0]
        if len(first.split()) == 1:
            initials = {f: "".join(w[0] for w in fold(f).split() if w not in ("of", "the", "and", "for"))
                        for f in forms}
            first = next((f for f in forms if len(f.split()) > 1 and initials[f] == fold(first)), first)
        names[code] = org_display(first)
    return names


def _org_segments(segments):
    """Whether IGO code segments name an organisation (UNO), not a region (EUR) or a sector (BUS)."""
    return all(segments[i:i + 3] not in ROLE_WORDS and segments[i:i + 3] not in REGIONS
               for i in range(0, len(segments), 3))


def comment_organisation(comment):
    """The organisation an International-file comment names ("# Economic Cooperation Organization", "# OPEC"),
    or None (editors' initials and dates, "NGO_Actors", sources, industries)."""
    text = comment.split("#")[0].split("Source:")[0].strip()
    text = text[4:] if text.startswith("The ") else text
    if not text or "$" in text or "_" in text or "IGOrulers" in text or re.search(r"\d", text):
        return None
    words = text.split()
    if len(words) == 1 and text.isupper() and 2 <= len(text) <= 6:
        return text
    if set(fold(text).split()) & ORG_WORDS and text[0].isupper() and len(words) <= 10:
        return org_display(text) if text.isupper() else text
    return None


def org_display(name):
    words = name.split()
    if len(words) == 1 and len(name) <= 6:
        return name.upper()
    text = title_case(name)
    return text[4:] if text.startswith("The ") else text
