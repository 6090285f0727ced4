"""Grouping statements from different articles into points they share, and the rest into
what only one article says.

A first, lexical alignment: statements are paired across articles by similarity, strongest
pairs first, and pairs that share a statement are merged into one point. Each statement
belongs to at most one point; a statement in no point is ``only_in`` its article.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.compare.similarity import Similarity
from storydiff.model import Analysis, Point, Statement, StatementRef

# Below this cosine, two statements are taken to say different things. Set on the seeds gold:
# TF-IDF over single sentences is sparse, and gold pairs that share a point score 0.12 to 0.27;
# one-to-one greedy merging and MAX_POINTS keep weak pairs from flooding the report.
MIN_SIMILARITY = 0.12
# A reader wants the strongest shared points, not a flood of weak ones.
MAX_POINTS = 20


def align(
    analyses: Sequence[Analysis], similarity: Similarity
) -> tuple[list[Point], dict[str, tuple[Statement, ...]]]:
    items = [(a.article.id, s) for a in analyses for s in a.statements]
    if not items:
        return [], {a.article.id: () for a in analyses}
    matrix = similarity([s.text for _, s in items])
    pairs = sorted(
        (
            (matrix[i][j], i, j)
            for i in range(len(items))
            for j in range(i + 1, len(items))
            if items[i][0] != items[j][0] and matrix[i][j] >= MIN_SIMILARITY
        ),
        reverse=True,
    )
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    scores: list[float] = []
    for score, i, j in pairs:
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is None and gj is None:
            group_of[i] = group_of[j] = len(groups)
            groups.append([i, j])
            scores.append(score)
        elif gi is not None and gj is None and items[j][0] not in {items[k][0] for k in groups[gi]}:
            group_of[j] = gi
            groups[gi].append(j)
        elif gj is not None and gi is None and items[i][0] not in {items[k][0] for k in groups[gj]}:
            group_of[i] = gj
            groups[gj].append(i)
    ranked = sorted(range(len(groups)), key=lambda g: -scores[g])[:MAX_POINTS]
    points = [_point(items, sorted(groups[g]), scores[g]) for g in ranked]
    in_points = {i for g in ranked for i in groups[g]}
    only_in = {
        a.article.id: tuple(
            s for k, (aid, s) in enumerate(items) if aid == a.article.id and k not in in_points
        )
        for a in analyses
    }
    return sorted(points, key=lambda p: (p.statements[0].article, p.statements[0].start)), only_in


def _point(items: list[tuple[str, Statement]], members: list[int], score: float) -> Point:
    statements = [items[k] for k in members]
    refs = tuple(StatementRef(aid, s.start, s.end, s.text) for aid, s in statements)
    voices = {s.attributed_to is None for _, s in statements}
    # The same fact told by one outlet in its own voice and by another only as someone's claim
    # is a difference of framing, not agreement.
    kind = "framing" if len(voices) > 1 else "agree"
    summary = min((s.text for _, s in statements), key=len)
    return Point(kind=kind, statements=refs, summary=summary, score=score)
