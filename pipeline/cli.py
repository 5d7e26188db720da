"""The `parley` command: run the ingest, print the output contract."""
import argparse
import contextlib
import datetime
import errno
import json
import logging
import os
import re
import signal
import sys
import threading
import time
import uuid

logging.getLogger().addHandler(logging.NullHandler())  # Beam's import-time warnings stay off the user's screen

import apache_beam as beam  # noqa: E402
from apache_beam.io.filesystems import FileSystems

from pipeline import __version__, graph, options, progress, report, schema, state
from pipeline.config import ConfigError, load_yaml
from transforms import events
from transforms.events import RUN_ID as EVENTS_RUN_ID
from transforms.dedup import existing_article_files
from transforms.extract import nlp
from transforms.sources import MissingInput, discover, read_feed_list, read_yaml, split_urls
from transforms.read import Limits
from transforms.write import (dataset_files, drop_temp, join, output_lock, recover, run_files, unreadable_files,
                              write_manifest)

EXIT_USAGE, EXIT_FAILED = 2, 1


class UsageError(Exception):
    """Arguments, inputs or an output folder Parley cannot use: one line, exit 2."""


def _parser():
    parser = argparse.ArgumentParser(prog="parley", description="News articles in, diplomatic meetings out.")
    parser.add_argument("--version", action="version", version=f"parley {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = _ingest_arguments(sub.add_parser("run", help="ingest articles and feeds into Parquet datasets",
                                           epilog="Any other --flag is passed to Beam as a pipeline option."))
    run.add_argument("--run-id", help="id of this run (default: time-based); a re-run with the same id replaces it")
    watch = _ingest_arguments(sub.add_parser("watch", help="run again and again over the same inputs (new files "
                                             "and entries only)", epilog="Any other --flag is passed to Beam."))
    watch.add_argument("--every", type=float, required=True, metavar="SECONDS", help="start a cycle every SECONDS")
    watch.add_argument("--max-cycles", type=int, metavar="N", help="stop after N cycles (default: never)")
    watch.set_defaults(run_id=None)
    events = sub.add_parser("events", help="rebuild DIR/events/ from all of DIR/meetings/",
                            epilog="Any other --flag is passed to Beam as a pipeline option.")
    events.add_argument("out", metavar="DIR", help="a Parley output folder")
    events.add_argument("--config", help="run profile YAML (default: the packaged configs/local.yaml)")
    events.add_argument("--verbose", action="store_true", help="show Beam's log and tracebacks")
    sub.add_parser("schema", help="print the output contract")
    report_parser = sub.add_parser("report", help="summarise an output folder; --html writes a page with charts")
    report_parser.add_argument("out", metavar="DIR", help="a Parley output folder")
    report_parser.add_argument("--html", metavar="FILE", help="write a self-contained HTML report to FILE")
    return parser


def _ingest_arguments(parser):
    """The arguments `run` and `watch` share."""
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="file, folder (walked recursively), glob, or http(s) feed URL")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--feeds", action="append", default=[], metavar="FILE",
                        help="YAML list of feed URLs or paths (see configs/feeds.example.yaml)")
    parser.add_argument("--allow-private-addresses", action="store_true",
                        help="fetch from loopback, private and link-local addresses (refused by default)")
    parser.add_argument("--config", help="run profile YAML (default: the packaged configs/local.yaml)")
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("--verbose", action="store_true", help="show Beam's log and tracebacks")
    loudness.add_argument("--quiet", action="store_true", help="no progress line: only errors and the summary")
    return parser


def load_profile(path):
    """The run profile: packaged local.yaml, with a user's file laid over it."""
    profile = load_yaml("local")
    settings, beam_settings = dict(profile.get("settings") or {}), dict(profile.get("beam") or {})
    if path:
        try:
            user = read_yaml(path) or {}
        except ValueError as e:
            raise UsageError(f"cannot read config {path}: {e}") from None
        if not isinstance(user, dict):
            raise UsageError(f"config {path} must be a mapping with `settings` and `beam`")
        for key, value in (user.get("settings") or {}).items():  # a mapping such as `fetch:` is merged key by key
            both = isinstance(value, dict) and isinstance(settings.get(key), dict)
            settings[key] = {**settings[key], **value} if both else value
        beam_settings.update(user.get("beam") or {})
    return settings, beam_settings


