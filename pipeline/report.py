"""`parley report`: DuckDB queries over an output folder, a plain-text summary, and a self-contained HTML page
whose charts are inline SVG (no script, no stylesheet or font to fetch)."""
import datetime
import html
import math
import os
import pathlib

import duckdb
import pyarrow as pa

from pipeline import __version__
from pipeline.schema import DATASETS, SCHEMA_VERSION
from transforms.write import dataset_files

DUCKDB_TYPES = {pa.date32(): "DATE"}
STATUSES = ("held", "planned", "proposed", "cancelled")
COLOURS = {"held": "#1b7837", "planned": "#2166ac", "proposed": "#b8860b", "cancelled": "#b2182b"}
BAR, OTHER = "#4a6fa5", "#8c8c8c"
SHOWN = ("articles", "meetings", "events", "rejects")  # the counts, in this order
REPORTS_SHOWN = 10  # per event
PAIRS = """
with names as (select {key} as id, unnest(list_distinct(list_transform(participants, lambda p: p.name))) as name
               from {table})
select a.name, b.name, count(*) from names a join names b on a.id = b.id and a.name < b.name group by all"""


QueryError = duckdb.Error  # what a failed query raises, such as over a damaged Parquet file


class NoOutput(ValueError):
    """A folder without Parley datasets."""


def _literal(text):
    return "'" + text.replace("'", "''") + "'"


def connect(out):
    """A DuckDB connection with one view per dataset of `out` (its committed Parquet files, typed Hive partitions;
    an empty table of its schema when it has no files) and the names of the datasets found."""
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    found = []
    for name, (schema, column) in DATASETS.items():
        files = dataset_files(out, name)
        if not files:
            con.register(name, schema.empty_table())
            continue
        found.append(name)
        hive_type = DUCKDB_TYPES[schema.field(column).type]
        con.execute(f"create view {name} as select * from read_parquet([{', '.join(map(_literal, files))}], "
                    f"hive_partitioning = true, hive_types = {{{_literal(column)}: '{hive_type}'}})")
    if not found:
        raise NoOutput(f"no Parley output in {out}: no Parquet files in {', '.join(d + '/' for d in DATASETS)}")
    return con, found


def _rows(con, sql, params=None):
    return con.execute(sql, params or []).fetchall()


def count_by(con, table, expr):
    """{value: rows} of `expr` over `table`; `expr` may unnest a list column."""
    return dict(_rows(con, f"select coalesce(v, 'unknown'), count(*) from (select {expr} as v from {table}) "
                           "group by all"))


def _ranked(meetings, events, top=None):
    """[(value, meetings, events)], most meetings first; events is None without an events dataset."""
    rows = [(k, n, None if events is None else events.get(k, 0)) for k, n in meetings.items()]
    return sorted(rows, key=lambda r: (-r[1], str(r[0])))[:top]


def gather(out, top=10, max_events=200):
    """Everything the report shows, as plain Python data."""
    con, found = connect(out)
    has_events = "events" in found
    counts = {name: _rows(con, f"select count(*) from {name}")[0][0] for name in SHOWN}
    months = {}
    for month, status, n in _rows(con, "select strftime(meeting_date, '%Y-%m'), coalesce(status, 'unknown'), "
                                  "count(*) from meetings where date_precision in ('day', 'month') and meeting_date "
                                  "is not null group by all"):
        months.setdefault(month, {})[status] = n
    pairs = {(a, b): n for a, b, n in _rows(con, PAIRS.format(key="meeting_id", table="meetings"))}
    event_pairs = {(a, b): n for a, b, n in _rows(con, PAIRS.format(key="event_id", table="events"))}
    breakdown = {}
    for label, expr in (("status", "status"), ("format", "format"), ("topics", "unnest(topics)")):
        breakdown[label] = _ranked(count_by(con, "meetings", expr),
                                   count_by(con, "events", expr) if has_events else None,
                                   top if label == "topics" else None)
    return {
        "out": out, "generated_at": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0),
        "found": found, "counts": {**counts, "events": counts["events"] if has_events else None},
        "runs": _rows(con, "select count(distinct run_id) from (select run_id from articles union all "
                           "select run_id from rejects)")[0][0],
        "months": months, "undated": counts["meetings"] - sum(sum(s.values()) for s in months.values()),
        "pairs": [(f"{a} – {b}", n, event_pairs.get((a, b), 0) if has_events else None)
                  for (a, b), n in sorted(pairs.items(), key=lambda p: (-event_pairs.get(p[0], 0), -p[1], p[0]))
                  ][:top],
        **breakdown,
        "rejects": _rows(con, "select stage, reason, count(*) from rejects group by all order by 3 desc, 1, 2"),
        "events": events_table(con, max_events) if has_events else None,
    }


