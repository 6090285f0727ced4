"""Grouping statements from different articles into the facts they share, the matches too
weak to state as shared, and the rest into what only one article says.

Every pair of statements from different articles gets a calibrated probability that both
report the same fact (``evidence.py``). Three tiers follow from it:

* a **point** holds statements whose every pair across articles reaches the setting
  ``alignment.point``, or ``alignment.verbatim`` for a pair that carries the same words
  besides names or the same figure (complete linkage: a third article joins a point only on
  the same evidence as the first two, so single links never chain unrelated sentences
  together);
* a pair from ``alignment.related`` up that is not together in a point (too weak, or a
  strong match that would join a point whose other statements it does not match) is
  **possibly related**: shown apart, never counted as shared and never used by the summary;
* a statement with no pair even that strong is **only in** its article.

A statement that states two facts may sit in two points; a sentence repeated within an
article (a pull quote, a scraped duplicate) counts once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.evidence import PairFeatures, PairScores, pair_features
from storydiff.compare.numbers import conflicting
from storydiff.compare.similarity import Backend, content_words
from storydiff.compare.statements import Item
from storydiff.config import DEFAULTS, AlignmentSettings, FigureSettings
from storydiff.model import Actor, Analysis, Point, Quantity, Statement, StatementRef

# The thresholds and limits are the setting section ``alignment``; ``Thresholds`` is its
# older name, kept for callers of ``compare_analyses(thresholds=Thresholds(...))``.
Thresholds = AlignmentSettings


@dataclass(frozen=True)
class Alignment:
    """The three tiers of a comparison's statements."""

    points: tuple[Point, ...]
    related: tuple[Point, ...]
    only_in: dict[str, tuple[Statement, ...]]


def align(
    analyses: Sequence[Analysis],
    backend: Backend,
    actors: Sequence[Actor] = (),
    settings: AlignmentSettings = DEFAULTS.alignment,
    figures: FigureSettings = DEFAULTS.figures,
) -> Alignment:
    items = [Item(a, s) for a in analyses for s in distinct_statements(a.statements)]
    if not items:
        return Alignment((), (), {a.article.id: () for a in analyses})
    features = pair_features(items, backend, actors, figures, floor=settings.related)
    probability = features.probability()
    candidates = _pairs_from(probability, settings.related)
    groups = _group(items, probability, candidates, settings)
    ranked = sorted(groups, key=lambda g: -g[0])[: settings.max_points]
    points = [
        _point(items, sorted(m), score, features, probability, settings, figures)
        for score, m in ranked
    ]
    in_points = {k for _, members in ranked for k in members}
    related, listed = _related(items, candidates, in_points, features)
    # Every statement with a pair at the related floor is in a point or a listed pair.
    matched = in_points | listed
    only_in = {
        a.article.id: tuple(
            item.statement
            for k, item in enumerate(items)
            if item.article == a.article.id and k not in matched
        )
        for a in analyses
    }
    return Alignment(tuple(sorted(points, key=position)), tuple(related), only_in)


def position(point: Point) -> tuple[str, int]:
    """Where a point starts: its first statement's article and offset (the order of points)."""
    return point.statements[0].article, point.statements[0].start


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


def _pairs_from(probability: PairScores, floor: float) -> list[tuple[float, int, int]]:
    """The pairs (probability, i, j) with i < j scoring at least ``floor``, strongest first."""
    return sorted((pair for pair in probability if pair[0] >= floor), reverse=True)


def _group(
    items: Sequence[Item],
    probability: PairScores,
    candidates: list[tuple[float, int, int]],
    settings: AlignmentSettings,
) -> list[tuple[float, list[int]]]:
    """Points as (probability of their weakest pair across articles, member indices), built
    from the strongest pair down. A statement already in a point starts a second one only with
    a statement unrelated to the first point's (it states a second fact), not with a weaker
    paraphrase of the same one."""
    lowest = min(settings.point, settings.verbatim)
    n = len(items)
    groups: list[list[int]] = []
    member_of: dict[int, list[int]] = {k: [] for k in range(n)}
    for score, i, j in candidates:
        if score < lowest:
            break
        if not confident(probability, i, j, settings) or set(member_of[i]) & set(member_of[j]):
            continue
        joined = next(
            (
                (group, joining)
                for inside, joining in ((i, j), (j, i))
                for group in member_of[inside]
                if not member_of[joining]
                and _fits(items, probability, groups[group], joining, settings)
            ),
            None,
        )
        if joined is not None:
            group, joining = joined
            groups[group].append(joining)
            member_of[joining].append(group)
        elif _room_for_another(member_of, i, j, settings) and not any(
            _touches(items, probability, groups[group], inside, other, settings.related)
            for inside, other in ((i, j), (j, i))
            for group in member_of[inside]
        ):
            member_of[i].append(len(groups))
            member_of[j].append(len(groups))
            groups.append([i, j])
    return [(_weakest(items, probability, members), members) for members in groups]


def _room_for_another(
    member_of: dict[int, list[int]], i: int, j: int, settings: AlignmentSettings
) -> bool:
    """Neither statement is in as many points as a statement may be."""
    return max(len(member_of[i]), len(member_of[j])) < settings.max_points_per_statement


