"""Incremental state: what is skipped, what is recorded, and that only a committed run records anything."""
import json
import os
import shutil

import pytest
from apache_beam.io.filesystems import FileSystems

from pipeline import state
from pipeline.cli import main
from transforms import write
from transforms.sources import Source

ARTICLE = "Talks in the capital\n\nThe foreign ministers met on Monday to discuss trade and energy.\n"
FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>Brief</title>'
        '<guid isPermaLink="false">b1</guid><description>The ministers agreed to meet again.</description></item>'
        "</channel></rss>")


def report(feed, status="fetched", ids=(), new=0, seen=0, over_cap=0, inputs=0, etag='"e"'):
    return {"feed": feed, "status": status, "etag": etag, "last_modified": None, "seen_ids": list(ids), "new": new,
            "seen": seen, "over_cap": over_cap, "inputs": inputs}


def test_for_run_forgets_what_the_same_run_id_recorded():
    saved = {"version": 1, "files": {"/a": {"size": 1, "mtime": 2.0, "run_id": "r1"}, "/b": {"size": 1, "mtime": 2.0, "run_id": "r2"}},
             "feeds": {"u": {"etag": '"e"', "last_modified": None, "run_id": "r1", "seen": {"x": "r0", "y": "r1"}}}}
    view = state.for_run(saved, "r1")
    assert list(view["files"]) == ["/b"]
    assert view["feeds"]["u"] == {"etag": None, "last_modified": None, "seen": {"x": "r0"}}
    assert state.for_run(saved, "r9")["feeds"]["u"]["etag"] == '"e"'


def test_changed_files():
    recorded = {"files": {"/a": {"size": 3, "mtime": 5.0, "run_id": "r"}, "/b": {"size": 3, "mtime": 5.0, "run_id": "r"}}}
    sources = [Source("/a", "/", 3, 5.0), Source("/b", "/", 3, 6.0), Source("/c", "/", 3, 5.0), Source("/a2", "/", 3, None)]
    changed, unchanged = state.changed_files(sources, recorded)
    assert [s.path for s in changed] == ["/b", "/c", "/a2"] and unchanged == 1


def test_updated_records_files_and_fetched_feeds_only():
    before = {"version": 1, "files": {}, "feeds": {
        "u1": {"etag": '"old"', "last_modified": None, "run_id": "r0", "seen": {"a": "r0", "gone": "r0"}},
        "u2": {"etag": '"keep"', "last_modified": None, "run_id": "r0", "seen": {"z": "r0"}}}}
    reports = [report("u1", ids=["a", "b"], new=1, seen=1), report("u2", "not_modified"), report("u3", "failed", etag=None),
               report("/feeds/big.xml", ids=["n1"], over_cap=9, etag=None)]
    after = state.updated(before, "r1", [("/x.txt", 4, 1.5), ("/feeds/big.xml", 9, 2.5)], reports)
    assert after["files"] == {"/x.txt": {"size": 4, "mtime": 1.5, "run_id": "r1"}}  # a capped feed file is read again
    assert after["feeds"]["u1"] == {"etag": '"e"', "last_modified": None, "run_id": "r1", "seen": {"a": "r0", "b": "r1"}}
    assert after["feeds"]["u2"] == before["feeds"]["u2"] and "u3" not in after["feeds"]


def test_totals_and_summary_phrase():
    totals = state.feed_totals([report("u1", new=2, seen=3, inputs=3), report("u2", "not_modified"), report("u3", "failed", inputs=1)])
    assert totals == {"feeds": 3, "fetched": 1, "not_modified": 1, "failed": 1, "entries_new": 2, "entries_seen": 3,
                      "entries_over_cap": 0, "inputs": 4}
    assert state.skipped_phrase({"feeds": totals, "inputs": {"files_unchanged": 2}}) == (
        "1 feeds not modified, 3 entries already seen, 2 files unchanged")
    assert state.skipped_phrase({"inputs": {}}) == ""


