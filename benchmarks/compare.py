"""Whether what the comparison states is true: shared points, "only in" and conflicts, scored
against hand-made gold on the seeds and on SEESAW triplets.

Why this exists: a fact-checker who meets one false "both report this" stops trusting the
tool, so the comparison is judged on precision first. Gold: the seeds
(``tests/data/seeds.gold.json``, raw-file line numbers) and the triplets of
``benchmarks/data/compare_gold`` (SEESAW sentence ids; ``split`` dev or check: the score's
weights and the thresholds are fitted on dev only, check is reported apart). A statement's
units are the gold lines or sentences it overlaps. Scored:

* point precision: the points shown that match a gold point (one gold point holds units of
  two of its articles); point recall: gold points found (one shown point holds statements of
  two of its articles whose units are in it);
* sentence-pair precision: the pairs of statements from different articles inside shown
  points that one gold point holds;
* only-in precision: listed statements whose units are in no gold shared point; only-in
  recall: gold only-in facts (their units outside every shared point) with at least half of
  their statements listed;
* false conflicts: conflict points and figure rows marked as disagreeing that the gold does
  not have as a conflict;
* the possibly-related tier: how many pairs, and the share of them that are right;
* kind accuracy: the shown points matching a gold point whose kind (agree, framing,
  conflict) is that of a gold point they match;
* figures: the gold's agreeing figures (two or more articles, the same counted thing) that
  share one row of the figures table, and its look-alikes of different things (different
  values) put in one row;
* headline figures (the gold has none: it annotates body sentences): how many the titles
  give, how many the figures table shows, how many of those share a row with another
  article's figure, and the rows marked as disagreeing that hold one.

``--curve`` prints these over the point threshold, the related threshold and the threshold
for pairs that carry the same words or figure, so the defaults are read off the curves: each
step is a run configuration with other ``alignment.point``, ``alignment.related`` or
``alignment.verbatim`` settings.
``--fit`` fits the score's weights (L2 logistic regression over every cross-article pair of
the development stories: right when one gold point holds both) and prints them for
``storydiff/compare/evidence.py``. ``--misses`` lists the development stories' gold points
that no shown point holds, each with its best-scoring pair of statements and the features the
aligner saw of it (the check stories are never listed).

Usage (from the repository root)::

    python benchmarks/compare.py [--curve] [--fit] [--misses] [--json] [--seesaw DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_gold import DEFAULT_SEESAW, gold_files, load_gold, read_triplet  # noqa: E402
from similarity import line_statements  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS_GOLD = REPO / "tests" / "data" / "seeds.gold.json"
SEEDS_DIR = REPO / "tests" / "data" / "seeds"
_LINE_NUMBERS = re.compile(r"\((?:lines?)\s+([\d,\s]+)\)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

Units = frozenset[int]


@dataclass
class Story:
    """Analysed articles and their gold, in units (lines or sentence ids) per article."""

    name: str
    split: str
    analyses: list[Any]
    units: list[dict[tuple[int, int], Units]]  # per article: statement span -> units
    points: list[dict[int, Units]]
    point_kinds: list[str]
    only_in: list[tuple[int, Units]]
    # Gold figures by relation (agree, conflict, different): per entry, article -> numbers.
    figures: dict[str, list[dict[int, set[str]]]] = field(default_factory=dict)

    @property
    def conflicts(self) -> list[dict[int, set[str]]]:
        return self.figures.get("conflict", [])

    def units_of(self, article: int, start: int, end: int) -> Units:
        return self.units[article].get((start, end), frozenset())


def gold_lines(fact: str) -> list[int]:
    """The raw-file line numbers written into a seeds gold fact's text."""
    numbers: list[int] = []
    for group in _LINE_NUMBERS.findall(fact):
        numbers += [int(n) for n in re.findall(r"\d+", group)]
    return numbers


