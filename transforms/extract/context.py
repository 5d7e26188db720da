"""An article's meeting mentions in reading order, merged into meetings, with what its other sentences add to the
meeting they are about (the focus: the one last named): a date, place or duration of "the talks", the topics
"the two leaders discussed", the people who "also attended"."""
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from transforms.extract import merge
from transforms.extract.places import Location

_NEAR_PARAGRAPHS = 3  # how far a bare "the talks" reaches back to the meeting last named
_NEXT = re.compile(r"\W*(?:Later|Afterwards|Subsequently|After that|(?:He|She|They|We|I) (?:later|then|afterwards|"
                   r"subsequently))\b(?![-–])")  # "Later he met", "He then met" (not "Two days later", "Then-")


@dataclass
class Event:
    """What one sentence says: a mention naming the parties, a reference to a meeting that does not ("the
    talks lasted an hour"; `group`: its subject is "the two leaders" or "they"), discussed topics, or attendees."""
    kind: str                    # mention | reference | topics | delegation | whereabouts | agenda
    sentence: object
    mention: object = None       # merge.Mention for mention and reference
    group: bool = False
    items: list = field(default_factory=list)   # delegation keys, topics, or (key, Location) of whereabouts
    keys: tuple = ()             # the people a statement's subject names (its topics go to their meeting), or
    #                              the travellers of an agenda
    new: bool = False            # a reference that may stand for another meeting of the same parties
    pair: tuple = ()             # of a group reference: the two people the sentence before names ("The two spoke")
    plan: bool = False           # of a group reference: one meeting of theirs ("agreed to hold a meeting"), not
    #                              what they will discuss elsewhere nor visits in general
    plural: bool = False         # of a reference: its word is plural ("the calls"), so of each meeting in focus
    country: str = None          # of an agenda: where the journey goes ("her visit to X")
    topics: list = field(default_factory=list)  # of whereabouts: what the traveller is there to discuss
    ahead: bool = False          # of whereabouts: where the traveller will be ("will be in Peking")
    date: tuple = None           # of whereabouts ahead: (date, precision, text) of the one day the sentence names
    past: bool = False           # of topics: said in the past tense ("X stressed Y"), so not of a meeting ahead
    another: bool = False        # of a reference: another meeting ("a second round of talks", "another meeting")
    countries: tuple = ()        # of topics: the countries of the meetings they are of ("in the talks in A and B")


def assemble(events, country_of):
    """Meetings from the events of an article, in reading order. The focus is the meetings the last sentence that
    named parties was about; what other sentences add goes to the one of them it fits. A visitor who meets his
    hosts is, from then on, in their country (`country_of(key)`)."""
    meetings, focus, where, ahead, due, last, before = [], [], {}, {}, {}, None, None
    agendas, journeys, travellers, goes_to = defaultdict(list), defaultdict(list), (), None
    for event in events:
        if event.kind == "agenda" and event.group:  # "the meetings with officials are to prepare X"
            agendas[event.sentence.paragraph].extend(event.items)
            continue
        if event.kind == "agenda":  # "the purpose of the visit": of the journey last named
            same = not event.keys or event.keys == travellers  # (the journey named before, or another)
            travellers, goes_to = event.keys or travellers, event.country or (goes_to if same else None)
            for key in travellers:
                journeys[key].append((goes_to, event.items))
            continue
        if event.kind == "whereabouts":
            (ahead if event.ahead else where).update(
                (key, (loc, event.topics, event.sentence.paragraph, event.ahead)) for key, loc in event.items)
            if event.date:
                due.update((key, (event.date, event.sentence.paragraph)) for key, _ in event.items)
            continue
        if event.kind == "mention":
            _date_by_journey(event.mention, due)
            _visiting_hosts_aside(event.mention, where, country_of)
            _place_by_whereabouts(event.mention, _known(where, ahead, event.mention))
            _follow_visitor(event.mention, where, country_of)
            _then(event.mention, before)
            meeting, before = _merge(meetings, event.mention), event.mention
            if event.sentence is not last:
                focus, last = [], event.sentence
            focus.append(meeting)
            continue
        if event.kind == "topics" and event.countries:  # "during the talks in A and B, I will discuss X"
            targets = [m for m in meetings if (m.value("country") or place(m, country_of)[1]) in event.countries]
        elif event.kind == "topics":  # what "the two leaders" discussed, far from any mention: the main meeting's
            targets = [m for m in focus if event.sentence.paragraph - m.mentions[-1].sentence.paragraph <= 1] or (
                [main(meetings)] if event.group and meetings else [])
        else:
            targets = [m for m in focus if event.group or _near(m, event.sentence)]
        if event.keys:  # (a delegate's "we discussed X" is of the meeting the delegate attended)
            keyed = [m for m in targets if _among(event.keys, m)]
            if not keyed and event.kind == "topics":  # "X was taken up with Y": Y's last meeting (the statement is
                keyed = [m for m in meetings if _among(event.keys, m)][-1:]  # read only near a meeting word)
            targets = keyed
        if event.past:
            targets = [m for m in targets if merge.status(m) not in ("planned", "proposed")]
        if not targets:
            if event.kind == "reference" and event.group and event.pair:  # "X and Y agreed. The two spoke by
                parties = tuple(dict.fromkeys(event.pair + event.keys))  # telephone": a meeting of the two
                focus = [_merge(meetings, replace(event.mention, parties=parties))]
            continue
        if event.kind == "reference" and event.another and _own(event.mention):  # "A second round of talks is
            focus = [_merge(meetings, _as(event.mention, targets[-1]))]  # set for Friday": the last one's parties
        elif event.kind == "reference":
            said = event.mention.status
            if not (event.group or event.keys or _cancels(event, targets)):
                event.mention.status = None  # a bare "the meeting" adds what it says, but not how it stands
            fits = [m for m in targets if merge.compatible(m, _as(event.mention, m))]
            fits = [m for m in fits if merge.same_tense(merge.status(m), said)] or fits  # "will be a meeting"
            if fits:
                for fit in fits if event.plural else fits[-1:]:  # "X called A and B. The calls were about Y."
                    merge.add(fit, _as(event.mention, fit))
            elif event.new and _own(event.mention):  # "negotiations were planned in X": another of theirs, as it
                event.mention.status = said  # stands
                focus = [_merge(meetings, _as(event.mention, targets[-1]))]
            elif event.new and event.plan and said in ("planned", "proposed"):  # "the two leaders agreed to hold a
                focus = [_merge(meetings, replace(event.mention, parties=targets[-1].parties))]  # meeting" after a call
        elif event.kind == "topics":
            for m in targets:
                merge.extend(m.topics, event.items)
        elif event.kind == "delegation":
            for m in targets[-1:]:
                merge.extend(m.delegation, [k for k in event.items if k not in m.parties])
    _follow_agendas(meetings, agendas, journeys)
    return meetings


