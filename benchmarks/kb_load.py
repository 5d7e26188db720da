#!/usr/bin/env python3
"""The knowledge base of political actors: how long loading it takes (configs/actors.tsv and people.yaml into
`KnowledgeBase`, as each worker does once in DoFn.setup()), what it holds in memory, and how fast its lookups are.
Prints CPU and wall seconds (the median of N loads in this process; wall time also counts other processes on the
machine), the Python memory of one KnowledgeBase (tracemalloc) and the process's peak RSS, then its contents:
actors, actors with head-of-state or head-of-government terms, countries.

Usage: python benchmarks/kb_load.py [--repeat N]
"""
import argparse
import datetime
import resource
import statistics
import time
import tracemalloc

from pipeline.config import load_text
from transforms.extract.kb import KnowledgeBase


def timed(repeat, make):
    cpu, wall = [], []
    for _ in range(repeat):
        started, started_wall = time.process_time(), time.perf_counter()
        make()
        cpu.append(time.process_time() - started)
        wall.append(time.perf_counter() - started_wall)
    return statistics.median(cpu), statistics.median(wall)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = {name: load_text(name) for name in ("actors.tsv", "people.yaml")}
    cpu, wall = timed(args.repeat, lambda: KnowledgeBase.load(texts.__getitem__))
    edited = dict(texts, **{"people.yaml": texts["people.yaml"] + "\n# edited\n"})
    merge_cpu, merge_wall = timed(args.repeat, lambda: KnowledgeBase.load(edited.__getitem__))
    tracemalloc.start()
    kb = KnowledgeBase.load(texts.__getitem__)
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    heads = sum(1 for a in kb.actors if any(r.startswith(("Head of", "President of", "Prime Minister of"))
                                           for r, _, _ in a.offices))
    derived_heads = sum(1 for a in kb.actors if any(r.startswith("Head of State") or r.startswith("Head of Government")
                                                   for r, _, _ in a.offices))
    day = datetime.date(2005, 6, 1)
    lookups = [lambda: kb.by_name("Jean Chretien"), lambda: kb.by_name("Paul D. Martin"), lambda: kb.by_surname("Gul"),
               lambda: kb.holders("Prime Minister", "Norway", day)]
    per_lookup, _ = timed(3, lambda: [f() for f in lookups for _ in range(2500)])
    print(f"load: {cpu:.3f} s CPU, {wall:.3f} s wall (median of {args.repeat}; actors.tsv built with this people.yaml)")
    print(f"load with an edited people.yaml (merged again): {merge_cpu:.3f} s CPU, {merge_wall:.3f} s wall")
    print(f"memory: {held / 2**20:.0f} MiB held by one KnowledgeBase (tracemalloc); process peak RSS {rss:.0f} MiB")
    print(f"lookups: {per_lookup / (len(lookups) * 2500) * 1e6:.1f} µs each (by_name, by_surname, holders)")
    print(f"contents: {len(kb.actors)} actors, {derived_heads} with derived head-of-state/government terms, "
          f"{heads} with any head or titled head office; {len(kb.countries)} countries; horizon {kb.horizon}")
    print("command: python benchmarks/kb_load.py" + (f" --repeat {args.repeat}" if args.repeat != 5 else ""))


if __name__ == "__main__":
    main()