def seeds_story() -> Story:
    from storydiff import analyze

    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    names = sorted(gold["articles"])
    prefixes = [name.split("_", 1)[0] for name in names]
    analyses = analyze([str(SEEDS_DIR / name) for name in names])
    units: list[dict[tuple[int, int], Units]] = []
    for side, name in enumerate(names):
        raw = (SEEDS_DIR / name).read_text(encoding="utf-8").split("\n")
        statements = analyses[side].statements
        found: dict[tuple[int, int], set[int]] = {}
        for number, line in enumerate(raw, start=1):
            for k in line_statements(analyses[side].article.text, line, statements):
                found.setdefault((statements[k].start, statements[k].end), set()).add(number)
        units.append({span: frozenset(lines) for span, lines in found.items()})
    comparison = gold["comparison"]
    points = [
        {side: frozenset(point[prefixes[side]]) for side in (0, 1)}
        for point in comparison["same_point"]
    ]
    only_in = [
        (side, frozenset(gold_lines(fact)))
        for side in (0, 1)
        for fact in comparison[f"only_in_{prefixes[side]}"]
    ]
    kinds = ["framing" if p.get("framing") else "agree" for p in comparison["same_point"]]
    return Story("seeds", "dev", analyses, units, points, kinds, only_in)


def triplet_story(path: Path, seesaw: Path) -> Story:
    from storydiff.api import analyze_stream, clean_documents

    gold = load_gold(path)
    articles = read_triplet(seesaw, gold["triplet"])
    documents = [a.document() for a in articles]
    analyses = [x for x in analyze_stream(clean_documents(documents)) if hasattr(x, "article")]
    if len(analyses) != len(articles):
        raise SystemExit(f"{path.name}: an article failed to analyse")
    units = [
        _statement_sentences(article, analysis)
        for article, analysis in zip(articles, analyses, strict=True)
    ]
    keys = [a.key for a in articles]
    points = [
        {keys.index(k): frozenset(ids) for k, ids in p["sentences"].items() if ids}
        for p in gold["points"]
    ]
    only_in = [
        (keys.index(k), frozenset(fact["sentences"]))
        for k, facts in gold["only_in"].items()
        for fact in facts
    ]
    figures: dict[str, list[dict[int, set[str]]]] = {}
    for figure in gold.get("figures", []):
        numbers: dict[int, set[str]] = {}
        for mention in figure["mentions"]:
            side = keys.index(str(mention["article"]))
            numbers.setdefault(side, set()).update(_NUMBER.findall(mention["text"]))
        figures.setdefault(figure["relation"], []).append(numbers)
    return Story(
        f"TRIPLET_{gold['triplet']}",
        gold["split"],
        analyses,
        units,
        points,
        [p["kind"] for p in gold["points"]],
        only_in,
        figures,
    )


def _statement_sentences(article: Any, analysis: Any) -> dict[tuple[int, int], Units]:
    """Each statement's gold sentences. The cleaner may drop a line (a link, a caption), so a
    statement is found in the SEESAW text by its words, in order, not by its offsets."""
    found: dict[tuple[int, int], Units] = {}
    cursor = 0
    for statement in analysis.statements:
        at = article.text.find(statement.text, cursor)
        if at < 0:
            at = article.text.find(statement.text)
        if at < 0:
            continue
        cursor = at + len(statement.text)
        found[(statement.start, statement.end)] = frozenset(article.sentences_in(at, cursor))
    return found


def load_stories(seesaw: Path) -> list[Story]:
    stories = [seeds_story()]
    if seesaw.is_dir():
        stories += [triplet_story(path, seesaw) for path in gold_files()]
    return stories


# --------------------------------------------------------------------------- scoring


def _members(story: Story, refs: Sequence[Any]) -> list[tuple[int, Units]]:
    index = {a.article.id: k for k, a in enumerate(story.analyses)}
    return [(index[r.article], story.units_of(index[r.article], r.start, r.end)) for r in refs]


Member = tuple[int, Units]  # a statement as (article position, its gold units)


def _holds(point: dict[int, Units], a: Member, b: Member) -> bool:
    """One gold point holds both statements."""
    return bool(a[1] & point.get(a[0], frozenset()) and b[1] & point.get(b[0], frozenset()))


def _holds_a_pair(point: dict[int, Units], members: list[Member]) -> bool:
    return any(_holds(point, a, b) for a, b in _cross_pairs(members))


def _pair_right(story: Story, a: Member, b: Member) -> bool:
    return any(_holds(point, a, b) for point in story.points)