def check_output(out):
    """Create the output folder and prove it writable."""
    if "://" in out:
        return out
    out = os.path.abspath(out)
    probe = os.path.join(out, f".parley-probe-{uuid.uuid4().hex}")
    try:
        os.makedirs(out, exist_ok=True)
        with open(probe, "w", encoding="utf-8") as f:
            f.write("ok")
        os.remove(probe)
    except OSError as e:
        raise UsageError(f"cannot write to output folder {out}: {e.strerror or e}") from None
    return out


def new_run_id(now):
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@contextlib.contextmanager
def exclusive(out):
    """The output folder locked by this process (runs and rebuilds into one folder take turns), after completing
    or clearing what killed runs left there; a failure inside frees the space its temp files took."""
    def waiting():
        print(f"parley: waiting for the other run writing to {out}", file=sys.stderr)

    with output_lock(out, waiting) as locked:
        for run_id in recover(out) if locked else ():
            print(f"parley: completed the commit of run {run_id}, which ended before finishing it", file=sys.stderr)
        try:
            yield
        except Exception:
            if locked:
                with contextlib.suppress(Exception):
                    drop_temp(out)
            raise


def check_existing(out, run_id):
    """UsageError naming the first committed Parquet file (of another run: a re-run replaces its own) that
    cannot be read, before anything is written."""
    own = run_files(out, run_id)
    damaged = unreadable_files(sorted(p for d in schema.RUN_DATASETS for p in dataset_files(out, d) if p not in own))
    if damaged:
        (path, error), more = damaged[0], f" (and {len(damaged) - 1} more)" if len(damaged) > 1 else ""
        owner = re.fullmatch(r"part-(.+)-\d+\.parquet", os.path.basename(path))
        rerun = f", or re-run --run-id {owner[1]} to write it again" if owner else ""
        raise UsageError(f"corrupt Parquet file in the output, nothing written: {path}{more}: {error.rstrip('.')}; "
                         f"move it out of {out}{rerun}")


def run(args, beam_args):
    settings, flags = beam_flags(args, beam_args)
    if args.allow_private_addresses:
        settings["fetch"] = dict(settings["fetch"], allow_private_addresses=True)
    out = check_output(args.out)
    with exclusive(out):
        return ingest(args, settings, flags, out)


def ingest(args, settings, flags, out):
    """One run into `out`, which this process has locked: plan, run the pipeline, rebuild events, summarise."""
    started = time.monotonic()
    try:
        urls, paths = split_urls(args.inputs + [i for f in args.feeds for i in read_feed_list(f)])
        if not urls and not paths:
            raise UsageError("nothing to read: give an INPUT or --feeds FILE")
        found = discover(paths, exclude=out)
    except MissingInput as e:
        raise UsageError(str(e)) from None
    now = datetime.datetime.now(datetime.timezone.utc)
    run_id = args.run_id or new_run_id(now)
    if not run_id.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise UsageError(f"--run-id may hold letters, digits, '-', '_' and '.' only: {run_id!r}")
    if run_id == EVENTS_RUN_ID:
        raise UsageError(f"--run-id {run_id!r} is reserved for the events rebuild")
    check_existing(out, run_id)
    nlp.check()  # the English model extraction needs: one line now rather than a failed run later
    try:
        sources, feeds, recorded, unchanged = state.plan(state.load_state(out), run_id, found, urls)
    except state.StateError as e:
        raise UsageError(str(e)) from None
    run_info = {"run_id": run_id, "out": out, "ingested_at": now, "parley_version": __version__,
                "max_input_bytes": int(settings["max_input_bytes"]), "limits": Limits.from_settings(settings),
                "config_dir": settings.get("config_dir")}
    manifest = {"run_id": run_id, "parley_version": __version__, "started_at": now.isoformat(),
                "inputs": {"args": args.inputs, "feed_lists": args.feeds, "files": len(sources), "feeds": len(feeds),
                           "files_unchanged": unchanged}, "options": flags, "settings": settings,
                "versions": {"apache_beam": beam.__version__, "python": sys.version.split()[0]}}
    pipeline_options = options.pipeline_options(flags)
    with progress.Progress(len(sources), progress.mode(args.quiet, args.verbose, sys.stderr)) as shown:
        run_info["progress"] = shown.folder
        with beam.Pipeline(options=pipeline_options) as p:
            graph.build(p, sources, run_info, settings, existing_article_files(out, run_id), manifest, feeds, recorded)
    events = rebuild_events(out, settings, options.follow_up_options(flags))
    return summarise(out, run_id, len(sources), events, time.monotonic() - started)


