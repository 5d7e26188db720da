"""The `parley` command: run the ingest, print the output contract."""
import argparse
import datetime
import json
import logging
import os
import sys
import time
import uuid

logging.getLogger().addHandler(logging.NullHandler())  # Beam's import-time warnings stay off the user's screen

import apache_beam as beam  # noqa: E402
import yaml
from apache_beam.io.filesystems import FileSystems

from pipeline import __version__, graph, options, schema
from pipeline.config import ConfigError, load_yaml
from transforms import events
from transforms.dedup import existing_article_files
from transforms.sources import MissingInput, discover
from transforms.write import join, write_manifest

EXIT_USAGE, EXIT_FAILED = 2, 1


class UsageError(Exception):
    """Arguments, inputs or an output folder Parley cannot use: one line, exit 2."""


def _parser():
    parser = argparse.ArgumentParser(prog="parley", description="News articles in, diplomatic meetings out.")
    parser.add_argument("--version", action="version", version=f"parley {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="ingest articles into Parquet datasets",
                         epilog="Any other --flag is passed to Beam as a pipeline option.")
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder (walked recursively) or glob")
    run.add_argument("--out", required=True, help="output folder")
    run.add_argument("--run-id", help="id of this run (default: time-based); a re-run with the same id replaces it")
    run.add_argument("--config", help="run profile YAML (default: the packaged configs/local.yaml)")
    run.add_argument("--verbose", action="store_true", help="show Beam's log and tracebacks")
    events = sub.add_parser("events", help="rebuild DIR/events/ from all of DIR/meetings/",
                            epilog="Any other --flag is passed to Beam as a pipeline option.")
    events.add_argument("out", metavar="DIR", help="a Parley output folder")
    events.add_argument("--config", help="run profile YAML (default: the packaged configs/local.yaml)")
    events.add_argument("--verbose", action="store_true", help="show Beam's log and tracebacks")
    sub.add_parser("schema", help="print the output contract")
    return parser


def load_profile(path):
    """The run profile: packaged local.yaml, with a user's file laid over it."""
    profile = load_yaml("local")
    settings, beam_settings = dict(profile.get("settings") or {}), dict(profile.get("beam") or {})
    if path:
        try:
            with open(path, encoding="utf-8") as f:
                user = yaml.safe_load(f) or {}
        except (OSError, yaml.YAMLError) as e:
            raise UsageError(f"cannot read config {path}: {e}") from None
        if not isinstance(user, dict):
            raise UsageError(f"config {path} must be a mapping with `settings` and `beam`")
        settings.update(user.get("settings") or {})
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


def run(args, beam_args):
    started = time.monotonic()
    settings, flags = beam_flags(args.config, beam_args)
    out = check_output(args.out)
    try:
        sources = discover(args.inputs, exclude=out)
    except MissingInput as e:
        raise UsageError(str(e)) from None
    now = datetime.datetime.now(datetime.timezone.utc)
    run_id = args.run_id or new_run_id(now)
    if not run_id.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise UsageError(f"--run-id may hold letters, digits, '-', '_' and '.' only: {run_id!r}")
    run_info = {"run_id": run_id, "out": out, "ingested_at": now, "parley_version": __version__,
                "max_input_bytes": int(settings["max_input_bytes"]), "config_dir": settings.get("config_dir")}
    manifest = {"run_id": run_id, "parley_version": __version__, "started_at": now.isoformat(),
                "inputs": {"args": args.inputs, "files": len(sources)}, "options": flags, "settings": settings,
                "versions": {"apache_beam": beam.__version__, "python": sys.version.split()[0]}}
    pipeline_options = options.pipeline_options(flags)
    with beam.Pipeline(options=pipeline_options) as p:
        graph.build(p, sources, run_info, settings, existing_article_files(out, run_id), manifest)
    events = rebuild_events(out, settings, flags)
    return summarise(out, run_id, len(sources), events, time.monotonic() - started)


def beam_flags(config, beam_args):
    """The run profile and the user's Beam flags, checked; (settings, flags)."""
    settings, beam_settings = load_profile(config)
    flags = options.profile_args(beam_settings) + beam_args
    unknown = options.unknown_beam_args(flags)
    if unknown:
        raise UsageError(f"unknown option(s): {' '.join(unknown)}")
    return settings, flags


def rebuild_events(out, settings, flags):
    """Rebuild `OUT/events/` from all of `OUT/meetings/` with a Beam job; the number of events."""
    with beam.Pipeline(options=options.pipeline_options(flags)) as p:
        events.build(p, out, datetime.datetime.now(datetime.timezone.utc), settings)
    return events.count_rows(out, "events")


def events_command(args, beam_args):
    started = time.monotonic()
    settings, flags = beam_flags(args.config, beam_args)
    out = args.out if "://" in args.out else os.path.abspath(args.out)
    if not FileSystems.exists(join(out, "meetings")):
        raise UsageError(f"no Parley output in {out}: it has no meetings/ folder")
    count = rebuild_events(out, settings, flags)
    print(f"parley: events: {count} events rebuilt from {events.count_rows(out, 'meetings')} meetings in "
          f"{time.monotonic() - started:.1f} s -> {join(out, 'events')}", file=sys.stderr)
    return 0


def summarise(out, run_id, inputs, events_count, elapsed):
    """Check the run's accounting, record its timing and print the summary; the exit code."""
    with FileSystems.open(join(out, "_runs", f"{run_id}.json")) as f:
        manifest = json.loads(f.read())
    counts = manifest["counts"]
    accounted = counts["articles"] + counts["duplicates"] + counts["rejects"]
    counts["events"] = events_count
    manifest["timings"] = {"wall_seconds": round(elapsed, 3)}
    manifest["accounting"] = {"inputs": inputs, "accounted": accounted, "ok": accounted == inputs}
    write_manifest(out, run_id, manifest)
    print(f"parley: run {run_id}: {inputs} inputs, {counts['articles']} articles, {counts['duplicates']} duplicates "
          f"skipped, {counts['meetings']} meetings, {counts['rejects']} rejects in {elapsed:.1f} s -> {out} "
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


def main(argv=None):
    """Entry point of the `parley` console script; returns the exit code."""
    args, rest = _parser().parse_known_args(argv)
    logging.basicConfig(level=logging.INFO if getattr(args, "verbose", False) else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s", force=True)
    try:
        if args.command == "schema":
            if rest:
                raise UsageError(f"unknown argument(s): {' '.join(rest)}")
            return print_schema()
        if args.command == "events":
            return events_command(args, rest)
        return run(args, rest)
    except (UsageError, ConfigError) as e:
        print(f"parley: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("parley: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - a failed run is one line unless --verbose
        if getattr(args, "verbose", False):
            raise
        print(f"parley: run failed: {type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}",
              file=sys.stderr)
        return EXIT_FAILED