def _cross_pairs(members: list[tuple[int, Units]]) -> list[tuple[Any, Any]]:
    return [(a, b) for k, a in enumerate(members) for b in members[k + 1 :] if a[0] != b[0]]


def score_story(story: Story, comparison: Any) -> dict[str, int]:
    shown = [_members(story, p.statements) for p in comparison.points]
    counts = {
        "points": len(shown),
        "points_right": sum(
            any(_pair_right(story, a, b) for a, b in _cross_pairs(m)) for m in shown
        ),
        "pairs": sum(len(_cross_pairs(m)) for m in shown),
        "pairs_right": sum(_pair_right(story, a, b) for m in shown for a, b in _cross_pairs(m)),
        "gold_points": len(story.points),
        "gold_found": sum(any(_holds_a_pair(point, m) for m in shown) for point in story.points),
    }
    counts["kinds"] = counts["kinds_right"] = 0
    for point, members in zip(comparison.points, shown, strict=True):
        kinds = [
            kind
            for gold, kind in zip(story.points, story.point_kinds, strict=True)
            if _holds_a_pair(gold, members)
        ]
        if kinds:
            counts["kinds"] += 1
            counts["kinds_right"] += point.kind in kinds
    related = [_members(story, p.statements) for p in comparison.related]
    counts["related"] = len(related)
    counts["related_right"] = sum(_pair_right(story, m[0], m[1]) for m in related)
    shared_units = [
        frozenset().union(*(p.get(side, frozenset()) for p in story.points))
        for side in range(len(story.analyses))
    ]
    listed: list[set[tuple[int, int]]] = []
    counts["only_in"] = counts["only_in_right"] = 0
    for side, analysis in enumerate(story.analyses):
        spans = {(s.start, s.end) for s in comparison.only_in.get(analysis.article.id, ())}
        listed.append(spans)
        for span in spans:
            counts["only_in"] += 1
            counts["only_in_right"] += not (story.units_of(side, *span) & shared_units[side])
    counts["gold_only_in"] = counts["gold_only_in_listed"] = 0
    for side, units in story.only_in:
        own = units - shared_units[side]
        statements = [span for span, u in story.units[side].items() if u & own]
        if not statements:
            continue
        counts["gold_only_in"] += 1
        counts["gold_only_in_listed"] += 2 * len(set(statements) & listed[side]) >= len(statements)
    counts["false_conflicts"] = _false_conflicts(story, comparison, shown)
    rows = _row_numbers(story, comparison)
    agreeing = [g for g in story.figures.get("agree", []) if len(g) > 1]
    different = [g for g in story.figures.get("different", []) if len(g) > 1]
    counts["agree_figures"] = len(agreeing)
    counts["agree_figures_together"] = sum(_in_one_row(g, rows) for g in agreeing)
    counts["different_figures"] = len(different)
    counts["different_figures_together"] = sum(_apart_values_in_one_row(g, rows) for g in different)
    counts.update(_headline_figures(story, comparison))
    return counts


def _headline_figures(story: Story, comparison: Any) -> dict[str, int]:
    """The titles' figures, those the figures table shows, those of them in a row with
    another article's figure, and the disagreeing rows that hold one."""
    shown = compared = conflicts = 0
    for row in comparison.numbers:
        titled = {a for a, flags in row.headline.items() if any(flags)}
        placed = sum(sum(flags) for flags in row.headline.values())
        shown += placed
        compared += placed if len(row.values) > 1 else 0
        conflicts += bool(titled) and row.conflict
    return {
        "headline_figures": sum(len(a.headline.quantities) for a in story.analyses if a.headline),
        "headline_figures_shown": shown,
        "headline_figures_compared": compared,
        "headline_conflicts": conflicts,
    }


def _row_numbers(story: Story, comparison: Any) -> list[dict[int, set[str]]]:
    """Each figures row as article position -> the numbers written in its values."""
    index = {a.article.id: k for k, a in enumerate(story.analyses)}
    return [
        {
            index[article]: {n for text in texts for n in _NUMBER.findall(text)}
            for article, texts in row.values.items()
        }
        for row in comparison.numbers
    ]


