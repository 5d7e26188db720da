"""Person names in PETRARCH2's dictionaries: which entry names are people's, without honorifics, title-cased."""
import re

from transforms.extract.kb import HONORIFICS, PARTICLES, fold

MAX_WORDS, MAX_WORDS_SURE = 9, 14  # Arabic names with their nasab; Malay royal names

# Words of organisations, places and generic nouns. A name with one is not a person's, except that a person known
# from elsewhere (CountryInfo, a dated role) may have one of the WEAK ones, which are also surnames (Anthony Lake).
WEAK_ORG_WORDS = frozenset("""lake church street house temple camp port guard guards bay river island islands
mountain mountains sea gulf desert city station yard palace court county state hospital club press times news
radio unit team staff front wing board mission bush hill hall park bridge field ford""".split())

ORG_WORDS = WEAK_ORG_WORDS | frozenset("""of the and for with government ministry ministries party council army
forces force union republic national nationals united committee department office association bank fund agency
organization organisation commission assembly parliament congress senate police service services authority
institute university college school center centre foundation movement alliance coalition league group brigade
brigades battalion regiment division corps navy military militia rebels rebel insurgents opposition
administration cabinet embassy consulate province region states territory territories district kingdom empire
federation community company corporation corp inc ltd television newspaper media bureau tribunal command
headquarters secretariat delegation contingent troops soldiers officials official people citizens leaders
members workers students mosque prison airport network conference summit program programme project initiative
bloc faction regime junta directorate ministerial presidential royal family dynasty clan tribe tribes forum
agreement accord treaty talks peacekeepers peacekeeping units society""".split())


def clean_name(raw):
    """The words of a dictionary name: underscores to spaces, without a parenthesis, a comma's tail or quotes."""
    text = raw.replace("_", " ").replace("`", "").replace('"', "").replace("\x1a", "")
    text = text.split("(")[0].split(",")[0]
    return " ".join(text.split())


_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S., U.N.

ACRONYMS = set()  # places.yaml's abbreviations (US, UK), set by main(): kept in capitals

_SMALL_WORDS = frozenset("of the for and on in to at y e".split())  # "Calvo Sotelo y Bustelo"

_ROMAN = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def title_case(text):
    """SIR JOHN O'BRIEN-SMITH JR. -> Sir John O'Brien-Smith Jr.; KHALID AL-RASHIDI -> Khalid al-Rashidi;
    CARL XVI GUSTAF -> Carl XVI Gustaf."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        inner = 0 < i < len(words) - 1
        parts = word.split("-")
        cased = [_title_part(p, i > 0) for p in parts]
        if fold(parts[0]) in PARTICLES and i > 0 and (len(parts) > 1 or inner):  # "al-Faisal", "de Gaulle"
            cased[0] = cased[0].lower()
        elif inner and word.lower() in _SMALL_WORDS:
            cased = [word.lower()]
        out.append("-".join(cased))
    return " ".join(out)


def _title_part(part, later):
    if not part:
        return part
    if _INITIALISM.match(part) or part.upper() in ACRONYMS:
        return part.upper()
    if later and _ROMAN.match(part.upper()) and len(part) <= 5 and part.upper() not in ("DI", "LI", "MI", "CC"):
        return part.upper()
    lower = part.lower()
    if len(lower) > 2 and lower[1] == "'" and lower[0] in "od":  # O'Brien, D'Alema
        return lower[0].upper() + "'" + lower[2:].capitalize()
    if len(lower) > 3 and lower.startswith("mc") and lower[2].isalpha():
        return "Mc" + lower[2:].capitalize()
    return lower[0].upper() + lower[1:]


def person_name(forms, sure=False, first_names=frozenset()):
    """(name, aliases) of a person from the names of an entry, or None when its first name is not a person's: that
    name without leading honorifics; the others, and titled forms, as aliases."""
    found = []
    for i, form in enumerate(forms):
        cleaned = clean_name(form)
        bare = strip_honorifics(cleaned, first_names)
        if looks_like_name(bare, sure=sure, allow_titles=bare == cleaned and len(bare.split()) == 2):
            found.append(bare)
            if cleaned != bare and looks_like_name(cleaned, allow_titles=True, sure=sure):
                found.append(cleaned)
        elif i == 0:
            return None  # an organisation or a title with names of people among its aliases
    if not found:
        return None
    main, aliases, seen = found[0], [], {fold(found[0])}
    for form in found[1:]:
        if fold(form) not in seen:
            seen.add(fold(form))
            aliases.append(title_case(form))
    return title_case(main), aliases


def strip_honorifics(name, first_names=None):
    """The name without its leading titles: "FOREIGN MINISTER ANDREI A. GROMYKO" -> "ANDREI A. GROMYKO". When
    one word would be left, it must be a known first name ("CROWN PRINCE HAAKON" -> "HAAKON"); otherwise the
    last title word stays as the first name ("AMIR PERETZ", "PRINCE JOHNSON", "SULTAN RAYEV")."""
    words = name.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        parts = [p for p in fold(word).split() if p]
        if parts and all(p in HONORIFICS or p in _TITLE_MODIFIERS for p in parts):
            if any(p in HONORIFICS for p in parts):
                cut = i + 1
        else:
            break
    if cut and cut == len(words) - 1 and first_names is not None and fold(words[-1]) not in first_names:
        cut -= 1
    return " ".join(words[cut:])


_TITLE_MODIFIERS = frozenset("""former ex soviet foreign defense defence deputy vice prime first state communist
leader un us u s the of party general secretary minister acting""".split())

_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['.\-])*$")


def looks_like_name(text, allow_titles=False, sure=False):
    """One to MAX_WORDS words of letters (apostrophes, hyphens, initials), no organisation, place or function
    word."""
    words = text.split()
    if not 1 <= len(words) <= (MAX_WORDS_SURE if sure else MAX_WORDS) or not all(_NAME_WORD.match(w) for w in words):
        return False
    folded = set(fold(text).split())
    if folded & (ORG_WORDS - WEAK_ORG_WORDS if sure else ORG_WORDS):
        return False
    return allow_titles or not (len(words) > 1 and fold(words[0]) in HONORIFICS)
