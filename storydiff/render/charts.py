"""Charts as inline SVG, for what a reader takes in faster by looking than by reading.

Two charts: the share of each outlet's quotes that goes to each speaker (one 100% bar per
outlet), and the labels each outlet uses for each group of actors, by voice (one bar per outlet
per group). The tables beside them hold the same numbers as text; each chart is an image with
a title and a description for screen readers. Colours are the Okabe-Ito palette, which readers
with the common colour-vision deficiencies can tell apart, and every segment also carries its
name and count in a tooltip (``<title>``). Only presentation attributes are used, no ``style``,
so the page's Content-Security-Policy needs no exception; every text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from storydiff.compare.summary import plural
from storydiff.render.common import VOICE_LABELS, FramingRow, SpeakerRow

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
OTHERS_COLOUR = "#8C8C8C"
VOICE_COLOURS = {"own": "#0072B2", "attributed": "#E69F00", "scare_quoted": "#CC79A7"}
WIDTH = 720
LABEL_WIDTH = 200
BAR_HEIGHT = 22
GAP = 8
FONT = 'font-family="system-ui, sans-serif" font-size="13"'
# More speakers than this are one grey "other speakers" segment: a bar of twenty slivers
# shows nothing.
MAX_SPEAKERS = len(PALETTE)
MAX_ACTORS = 8


@dataclass(frozen=True)
class Frame:
    """How a bar chart is laid out. Wide: each bar's name in a column to its left. Narrow,
    for a phone: each name on its own line above its bar, in a drawing about as wide as the
    screen, so the text is shown at the page's own size rather than shrunk to half of it."""

    width: int
    label_width: int
    name: str
    limit: int

    @property
    def narrow(self) -> bool:
        return not self.label_width

    def bar_label(self, parts: list[str], y: float, label: str) -> float:
        """Draws a bar's name; returns where the bar goes."""
        if self.narrow:
            parts.append(_text(0, y + 13, label, limit=self.limit))
            return y + 18
        parts.append(
            _text(self.label_width - GAP, y + BAR_HEIGHT * 0.7, label, "end", limit=self.limit)
        )
        return y


# Longest names: what fits in the label column, or across a narrow drawing, at 13 px.
WIDE = Frame(WIDTH, LABEL_WIDTH, "", 26)
NARROW = Frame(360, 0, "-narrow", 48)


def quote_share_chart(
    rows: Sequence[SpeakerRow], labels: Sequence[str], frame: Frame = WIDE
) -> Markup:
    """One 100% bar per outlet, a segment per speaker in the order of the sources table."""
    if not rows or not any(r.total for r in rows):
        return Markup("")
    shown = list(rows[:MAX_SPEAKERS])
    rest = rows[MAX_SPEAKERS:]
    series = [(row.speaker, PALETTE[k], row.counts) for k, row in enumerate(shown)]
    if rest:
        others = tuple(sum(r.counts[i] for r in rest) for i in range(len(labels)))
        series.append((plural(len(rest), "other speaker"), OTHERS_COLOUR, others))
    plot = frame.width - frame.label_width - GAP
    parts: list[str] = []
    y: float = GAP
    for index, label in enumerate(labels):
        total = sum(counts[index] for _, _, counts in series)
        y = frame.bar_label(parts, y, label)
        if not total:
            parts.append(_text(frame.label_width + GAP, y + BAR_HEIGHT * 0.7, "no quotes"))
        x = float(frame.label_width)
        for name, colour, counts in series:
            count = counts[index]
            if not count:
                continue
            width = plot * count / total
            tip = f"{label}: {name}, {count} of {total} quotes ({count / total:.0%})"
            parts.append(_rect(x, y, width, BAR_HEIGHT, colour, tip))
            x += width
        y += BAR_HEIGHT + GAP
    legend, height = _legend(
        [(name, colour) for name, colour, _ in series], y + GAP, frame.width, frame.limit
    )
    description = "; ".join(
        f"{label}: " + ", ".join(f"{name} {counts[i]}" for name, _, counts in series if counts[i])
        for i, label in enumerate(labels)
    )
    return _svg(
        "quote-share",
        "Share of quotes by speaker, per outlet",
        description,
        height,
        parts + legend,
        frame,
    )


