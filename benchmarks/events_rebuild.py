#!/usr/bin/env python3
"""Time and memory of `parley events DIR` over synthetic meeting rows.

Usage: python benchmarks/events_rebuild.py [ROWS] [--folder DIR] [BEAM FLAGS...]
Writes ROWS meeting rows (default 100,000: 2,000 pairs of people, dates at day, month and year precision,
a few cities, planned/held/cancelled) and one article per two meetings into DIR/meetings and DIR/articles,
then runs the rebuild as a child process and prints rows, events, wall seconds and peak memory.
"""
import argparse
import datetime
import pathlib
import random
import shutil
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from throughput import ROOT, measure  # noqa: E402

from transforms.events import count_rows  # noqa: E402
from transforms.write import final_path, partition_value, to_table, write_table  # noqa: E402

CITIES = [None, "Geneva", "Vienna", "Oslo", "Doha", "Lima"]


def synthesise(folder, rows, rnd):
    """Meeting and article files in `folder`, one file per partition."""
    people = [{"name": f"Person {i}", "country": f"C{i % 50}", "role": None} for i in range(400)]
    meetings, articles = {}, {}
    for i in range(rows):
        pair = rnd.randrange(2000)
        a, b = people[pair % 400], people[(pair * 7 + 1) % 400]
        precision = rnd.choice(["day", "day", "month", "year", None])
        day = datetime.date(2015 + pair % 10, 1 + pair % 12, 1) + datetime.timedelta(days=rnd.randrange(20))
        day = {"day": day, "month": day.replace(day=1), "year": day.replace(month=1, day=1), None: None}[precision]
        article = f"a{i // 2}"
        row = {"meeting_id": f"m{i}", "article_id": article, "participants": [a, b] if a != b else [a, people[0]],
               "delegation": [], "status": rnd.choice(["planned", "held", "held", "cancelled"]),
               "format": rnd.choice(["in_person", "in_person", "phone"]), "meeting_date": day,
               "date_precision": precision, "city": rnd.choice(CITIES), "topics": [rnd.choice(["trade", "energy"])]}
        meetings.setdefault(partition_value(row, "meetings"), []).append(row)
        published = datetime.date(2015, 1, 1) + datetime.timedelta(days=rnd.randrange(3650))
        articles.setdefault(published.isoformat(), {})[article] = {"article_id": article, "source": f"/in/{article}.txt",
                                                                    "published_date": published}
    for dataset, parts in (("meetings", meetings), ("articles", {k: list(v.values()) for k, v in articles.items()})):
        for partition, part_rows in parts.items():
            write_table(to_table(part_rows, dataset), final_path(str(folder), dataset, partition, "synthetic", 0))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=int, nargs="?", default=100_000)
    ap.add_argument("--folder", help="output folder to build (default: a temp folder, removed afterwards)")
    a, flags = ap.parse_known_args()
    folder = pathlib.Path(a.folder or tempfile.mkdtemp(prefix="parley-events-"))
    try:
        synthesise(folder, a.rows, random.Random(7))
        parley = ROOT / ".venv" / "bin" / "parley"
        wall, cpu, peak, rc = measure([str(parley) if parley.exists() else "parley", "events", str(folder), *flags])
        if rc:
            sys.exit(f"parley events failed with exit code {rc}")
        print(f"{count_rows(str(folder), 'meetings')} meeting rows -> {count_rows(str(folder), 'events')} events "
              f"in {wall:.1f} s (cpu {cpu:.1f} s), peak {peak / 2**20:.0f} MiB; parley events {' '.join(flags)}")
    finally:
        if not a.folder:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
