#!/usr/bin/env python3
"""Throughput and memory of `parley run` against the floor, in one run.

The floor is the work no design can avoid: a plain Python loop that reads every file and runs
`trafilatura.extract` with default settings on the HTML ones. Both run as child processes; peak memory is
the largest sum of resident memory over the whole process tree (Beam's worker processes included),
sampled every 50 ms from /proc.

Usage: python benchmarks/throughput.py [N] [--corpus DIR] [--workers K] [--skip-floor] [BEAM FLAGS...]
  N          documents (default 2000); the corpus is built with ../shared/benchmarks/make_corpus.py
  --workers  0 = the default DirectRunner (in memory); K > 0 = multi_processing with K workers
"""
import argparse
import os
import resource
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT.parent / "shared" / "benchmarks" / "make_corpus.py"
FLOOR = """
import os, sys, trafilatura
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), "rb") as f:
        data = f.read()
    if name.endswith((".html", ".htm")):
        trafilatura.extract(data.decode("utf-8", "replace"))
"""


def _children():
    """pid -> parent pid of every process."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    return parents


def tree_rss(root):
    """Resident bytes of `root` and all its descendants."""
    parents, tree, total = _children(), {root}, 0
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total


def measure(cmd):
    """(wall seconds, CPU seconds, peak tree RSS bytes, return code) of a child process and its descendants."""
    started, cpu = time.monotonic(), _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.monotonic() - started
    sampler.join()
    if proc.returncode:
        sys.stderr.write(err.decode("utf-8", "replace"))
    return wall, _children_cpu() - cpu, peak[0], proc.returncode


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def corpus(n, folder):
    """`folder` as it is when it exists, else a new corpus of `n` documents built there."""
    folder = pathlib.Path(folder)
    if folder.is_dir():
        return folder
    if not MAKE_CORPUS.exists():
        sys.exit(f"no corpus at {folder} and no {MAKE_CORPUS} to build one")
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(n), str(folder), "--seeds", str(ROOT / "seeds")], check=True)
    return folder


def line(name, docs, mb, wall, cpu, peak):
    print(f"{name:8s} {docs:6d} docs  {mb:7.1f} MB  {wall:7.1f} s  {docs / wall:6.1f} docs/s  "
          f"peak {peak / 2**20:6.0f} MiB  (cpu {cpu:.1f} s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--corpus", help="corpus folder, used as it is when it exists (default: /tmp/parley-corpus-N)")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--skip-floor", action="store_true")
    a, flags = ap.parse_known_args()
    folder = corpus(a.n, a.corpus or f"/tmp/parley-corpus-{a.n}")
    files = [f for f in folder.iterdir() if f.is_file()]
    docs, mb = len(files), sum(f.stat().st_size for f in files) / 1e6
    if a.workers:
        flags += ["--direct_running_mode=multi_processing", f"--direct_num_workers={a.workers}"]
    out = tempfile.mkdtemp(prefix="parley-bench-")
    try:
        wall, cpu, peak, rc = measure([str(ROOT / ".venv" / "bin" / "parley") if (ROOT / ".venv").exists() else "parley",
                                  "run", str(folder), "--out", out, *flags])
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"corpus {folder}; parley run {' '.join(flags) or '(default DirectRunner)'}")
    if rc:
        sys.exit(f"parley run failed with exit code {rc}")
    line("parley", docs, mb, wall, cpu, peak)
    if not a.skip_floor:
        floor_wall, floor_cpu, floor_peak, _ = measure([sys.executable, "-c", FLOOR, str(folder)])
        line("floor", docs, mb, floor_wall, floor_cpu, floor_peak)
        print(f"ratio    wall {wall / floor_wall:.2f} x the floor's")


if __name__ == "__main__":
    main()
