"""Crashes and repeats: a run killed with SIGKILL anywhere leaves readable output and no partial file, and
re-running its id gives the uninterrupted run's dataset; runs into one folder at once take turns and equal
the same runs one after the other; an unwritable output, a full disk and a corrupt Parquet file give one
clear line, a non-zero exit and the existing data untouched.

The tests that start `parley` processes are marked `slow` (pytest.ini); `pytest -q` runs them too.
"""
import errno
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline import cli
from pipeline.dataset import read_dataset
from pipeline.schema import DATASETS
from transforms import write
from transforms.write import JOURNAL, commit, drop_temp, final_path, output_lock, recover, to_table

LEADERS = [("President Emmanuel Macron", "Chancellor Olaf Scholz"),
           ("Prime Minister Justin Trudeau", "President Joe Biden")]
CITIES = ["Berlin", "Ottawa", "Madrid", "Prague", "Dublin", "Athens"]
VOLATILE = {"ingested_at", "rebuilt_at", "ingest_date"}  # the time of writing, which no re-run repeats
KILL_AT_RENAME = """
import os, signal, sys
from pipeline.cli import main
from apache_beam.io.filesystems import FileSystems
real, calls = FileSystems.rename, [0]
def rename(sources, destinations):
    calls[0] += 1
    if calls[0] == int(os.environ["KILL_AT_RENAME"]):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(sources, destinations)
FileSystems.rename = staticmethod(rename)
sys.exit(main(sys.argv[1:]))
"""


def meeting_article(i):
    """Article `i`: a meeting on a day of its own, so that a run writes many partitions."""
    a, b = LEADERS[i % len(LEADERS)]
    city, day = CITIES[i % len(CITIES)], 1 + i % 28
    month = ["January", "February", "March", "April", "May", "June", "July", "August", "September"][i // 28 % 9]
    return (f"date 2021-{1 + i // 28 % 9:02d}-{day:02d}\nTalks in {city}, report {i}\n\n{a} met {b} in {city} on "
            f"{month} {day}, 2021 to discuss energy and trade, report {i} said.\nThe talks lasted {i % 5 + 1} hours.\n")


def make_inputs(folder, numbers, extra=()):
    folder.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        (folder / f"report-{i:03d}.txt").write_text(meeting_article(i))
    for name, data in extra:
        (folder / name).write_bytes(data)
    return folder


def parley(*args):
    return [sys.executable, "-m", "pipeline", "run", *map(str, args), "--quiet"]


def snapshot(out):
    """Every dataset's rows, less the columns holding the time of writing, in a stable order."""
    result = {}
    for dataset in DATASETS:
        rows = read_dataset(str(out), dataset).to_pylist()
        result[dataset] = sorted(json.dumps({k: v for k, v in r.items() if k not in VOLATILE}, sort_keys=True,
                                            default=str) for r in rows)
    return result


def data_files(out):
    """Relative path -> SHA-256 of every file under the datasets' folders."""
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for d in DATASETS for p in sorted((out / d).rglob("*")) if p.is_file()}


def file_names(out):
    """The datasets' file names, the day of writing in rejects' partition names left out."""
    return {re.sub(r"ingest_date=[0-9-]+", "ingest_date=DAY", p) for p in data_files(out)}


def assert_readable(out):
    """pyarrow and DuckDB read every dataset; every Parquet file is whole; no temp file among them."""
    for path in data_files(out):
        assert path.endswith(".parquet"), path
        pq.read_table(out / path)
    with duckdb.connect() as con:
        for dataset in DATASETS:
            con.execute(f"select count(*) from read_parquet('{out}/{dataset}/**/*.parquet', hive_partitioning = true)")
            read_dataset(str(out), dataset)


# Fast: the commit journal, recovery, the lock, clear failures.

def reject(source):
    return {"source": source, "stage": "read", "reason": "empty", "detail": "", "ingest_date": None,
            "run_id": "r1", "ingested_at": None}


def temp_files(out, run_id, n):
    """`n` written-file records of run `run_id`, each in its own partition, with their temp files."""
    written = []
    for i in range(n):
        tmp = out / "_tmp" / run_id / "rejects" / f"{i}.tmp"
        tmp.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(to_table([reject(f"s{i}")], "rejects"), tmp)
        written.append({"dataset": "rejects", "tmp": str(tmp), "rows": 1,
                        "final": final_path(str(out), "rejects", f"2024-01-{i + 1:02d}", run_id, 0)})
    return written


