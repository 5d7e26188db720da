"""The output contract: one versioned pyarrow schema per dataset, and the partition column of each."""
import pyarrow as pa

SCHEMA_VERSION = "3"

PERSON = pa.struct([("name", pa.string()), ("country", pa.string()), ("role", pa.string())])
REMOVED_LINE = pa.struct([("text", pa.string()), ("rule", pa.string())])

ARTICLES = pa.schema([
    ("article_id", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("author", pa.string()),
    ("site_name", pa.string()),
    ("published_date", pa.date32()),
    ("text", pa.string()),
    ("raw_chars", pa.int64()),
    ("clean_chars", pa.int64()),
    ("boilerplate", pa.list_(REMOVED_LINE)),
    ("run_id", pa.string()),
    ("ingested_at", pa.timestamp("us", tz="UTC")),
    ("parley_version", pa.string()),
    ("feed", pa.string()),
    ("entry_id", pa.string()),
    ("text_source", pa.string()),
])

MEETINGS = pa.schema([
    ("meeting_id", pa.string()),
    ("article_id", pa.string()),
    ("participants", pa.list_(PERSON)),
    ("delegation", pa.list_(PERSON)),
    ("status", pa.string()),
    ("format", pa.string()),
    ("meeting_date", pa.date32()),
    ("date_precision", pa.string()),
    ("date_text", pa.string()),
    ("city", pa.string()),
    ("country", pa.string()),
    ("venue", pa.string()),
    ("event", pa.string()),
    ("duration_minutes", pa.int32()),
    ("topics", pa.list_(pa.string())),
    ("evidence", pa.string()),
    ("evidence_start", pa.int32()),
    ("evidence_end", pa.int32()),
    ("confidence", pa.float32()),
    ("run_id", pa.string()),
    ("ingested_at", pa.timestamp("us", tz="UTC")),
])

REJECTS = pa.schema([
    ("source", pa.string()),
    ("stage", pa.string()),
    ("reason", pa.string()),
    ("detail", pa.string()),
    ("ingest_date", pa.date32()),
    ("run_id", pa.string()),
    ("ingested_at", pa.timestamp("us", tz="UTC")),
    ("feed", pa.string()),
])

STATUS_REPORT = pa.struct([("status", pa.string()), ("as_of", pa.date32()), ("article_id", pa.string())])
CONFLICT = pa.struct([("field", pa.string()), ("values", pa.list_(pa.string()))])

EVENTS = pa.schema([
    ("event_id", pa.string()),
    ("participants", pa.list_(PERSON)),
    ("event_date", pa.date32()),
    ("date_precision", pa.string()),
    ("city", pa.string()),
    ("country", pa.string()),
    ("venue", pa.string()),
    ("event", pa.string()),
    ("format", pa.string()),
    ("duration_minutes", pa.int32()),
    ("status", pa.string()),
    ("status_history", pa.list_(STATUS_REPORT)),
    ("num_articles", pa.int32()),
    ("num_sources", pa.int32()),
    ("article_ids", pa.list_(pa.string())),
    ("meeting_ids", pa.list_(pa.string())),
    ("first_reported", pa.date32()),
    ("last_reported", pa.date32()),
    ("topics", pa.list_(pa.string())),
    ("conflicts", pa.list_(CONFLICT)),
    ("rebuilt_at", pa.timestamp("us", tz="UTC")),
])

# dataset name -> (schema with the partition column, partition column)
DATASETS = {
    "articles": (ARTICLES, "published_date"),
    "meetings": (MEETINGS, "meeting_date"),
    "rejects": (REJECTS, "ingest_date"),
    "events": (EVENTS, "event_date"),
}
# The datasets a run writes; events are rebuilt from meetings after it.
RUN_DATASETS = ("articles", "meetings", "rejects")

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"


def file_schema(dataset):
    """The schema of the Parquet files of `dataset`: its columns less the partition column."""
    schema, column = DATASETS[dataset]
    return schema.remove(schema.get_field_index(column)).with_metadata(
        {"parley.dataset": dataset, "parley.schema_version": SCHEMA_VERSION})


def partition_schema(dataset):
    """The Hive partitioning schema of `dataset` (one typed column)."""
    schema, column = DATASETS[dataset]
    return pa.schema([schema.field(column)])
