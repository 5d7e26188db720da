#!/usr/bin/env python3
"""Extraction speed: articles per second of the meeting extractor alone, over the seed texts repeated.

Usage: python benchmarks/extract_speed.py [--repeat N]
"""
import argparse
import pathlib
import time

from pipeline.config import load_yaml
from transforms.extract import Extractor
from transforms.read import split_date_header

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    started = time.perf_counter()
    extractor = Extractor.from_config(load_yaml)
    loaded = time.perf_counter() - started
    docs = [split_date_header(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    started = time.perf_counter()
    meetings = sum(len(extractor.extract(text, published)) for _ in range(args.repeat) for published, text in docs)
    elapsed = time.perf_counter() - started
    n = args.repeat * len(docs)
    print(f"gazetteers loaded in {loaded:.2f} s; {n} articles, {meetings} meetings in {elapsed:.2f} s: "
          f"{n / elapsed:.0f} articles/s, {1000 * elapsed / n:.2f} ms/article")
    print(f"reproduce: python benchmarks/extract_speed.py --repeat {args.repeat}")


if __name__ == "__main__":
    main()