def _in_one_row(figure: dict[int, set[str]], rows: Sequence[dict[int, set[str]]]) -> bool:
    """A gold figure entry's numbers of two or more articles are in one row of the table."""
    return any(_shares_two(figure, row) for row in rows)


def _in_one_row_of(row: dict[int, set[str]], figures: Sequence[dict[int, set[str]]]) -> bool:
    """A row of the table holds the numbers of two or more articles of one gold entry."""
    return any(_shares_two(figure, row) for figure in figures)


def _shares_two(figure: dict[int, set[str]], row: dict[int, set[str]]) -> bool:
    return sum(bool(row.get(side, set()) & wanted) for side, wanted in figure.items()) >= 2


def _apart_values_in_one_row(
    figure: dict[int, set[str]], rows: Sequence[dict[int, set[str]]]
) -> bool:
    """Two of a look-alike entry's figures with different values, from two articles, in one
    row (its figures with the same value may rightly share one: an entry lists every mention)."""
    for row in rows:
        found = [
            (side, number)
            for side, wanted in figure.items()
            for number in row.get(side, set()) & wanted
        ]
        if any(a[0] != b[0] and a[1] != b[1] for a in found for b in found):
            return True
    return False


def _false_conflicts(story: Story, comparison: Any, shown: list[list[Member]]) -> int:
    """Conflict points that match no gold conflict point, and figure rows flagged as
    disagreeing whose numbers are not those of a gold conflict."""
    false = 0
    gold_conflicts = [
        p for p, kind in zip(story.points, story.point_kinds, strict=True) if kind == "conflict"
    ]
    for point, members in zip(comparison.points, shown, strict=True):
        if point.kind != "conflict":
            continue
        false += not any(_holds_a_pair(g, members) for g in gold_conflicts)
    rows = _row_numbers(story, comparison)
    for row, numbers in zip(comparison.numbers, rows, strict=True):
        if row.conflict:
            false += not _in_one_row_of(numbers, story.conflicts)
    return false


def ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def summarise(counts: Sequence[dict[str, int]]) -> dict[str, Any]:
    total = {k: sum(c[k] for c in counts) for k in counts[0]} if counts else {}
    if not total:
        return {}
    return {
        **total,
        "point_precision": ratio(total["points_right"], total["points"]),
        "point_recall": ratio(total["gold_found"], total["gold_points"]),
        "pair_precision": ratio(total["pairs_right"], total["pairs"]),
        "only_in_precision": ratio(total["only_in_right"], total["only_in"]),
        "only_in_recall": ratio(total["gold_only_in_listed"], total["gold_only_in"]),
        "related_precision": ratio(total["related_right"], total["related"]),
        "kind_accuracy": ratio(total["kinds_right"], total["kinds"]),
        "agree_figures_together": ratio(total["agree_figures_together"], total["agree_figures"]),
        "different_figures_together": ratio(
            total["different_figures_together"], total["different_figures"]
        ),
    }


def evaluate(stories: Sequence[Story], config: Any = None) -> dict[str, Any]:
    from storydiff.compare import compare_analyses
    from storydiff.config import DEFAULTS

    config = config or DEFAULTS
    thresholds = config.alignment
    per_story = {
        s.name: score_story(s, compare_analyses(s.analyses, config=config)) for s in stories
    }
    groups = {
        "seeds": ["seeds"],
        "dev": [s.name for s in stories if s.split == "dev" and s.name != "seeds"],
        "check": [s.name for s in stories if s.split == "check"],
    }
    return {
        "thresholds": {
            "point": thresholds.point,
            "related": thresholds.related,
            "verbatim": thresholds.verbatim,
        },
        "stories": per_story,
        **{g: summarise([per_story[n] for n in names]) for g, names in groups.items() if names},
    }


# --------------------------------------------------------------------------- fitting


@dataclass
class StoryPairs:
    """A story's distinct statements as the aligner sees them, the features of their
    candidate pairs, and each statement as (article position, its gold units)."""

    items: list[Any]
    features: Any  # storydiff.compare.evidence.PairFeatures
    members: list[Member]

    def cross_pairs(self) -> list[tuple[int, int]]:
        """Every pair (a, b), a < b, of statements from different articles."""
        n = len(self.items)
        return [
            (a, b)
            for a in range(n)
            for b in range(a + 1, n)
            if self.members[a][0] != self.members[b][0]
        ]


