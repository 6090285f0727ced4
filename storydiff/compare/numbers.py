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
from dataclasses import dataclass
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
    sentence of the same point. A headline's figures are placed after the body's, as
    ``_place_headline_figure`` says, so that they never move a body figure. Rows more than
    one article gives come first, conflicts first among them."""
    settings = config.figures
    same_point = _figures_in_same_point(analyses, points)
    rows: list[_Row] = []
    body = [_Figure(a.article.id, k, q) for a in analyses for k, q in enumerate(a.quantities)]
    for figure in (f for f in body if f.quantity.counts):
        partners = same_point.get(figure.key, set())
        row = _row_for(rows, figure.article, partial(_described_fits, figure, partners, settings))
        if row is None:
            row = _Row(figure.quantity.counts or "")
            rows.append(row)
        row.add(figure)
    for figure in (f for f in body if not f.quantity.counts):
        partners = same_point.get(figure.key, set())
        row = _row_for(rows, figure.article, partial(_bare_fits, figure, partners, settings))
        if row is not None:
            row.add(figure)
    for analysis in analyses:
        for index, quantity in enumerate(analysis.headline.quantities if analysis.headline else ()):
            _place_headline_figure(
                rows, _Figure(analysis.article.id, index, quantity, True), settings
            )
    table = [row.finished(settings) for row in rows]
    return sorted(table, key=lambda r: (len(r.values) < 2, not r.conflict))


@dataclass(frozen=True)
class _Figure:
    """A figure as the table places it: its article, its index among the figures of the
    article's body (or of its headline, when ``headline``) and the figure itself."""

    article: str
    index: int
    quantity: Quantity
    headline: bool = False

    @property
    def key(self) -> tuple[str, int]:
        return self.article, self.index


def _described_fits(
    figure: _Figure, partners: set[tuple[str, int]], settings: FigureSettings, other: _Figure
) -> bool:
    in_one_point = not other.headline and other.key in partners
    return _same_figure(figure.quantity, other.quantity, in_one_point, settings)


def _bare_fits(
    figure: _Figure, partners: set[tuple[str, int]], settings: FigureSettings, other: _Figure
) -> bool:
    """A figure that does not say what it counts joins only an agreeing figure of its point."""
    in_one_point = not other.headline and other.key in partners
    return in_one_point and compatible(figure.quantity, other.quantity, settings)


def _place_headline_figure(rows: list[_Row], figure: _Figure, settings: FigureSettings) -> None:
    """Put a headline's figure in the table. A headline usually repeats a figure of its own
    body ("Quake kills 300" over "300 people died"): then it joins that figure's row, as the
    same figure given in the headline too (``_repeated_in_body``). Otherwise a figure that
    says what it counts joins a row where another article counts the same thing and agrees,
    or starts a row of its own; one that does not say what it counts is left out, as in the
    body. A headline is in no point, so no row is joined for a shared point's sake, and
    ``_Row.finished`` sets its figures against no other: a headline's figure never makes a
    row disagree."""
    row = _repeated_in_body(rows, figure, settings)
    counts = figure.quantity.counts
    if row is None and counts:
        row = _row_for(rows, figure.article, partial(_described_fits, figure, set(), settings))
        if row is None:
            row = _Row(counts)
            rows.append(row)
    if row is not None:
        row.add(figure)


def _repeated_in_body(
    rows: Sequence[_Row], figure: _Figure, settings: FigureSettings
) -> _Row | None:
    """The row of the body figure a headline figure repeats: the first of its article's that
    counts the same thing with a compatible value, or else the one figure of its body with
    the very same value and unit (two such figures leave the headline's figure unplaced
    here, since either could be the one it repeats)."""
    own = [
        (row, f)
        for row in rows
        for f in row.figures
        if f.article == figure.article and not f.headline
    ]
    quantity = figure.quantity
    alike = next(
        (row for row, f in own if _same_figure(quantity, f.quantity, False, settings)),
        None,
    )
    if alike is not None:
        return alike
    equal = [(row, f) for row, f in own if _same_value(quantity, f.quantity)]
    return equal[0][0] if len(equal) == 1 else None


def _same_value(a: Quantity, b: Quantity) -> bool:
    """The same value (or range) in the same unit, as given, without any slack."""
    given = (a.value, a.low, a.high)
    return a.unit == b.unit and given != (None, None, None) and given == (b.value, b.low, b.high)


def _row_for(
    rows: Sequence[_Row], article_id: str, belongs: Callable[[_Figure], bool]
) -> _Row | None:
    """The first row without a figure of this article yet that holds a figure this one
    ``belongs`` with."""
    return next(
        (r for r in rows if article_id not in r.articles and any(map(belongs, r.figures))),
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
        self.figures: list[_Figure] = []

    @property
    def articles(self) -> set[str]:
        return {f.article for f in self.figures}

    def add(self, figure: _Figure) -> None:
        self.figures.append(figure)

    def finished(self, settings: FigureSettings) -> FigureRow:
        """The row, its conflict judged on the body's figures alone (see
        ``_place_headline_figure``)."""
        members: dict[str, list[_Figure]] = {}
        for figure in self.figures:
            members.setdefault(figure.article, []).append(figure)
        sides = [[f.quantity for f in fs if not f.headline] for fs in members.values()]
        conflict = any(
            conflicting(a, b, settings) for k, a in enumerate(sides) for b in sides[k + 1 :]
        )
        return FigureRow(
            self.counts,
            {aid: tuple(f.quantity.text for f in fs) for aid, fs in members.items()},
            {aid: tuple(f.quantity.claimed_by for f in fs) for aid, fs in members.items()},
            conflict,
            {aid: tuple(f.headline for f in fs) for aid, fs in members.items()},
        )


def _figures_in_same_point(
    analyses: Sequence[Analysis], points: Iterable[Point]
) -> dict[tuple[str, int], set[tuple[str, int]]]:
    """For each figure of a body (article id, index), the figures of other articles whose
    sentences share a point with its sentence."""
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