def test_recover_completes_a_commit_cut_short(tmp_path, monkeypatch):
    written = temp_files(tmp_path, "r1", 4)
    real, calls = write.FileSystems.rename, []

    def failing_rename(sources, destinations):
        calls.append(sources)
        if len(calls) == 3:  # the journal, two files, then the end
            raise OSError(errno.EIO, "Input/output error")
        return real(sources, destinations)

    monkeypatch.setattr(write.FileSystems, "rename", staticmethod(failing_rename))
    with pytest.raises(OSError):
        commit(str(tmp_path), "r1", written, manifest={"run_id": "r1"})
    monkeypatch.undo()
    assert (tmp_path / "_tmp" / "r1" / JOURNAL).exists()
    assert sum(os.path.exists(w["final"]) for w in written) == 1
    assert recover(str(tmp_path)) == ["r1"]
    assert all(os.path.exists(w["final"]) for w in written) and not (tmp_path / "_tmp").exists()
    assert sorted(read_dataset(str(tmp_path), "rejects").column("source").to_pylist()) == ["s0", "s1", "s2", "s3"]
    assert json.loads((tmp_path / "_runs" / "r1.json").read_text()) == {"run_id": "r1", "completed_by_recovery": True}
    assert recover(str(tmp_path)) == []


def test_drop_temp_keeps_only_journaled_folders(tmp_path):
    temp_files(tmp_path, "dead", 1)
    temp_files(tmp_path, "cut", 1)
    (tmp_path / "_tmp" / "cut" / JOURNAL).write_text("{}")
    drop_temp(str(tmp_path))
    assert sorted(p.name for p in (tmp_path / "_tmp").iterdir()) == ["cut"]


def test_a_second_holder_of_the_lock_waits(tmp_path):
    probe = ("import fcntl, sys\nf = open(sys.argv[1], 'ab')\ntry:\n    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
             "except BlockingIOError:\n    sys.exit(3)\n")
    lock = str(tmp_path / write.LOCK)
    with output_lock(str(tmp_path)) as locked:
        assert locked and subprocess.run([sys.executable, "-c", probe, lock]).returncode == 3
    assert subprocess.run([sys.executable, "-c", probe, lock]).returncode == 0
    with output_lock("gs://bucket/out") as locked:
        assert locked is False


@pytest.fixture
def committed(tmp_path):
    """An output holding one committed run, `base`: (inputs of a second run, output folder)."""
    out = tmp_path / "out"
    assert cli.main(["run", str(make_inputs(tmp_path / "a", range(4))), "--out", str(out), "--run-id", "base",
                     "--quiet"]) == 0
    return make_inputs(tmp_path / "b", range(4, 8)), out


