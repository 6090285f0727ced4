"""The stretch of time a page's chart and table show: the latest by default.

Why: a store's dates can span decades, and a chart of every week of them is unreadable and
takes seconds to draw and send. A page shows at most ``SPAN`` periods, the last ones with
data unless ``since`` and ``until`` (ISO dates, as the evidence page takes them) say
otherwise, and links to the stretches before and after it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from storydiff.render.trends import period_start

SPAN = {"week": 104, "month": 120}

Row = TypeVar("Row")


@dataclass(frozen=True)
class Window:
    """The dates shown (``since``, ``until``), those of all the data (``first``, ``last``),
    and the ``until`` of the stretch before and the ``since`` of the one after, when there
    is more data there."""

    since: str | None
    until: str | None
    first: str | None
    last: str | None
    earlier: str | None = None
    later: str | None = None


def windowed(
    rows: Sequence[Row],
    period_of: Callable[[Row], str],
    by: str,
    args: Mapping[str, str],
) -> tuple[list[Row], Window]:
    """The rows whose period falls in the window ``args`` asks for (the latest ``SPAN``
    periods by default), and the window. Rows whose period is not a date are all kept."""
    starts = [period_start(period_of(row), by) for row in rows]
    dated = sorted(day for day in starts if day is not None)
    if not dated:
        return list(rows), Window(None, None, None, None)
    shown = window(dated[0], dated[-1], by, args)
    return [row for row in rows if within(shown, period_of(row), by)], shown


def window(first: date, last: date, by: str, args: Mapping[str, str]) -> Window:
    """The window ``args`` asks for over data whose periods start from ``first`` to
    ``last``."""
    last = _end(last, by)
    since, until = _given(args.get("since")), _given(args.get("until"))
    if since is None and until is None:
        until = last
    if since is None:
        assert until is not None  # one of the two is given, or until is the last day
        since = _back(until, by)
    if until is None:
        until = _forward(since, by)
    return Window(
        since.isoformat(),
        until.isoformat(),
        first.isoformat(),
        last.isoformat(),
        (since - timedelta(days=1)).isoformat() if first < since else None,
        (until + timedelta(days=1)).isoformat() if last > until else None,
    )


def within(shown: Window, period: str, by: str) -> bool:
    """Whether a period starts inside the window (a period that is no date always does)."""
    start = period_start(period, by)
    if start is None or shown.since is None or shown.until is None:
        return True
    return shown.since <= start.isoformat() <= shown.until


def _given(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _end(start: date, by: str) -> date:
    """The last day of the period that begins on ``start``."""
    if by == "week":
        return start + timedelta(days=6 - start.weekday())
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _back(until: date, by: str) -> date:
    """The first day of the window of ``SPAN`` periods that ends on ``until``."""
    if by == "week":
        return until - timedelta(weeks=SPAN["week"]) + timedelta(days=1)
    months = until.year * 12 + until.month - SPAN["month"]
    return date(months // 12, months % 12 + 1, 1)


def _forward(since: date, by: str) -> date:
    """The last day of the window of ``SPAN`` periods that starts on ``since``."""
    if by == "week":
        return since + timedelta(weeks=SPAN["week"]) - timedelta(days=1)
    months = since.year * 12 + since.month - 1 + SPAN["month"]
    return date(months // 12, months % 12 + 1, 1) - timedelta(days=1)
