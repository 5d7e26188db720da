#!/usr/bin/env python3
"""What the progress line costs: one tick (a one-byte append) per file, one poll of the folder, and whole runs
of `parley run` over copies of the seeds with progress on (stderr not a terminal: the read stage ticks, the
launcher polls every 5 s) and with --quiet (no folder, no ticks), taking turns.

Usage: python benchmarks/progress_overhead.py [--files N] [--rounds R]
"""
import argparse
import pathlib
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from pipeline.progress import Ticker, finished

ROOT = pathlib.Path(__file__).resolve().parent.parent


def per_call(fn, n):
    started = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - started) / n


def corpus(folder, files):
    """`files` copies of the seeds, 100 to a folder, each with a line of its own."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(files):
        path = folder / f"f{i // 100:03d}" / f"a{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{texts[i % len(texts)]}\n\nCopy {i} of the archive.\n", encoding="utf-8")


def run(inputs, out, quiet):
    """(wall seconds the run reports, CPU seconds of its process)."""
    args = [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out)] + (["--quiet"] if quiet else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return float(re.search(r" in ([\d.]+) s ->", done.stderr).group(1)), cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        ticker = Ticker(str(tmp))
        print(f"tick: {per_call(ticker.tick, 100_000) * 1e6:.2f} us per file; "
              f"poll: {per_call(lambda: finished(str(tmp)), 1000) * 1e6:.1f} us per poll")
        ticker.close()
        corpus(tmp / "in", args.files)
        times = {"quiet": [], "progress": []}
        for r in range(args.rounds):
            for mode in times:
                times[mode].append(run(tmp / "in", tmp / f"out-{mode}-{r}", mode == "quiet"))
                print(f"round {r + 1}: {mode:8s} {times[mode][-1][0]:.1f} s wall, {times[mode][-1][1]:.1f} s CPU",
                      flush=True)
        for mode, measured in times.items():
            print(f"{mode:8s} median {statistics.median(m[0] for m in measured):.1f} s wall, "
                  f"{statistics.median(m[1] for m in measured):.1f} s CPU over {args.files} files")


if __name__ == "__main__":
    main()
