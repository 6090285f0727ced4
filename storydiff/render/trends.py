"""A trend as a plain-text table, CSV or an SVG chart."""

from __future__ import annotations

import csv
import io

from markupsafe import Markup

from storydiff.render.charts import line_chart
from storydiff.store.export import spreadsheet_safe
from storydiff.store.trends import Trend


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
    """One line per outlet (per outlet and voice, for a label) of the trend's main measure."""
    periods = sorted({row[0] for row in result.rows})
    measure = result.columns.index(result.measure)
    series: dict[str, dict[str, float]] = {}
    for row in result.rows:
        name = (
            f"{row[1] or 'unknown outlet'} · {row[2]}"
            if result.subject == "label"
            else (row[1] or "unknown outlet")
        )
        series.setdefault(name, {})[row[0]] = float(row[measure] or 0)
    title = (
        f"{result.measure.replace('_', ' ')} per {result.period}: {result.subject} {result.name}"
    )
    return line_chart(
        title,
        periods,
        [(name, [values.get(p, 0.0) for p in periods]) for name, values in sorted(series.items())],
    )