def test_save_is_atomic_and_load_round_trips(tmp_path):
    saved = {"version": 1, "files": {"/a": {"size": 1, "mtime": 1795403834.0096817, "run_id": "r"}}, "feeds": {}}
    state.save_state(str(tmp_path), saved)
    state.save_state(str(tmp_path), saved)
    assert state.load_state(str(tmp_path)) == saved
    assert os.listdir(tmp_path / "_state") == ["state.json"]
    assert state.load_state(str(tmp_path / "none")) == state.empty_state()


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Monday", "Friday"), encoding="utf-8")
    (folder / "desk.xml").write_text(FEED, encoding="utf-8")
    return folder


def run(folder, out, *extra):
    return main(["run", str(folder), "--out", str(out), *extra])


def test_next_run_reads_only_what_changed_and_state_deletion_starts_afresh(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(folder, out) == 0
    assert "3 inputs, 3 articles" in capsys.readouterr().err
    assert run(folder, out) == 0
    err = capsys.readouterr().err
    assert "0 inputs, 0 articles, 0 duplicates skipped, 0 meetings, 0 rejects; 3 files unchanged" in err
    (folder / "b.txt").write_text(ARTICLE.replace("Monday", "Sunday"), encoding="utf-8")
    os.utime(folder / "b.txt", (1, 1))
    assert run(folder, out) == 0
    assert "1 inputs, 1 articles, 0 duplicates skipped, 0 meetings, 0 rejects; 2 files unchanged" in capsys.readouterr().err
    shutil.rmtree(out / "_state")
    assert run(folder, out) == 0
    assert "3 inputs, 0 articles, 3 duplicates skipped" in capsys.readouterr().err  # the feed's entry as well


def test_a_failed_commit_records_nothing(folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"

    def broken_commit(*_):
        raise OSError("disk full")
    monkeypatch.setattr(write, "commit", broken_commit)
    assert run(folder, out) == 1
    assert not (out / "_state").exists()
    monkeypatch.undo()
    capsys.readouterr()
    assert run(folder, out) == 0
    assert "3 inputs, 3 articles" in capsys.readouterr().err


def test_unreadable_state_is_a_usage_error(folder, tmp_path, capsys):
    out = tmp_path / "out"
    (out / "_state").mkdir(parents=True)
    (out / "_state" / "state.json").write_text("{not json")
    assert run(folder, out) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("parley: cannot read") and "to start afresh" in err and "\n" not in err


def test_manifest_counts_feeds_and_unchanged_files(folder, tmp_path):
    out = tmp_path / "out"
    assert run(folder, out, "--run-id", "one") == 0
    manifest = json.loads((out / "_runs" / "one.json").read_text())
    assert manifest["inputs"]["files"] == 2 and manifest["inputs"]["feeds"] == 1
    assert manifest["feeds"]["entries_new"] == 1 and manifest["accounting"] == {"inputs": 3, "accounted": 3, "ok": True}


def test_a_run_leaves_no_temp_folder_failed_or_not(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run(folder, out) == 0
    assert main(["events", str(out)]) == 0
    assert not (out / "_tmp").exists()

    def broken_commit(*_):
        raise OSError("disk full")
    monkeypatch.setattr(write, "commit", broken_commit)
    (folder / "c.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    assert run(folder, out) == 1
    assert not (out / "_tmp").exists()


def test_a_state_write_cut_short_is_cleared_by_the_next_run(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run(folder, out) == 0
    saved = state.load_state(str(out))

    def killed(*_):  # the process dies between writing the temp file and renaming it
        raise KeyboardInterrupt
    monkeypatch.setattr(FileSystems, "rename", killed)
    with pytest.raises(KeyboardInterrupt):
        state.save_state(str(out), state.empty_state())
    monkeypatch.undo()
    assert list(out.rglob("*.tmp")) and state.load_state(str(out)) == saved
    assert run(folder, out) == 0
    assert not list(out.rglob("*.tmp")) and not (out / "_tmp").exists()