def _touches(
    items: Sequence[Item],
    probability: PairScores,
    group: list[int],
    shared: int,
    candidate: int,
    floor: float,
) -> bool:
    """The candidate is at least possibly related to a statement of the point (other than the
    one it would share with it) from another article: a second point through that statement
    would retell the point's fact rather than the statement's second one."""
    article = items[candidate].article
    return any(
        probability[candidate, k] >= floor
        for k in group
        if k != shared and items[k].article != article
    )


def _fits(
    items: Sequence[Item],
    probability: PairScores,
    group: list[int],
    candidate: int,
    settings: AlignmentSettings,
) -> bool:
    """A statement joins a point only when it is a confident match of every statement of the
    point from another article."""
    article = items[candidate].article
    if sum(items[k].article == article for k in group) >= settings.max_per_article:
        return False
    others = [k for k in group if items[k].article != article]
    return bool(others) and all(confident(probability, candidate, k, settings) for k in others)


def confident(probability: PairScores, i: int, j: int, settings: AlignmentSettings) -> bool:
    """The pair is strong enough to state as one fact: its score reaches ``point``, or
    ``verbatim`` where it carries the same words besides names or the same figure."""
    bar = min(settings.point, settings.verbatim) if probability.verbatim(i, j) else settings.point
    return probability[i, j] >= bar


def _weakest(items: Sequence[Item], probability: PairScores, members: list[int]) -> float:
    return min(
        float(probability[a, b])
        for x, a in enumerate(members)
        for b in members[x + 1 :]
        if items[a].article != items[b].article
    )


def _related(
    items: Sequence[Item],
    candidates: list[tuple[float, int, int]],
    in_points: set[int],
    features: PairFeatures,
) -> tuple[list[Point], set[int]]:
    """Pairs that may report the same fact but are not stated as shared, strongest first,
    and the statements they list: a pair is listed when one of its statements is in no point
    and not listed yet, so every statement that is neither shared nor only in its article is
    shown once, in its strongest pair."""
    used = set(in_points)
    related = []
    for score, i, j in candidates:
        if i in used and j in used:
            continue
        used |= {i, j}
        refs = tuple(StatementRef.of(items[k].article, items[k].statement) for k in (i, j))
        related.append(
            Point(
                kind="related",
                statements=refs,
                summary=min((r.text for r in refs), key=len),
                score=score,
                evidence=features.explain(i, j),
            )
        )
    return related, used - in_points


def _point(
    items: Sequence[Item],
    members: list[int],
    score: float,
    features: PairFeatures,
    probability: PairScores,
    settings: AlignmentSettings,
    figures: FigureSettings,
) -> Point:
    """A point, with the evidence of its strongest pair across articles."""
    chosen = [items[k] for k in members]
    strongest = max(
        ((a, b) for x, a in enumerate(members) for b in members[x + 1 :]),
        key=lambda pair: (items[pair[0]].article != items[pair[1]].article) * probability[pair],
    )
    if _figures_conflict(chosen, figures):
        kind = "conflict"
    elif _framed_differently(chosen, settings.opposite_tone):
        kind = "framing"
    else:
        kind = "agree"
    return Point(
        kind=kind,
        statements=tuple(StatementRef.of(item.article, item.statement) for item in chosen),
        summary=min((item.statement.text for item in chosen), key=len),
        score=score,
        evidence=features.explain(*strongest),
    )


def _figures_conflict(chosen: list[Item], figures: FigureSettings) -> bool:
    """Figures in different articles of one point that count the same thing and disagree."""
    by_article: dict[str, list[Quantity]] = {}
    for item in chosen:
        by_article.setdefault(item.article, []).extend(
            item.analysis.quantities[k] for k in item.statement.quantities
        )
    sides = list(by_article.values())
    return any(conflicting(a, b, figures) for k, a in enumerate(sides) for b in sides[k + 1 :])


def _framed_differently(chosen: list[Item], opposite_tone: float) -> bool:
    """The same fact told with other words for a group where the choice of word is loaded
    ("rebel stronghold" / "terrorist stronghold"), or the same loaded word in one outlet's own
    voice and only in another's quotation of someone, or in clearly opposite tones (VADER
    compound at or beyond ``opposite_tone`` on either side), is a difference of framing, not
    agreement.

    A fact one outlet narrates and another attributes is not framing by that alone: measured
    on the annotated triplets, 46 of the 56 such points that match a gold point were annotated
    as told alike (a quotation's second
    sentence reads as narration, a trailing "officials said" as a hedge no reader notices)."""
    terms: dict[str, dict[str, set[str]]] = {}
    loaded: set[str] = set()
    tones: dict[str, list[float]] = {}
    for item in chosen:
        article_id, statement = item.article, item.statement
        if statement.tone is not None:
            tones.setdefault(article_id, []).append(statement.tone)
        for index in statement.labels:
            label = item.analysis.labels[index]
            by_article = terms.setdefault(label.category, {})
            by_article.setdefault(article_id, set()).add(f"{label.term}/{label.voice}")
            if label.contested:
                loaded.add(label.category)
    mean_tones = [sum(t) / len(t) for t in tones.values()]
    if mean_tones and max(mean_tones) >= opposite_tone and min(mean_tones) <= -opposite_tone:
        return True
    return any(
        category in loaded
        and len(by_article) > 1
        and len({frozenset(t) for t in by_article.values()}) > 1
        for category, by_article in terms.items()
    )
