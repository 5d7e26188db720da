#!/usr/bin/env python3
"""Each hostile input of tests/test_hostile.py on its own through `parley run` (in-memory DirectRunner, the
packaged settings): what Parley did with it and how long it took. Prints a Markdown table.

`run s` is the wall time of the whole run (two Beam pipelines: the ingest and the events rebuild), of which
the first row, an ordinary article, shows the fixed part; `read s` is reading alone (`load_source`: bytes,
gzip, decoding, HTML extraction and the caps), for files. The last row is the whole corpus in one run.
Needs the test extra (`pip install -e '.[test]'`): the corpus comes from the tests.

Usage: python benchmarks/hostile_table.py
"""
import contextlib
import io
import json
import os
import pathlib
import shutil
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import cli  # noqa: E402
from pipeline.config import load_yaml  # noqa: E402
from tests.test_hostile import Case, article, build_corpus, outcomes, rows, vanishing, write_case  # noqa: E402
from transforms.articles import load_source  # noqa: E402
from transforms.read import Limits, Rejected  # noqa: E402

FEEDS = (".xml", ".rss")


def parley(*args):
    """Exit code and seconds of `parley run ARGS --quiet`, its summary line kept off the table."""
    started = time.monotonic()
    with contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(["run", *map(str, args), "--quiet"])
    return code, time.monotonic() - started


def read_seconds(path, limits):
    started = time.monotonic()
    with contextlib.suppress(Rejected):
        load_source(str(path), limits)
    return time.monotonic() - started


def outcome(out, path):
    """What the run wrote for one input, in words."""
    if not path.name.endswith(FEEDS):
        found = outcomes(out, str(path))
        return ", ".join(o if isinstance(o, str) else f"reject `{o[0]}`/`{o[1]}`" for o in found)
    rejects = [f"reject `{r['stage']}`/`{r['reason']}`" for r in rows(out, "rejects") if r["source"] == str(path)]
    entries = [a for a in rows(out, "articles") if a["feed"] == str(path)]
    entry_rejects = [r for r in rows(out, "rejects") if r["source"] != str(path)]
    kinds = sorted({a["text_source"] for a in entries})
    return "; ".join(rejects + [f"entries as articles: {len(entries)} ({', '.join(kinds)})"]
                     + ([f"{len(entry_rejects)} entry rejects"] if entry_rejects else []))


def main():
    limits = Limits.from_settings(load_yaml("local")["settings"])
    work = pathlib.Path(tempfile.mkdtemp(prefix="parley-hostile-"))
    try:
        corpus = work / "corpus"
        cases = build_corpus(corpus)
        locked = Case("locked.txt", "file without read permission (mode 000)", article(14).encode(), None)
        (corpus / locked.name).write_bytes(locked.data)
        (corpus / locked.name).chmod(0)
        cases.append(locked)
        print("| hostile input | what Parley did | run s | read s |")
        print("| --- | --- | --- | --- |")
        plain = work / "plain"
        plain.mkdir()
        (plain / "a.txt").write_text(article(20))
        code, seconds = parley(plain, "--out", work / "out-plain")
        print(f"| an ordinary article (the fixed cost of a run) | {outcome(work / 'out-plain', plain / 'a.txt')} "
              f"| {seconds:.1f} | {read_seconds(plain / 'a.txt', limits):.3f} |")
        for i, case in enumerate(cases):
            folder = work / f"in-{i}"
            folder.mkdir()
            path = folder / case.name
            write_case(folder, case)
            if case.expect == "duplicate":  # with the article it repeats
                shutil.copy2(corpus / case.name.removesuffix(".gz"), folder)
            vanish = vanishing(path) if case.name == "vanish.txt" else contextlib.nullcontext()
            read = "" if case.name.endswith(FEEDS) or case.name == "vanish.txt" else f"{read_seconds(path, limits):.3f}"
            with vanish:
                code, seconds = parley(folder, "--out", work / f"out-{i}")
            what = case.what + (" (run as root: readable)" if case is locked and os.geteuid() == 0 else "")
            done = outcome(work / f"out-{i}", path) if code == 0 else f"exit {code}"
            print(f"| {what} | {done} | {seconds:.1f} | {read} |")
        (corpus / "vanish.txt").unlink()  # only the one-file run shows it vanishing
        code, seconds = parley(corpus, "--out", work / "out-all")
        manifest = json.loads(next((work / "out-all" / "_runs").glob("*.json")).read_text())
        counts, accounting = manifest["counts"], manifest["accounting"]
        print(f"| the whole corpus in one run (less the vanishing file) | inputs {accounting['inputs']}, "
              f"articles {counts['articles']}, duplicates {counts['duplicates']}, rejects {counts['rejects']}; "
              f"accounting {'holds' if accounting['ok'] else 'FAILS'}, exit {code} | {seconds:.1f} | |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