def labels_by_voice_chart(
    rows: Sequence[FramingRow], labels: Sequence[str], frame: Frame = WIDE
) -> Markup:
    """Per group of actors, one bar per outlet: how many labels it uses in each voice, on one
    scale for the whole chart so that bars compare across groups."""
    rows = [r for r in rows if any(r.cells)][:MAX_ACTORS]
    if not rows:
        return Markup("")
    totals = [
        [sum(t.count for t in cell if t.voice == voice) for voice in VOICE_COLOURS]
        for row in rows
        for cell in row.cells
    ]
    largest = max((sum(t) for t in totals), default=0) or 1
    plot = frame.width - frame.label_width - GAP - 40
    parts: list[str] = []
    y: float = GAP
    for row in rows:
        parts.append(_text(0, y + 14, row.actor, bold=True, limit=frame.limit))
        y += 20
        for label, cell in zip(labels, row.cells, strict=True):
            y = frame.bar_label(parts, y, label)
            x = float(frame.label_width)
            for voice, colour in VOICE_COLOURS.items():
                terms = [t for t in cell if t.voice == voice]
                count = sum(t.count for t in terms)
                if not count:
                    continue
                width = plot * count / largest
                words = ", ".join(f"{t.text} ×{t.count}" for t in terms)
                tip = f"{label}, {row.actor}, {VOICE_LABELS[voice]} voice: {words}"
                parts.append(_rect(x, y, width, BAR_HEIGHT, colour, tip))
                x += width
            total = sum(t.count for t in cell)
            parts.append(_text(x + 4, y + BAR_HEIGHT * 0.7, str(total) if total else "none"))
            y += BAR_HEIGHT + 4
        y += GAP
    legend, height = _legend(
        [(f"{VOICE_LABELS[v]} voice", c) for v, c in VOICE_COLOURS.items()],
        y,
        frame.width,
        frame.limit,
    )
    description = "; ".join(
        f"{row.actor}: "
        + ", ".join(
            f"{label} "
            + (
                " and ".join(f"{t.count} {t.text} ({VOICE_LABELS[t.voice]})" for t in cell)
                or "none"
            )
            for label, cell in zip(labels, row.cells, strict=True)
        )
        for row in rows
    )
    return _svg(
        "labels-by-voice",
        "Labels for each group of actors, per outlet, by voice",
        description,
        height,
        parts + legend,
        frame,
    )


def _legend(
    entries: Sequence[tuple[str, str]], top: float, width: float = WIDTH, limit: int = 28
) -> tuple[list[str], float]:
    """Swatches with names, wrapped into rows; returns the parts and the chart's height."""
    parts, x, y = [], 0.0, top
    for name, colour in entries:
        shown = _short(name, limit)
        entry = 22 + 7.5 * len(shown)
        if x and x + entry > width:
            x, y = 0.0, y + 20
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14" fill="{colour}"/>')
        parts.append(_text(x + 18, y + 12, name, limit=limit))
        x += entry + 12
    return parts, y + 24


def _rect(x: float, y: float, width: float, height: float, colour: str, tip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height}" fill="{colour}" '
        f'stroke="#ffffff" stroke-width="1"><title>{escape(tip)}</title></rect>'
    )


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    bold: bool = False,
    limit: int = 28,
) -> str:
    weight = ' font-weight="600"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="#1b1b1b" {FONT}{weight}>'
        f"{escape(_short(text, limit))}</text>"
    )


