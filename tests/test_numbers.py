"""Figures side by side across articles, with disagreements flagged."""

from __future__ import annotations

from storydiff.compare.numbers import interval, numbers_table
from storydiff.model import Analysis, Article, Point, Quantity, StatementRef


def _quantity(text, counts, value=None, low=None, high=None, qualifier=None, unit=None):
    return Quantity(0, len(text), text, value, low, high, qualifier, unit, counts)


def _analysis(article_id, *quantities):
    return Analysis(
        article=Article(id=article_id, source=article_id, text="x"), quantities=quantities
    )


def _point_over(*analyses):
    """A shared point holding the first statement-sized span of each analysis."""
    refs = tuple(StatementRef(a.article.id, 0, 40, "x") for a in analyses)
    return Point(kind="agree", statements=refs, summary="x", score=0.9)


def test_figures_of_the_same_thing_disagree_only_within_a_shared_point():
    first = _analysis(
        "a",
        _quantity(
            "About 800,000 people",
            "people at risk of displacement",
            value=800000,
            qualifier="about",
        ),
    )
    second = _analysis(
        "b", _quantity("two million people", "people at risk of being displaced", value=2000000)
    )
    (row,) = numbers_table([first, second], [_point_over(first, second)])
    assert row.conflict is True
    assert row.values == {"a": ("About 800,000 people",), "b": ("two million people",)}
    # Without a point saying the sentences tell one fact, the figures are not set against
    # each other: two polls, two dates, two places.
    rows = numbers_table([first, second])
    assert len(rows) == 2 and not any(r.conflict for r in rows)


def test_figures_in_other_units_or_matched_on_the_other_side_do_not_disagree():
    share = _analysis(
        "a", _quantity("37%", "voters who back the senator", value=37, unit="percent")
    )
    count = _analysis("b", _quantity("61 voters", "voters who back the senator", value=61))
    assert not any(r.conflict for r in numbers_table([share, count], [_point_over(share, count)]))
    both = _analysis(
        "c",
        _quantity("46%", "likely voters who side with the governor", value=46, unit="percent"),
        _quantity("33%", "likely voters who side with the governor", value=33, unit="percent"),
    )
    again = _analysis(
        "d",
        _quantity(
            "46 percent", "likely voters who side with the governor", value=46, unit="percent"
        ),
        _quantity(
            "33 percent", "likely voters who side with the governor", value=33, unit="percent"
        ),
    )
    rows = numbers_table([both, again], [_point_over(both, again)])
    assert not any(r.conflict for r in rows)
    # Each figure shares a row with the one that agrees with it.
    assert [r.values for r in rows] == [
        {"c": ("46%",), "d": ("46 percent",)},
        {"c": ("33%",), "d": ("33 percent",)},
    ]


def test_qualified_figures_that_overlap_agree():
    first = _analysis(
        "a", _quantity("about 800,000 people", "people displaced", value=800000, qualifier="about")
    )
    second = _analysis("b", _quantity("850,000 people", "people displaced", value=850000))
    (row,) = numbers_table([first, second])
    assert row.conflict is False


def test_different_things_stay_apart_and_vague_ranges_count():
    first = _analysis(
        "a", _quantity("Thousands of troops", "troops surrounding the city", low=1000, high=9999)
    )
    second = _analysis(
        "b", _quantity("three million people", "people living in the area", value=3000000)
    )
    rows = numbers_table([first, second])
    assert len(rows) == 2 and not any(r.conflict for r in rows)
    assert interval(Quantity(0, 1, "5", value=5, qualifier="more than")) == (5.0, float("inf"))


def test_a_figure_that_says_nothing_of_what_it_counts_joins_its_agreeing_figure_in_a_point():
    described = _analysis("a", _quantity("45 percent", "voters backing the mayor", value=45))
    bare = _analysis("b", _quantity("45%", None, value=45))
    (row,) = numbers_table([described, bare], [_point_over(described, bare)])
    assert row.values == {"a": ("45 percent",), "b": ("45%",)}
    # Outside a point it is left out: nothing says what it counts.
    (alone,) = numbers_table([described, bare])
    assert alone.values == {"a": ("45 percent",)}