def events_table(con, limit):
    """The latest `limit` events (undated ones last), each with its reports: evidence, status and source."""
    events = [dict(zip(("event_id", "date", "precision", "participants", "place", "status", "format",
                        "num_articles", "num_sources", "conflicts"), row)) for row in _rows(con, """
        select event_id, event_date, date_precision, list_transform(participants, lambda p: p.name),
               concat_ws(', ', event, venue, city, country), status, format, num_articles, num_sources,
               list_transform(conflicts, lambda c: c.field || ': ' || array_to_string(c."values", ', '))
        from events order by event_date desc nulls last, event_id limit ?""", [limit])]
    reports = {}
    for event_id, status, evidence, title, url, source, published in _rows(con, """
            with shown as (select event_id, unnest(meeting_ids) as meeting_id from events
                           where event_id in (select unnest(?::varchar[])))
            select s.event_id, m.status, m.evidence, a.title, a.url, a.source, a.published_date
            from shown s join meetings m using (meeting_id) left join articles a using (article_id)
            order by a.published_date nulls first, a.source, m.evidence_start""", [[e["event_id"] for e in events]]):
        reports.setdefault(event_id, []).append({"status": status, "evidence": evidence, "published": published,
                                                 "title": title or _name(source), "href": link(url, source)})
    return [dict(e, reports=reports.get(e["event_id"], [])) for e in events]


def _name(source):
    return source.rstrip("/").rsplit("/", 1)[-1] if source else "(unknown source)"


def link(url, source):
    """Where an article can be opened: its http(s) URL or source, a local source as a file: URI; else None."""
    for candidate in (url, source):
        if candidate and candidate.lower().startswith(("http://", "https://")):
            return candidate
    return pathlib.Path(source).as_uri() if source and os.path.isabs(source) else None


def month_range(first, last):
    """Every 'YYYY-MM' from `first` to `last`."""
    year, month = map(int, first.split("-"))
    while f"{year:04d}-{month:02d}" <= last:
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def axis_labels(axis):
    """{index: label} under the timeline: every third month up to two years, else years (every n-th of many)."""
    if len(axis) <= 24:
        return {i: m for i, m in enumerate(axis) if i % 3 == 0}
    every = math.ceil(len(axis) / 144)
    return {i: m[:4] for i, m in enumerate(axis) if m.endswith("-01") and int(m[:4]) % every == 0}


def _number(n):
    return "–" if n is None else f"{n:,}"


