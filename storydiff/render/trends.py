"""A trend as a plain-text table, CSV or an SVG chart."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from markupsafe import Markup

from storydiff.render.charts import line_chart
from storydiff.store.export import spreadsheet_safe
from storydiff.store.trends import PERIODS, Trend


def render_trend(result: Trend, fmt: str) -> str:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(map(spreadsheet_safe, result.rows))
        return buffer.getvalue()
    if fmt == "svg":
        return str(_chart(result)) + "\n"
    return _table(result)


def _table(result: Trend) -> str:
    if not result.rows:
        return f"No dated article mentions {result.subject} {result.name!r}.\n"
    cells = [result.columns, *([_cell(v) for v in row] for row in result.rows)]
    widths = [max(len(str(row[k])) for row in cells) for k in range(len(result.columns))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _chart(result: Trend) -> Markup:
    """One line per outlet (per outlet and voice, for a label) of the trend's main measure,
    over every period from the first to the last: a period with no data is on the axis too,
    at zero, so that time is spaced as it passed."""
    periods, positions = timeline(sorted({row[0] for row in result.rows}), result.period)
    measure = result.columns.index(result.measure)
    series: dict[str, dict[str, float]] = {}
    for row in result.rows:
        name = (
            f"{row[1] or 'unknown outlet'} · {row[2]}"
            if result.subject == "label"
            else (row[1] or "unknown outlet")
        )
        series.setdefault(name, {})[row[0]] = float(row[measure] or 0)
    what = result.measure.replace("_", " ")
    return line_chart(
        f"{what} per {result.period}: {result.subject} {result.name}",
        periods,
        [(name, [values.get(p, 0.0) for p in periods]) for name, values in sorted(series.items())],
        positions,
        (result.period, what),
    )


def period_start(period: str, by: str) -> date | None:
    """The first day of a ``YYYY-MM`` month or a ``YYYY-Www`` week; None when it is neither.

    Weeks are SQLite's ``%W``: they start on Monday, and week 00 holds the days before the
    year's first Monday, so a week split by New Year is two periods, the second starting on
    1 January."""
    try:
        if by == "month":
            return datetime.strptime(period, "%Y-%m").date()
        monday = datetime.strptime(f"{period}-1", "%Y-W%W-%w").date()
        return max(monday, date(int(period[:4]), 1, 1))
    except ValueError:
        return None


def timeline(periods: list[str], by: str) -> tuple[list[str], list[float] | None]:
    """Every period from the first given to the last (the given ones among them), each with
    its place in time in days from the first; the given periods, evenly spaced, when they
    cannot all be read as dates."""
    starts = {p: period_start(p, by) for p in periods}
    known = {p: start for p, start in starts.items() if start is not None}
    if not known or len(known) < len(starts):
        return periods, None
    first, last = min(known.values()), max(known.values())
    step = timedelta(days=1 if by == "week" else 28)  # never a whole month or week skipped
    day = first
    while day < last:
        label = day.strftime(PERIODS[by])
        if label not in known:
            start = period_start(label, by)
            if start is not None:
                known[label] = start
        day += step
    ordered = sorted(known, key=known.__getitem__)
    return ordered, [float((known[p] - first).days) for p in ordered]
