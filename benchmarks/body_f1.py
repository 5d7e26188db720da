#!/usr/bin/env python3
"""Article-body quality and speed of transforms.html.extract_html on the shared benchmark (181 real news pages),
against plain trafilatura.extract with its default settings, in one process on the same decoded pages.

Usage: python benchmarks/body_f1.py [--shared ../shared] [--repeats 5] [--out predictions.json]
Quality: the shared scorer (macro precision/recall/F1 over 4-word shingles) on all pages, and the F1 of the
even- and odd-numbered pages (sorted by name) on their own; also after Parley's per-line boilerplate rules
(the recurrence rule, which needs a run over one source, is left out). Speed: both extractors go over all
pages --repeats times, alternating which goes first; medians of CPU and wall seconds. Metadata: our fields
compared with trafilatura.extract_metadata's.
"""
import argparse
import gzip
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

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXTRACTORS = {"parley extract_html": lambda html: extract_html(html),
              "plain trafilatura.extract": lambda html: trafilatura.extract(html) or ""}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default=None, help="also write our bodies as {page: text} JSON")
    args = ap.parse_args()
    bench = pathlib.Path(args.shared) / "benchmarks" / "article-extraction"
    files = sorted((bench / "html").glob("*.html.gz"))
    if not files:
        sys.exit(f"body_f1: no benchmark pages under {bench / 'html'}")
    pages = {p.name[:-len(".html.gz")]: gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in files}
    results, times = race(pages, args.repeats)
    ours = {key: page["text"] for key, page in results["parley extract_html"].items()}
    if args.out:
        pathlib.Path(args.out).write_text(json.dumps(ours), encoding="utf-8")

    scorer = shared_scorer(bench)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    cleaner = Cleaner.from_config(load_yaml("boilerplate"))
    print(f"{len(pages)} pages of {bench}")
    for label, bodies in (("parley extract_html", ours),
                          ("parley + boilerplate rules", {k: cleaner.clean(v).text for k, v in ours.items()}),
                          ("plain trafilatura.extract", results["plain trafilatura.extract"])):
        whole, keys = scorer.score(bodies), sorted(bodies)
        print(f"{label:28s} P {whole['precision']:.4f} R {whole['recall']:.4f} F1 {whole['f1']:.4f}  (even pages "
              f"{macro_f1(scorer, truth, bodies, keys[0::2]):.4f}, odd {macro_f1(scorer, truth, bodies, keys[1::2]):.4f})")
    same = sum(same_metadata(page, pages[key]) for key, page in results["parley extract_html"].items())
    print(f"metadata (title, author, date, site name, url) as trafilatura.extract_metadata's: {same}/{len(pages)} pages")
    for label, runs in times.items():
        print(f"{label:28s} {statistics.median(c for c, _ in runs):.2f} s CPU, "
              f"{statistics.median(w for _, w in runs):.2f} s wall (median of {args.repeats} runs)")
    (parley_cpu, parley_wall), (plain_cpu, plain_wall) = (
        (statistics.median(c for c, _ in runs), statistics.median(w for _, w in runs)) for runs in times.values())
    print(f"parley / plain: {parley_cpu / plain_cpu:.2f} CPU, {parley_wall / plain_wall:.2f} wall")


def race(pages, repeats):
    """The extractors' results, and their (CPU, wall) seconds over all pages per run, alternating who goes first."""
    results, times = {}, {label: [] for label in EXTRACTORS}
    for repeat in range(repeats):
        for label in (list(EXTRACTORS) if repeat % 2 == 0 else list(EXTRACTORS)[::-1]):
            cpu, wall = time.process_time(), time.perf_counter()
            results[label] = {key: EXTRACTORS[label](html) for key, html in pages.items()}
            times[label].append((time.process_time() - cpu, time.perf_counter() - wall))
    return results, times


def shared_scorer(bench):
    spec = importlib.util.spec_from_file_location("shared_body_f1", bench / "body_f1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def macro_f1(scorer, truth, bodies, keys):
    """The shared scorer's macro F1 over some of the pages only."""
    precisions, recalls = zip(*(scorer.prf(truth[k].get("articleBody", ""), bodies.get(k, "")) for k in keys))
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return 2 * p * r / (p + r) if p + r else 0.0


def same_metadata(page, html):
    reference = trafilatura.extract_metadata(html, date_config=DATE_PARAMS)
    return (page["title"], page["author"], page["site_name"], page["url"], page["published_date"]) == (
        reference.title, reference.author, reference.sitename, reference.url, _iso_date(reference.date))


if __name__ == "__main__":
    main()