def _table(headers, rows):
    """Rows as aligned plain-text columns, numbers right-aligned."""
    cells = [[_number(c) if c is None or isinstance(c, int) else str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [all(isinstance(r[i], int) or r[i] is None for r in rows) for i in range(len(headers))]
    return "\n".join("  " + "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(r, widths, numeric))
                     .rstrip() for r in cells)


def render_text(data, events_shown=10):
    """The terminal summary."""
    c = data["counts"]
    lines = [f"Parley report: {data['out']}",
             f"articles {_number(c['articles'])}, meetings {_number(c['meetings'])}, events "
             f"{_number(c['events']) if c['events'] is not None else '– (no events/ folder)'}, rejects "
             f"{_number(c['rejects'])}; runs {data['runs']}"]
    months = data["months"]
    if months:
        busiest = max(months, key=lambda m: (sum(months[m].values()), m))
        lines.append(f"\nMeetings per month: {sum(sum(s.values()) for s in months.values())} in {len(months)} months "
                     f"from {min(months)} to {max(months)}, most in {busiest} "
                     f"({sum(months[busiest].values())}); {data['undated']} dated by year only or not at all")
    sections = [("Most frequent pairs", "pair", data["pairs"]), ("Status", "status", data["status"]),
                ("Format", "format", data["format"]), ("Top topics", "topic", data["topics"])]
    for title, header, rows in sections:
        if rows:
            lines += [f"\n{title}:", _table([header, "meetings", "events"], rows)]
    if data["rejects"]:
        lines += ["\nRejects by reason:", _table(["stage", "reason", "rejects"], data["rejects"])]
    if data["events"]:
        lines += [f"\nLatest events ({min(events_shown, len(data['events']))} of {_number(c['events'])}):",
                  _table(["date", "participants", "place", "status", "reports"],
                         [(e["date"] or "undated", ", ".join(e["participants"]), e["place"], e["status"],
                           e["num_articles"]) for e in data["events"][:events_shown]])]
    return "\n".join(lines) + "\n"


def _esc(value):
    return html.escape("" if value is None else str(value))


def _short(text, limit=34):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def bar_chart(name, rows, colours=None, width=640):
    """Horizontal bars, one per (label, value, note) row."""
    if not rows:
        return '<p class="empty">None.</p>'
    label_width, bar, gap = 220, 18, 6
    plot = width - label_width - 150
    height = len(rows) * (bar + gap) + gap
    top = max(r[1] for r in rows) or 1
    parts = [f'<svg class="chart" data-chart="{name}" role="img" aria-label="{_esc(name)}" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for i, (label, value, note) in enumerate(rows):
        y, w = gap + i * (bar + gap), round(plot * value / top)
        parts.append(f'<g><title>{_esc(label)}: {_esc(note)}</title>'
                     f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{_esc(_short(label))}</text>'
                     f'<rect class="bar" x="{label_width}" y="{y}" width="{w}" height="{bar}" '
                     f'fill="{(colours or {}).get(label, BAR)}"/>'
                     f'<text x="{label_width + w + 5}" y="{y + 13}">{_esc(note)}</text></g>')
    return "".join(parts) + "</svg>"


def timeline(months, width=720, height=240):
    """Monthly bars stacked by status, every month from the first to the last."""
    if not months:
        return '<p class="empty">No meeting dated to the day or month.</p>'
    axis = list(month_range(min(months), max(months)))
    statuses = [s for s in STATUSES if any(s in m for m in months.values())]
    statuses += sorted({s for m in months.values() for s in m} - set(statuses))
    left, top, bottom = 36, 26, 22
    plot_w, plot_h = width - left - 8, height - top - bottom
    peak = max(sum(m.values()) for m in months.values())
    step = plot_w / len(axis)
    parts = [f'<svg class="chart" data-chart="timeline" role="img" aria-label="meetings per month" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for i, status in enumerate(statuses):
        parts.append(f'<rect x="{left + i * 110}" y="4" width="10" height="10" fill="{COLOURS.get(status, OTHER)}"/>'
                     f'<text x="{left + i * 110 + 14}" y="13">{_esc(status)}</text>')
    for value in sorted({0, peak}):
        y = top + plot_h - plot_h * value / peak
        parts.append(f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ccc"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    for i, label in axis_labels(axis).items():
        parts.append(f'<text x="{left + i * step:.1f}" y="{height - 6}">{label}</text>')
    for i, month in enumerate(axis):
        counts, x, base = months.get(month, {}), left + i * step, top + plot_h
        detail = ", ".join(f"{s} {counts[s]}" for s in statuses if s in counts)
        parts.append(f'<g><title>{month}: {_plural(sum(counts.values()), "meeting")}'
                     f'{" (" + detail + ")" if detail else ""}</title>')
        for status in (s for s in statuses if s in counts):
            h = plot_h * counts[status] / peak
            base -= h
            parts.append(f'<rect class="bar" x="{x + step * 0.1:.1f}" y="{base:.1f}" width="{step * 0.8:.1f}" '
                         f'height="{h:.1f}" fill="{COLOURS.get(status, OTHER)}"/>')
        parts.append("</g>")
    return "".join(parts) + "</svg>"


CSS = """
body{font:14px/1.45 system-ui,sans-serif;color:#222;margin:2em auto;max-width:1100px;padding:0 1em}
h1{margin-bottom:0}.meta{color:#666;margin-top:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.counts{display:flex;gap:1.2em;flex-wrap:wrap}.count{border:1px solid #ddd;border-radius:6px;padding:.5em 1em}
.count b{display:block;font-size:1.8em}.chart{max-width:100%;height:auto;font-size:12px}
.cols{display:flex;gap:2em;flex-wrap:wrap}table{border-collapse:collapse;width:100%}
td,th{border-top:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}
td.n{text-align:right}.empty{color:#666}blockquote{margin:.2em 0 .5em;color:#444}
.status{font-weight:600}"""


def _plural(n, word):
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _breakdown(name, rows, colours=None, width=640):
    return bar_chart(name, [(label, meetings, _plural(meetings, "meeting")
                             + ("" if events is None else ", " + _plural(events, "event")))
                            for label, meetings, events in rows], colours, width)


def _event_row(event):
    reports = "".join(
        f'<li><span class="status">{_esc(r["status"])}</span> '
        + (f'<a href="{_esc(r["href"])}">{_esc(r["title"])}</a>' if r["href"] else _esc(r["title"]))
        + (f' ({r["published"]})' if r["published"] else "")
        + f'<blockquote>{_esc(r["evidence"])}</blockquote></li>' for r in event["reports"][:REPORTS_SHOWN])
    more = len(event["reports"]) - REPORTS_SHOWN
    reports += f"<li>and {more} more reports</li>" if more > 0 else ""
    conflicts = "".join(f"<br>conflict: {_esc(c)}" for c in event["conflicts"] or [])
    return (f'<tr><td>{_esc(event["date"] or "undated")}<br><small>{_esc(event["precision"] or "")}</small></td>'
            f'<td>{_esc(", ".join(event["participants"]))}</td><td>{_esc(event["place"])}</td>'
            f'<td>{_esc(event["status"])}<br><small>{_esc(event["format"])}</small>{conflicts}</td>'
            f'<td class="n">{event["num_articles"]}</td><td><ul>{reports}</ul></td></tr>')


def _events_section(data):
    events, total = data["events"], data["counts"]["events"]
    if events is None:
        return '<p class="empty">No events/ folder: <code>parley events DIR</code> builds it from meetings/.</p>'
    if not events:
        return '<p class="empty">No events.</p>'
    shown = f"<p>The latest {len(events)} of {total:,} events.</p>" if len(events) < total else ""
    return (shown + "<table><thead><tr><th>date</th><th>participants</th><th>place</th><th>status</th>"
            "<th>reports</th><th>evidence and sources</th></tr></thead><tbody>"
            + "".join(map(_event_row, events)) + "</tbody></table>")


def render_html(data):
    """The report as one HTML page that needs nothing else."""
    counts = "".join(f'<div class="count" data-count="{name}"><b>{_number(n)}</b>{name}</div>'
                     for name, n in data["counts"].items())
    rejects = [(f"{stage}/{reason}", n, f"{n}") for stage, reason, n in data["rejects"]]
    undated = f'<p>{data["undated"]} meetings dated by year only or not at all are not on the chart.</p>'
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley report: {_esc(data["out"])}</title><style>{CSS}</style></head><body>
<h1>Parley report</h1>
<p class="meta">{_esc(data["out"])} · runs: {data["runs"]} · made {data["generated_at"].isoformat()} by Parley
{__version__} (schema version {SCHEMA_VERSION})</p>
<section id="counts"><div class="counts">{counts}</div></section>
<section id="timeline"><h2>Meetings per month</h2>{timeline(data["months"])}{undated}</section>
<section id="pairs"><h2>Most frequent pairs of participants</h2>{_breakdown("pairs", data["pairs"])}</section>
<section id="breakdowns" class="cols">
<div><h2>Status</h2>{_breakdown("status", data["status"], COLOURS, 520)}</div>
<div><h2>Format</h2>{_breakdown("format", data["format"], width=520)}</div></section>
<section id="topics"><h2>Top topics</h2>{_breakdown("topics", data["topics"])}</section>
<section id="rejects"><h2>Rejects by reason</h2>{bar_chart("rejects", rejects)}</section>
<section id="events"><h2>Events</h2>{_events_section(data)}</section>
</body></html>
"""
