"""Events: the meeting rows of every article, consolidated into one row per real-world meeting.

Mentions of the same participants merge when their dates are compatible at their precisions, their places
and formats do not contradict, and (for a mention without a date) exactly one event fits.
"""
import calendar
import collections
import datetime
import hashlib
import itertools
import posixpath
import urllib.parse

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from pipeline.schema import DATASETS, NULL_PARTITION, PERSON
from transforms.write import MergeChunks, SpillFn, commit, dataset_files

RUN_ID = "events"
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
STATUS_RANK = {"proposed": 0, "planned": 1, "cancelled": 2, "held": 3}
# A multi-day summit straddles days and months: mentions naming the same event in the same city match
# when their dates lie within this many days of each other.
SUMMIT_SLACK = datetime.timedelta(days=2)
PLACE_FIELDS = ("city", "country", "format")
CONSENSUS_FIELDS = ("city", "country", "venue", "event", "format", "duration_minutes")
MEETING_COLUMNS = ["meeting_id", "article_id", "participants", "status", "format", "meeting_date",
                   "date_precision", "city", "country", "venue", "event", "duration_minutes", "topics"]
SCALAR_COLUMNS = [c for c in MEETING_COLUMNS if c not in ("participants", "topics")]
PERSON_FIELDS = PERSON.names
ARTICLE_COLUMNS = ["article_id", "source", "url", "site_name", "published_date"]


def interval(day, precision):
    """(first, last) day a date at its precision covers; None for an unknown date."""
    if day is None or precision not in ("day", "month", "year"):
        return None
    if precision == "day":
        return day, day
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)


def _overlap(a, b, slack=datetime.timedelta(0)):
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


class Event:
    """A growing cluster of mentions and what they agree on so far."""

    def __init__(self, mention):
        self.mentions = [mention]
        self.span = mention["span"]
        self.places = {f: mention[f] for f in PLACE_FIELDS}
        self.event = mention["event"]

    def fits(self, mention):
        """Whether `mention` can be the same meeting: no contradicting place or format, overlapping dates."""
        if any(mention[f] and self.places[f] and mention[f] != self.places[f] for f in PLACE_FIELDS):
            return False
        if mention["span"] is None or self.span is None:
            return True
        if _overlap(mention["span"], self.span):
            return True
        same_summit = mention["event"] and mention["event"] == self.event and mention["city"] \
            and mention["city"] == self.places["city"]
        return bool(same_summit) and _overlap(mention["span"], self.span, SUMMIT_SLACK)

    def add(self, mention):
        self.mentions.append(mention)
        for f in PLACE_FIELDS:
            self.places[f] = self.places[f] or mention[f]
        self.event = self.event or mention["event"]
        spans = [s for s in (self.span, mention["span"]) if s]
        self.span = min(spans, key=lambda s: s[1] - s[0]) if spans else None


def cluster(mentions):
    """Mentions of one set of participants -> lists of mentions, one per event.

    Precise dates go first, so a month or a year joins the day it covers; a mention joins an event only
    when exactly one fits, otherwise (none fits, or the choice is ambiguous) it starts its own. A dated
    mention is checked only against the events filed under the months its dates touch.
    """
    events, undated, by_month = [], [], collections.defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (PRECISION_RANK.get(m["date_precision"], 3),
                                                   m["meeting_date"] or datetime.date.min, m["meeting_id"])):
        candidates = events if mention["span"] is None else undated + list(
            {id(e): e for month in _months(mention["span"]) for e in by_month[month]}.values())
        fitting = list(itertools.islice((e for e in candidates if e.fits(mention)), 2))
        if len(fitting) == 1:
            event, span = fitting[0], fitting[0].span
            event.add(mention)
            if event.span == span:
                continue
        else:
            event = Event(mention)
            events.append(event)
        if event.span is None:
            undated.append(event)
        else:  # filed under its new months too; a month it no longer touches only costs a check
            for month in _months(event.span):
                by_month[month].append(event)
    return [e.mentions for e in events]


def _months(span):
    """The months (as year * 12 + month index) of a span, widened by the summit slack."""
    first, last = span[0] - SUMMIT_SLACK, span[1] + SUMMIT_SLACK
    return range(first.year * 12 + first.month - 1, last.year * 12 + last.month)


def _most_reported(values):
    """The most frequent non-null value (ties: the smallest), or None."""
    counts = collections.Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def _conflicts(mentions):
    conflicts = []
    for field in CONSENSUS_FIELDS:
        values = sorted({str(m[field]) for m in mentions if m[field] is not None})
        if len(values) > 1:
            conflicts.append({"field": field, "values": values})
    outcomes = sorted({m["status"] for m in mentions if m["status"] in ("held", "cancelled")})
    if len(outcomes) > 1:
        conflicts.append({"field": "status", "values": outcomes})
    return conflicts


def consolidate(mentions, rebuilt_at):
    """One events row from the mentions of one real-world meeting."""
    history = sorted(mentions, key=lambda m: (m["as_of"] or datetime.date.min, STATUS_RANK.get(m["status"], 0),
                                              m["article_id"]))
    best = min(mentions, key=lambda m: (PRECISION_RANK.get(m["date_precision"], 3), m["meeting_id"]))
    topics = collections.Counter(t for m in mentions for t in set(m["topics"] or []))
    people = {p["name"]: p for m in mentions for p in m["participants"]}
    reported = [m["as_of"] for m in mentions if m["as_of"]]
    row = {f: _most_reported(m[f] for m in mentions) for f in CONSENSUS_FIELDS}
    meeting_ids = sorted(m["meeting_id"] for m in mentions)
    return {**row,
            "event_id": hashlib.sha256("\n".join(meeting_ids).encode("utf-8")).hexdigest()[:32],
            "participants": [people[n] for n in sorted(people)],
            "event_date": best["meeting_date"], "date_precision": best["date_precision"],
            "status": history[-1]["status"],
            "status_history": [{"status": m["status"], "as_of": m["as_of"], "article_id": m["article_id"]}
                               for m in history],
            "num_articles": len({m["article_id"] for m in mentions}),
            "num_sources": len({m["site"] for m in mentions}),
            "article_ids": sorted({m["article_id"] for m in mentions}), "meeting_ids": meeting_ids,
            "first_reported": min(reported, default=None), "last_reported": max(reported, default=None),
            "topics": sorted(topics, key=lambda t: (-topics[t], t)),
            "conflicts": _conflicts(mentions), "rebuilt_at": rebuilt_at}


