#!/usr/bin/env python3
"""Parley over the test corpora of four other projects, as a new user would run it: each corpus twice into one
output. Prints a Markdown table: inputs, articles, duplicates, rejects by stage/reason, wall time, peak memory
and whether the accounting holds, per run.

The corpora are bare git snapshots (the search tool's `fetch`): OWNER+NAME/repo under the snapshots folder,
by default `.mirror` beside `../shared/` (here ../../.mirror from this file's project). Their test files are
extracted to a temporary folder, run there and deleted: nothing of theirs is kept. A missing snapshot is
named, not an error.

| corpus | snapshot | files taken |
| --- | --- | --- |
| feedparser | kurtmckee/feedparser | every file under tests/ but Python code (2,107 feeds: RSS, Atom, RDF, one JSON feed) |
| trafilatura | adbar/trafilatura | the pages under tests/ (`.html`, `.html.gz`: 1,000) |
| fundus | flairNLP/fundus | the news pages under tests/resources/parser/test_data/ (`.html.gz`: 258) |
| newspaper | codelucas/newspaper | the pages under tests/data/html/ (`.html`: 157) |

Each run is `parley run FOLDER --out OUT --quiet` with the packaged profile in a child process; peak memory is that
process's peak resident memory (VmHWM; the in-memory DirectRunner runs in it); CPU s is its user and system time,
the figure to compare when other work shares the machine. The second run
finds every file unchanged (the state in OUT/_state), so it reads nothing: it checks that a re-run adds nothing.

Usage: python benchmarks/peer_corpora.py [--snapshots DIR] [--only NAME ...] [--timeout SECONDS] [--keep DIR]
"""
import argparse
import collections
import io
import json
import pathlib
import resource
import subprocess
import sys
import tarfile
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.dataset import read_dataset  # noqa: E402

SNAPSHOTS = ROOT.parent / ".mirror"
# name -> (snapshot folder, folder inside it, file name endings taken (None: all but Python code))
CORPORA = {
    "feedparser": ("kurtmckee+feedparser", "tests/", None),
    "trafilatura": ("adbar+trafilatura", "tests/", (".html", ".html.gz")),
    "fundus": ("flairNLP+fundus", "tests/resources/parser/test_data/", (".html.gz",)),
    "newspaper": ("codelucas+newspaper", "tests/data/html/", (".html",)),
}


def git_dir(snapshots, folder):
    """The bare repository of a snapshot, or None when it is not there."""
    path = pathlib.Path(snapshots) / folder / "repo"
    return path if (path / "HEAD").is_file() else None


def taken(name, under, endings):
    return name.startswith(under) and (name.lower().endswith(endings) if endings else not name.endswith(".py"))


def extract(repo, under, endings, dest):
    """Write the snapshot's files under `under` that end in `endings` into `dest`; how many."""
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", "HEAD", under],
                             check=True, capture_output=True).stdout
    count = 0
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        members = [m for m in tar.getmembers() if m.isfile() and taken(m.name, under, endings)]
        tar.extractall(dest, members=members, filter="data")
        count = len(members)
    return count


# The run in the child, then its peak resident memory (VmHWM) written to the file named by argv[1]: the peak of
# its own address space (ru_maxrss would count the benchmark's memory, which the child starts as a copy of).
CHILD = """
import sys
from pipeline.cli import main
code = main(sys.argv[2:])
with open("/proc/self/status") as status, open(sys.argv[1], "w") as out:
    out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
sys.exit(code)
"""


def parley(folder, out, run_id, timeout):
    """(exit code or 'timeout', wall seconds, CPU seconds, peak MiB, stderr) of one run in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = pathlib.Path(tmp, "peak")
        args = [sys.executable, "-c", CHILD, str(peak_file), "run", str(folder), "--out", str(out), "--quiet",
                "--run-id", run_id]
        started, cpu = time.monotonic(), cpu_seconds()
        try:
            done = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
            code, message = done.returncode, done.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, message = "timeout", ""
        wall, cpu = time.monotonic() - started, cpu_seconds() - cpu
        peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else None
    return code, wall, cpu, peak, message


def cpu_seconds():
    """User and system CPU seconds of the children waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rejects_of(out, run_id):
    """'stage/reason n' of a run's reject rows, most frequent first."""
    try:
        rows = read_dataset(str(out), "rejects", columns=["stage", "reason", "run_id"]).to_pylist()
    except OSError:
        return ""
    counts = collections.Counter(f"{r['stage']}/{r['reason']}" for r in rows if r["run_id"] == run_id)
    return ", ".join(f"{k} {n}" for k, n in counts.most_common())


def row(corpus, files, run_id, out, code, wall, cpu, peak):
    manifest_path = out / "_runs" / f"{run_id}.json"
    if not manifest_path.exists():
        return f"| {corpus} | {run_id} | {files} | exit {code}: no manifest | | | | {wall:.1f} | {cpu:.1f} | {peak or 0:.0f} | no |"
    manifest = json.loads(manifest_path.read_text())
    counts, accounting = manifest["counts"], manifest.get("accounting", {})
    skipped = manifest["inputs"].get("files_unchanged", 0)
    inputs = accounting.get("inputs", "?")
    holds = "yes" if accounting.get("ok") else "**no**"
    return (f"| {corpus} | {run_id} | {files} ({skipped} unchanged) | {inputs} | {counts['articles']} | "
            f"{counts['duplicates']} | {counts['rejects']}: {rejects_of(out, run_id) or '-'} | {wall:.1f} | {cpu:.1f} | "
            f"{peak or 0:.0f} | {holds}{'' if code == 0 else f', exit {code}'} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--snapshots", default=str(SNAPSHOTS), help=f"folder of OWNER+NAME/repo snapshots (default {SNAPSHOTS})")
    ap.add_argument("--only", nargs="+", choices=sorted(CORPORA), help="these corpora only")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds a run may take before it is stopped")
    ap.add_argument("--keep", help="keep the extracted files and outputs in this folder")
    a = ap.parse_args()
    print(f"`python {' '.join(sys.argv)}` (snapshots: {a.snapshots})")
    print()
    print("| corpus | run | files | inputs | articles | duplicates | rejects by stage/reason | wall s | CPU s | peak MiB "
          "| accounting holds |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    work = pathlib.Path(a.keep) if a.keep else pathlib.Path(tempfile.mkdtemp(prefix="parley-peers-"))
    try:
        for corpus in a.only or CORPORA:
            folder, under, endings = CORPORA[corpus]
            repo = git_dir(a.snapshots, folder)
            if repo is None:
                print(f"| {corpus} | missing: no snapshot {pathlib.Path(a.snapshots) / folder / 'repo'} "
                      f"(fetch github:{folder.replace('+', '/')}) | | | | | | | | | |")
                continue
            files = extract(repo, under, endings, work / corpus / "in")
            out = work / corpus / "out"
            for run_id in ("first", "second"):
                code, wall, cpu, peak, err = parley(work / corpus / "in", out, run_id, a.timeout)
                print(row(corpus, files, run_id, out, code, wall, cpu, peak), flush=True)
                if code not in (0, 1):
                    print(f"<!-- {corpus} {run_id}: {' '.join(err.split())[:500]} -->", flush=True)
    finally:
        if not a.keep:
            subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    main()
