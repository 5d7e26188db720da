"""Where a meeting happened: cities, countries and venues named as locations, and the summit it was part of."""
import re
from dataclasses import dataclass

from transforms.extract.dates import MONTHS, WEEKDAYS
from transforms.extract.words import lacks_keys

# A place counts as the meeting's location when a locative phrase introduces it, not when it is a metonym
# ("Washington expects", "relations between Riga and Vilnius").
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?i:in|at|to|near|visit(?:ed|ing|s)?|arrived in|trip to|hosted in|summit in|talks in|meeting in|"
    r"city of|capital of|capital,|fields in)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:['’]s)\s+)?"
    r"(?:(?:\w+\s+){0,2}(?i:city|town|village|resort|port|island|enclave)\s+of\s+)?)$")
_LOCATIVE_AFTER = re.compile(r"^(?:\s+G\d+|\s+[A-Z]\w*)?\s+(?i:summit|talks|meeting|negotiations|conference|forum|"
                             r"dialogue)\b")
_ADJECTIVAL = re.compile(r"^\s+(?!(?:in|on|at|last|this|next|and|or|to|for|with|from|during|since|before|after|"
                         r"was|were|is|are|has|had|will|would|where|when|which|that|who|earlier|later|today|"
                         r"yesterday|tomorrow|itself|on|by|of|as|but|city|capital|summit|talks|meeting|negotiations|"
                         r"near|outside|lasted|ended|began|started|took|amid|ahead|following|between|among|"
                         r"together|soon|again|now|recently|shortly|also|too|instead|early|late|tonight|overnight|"
                         r"then|first|alone)\b)[a-z]")  # (adverbs after a place: "talks in Baku soon")
_CAPITAL = re.compile(r"\b(?:the\s+)(?P<adj>[A-Z][\w.]*)\s+capital\b")
_CAPITAL_KEYS = frozenset({"capital"})


@dataclass
class Location:
    city: str = None
    country: str = None
    venue: str = None
    event: str = None


def locate(text, gaz, at=0, words=None):
    """The venue, city and country `text` names as a location nearest to position `at`, and the summit
    series it names. `words`: the `tokens` of `text` (or of a text holding its words whole), when known."""
    loc = Location()
    venue = _nearest(gaz, "venue", text, at, words)
    if venue:
        loc.venue, loc.city, loc.country = gaz.venues[venue]
    city = not loc.city and _nearest(gaz, "city", text, at, words)
    if city:
        loc.city, loc.country = gaz.cities[city]
    if not loc.city and not lacks_keys(_CAPITAL_KEYS, words, text):
        for m in _CAPITAL.finditer(text):
            country = gaz.adjectives.get(m.group("adj")) or gaz.countries.get(m.group("adj"))
            if country in gaz.capitals:
                loc.city, loc.country = gaz.capitals[country], country
                break
    country = not loc.country and _nearest(gaz, "country", text, at, words)
    if country:
        loc.country = gaz.countries[country]
    found = gaz.find("series", text, words)
    if found:
        loc.event = gaz.series[found[0][2]]
    return loc


def _nearest(gaz, kind, text, at, words=None):
    """The surface form of the located `kind` place nearest to `at`, or None."""
    found = [((at - start) * 3 if start < at else start - at, form)
             for start, end, form in gaz.find(kind, text, words) if _located(text, start, end)
             and not (kind == "country" and _attributive(text, end))]
    return min(found)[1] if found else None


def _located(text, start, end):
    """Introduced as a location, and not used as an adjective ('in the U.S. election')."""
    if _ADJECTIVAL.match(text[end:end + 20]):
        return False
    return bool(_LOCATIVE_BEFORE.search(text[max(0, start - 40):start]) or _LOCATIVE_AFTER.match(text[end:end + 30]))


# Where someone is: "a visit to X", "arrived in X", "is in X", "will be in X", "a stopover in X", "left X".
_PRESENCE = re.compile(r"\b(?i:visit(?:s|ed|ing)?|trip|tour|stop(?:over|s|ped)?|stay(?:ing)?|time|journey|"
                       r"arriv(?:e|ed|es|ing|al)|land(?:ed|s|ing)?|fl(?:y|ies|ying|ew|own)|travel(?:led|s|ling|ed)?|"
                       r"is|was|were|be|are|been|left|leaves|leaving|guest of the Government of|while)"
                       r"(?:\s+(?:in|to|at|into|for|on))?(?:\s+the)?\s+$")
_IN = re.compile(r"\bin\s+(?:the\s+)?$")
_SUBJECT_IN = re.compile(r"\s*(?:[A-Z][\w'.-]+\s+){0,3}[A-Z][\w'.-]+,\s+in\s+$")  # "X, in Y on a tour, said"


