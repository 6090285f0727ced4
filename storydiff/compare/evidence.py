"""What two statements from different articles have in common, and how likely that makes it
that they report the same fact.

A reader says two sentences "report the same thing" for reasons: they name the same actors,
something happens to them in both (the same verb or event), the figures and dates agree,
neither denies what the other asserts, and the words say it alike. Each reason is one
feature here; a logistic model combines them into one calibrated probability, fitted by
``benchmarks/compare.py --fit`` on the development triplets of the comparison gold
(hand-annotated SEESAW stories, ``benchmarks/data/compare_gold``) and the seeds, and checked on
triplets kept apart. Shared names alone are no evidence: a pair that shares nothing but names
scores 0 (``share_content``), and names are taken out of the texts compared word by word.

Not every pair is scored: two hundred articles hold some six thousand statements and
eighteen million pairs across articles. A block of statements at a time is compared with all
the others by matrix products (``statements.py``), and only the pairs that share something
they say are looked at. With a ``floor``, only those whose score can still reach it are kept:
the features that need the other statement's row as well (``mutual_best``, ``margin``) or a
test pair by pair (the figures) are bounded first, and a pair whose highest possible score
stays below the floor is dropped before they are worked out. The pairs kept, with their
features, are the candidate list; memory beyond it grows with the statements, not with their
pairs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from storydiff.compare.incidence import values_at
from storydiff.compare.numbers import agreeing, compatible, conflicting
from storydiff.compare.similarity import Backend
from storydiff.compare.statements import LONG_RUN, PARTICULAR, Item, StatementTable
from storydiff.config import DEFAULTS, FigureSettings
from storydiff.model import EVIDENCE_FLAGS, Actor, Evidence, Quantity

# Feature names in the model's order; each is a value per pair of statements.
FEATURES = (
    "similarity",  # the backend's similarity of the words
    "actors",  # rarity-weighted cosine of the actors and kinds of group named
    "predicates",  # rarity-weighted cosine of the verbs' lemmas
    "rare_words",  # rarity-weighted share of content words that are not names
    "mutual_best",  # each is the other's closest statement in its article
    "margin",  # how far the pair's similarity leads each one's next best in the other article
    "weighted_similarity",  # the same, as embeddings with rare tokens weighted up
    "shared_run",  # the longest run of the same words, names aside (a quotation both report)
    "context_similarity",  # how alike the sentences around the two are
    "both_lead",  # both among the first sentences of their articles, where the news is told
    "position_gap",  # how far apart in their articles the two are (0 to 1)
    "figures_agree",  # the same figure in both
    "figures_differ",  # figures for the same counted thing that disagree
    "figures_unmatched",  # figures in the same unit in both, none of them the same value
    "dates_agree",  # both name the same normalised date
    "dates_differ",  # both name dates, none the same
    "negation_differs",  # one negates its verb, the other does not
    "same_speaker",  # both are the words of the same actor
    "same_agent",  # the same actor is the subject of a verb in both
)

# The fitted weights, with what they were fitted on: written by
# ``python benchmarks/compare.py --fit --save``.
MODEL_FILE = Path(__file__).with_name("alignment_model.json")


@dataclass(frozen=True)
class AlignmentModel:
    """A logistic model over ``FEATURES``: one weight per feature and an intercept."""

    intercept: float
    weights: dict[str, float]

    def logit(self, values: dict[str, np.ndarray]) -> np.ndarray:
        total = np.full_like(values["similarity"], self.intercept)
        for name in FEATURES:
            total += self.weights.get(name, 0.0) * values[name]
        return total


@lru_cache(maxsize=1)
def default_model() -> AlignmentModel:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return AlignmentModel(
        float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()}
    )


class PairScores:
    """The probability of each candidate pair; 0 for any other pair (``scores[i, j]``, in
    either order); and which pairs carry the same words or figure (``verbatim``)."""

    def __init__(
        self, pairs: np.ndarray, scores: np.ndarray, verbatim: np.ndarray | None = None
    ) -> None:
        keys = list(map(tuple, pairs.tolist()))
        self._scores = dict(zip(keys, scores.tolist(), strict=True))
        marked = np.zeros(len(keys), dtype=bool) if verbatim is None else verbatim
        self._verbatim = {key for key, found in zip(keys, marked.tolist(), strict=True) if found}

    def __getitem__(self, pair: tuple[int, int]) -> float:
        i, j = pair
        return float(self._scores.get((i, j) if i < j else (j, i), 0.0))

    def verbatim(self, i: int, j: int) -> bool:
        """The pair carries the same words besides names or the same figure
        (``PairFeatures.verbatim``)."""
        return ((i, j) if i < j else (j, i)) in self._verbatim

    def __iter__(self) -> Iterator[tuple[float, int, int]]:
        """Every candidate pair as (probability, i, j), i < j."""
        return ((score, i, j) for (i, j), score in self._scores.items())


@dataclass(frozen=True)
class PairFeatures:
    """The feature values of the candidate pairs (``pairs``: rows of i < j, in order), and
    what each statement names, to explain a match in words."""

    pairs: np.ndarray
    values: dict[str, np.ndarray]
    actor_names: tuple[frozenset[str], ...]
    predicates: tuple[frozenset[str], ...]
    words: tuple[frozenset[str], ...]

    def probability(self, model: AlignmentModel | None = None) -> PairScores:
        """The model's probability that each pair reports the same fact; 0 for a pair that
        shares nothing it says (``share_content``)."""
        logit = (model or default_model()).logit(self.values)
        return PairScores(
            self.pairs,
            np.where(self.share_content(), 1.0 / (1.0 + np.exp(-logit)), 0.0),
            self.verbatim(),
        )

    def verbatim(self) -> np.ndarray:
        """Where two statements carry the same words besides names (a run of three or more:
        a phrase or quotation both report) or the same figure: what two sentences on the
        same people and topic rarely share by chance, so a weaker score is enough for them
        (the setting ``alignment.verbatim``)."""
        return (self.values["shared_run"] > 0) | (self.values["figures_agree"] > 0)

    def share_content(self) -> np.ndarray:
        """Where two statements share something they say, not only whom they name: a word
        other than a name, a verb, a run of words, a figure or a date. Shared names alone
        (the same senator, the FBI) never make two sentences one fact."""
        v = self.values
        return (
            (v["rare_words"] > 0)
            | (v["predicates"] > 0)
            | (v["shared_run"] > 0)
            | (v["figures_agree"] > 0)
            | (v["dates_agree"] > 0)
        )

    def features_of(self, i: int, j: int) -> dict[str, float] | None:
        """The features of one pair (in either order), or None for a pair not kept."""
        k = self._positions.get((i, j) if i < j else (j, i))
        if k is None:
            return None
        return {name: float(self.values[name][k]) for name in FEATURES}

    @cached_property
    def _positions(self) -> dict[tuple[int, int], int]:
        return {pair: k for k, pair in enumerate(map(tuple, self.pairs.tolist()))}

    def explain(self, i: int, j: int) -> Evidence:
        """The evidence for one candidate pair, as a reader would want it listed."""
        values = self.features_of(i, j)
        if values is None:
            raise KeyError(f"statements {i} and {j} are not a candidate pair")
        return Evidence(
            similarity=values["similarity"],
            shared_actors=tuple(sorted(self.actor_names[i] & self.actor_names[j])),
            shared_predicates=tuple(sorted(self.predicates[i] & self.predicates[j])),
            shared_words=tuple(
                sorted((self.words[i] & self.words[j]) - self.predicates[i] - self.predicates[j])
            ),
            **{flag: bool(values[flag]) for flag in EVIDENCE_FLAGS},
        )


# Pairs compared at once: rows of a block times all statements (8 MB per dense feature).
BLOCK_PAIRS = 1 << 20


def pair_features(
    items: Sequence[Item],
    backend: Backend,
    actors: Sequence[Actor],
    figures: FigureSettings = DEFAULTS.figures,
    floor: float | None = None,
    model: AlignmentModel | None = None,
) -> PairFeatures:
    """The features of the pairs of statements from different articles that share something
    they say (``PairFeatures.share_content`` holds for each, or may), or with a ``floor`` of
    only those whose probability under ``model`` (the default model if None) can reach it.
    Every pair whose probability reaches the floor is among them."""
    table = StatementTable.of(items, backend, actors)
    model = model or default_model()
    cut = None if floor is None else math.log(floor / (1 - floor)) if floor < 1 else math.inf
    rows = max(1, BLOCK_PAIRS // max(1, len(table)))
    found = [
        _block(table, start, min(start + rows, len(table)), model, cut)
        for start in range(0, len(table), rows)
    ]
    pairs, values = _both_ways(found, len(table))
    values.update(_figure_relations(table, pairs, figures))
    return PairFeatures(
        pairs,
        {name: values[name] for name in FEATURES},
        table.actor_names,
        table.predicates,
        table.plain_words,
    )


@dataclass(frozen=True)
class _Found:
    """The pairs a block of rows kept, seen from its rows: (i, j) in both orders across
    blocks, with the row's side of the bounded features."""

    i: np.ndarray
    j: np.ndarray
    lead: np.ndarray  # the pair's similarity over its row's rival in j's article
    closest: np.ndarray  # j is the closest statement to i in j's article
    values: dict[str, np.ndarray]


