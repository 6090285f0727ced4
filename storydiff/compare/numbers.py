"""Figures side by side: quantities in different articles that count the same thing, whether
they agree, and the ones that really disagree.

Two figures are compared only when they are in the same unit and describe the same counted
thing. A disagreement is shown only between figures whose sentences the alignment found to
report the same fact (one point): a candidate's 37% and the 61% of voters untroubled by an
issue share a unit and a poll, not a fact. Within a point, a figure that agrees with some
figure of the other article is not in conflict with the others there ("46% to 33%" against
"46 percent to 33 percent" is agreement, not 46 against 33).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial

from storydiff.compare.similarity import content_words
from storydiff.config import DEFAULTS, Config, FigureSettings
from storydiff.model import Analysis, FigureRow, Point, Quantity
from storydiff.nlp.numbers_data import MEASURE_UNITS, PERCENT_WORDS

# How much overlap makes two descriptions one counted thing, and how far a qualified figure
# reaches, are the settings figures.same_thing_overlap and figures.qualified_slack.
# Words that name a unit say what a number is measured in, not what it counts.
UNIT_WORDS = frozenset(
    word
    for phrase in (*PERCENT_WORDS, *MEASURE_UNITS, "point", "points", "percentage")
    for word in content_words(phrase)
)


def interval(
    quantity: Quantity, settings: FigureSettings = DEFAULTS.figures
) -> tuple[float, float] | None:
    """The range a quantity claims, widened a little (``qualified_slack``) when it is
    qualified."""
    low, high, value = quantity.low, quantity.high, quantity.value
    if value is not None:
        low = high = float(value)
    if low is None or high is None:
        return None
    qualifier = quantity.qualifier
    if qualifier in {"more than", "at least", "over"}:
        return float(low), float("inf")
    if qualifier in {"less than", "up to", "at most"}:
        return 0.0, float(high)
    if qualifier:
        slack = settings.qualified_slack
        return float(low) * (1 - slack), float(high) * (1 + slack)
    return float(low), float(high)


def counted_words(quantity: Quantity) -> tuple[str, ...]:
    """The content words of what a quantity counts, without unit words."""
    return _counted_words(quantity.counts or "")


@lru_cache(maxsize=4096)
def _counted_words(counts: str) -> tuple[str, ...]:
    # Figures are compared pairwise: each description is read once, not once per pair.
    return tuple(w for w in content_words(counts) if w not in UNIT_WORDS)


def same_thing(a: Quantity, b: Quantity, settings: FigureSettings = DEFAULTS.figures) -> bool:
    """The same unit and the same counted thing: the same head noun and enough shared words
    (``same_thing_overlap``)."""
    if a.unit != b.unit:
        return False
    words_a, words_b = counted_words(a), counted_words(b)
    if not words_a or not words_b or words_a[0] != words_b[0]:
        return False
    shared = len(set(words_a) & set(words_b))
    return shared / len(set(words_a) | set(words_b)) >= settings.same_thing_overlap


def disagree(a: Quantity, b: Quantity, settings: FigureSettings = DEFAULTS.figures) -> bool:
    first, second = interval(a, settings), interval(b, settings)
    if first is None or second is None:
        return False
    return first[1] < second[0] or second[1] < first[0]


def compatible(a: Quantity, b: Quantity, settings: FigureSettings = DEFAULTS.figures) -> bool:
    """The same unit and overlapping values: the two may be one figure told twice."""
    if a.unit != b.unit:
        return False
    first, second = interval(a, settings), interval(b, settings)
    return first is not None and second is not None and not disagree(a, b, settings)


def agreeing(
    first: Sequence[Quantity],
    second: Sequence[Quantity],
    settings: FigureSettings = DEFAULTS.figures,
) -> bool:
    """A figure of each that counts the same thing with compatible values."""
    return any(
        same_thing(a, b, settings) and compatible(a, b, settings) for a in first for b in second
    )


def conflicting(
    first: Sequence[Quantity],
    second: Sequence[Quantity],
    settings: FigureSettings = DEFAULTS.figures,
) -> bool:
    """A figure of each that counts the same thing with incompatible values, neither of which
    agrees with any figure of the other side."""
    return any(
        same_thing(a, b, settings)
        and disagree(a, b, settings)
        and not any(compatible(a, y, settings) for y in second)
        and not any(compatible(x, b, settings) for x in first)
        for a in first
        for b in second
    )


def numbers_table(
    analyses: Sequence[Analysis], points: Iterable[Point] = (), config: Config = DEFAULTS
) -> list[FigureRow]:
    """The figures table, one ``FigureRow`` per thing counted.

    Figures of different articles share a row as ``_same_figure`` says; only figures whose
    sentences are in one point can disagree. A figure that does not say what it counts
    ("43 percent") has no row of its own but joins the row of a figure it agrees with in a
    sentence of the same point. Rows more than one article gives come first, conflicts first
    among them."""
    settings = config.figures
    same_point = _figures_in_same_point(analyses, points)
    rows: list[_Row] = []
    described = [
        (a.article.id, k, q, q.counts)
        for a in analyses
        for k, q in enumerate(a.quantities)
        if q.counts
    ]
    bare = [
        (a.article.id, k, q) for a in analyses for k, q in enumerate(a.quantities) if not q.counts
    ]
    for article_id, index, quantity, counts in described:
        partners = same_point.get((article_id, index), set())
        row = _row_for(rows, article_id, partial(_described_fits, quantity, partners, settings))
        if row is None:
            row = _Row(counts)
            rows.append(row)
        row.add(article_id, index, quantity)
    for article_id, index, quantity in bare:
        partners = same_point.get((article_id, index), set())
        row = _row_for(rows, article_id, partial(_bare_fits, quantity, partners, settings))
        if row is not None:
            row.add(article_id, index, quantity)
    table = [row.finished(settings) for row in rows]
    return sorted(table, key=lambda r: (len(r.values) < 2, not r.conflict))


def _described_fits(
    quantity: Quantity,
    partners: set[tuple[str, int]],
    settings: FigureSettings,
    other: str,
    index: int,
    q: Quantity,
) -> bool:
    return _same_figure(quantity, q, (other, index) in partners, settings)


def _bare_fits(
    quantity: Quantity,
    partners: set[tuple[str, int]],
    settings: FigureSettings,
    other: str,
    index: int,
    q: Quantity,
) -> bool:
    """A figure that does not say what it counts joins only an agreeing figure of its point."""
    return (other, index) in partners and compatible(quantity, q, settings)


def _row_for(
    rows: Sequence[_Row], article_id: str, belongs: Callable[[str, int, Quantity], bool]
) -> _Row | None:
    """The first row without a figure of this article yet that holds a figure (article id,
    index, quantity) this one ``belongs`` with."""
    return next(
        (
            r
            for r in rows
            if article_id not in r.members and any(belongs(o, k, q) for o, k, q in r.figures)
        ),
        None,
    )


def _same_figure(a: Quantity, b: Quantity, in_one_point: bool, settings: FigureSettings) -> bool:
    """Two articles' figures belong in one row when they count the same thing and agree, or
    when their sentences tell one fact (a point) and they either agree (the same value in the
    same unit, however each describes it: "47 percent to 43" / "leads 47-43") or count the
    same thing (and may disagree)."""
    if in_one_point:
        return compatible(a, b, settings) or same_thing(a, b, settings)
    return same_thing(a, b, settings) and compatible(a, b, settings)


class _Row:
    """One row of the figures table while it is being built."""

    def __init__(self, counts: str) -> None:
        self.counts = counts
        self.members: dict[str, list[Quantity]] = {}
        self.figures: list[tuple[str, int, Quantity]] = []

    def add(self, article_id: str, index: int, quantity: Quantity) -> None:
        self.members.setdefault(article_id, []).append(quantity)
        self.figures.append((article_id, index, quantity))

    def finished(self, settings: FigureSettings) -> FigureRow:
        sides = list(self.members.values())
        conflict = any(
            conflicting(a, b, settings) for k, a in enumerate(sides) for b in sides[k + 1 :]
        )
        return FigureRow(
            self.counts,
            {aid: tuple(q.text for q in qs) for aid, qs in self.members.items()},
            {aid: tuple(q.claimed_by for q in qs) for aid, qs in self.members.items()},
            conflict,
        )


def _figures_in_same_point(
    analyses: Sequence[Analysis], points: Iterable[Point]
) -> dict[tuple[str, int], set[tuple[str, int]]]:
    """For each figure (article id, index), the figures of other articles whose sentences
    share a point with its sentence."""
    by_id = {a.article.id: a for a in analyses}
    found: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for point in points:
        figures = [
            (ref.article, k)
            for ref in point.statements
            for k, q in enumerate(by_id[ref.article].quantities)
            if ref.start <= q.start < ref.end
        ]
        for a in figures:
            for b in figures:
                if a[0] != b[0]:
                    found.setdefault(a, set()).add(b)
    return found
