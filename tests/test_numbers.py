"""Figures side by side across articles, with disagreements flagged."""

from __future__ import annotations

from storydiff.compare.numbers import interval, numbers_table
from storydiff.model import Analysis, Article


def _quantity(text, counts, value=None, low=None, high=None, qualifier=None):
    return {
        "start": 0,
        "end": len(text),
        "text": text,
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "counts": counts,
        "claimed_by": None,
    }


def _analysis(article_id, *quantities):
    return Analysis(
        article=Article(id=article_id, source=article_id, text="x"), quantities=quantities
    )


def test_same_thing_counted_differently_is_a_conflict():
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
    (row,) = numbers_table([first, second])
    assert row["conflict"] is True
    assert row["values"] == {"a": ["About 800,000 people"], "b": ["two million people"]}


def test_qualified_figures_that_overlap_agree():
    first = _analysis(
        "a", _quantity("about 800,000 people", "people displaced", value=800000, qualifier="about")
    )
    second = _analysis("b", _quantity("850,000 people", "people displaced", value=850000))
    (row,) = numbers_table([first, second])
    assert row["conflict"] is False


def test_different_things_stay_apart_and_vague_ranges_count():
    first = _analysis(
        "a", _quantity("Thousands of troops", "troops surrounding the city", low=1000, high=9999)
    )
    second = _analysis(
        "b", _quantity("three million people", "people living in the area", value=3000000)
    )
    rows = numbers_table([first, second])
    assert len(rows) == 2 and not any(r["conflict"] for r in rows)
    assert interval({"value": 5, "qualifier": "more than"}) == (5.0, float("inf"))
