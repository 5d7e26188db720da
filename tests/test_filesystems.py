"""Paths on any Beam file system, here `memtest://` (in memory, like an object store): the dataset reader, feed
lists, run profiles and the state."""
import datetime

import pyarrow.dataset as ds
import pytest

from pipeline import state
from pipeline.cli import load_profile, main
from pipeline.dataset import DatasetError, read_dataset
from pipeline.schema import DATASETS, partition_schema
from tests import memfs
from transforms.sources import MissingInput, read_feed_list

BUCKET = f"{memfs.SCHEME}://bucket"
FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>Brief</title>'
        '<guid isPermaLink="false">b1</guid><description>The ministers agreed to meet again.</description></item>'
        "</channel></rss>")


@pytest.fixture
def mem():
    memfs.clear()
    yield memfs
    memfs.clear()


def upload(folder, prefix):
    """Every file under `folder` to `prefix/...` in the in-memory file system."""
    for path in folder.rglob("*"):
        if path.is_file():
            memfs.put(f"{prefix}/{path.relative_to(folder)}", path.read_bytes())


def rows(table, dataset):
    key = {"articles": "article_id", "meetings": "meeting_id", "rejects": "source", "events": "event_id"}[dataset]
    return sorted(table.to_pylist(), key=lambda r: r[key])


@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_reader_gives_the_same_rows_locally_and_through_beam_filesystems(seed_output, mem, dataset):
    upload(seed_output, f"{BUCKET}/out")
    local, remote = read_dataset(str(seed_output), dataset), read_dataset(f"{BUCKET}/out", dataset)
    assert remote.schema == local.schema and remote.schema.field(DATASETS[dataset][1]).type == partition_schema(
        dataset).field(0).type
    assert rows(remote, dataset) == rows(local, dataset) and (dataset == "rejects" or local.num_rows > 0)


def test_reader_opens_only_the_partitions_a_filter_names(seed_output, mem, monkeypatch):
    upload(seed_output, f"{BUCKET}/out")
    opened = []
    real_open = memfs.MemFileSystem.open
    monkeypatch.setattr(memfs.MemFileSystem, "open", lambda self, path, *a, **k: opened.append(path) or real_open(
        self, path, *a, **k))
    day = datetime.date(2018, 7, 16)
    table = read_dataset(f"{BUCKET}/out", "meetings", filter=ds.field("meeting_date") == day)
    assert table.num_rows and set(table.column("meeting_date").to_pylist()) == {day}
    assert opened and all("meeting_date=2018-07-16/" in p for p in opened)


def test_a_dataset_not_written_yet_reads_as_empty_and_typed(mem, tmp_path):
    memfs.put(f"{BUCKET}/out/_runs/r.json", b"{}")
    for out in (f"{BUCKET}/out", str(tmp_path)):
        table = read_dataset(out, "events")
        assert table.num_rows == 0 and table.schema == DATASETS["events"][0]


@pytest.mark.parametrize("out,reason", [
    ("nosuch://bucket/out", "Unable to get filesystem"),
    (f"{BUCKET}/forbidden", "403 Forbidden"),
    ("/nonexistent/parley-out", "no such folder"),
])
def test_an_output_that_cannot_be_listed_is_a_one_line_error(mem, out, reason):
    memfs.BROKEN.add(f"{BUCKET}/forbidden")
    with pytest.raises(DatasetError) as caught:
        read_dataset(out, "meetings")
    message = str(caught.value)
    assert message.startswith(f"cannot list {out}: ") and reason in message and "\n" not in message


def test_feed_list_on_a_beam_filesystem_takes_relative_paths_from_its_folder(mem):
    memfs.put(f"{BUCKET}/lists/feeds.yaml", b"feeds:\n  - https://news.example.org/rss.xml\n  - desk.xml\n"
                                            b"  - sub/other.rss\n")
    assert read_feed_list(f"{BUCKET}/lists/feeds.yaml") == [
        "https://news.example.org/rss.xml", f"{BUCKET}/lists/desk.xml", f"{BUCKET}/lists/sub/other.rss"]


@pytest.mark.parametrize("content,reason", [(None, "404 Not Found"), (b"feeds: [a, b\n", "expected ',' or ']'")])
def test_feed_list_errors_are_one_line(mem, content, reason):
    path = f"{BUCKET}/feeds.yaml"
    if content is not None:
        memfs.put(path, content)
    with pytest.raises(MissingInput) as caught:
        read_feed_list(path)
    assert str(caught.value).startswith(f"cannot read feed list {path}: ") and reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_run_with_a_feed_list_on_a_beam_filesystem(mem, tmp_path, capsys):
    memfs.put(f"{BUCKET}/lists/feeds.yaml", b"- desk.xml\n")
    memfs.put(f"{BUCKET}/lists/desk.xml", FEED.encode("utf-8"))
    assert main(["run", "--feeds", f"{BUCKET}/lists/feeds.yaml", "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "1 inputs, 1 articles" in capsys.readouterr().err
    assert read_dataset(str(tmp_path / "out"), "articles").column("feed").to_pylist() == [f"{BUCKET}/lists/desk.xml"]


def test_profile_on_a_beam_filesystem(mem):
    memfs.put(f"{BUCKET}/profile.yaml", b"settings:\n  max_input_bytes: 5000\n  fetch:\n    host_delay: 0\n"
                                        b"beam:\n  direct_num_workers: 2\n")
    settings, beam_settings = load_profile(f"{BUCKET}/profile.yaml")
    assert settings["max_input_bytes"] == 5000 and settings["fetch"]["host_delay"] == 0
    assert settings["fetch"]["retries"] == 3 and beam_settings == {"runner": "DirectRunner", "direct_num_workers": 2}


@pytest.mark.parametrize("content,reason", [(None, "404 Not Found"), (b"settings: {a: 1\nbeam: x\n", "expected ','")])
def test_profile_errors_are_one_line(mem, tmp_path, capsys, content, reason):
    path = f"{BUCKET}/profile.yaml"
    if content is not None:
        memfs.put(path, content)
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out"), "--config", path]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"parley: cannot read config {path}: ") and reason in err and err.count("\n") == 1


def test_state_on_a_beam_filesystem_round_trips_and_leaves_no_temp_file(mem):
    saved = {"version": 1, "files": {"/a": {"size": 1, "mtime": 2.5, "run_id": "r"}}, "feeds": {}}
    state.save_state(f"{BUCKET}/out", saved)
    state.save_state(f"{BUCKET}/out", saved)
    assert state.load_state(f"{BUCKET}/out") == saved and list(memfs.FILES) == [f"{BUCKET}/out/_state/state.json"]