def story_pairs(story: Story) -> StoryPairs:
    from storydiff.compare.actors import link_entities
    from storydiff.compare.align import distinct_statements
    from storydiff.compare.evidence import Item, pair_features
    from storydiff.compare.similarity import get_backend

    items = [Item(a, s) for a in story.analyses for s in distinct_statements(a.statements)]
    features = pair_features(items, get_backend(), link_entities(story.analyses))
    index = {a.article.id: k for k, a in enumerate(story.analyses)}
    members = [
        (index[i.article], story.units_of(index[i.article], i.statement.start, i.statement.end))
        for i in items
    ]
    return StoryPairs(items, features, members)


def pair_rows(story: Story) -> tuple[list[list[float]], list[int], list[bool]]:
    """Every cross-article pair of the story's distinct statements: its features, whether
    one gold point holds both, and whether the model scores it at all (a pair that shares
    only names is set to 0 whatever the weights: ``PairFeatures.share_content``; a pair that
    shares nothing it says has no features computed, and zeros here)."""
    from storydiff.compare.evidence import FEATURES

    pairs = story_pairs(story)
    features, members = pairs.features, pairs.members
    content = dict(
        zip(map(tuple, features.pairs.tolist()), features.share_content().tolist(), strict=True)
    )
    rows, labels, scored = [], [], []
    for a, b in pairs.cross_pairs():
        found = features.features_of(a, b) or {}
        rows.append([found.get(name, 0.0) for name in FEATURES])
        labels.append(int(_pair_right(story, members[a], members[b])))
        scored.append(content.get((a, b), False))
    return rows, labels, scored


# --------------------------------------------------------------------------- misses


@dataclass(frozen=True)
class Miss:
    """A gold point no shown point holds, with its best-scoring pair of statements (None
    when no pair of its statements shares anything the model scores) and that pair's
    features: what the aligner saw of it."""

    story: str
    kind: str
    score: float
    texts: tuple[str, str] | None
    features: dict[str, float] | None


def missed_points(story: Story, comparison: Any) -> list[Miss]:
    """The story's gold points that ``comparison`` does not find (no shown point holds a
    pair of their statements from two articles), strongest best pair first."""
    shown = [_members(story, p.statements) for p in comparison.points]
    pairs = story_pairs(story)
    probability = pairs.features.probability()
    misses = []
    for point, kind in zip(story.points, story.point_kinds, strict=True):
        if any(_holds_a_pair(point, m) for m in shown):
            continue
        held = [
            (probability[a, b], a, b)
            for a, b in pairs.cross_pairs()
            if _holds(point, pairs.members[a], pairs.members[b])
        ]
        score, a, b = max(held, default=(0.0, -1, -1))
        if score > 0:
            texts = (pairs.items[a].statement.text, pairs.items[b].statement.text)
            misses.append(Miss(story.name, kind, score, texts, pairs.features.features_of(a, b)))
        else:
            misses.append(Miss(story.name, kind, 0.0, None, None))
    return sorted(misses, key=lambda m: -m.score)


def miss_lines(misses: Sequence[Miss], point: float, related: float) -> list[str]:
    """The misses by their best pair's score against the thresholds, then each one."""
    bands = {
        f"best pair at or above the point threshold ({point})": sum(
            m.score >= point for m in misses
        ),
        f"best pair possibly related (from {related})": sum(
            related <= m.score < point for m in misses
        ),
        "best pair below the related threshold": sum(0 < m.score < related for m in misses),
        "no pair scored (they share names or nothing)": sum(m.score == 0 for m in misses),
    }
    out = [f"{len(misses)} gold points missed on the seeds and the development triplets:"]
    out += [f"  {count:4}  {band}" for band, count in bands.items()]
    for miss in misses:
        out.append(f"\n{miss.story} ({miss.kind}) best pair {miss.score:.3f}")
        if miss.texts is None or miss.features is None:
            out.append("  no pair of its statements is scored")
            continue
        out += [f"  - {text}" for text in miss.texts]
        shown = {name: round(value, 3) for name, value in miss.features.items() if value}
        out.append(f"  features: {shown}")
    return out


