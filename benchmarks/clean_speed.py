#!/usr/bin/env python3
"""Cleaning speed on one core: CPU milliseconds per 1,000 words of text article, for the boilerplate rules alone.

Usage: python benchmarks/clean_speed.py [FOLDER] [--repeat N]
  FOLDER  text articles (*.txt; default: seeds/); e.g. a corpus built by benchmarks/throughput.py
"""
import argparse
import pathlib
import time

from pipeline.config import load_yaml
from transforms.clean import Cleaner
from transforms.read import split_date_header

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "seeds"))
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    texts = [split_date_header(p.read_text(encoding="utf-8"))[1] for p in sorted(pathlib.Path(a.folder).glob("*.txt"))]
    cleaner = Cleaner.from_config(load_yaml("boilerplate"))
    words = sum(len(t.split()) for t in texts) * a.repeat
    started = time.process_time()
    for _ in range(a.repeat):
        for text in texts:
            cleaner.clean(text, frozenset())
    elapsed = time.process_time() - started
    print(f"{len(texts)} text articles x {a.repeat}: {words} words, {elapsed:.2f} s CPU, "
          f"{1000 * elapsed / (words / 1000):.2f} ms per 1,000 words")


if __name__ == "__main__":
    main()