# A journey still to come is not where someone is: "ahead of her visit to Moscow next week", "will travel to X".
_FUTURE_BEFORE = re.compile(r"\b(?i:will|'ll|ahead of|before|plans? to|planning to|due to|is to|are to|going to|"
                            r"set to|expected to)\b[^.;]*$")
_FUTURE_AFTER = re.compile(r"[^.;]{0,30}?\b(?i:next|tomorrow|later this|later in)\b")


def _attributive(text, end):
    """Whether the country ending at `end` modifies a name or title after it ('visiting U.S. Secretary of State X'),
    not a place someone is at ('visited Russia Monday'). (A city before a capitalised word is most often in the
    name of what happens there: 'the Munich Security Conference'.)"""
    after = re.match(r"\s+([A-Z][a-z]+)", text[end:end + 30])
    return bool(after) and after.group(1).lower() not in MONTHS.keys() | WEEKDAYS.keys()


def whereabouts(text, gaz):
    """(position, Location, ahead) of each place `text` says someone is at or goes to ('a two-day visit to
    Washington', 'arrived in Riyadh', 'will be in Peking'), with the summit series it names ('arrived in
    Hiroshima to attend the G7 summit'); `ahead` when the text puts it in the future ('will be in Peking')."""
    found = []
    series = gaz.find("series", text)
    event = gaz.series[series[0][2]] if series else None
    for kind in ("country", "city"):
        for start, end, form in gaz.find(kind, text):
            city, country = gaz.cities[form] if kind == "city" else (None, gaz.countries[form])
            if (_PRESENCE.search(text, max(0, start - 40), start) or _SUBJECT_IN.fullmatch(text, 0, start)) and not (
                    kind == "country" and _attributive(text, end)):
                ahead = bool(_FUTURE_BEFORE.search(text, max(0, start - 50), start) or _FUTURE_AFTER.match(text, end))
                found.append((start, Location(city, country, None, event), ahead))
            elif kind == "city" and _IN.search(text, 0, start):  # "will travel to X to attend a meeting in Y"
                found.extend((start, Location(city, country, None, event), ahead) for at, loc, ahead in found[:]
                             if at < start and loc.country == country and not loc.city)
    return sorted(found, key=lambda f: f[0])


# A wire dateline opening the article, its city in capitals: "BERLIN (Reuters) -", "WASHINGTON, March 3 (AP) -",
# "KYIV, Ukraine -".
DATELINE = re.compile(r"\s*([A-Z][A-Z.'\- ]{1,30}?)(?:,\s*[A-Z][A-Za-z.' ]{1,25})?(?:,\s+(?:[A-Z][a-z]{2,8}\.?"
                      r"\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?\s*(?:\([^)]{1,30}\)\s*)?[-\u2013\u2014]\s")


def dateline(text, gaz):
    """The Location of the city a wire dateline opens the article with ('BERLIN (Reuters) - ...'), or None."""
    m = DATELINE.match(text)
    return _city_named(m.group(1), gaz) if m else None


def _city_named(words, gaz):
    """The Location of the city `words` name in any case ('NEW DELHI'), or None."""
    name = " ".join(w.capitalize() for w in words.split())
    return Location(*gaz.cities[name]) if name in gaz.cities else None


# Where a release or speech says it was given: a heading that ends in a city after a comma ("Address to a luncheon,
# State House, Windhoek", "JOINT PRESS CONFERENCE - STATE HOUSE, WINDHOEK"), or a closing place line ("WINDHOEK,
# 14th July, 2022.").
_HEADING_PLACE = re.compile(r",\s*([A-Za-z][A-Za-z.'\- ]{2,30}?)\s*$")
_CLOSING_PLACE = re.compile(r"(?:^|[.\s])([A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]{2,})?),?\s+(?:\d{1,2}[a-z]{0,2}\s+)?"
                            r"[A-Z][a-z]{2,8},?\s+\d{4}\.?\s*$")


def given_at(text, gaz, title=None):
    """The Location of the city a release or speech says it was given in, by its heading (`title`, else its first
    line) or by its closing place line; or None."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    heading = title or (lines[0] if lines else "")
    for line, pattern in ((heading if len(heading) <= 200 else "", _HEADING_PLACE),
                          (lines[-1] if lines else "", _CLOSING_PLACE)):
        m = pattern.search(line)
        found = _city_named(m.group(1), gaz) if m else None
        if found:
            return found
    return None


def resolve_summit(gaz, event, city, country, year, published, future):
    """The one summit of a series that fits what is known, or None."""
    fits = [s for s in gaz.summits_of.get(event, ()) if (not city or s.city == city)
            and (city or not country or s.country == country) and (not year or s.year == year)]
    if len(fits) > 1 and published and not (city or country or year):
        before = [s for s in fits if s.start <= published]
        after = [s for s in fits if s.end >= published]
        fits = after[:1] if future else before[-1:]
    return fits[0] if len(fits) == 1 else None
