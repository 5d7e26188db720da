"""Mentions of the same meeting in an article merged into one record: same parties, and nothing stated that tells
them apart (another date, place, status or format)."""
from dataclasses import dataclass, field

_PRECISION = {"day": 3, "month": 2, "year": 1}
_STATUS_RANK = {"cancelled": 4, "held": 3, "planned": 2, "proposed": 1}
_TENSE = {"held": "past", "planned": "future", "proposed": "future", "cancelled": "cancelled"}


@dataclass
class Mention:
    sentence: object          # text.Sentence
    parties: tuple            # person keys
    status: str
    format: str
    date: tuple               # (date, precision, text) or (None, None, None)
    location: object          # places.Location
    duration: int = None
    topics: list = field(default_factory=list)
    delegation: list = field(default_factory=list)
    explicit: bool = True     # the sentence names the parties (not only "the meeting")
    hosts: tuple = ()         # the parties named as the object ("X met Y": Y), who may be receiving the others
    whereabouts: object = None  # places.Location where a party was last said to be
    just_arrived: bool = False  # said in the same or the paragraph before the mention
    remote: bool = False      # its verb says nothing of the format ("spoke with X", "discussed X with Y")
    recent: bool = False      # held, in the present perfect and undated ("X and Y have spoken by telephone")


@dataclass
class Meeting:
    parties: tuple
    mentions: list = field(default_factory=list)
    delegation: list = field(default_factory=list)
    topics: list = field(default_factory=list)

    def value(self, attr):
        return next((getattr(m.location, attr) for m in self.mentions if getattr(m.location, attr)), None)


def add(meeting, mention):
    meeting.mentions.append(mention)
    extend(meeting.topics, mention.topics)
    extend(meeting.delegation, [d for d in mention.delegation if d not in meeting.parties])


def compatible(meeting, mention):
    """Whether nothing the mention states contradicts the meeting: place, event, date, format, a status that
    cannot follow the other."""
    loc = mention.location
    for attr in ("city", "country", "event"):
        ours = meeting.value(attr)
        if ours and getattr(loc, attr) and ours != getattr(loc, attr):
            return False
    formats = {m.format for m in meeting.mentions if m.format or not m.remote}
    if formats and mention.format not in formats and (mention.format or not mention.remote):
        return False
    statuses = {_TENSE[m.status] for m in meeting.mentions if m.status}
    if mention.status and statuses and _TENSE[mention.status] not in statuses and not (
            mention.status == "cancelled" or statuses == {"cancelled"}):
        return False  # a meeting held and one to come are two meetings
    dates = [m.date for m in meeting.mentions if m.date[0] is not None]
    if mention.date[0] is not None and any(not _same_date(d, mention.date) for d in dates):
        return False
    return True


def absorb_parts(meetings):
    """The meetings without those whose parties all met together in a larger meeting that nothing they state tells
    apart ('X meets Y and Z' and 'X, Y and Z met at the summit' in the same story): one meeting of all of them."""
    kept = []
    for meeting in meetings:
        whole = max((m for m in meetings if set(meeting.parties) < set(m.parties)  # (the largest: it is kept)
                     and all(compatible(m, mention) for mention in meeting.mentions)),
                    key=lambda m: len(m.parties), default=None)
        if whole is None:
            kept.append(meeting)
            continue
        for mention in meeting.mentions:
            add(whole, mention)
        extend(whole.topics, meeting.topics)
        extend(whole.delegation, [k for k in meeting.delegation if k not in whole.parties])
    return kept


def same_tense(a, b):
    """Whether two statuses speak of the same time (held; planned or proposed; cancelled)."""
    return _TENSE.get(a) == _TENSE.get(b)


def _same_date(a, b):
    """Whether two (date, precision) values can be the same day."""
    (da, pa), (db, pb) = a[:2], b[:2]
    if "year" in (pa, pb):
        return da.year == db.year
    if "month" in (pa, pb):
        return (da.year, da.month) == (db.year, db.month)
    return da == db


def best_date(meeting):
    """The most precise (date, precision, text) of the mentions."""
    best = (None, None, None)
    for m in meeting.mentions:
        if m.date[0] is not None and (best[0] is None or _PRECISION[m.date[1]] > _PRECISION[best[1]]):
            best = m.date
    return best


def format_of(meeting):
    """phone, video, or None (in person): the first format a mention states."""
    return next((m.format for m in meeting.mentions if m.format), None)


def status(meeting):
    return max((m.status for m in meeting.mentions if m.status), key=_STATUS_RANK.get, default="held")


def extend(items, new):
    for item in new:
        if item not in items:
            items.append(item)
