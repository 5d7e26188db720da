"""The people an article names: found in each sentence (titled names, names the actor knowledge holds, people the
entity recogniser tags, surnames of people named before), gathered into one record per person with their
country and title, and resolved from what a parse gives: a name, a role ("the Saudi leader"), a pronoun, or the
"I" of a first-person release."""
import calendar
import functools
import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.extract.dates import MONTHS, WEEKDAYS
from transforms.extract.kb import fold
from transforms.extract.words import unwrapped, words_regex

# Words of a name: initials ("D.", "U.S."), words with inner hyphens and apostrophes (O'Neill, not Turnbull's),
# a possessive, a number or a punctuation mark.
_WORD = re.compile(r"(?:[A-Z]\.)+|[^\W\d_](?:[\w-]|['’](?![sS]\b)\w)*|\d[\w.-]*|['’][sS]\b|[^\w\s]")
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|an|ar|ul|ud|ur|bin|ben|abu)-[^\W\d_]", re.IGNORECASE)
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "dos",
              "del", "y", "abu", "ben"}
_PRONOUNS = {"he", "him", "his", "she", "her"}
_FIRST_PERSON = {"i", "me", "my"}
_QUOTES = re.compile(r"[\"“”]")
_CALENDAR = {*MONTHS, *WEEKDAYS}
MONTH_NAMES = set(calendar.month_name) - {""}
_TIME_WORDS = {"in", "on", "of", "since", "until", "till", "by", "from", "to", "through", "early", "late", "mid",
               "last", "next", "this", "that", "each", "every", "during", "before", "after", "between", "and", "or"}
_FUNCTION_WORDS = STOP_WORDS - {"may"}  # (a capitalised "May" may be a surname)
_PATRONYMICS = {"bin", "ibn", "bint", "ben", "abu"}
_GIVEN_NAME_TITLES = {"prince", "king", "sheikh", "emir", "sultan", "sir", "dame"}


