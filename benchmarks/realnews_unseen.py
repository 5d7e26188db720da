#!/usr/bin/env python3
"""Meeting rows on real articles that no gold covers, for review by eye: samples articles with meeting words from
the dev set's four public collections, leaving out the dev set's own (../shared/eval/realnews/docs.json), runs
`parley run` over them and prints each row with the sentence it rests on. Rules are checked here on text they were
not tuned on; a new seed draws another sample.

Usage: python benchmarks/realnews_unseen.py [--seed N] [--per-collection N] [--shared DIR] [--mirror DIR]
                                            [--docs DIR] [--out DIR] [--gold FILE] [--only FILE]

With --gold, the rows are also scored against a gold file made for that sample (benchmarks/unseen89/gold.jsonl is
the gold of --seed 89, made by hand without seeing Parley's output; benchmarks/unseen97 that of the 107 articles of
--seed 97 --per-collection 60 that no earlier sample drew, listed by --only with the half each is in; unseen101 the
same for 100 articles of --seed 101 --per-collection 90, unseen103 for 100 of --seed 103 --per-collection 120,
unseen107 for 100 of --seed 107 --per-collection 160, unseen113 for the 82 of --seed 113 --per-collection 220).
"""
import argparse
import csv
import html
import importlib.util
import io
import itertools
import json
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import pyarrow.dataset as ds

from extract_realnews import load_scorer  # (this script's folder is on the path)

ROOT = pathlib.Path(__file__).resolve().parent.parent
CUE = re.compile(r"\b(?:met|meet|meets|meeting|talks|visit|summit|telephone)\b")
MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