def _follow_agendas(meetings, agendas, journeys):
    """A traveller's meetings in person that say nothing of what they were about get what the article says the
    journey is for ('X starts a tour that will centre on Y. X will hold talks with Z.'; `journeys` holds each
    traveller's (destination country, topics), and a meeting in another country is of another journey), and those
    reported soon after what a group of meetings is for ('The meetings with officials are to prepare X. X held
    talks with Y.'; `agendas` is keyed by the paragraph of such a sentence)."""
    for meeting in meetings:
        if not meeting.topics and not merge.format_of(meeting):
            country = meeting.value("country")
            for key in meeting.parties:
                for goes_to, items in journeys.get(key, ()):
                    if not (goes_to and country and goes_to != country):
                        merge.extend(meeting.topics, items)
            first = meeting.mentions[0].sentence.paragraph
            for paragraph in range(first - _NEAR_PARAGRAPHS, first + 1):
                merge.extend(meeting.topics, agendas.get(paragraph, ()))


def _cancels(event, targets):
    """'X was to meet Y on Monday. The meeting was cancelled.': a bare reference right after a meeting ahead
    cancels it."""
    last = targets[-1].mentions[-1]
    return event.mention.status == "cancelled" and last.status in ("planned", "proposed") and \
        event.sentence.paragraph - last.sentence.paragraph <= 1


def main(meetings):
    """The meeting an article is mostly about: the one it mentions most, the first of them."""
    return max(meetings, key=lambda m: (len(m.mentions), -meetings.index(m)))


def _as(mention, meeting):
    """The reference as a mention of `meeting`: its parties, and its format unless the reference names one."""
    return replace(mention, parties=meeting.parties, format=mention.format or (
        merge.format_of(meeting) if mention.explicit is False else None))


def _own(mention):
    """Whether a mention says where or when its meeting is (so that it can stand for one of its own)."""
    loc = mention.location
    return bool(loc.city or loc.country or loc.event or mention.date[2] or mention.format)


def _known(where, ahead, mention):
    """Where each party was last said to be, and for a meeting ahead where a party was just said to be going
    ('Baldrige will be in Peking from April 21. He will meet Zheng'), whichever the text said last."""
    if mention.status not in ("planned", "proposed"):
        return where
    known = dict(where)
    for key, entry in ahead.items():
        if mention.sentence.paragraph - entry[2] <= 1 and (key not in known or known[key][2] <= entry[2]):
            known[key] = entry
    return known


def _date_by_journey(mention, due):
    """A meeting ahead that names no day is on the day a party was just said to be going ('X will visit B on 4
    June. I look forward to my talks with X')."""
    if mention.date[0] is None and mention.status in ("planned", "proposed"):
        mention.date = next((date for date, paragraph in (due[k] for k in mention.parties if k in due)
                             if 0 <= mention.sentence.paragraph - paragraph <= 1), mention.date)


