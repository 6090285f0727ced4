"""Grouping statements from different articles into points they share, and the rest into
what only one article says.

A first, lexical alignment: statements are paired across articles by similarity, strongest
pairs first, and pairs that share a statement are merged into one point. Each statement
belongs to at most one point; a statement in no point is ``only_in`` its article.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.compare.actors import Actor, actor_of
from storydiff.compare.similarity import Similarity
from storydiff.model import Analysis, Point, Statement, StatementRef

# Below this score (words' cosine plus KEY_WEIGHT times the overlap of actors and kinds of
# group), two statements are taken to say different things. Set on the seeds gold, where it
# finds 3 of the 6 shared points with 6 points in all and keeps 9 of the 10 only-in facts;
# benchmarks/similarity.py measures the backends more widely.
MIN_SIMILARITY = 0.2
# How much shared actors and kinds of group add to the words' similarity.
KEY_WEIGHT = 0.3
# A reader wants the strongest shared points, not a flood of weak ones.
MAX_POINTS = 20
MAX_PER_ARTICLE = 2


def statement_keys(analysis: Analysis, statement: Statement, actors: Sequence[Actor]) -> set[str]:
    """What a statement is about beyond its words: the actors it names (linked across
    articles, so "Ankara" meets "Turkey") and the kinds of group its labels name (so "rebel
    stronghold" meets "terrorist stronghold")."""
    keys = set()
    for entity_id in statement.entities:
        actor = actor_of(actors, analysis.article.id, entity_id)
        if actor is not None:
            keys.add(f"actor:{actor.id}")
    for index in statement.labels:
        keys.add(f"label:{analysis.labels[index]['category']}")
    return keys


def _key_overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def align(
    analyses: Sequence[Analysis], similarity: Similarity, actors: Sequence[Actor] = ()
) -> tuple[list[Point], dict[str, tuple[Statement, ...]]]:
    items = [(a.article.id, s) for a in analyses for s in a.statements]
    if not items:
        return [], {a.article.id: () for a in analyses}
    by_id = {a.article.id: a for a in analyses}
    keys = [statement_keys(by_id[aid], s, actors) for aid, s in items]
    words = similarity([s.text for _, s in items])
    matrix = [
        [words[i][j] + KEY_WEIGHT * _key_overlap(keys[i], keys[j]) for j in range(len(items))]
        for i in range(len(items))
    ]
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
        elif gi is not None and gj is None and _room(items, groups[gi], j):
            group_of[j] = gi
            groups[gi].append(j)
        elif gj is not None and gi is None and _room(items, groups[gj], i):
            group_of[i] = gj
            groups[gj].append(i)
    ranked = sorted(range(len(groups)), key=lambda g: -scores[g])[:MAX_POINTS]
    points = [_point(items, sorted(groups[g]), scores[g], by_id) for g in ranked]
    in_points = {i for g in ranked for i in groups[g]}
    only_in = {
        a.article.id: tuple(
            s for k, (aid, s) in enumerate(items) if aid == a.article.id and k not in in_points
        )
        for a in analyses
    }
    return sorted(points, key=lambda p: (p.statements[0].article, p.statements[0].start)), only_in


def _room(items: list[tuple[str, Statement]], group: list[int], candidate: int) -> bool:
    """A point may hold up to MAX_PER_ARTICLE statements of one article: an article often
    tells one fact in two sentences."""
    article = items[candidate][0]
    return sum(items[k][0] == article for k in group) < MAX_PER_ARTICLE


def _point(
    items: list[tuple[str, Statement]],
    members: list[int],
    score: float,
    by_id: dict[str, Analysis],
) -> Point:
    statements = [items[k] for k in members]
    refs = tuple(StatementRef(aid, s.start, s.end, s.text) for aid, s in statements)
    kind = "framing" if _framed_differently(statements, by_id) else "agree"
    summary = min((s.text for _, s in statements), key=len)
    return Point(kind=kind, statements=refs, summary=summary, score=score)


def _framed_differently(
    statements: list[tuple[str, Statement]], by_id: dict[str, Analysis]
) -> bool:
    """The same fact told with other words for the same group ("rebel stronghold" /
    "terrorist stronghold"), or by one outlet in its own voice and by another only as someone's
    claim, is a difference of framing, not agreement."""
    voices: dict[str, set[bool]] = {}
    terms: dict[str, dict[str, set[str]]] = {}
    for article_id, statement in statements:
        voices.setdefault(article_id, set()).add(statement.attributed_to is None)
        for index in statement.labels:
            label = by_id[article_id].labels[index]
            by_article = terms.setdefault(label["category"], {})
            by_article.setdefault(article_id, set()).add(f"{label['term']}/{label['voice']}")
    if len({frozenset(v) for v in voices.values()}) > 1:
        return True
    return any(
        len(by_article) > 1 and len({frozenset(t) for t in by_article.values()}) > 1
        for by_article in terms.values()
    )