def _block(
    table: StatementTable, start: int, stop: int, model: AlignmentModel, cut: float | None
) -> _Found:
    """The pairs of statements ``start`` to ``stop`` with every statement of another article
    that share something they say, and, given ``cut``, whose bounded logit reaches it."""
    n = len(table)
    low, high = max(start - 1, 0), min(stop + 1, n)
    similarity = table.similarity.rows(low, high)  # with a row either side, for the context
    block = similarity[start - low : stop - low]
    words = table.words.shared(start, stop)
    runs = [(length, incidence.shared(start, stop)) for length, incidence in table.runs]
    figures = table.figure_keys.shared(start, stop)
    dates = table.dates.shared(start, stop)
    support = (words + runs[0][1] + figures + dates).tocoo()
    rows, j = support.row, support.col
    i = rows + start
    cross = table.articles[i] != table.articles[j]
    rows, i, j = rows[cross], i[cross], j[cross]
    s = block[rows, j]
    lead, closest = _row_side(table, block, rows, j, s)
    # A run shared at one length is shared at every shorter one: the longest is the first
    # length less one, plus the number of lengths shared.
    levels = sum(shared.astype(bool).astype(float) for _, shared in runs)
    counted = values_at(levels, rows, j)
    run = np.where(counted > 0, counted + runs[0][0] - 1, 0.0)
    same_date = values_at(dates, rows, j) > 0
    values = {
        "similarity": s,
        "actors": values_at(table.actors.shared(start, stop), rows, j),
        "predicates": values_at(table.verbs.shared(start, stop), rows, j),
        "rare_words": values_at(words, rows, j),
        "weighted_similarity": table.weighted.rows(start, stop)[rows, j],
        "shared_run": run / LONG_RUN,
        "context_similarity": _context(table, similarity, low, i, j),
        "both_lead": (table.lead[i] & table.lead[j]).astype(float),
        "position_gap": np.abs(table.share[i] - table.share[j]),
        "dates_agree": same_date.astype(float),
        "dates_differ": (table.dated[i] & table.dated[j] & ~same_date).astype(float),
        "negation_differs": (table.negated[i] != table.negated[j]).astype(float),
        "same_speaker": (
            (table.speakers[i] >= 0) & (table.speakers[i] == table.speakers[j])
        ).astype(float),
        "same_agent": (values_at(table.agents.shared(start, stop), rows, j) > 0).astype(float),
    }
    if cut is not None:
        figured = (table.figured[i] & table.figured[j]).astype(float)
        bounds: dict[str, tuple[float | np.ndarray, float | np.ndarray]] = {
            "mutual_best": (0.0, closest.astype(float)),
            "margin": (-1.0, lead),
            "figures_agree": (0.0, (values_at(figures, rows, j) > 0).astype(float)),
            "figures_differ": (0.0, figured),
            "figures_unmatched": (0.0, figured),
        }
        keep = _highest_logit(model, values, bounds) >= cut
        i, j, lead, closest = i[keep], j[keep], lead[keep], closest[keep]
        values = {name: v[keep] for name, v in values.items()}
    return _Found(i, j, lead, closest, values)