def _place_by_whereabouts(mention, where):
    """Where one of a mention's parties was last said to be, kept for a meeting that names no place; and what
    they went there to discuss, for a meeting in that country."""
    loc, purpose, paragraph, ahead = next((where[k] for k in mention.parties if k in where), (None, (), None, False))
    mention.whereabouts = loc
    mention.just_arrived = paragraph is not None and mention.sentence.paragraph - paragraph <= 1 and not ahead
    if loc is not None and purpose and not mention.topics and (
            not mention.location.country or mention.location.country == loc.country):
        mention.topics = list(purpose)


def _visiting_hosts_aside(mention, where, country_of):
    """'X visited B. ... Y met X': a party named as the one met whom the text last put in another country than
    their own is a visitor there, not a host."""
    mention.hosts = tuple(k for k in mention.hosts if not (
        k in where and where[k][0].country and country_of(k) and where[k][0].country != country_of(k)))


def _then(mention, before):
    """'X met Y in Z on Monday. Later he consulted with W': a held meeting said to come next, naming no place or day
    of its own, is on the day and in the city of the one before, of one of its parties, in that or the next
    paragraph."""
    if before is None or not _NEXT.match(mention.sentence.text) or mention.format not in (None, "in_person") or \
            mention.status not in (None, "held") or before.status not in (None, "held") or \
            mention.sentence.paragraph - before.sentence.paragraph > 1 or \
            not set(mention.parties) & set(before.parties) or mention.date[0] or mention.location.city:
        return
    if before.date[1] == "day":
        mention.date = before.date
    if before.location.city and mention.location.country in (None, before.location.country):
        mention.location = replace(mention.location, city=before.location.city, country=before.location.country)


def _follow_visitor(mention, where, country_of):
    """After 'X will meet President Y of Z', X is in Z until the text says otherwise."""
    host = _host(mention, country_of)
    if host and not mention.format and not (mention.location.city or mention.location.country):
        for guest in (k for k in mention.parties if k not in mention.hosts):
            if guest not in where or where[guest][0].country != host:
                where[guest] = (Location(None, host), (), mention.sentence.paragraph, False)


def _host(mention, country_of):
    """The country of a mention's hosts when they are of one (named) country and not every party is of it."""
    hosts = {country_of(k) for k in mention.hosts} - {None}
    guests = {country_of(k) for k in mention.parties if k not in mention.hosts}
    return hosts.pop() if len(hosts) == 1 and guests and guests != hosts else None


def place(meeting, country_of):
    """(city, country) of a meeting in person that names no place: where a party was said to be in the same or the
    paragraph before; else where its hosts are from when a visitor meets them ('X met Y': Y's country, unless it is
    every party's), with where a party was last said to be when that is in the same country (or there are no
    hosts); else the country of its parties when all whose country is known are of one."""
    host = next((h for h in (_host(m, country_of) for m in meeting.mentions) if h), None)
    seen = next((m for m in meeting.mentions if m.whereabouts is not None), None)
    if seen is not None and (host is None or seen.whereabouts.country == host or seen.just_arrived and
                             merge.status(meeting) not in ("planned", "proposed")):
        return seen.whereabouts.city, seen.whereabouts.country  # a party said to be there just before wins (for a
        # meeting still to come, only in the hosts' country: a visitor travels)
    countries = {country_of(k) for k in meeting.parties} - {None}
    return None, host or (countries.pop() if len(countries) == 1 else None)


def stays(events):
    """{person key: {country: cities}}: where the article says each person is (not where they are going)."""
    found = defaultdict(lambda: defaultdict(set))
    for event in events:
        if event.kind == "whereabouts" and not event.ahead:
            for key, loc in event.items:
                if loc.city:
                    found[key][loc.country].add(loc.city)
    return found


def city_in(parties, country, stayed):
    """The one city of `country` where the article puts any of the parties ('During his stay in X'), or None."""
    cities = set().union(*(stayed[k][country] for k in parties if k in stayed and country in stayed[k]))
    return cities.pop() if len(cities) == 1 else None


def _merge(meetings, mention):
    same = [m for m in meetings if set(m.parties) == set(mention.parties) and merge.compatible(m, mention)]
    meeting = same[-1] if same else None
    if meeting is None:
        meeting = merge.Meeting(tuple(mention.parties))
        meetings.append(meeting)
    merge.add(meeting, mention)
    return meeting


def _among(keys, meeting):
    return set(keys) <= set(meeting.parties) | set(meeting.delegation)


def _near(meeting, sentence):
    return sentence.paragraph - meeting.mentions[-1].sentence.paragraph <= _NEAR_PARAGRAPHS