def load_builder(realnews):
    spec = importlib.util.spec_from_file_location("build_docs", realnews / "build_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def paths(snap, repo, prefix):
    git = snap.git_dir(repo)
    listing = subprocess.run(["git", "-C", git, "ls-tree", "-r", "--name-only", "HEAD", prefix],
                             capture_output=True, text=True, check=True).stdout
    return sorted(listing.split())


def bbc(b, snap, used, rnd):
    for path in rnd.sample(found := paths(snap, "ZitRos/news-articles-dataset", "news/politics/"), len(found)):
        if path not in used:
            title, text = b.bbc(snap.show("ZitRos/news-articles-dataset", "HEAD", path))
            yield "bbc_" + pathlib.Path(path).stem, None, title, text


def reuters(b, snap, used, rnd):
    stories = []
    for name in (f"reut2-{i:03d}.sgm" for i in range(22)):
        raw = snap.show("loki86/ksr_zadanie1V2", "HEAD", name).decode("latin-1")
        stories += [(name, m) for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', raw, re.S)]
    for name, m in rnd.sample(stories, len(stories)):
        body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
        day = re.search(r"<DATE>\s*(\d+)-(\w+)-(\d+)", m.group(2))
        if body and m.group(1) not in used:
            title = html.unescape((re.search(r"<TITLE>(.*?)</TITLE>", m.group(2), re.S) or [None, ""])[1])
            date = day and f"{day[3]}-{MONTHS[day[2].upper()]:02d}-{int(day[1]):02d}"
            yield f"rt_{name[:-4]}-{m.group(1)}", date, title.title(), html.unescape(body[1]).replace("\x03", "")


def pm(b, snap, used, rnd):
    found = [p for p in paths(snap, "wragge/pm-transcripts", "transcripts/")
             if re.fullmatch(r"transcripts/transcript-\d+\.xml", p) and p not in used]
    for path in rnd.sample(found, len(found)):
        raw = snap.show("wragge/pm-transcripts", "HEAD", path)
        day = re.search(rb"<release-date>(\d\d)/(\d\d)/(\d{4})", raw)
        title, text = b.pm_transcript(raw)
        if len(text) < 6000:
            yield "pm_" + pathlib.Path(path).stem, day and "-".join(g.decode() for g in day.groups()[::-1]), title, text


def guardian(b, snap, used, rnd):
    raw = snap.show("ahalterman/NGEC", "HEAD", "examples/Guardian_SDF_sample.csv.zip")
    archive = zipfile.ZipFile(io.BytesIO(raw))
    found = list(csv.DictReader(io.StringIO(archive.read(archive.namelist()[0]).decode("utf-8"))))
    for row in rnd.sample(found, len(found)):
        if row[""] not in used and len(row["text"]) < 8000:
            date = next((row[k][:10] for k in row if "date" in k.lower() and row[k]), None)
            yield f"gd_{row['']}", date, None, row["text"]


def sample(b, snap, dev, seed, per_collection, folder):
    """Writes `per_collection` articles of each collection, drawn at random (`seed`) among those with meeting
    words that the dev set does not hold, as build_docs.py writes them."""
    used = {d.get("path") for d in dev} | {d.get("newid") for d in dev} | {d.get("csv_row") for d in dev}
    for collection in (bbc, reuters, pm, guardian):
        kept = (doc for doc in collection(b, snap, used, random.Random(seed)) if len(CUE.findall(doc[3])) >= 2)
        for name, date, title, text in itertools.islice(kept, per_collection):
            head = (f"date {date}\n" if date else "") + (f"{title}\n\n" if title else "")
            (folder / f"u_{name}.txt").write_text(head + text.strip() + "\n", encoding="utf-8")


def rows(out):
    def table(name):
        try:
            return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()
        except Exception:  # noqa: BLE001 - an all-null partition column: read the files alone
            return ds.dataset(out / name, format="parquet").to_table().to_pylist()
    sources = {a["article_id"]: pathlib.Path(a["source"]).name for a in table("articles")}
    found = [(sources[m["article_id"]], m) for m in table("meetings")]
    return sorted(found, key=lambda r: (r[0], r[1]["evidence_start"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-collection", type=int, default=25)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--mirror", help="the snapshots folder (default: .mirror beside shared/)")
    ap.add_argument("--docs", help="folder for the sampled texts (default: a temporary folder)")
    ap.add_argument("--out", help="output folder of the run (default: a temporary folder)")
    ap.add_argument("--gold", help="gold rows of this sample (JSON lines, ../shared/eval/realnews/GUIDE.md)")
    ap.add_argument("--only", help="the sample's articles to keep, one 'HALF NAME' a line (the others are left out; "
                                   "with --gold, each half is scored too)")
    a = ap.parse_args()
    realnews = pathlib.Path(a.shared) / "eval" / "realnews"
    if not realnews.is_dir():
        sys.exit(f"realnews_unseen: {realnews} is absent")
    b = load_builder(realnews)
    snap = b.Snapshots(str(pathlib.Path(a.mirror or realnews.parent.parent.parent / ".mirror").resolve()))
    with tempfile.TemporaryDirectory() as tmp:
        docs, out = pathlib.Path(a.docs or pathlib.Path(tmp) / "docs"), pathlib.Path(a.out or pathlib.Path(tmp) / "out")
        shutil.rmtree(docs, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        docs.mkdir(parents=True)
        sample(b, snap, json.loads((realnews / "docs.json").read_text()).values(), a.seed, a.per_collection, docs)
        halves = dict(line.split()[::-1] for line in pathlib.Path(a.only).read_text().splitlines()) if a.only else {}
        for path in docs.iterdir() if halves else ():
            if path.name not in halves:
                path.unlink()
        parley = shutil.which("parley", path=str(pathlib.Path(sys.executable).parent)) or "parley"
        done = subprocess.run([parley, "run", str(docs), "--out", str(out), "--quiet"], capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"realnews_unseen: parley run failed: {done.stderr.strip()}")
        found = rows(out)
        for source, m in found:
            names = "/".join(p["name"] for p in m["participants"])
            print(f"{source} | {names} | {m['status']} {m['format']} {m['meeting_date']} {m['city']} {m['country']}"
                  f" | topics {m['topics']}\n    {' '.join(m['evidence'].split())[:240]}")
        print(f"{len(list(docs.iterdir()))} articles, {len(found)} meeting rows")
        if a.gold:
            score(pathlib.Path(a.shared), pathlib.Path(a.gold), out, halves)
    gold = f" --gold {a.gold}" if a.gold else ""
    only = f" --only {a.only}" if a.only else ""
    print(f"reproduce: python benchmarks/realnews_unseen.py --seed {a.seed} --per-collection {a.per_collection}"
          f"{gold}{only}")


def score(shared, gold_file, out, halves):
    """Prints the meeting score of the run in `out` against the gold rows of `gold_file`, and of each half of
    `halves` ({article name: half}) when given."""
    scorer = load_scorer(shared)
    gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles, meetings = scorer.read_table(str(out / "articles")), scorer.read_table(str(out / "meetings"))
    for half in [None, *sorted(set(halves.values()))]:
        keep = {a["article_id"] for a in articles if half is None or halves.get(
            pathlib.Path(str(a["source"])).name) == half}
        result = scorer.score_meetings([g for g in gold if half is None or halves.get(g["doc"]) == half],
                                       [a for a in articles if a["article_id"] in keep],
                                       [m for m in meetings if m["article_id"] in keep])
        m = result["meetings"]
        fields = " ".join(f"{k} {v:.3f}" for k, v in result["fields"].items())
        print(f"{'half ' + half if half else 'all'}: F1 {m['f1']:.3f} P {m['precision']:.3f} R {m['recall']:.3f} "
              f"(tp {m['tp']} fp {m['fp']} fn {m['fn']}) | {fields}")


if __name__ == "__main__":
    main()
