"""People in a sentence: gazetteer names, titled names the gazetteer lacks, roles, and group references."""
import re
from dataclasses import dataclass

from transforms.extract.words import Keyed, form_keys, key_words, lacks_keys, words_regex

# Title words as written before a name or a role reference, and the canonical title they stand for.
TITLES = {
    "president": "President", "vice president": "Vice President", "vice-president": "Vice President",
    "prime minister": "Prime Minister", "premier": "Prime Minister", "chancellor": "Chancellor",
    "foreign minister": "Foreign Minister", "minister of foreign affairs": "Foreign Minister",
    "foreign secretary": "Foreign Minister", "secretary of state": "Secretary of State",
    "state secretary": "Secretary of State", "defense minister": "Defense Minister",
    "defence minister": "Defense Minister", "defense secretary": "Secretary of Defense",
    "secretary of defense": "Secretary of Defense", "king": "King", "queen": "Queen", "emir": "Emir",
    "crown prince": "Crown Prince", "supreme leader": "Supreme Leader", "sultan": "Sultan",
    "secretary-general": "Secretary-General", "secretary general": "Secretary-General",
    "ambassador": "Ambassador", "envoy": "Envoy", "special envoy": "Special Envoy",
    "finance minister": "Finance Minister", "treasury secretary": "Treasury Secretary",
    "national security advisor": "National Security Advisor", "national security adviser": "National Security Advisor",
    "press secretary": "Press Secretary", "spokesman": "Spokesman", "spokeswoman": "Spokesman",
    "minister": "Minister", "deputy prime minister": "Deputy Prime Minister",
    "deputy foreign minister": "Deputy Foreign Minister", "chief of staff": "Chief of Staff",
    "pope": "Pope", "senator": "Senator", "speaker": "Speaker", "governor": "Governor",
}
# A role reference without a name ("the Russian leader") may mean any of these titles.
HEADS = ("President", "Prime Minister", "Chancellor", "King", "Emir", "Supreme Leader", "Crown Prince")
_LEADER_WORDS = {"leader": HEADS, "head of state": HEADS, "head of government": ("Prime Minister", "Chancellor")}
_ROLE_KEYS = form_keys([*TITLES, *_LEADER_WORDS])
_HONORIFICS = r"(?:Mr|Mrs|Ms|Dr|Sheikh)\.?"
_TITLE_KEYS = frozenset(key_words([*TITLES, "leader"]) | {"mr", "mrs", "ms", "dr", "sheikh"})
_WORD = r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?(?!['’\w])"  # O'Brien, not Trump's
_NAME = r"(?P<name>" + _WORD + r"(?:\s+(?:(?:bin|ibn|al|de|da|van|von|der|le|la)\s+)?" + _WORD + r"){0,3})"
_SPEECH = words_regex([
    "said", "says", "say", "told", "tells", "stated", "states", "noted", "notes", "added", "adds", "explained",
    "stressed", "emphasised", "emphasized", "announced", "confirmed", "believes", "wrote", "tweeted", "commented",
    "recalled", "declared", "insisted", "claimed", "quoted", "replied", "responded", "admitted", "warned", "argued",
    "suggested", "pointed out", "underlined", "remarked", "testified"])
# "Volker said", "Volker and Morrison said", "Volker (pictured) later said"
_SPEAKER_AFTER = re.compile(r"^(?:\s*(?:,|\(|\)|[\w.]+\s*\)|later|also|then|has|had|have|on \w+|once again|"
                            r"repeatedly|patiently|and\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})){0,3}"
                            r"\s*(?:" + _SPEECH + r")\b", re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(r"(?:\b(?:" + _SPEECH + r")|" + words_regex(["according to", "as noted", "quotes"])
                             + r")\s+(?:the\s+)?$|\b(?:" + words_regex(["announced", "reported", "stated", "confirmed",
                                                                       "quoted", "said"])
                             + r")\s+(?:\w+\s+)?by\s+(?:[\w.]+\s+){0,5}$", re.IGNORECASE)
# "the press secretary of the President of Russia", "an aide to Putin": the person is not the actor.
_DEPENDENT_BEFORE = re.compile(r"\b(?:" + words_regex([
    "aide", "spokesman", "spokeswoman", "spokesperson", "press secretary", "adviser", "advisor", "assistant",
    "daughter", "son", "wife", "husband", "envoy", "representative", "office", "administration"])
    + r")\s+(?:of|to)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,4}$", re.IGNORECASE)
# "The Kremlin said Putin held talks": after "said", the subject of what was said, not a speaker.
_ACTS_AFTER = re.compile(r"\s+(?:had|has|have|held|hosted|met|will|would|was|is|spoke|received|visited|could|may|"
                         r"might|plans?|planned|wants?|wanted|intends?|invited|agreed|called|phoned|talked)\b")
# "Putin's spokesman", "the Trump administration": the name qualifies something else (not "Trump's call").
_POSSESSIVE = re.compile(r"^(?:['’]s?+\b(?!\s+(?:[\w.,-]+\s+){0,3}(?:meeting|talks|visit|call|conversation|phone))|"
                         r"\s+(?:administration|team|campaign|era|presidency|government|cabinet|camp|aides?|officials?|"
                         r"allies|family|loyalists?|supporters|doctrine|policy|policies|National|White House|"
                         r"Organization|Foundation|Center|Library)\b)")
_GROUP_NOUNS = ["leaders", "presidents", "heads of state", "heads of government", "men", "sides", "ministers",
                "foreign ministers", "prime ministers"]
GROUP = Keyed(r"\b(?:the two|both|the) (?:" + "|".join(_GROUP_NOUNS) + r")\b|\bthey (?=(?:\w+ )?(?:met|meet|had|held|"
              r"talked|spoke|discussed|agreed)\b)|\btheir (?=meeting|talks|negotiations|conversation)",
              key_words(_GROUP_NOUNS) | {"they", "their"})


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    country: str
    role: str
    speaker: bool = False
    possessive: bool = False


def names_in(text, gaz, words=None):
    """(gazetteer names, titled names) found in `text`: what `find_people` starts from. `words`: the text's
    `tokens`, when known (a text without a title word has no titled name)."""
    titled = titled_names(text, gaz) if words is None or not _TITLE_KEYS.isdisjoint(words) else []
    return gaz.find("person", text, words), titled


def find_people(text, gaz, known, day, names=None, words=None):
    """Person mentions in `text`. `known`: the article's people by name ({"name", "country", "role", "person"}:
    the gazetteer entry or None), for roles and surnames; `day`: the reference date for offices, or None;
    `names`: `names_in(text, gaz)` when already found; `words`: the text's `tokens`, when known."""
    forms, titled = names or names_in(text, gaz)
    mentions = []
    for start, end, form in forms:
        person = _choose(gaz.person_forms[form], known, day)
        if person and (form != person.surname or person.name in known or _prominent(person, day)) and not (
                form == person.surname and _other_first_name(text, start, gaz)):
            role = (known.get(person.name) or {}).get("role") or person.role_on(day)
            mentions.append(_mention(text, start, end, person.name, person.country, role))
    for name, info in known.items():
        if info["person"] is None and len(name.split()) > 1:
            for m in re.finditer(r"(?<!\w)" + re.escape(name.split()[-1]) + r"(?!\w)", text):
                if not _overlaps(mentions, m.start(), m.end()):
                    mentions.append(_mention(text, m.start(), m.end(), name, info["country"], info["role"]))
    for start, end, name, country, role in titled:
        if not _overlaps(mentions, start, end):
            person = known.get(name) or {}
            mentions.append(_mention(text, start, end, name, country or person.get("country"),
                                     role or person.get("role")))
    for start, end, role_title, country in role_references(text, gaz, words):
        if not _overlaps(mentions, start, end):
            person = _holder(role_title, country, gaz, known, day)
            if person:
                mentions.append(_mention(text, start, end, person["name"], person["country"], person["role"]))
    return sorted(mentions, key=lambda m: m.start)


def compile_patterns(gaz):
    """The title and role patterns for this gazetteer's countries, compiled once and kept on it."""
    adjectives = words_regex({*gaz.adjectives, *gaz.countries})
    titles = words_regex([*TITLES, "leader"])
    words = words_regex([*TITLES, *_LEADER_WORDS])
    gaz.patterns["titled"] = re.compile(r"\b(?P<title>(?i:" + titles + r")|" + _HONORIFICS + r")\s+" + _NAME)
    gaz.patterns["adjective_before"] = re.compile(r"(?<!\w)(?P<adj>" + adjectives + r")(?:['’]s)?\s+$")
    gaz.patterns["role_before"] = re.compile(r"\b(?P<adj>" + adjectives + r")(?:['’]s)?\s+(?P<title>(?i:" + words
                                             + r"))\b(?!\s+[A-Z])")
    gaz.patterns["role_after"] = re.compile(r"\b(?i:the)\s+(?P<title>(?i:" + words + r"))\s+of\s+(?:the\s+)?(?P<adj>"
                                            + adjectives + r")\b")


def titled_names(text, gaz):
    """(start, end, name, country, role) for 'French President Emmanuel Macron' style mentions of anyone."""
    found = []
    for m in gaz.patterns["titled"].finditer(text):
        name = _trim_name(m.group("name"), gaz)
        if not name or len(name.split()) < 2 and not m.group("title").startswith(("M", "D", "S")):
            continue
        adj = gaz.patterns["adjective_before"].search(text, max(0, m.start() - 40), m.start())
        country = adj and (gaz.adjectives.get(adj.group("adj")) or gaz.countries.get(adj.group("adj")))
        title = TITLES.get(m.group("title").lower())
        role = f"{title} of {country}" if title and country else title
        found.append((m.start("name"), m.start("name") + len(name), name, country, role))
    return found


def role_references(text, gaz, words=None):
    """(start, end, title, country) for 'the Russian president', 'the President of the United States'. `words`:
    the text's `tokens`, when known (a text without a title word has no role reference)."""
    found = []
    if lacks_keys(_ROLE_KEYS, words, text):
        return found
    for pattern in (gaz.patterns["role_before"], gaz.patterns["role_after"]):
        for m in pattern.finditer(text):
            country = gaz.adjectives.get(m.group("adj")) or gaz.countries.get(m.group("adj"))
            found.append((m.start(), m.end(), m.group("title").lower(), country))
    return found


def _holder(title_word, country, gaz, known, day):
    """The person a role reference means: someone the article names with that role, else the office holder."""
    titles = _LEADER_WORDS.get(title_word) or (TITLES.get(title_word),)
    roles = {f"{t} of {country}" for t in titles if t}
    named = [p for p in known.values() if p["role"] in roles or p["person"] and any(
        p["person"].holds(r, day) for r in roles)]
    if len(named) == 1:
        return named[0]
    if day and not named:
        holders = [p for r in roles for p in gaz.holders(r, day)]
        if len(holders) == 1:
            p = holders[0]
            return {"name": p.name, "country": p.country, "role": p.role_on(day)}
    return None


def _prominent(person, day):
    """A leader or chief diplomat (then, or ever when the day is unknown): named by surname alone."""
    titles = (*HEADS, "Foreign Minister", "Secretary of State")
    return any(role.startswith(titles) and (day is None or person.holds(role, day)) for role, _, _ in person.offices)


def _choose(people, known, day):
    """One person for a surface form: the only bearer, the one the article names, the one leading (on the
    day, or ever when it is unknown), or the one in office."""
    if len(people) == 1:
        return people[0]
    for candidates in ([p for p in people if p.name in known], [p for p in people if _prominent(p, day)],
                       [p for p in people if day and any(p.holds(r, day) for r, _, _ in p.offices)]):
        if len(candidates) == 1:
            return candidates[0]
    return None


def _trim_name(name, gaz):
    """Drops trailing words that are not part of a name (places, months, sentence words)."""
    words = name.split()
    while words and (words[-1] in gaz.countries or words[-1] in gaz.cities or words[-1] in _STOP
                     or words[-1] in gaz.adjectives):
        words.pop()
    if words and (words[0] in _STOP or words[0] in gaz.countries or words[0] in gaz.adjectives):
        return None
    return " ".join(words) or None


_STOP = {"The", "A", "An", "And", "Of", "In", "On", "At", "To", "For", "With", "By", "But", "As", "He", "She",
         "It", "They", "We", "This", "That", "January", "February", "March", "April", "May", "June", "July",
         "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
         "Thursday", "Friday", "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
         "Sept", "Oct", "Nov", "Dec", "Administration", "Office", "Government", "Affairs"}


_FIRST_NAME = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+)\s+$")


def _other_first_name(text, start, gaz):
    """'official Timothy Morrison': a surname after a first name the gazetteer person does not have."""
    m = _FIRST_NAME.search(text, max(0, start - 25), start)
    if not m:
        return False
    word = m.group(1)  # not a title ("Presidents Putin and Trump"), a sentence word or a place
    return not {word.lower(), word.lower()[:-1]} & TITLES.keys() and word not in _STOP and word not in gaz.adjectives \
        and word not in gaz.countries and word not in gaz.cities


def _mention(text, start, end, name, country, role):
    return PersonMention(start, end, name, country, role,
                         speaker=bool(_SPEAKER_AFTER.match(text[end:end + 40]) or text[end:end + 1] == ":"
                                      or _SPEAKER_BEFORE.search(text[max(0, start - 60):start])
                                      and not _ACTS_AFTER.match(text, end)),
                         possessive=bool(_POSSESSIVE.match(text[end:end + 60])
                                         or _DEPENDENT_BEFORE.search(text[max(0, start - 80):start])))


def _overlaps(mentions, start, end):
    return any(m.start < end and start < m.end for m in mentions)