def _highest_logit(
    model: AlignmentModel,
    values: dict[str, np.ndarray],
    bounds: dict[str, tuple[float | np.ndarray, float | np.ndarray]],
) -> np.ndarray:
    """The highest logit each pair can have: its features as computed, and those a block of
    rows cannot give exactly at whichever end of their (lowest, highest) range scores more.
    ``mutual_best`` and ``margin`` need the other statement's row as well (the row's own side
    is known), the figures a test of each pair (whether they may agree is known)."""
    total = np.full(len(values["similarity"]), model.intercept)
    for name in FEATURES:
        weight = model.weights.get(name, 0.0)
        if name in bounds:
            lowest, highest = bounds[name]
            total += np.maximum(weight * lowest, weight * highest)
        else:
            total += weight * values[name]
    # The same terms as the score, added in another order: a hair of slack for the rounding.
    return total + 1e-9


def _row_side(
    table: StatementTable, block: np.ndarray, rows: np.ndarray, j: np.ndarray, s: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each pair, from its row's side: how far its similarity leads the row's next
    closest statement in j's article (its closest if that is not j; nothing when j's article
    has one statement), and whether j is the row's closest there (the first, on a tie)."""
    starts, articles = table.article_starts, table.articles
    columns = np.arange(block.shape[1])
    best = np.maximum.reduceat(block, starts, axis=1)
    closest = np.minimum.reduceat(
        np.where(block == best[:, articles], columns, len(columns)), starts, axis=1
    )
    others = block.copy()
    others[np.arange(len(block))[:, None], closest] = -np.inf
    second = np.maximum.reduceat(others, starts, axis=1)
    alone = np.diff(np.append(starts, len(columns))) == 1
    best[:, alone], second[:, alone] = -np.inf, 0.0  # no rival: the lead is the similarity
    a = articles[j]
    rival = np.where(s >= best[rows, a], second[rows, a], best[rows, a])
    return s - rival, closest[rows, a] == j


