#!/usr/bin/env python3
"""A feed of N entries served on 127.0.0.1: wall time, requests made and rows written, first and second run.

Half the entries carry their full text, the other half only a summary and a link to a page on the same
server (fetched and extracted). The second run over the unchanged feed shows the conditional request.
Needs the test extra (`pip install -e '.[test]'`): it uses the tests' local HTTP server.

Usage: python benchmarks/feed_run.py [N] [--delay SECONDS] [--slots K] [--full-share F] [BEAM FLAGS...]
  N             entries (default 500)
  --delay       fetch.host_delay (default 0: the packaged 1.0 s would add about (N * (1 - F)) seconds)
  --slots       fetch.host_concurrency (default 1)
  --full-share  share of entries with their full text in the feed (default 0.5)
"""
import argparse
import collections
import json
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cli import main as parley  # noqa: E402
from tests.httpserver import Reply, Server  # noqa: E402

WORDS = ("delegation talks agreement ministry envoy border trade energy summit statement visit security "
         "cooperation spokesman negotiations treaty sanctions council session capital").split()


def paragraph(i, sentences=12):
    """Text unique to entry `i`, made of neutral news vocabulary."""
    return " ".join(f"The {WORDS[(i + k) % len(WORDS)]} of report {i} was discussed for {k + 2} hours with "
                    f"{WORDS[(i * 7 + k) % len(WORDS)]} experts on day {k + 1}." for k in range(sentences))


def feed(server, n, full_share):
    items = []
    for i in range(n):
        link = server.url(f"/story/{i}")
        if i < n * full_share:
            body = f"<content:encoded><![CDATA[<p>{paragraph(i)}</p><p>{paragraph(i + n)}</p>]]></content:encoded>"
        else:
            body = f"<description>Summary of report {i}.</description>"
            page = (f"<html><head><title>Report {i}</title></head><body><nav>Home | World | Contact</nav>"
                    f"<article><h1>Report {i}</h1><p>{paragraph(i)}</p><p>{paragraph(i + n)}</p></article>"
                    "<footer>Copyright</footer></body></html>")
            server.routes[f"/story/{i}"] = Reply(body=page.encode(), headers={"Content-Type": "text/html; charset=utf-8"})
        items.append(f"<item><title>Report {i}</title><link>{link}</link><guid isPermaLink='false'>r{i}</guid>"
                     f"<pubDate>Mon, 04 Mar 2024 {i % 24:02d}:00:00 GMT</pubDate>{body}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench wire</title>'
            f"{''.join(items)}</channel></rss>").encode()


def conditional(body):
    def answer(handler):
        if handler.headers.get("If-None-Match") == '"bench"':
            return Reply(304, {"ETag": '"bench"'})
        return Reply(body=body, headers={"ETag": '"bench"', "Content-Type": "application/rss+xml"})
    return answer


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=500)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--slots", type=int, default=1)
    ap.add_argument("--full-share", type=float, default=0.5)
    a, beam_flags = ap.parse_known_args()
    with tempfile.TemporaryDirectory() as tmp, Server() as server:
        server.routes["/feed.xml"] = conditional(feed(server, a.n, a.full_share))
        profile = pathlib.Path(tmp, "profile.yaml")
        profile.write_text(f"settings:\n  fetch:\n    host_delay: {a.delay}\n    host_concurrency: {a.slots}\n",
                           encoding="utf-8")
        out = pathlib.Path(tmp, "out")
        for label in ("first run", "second run"):
            before = len(server.log)
            started = time.monotonic()
            code = parley(["run", server.url("/feed.xml"), "--out", str(out), "--config", str(profile),
                           "--allow-private-addresses", "--run-id", label.replace(" ", "-"), *beam_flags])
            wall = time.monotonic() - started
            manifest = json.loads((out / "_runs" / f"{label.replace(' ', '-')}.json").read_text())
            kinds = collections.Counter("feed" if p == "/feed.xml" else "page" for p, _ in server.log[before:])
            counts = manifest["counts"]
            print(f"{label}: exit {code}, {wall:.1f} s wall, {sum(kinds.values())} requests ({kinds['feed']} feed, "
                  f"{kinds['page']} pages), rows written: {counts['articles']} articles, {counts['meetings']} meetings, "
                  f"{counts['rejects']} rejects; feeds {json.dumps(manifest['feeds'], sort_keys=True)}")


if __name__ == "__main__":
    main()