def _short(text: str, limit: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg(
    name: str,
    title: str,
    description: str,
    height: float,
    parts: list[str],
    frame: Frame = WIDE,
) -> Markup:
    """The chart's drawing; the narrow one is told apart by its id and class, for the page to
    show one of the two."""
    body = "".join(parts)
    kind = "chart chart-narrow" if frame.narrow else "chart"
    name += frame.name
    return Markup(
        f'<svg class="{kind}" id="chart-{name}" role="img" '
        f'viewBox="0 0 {frame.width} {height:.0f}" '
        f'width="100%" aria-labelledby="chart-{name}-title chart-{name}-desc" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-{name}-title">{escape(title)}</title>'
        f'<desc id="chart-{name}-desc">{escape(description)}</desc>{body}</svg>'
    )


def line_chart(
    title: str,
    periods: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    positions: Sequence[float] | None = None,
    axes: tuple[str, str] = ("", ""),
) -> Markup:
    """One line per series over the periods, on one scale from zero, each point with data
    marked and its value in a tooltip. Used for trends: an outlet's quotes of a speaker month
    by month.

    ``positions`` places each period in time (days from the first, say), so that a stretch
    with no data keeps its width; without them periods are evenly spaced. ``axes`` names
    what the horizontal and the vertical axis measure. Every label is kept inside the frame:
    the first and last period labels are aligned to the plot's edges, and labels that would
    overlap are left out."""
    if not periods or not series:
        return Markup("")
    shown = list(series[: len(PALETTE)])
    height_plot, left, top, right = 240.0, 48.0, 30.0, 16.0
    width_plot = WIDTH - left - right
    largest = max((max(values, default=0) for _, values in shown), default=0) or 1
    where = list(positions) if positions is not None else [float(k) for k in range(len(periods))]
    first, span = where[0], (where[-1] - where[0]) or 1.0

    def x(k: int) -> float:
        if len(periods) == 1:
            return left + width_plot / 2
        return left + width_plot * (where[k] - first) / span

    def y(value: float) -> float:
        return top + height_plot * (1 - value / largest)

    across, up = axes
    parts = [
        f'<line x1="{left}" y1="{y(0):.1f}" x2="{left + width_plot:.1f}" y2="{y(0):.1f}" '
        'stroke="#4a4a4a" stroke-width="1"/>',
        f'<line x1="{left}" y1="{y(largest):.1f}" x2="{left + width_plot:.1f}" '
        f'y2="{y(largest):.1f}" stroke="#d0d0d0" stroke-width="1"/>',
        _text(left - 6, y(largest) + 4, _number(largest), anchor="end"),
        _text(left - 6, y(0) + 4, "0", anchor="end"),
    ]
    if up:
        parts.append(_text(left, top - 12, up, limit=60))
    for k, anchor in _period_labels([x(k) for k in range(len(periods))], periods):
        parts.append(_text(x(k), y(0) + 18, periods[k], anchor=anchor))
    if across:
        parts.append(_text(left + width_plot, y(0) + 38, across, anchor="end", limit=60))
    for number, (name, values) in enumerate(shown):
        colour = PALETTE[number]
        points = " ".join(f"{x(k):.1f},{y(v):.1f}" for k, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        for k, value in enumerate(values):
            if not value:
                continue
            tip = f"{name}, {periods[k]}: {_number(value)}"
            parts.append(
                f'<circle cx="{x(k):.1f}" cy="{y(value):.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(tip)}</title></circle>"
            )
    legend, height = _legend([(name, PALETTE[n]) for n, (name, _) in enumerate(shown)], y(0) + 52)
    description = "; ".join(
        f"{name}: "
        + (
            ", ".join(f"{p} {_number(v)}" for p, v in zip(periods, values, strict=True) if v)
            or "none"
        )
        + (" (0 in the other periods)" if 0 in values and any(values) else "")
        for name, values in shown
    )
    return _svg("trend", title, description, height, parts + legend)


# Width of a character of the charts' 13 px sans-serif, on average, to keep labels apart.
CHAR_WIDTH = 7.5


def _period_labels(xs: Sequence[float], periods: Sequence[str]) -> list[tuple[int, str]]:
    """Which period labels to draw, and how each is anchored: every n-th period, n as small
    as keeps the labels apart, and the last; the first label starts at its point and the last
    ends at its point, so that neither runs past the frame, and the others are centred."""
    last = len(periods) - 1
    if not last:
        return [(0, "middle")]
    width = CHAR_WIDTH * max(len(p) for p in periods) + GAP
    closest = min((b - a for a, b in zip(xs, xs[1:], strict=False)), default=width) or width
    stride = max(1, math.ceil(width / closest))
    chosen = [k for k in range(0, last, stride) if xs[last] - xs[k] >= width]
    anchors = {0: "start", last: "end"}
    return [(k, anchors.get(k, "middle")) for k in [*chosen, last]]


def _number(value: float) -> str:
    return f"{value:g}"
