#!/usr/bin/env python3
"""Article-body quality and speed of transforms.html.extract_html on the shared benchmarks, against plain
trafilatura.extract, in one process on the same decoded pages.

Usage: python benchmarks/body_f1.py [--shared ../shared] [--sets article-extraction,wcxb-dev] [--repeats 3]
                                    [--out DIR] [--no-speed]

Sets (under SHARED/benchmarks, each with its own body_f1.py scorer: macro precision/recall/F1 over 4-word
shingles): article-extraction (181 news pages) and wcxb-dev (709 article pages from 600+ sites). Each page is
decoded as Parley decodes an input file (transforms.read.decode) and given to every extractor as that text.

Quality, on each set and on each half of it (a page is in half A or B by the first bit of the SHA-256 of its
file name, so the split is nobody's choice): Parley's extract_html; the same after the boilerplate rules of
configs/boilerplate.yaml (the body Parley stores: the recurring-line rule needs a run over one source and is
left out); plain trafilatura.extract with its defaults and with include_comments=False. Then the pages where
Parley's body is under 25% of plain trafilatura's while trafilatura's has at least 500 characters, with the
lengths of trafilatura's body without comments and of the truth, and both F1 (to tell a body lost from reader
comments or page furniture rightly left out), and how many pages have the metadata trafilatura.extract_metadata
gives.

Speed: extract_html (parse, metadata and body: all of Parley's HTML work) and plain trafilatura.extract go over
every page --repeats times, alternating which goes first; medians of CPU and wall seconds, and their ratio.
"""
import argparse
import gzip
import hashlib
import importlib.util
import json
import pathlib
import statistics
import sys
import time

import trafilatura

from pipeline.config import load_yaml
from transforms.clean import Cleaner
from transforms.html import DATE_PARAMS, _iso_date, extract_html
from transforms.read import decode

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETS = {"article-extraction": "articleBody", "wcxb-dev": "main_content"}  # set -> its truth's body field
SHORT_SHARE, SHORT_MIN = 0.25, 500


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated, of: " + ", ".join(SETS))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-speed", action="store_true", help="quality only")
    ap.add_argument("--out", default=None, help="also write each set's bodies as DIR/SET.json ({page: text})")
    args = ap.parse_args()
    for name in args.sets.split(","):
        folder = pathlib.Path(args.shared) / "benchmarks" / name
        if name not in SETS or not (folder / "ground-truth.json").is_file():
            print(f"body_f1: no benchmark {name!r} under {folder.parent} (skipped)")
            continue
        run_set(name, folder, args)


def run_set(name, folder, args):
    truth = {key: item.get(SETS[name]) or "" for key, item in
             json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")).items()}
    pages = {key: decode(gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())) for key in sorted(truth)}
    print(f"== {name}: {len(pages)} pages of {folder}")
    results = {key: extract_html(html) for key, html in pages.items()}
    ours = {key: page["text"] for key, page in results.items()}
    cleaner = Cleaner.from_config(load_yaml("boilerplate"))
    bodies = {"parley extract_html": ours,
              "parley + boilerplate rules": {key: cleaner.clean(text).text for key, text in ours.items()},
              "trafilatura default": {key: trafilatura.extract(html) or "" for key, html in pages.items()},
              "trafilatura no comments": {key: trafilatura.extract(html, include_comments=False) or ""
                                          for key, html in pages.items()}}
    prf = shared_scorer(folder).prf
    halves = {"A": [k for k in truth if half(k) == 0], "B": [k for k in truth if half(k) == 1]}
    for label, texts in bodies.items():
        whole = macro(prf, truth, texts, list(truth))
        print(f"  {label:27s} P {whole[0]:.4f} R {whole[1]:.4f} F1 {whole[2]:.4f}   " + "  ".join(
            f"half {h} ({len(keys)}) F1 {macro(prf, truth, texts, keys)[2]:.4f}" for h, keys in halves.items()))
    plain, no_comments = bodies["trafilatura default"], bodies["trafilatura no comments"]
    short = [k for k in truth if len(plain[k]) >= SHORT_MIN and len(ours[k]) < SHORT_SHARE * len(plain[k])]
    print(f"  bodies under {SHORT_SHARE:.0%} of plain trafilatura's (when it has >= {SHORT_MIN} characters): "
          f"{len(short)}" + "".join(
              f"\n    {k}: {len(ours[k])} vs {len(plain[k])} characters ({len(no_comments[k])} without comments, "
              f"{len(truth[k])} in the truth); F1 {f1(*prf(truth[k], ours[k])):.2f} vs "
              f"{f1(*prf(truth[k], plain[k])):.2f}"
              for k in short))
    same = sum(same_metadata(results[key], html) for key, html in pages.items())
    print(f"  metadata (title, author, date, site name, url) as trafilatura.extract_metadata's: {same}/{len(pages)}")
    if args.out:
        out = pathlib.Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{name}.json").write_text(json.dumps(ours), encoding="utf-8")
    if not args.no_speed:
        race(pages, args.repeats)


def half(key):
    """0 or 1: the first bit of the SHA-256 of a page's file name."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] & 1


def macro(prf, truth, texts, keys):
    """(precision, recall, F1) macro-averaged over `keys`, as the shared scorers compute them."""
    scores = [prf(truth[k], texts.get(k, "")) for k in keys]
    p, r = (sum(s[i] for s in scores) / len(scores) for i in (0, 1))
    return p, r, f1(p, r)


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def shared_scorer(folder):
    """The scorer module of the shared article-extraction set, which every set's body_f1.py uses."""
    path = folder.parent / "article-extraction" / "body_f1.py"
    spec = importlib.util.spec_from_file_location("shared_body_f1", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def same_metadata(page, html):
    reference = trafilatura.extract_metadata(html, date_config=DATE_PARAMS)
    return (page["title"], page["author"], page["site_name"], page["url"], page["published_date"]) == (
        reference.title, reference.author, reference.sitename, reference.url, _iso_date(reference.date))


def race(pages, repeats):
    """CPU and wall seconds of Parley's HTML work and of plain trafilatura.extract over all pages, alternating."""
    runners = {"parley extract_html": extract_html, "plain trafilatura.extract": trafilatura.extract}
    times = {label: [] for label in runners}
    for repeat in range(repeats):
        for label in (list(runners) if repeat % 2 == 0 else list(runners)[::-1]):
            cpu, wall = time.process_time(), time.perf_counter()
            for html in pages.values():
                runners[label](html)
            times[label].append((time.process_time() - cpu, time.perf_counter() - wall))
    medians = {label: [statistics.median(run[i] for run in runs) for i in (0, 1)] for label, runs in times.items()}
    for label, (cpu, wall) in medians.items():
        print(f"  {label:27s} {cpu:.2f} s CPU, {wall:.2f} s wall (median of {repeats} runs)")
    (ours_cpu, ours_wall), (plain_cpu, plain_wall) = medians.values()
    print(f"  parley / plain: {ours_cpu / plain_cpu:.2f} CPU, {ours_wall / plain_wall:.2f} wall")


if __name__ == "__main__":
    sys.exit(main())
