#!/usr/bin/env python3
"""Extraction speed on one core: milliseconds per 1,000 words of article text, for the meeting extractor
alone, over the seed texts and (when ../shared is present) the bodies of the 181 benchmark news pages. The
gazetteers and patterns are built once before timing, as each worker does in DoFn.setup().

Usage: python benchmarks/extract_speed.py [--repeat N] [--shared DIR]
"""
import argparse
import gzip
import pathlib
import statistics
import time

from pipeline.config import load_yaml
from transforms.extract import Extractor
from transforms.html import extract_html
from transforms.read import split_date_header

ROOT = pathlib.Path(__file__).resolve().parent.parent


def corpora(shared):
    yield "seeds", [split_date_header(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages = sorted((pathlib.Path(shared) / "benchmarks" / "article-extraction" / "html").glob("*.html.gz"))
    if pages:
        yield "news pages", [(None, extract_html(gzip.decompress(p.read_bytes()).decode("utf-8", "replace"))["text"])
                             for p in pages]


def measure(extractor, docs, repeat):
    """(articles, words, meetings, CPU seconds, fastest CPU seconds) of one pass over `docs`: the median of `repeat`
    passes, so that other processes on the machine move the figure less, and the fastest pass (what the code costs
    when nothing else competes for the cache)."""
    words = sum(len(text.split()) for _, text in docs)
    times = []
    for _ in range(repeat):
        started = time.process_time()
        meetings = sum(len(extractor.extract(text, published)) for published, text in docs)
        times.append(time.process_time() - started)
    return len(docs), words, meetings, statistics.median(times), min(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    started = time.process_time()
    extractor = Extractor.from_config(load_yaml)
    print(f"gazetteers loaded in {time.process_time() - started:.2f} s CPU")
    for name, docs in corpora(args.shared):
        n, words, meetings, elapsed, fastest = measure(extractor, docs, args.repeat)
        print(f"{name}: {n} articles, {words} words, {meetings} meetings in {elapsed:.3f} s CPU (median of "
              f"{args.repeat} passes): {1000 * elapsed / n:.2f} ms/article, {1e6 * elapsed / words:.2f} ms per "
              f"1,000 words (fastest pass {1e6 * fastest / words:.2f})")
    print(f"reproduce: python benchmarks/extract_speed.py --repeat {args.repeat}")


if __name__ == "__main__":
    main()