@dataclass(frozen=True)
class Titles:
    """configs/titles.yaml as lookups."""
    heads: dict            # title words (lower case) -> office or None
    honorifics: frozenset
    office_words: frozenset
    relatives: frozenset
    abbreviations: frozenset  # title and honorific words written with a full stop ("Sen.", "Mr.")
    generic: frozenset = frozenset()  # "leader": any head of state or government
    courtesy: frozenset = frozenset()  # "mr": a surname after it is still found in the actor knowledge
    consorts: frozenset = frozenset()  # "prince", "lady": a spouse or child beside the office holder
    first_word_names: frozenset = frozenset()  # countries whose people a name's first word alone names
    resident: frozenset = frozenset()  # "ambassador": an envoy who lives in the country he is sent to
    post_nominals: frozenset = frozenset()  # "mp", "qc": letters after a name
    bodies: frozenset = frozenset()  # "programme", "organization": words ending the name of a body
    firms: frozenset = frozenset()  # "Inc", "Co": words ending the name of a firm (as written)
    ranks: frozenset = frozenset()  # "senator", "general": kept beside an office, which an apposition names
    monarchs: frozenset = frozenset()  # "king", "sultan": whom "His Majesty" stands for

    @classmethod
    def from_config(cls, config):
        heads = {k.lower(): v for k, v in (config.get("heads") or {}).items()}
        honorifics = frozenset(w.lower().rstrip(".") for w in config.get("honorifics") or ())
        bodies = frozenset(w.lower() for w in config.get("bodies") or ())
        return cls(heads, honorifics, frozenset(w.lower() for w in config.get("office_words") or ()) | bodies,
                   frozenset(w.lower() for w in config.get("relatives") or ()),
                   frozenset(w for w in {*heads, *honorifics} if " " not in w and len(w) <= 4),
                   frozenset(w.lower() for w in config.get("generic") or ()),
                   frozenset(w.lower().rstrip(".") for w in config.get("courtesy") or ()),
                   frozenset(w.lower() for w in config.get("consorts") or ()),
                   frozenset(config.get("first_word_names") or ()),
                   frozenset(w.lower() for w in config.get("resident") or ()),
                   frozenset(w.lower() for w in config.get("post_nominals") or ()), bodies,
                   frozenset(config.get("firms") or ()),
                   frozenset(w.lower().rstrip(".") for w in config.get("ranks") or ()),
                   frozenset(w.lower() for w in config.get("monarchs") or ()))

    @functools.cached_property
    def not_names(self):
        """Words that begin no name: office words, honorifics and function words."""
        return self.office_words | self.honorifics | _FUNCTION_WORDS

    @functools.cached_property
    def firm_after(self):
        """The rest of a firm's name after a run of capitalised words: ', Sepp, Saar Inc', ' and Co' (not 'Co
        Antrim')."""
        suffix = "|".join(sorted(map(re.escape, self.firms))) or "(?!)"
        return re.compile(rf"(?:,?[ \t]+(?:(?:and|&)[ \t]+)?[A-Z][\w.'&-]*)*,?[ \t]+(?:(?:and|&)[ \t]+)?(?:{suffix})\b"
                          r"(?![ \t]+[A-Z][a-z])")

    def address(self, title):
        """Whether a title ('Mr', 'Senator', 'His Excellency Field Marshal') is only a form of address or a rank,
        not an office."""
        rest = " ".join(w for w in title.lower().split() if w.rstrip(".") not in self.honorifics)
        return not rest or rest.rstrip(".") in self.ranks

    def consort(self, title):
        """Whether a title ('her royal highness princess') ends in a consort's title."""
        return self._ends_in(title, self.consorts)

    def envoy(self, title):
        """Whether a title ('the chilean ambassador') is a resident envoy's."""
        return self._ends_in(title, self.resident)

    @staticmethod
    def _ends_in(title, words):
        found = (title or "").split()
        return any(" ".join(found[-n:]) in words for n in (1, 2, 3) if len(found) >= n)

    def head(self, words):
        """The title these words are ('Prime Minister', 'Presidents'), in lower case and singular, or None."""
        key = tuple(words)
        if key not in self._heads_of:
            phrase = " ".join(words).lower().rstrip(".")
            self._heads_of[key] = next((form for form in (phrase, phrase[:-1] if phrase.endswith("s") else None)
                                        if form and form in self.heads), None)
        return self._heads_of[key]

    @functools.cached_property
    def _heads_of(self):
        return {}  # words -> the title they are, as found

    def office(self, title, is_place):
        """The office a title names, without the nationality or honorifics before it ('ghanaian president':
        'president'; 'dr': None); `is_place(word)` tells a country or its adjective."""
        words = title.split()
        while words and (is_place(words[0]) or words[0].rstrip(".") in self.honorifics):
            words = words[1:]
        return " ".join(words) or None

    def title_before(self, text):
        """The title ending `text` (what precedes a name) in lower case: 'spokesman ', 'Governor of the Bank of
        England ', or None."""
        m = self._patterns()["before"].search(text)
        return unwrapped(m.group("title")).lower() if m else None

    def title_after(self, text):
        """(the title, the words after its 'of') in apposition after a name (', President of the ACTU,'), or
        (None, None)."""
        m = self._patterns()["after"].match(text)
        return (unwrapped(m.group("title")).lower(), m.group("of")) if m else (None, None)

    def mentioned(self, text):
        """Whether `text` holds a title word, singular or plural ('presidents')."""
        return bool(self._patterns()["any"].search(text))

    def last(self, text):
        """The last title word `text` holds, in lower case and singular, or None."""
        found = self._patterns()["any"].findall(text)
        return self.head(found[-1].split()) if found else None

    def _patterns(self):
        if id(self) not in _TITLE_PATTERNS:
            heads = r"(?P<title>(?i:" + words_regex(list(self.heads), wrapped=True) + r"))"
            organisation = r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+(?:and\s+)?)*?(?:[A-Z][\w&.-]*))*"
            _TITLE_PATTERNS[id(self)] = {
                "before": re.compile(r"\b" + heads + organisation + r"(?:\s+of(?:\s+the)?)?,?\s+$"),
                # not the title of the next name of a list (", Foreign Secretary Geoffrey Howe")
                "after": re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:['’]s)?\s+)*?(?:(?!(?:who|which|whose|and|or|"
                                    r"a|an)\b)[a-z-]+\s+){0,2}" + heads + r"\b(?=\s*(?:[,;.()]|of\b|for\b|in\b|at\b|$))"
                                    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}))?"),
                # (", Chile's deputy minister of X"; not ", Chile's new President will" nor the next name's title)
                "any": re.compile(r"\b" + heads + r"(?:e?s)?\b"),
            }
        return _TITLE_PATTERNS[id(self)]

    def role_pattern(self, gaz):
        """'the Prime Minister', 'the Saudi leader', 'the President of France': a title standing for a person
        (compiled once per gazetteer)."""
        key = (id(self), id(gaz))
        if key not in _ROLE_PATTERNS:
            adjectives = words_regex([*gaz.adjectives, *gaz.countries])
            _ROLE_PATTERNS[key] = re.compile(
                r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:(?P<adj>" + adjectives + r")(?:['’]s)?\s+)?(?P<title>(?i:"
                + words_regex(list(self.heads), wrapped=True) + r"))\b(?:\s+of\s+(?:the\s+)?(?P<of>" + adjectives
                + r")\b)?(?![ \t]+[A-Z][a-z])")
        return _ROLE_PATTERNS[key]


_ROLE_PATTERNS, _TITLE_PATTERNS = {}, {}


@dataclass
class Person:
    key: str               # the fullest form of the name the article gives
    country: str = None
    title: str = None      # the title the article gives them ("Foreign Minister"), lower case
    actor: object = None   # their entry in the actor knowledge, when it has them
    office: str = None     # the office an apposition gives them beside a courtesy title or a rank

    @property
    def surname(self):
        return surname(self.key)


@dataclass(frozen=True)
class Mention:
    start: int             # character offsets in the sentence
    end: int
    key: str


@dataclass
class Found:
    """A name found in a sentence, before it is known to be a person."""
    start: int
    end: int
    name: str
    title: str = None
    country: str = None
    titled: bool = False
    office: str = None  # what an apposition calls someone titled only 'Mr' or 'Senator' ('the Minister for X')


def surname(name):
    """The last word of a name, without an Arabic article's hyphen ('al-Assad' stays whole)."""
    words = name.split()
    return words[-1] if words else name


def names(text, titles, gaz):
    """Capitalised names in `text` with the title written before them ("Treasury Secretary James Baker", "the
    Turkish government spokesman Ibrahim Kalin", "King Fahd"), as Found records."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(words):
        if not _capital(words[i][2]):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and (_capital(words[j + 1][2]) or words[j + 1][2].lower() in _PARTICLES
                                      and _capital_after_particles(words, j + 1)
                                      or words[j + 1][2] == "." and words[j][2].lower() in titles.abbreviations
                                      and j + 2 < len(words) and _capital(words[j + 2][2])):
            j += 1
        run = [w for w in words[i:j + 1] if w[2] != "."]
        if not (len(run) == 1 and _PORTFOLIO.search(text, max(0, run[0][0] - 40), run[0][0])):  # "Minister for Sport"
            found.extend(_split_run(run, text, titles, gaz))
        i = j + 1
    _share_titles(found, text, gaz)
    return [f for f in found if any(len(w.rstrip(".")) > 1 for w in f.name.split())
            and (not all(w.lower().rstrip(".") in _CALENDAR for w in f.name.split()) or _month_as_name(f, text))]


def _month_as_name(found, text):
    """Whether a month's full name stands where a time cannot: 'talks with June', 'June said' (not 'in June',
    'May 5', 'last May')."""
    before = re.findall(r"[\w']+", text[max(0, found.start - 12):found.start])
    return found.name in MONTH_NAMES and not re.match(r"\s*\d", text[found.end:]) and not (
        before and (before[-1].lower() in _TIME_WORDS or before[-1].isdigit()))


def _share_titles(found, text, gaz):
    """'Russian and U.S. Presidents Vladimir Putin and Donald Trump': a plural title shared by two names gives each
    its own country, in order."""
    for first, second in zip(found, found[1:]):
        title = first.title or ""
        if not (title.endswith("s") and first.titled and text[first.end:second.start].strip() == "and"):
            continue
        shared = _SHARED.search(text, 0, first.start)
        if shared and shared.end() == first.start:
            countries = [gaz.adjectives.get(a) or gaz.countries.get(a) for a in shared.group("a", "b")]
            if all(countries):
                first.country, second.country = countries
                first.title = second.title = shared.group("title").lower()[:-1]
                second.titled = True


_SHARED = re.compile(r"(?P<a>[A-Z][\w.]*(?: [A-Z][\w.]*)??) and (?P<b>[A-Z][\w.]*(?: [A-Z][\w.]*)??) "
                     r"(?P<title>[A-Z][a-z]+(?: [A-Z][a-z]+)?s) $")


def _capital_after_particles(words, k):
    """Whether the particles from `k` on lead to a capitalised word ('von der Leyen')."""
    while k < len(words) and words[k][2].lower() in _PARTICLES:
        k += 1
    return k < len(words) and _capital(words[k][2])


@functools.lru_cache(maxsize=1 << 16)
def _capital(word):
    return (word[:1].isupper() or bool(_ARTICLE_NAME.match(word))) and not (
        len(word) > 3 and word.isupper() and "." not in word)


def _split_run(words, text, titles, gaz):
    """The name at the end of a run of capitalised words, after its title, honorifics, places and office
    words ("Russian and U.S. Presidents Vladimir Putin", "Governor of the Bank of England Robin Leigh-Pemberton")."""
    run = [w[2] for w in words]
    if run[-1].lower() in titles.bodies or run[-1] in titles.firms or titles.firm_after.match(text, words[-1][1]):
        return []  # "the World Health Organization", "X, Y, Z Inc", "X and Co"
    title_end, titled, headed = None, False, False
    for k in range(len(run)):  # the last title word of the run ends the title: "Vice President George Bush"
        for n in (3, 2, 1):
            word = titles.head(run[k:k + n])
            if word and k + n < len(run):
                title_end, titled, headed = k + n, True, True
                break
        else:
            if run[k].lower().rstrip(".") in titles.honorifics and k + 1 < len(run):
                title_end, titled = k + 1, titled or run[k].lower() not in ("the", "his", "her", "their")
    start = title_end or 0
    while start < len(run):
        place = _place_length(run, start, gaz)
        if place:
            start += place
        elif run[start].lower().rstrip(".") in titles.not_names or \
                run[start].lower() in _PARTICLES or titles.head(run[start:start + 1]):
            start += 1
        else:
            break
    end = len(run)
    while end > start + 1 and _not_of_name(run, end, _POSSESSIVE.match(text, words[-1][1]), titles, gaz):
        end -= 1
    if start >= end or not _capital(run[start]) or titles.head(run[start:]):
        return []  # (and "Thank you, Prime Minister": a title alone)
    before = text[max(0, words[0][0] - 60):words[0][0]]
    given = title_end and run[title_end - 1].lower().rstrip(".") in _GIVEN_NAME_TITLES  # "Sir X" is found as "Sir"
    outside = None if headed or given else titles.title_before(before)  # "spokesman X", "Governor of the Bank of
    # England X", "the Minister for Trade, Mr X"
    if start and not title_end and not outside and end - start == 1:
        return []  # a place's holiday, paper or team: "Canada Day", "Riga Radio"
    if outside and start == 0 and end - start >= 3 and _OF_END.search(before):
        start = 1  # "Governor of the Bank of | England Robin Leigh-Pemberton": the organisation's last word
    name = " ".join(run[start:end])
    acronym = end - start == 1 and name.isupper()  # "co-leader of the HDP", "the HDP leader": an organisation's
    if acronym and outside and _OF_END.search(before):  # office, not a titled person
        outside = None
    title = outside or (" ".join(run[:title_end]).lower() if title_end else None)
    after, of_after = titles.title_after(text[words[end - 1][1]:words[end - 1][1] + 60])  # "X, President of Y"
    if acronym and after and text[words[end - 1][1]:].startswith(" "):
        after = None
    lead = before[:_last_at(before, outside)] if outside else before  # "British | Chancellor of the Exchequer"
    of_country = _OF_COUNTRY.match(text, words[end - 1][1])  # "President X of Cyprus"
    country = _title_country(run[:start], gaz) or _title_country(_next_to(lead.split()[-3:], titles), gaz,
                                                                 any_case=True) or (
        gaz.countries.get(of_country.group(1)) if of_country and titled else None) or (
        _country_first(of_after.split(), gaz) if after and of_after else None)
    if after and title and end - start >= 2 and all(w.rstrip(".") in titles.honorifics for w in title.split()):
        title = after  # "His Excellency Mr X Y, President of Z": the office, not the courtesy ("Mr Y" alone is
        # still found by the surname the actor knowledge holds)
    office = (after or titles.title_before(before)) if title and titles.address(title) else None  # "Mr X, the
    # Minister for Y", "the Minister for Y(,) Senator X"; not a deputy's office ("Mr X, the deputy minister")
    if office and _LESSER.search(text[words[end - 1][1]:words[end - 1][1] + 40] if after else before[-40:]):
        office = None
    return [Found(words[start][0], words[end - 1][1], name, title or after, country,
                  titled or outside is not None or after is not None, office)]


LESSER = frozenset({"deputy", "vice", "assistant", "under", "junior", "shadow", "former", "associate"})  # not the
# office their title names ("a deputy foreign minister")
_LESSER = re.compile(r"\b(?:" + "|".join(sorted(LESSER)) + r")\b", re.I)
_PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Ministry|Department|Commissioner|Spokesman|Spokeswoman)\s+(?:for|of)"
                        r"\s+(?:the\s+)?(?:[A-Z][\w-]*\s+(?:and|&)\s+)?$")  # "Minister for Fisheries and Forests"
_OF_COUNTRY = re.compile(r",?\s+of\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")
_OF_END = re.compile(r"\bof\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['’][sS]\b")


def _place_length(run, start, gaz):
    """How many words from `start` name a country, adjective or city ('United States', 'U.S.'), or 0."""
    for n in (4, 3, 2, 1):
        if start + n <= len(run) and _place(" ".join(run[start:start + n]), gaz):
            return n
    return 0


def _place(word, gaz):
    return word in gaz.countries or word in gaz.adjectives or word in gaz.cities


def _next_to(words, titles):
    """The words right before a name that may say its country: those after the last title among them ('the
    Namibian', "Chile's delegate", but not 'Namibian president met': the country of another title)."""
    cut = max((k + 1 for k, w in enumerate(words) if titles.head([w.lower().rstrip(",")])), default=0)
    return words[cut:]


def _not_of_name(run, end, possessive, titles, gaz):
    """Whether the last word of `run[:end]` is no part of the name: an office or function word ('Mr Jaak Tamm' at a
    heading's line end, 'With the approval' on the next), a country before the run's possessive ("told Mr X
    Estonia's position"), post-nominal letters ('Sir X Y AK MC')."""
    word = run[end - 1]
    return word.lower() in titles.office_words or word.lower() in _FUNCTION_WORDS or bool(
        end == len(run) and possessive and word in gaz.countries) or (
        word.isupper() and word.lower().replace(".", "") in titles.post_nominals)


def _country_first(words, gaz):
    """The country whose name `words` begin with ('Chile', 'New Zealand Mr'), else None."""
    return next((gaz.countries[" ".join(words[:n])] for n in (3, 2, 1) if " ".join(words[:n]) in gaz.countries), None)


def _title_country(words, gaz, any_case=False):
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            phrase = " ".join(words[k:k + n]).rstrip("'’s").rstrip(",")
            if any_case:
                phrase = phrase[:1].upper() + phrase[1:]
            country = gaz.adjectives.get(phrase) or gaz.countries.get(phrase)
            if country:
                return country
    return None


@dataclass
class Registry:
    """The people of one article, by key, with where each sentence names them."""
    kb: object
    day: object = None
    first_word_names: frozenset = frozenset()         # countries whose people a name's first word names
    people: dict = field(default_factory=dict)        # key -> Person
    mentions: dict = field(default_factory=dict)      # sentence index -> [Mention]
    misspelt: dict = field(default_factory=dict)      # a name as misspelt -> the key of the one it stands for

    def person(self, key):
        return self.people[key]

    def add(self, found, actor=None, office=False):
        """The key of the person a found name denotes, adding them or a fuller form of their name (`office`: it is
        written with an office's title, as `lookup` takes it)."""
        key = self.lookup(found.name, office)
        if key is None and actor is not None and " " not in found.name:
            key = self.lookup(actor.name)  # "Biden" for the article's "Joe Biden", or his full name
        if key is None and actor is None:
            key = self._misspelt(found.name)
            if key is not None:
                self.misspelt[found.name] = key
        if key is None:
            key = actor.name if actor is not None and " " not in found.name else found.name
            self.people[key] = Person(key, found.country, found.title, actor, found.office)
        person = self.people[key]
        if actor is not None and " " not in found.name and not _same_person(actor.name, key):
            actor = None  # "Mr Tamm" after "Mart Tamm": not the actor whom the surname alone suggests
        if len(found.name.split()) > len(key.split()) and _same_person(found.name, key):
            person = self._rename(key, found.name)
        person.country = person.country or found.country or (actor.country if actor else None)
        person.title = person.title or found.title
        person.office = person.office or found.office
        person.actor = person.actor or actor
        return person.key

    def add_apart(self, found):
        """The key of a found name as a person of their own, whoever the article named before ('John X' who signs
        a release in which 'Mrs X' accompanies him)."""
        self.people[found.name] = Person(found.name, found.country, found.title)
        return found.name

    def lookup(self, name, office=False):
        """The key of a person the article has named, by full name or by surname (with an `office` title, the one
        of that surname who holds one: 'President X' after 'X and his wife'), or None."""
        if name in self.people:
            return name
        if name in self.misspelt:
            return self.misspelt[name]
        folded = fold(name)
        matches = [k for k in self.people if _same_person(name, k) or fold(k) == folded]
        if len(matches) == 1:
            return matches[0]
        if " " not in name:
            by_surname = [k for k, p in self.people.items() if fold(surname(k)) == folded
                          or p.actor is not None and fold(p.actor.surname or "") == folded
                          or p.country in self.first_word_names and fold(k.split()[0]) == folded]  # "Chairman Zhao"
            holders = [k for k in by_surname if office and self.people[k].actor is not None]
            if len(by_surname) == 1 or len(holders) == 1:
                return (holders or by_surname)[0]
            # "Prince Abdullah", "Sheikh Zaid", "Sir Edmund": the given name of one named with a patronymic, a royal
            # title or a knighthood
            by_given = [k for k, p in self.people.items() if fold(k.split()[0]) == folded and (
                set(fold(k).split()) & _PATRONYMICS or (p.title or "").rpartition(" ")[2] in _GIVEN_NAME_TITLES)]
            if not by_surname and len(by_given) == 1:
                return by_given[0]
            inner = [] if by_surname or by_given else [k for k in self.people if folded in _inner_words(k)]
            if len(inner) == 1:  # "President Ortiz" after "Ana Ortiz Baeza"
                return inner[0]
        return None

    def _misspelt(self, name):
        """The one person named before whose surname is this unknown name's but for one letter ('President
        Rarnos' after 'President Ramos' in an OCR'd text; of several, the one the actor knowledge holds), or None."""
        words = fold(name).split()
        close = [k for k in self.people if words and len(words[-1]) >= 5
                 and _one_letter_apart(fold(surname(k)), words[-1])
                 and _same_person(" ".join([*words[:-1], fold(surname(k))]), k)]  # no other first name
        if len(close) > 1:
            close = [k for k in close if self.people[k].actor is not None]
        return close[0] if len(close) == 1 else None

    def _rename(self, key, fuller):
        person = self.people.pop(key)
        person.key = fuller
        self.people[fuller] = person
        for found in self.mentions.values():
            found[:] = [Mention(m.start, m.end, fuller) if m.key == key else m for m in found]
        self.misspelt = {name: fuller if k == key else k for name, k in self.misspelt.items()}
        return person


def _one_letter_apart(a, b):
    """Whether two different words differ by one letter replaced, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


@functools.lru_cache(maxsize=1 << 16)
def _inner_words(name):
    """The folded words of a name between its first and its last ('ortiz' of 'Ana Ortiz Baeza')."""
    return frozenset(fold(name).replace("-", " ").split()[1:-1])


@functools.lru_cache(maxsize=1 << 16)
def _same_person(a, b):
    """'Baker' and 'James Baker', 'Jennie George' and 'Ms Jennie George', 'Paul D. Ryan' and 'Paul Ryan', 'von
    Stein' and 'Karl von Stein'."""
    wa, wb = fold(a).split(), fold(b).split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    firsts_a, firsts_b = ([w for w in words[:-1] if len(w.rstrip(".")) > 1 and w not in _PARTICLES]
                          for words in (wa, wb))
    return not firsts_a or not firsts_b or firsts_a[0] == firsts_b[0]


def _last_at(text, phrase):
    """Where the last `phrase` in `text` starts, its words apart by any white space, case aside; else the end."""
    found = list(re.finditer(r"\s+".join(map(re.escape, phrase.split())), text, re.IGNORECASE))
    return found[-1].start() if found else len(text)


def in_quotes(text, position):
    """Whether `position` of a sentence is inside a quotation."""
    return len(_QUOTES.findall(text, 0, position)) % 2 == 1


def first_person(sentences):
    """Whether the article speaks in its own first person (a release by the office holder): 'I' outside quotes in
    at least two sentences that attribute nothing to anyone."""
    count = 0
    for s in sentences:
        for m in re.finditer(r"\b(?:I|[Mm]y|me)\b", s.text):
            if not in_quotes(s.text, m.start()) and not re.search(r"\b(?:said|says|told|asked)\b", s.text):
                count += 1
                break
    return count >= 2


def pronoun_kind(token_text):
    word = token_text.lower()
    return "third" if word in _PRONOUNS else "first" if word in _FIRST_PERSON else None
