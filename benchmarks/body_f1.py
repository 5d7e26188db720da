#!/usr/bin/env python3
"""Article-body quality of transforms.html.extract_html on the shared benchmark (181 real news pages).

Usage: python benchmarks/body_f1.py [--shared ../shared] [--out predictions.json]
Runs the extraction, then the shared scorer (macro precision/recall/F1 over 4-word shingles).
"""
import argparse
import gzip
import json
import pathlib
import subprocess
import sys
import tempfile
import time

from transforms.html import extract_html

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    bench = pathlib.Path(args.shared) / "benchmarks" / "article-extraction"
    pages = sorted((bench / "html").glob("*.html.gz"))
    if not pages:
        sys.exit(f"body_f1: no benchmark pages under {bench / 'html'}")
    started = time.perf_counter()
    predictions = {p.name[:-len(".html.gz")]: extract_html(gzip.decompress(p.read_bytes()).decode("utf-8", "replace"))["text"]
                   for p in pages}
    elapsed = time.perf_counter() - started
    out = args.out or tempfile.mkstemp(suffix=".json")[1]
    pathlib.Path(out).write_text(json.dumps(predictions), encoding="utf-8")
    subprocess.run([sys.executable, str(bench / "body_f1.py"), out], check=True)
    print(f"{len(pages)} pages in {elapsed:.1f} s ({len(pages) / elapsed:.1f} pages/s)")
    print("reproduce: python benchmarks/body_f1.py")


if __name__ == "__main__":
    main()
