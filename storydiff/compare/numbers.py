"""Figures side by side: quantities in different articles that count the same thing, with
the ones that disagree flagged, and the figures only one article gives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storydiff.compare.similarity import content_words
from storydiff.model import Analysis

# Two descriptions of what is counted are taken to be the same thing when they share the head
# noun and at least this share of their content words.
SAME_THING_OVERLAP = 0.25
# "About 800,000" and "800,000" agree; so do figures within this share of each other when
# either is qualified ("about", "almost", "more than").
QUALIFIED_SLACK = 0.15


def interval(quantity: dict[str, Any]) -> tuple[float, float] | None:
    """The range a quantity claims, widened a little when it is qualified."""
    low, high, value = quantity.get("low"), quantity.get("high"), quantity.get("value")
    if value is not None:
        low = high = float(value)
    if low is None or high is None:
        return None
    qualifier = quantity.get("qualifier")
    if qualifier in {"more than", "at least", "over"}:
        return float(low), float("inf")
    if qualifier in {"less than", "up to", "at most"}:
        return 0.0, float(high)
    if qualifier:
        return float(low) * (1 - QUALIFIED_SLACK), float(high) * (1 + QUALIFIED_SLACK)
    return float(low), float(high)


def same_thing(a: dict[str, Any], b: dict[str, Any]) -> bool:
    words_a, words_b = content_words(a.get("counts") or ""), content_words(b.get("counts") or "")
    if not words_a or not words_b or words_a[0] != words_b[0]:
        return False
    shared = len(set(words_a) & set(words_b))
    return shared / len(set(words_a) | set(words_b)) >= SAME_THING_OVERLAP


def disagree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    first, second = interval(a), interval(b)
    if first is None or second is None:
        return False
    return first[1] < second[0] or second[1] < first[0]


def numbers_table(analyses: Sequence[Analysis]) -> list[dict[str, Any]]:
    """Rows ``{"counts", "values": {article_id: [text, ...]}, "conflict", "claimed_by"}``;
    figures more than one article gives come first, conflicts first among them."""
    rows: list[dict[str, Any]] = []
    for analysis in analyses:
        article_id = analysis.article.id
        for quantity in analysis.quantities:
            if not quantity.get("counts"):
                continue
            row = next(
                (
                    r
                    for r in rows
                    if article_id not in r["_members"]
                    and any(same_thing(quantity, q) for q in r["_quantities"])
                ),
                None,
            )
            if row is None:
                row = {"counts": quantity["counts"], "_members": {}, "_quantities": []}
                rows.append(row)
            row["_members"].setdefault(article_id, []).append(quantity)
            row["_quantities"].append(quantity)
    table = []
    for row in rows:
        members: dict[str, list[dict[str, Any]]] = row["_members"]
        pairs = [
            (a, b)
            for i, (ida, qa) in enumerate(members.items())
            for idb, qb in list(members.items())[i + 1 :]
            for a in qa
            for b in qb
            if ida != idb
        ]
        table.append(
            {
                "counts": row["counts"],
                "values": {aid: [q["text"] for q in qs] for aid, qs in members.items()},
                "claimed_by": {
                    aid: [q.get("claimed_by") for q in qs] for aid, qs in members.items()
                },
                "conflict": any(disagree(a, b) for a, b in pairs),
            }
        )
    return sorted(table, key=lambda r: (len(r["values"]) < 2, not r["conflict"]))