def _pairs(stories: Sequence[Story]) -> tuple[Any, Any, Any]:
    import numpy as np

    rows, labels, scored = [], [], []
    for story in stories:
        r, y, ok = pair_rows(story)
        rows += r
        labels += y
        scored += ok
    return np.asarray(rows), np.asarray(labels, dtype=float), np.asarray(scored, dtype=bool)


def average_precision(stories: Sequence[Story], weights: Any) -> float:
    """The average precision of the pairs ranked by a weight vector (intercept first), the
    pairs the model does not score ranked last: how well the score alone orders right pairs
    above wrong ones, whatever the threshold."""
    import numpy as np

    x, y, scored = _pairs(stories)
    scores = np.where(scored, np.hstack([np.ones((len(x), 1)), x]) @ weights, -np.inf)
    ranked = y[np.argsort(-scores, kind="stable")]
    hits = np.cumsum(ranked)
    return float((hits / np.arange(1, len(ranked) + 1) * ranked).sum() / max(1, ranked.sum()))


def fit(stories: Sequence[Story], penalty: float = 1.0) -> dict[str, Any]:
    """L2-regularised logistic regression by Newton's method (the intercept unpenalised), on
    the pairs the model scores."""
    import numpy as np

    from storydiff.compare.evidence import FEATURES

    features, y, scored = _pairs(stories)
    x = np.hstack([np.ones((int(scored.sum()), 1)), features[scored]])
    y = y[scored]
    weights = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - y) + ridge * weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return {
        "pairs": len(y),
        "positive": int(y.sum()),
        "vector": weights,
        "intercept": round(float(weights[0]), 3),
        "weights": {
            name: round(float(w), 3) for name, w in zip(FEATURES, weights[1:], strict=True)
        },
    }


def save_model(fitted: dict[str, Any], stories: Sequence[str]) -> None:
    from datetime import date

    from storydiff.compare.evidence import MODEL_FILE

    document = {
        "about": "Weights of storydiff's alignment score (storydiff/compare/evidence.py): "
        "L2-regularised logistic regression over the pairs of statements from different "
        "articles of the development stories that share more than names, right when one gold "
        "point holds both. Written by python benchmarks/compare.py --fit --save.",
        "fitted": date.today().isoformat(),
        "stories": list(stories),
        "pairs": fitted["pairs"],
        "right_pairs": fitted["positive"],
        "average_precision": fitted["average_precision"],
        "intercept": fitted["intercept"],
        "weights": fitted["weights"],
    }
    MODEL_FILE.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- report


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def report_lines(result: dict[str, Any]) -> list[str]:
    limits = result["thresholds"]
    out = [
        f"thresholds: point {limits['point']}, related {limits['related']}, "
        f"verbatim {limits['verbatim']}"
    ]
    out.append(
        f"{'':7} {'points':>6} {'P':>6} {'R':>6} {'pairP':>6} {'onlyP':>6} {'onlyR':>6} "
        f"{'falseC':>6} {'related':>7} {'relP':>6} {'kindA':>6} {'figAg':>6} {'figDif':>6}"
    )
    for group in ("seeds", "dev", "check"):
        g = result.get(group)
        if not g:
            continue
        out.append(
            f"{group:7} {g['points']:6} {_fmt(g['point_precision']):>6} "
            f"{_fmt(g['point_recall']):>6} {_fmt(g['pair_precision']):>6} "
            f"{_fmt(g['only_in_precision']):>6} "
            f"{_fmt(g['only_in_recall']):>6} {g['false_conflicts']:6} {g['related']:7} "
            f"{_fmt(g['related_precision']):>6} {_fmt(g['kind_accuracy']):>6} "
            f"{_fmt(g['agree_figures_together']):>6} {_fmt(g['different_figures_together']):>6}"
        )
    out.append(
        "figAg: the gold's agreeing figures that share a row; figDif: its look-alikes of "
        "different things that share one (lower is better)"
    )
    for group in ("seeds", "dev", "check"):
        g = result.get(group)
        if g:
            out.append(
                f"{group} headline figures: {g['headline_figures']} in the titles, "
                f"{g['headline_figures_shown']} in the figures table, "
                f"{g['headline_figures_compared']} beside another article's, "
                f"{g['headline_conflicts']} in rows marked as disagreeing"
            )
    return out


