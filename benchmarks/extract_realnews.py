#!/usr/bin/env python3
"""Meeting extraction on real news nobody here wrote, with gold made by hand: the dev set of ../shared/eval/realnews
(53 articles of four collections) or, with `--set voa`, benchmarks/voa (115 Voice of America stories of the M2E2
corpus, 2013-2017). Rebuilds the texts from their public snapshots when needed (../shared/eval/realnews/build_docs.py),
runs `parley run` over them and scores the output with ../shared/eval/score.py, on the whole set and on each half
(the set's own split, else documents split by a hash of their name), so that a rule is seen to help on both.

Usage: python benchmarks/extract_realnews.py [--set realnews|voa] [--shared DIR] [--docs DIR] [--out DIR] [--per-doc]
                                            [--errors]
"""
import argparse
import collections
import hashlib
import importlib.util
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def half(doc, halves=None):
    """'A' or 'B': the set's own split (`halves`), else a fixed split of the documents by a hash of their name."""
    return (halves or {}).get(doc) or "AB"[hashlib.sha256(doc.encode()).digest()[0] % 2]


def load_scorer(shared):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(realnews, listed, docs):
    """Rebuilds the texts `listed` (a docs.json) into `docs` unless they are there; exits with build_docs.py's
    message when a snapshot is missing."""
    if docs.is_dir() and len(list(docs.glob("*.txt"))) == len(json.loads(listed.read_text())):
        return
    done = subprocess.run([sys.executable, str(realnews / "build_docs.py"), str(listed), str(docs)],
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"extract_realnews: cannot rebuild the texts: {(done.stderr or done.stdout).strip()}")


def run(docs, out):
    parley = shutil.which("parley", path=str(pathlib.Path(sys.executable).parent)) or "parley"
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run([parley, "run", str(docs), "--out", str(out), "--quiet"], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"extract_realnews: parley run failed: {done.stderr.strip()}")


def report(scorer, gold, articles, meetings, label):
    result = scorer.score_meetings(gold, articles, meetings)
    m = result["meetings"]
    fields = " ".join(f"{k} {v:.3f}" for k, v in result["fields"].items())
    silent = [d for d, r in result["per_doc"].items() if r["gold_required"] == 0 and not any(
        g["doc"] == d for g in gold) and r["predicted"]]
    print(f"{label:8} F1 {m['f1']:.3f} P {m['precision']:.3f} R {m['recall']:.3f} (tp {m['tp']} fp {m['fp']} "
          f"fn {m['fn']}) | {fields} | rows in no-meeting articles: {len(silent)}")
    return result


def errors(gold, articles, meetings):
    """Each document's gold rows and predicted rows side by side, for error analysis."""
    names = {a["article_id"]: pathlib.Path(str(a["source"])).name for a in articles}
    by_doc = collections.defaultdict(list)
    for m in meetings:
        by_doc[names.get(m["article_id"], "?")].append(m)
    for doc in sorted({g["doc"] for g in gold} | set(by_doc)):
        print(f"== {doc}")
        for g in (g for g in gold if g["doc"] == doc):
            print(f"  gold{'' if g['required'] else '?'}: {'/'.join(g['participants'])} {g['status']} {g['format']} "
                  f"{g['date_accept']} {g['city']} {g['country']} dl={g['delegation']} t={g['topics']}")
        for m in by_doc.get(doc, []):
            who = "/".join(p["name"] for p in m["participants"])
            print(f"  pred: {who} {m['status']} {m['format']} {m['meeting_date']} {m.get('date_precision')} "
                  f"{m['city']} {m['country']} dl={[p['name'] for p in m['delegation'] or []]} t={m['topics']}\n"
                  f"        | {m['evidence'][:200]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("realnews", "voa"), default="realnews",
                    help="realnews: ../shared/eval/realnews; voa: benchmarks/voa")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--docs", help="folder of the rebuilt texts (default: a temporary folder)")
    ap.add_argument("--out", help="output folder of the run (default: a temporary folder)")
    ap.add_argument("--per-doc", action="store_true", help="print each document's counts")
    ap.add_argument("--errors", action="store_true", help="print gold and predicted rows of each document")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    realnews = shared / "eval" / "realnews"
    folder = realnews if args.set == "realnews" else ROOT / "benchmarks" / "voa"
    if not (realnews / "build_docs.py").is_file() or not (folder / "gold.jsonl").is_file():
        sys.exit(f"extract_realnews: no real-news dev set at {realnews}")
    listed = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
    halves = {doc: d["half"] for doc, d in listed.items() if d.get("half")}
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="parley-realnews-"))
    docs, out = pathlib.Path(args.docs or scratch / "docs"), pathlib.Path(args.out or scratch / "out")
    build(realnews, folder / "docs.json", docs)
    run(docs, out)
    scorer = load_scorer(shared)
    gold = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8") if line.strip()]
    articles = scorer.read_table(str(out / "articles"))
    meetings = scorer.read_table(str(out / "meetings"))
    doc_of = {a["article_id"]: pathlib.Path(str(a["source"])).name for a in articles}
    result = report(scorer, gold, articles, meetings, "all")
    for h in "AB":
        arts = [a for a in articles if half(doc_of[a["article_id"]], halves) == h]
        ids = {a["article_id"] for a in arts}
        report(scorer, [g for g in gold if half(g["doc"], halves) == h], arts,
               [m for m in meetings if m["article_id"] in ids], f"half {h}")
    if args.per_doc:
        for doc, counts in result["per_doc"].items():
            print(f"  {doc} ({half(doc, halves)}): {counts}")
    if args.errors:
        errors(gold, articles, meetings)
    if not args.out:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"reproduce: python benchmarks/extract_realnews.py --set {args.set}   (texts rebuilt with "
          "../shared/eval/realnews/build_docs.py from the snapshots fetched with the search tool's fetch; scored by "
          "../shared/eval/score.py)")


if __name__ == "__main__":
    main()
