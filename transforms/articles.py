"""The per-document stage: read, clean and extract, as DoFns that fuse into one stage with tagged rejects."""
import functools
import hashlib
import json

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from pipeline.config import load_text, load_yaml
from pipeline.progress import Ticker
from transforms import html
from transforms.clean import Cleaner
from transforms.extract import Extractor
from transforms.read import Limits, Rejected, article_id, read_document
from transforms.sources import refuse_special

REJECTS = "rejects"


def read_bytes(path, max_bytes):
    """Up to `max_bytes` + 1 raw bytes of a file through FileSystems (no automatic decompression)."""
    refuse_special(path)
    try:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
            return f.read(max_bytes + 1)
    except Exception as e:  # a file that vanished, is unreadable, or a broken remote
        raise Rejected("unreadable", f"{type(e).__name__}: {e}") from None


def load_source(path, limits):
    """Read one input and decode it; `limits` is a Limits, or only the byte cap."""
    limits = Limits.of(limits)
    return read_document(path, read_bytes(path, limits.max_bytes), limits, html.extract_html)


def reject_row(source, stage, reason, detail, run, feed=None):
    return {"source": source, "stage": stage, "reason": reason, "detail": (detail or "")[:2000],
            "ingest_date": run["ingested_at"].date(), "run_id": run["run_id"], "ingested_at": run["ingested_at"],
            "feed": feed}


def meeting_id(article, meeting, ordinal):
    """Stable id from the article and the meeting's key fields."""
    key = [article, sorted(p["name"] for p in meeting["participants"]), meeting["meeting_date"],
           meeting["status"], meeting["format"], meeting["city"], ordinal]
    return hashlib.sha256(json.dumps(key, default=str).encode("utf-8")).hexdigest()[:32]


def bundle_ids(bundle):
    """(article_id, source) of an extracted article: all de-duplication needs."""
    article = bundle[1]["article"]
    return article["article_id"], article["source"]


def bundle_rows(bundle):
    """(dataset, row) pairs of an extracted article; meeting rows carry the source until de-duplication."""
    article = bundle[1]["article"]
    yield "articles", article
    for meeting in bundle[1]["meetings"]:
        yield "meetings", dict(meeting, source=article["source"])


class _Stage(beam.DoFn):
    """Shared by the stage's DoFns: the run's identity, counters and the dead-letter route."""

    stage = None

    def __init__(self, run):
        self.run = run
        self.rejected = Metrics.counter("parley", f"{self.stage}_rejects")

    def reject(self, source, reason, detail, stage=None, feed=None):
        self.rejected.inc()
        return beam.pvalue.TaggedOutput(REJECTS, reject_row(source, stage or self.stage, reason, detail, self.run, feed))


class ReadFn(_Stage):
    """Source -> (Document, the furniture lines of its group), or a reject.

    The furniture side input is taken here, by the stage's first DoFn, so that the runner computes it before
    the stage starts and never has to hold the decoded documents while it waits.
    """

    stage = "read"

    def setup(self):
        self.progress = Ticker(self.run.get("progress"))

    def process(self, source, recurring):
        try:
            limits = self.run.get("limits", self.run["max_input_bytes"])
            yield load_source(source.path, limits), recurring.get(source.group, frozenset())
        except Rejected as r:
            yield self.reject(source.path, r.reason, r.detail)
        except Exception as e:  # noqa: BLE001 - any other failure is a reject, never a lost input
            yield self.reject(source.path, "internal_error", f"{type(e).__name__}: {e}")
        self.progress.tick()  # after the fused clean and extract of what was yielded

    def teardown(self):
        self.progress.close()


class CleanFn(_Stage):
    """(Document, furniture lines) -> article row with boilerplate removed."""

    stage = "clean"

    def setup(self):
        self.cleaner = Cleaner.from_config(load_yaml("boilerplate", self.run.get("config_dir")))

    def process(self, element):
        doc, furniture = element
        try:
            cleaned = self.cleaner.clean(doc.text, furniture)
            title, text = (doc.title, cleaned.text) if doc.title else self.cleaner.split_title(cleaned.text)
        except Exception as e:  # noqa: BLE001
            yield self.reject(doc.source, "internal_error", f"{type(e).__name__}: {e}", feed=doc.meta.get("feed"))
            return
        if not text.strip():
            yield self.reject(doc.source, "empty_after_cleaning", f"all {len(doc.text)} characters were boilerplate",
                              feed=doc.meta.get("feed"))
            return
        yield {"article_id": article_id(doc.url, doc.text), "source": doc.source, "url": doc.url,
               "title": title, "author": doc.author, "site_name": doc.site_name,
               "published_date": doc.published_date, "text": text, "raw_chars": doc.raw_chars,
               "clean_chars": len(text), "boilerplate": cleaned.removed, "run_id": self.run["run_id"],
               "ingested_at": self.run["ingested_at"], "parley_version": self.run["parley_version"], **doc.meta}


@functools.lru_cache(maxsize=4)
def extractor(config_dir):
    """The meeting extractor of a configs folder: loaded once per worker process, shared by every DoFn there
    (the files and the feeds branch each have an ExtractFn)."""
    return Extractor.from_config(lambda name: load_yaml(name, config_dir), lambda name: load_text(name, config_dir))


class ExtractFn(_Stage):
    """Article row -> (article_id, {"article", "meetings"}) with its meeting records."""

    stage = "extract"

    def setup(self):
        self.extractor = extractor(self.run.get("config_dir"))
        self.meetings = Metrics.counter("parley", "meetings_extracted")

    def process(self, article):
        try:
            found = self.extractor.extract(article["text"], article["published_date"], article.get("title"))
        except Exception as e:  # noqa: BLE001
            yield self.reject(article["source"], "internal_error", f"{type(e).__name__}: {e}", feed=article.get("feed"))
            return
        meetings = []
        for i, m in enumerate(found):
            meetings.append({**m, "meeting_id": meeting_id(article["article_id"], m, i),
                             "article_id": article["article_id"], "run_id": self.run["run_id"],
                             "ingested_at": self.run["ingested_at"]})
        self.meetings.inc(len(meetings))
        yield article["article_id"], {"article": article, "meetings": meetings}


class ProcessDocuments(beam.PTransform):
    """Sources -> keyed article bundles (main output) and reject rows (tagged `rejects`)."""

    def __init__(self, run, recurring):
        super().__init__()
        self.run, self.recurring = run, recurring

    def expand(self, sources):
        read = sources | "Read" >> beam.ParDo(
            ReadFn(self.run), recurring=beam.pvalue.AsDict(self.recurring)).with_outputs(REJECTS, main="docs")
        bundles, rejects = read.docs | "CleanExtract" >> CleanAndExtract(self.run)
        return bundles, (read[REJECTS], rejects) | "Rejects" >> beam.Flatten()


class CleanAndExtract(beam.PTransform):
    """(Document, furniture lines) -> keyed article bundles (main output) and reject rows (tagged `rejects`)."""

    def __init__(self, run):
        super().__init__()
        self.run = run

    def expand(self, docs):
        clean = docs | "Clean" >> beam.ParDo(CleanFn(self.run)).with_outputs(REJECTS, main="articles")
        extract = clean.articles | "Extract" >> beam.ParDo(ExtractFn(self.run)).with_outputs(REJECTS, main="bundles")
        return extract.bundles, (clean[REJECTS], extract[REJECTS]) | "Rejects" >> beam.Flatten()


