#!/usr/bin/env python3
"""Meetings the extractor finds on the 181 real news pages of ../shared/benchmarks/article-extraction, read,
cleaned and extracted as `parley run` does (published date from the page), listed one per line so that
precision on articles that report no meeting is measured. With --record/--check, the extractor's output per
page is written to or compared with a JSON file (pages are keyed by a hash of their cleaned text, so a page
whose body changed with HTML or cleaning work is reported, not compared).

Usage: python benchmarks/extract_news.py [--shared DIR] [--record FILE | --check FILE]
"""
import argparse
import hashlib
import json
import pathlib
import sys

from pipeline.config import load_yaml
from transforms.articles import load_source
from transforms.clean import Cleaner
from transforms.extract import Extractor
from transforms.read import Rejected

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_BYTES = 50_000_000


def articles(shared):
    """(page name, cleaned text, published date) of every benchmark page with an article body."""
    cleaner = Cleaner.from_config(load_yaml("boilerplate"))
    for path in sorted((pathlib.Path(shared) / "benchmarks" / "article-extraction" / "html").glob("*.html.gz")):
        try:
            doc = load_source(str(path), MAX_BYTES)
        except Rejected:
            continue
        yield path.name.split(".")[0], cleaner.clean(doc.text, frozenset()).text, doc.published_date


def snapshot(extractor, shared):
    """{page: {"text": hash of the cleaned text, "meetings": [records as JSON values]}}."""
    return {name: {"text": hashlib.sha1(text.encode()).hexdigest()[:16],
                   "meetings": json.loads(json.dumps(extractor.extract(text, published), default=str))}
            for name, text, published in articles(shared)}


def describe(name, m):
    who = " + ".join(p["name"] for p in m["participants"])
    place = ", ".join(filter(None, (m["venue"], m["city"], m["country"]))) or "-"
    return (f"{name}: {who} | {m['status']} {m['format']} | {m['meeting_date'] or '-'} ({m['date_text'] or '-'}) | "
            f"{place} | {m['evidence'][:140]}")


def compare(recorded, now):
    """Lines describing where `now` differs from `recorded`, and how many pages were compared."""
    problems, compared = [], 0
    for name in sorted(set(recorded) | set(now)):
        old, new = recorded.get(name), now.get(name)
        if old is None or new is None:
            problems.append(f"{name}: page {'added' if old is None else 'missing'}")
        elif old["text"] != new["text"]:
            print(f"{name}: cleaned text changed, not compared", file=sys.stderr)
        else:
            compared += 1
            if old["meetings"] != new["meetings"]:
                problems.append(f"{name}: extractor output differs")
    return problems, compared


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--record", metavar="FILE")
    group.add_argument("--check", metavar="FILE")
    args = ap.parse_args()
    now = snapshot(Extractor.from_config(load_yaml), args.shared)
    if not now:
        sys.exit(f"extract_news: no pages under {args.shared}/benchmarks/article-extraction/html")
    found = [(name, m) for name, page in now.items() for m in page["meetings"]]
    for name, m in found:
        print(describe(name, m))
    print(f"{len(now)} pages, {len({name for name, _ in found})} with meetings, {len(found)} meetings")
    if args.record:
        pathlib.Path(args.record).write_text(json.dumps(now, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    if args.check:
        problems, compared = compare(json.loads(pathlib.Path(args.check).read_text(encoding="utf-8")), now)
        print(f"check: {compared} pages compared, {len(problems)} differences")
        for line in problems:
            print(line)
        if problems or compared < len(now) / 2:
            sys.exit(1)


if __name__ == "__main__":
    main()
