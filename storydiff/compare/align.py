"""Grouping statements from different articles into points they share, and the rest into
what only one article says.

Statements are scored pairwise across articles: the backend's similarity of their words plus
KEY_WEIGHT times how far they name the same actors and kinds of group. Pairs are taken
strongest first and become points; a statement joins an existing point when it is close to
that point's statements from the other articles on average. Three checks keep weak pairs out,
each a reason a human reader would give:

* each statement must be among the other's MUTUAL_RANK closest in its article, so a general
  sentence that resembles many pairs with none of them;
* two statements that each give figures, none counting what the other's count, tell different
  facts;
* a sentence repeated within an article (a pull quote, a scraped duplicate) counts once.

Each statement belongs to at most one point; a statement in no point is ``only_in`` its
article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from storydiff.compare.actors import Actor, actor_of
from storydiff.compare.numbers import disagree, same_thing
from storydiff.compare.similarity import Backend, content_words
from storydiff.model import Analysis, Point, Statement, StatementRef

# How much shared actors and kinds of group add to the words' similarity (the threshold
# belongs to the backend: similarity.Backend.min_similarity).
KEY_WEIGHT = 0.3
# A statement pairs only with statements among its MUTUAL_RANK closest in the other article.
MUTUAL_RANK = 2
# A reader wants the strongest shared points, not a flood of weak ones.
MAX_POINTS = 20
# An article often tells one fact in two sentences; more than that is a different point.
MAX_PER_ARTICLE = 2

# Tones (VADER compound, -1 to 1) at or beyond this on either side are opposite: one outlet
# tells the fact as good news, another as bad.
OPPOSITE_TONE = 0.5

Item = tuple[str, Statement]


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


def key_similarity(keys: Sequence[set[str]]) -> list[list[float]]:
    """Cosine of the statements' keys, each weighted by its inverse statement frequency:
    sharing an actor that few statements name ("Turkey") says more than sharing one that most
    name (the country the story is about)."""
    n = len(keys)
    frequency = Counter(k for found in keys for k in found)
    weight = {k: math.log(n / f) for k, f in frequency.items()}
    norms = [math.sqrt(sum(weight[k] ** 2 for k in found)) or 1.0 for found in keys]
    return [
        [sum(weight[k] ** 2 for k in keys[i] & keys[j]) / (norms[i] * norms[j]) for j in range(n)]
        for i in range(n)
    ]


def align(
    analyses: Sequence[Analysis], backend: Backend, actors: Sequence[Actor] = ()
) -> tuple[list[Point], dict[str, tuple[Statement, ...]]]:
    by_id = {a.article.id: a for a in analyses}
    items = [(a.article.id, s) for a in analyses for s in distinct_statements(a.statements)]
    if not items:
        return [], {a.article.id: () for a in analyses}
    keys = [statement_keys(by_id[aid], s, actors) for aid, s in items]
    words = backend([s.text for _, s in items])
    shared_keys = key_similarity(keys)
    n = len(items)
    matrix = [[words[i][j] + KEY_WEIGHT * shared_keys[i][j] for j in range(n)] for i in range(n)]
    cutoff = _mutual_cutoffs(items, matrix)
    pairs = sorted(
        (
            (matrix[i][j], i, j)
            for i in range(n)
            for j in range(i + 1, n)
            if items[i][0] != items[j][0]
            and matrix[i][j] >= backend.min_similarity
            and matrix[i][j] >= cutoff[i][items[j][0]]
            and matrix[i][j] >= cutoff[j][items[i][0]]
            and not _figures_differ(by_id, items[i], items[j])
        ),
        reverse=True,
    )
    groups = _group(items, matrix, pairs, backend.min_similarity)
    ranked = sorted(groups, key=lambda g: -g[0])[:MAX_POINTS]
    points = [_point(items, sorted(members), score, by_id) for score, members in ranked]
    in_points = {k for _, members in ranked for k in members}
    only_in = {
        a.article.id: tuple(
            s for k, (aid, s) in enumerate(items) if aid == a.article.id and k not in in_points
        )
        for a in analyses
    }
    return sorted(points, key=lambda p: (p.statements[0].article, p.statements[0].start)), only_in


def distinct_statements(statements: Sequence[Statement]) -> list[Statement]:
    """The statements with a repeat of an earlier one (same content words) left out."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for statement in statements:
        words = tuple(content_words(statement.text))
        if words and words in seen:
            continue
        seen.add(words)
        kept.append(statement)
    return kept