def _context(
    table: StatementTable, similarity: np.ndarray, low: int, i: np.ndarray, j: np.ndarray
) -> np.ndarray:
    """The mean similarity of the pairs among the two statements and their neighbours (the
    sentence before and after each, within its article): facts come in passages, and a
    sentence whose neighbours match the other's neighbours is more likely its counterpart
    ("The country ... has been seeking to stop an offensive" after a sentence naming Turkey).
    ``similarity`` holds the rows from ``low``, one either side of the block's."""
    neighbours_i, neighbours_j = _neighbours(table, i), _neighbours(table, j)
    flat, width = similarity.ravel(), similarity.shape[1]
    total, count = np.zeros(len(i)), np.zeros(len(i))
    for row, row_ok in neighbours_i:
        at = (np.clip(row, low, low + len(similarity) - 1) - low) * width
        for column, column_ok in neighbours_j:
            ok = row_ok & column_ok
            total += flat[at + column] * ok
            count += ok
    return total / np.maximum(count, 1)


def _neighbours(table: StatementTable, k: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """The statements before, at and after each of ``k`` (clipped to the table), and whether
    each is a statement of the same article."""
    last = len(table) - 1
    after = np.minimum(k + 1, last)
    return [
        (np.maximum(k - 1, 0), table.follows[k]),
        (k, np.ones(len(k), dtype=bool)),
        (after, (k < last) & table.follows[after]),
    ]


def _both_ways(found: Sequence[_Found], n: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The pairs kept from both sides (a pair whose bound fails from either side cannot reach
    the floor), as rows (i, j) with i < j in order, with their features: the symmetric ones
    from the side of i, ``margin`` the smaller lead of the two sides, ``mutual_best`` where
    each is the other's closest."""
    if not found:
        return np.zeros((0, 2), dtype=int), {name: np.zeros(0) for name in FEATURES}
    i = np.concatenate([f.i for f in found])
    j = np.concatenate([f.j for f in found])
    lead = np.concatenate([f.lead for f in found])
    closest = np.concatenate([f.closest for f in found])
    values = {name: np.concatenate([f.values[name] for f in found]) for name in found[0].values}
    forward = np.flatnonzero(i < j)
    backward = np.flatnonzero(i > j)
    _, ahead, behind = np.intersect1d(
        i[forward] * n + j[forward],
        j[backward] * n + i[backward],
        assume_unique=True,
        return_indices=True,
    )
    there, back = forward[ahead], backward[behind]
    kept = {name: v[there] for name, v in values.items()}
    kept["margin"] = np.minimum(lead[there], lead[back])
    kept["mutual_best"] = (closest[there] & closest[back]).astype(float)
    return np.stack([i[there], j[there]], axis=1).reshape(-1, 2), kept


def _figure_relations(
    table: StatementTable, pairs: np.ndarray, settings: FigureSettings
) -> dict[str, np.ndarray]:
    """Where both statements give figures: agree (the same value in the same unit, of the
    same counted thing or of a number too particular to be chance, such as 407 or 800,000),
    differ (the same counted thing with values that do not agree) and unmatched (figures in
    the same unit, none with a value the other gives: two polls, two counts)."""
    relations = {name: np.zeros(len(pairs)) for name in ("agree", "differ", "unmatched")}
    both = np.flatnonzero(table.figured[pairs[:, 0]] & table.figured[pairs[:, 1]])
    for k in both.tolist():
        first, second = table.figures[pairs[k, 0]], table.figures[pairs[k, 1]]
        if agreeing(first, second, settings) or _same_particular_number(first, second, settings):
            relation = "agree"
        elif conflicting(first, second, settings):
            relation = "differ"
        elif _same_unit(first, second) and not any(
            compatible(a, b, settings) for a in first for b in second
        ):
            relation = "unmatched"
        else:
            continue
        relations[relation][k] = 1.0
    return {f"figures_{name}": values for name, values in relations.items()}


def _same_unit(first: Sequence[Quantity], second: Sequence[Quantity]) -> bool:
    return bool({a.unit for a in first} & {b.unit for b in second})


def _same_particular_number(
    first: Sequence[Quantity], second: Sequence[Quantity], settings: FigureSettings
) -> bool:
    return any(
        a.value is not None
        and a.value == b.value
        and abs(float(a.value)) >= PARTICULAR
        and compatible(a, b, settings)
        for a in first
        for b in second
    )