def site_of(article):
    """Where an article comes from: its site name, else its URL's host, else its input folder."""
    if article.get("site_name"):
        return article["site_name"]
    if article.get("url"):
        return urllib.parse.urlsplit(article["url"]).hostname or article["url"]
    return posixpath.dirname(article.get("source") or "")


def mention(meeting, as_of, site):
    """A meeting row with what events need from its article: its published date and site."""
    return {**meeting, "span": interval(meeting["meeting_date"], meeting["date_precision"]), "as_of": as_of,
            "site": site}


def participants_key(meeting):
    return tuple(sorted(p["name"] or "" for p in meeting["participants"] or []))


def read_rows(path, dataset, columns):
    """Rows of one committed Parquet file, a batch at a time, with the partition column from its folder name."""
    column = DATASETS[dataset][1]
    folder = posixpath.basename(posixpath.dirname(path))
    value = folder.split("=", 1)[1] if folder.startswith(column + "=") else NULL_PARTITION
    day = None if value == NULL_PARTITION else datetime.date.fromisoformat(value)
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=1024, columns=[c for c in columns if c != column]):
            for row in batch.to_pylist():
                row[column] = day
                yield row


def article_facts(article):
    """(article_id, (published date, site)): all events need of an article."""
    return article["article_id"], (article.get("published_date"), site_of(article))


def keyed_report(meeting, articles):
    """(participants, packed meeting row with its article's facts looked up in `articles`): what is grouped."""
    return participants_key(meeting), pack(meeting, *articles.get(meeting["article_id"], (None, "")))


def pack(meeting, as_of, site):
    """A meeting row and its article's facts as flat tuples: half the bytes of a dict in the grouping, which a
    local runner holds in memory whole."""
    people = meeting["participants"]
    return (tuple(meeting[c] for c in SCALAR_COLUMNS), as_of, site,
            None if people is None else tuple(tuple(p[f] for f in PERSON_FIELDS) for p in people),
            None if meeting["topics"] is None else tuple(meeting["topics"]))


def unpack(packed):
    """The mention of a `pack`ed meeting row."""
    values, as_of, site, people, topics = packed
    meeting = dict(zip(SCALAR_COLUMNS, values),
                   participants=None if people is None else [dict(zip(PERSON_FIELDS, p)) for p in people],
                   topics=None if topics is None else list(topics))
    return mention(meeting, as_of, site)


class _EventsFn(beam.DoFn):
    def __init__(self, rebuilt_at):
        self.rebuilt_at = rebuilt_at
        self.events = Metrics.counter("events", "events")

    def process(self, element):
        _, reports = element
        for group in cluster([unpack(r) for r in reports]):
            self.events.inc()
            yield consolidate(group, self.rebuilt_at)


class BuildEvents(beam.PTransform):
    """Meeting file paths and article file paths -> events rows. Articles come as a side input of their dates and
    sites; clustering sees one participant set's mentions at a time."""

    def __init__(self, rebuilt_at):
        super().__init__()
        self.rebuilt_at = rebuilt_at

    def expand(self, files):
        meeting_files, article_files = files
        articles = (article_files
                    | "ReadArticles" >> beam.FlatMap(read_rows, "articles", ARTICLE_COLUMNS)
                    | "ArticleFacts" >> beam.Map(article_facts))
        return (meeting_files
                | "ReadMeetings" >> beam.FlatMap(read_rows, "meetings", MEETING_COLUMNS)
                | "Reports" >> beam.Map(keyed_report, beam.pvalue.AsDict(articles))
                | "ByParticipants" >> beam.GroupByKey()
                | "Cluster" >> beam.ParDo(_EventsFn(self.rebuilt_at)))


def build(p, out, rebuilt_at, settings):
    """Add the rebuild of `OUT/events/` from all of `OUT/meetings/` to pipeline `p`: the new files replace the
    old ones only once all are written."""
    meeting_files = p | "MeetingFiles" >> beam.Create(dataset_files(out, "meetings"))
    article_files = p | "ArticleFiles" >> beam.Create(dataset_files(out, "articles"))
    events = (meeting_files, article_files) | "Events" >> BuildEvents(rebuilt_at)
    chunks = (events
              | "Rows" >> beam.Map(lambda e: ("events", e))
              | "Spill" >> beam.ParDo(SpillFn(out, RUN_ID, settings["shards_per_partition"],
                                             settings["write_buffer_mb"])))
    written = chunks | "Merge" >> MergeChunks(out, RUN_ID, p | "NoDuplicates" >> beam.Create([]))
    return (p
            | "Once" >> beam.Create([None])
            | "Commit" >> beam.Map(lambda _, ws: commit(out, RUN_ID, ws, datasets=("events",)),
                                   beam.pvalue.AsList(written)))


def count_rows(out, dataset):
    """Rows of a committed dataset, from the Parquet footers."""
    total = 0
    for path in dataset_files(out, dataset):
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
            total += pq.ParquetFile(f).metadata.num_rows
    return total