def _mutual_cutoffs(items: list[Item], matrix: list[list[float]]) -> list[dict[str, float]]:
    """For each statement and each other article, the score of its MUTUAL_RANK-th closest
    statement there: a pair must reach it from both sides."""
    cutoffs = []
    for i, (own, _) in enumerate(items):
        by_article: dict[str, list[float]] = {}
        for j, (article, _) in enumerate(items):
            if article != own:
                by_article.setdefault(article, []).append(matrix[i][j])
        cutoffs.append(
            {
                article: sorted(scores, reverse=True)[min(MUTUAL_RANK, len(scores)) - 1]
                for article, scores in by_article.items()
            }
        )
    return cutoffs


def _group(
    items: list[Item],
    matrix: list[list[float]],
    pairs: list[tuple[float, int, int]],
    threshold: float,
) -> list[tuple[float, list[int]]]:
    """Points as (score of their strongest pair, member indices), built strongest pair first."""
    group_of: dict[int, int] = {}
    groups: list[tuple[float, list[int]]] = []
    for score, i, j in pairs:
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is None and gj is None:
            group_of[i] = group_of[j] = len(groups)
            groups.append((score, [i, j]))
            continue
        for group, joining in ((gi, j), (gj, i)):
            if (
                group is not None
                and joining not in group_of
                and _fits(items, matrix, groups[group][1], joining, threshold)
            ):
                group_of[joining] = group
                groups[group][1].append(joining)
    return groups


def _figures(by_id: dict[str, Analysis], item: Item) -> list[dict]:
    article_id, statement = item
    quantities = by_id[article_id].quantities
    return [quantities[k] for k in statement.quantities if quantities[k].get("counts")]


def _figures_differ(by_id: dict[str, Analysis], a: Item, b: Item) -> bool:
    """Two statements that each give figures, none counting what the other's count, report
    different facts ("800,000 people at risk" / "several containers of chlorine delivered")
    however much else they share."""
    first, second = _figures(by_id, a), _figures(by_id, b)
    return bool(first and second) and not any(same_thing(x, y) for x in first for y in second)


def _fits(
    items: list[Item], matrix: list[list[float]], group: list[int], candidate: int, threshold: float
) -> bool:
    """A statement joins a point when it is close to the point's statements from other
    articles on average, not to one of them only: single links chain unrelated sentences into
    one point."""
    article = items[candidate][0]
    if sum(items[k][0] == article for k in group) >= MAX_PER_ARTICLE:
        return False
    others = [matrix[candidate][k] for k in group if items[k][0] != article]
    return bool(others) and sum(others) / len(others) >= threshold


def _point(
    items: list[Item], members: list[int], score: float, by_id: dict[str, Analysis]
) -> Point:
    statements = [items[k] for k in members]
    refs = tuple(StatementRef(aid, s.start, s.end, s.text) for aid, s in statements)
    if _figures_conflict(statements, by_id):
        kind = "conflict"
    elif _framed_differently(statements, by_id):
        kind = "framing"
    else:
        kind = "agree"
    summary = min((s.text for _, s in statements), key=len)
    return Point(kind=kind, statements=refs, summary=summary, score=score)


def _figures_conflict(statements: list[Item], by_id: dict[str, Analysis]) -> bool:
    """Figures in different articles that count the same thing and disagree."""
    figures = [(aid, q) for aid, s in statements for q in _figures(by_id, (aid, s))]
    return any(
        a_id != b_id and same_thing(a, b) and disagree(a, b)
        for k, (a_id, a) in enumerate(figures)
        for b_id, b in figures[k + 1 :]
    )


def _framed_differently(statements: list[Item], by_id: dict[str, Analysis]) -> bool:
    """The same fact told with other words for a group where the choice of word is loaded
    ("rebel stronghold" / "terrorist stronghold"), by one outlet in its own voice and by
    another only as someone's claim, or in clearly opposite tones, is a difference of framing,
    not agreement."""
    voices: dict[str, set[bool]] = {}
    terms: dict[str, dict[str, set[str]]] = {}
    loaded: set[str] = set()
    tones: dict[str, list[float]] = {}
    for article_id, statement in statements:
        voices.setdefault(article_id, set()).add(statement.attributed_to is None)
        if statement.tone is not None:
            tones.setdefault(article_id, []).append(statement.tone)
        for index in statement.labels:
            label = by_id[article_id].labels[index]
            by_article = terms.setdefault(label["category"], {})
            by_article.setdefault(article_id, set()).add(f"{label['term']}/{label['voice']}")
            if label.get("contested"):
                loaded.add(label["category"])
    told = {frozenset(v) for v in voices.values()}
    if frozenset({True}) in told and frozenset({False}) in told:
        return True  # one states it in its own voice, another only as someone's words
    mean_tones = [sum(t) / len(t) for t in tones.values()]
    if mean_tones and max(mean_tones) >= OPPOSITE_TONE and min(mean_tones) <= -OPPOSITE_TONE:
        return True
    return any(
        category in loaded
        and len(by_article) > 1
        and len({frozenset(t) for t in by_article.values()}) > 1
        for category, by_article in terms.items()
    )
