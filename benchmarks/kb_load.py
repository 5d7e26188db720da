#!/usr/bin/env python3
"""The knowledge base of political actors: how long loading it takes (configs/actors.tsv and people.yaml into a
`KnowledgeBase`, as each worker does once in DoFn.setup()), what it holds in memory, and how fast its lookups are.
Each load runs in a fresh process, as on a worker; the figures are the median of N of them, in CPU and wall
seconds (wall time also counts other processes on the machine). Then the Python memory one KnowledgeBase holds
(tracemalloc), the time of a lookup, and what the knowledge base contains.

Usage: python benchmarks/kb_load.py [--repeat N]
"""
import argparse
import datetime
import json
import pathlib
import statistics
import subprocess
import sys
import time
import tracemalloc

from pipeline.config import load_text
from transforms.extract.kb import KnowledgeBase

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load_once(edited):
    """CPU and wall seconds of one load in this process; `edited`: with a people.yaml changed since the build."""
    texts = {name: load_text(name) for name in ("actors.tsv", "people.yaml")}
    if edited:
        texts["people.yaml"] += "\n# edited\n"
    started, started_wall = time.process_time(), time.perf_counter()
    KnowledgeBase.load(texts.__getitem__)
    return time.process_time() - started, time.perf_counter() - started_wall


def fresh_loads(repeat, edited):
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, "--once"] + (["--edited"] if edited else []), cwd=ROOT,
                              check=True, capture_output=True, text=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--edited", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        print(json.dumps(load_once(args.edited)))
        return
    cpu, wall = fresh_loads(args.repeat, edited=False)
    merge_cpu, merge_wall = fresh_loads(args.repeat, edited=True)
    tracemalloc.start()
    kb = KnowledgeBase.from_config()
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    day = datetime.date(2005, 6, 1)
    lookups = [lambda: kb.by_name("Jean Chretien"), lambda: kb.by_name("Paul D. Martin"), lambda: kb.by_surname("Gul"),
               lambda: kb.holders("Prime Minister", "Norway", day)]
    started = time.process_time()
    for _ in range(2500):
        for lookup in lookups:
            lookup()
    per_lookup = (time.process_time() - started) / (2500 * len(lookups))
    derived_heads = sum(1 for a in kb.actors if any(r.startswith(("Head of State of", "Head of Government of"))
                                                   for r, _, _ in a.offices))
    print(f"load: {cpu:.3f} s CPU, {wall:.3f} s wall (median of {args.repeat} fresh processes; actors.tsv built "
          "with this people.yaml)")
    print(f"load with a people.yaml edited since (merged again): {merge_cpu:.3f} s CPU, {merge_wall:.3f} s wall")
    print(f"memory: {held / 2**20:.0f} MiB held by one KnowledgeBase (tracemalloc)")
    print(f"lookups: {per_lookup * 1e6:.1f} µs each (by_name, by_surname, holders)")
    print(f"contents: {len(kb.actors)} actors, {derived_heads} with derived head-of-state/government terms; "
          f"{len(kb.countries)} countries; horizon {kb.horizon}")
    print("command: python benchmarks/kb_load.py" + (f" --repeat {args.repeat}" if args.repeat != 7 else ""))


if __name__ == "__main__":
    main()