def test_a_corrupt_parquet_file_stops_the_run_and_changes_nothing(committed, capsys):
    inputs, out = committed
    victim = next((out / "meetings").rglob("part-base-*.parquet"))
    victim.write_bytes(victim.read_bytes()[:-100])
    before = data_files(out)
    assert cli.main(["run", str(inputs), "--out", str(out), "--run-id", "next"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"parley: corrupt Parquet file in the output, nothing written: {victim}: ")
    assert err.count("\n") == 1
    assert data_files(out) == before and not (out / "_tmp").exists() and not (out / "_runs" / "next.json").exists()
    assert cli.main(["run", str(make_inputs(out.parent / "a", range(4))), "--out", str(out), "--run-id", "base",
                     "--quiet"]) == 0  # a re-run of its own run id replaces the damaged file
    pq.read_table(victim)


def test_a_full_disk_is_one_line_and_leaves_the_output_as_it_was(committed, capsys, monkeypatch):
    inputs, out = committed
    before = data_files(out)

    def no_space(table, path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write, "write_table", no_space)
    assert cli.main(["run", str(inputs), "--out", str(out), "--run-id", "next"]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith("parley: run failed: OSError: [Errno 28] No space left on device") and "disk is full" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert data_files(out) == before and not (out / "_tmp").exists()


def test_an_output_subfolder_that_cannot_be_written_fails_before_any_rename(committed, capsys):
    if os.geteuid() == 0:
        pytest.skip("running as root, which writes whatever the permissions; a read-only file system is "
                    "test_a_real_full_disk_and_a_read_only_output's case")
    inputs, out = committed
    for folder in (out / "articles", out / "meetings"):
        folder.chmod(0o555)
    before = data_files(out)
    try:
        assert cli.main(["run", str(inputs), "--out", str(out), "--run-id", "next"]) == cli.EXIT_FAILED
    finally:
        for folder in (out / "articles", out / "meetings"):
            folder.chmod(0o755)
    err = capsys.readouterr().err
    assert "Permission denied" in err and "check the permissions" in err and err.count("\n") == 1
    assert data_files(out) == before


def test_an_unwritable_output_folder_exits_2(committed, capsys):
    if os.geteuid() == 0:
        pytest.skip("running as root, which writes whatever the permissions; a read-only file system is "
                    "test_a_real_full_disk_and_a_read_only_output's case")
    inputs, out = committed
    out.chmod(0o555)
    before = data_files(out)
    try:
        assert cli.main(["run", str(inputs), "--out", str(out)]) == cli.EXIT_USAGE
    finally:
        out.chmod(0o755)
    assert capsys.readouterr().err.startswith(f"parley: cannot write to output folder {out}: Permission denied")
    assert data_files(out) == before


# Slow: real processes, killed, run at once, on a small file system.

@pytest.fixture(scope="module")
def crash_setup(tmp_path_factory):
    """Inputs of a base run and of run `k` (one of k's articles repeats a base article), an output holding
    only the base run, and the uninterrupted result of k: (root, k's inputs, base-only output, reference
    snapshot, reference files, seconds k takes)."""
    root = tmp_path_factory.mktemp("crash")
    base_in = make_inputs(root / "base-in", range(10))
    k_in = make_inputs(root / "k-in", range(10, 50), extra=[("report-000-copy.txt", meeting_article(0).encode()),
                                                            ("empty.txt", b""), ("photo.png", b"\x89PNG")])
    base_out = root / "base-out"
    assert cli.main(["run", str(base_in), "--out", str(base_out), "--run-id", "base", "--quiet"]) == 0
    reference = root / "reference"
    shutil.copytree(base_out, reference)
    started = time.monotonic()
    assert cli.main(["run", str(k_in), "--out", str(reference), "--run-id", "k", "--quiet"]) == 0
    return root, k_in, base_out, snapshot(reference), file_names(reference), time.monotonic() - started


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_gives_the_uninterrupted_dataset(crash_setup):
    root, k_in, base_out, reference, reference_files, duration = crash_setup
    rng = random.Random(8)
    out = root / "killed"
    for attempt in range(3):
        if attempt % 2 == 0:  # a first run killed; then a re-run of a committed run killed
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(base_out, out)
        base_before = {p: h for p, h in data_files(out).items() if "part-base-" in p}
        proc = subprocess.Popen(parley(k_in, "--out", out, "--run-id", "k"), stderr=subprocess.DEVNULL)
        while proc.poll() is None and not (out / "_tmp" / "k").exists():
            time.sleep(0.002)
        delay = rng.uniform(0, duration)  # from its first temp file on, anywhere up to its end
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert_readable(out)
        assert {p: h for p, h in data_files(out).items() if "part-base-" in p} == base_before, delay
        assert cli.main(["run", str(k_in), "--out", str(out), "--run-id", "k", "--quiet"]) == 0, delay
        assert snapshot(out) == reference, delay
        assert file_names(out) == reference_files, delay


@pytest.mark.slow
@pytest.mark.parametrize("where,repair", [("half the files", "same run id"), ("half the files", "any next run"),
                                          ("the manifest", "same run id")])
def test_sigkill_during_the_commit_renames(crash_setup, where, repair, tmp_path):
    root, k_in, base_out, reference, reference_files, _ = crash_setup
    files = sum("part-k-" in p for p in reference_files)
    kill_at = 2 + files // 2 if where == "half the files" else 2 + files  # rename 1 is the journal's
    out = tmp_path / "out"
    shutil.copytree(base_out, out)
    base_before = {p: h for p, h in data_files(out).items() if "part-base-" in p}
    env = dict(os.environ, KILL_AT_RENAME=str(kill_at))
    command = [sys.executable, "-c", KILL_AT_RENAME, "run", str(k_in), "--out", str(out), "--run-id", "k", "--quiet"]
    assert subprocess.run(command, env=env).returncode == -signal.SIGKILL
    assert (out / "_tmp" / "k" / JOURNAL).exists()
    committed = sum("part-k-" in p for p in data_files(out))
    assert 0 < committed < files if where == "half the files" else committed == files
    assert_readable(out)
    assert {p: h for p, h in data_files(out).items() if "part-base-" in p} == base_before
    if repair == "same run id":
        assert cli.main(["run", str(k_in), "--out", str(out), "--run-id", "k", "--quiet"]) == 0
        assert snapshot(out) == reference and file_names(out) == reference_files
    else:  # another run completes k's commit before it starts: nothing of k is lost
        assert cli.main(["run", str(make_inputs(tmp_path / "later", [90])), "--out", str(out), "--run-id",
                         "later", "--quiet"]) == 0
        got = snapshot(out)
        for dataset in ("articles", "meetings", "rejects"):
            assert set(reference[dataset]) <= set(got[dataset]), dataset
        assert json.loads((out / "_runs" / "k.json").read_text())["completed_by_recovery"] is True


@pytest.mark.slow
def test_two_runs_at_once_take_turns_and_equal_the_runs_one_after_the_other(tmp_path):
    shared = make_inputs(tmp_path / "shared", range(100, 106))
    one, two = make_inputs(tmp_path / "one", range(110, 116)), make_inputs(tmp_path / "two", range(120, 126))
    out = tmp_path / "out"
    out.mkdir()
    logs = {run_id: tmp_path / f"{run_id}.err" for run_id in ("one", "two")}
    with output_lock(str(out)):  # both start while the folder is locked, so both must wait their turn
        procs = {run_id: subprocess.Popen(parley(folder, shared, "--out", out, "--run-id", run_id),
                                          stderr=open(logs[run_id], "w"))
                 for run_id, folder in (("one", one), ("two", two))}
        while not all("waiting for the other run" in log.read_text() for log in logs.values()):
            assert all(p.poll() is None for p in procs.values())
            time.sleep(0.05)
    assert [p.wait(timeout=300) for p in procs.values()] == [0, 0]
    manifests = {r: json.loads((out / "_runs" / f"{r}.json").read_text()) for r in procs}
    first, second = sorted(manifests, key=lambda r: manifests[r]["started_at"])
    assert manifests[second]["counts"]["duplicates"] == 0  # the shared files were already read: not inputs again
    assert manifests[second]["inputs"]["files_unchanged"] == 6
    sequential = tmp_path / "sequential"
    for run_id in (first, second):
        folder = one if run_id == "one" else two
        assert cli.main(["run", str(folder), str(shared), "--out", str(sequential), "--run-id", run_id, "--quiet"]) == 0
    assert snapshot(out) == snapshot(sequential)
    assert file_names(out) == file_names(sequential)


FULL_DISK = """
set -e
mount -t tmpfs -o size=1m parley-test "$MNT"
$PARLEY run "$SMALL" --out "$MNT/out" --run-id base --quiet
cp -a "$MNT/out" "$BEFORE"
set +e
$PARLEY run "$BIG" --out "$MNT/out" --run-id big --quiet 2> "$FULL_ERR"; echo $? > "$FULL_CODE"
cp -a "$MNT/out" "$AFTER_FULL"
mount -o remount,ro "$MNT"
$PARLEY run "$BIG" --out "$MNT/out" --run-id ro --quiet 2> "$RO_ERR"; echo $? > "$RO_CODE"
cp -a "$MNT/out" "$AFTER_RO"
"""


@pytest.mark.slow
def test_a_real_full_disk_and_a_read_only_output(tmp_path):
    """On a 1 MiB tmpfs in a user and mount namespace of its own (no root needed where Linux allows them)."""
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -rm is not permitted here (no user namespaces): the full disk is simulated in "
                    "test_a_full_disk_is_one_line_and_leaves_the_output_as_it_was")
    rng = random.Random(3)
    noise = make_inputs(tmp_path / "big", [])
    for i in range(30):  # 3 MB of text that hardly compresses
        lines = (" ".join("".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(12))
                 for _ in range(1200))
        (noise / f"noise-{i}.txt").write_text(f"Noise {i}\n\n" + ".\n".join(lines) + ".\n")
    paths = {name: tmp_path / name for name in ("mnt", "before", "after-full", "after-ro")}
    paths["mnt"].mkdir()
    env = dict(os.environ, MNT=str(paths["mnt"]), SMALL=str(make_inputs(tmp_path / "small", range(3))),
               BIG=str(noise), BEFORE=str(paths["before"]), AFTER_FULL=str(paths["after-full"]),
               AFTER_RO=str(paths["after-ro"]), PARLEY=f"{sys.executable} -m pipeline",
               FULL_ERR=str(tmp_path / "full.err"), FULL_CODE=str(tmp_path / "full.code"),
               RO_ERR=str(tmp_path / "ro.err"), RO_CODE=str(tmp_path / "ro.code"))
    done = subprocess.run(["unshare", "-rm", "sh", "-c", FULL_DISK], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    full_err = (tmp_path / "full.err").read_text()
    assert (tmp_path / "full.code").read_text().strip() == "1"
    assert full_err.startswith("parley: run failed: ") and "No space left on device" in full_err, full_err
    assert "disk is full" in full_err and full_err.count("\n") == 1
    assert data_files(paths["after-full"]) == data_files(paths["before"])
    assert not (paths["after-full"] / "_tmp").exists() or not any((paths["after-full"] / "_tmp").iterdir())
    ro_err = (tmp_path / "ro.err").read_text()
    assert (tmp_path / "ro.code").read_text().strip() == "2"
    assert ro_err.startswith("parley: cannot write to output folder") and "Read-only file system" in ro_err, ro_err
    assert data_files(paths["after-ro"]) == data_files(paths["before"])
    assert_readable(paths["after-ro"])
