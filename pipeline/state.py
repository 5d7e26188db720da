"""Incremental state in OUT/_state/state.json: feed validators, seen entry ids and processed files.

Read before a run, so that the run takes only changed files and new entries; written, atomically, only
after the run's commit succeeded, so that a crashed run is done again, never lost. What a run id recorded
is ignored by a re-run of that id, which therefore redoes exactly its work. Delete the folder to start afresh.
"""
import json
import uuid

import apache_beam as beam
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from transforms.feeds import FeedInput
from transforms.sources import split_feeds
from transforms.write import join, write_json_file, write_manifest

VERSION = 1


class StateError(ValueError):
    """The state file cannot be read."""


def state_path(out):
    return join(out, "_state", "state.json")


def empty_state():
    return {"version": VERSION, "feeds": {}, "files": {}}


def load_state(out):
    """The saved state, or an empty one when there is none."""
    path = state_path(out)
    if not FileSystems.exists(path):
        return empty_state()
    try:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
            state = json.loads(f.read().decode("utf-8"))
        if state.get("version") != VERSION or not isinstance(state["feeds"], dict) or not isinstance(state["files"], dict):
            raise ValueError(f"not a version {VERSION} state")
    except (OSError, ValueError, KeyError, AttributeError) as e:
        raise StateError(f"cannot read {path} ({e}); delete {FileSystems.split(path)[0]} to start afresh") from None
    return state


def save_state(out, state):
    """Write the state atomically: a temp file in OUT/_tmp/ (cleared by the next run should this one die before
    the rename) renamed over the old one."""
    write_json_file(out, state_path(out), state, f"state-{uuid.uuid4().hex}")


def plan(state, run_id, sources, urls):
    """What run `run_id` reads: (article sources, FeedInputs, (path, size, mtime) of the files to record once
    committed, how many files are unchanged). Only new and changed files are read, feed files among them."""
    state = for_run(state, run_id)
    changed, unchanged = changed_files(sources, state)
    articles, feed_files = split_feeds(changed)
    feeds = feed_inputs(list(urls) + [s.path for s in feed_files], state)
    return articles, feeds, [(s.path, s.size, s.mtime) for s in changed], unchanged


def for_run(state, run_id):
    """The state as run `run_id` sees it: without what `run_id` itself recorded (a re-run redoes its work)."""
    feeds = {}
    for location, feed in state["feeds"].items():
        own = feed.get("run_id") == run_id
        feeds[location] = {"etag": None if own else feed.get("etag"),
                           "last_modified": None if own else feed.get("last_modified"),
                           "seen": {i: r for i, r in feed.get("seen", {}).items() if r != run_id}}
    files = {p: f for p, f in state["files"].items() if f.get("run_id") != run_id}
    return {"version": VERSION, "feeds": feeds, "files": files}


def changed_files(sources, state):
    """(sources new or changed since the state recorded them, how many are unchanged)."""
    changed = [s for s in sources if not _unchanged(s, state["files"].get(s.path))]
    return changed, len(sources) - len(changed)


def _unchanged(source, recorded):
    """Same size and modification time as recorded (a file system without modification times: never)."""
    return bool(recorded) and source.mtime is not None and (recorded.get("size"), recorded.get("mtime")) == (
        source.size, source.mtime)


def feed_inputs(locations, state):
    """A FeedInput per feed location, with its validators and seen entry ids from the state."""
    inputs = []
    for location in sorted(set(locations)):
        feed = state["feeds"].get(location, {})
        inputs.append(FeedInput(location, feed.get("etag"), feed.get("last_modified"), frozenset(feed.get("seen", {}))))
    return inputs


def updated(state, run_id, files, reports):
    """The state after run `run_id` committed: its files (path, size, mtime) and its feeds' reports recorded."""
    new = {"version": VERSION, "feeds": dict(state["feeds"]), "files": dict(state["files"])}
    capped = {r["feed"] for r in reports if r["over_cap"]}  # a feed file with entries left is read again
    for path, size, mtime in files:
        if path not in capped:
            new["files"][path] = {"size": size, "mtime": mtime, "run_id": run_id}
    for report in reports:
        if report["status"] != "fetched":
            continue  # not modified, or failed: what was known stays
        before = state["feeds"].get(report["feed"], {}).get("seen", {})
        new["feeds"][report["feed"]] = {
            "etag": report["etag"], "last_modified": report["last_modified"], "run_id": run_id,
            "seen": {i: before.get(i, run_id) for i in report["seen_ids"]}}
    return new


def feed_totals(reports):
    """The manifest's `feeds` counts; `inputs` are the entries taken plus the feed-level reject rows."""
    totals = {"feeds": len(reports), "fetched": 0, "not_modified": 0, "failed": 0,
              "entries_new": 0, "entries_seen": 0, "entries_over_cap": 0, "inputs": 0}
    for r in reports:
        totals[r["status"]] += 1
        totals["entries_new"] += r["new"]
        totals["entries_seen"] += r["seen"]
        totals["entries_over_cap"] += r["over_cap"]
        totals["inputs"] += r["inputs"]
    return totals


def skipped_phrase(manifest):
    """What the run skipped as already done, for the summary line: '2 feeds not modified, 5 entries already
    seen, 3 files unchanged', or ''."""
    feeds, unchanged = manifest.get("feeds") or {}, manifest.get("inputs", {}).get("files_unchanged", 0)
    parts = [(feeds.get("not_modified", 0), "feeds not modified"), (feeds.get("entries_seen", 0), "entries already seen"),
             (unchanged, "files unchanged")]
    return ", ".join(f"{n} {what}" for n, what in parts if n)


class _RecordFn(beam.DoFn):
    def __init__(self, out, run_id, files):
        self.out, self.run_id, self.files = out, run_id, files

    def process(self, manifest, reports):
        save_state(self.out, updated(load_state(self.out), self.run_id, self.files, reports))
        manifest = dict(manifest, feeds=feed_totals(reports))
        write_manifest(self.out, self.run_id, manifest)
        yield manifest


class RecordState(beam.PTransform):
    """After the commit (its manifest is the input): save the state and add the feed counts to the manifest."""

    def __init__(self, out, run_id, files, reports):
        super().__init__()
        self.out, self.run_id, self.files, self.reports = out, run_id, files, reports

    def expand(self, manifest):
        return manifest | "Record" >> beam.ParDo(_RecordFn(self.out, self.run_id, self.files),
                                                 reports=beam.pvalue.AsList(self.reports))