def curve_lines(rows: Sequence[dict[str, Any]]) -> str:
    head = f"{'point':>5} {'rel':>5} {'verb':>5} | " + " | ".join(
        f"{g:^35}" for g in ("seeds", "dev", "check")
    )
    sub = f"{'':17} | " + " | ".join(
        f"{'n':>3} {'P':>5} {'R':>5} {'pairP':>5} {'onlyP':>5} {'onlyR':>5}" for _ in range(3)
    )
    out = [head, sub]
    for row in rows:
        cells = []
        for group in ("seeds", "dev", "check"):
            g = row.get(group) or {}
            cells.append(
                f"{g.get('points', 0):3} "
                + " ".join(
                    _fmt(g.get(k))
                    for k in (
                        "point_precision",
                        "point_recall",
                        "pair_precision",
                        "only_in_precision",
                        "only_in_recall",
                    )
                )
            )
        t = row["thresholds"]
        limits = f"{t['point']:5.2f} {t['related']:5.2f} {t['verbatim']:5.2f}"
        out.append(f"{limits} | " + " | ".join(cells))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    from storydiff.compare import compare_analyses
    from storydiff.config import DEFAULTS

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW)
    parser.add_argument("--curve", action="store_true", help="scores over the point threshold")
    parser.add_argument("--fit", action="store_true", help="fit the score's weights on dev")
    parser.add_argument(
        "--save", action="store_true", help="with --fit: write the weights to the package"
    )
    parser.add_argument("--stories", action="store_true", help="also print each story's counts")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list the development stories' gold points not found, with their best pair",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    stories = load_stories(args.seesaw)
    output: dict[str, Any] = {}
    if args.fit:
        output["fit"] = fit([s for s in stories if s.split == "dev"])
        vector = output["fit"].pop("vector")
        output["fit"]["average_precision"] = {
            split: round(average_precision([s for s in stories if s.split == split], vector), 3)
            for split in ("dev", "check")
        }
        if args.save:
            save_model(output["fit"], [s.name for s in stories if s.split == "dev"])
    output["default"] = evaluate(stories)
    if args.curve:
        default = DEFAULTS.alignment
        output["curve"] = [
            evaluate(
                stories,
                DEFAULTS.with_values(
                    {
                        "alignment.point": step / 100,
                        "alignment.related": min(default.related, step / 100),
                    }
                ),
            )
            for step in range(20, 91, 5)
        ]
        output["related_curve"] = [
            evaluate(stories, DEFAULTS.with_values({"alignment.related": step / 100}))
            for step in range(5, int(default.point * 100) + 1, 5)
        ]
        output["verbatim_curve"] = [
            evaluate(stories, DEFAULTS.with_values({"alignment.verbatim": step / 100}))
            for step in range(30, int(default.point * 100) + 1, 5)
        ]
    if args.misses:
        output["misses"] = [
            miss
            for story in stories
            if story.split == "dev"
            for miss in missed_points(story, compare_analyses(story.analyses))
        ]
    if args.json:
        output["misses"] = [asdict(miss) for miss in output.get("misses", [])]
        print(json.dumps(output, indent=2))
        return 0
    if "fit" in output:
        print(f"fit on {output['fit']['pairs']} pairs ({output['fit']['positive']} right):")
        print(f"  pair average precision: {output['fit']['average_precision']}")
        print(f"  INTERCEPT = {output['fit']['intercept']}")
        for name, weight in output["fit"]["weights"].items():
            print(f"  {name}: {weight}")
    print("\n".join(report_lines(output["default"])))
    if args.stories:
        for name, counts in output["default"]["stories"].items():
            print(f"  {name}: {counts}")
    if args.misses:
        limits = DEFAULTS.alignment
        print("\n" + "\n".join(miss_lines(output["misses"], limits.point, limits.related)))
    for title, key in (
        ("point threshold", "curve"),
        ("related threshold", "related_curve"),
        ("threshold for pairs with the same words or figure", "verbatim_curve"),
    ):
        if output.get(key):
            print(f"\nover the {title}:")
            print(curve_lines(output[key]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