def beam_flags(args, beam_args):
    """The run profile and the user's Beam flags, checked; (settings, flags). --verbose shows the workers' log."""
    settings, beam_settings = load_profile(args.config)
    flags = options.profile_args(beam_settings) + (["--default_sdk_harness_log_level=INFO"] if args.verbose else [])
    flags += beam_args
    unknown = options.unknown_beam_args(flags)
    if unknown:
        raise UsageError(f"unknown option(s): {' '.join(unknown)}")
    return settings, flags


def rebuild_events(out, settings, pipeline_options):
    """Rebuild `OUT/events/` from all of `OUT/meetings/` with a Beam job; the number of events."""
    with beam.Pipeline(options=pipeline_options) as p:
        events.build(p, out, datetime.datetime.now(datetime.timezone.utc), settings)
    return events.count_rows(out, "events")


def events_command(args, beam_args):
    started = time.monotonic()
    settings, flags = beam_flags(args, beam_args)
    out = args.out if "://" in args.out else os.path.abspath(args.out)
    if not FileSystems.exists(join(out, "meetings")):
        raise UsageError(f"no Parley output in {out}: it has no meetings/ folder")
    with exclusive(out):
        count = rebuild_events(out, settings, options.pipeline_options(flags))
    print(f"parley: events: {count} events rebuilt from {events.count_rows(out, 'meetings')} meetings in "
          f"{time.monotonic() - started:.1f} s -> {join(out, 'events')}", file=sys.stderr)
    return 0


def summarise(out, run_id, inputs, events_count, elapsed):
    """Check the run's accounting, record its timing and print the summary; the exit code."""
    with FileSystems.open(join(out, "_runs", f"{run_id}.json")) as f:
        manifest = json.loads(f.read())
    counts = manifest["counts"]
    inputs += manifest.get("feeds", {}).get("inputs", 0)  # feed entries taken and feed-level rejects
    skipped = state.skipped_phrase(manifest)
    accounted = counts["articles"] + counts["duplicates"] + counts["rejects"]
    counts["events"] = events_count
    manifest["timings"] = {"wall_seconds": round(elapsed, 3)}
    manifest["accounting"] = {"inputs": inputs, "accounted": accounted, "ok": accounted == inputs}
    write_manifest(out, run_id, manifest)
    print(f"parley: run {run_id}: {inputs} inputs, {counts['articles']} articles, {counts['duplicates']} duplicates "
          f"skipped, {counts['meetings']} meetings, {counts['rejects']} rejects{'; ' + skipped if skipped else ''} "
          f"in {elapsed:.1f} s -> {out} "
          f"(events/ now holds {events_count} events)", file=sys.stderr)
    if accounted != inputs:
        print(f"parley: accounting does not hold: {inputs} inputs but {accounted} outcomes", file=sys.stderr)
        return EXIT_FAILED
    return 0


def print_schema():
    """The output contract, from the schemas the writer uses."""
    print(f"Parley output contract, schema version {schema.SCHEMA_VERSION}")
    for name, (table_schema, column) in schema.DATASETS.items():
        print(f"\n{name}/ partitioned by {column}={{YYYY-MM-DD|{schema.NULL_PARTITION}}}")
        for field in table_schema:
            print(f"  {field.name:18s} {field.type}")
    return 0


def report_command(args):
    """The summary on stdout and, with --html, the page; the exit code."""
    out = os.path.abspath(args.out)
    if not os.path.isdir(out):
        raise UsageError(f"no such folder: {out}")
    try:
        data = report.gather(out)
    except report.NoOutput as e:
        raise UsageError(str(e)) from None
    except report.QueryError as e:
        print(f"parley: report failed: {str(e).strip().splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED
    print(report.render_text(data), end="")
    if args.html:
        page = report.render_html(data).encode("utf-8")
        try:
            with open(args.html, "wb") as f:
                f.write(page)
        except OSError as e:
            raise UsageError(f"cannot write {args.html}: {e.strerror or e}") from None
        print(f"parley: report: {len(page) / 1024:.1f} KiB -> {os.path.abspath(args.html)}", file=sys.stderr)
    return 0


def main(argv=None):
    """Entry point of the `parley` console script; returns the exit code."""
    args, rest = _parser().parse_known_args(argv)
    logging.basicConfig(level=logging.INFO if getattr(args, "verbose", False) else logging.CRITICAL,
                        format="%(levelname)s %(name)s: %(message)s", force=True)
    try:
        if args.command == "schema":
            if rest:
                raise UsageError(f"unknown argument(s): {' '.join(rest)}")
            return print_schema()
        if args.command == "events":
            return events_command(args, rest)
        if args.command == "report":
            if rest:
                raise UsageError(f"unknown argument(s): {' '.join(rest)}")
            return report_command(args)
        if args.command == "watch":
            return watch(args, rest)
        return run(args, rest)
    except (UsageError, ConfigError, nlp.ModelError) as e:
        print(f"parley: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("parley: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - a failed run is one line unless --verbose
        if getattr(args, "verbose", False):
            raise
        return failed(e)


OS_HINTS = {errno.ENOSPC: "the disk is full: free space and run again (what the output held is intact)",
            errno.EDQUOT: "the disk quota is used up: free space and run again (what the output held is intact)",
            errno.EACCES: "check the permissions of the output folder and its subfolders",
            errno.EROFS: "the output is on a read-only file system"}
DOCKER_HINT = ("the runner starts its workers in Docker, which is not running here: start Docker, or give "
               "--environment_type=LOOPBACK (a job server on this machine) or --environment_type=PROCESS")
MESSAGE_CHARS = 300


def failed(error):
    """Report a failed run in one line, naming the system error behind it when there is one (Beam wraps the
    errors of its workers); the exit code."""
    chain, cause = [], error
    while cause is not None and cause not in chain:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    os_errors = [e for e in chain if isinstance(e, OSError)]
    shown = next((e for e in os_errors if e.errno), os_errors[0] if os_errors else error)
    message = str(shown).strip().splitlines()[-1] if str(shown).strip() else ""
    hint = OS_HINTS.get(getattr(shown, "errno", None)) or (DOCKER_HINT if "docker" in message.lower() else None)
    if len(message) > MESSAGE_CHARS:
        message = message[:MESSAGE_CHARS] + " ..."
    print(f"parley: run failed: {type(shown).__name__}: {message}{'; ' + hint if hint else ''}", file=sys.stderr)
    return EXIT_FAILED


def watch(args, beam_args):
    """`run` cycle after cycle, a cycle starting every `--every` seconds; Ctrl-C or SIGTERM stop it after the
    cycle in flight (a second one at once). The exit code is the worst of the cycles'."""
    stop = threading.Event()

    def request_stop(*_):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print("parley: watch: stopping after the cycle in flight", file=sys.stderr)

    previous = {s: signal.signal(s, request_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    cycles, worst = 0, 0
    try:
        while not stop.is_set():
            started = time.monotonic()
            cycles += 1
            try:
                worst = max(worst, run(args, beam_args))
            except (UsageError, ConfigError, nlp.ModelError):
                raise
            except Exception as e:  # noqa: BLE001 - a failed cycle is one line; the next cycle tries again
                if args.verbose:
                    raise
                worst = max(worst, failed(e))
            if args.max_cycles and cycles >= args.max_cycles:
                break
            stop.wait(max(0.0, args.every - (time.monotonic() - started)))
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    print(f"parley: watch: stopped after {cycles} cycle(s)", file=sys.stderr)
    return worst
