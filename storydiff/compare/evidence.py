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

Everything is computed as dense matrices over the statements being compared: the comparison
handles tens of articles, hundreds of statements.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from storydiff.compare.embeddings import unit_rows, weighted_similarity
from storydiff.compare.numbers import agreeing, compatible, conflicting
from storydiff.compare.similarity import Backend, content_words, words
from storydiff.config import DEFAULTS, FigureSettings
from storydiff.model import EVIDENCE_FLAGS, Actor, Analysis, Evidence, Quantity, Statement

# Feature names in the model's order; each is a matrix over statement pairs.
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

    def logit(self, matrices: dict[str, np.ndarray]) -> np.ndarray:
        total = np.full_like(matrices["similarity"], self.intercept)
        for name in FEATURES:
            total += self.weights.get(name, 0.0) * matrices[name]
        return total


@lru_cache(maxsize=1)
def default_model() -> AlignmentModel:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return AlignmentModel(
        float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()}
    )


@dataclass(frozen=True)
class Item:
    """One statement being compared, with the analysis it comes from."""

    analysis: Analysis
    statement: Statement

    @property
    def article(self) -> str:
        return self.analysis.article.id


@dataclass(frozen=True)
class PairFeatures:
    """The feature matrices of every pair of items (symmetric; only cross-article pairs are
    meaningful), and what each item names, to explain a match in words."""

    matrices: dict[str, np.ndarray]
    actor_names: tuple[frozenset[str], ...]
    predicates: tuple[frozenset[str], ...]
    words: tuple[frozenset[str], ...]

    def probability(self, model: AlignmentModel | None = None) -> np.ndarray:
        """The model's probability that each pair reports the same fact; 0 for a pair that
        shares nothing it says (``share_content``)."""
        logit = (model or default_model()).logit(self.matrices)
        return np.where(self.share_content(), 1.0 / (1.0 + np.exp(-logit)), 0.0)

    def share_content(self) -> np.ndarray:
        """Where two statements share something they say, not only whom they name: a word
        other than a name, a verb, a run of words, a figure or a date. Shared names alone
        (the same senator, the FBI) never make two sentences one fact."""
        m = self.matrices
        return (
            (m["rare_words"] > 0)
            | (m["predicates"] > 0)
            | (m["shared_run"] > 0)
            | (m["figures_agree"] > 0)
            | (m["dates_agree"] > 0)
        )

    def explain(self, i: int, j: int) -> Evidence:
        """The evidence for one pair, as a reader would want it listed."""
        return Evidence(
            similarity=float(self.matrices["similarity"][i, j]),
            shared_actors=tuple(sorted(self.actor_names[i] & self.actor_names[j])),
            shared_predicates=tuple(sorted(self.predicates[i] & self.predicates[j])),
            shared_words=tuple(
                sorted((self.words[i] & self.words[j]) - self.predicates[i] - self.predicates[j])
            ),
            **{flag: bool(self.matrices[flag][i, j]) for flag in EVIDENCE_FLAGS},
        )


def pair_features(
    items: Sequence[Item],
    backend: Backend,
    actors: Sequence[Actor],
    figures: FigureSettings = DEFAULTS.figures,
) -> PairFeatures:
    n = len(items)
    articles = np.array([item.article for item in items])
    cross = articles[:, None] != articles[None, :]
    similarity = np.asarray(backend([item.statement.text for item in items]), dtype=float)
    # What the statements say about the actors, without the actors' names: shared names are
    # the actors feature's evidence, and must not make two sentences alike a second time.
    plain = [_without_names(item) for item in items]
    owner = {
        (article, entity): actor
        for actor in actors
        for article, entities in actor.members.items()
        for entity in entities
    }
    named = [_actors_of(item, item.statement.entities, owner) for item in items]
    names = tuple(frozenset(a.name for a in found) for found in named)
    actor_keys = [
        {a.id for a in found} | {f"label:{k}" for k in _group_kinds(item)}
        for item, found in zip(items, named, strict=True)
    ]
    verbs = [set(item.statement.predicates) for item in items]
    words = [_plain_words(item) for item in items]
    relations = _figure_relations(items, figures)
    dates = _date_relations(items)
    negated = np.array([item.statement.negated for item in items])
    speakers = [_speaker(item, owner) for item in items]
    # Every element weighs more than 0 in the cosine, so > 0 means "one in common".
    same_speaker = (weighted_cosine([{s} if s else set() for s in speakers]) > 0).astype(float)
    agents = [{a.id for a in _actors_of(item, item.statement.agents, owner)} for item in items]
    same_agent = (weighted_cosine(agents) > 0).astype(float)
    matrices = {
        "similarity": similarity,
        "actors": weighted_cosine(actor_keys),
        "predicates": weighted_cosine(verbs),
        "rare_words": weighted_cosine(words),
        "mutual_best": _mutual_best(similarity, articles, cross),
        "margin": _margin(similarity, articles),
        "weighted_similarity": weighted_similarity(plain),
        "shared_run": _shared_runs(items, plain),
        "context_similarity": _context(similarity, articles),
        **_positions(articles),
        "figures_agree": relations["agree"],
        "figures_differ": relations["differ"],
        "figures_unmatched": relations["unmatched"],
        "dates_agree": dates[0],
        "dates_differ": dates[1],
        "negation_differs": (negated[:, None] != negated[None, :]).astype(float),
        "same_speaker": same_speaker,
        "same_agent": same_agent,
    }
    for matrix in matrices.values():
        matrix[~cross] = 0.0
    assert all(m.shape == (n, n) for m in matrices.values())
    return PairFeatures(
        matrices,
        names,
        tuple(frozenset(v) for v in verbs),
        tuple(frozenset(w) for w in words),
    )


def weighted_cosine(sets: Sequence[set[str]]) -> np.ndarray:
    """Cosine of the sets, each element weighted by its inverse frequency among them:
    sharing what few statements name ("Turkey", "veto") says more than sharing what most
    name (the country or the verb the whole story is about)."""
    n = len(sets)
    frequency = Counter(k for found in sets for k in found)
    vocabulary = {k: index for index, k in enumerate(frequency)}
    vectors = np.zeros((n, len(vocabulary)))
    for row, found in enumerate(sets):
        for k in found:
            vectors[row, vocabulary[k]] = math.log((n + 1) / frequency[k])
    unit = unit_rows(vectors)
    cosine: np.ndarray = unit @ unit.T
    return cosine


Owners = dict[tuple[str, str], Actor]  # (article id, entity id) -> the actor it belongs to


def _actors_of(item: Item, entity_ids: Sequence[str], owner: Owners) -> list[Actor]:
    """The actors behind some of a statement's entities, linked across articles (so "Ankara"
    meets "Turkey")."""
    found = (owner.get((item.article, e)) for e in entity_ids)
    return [actor for actor in found if actor is not None]


def _group_kinds(item: Item) -> set[str]:
    """The kinds of group its labels name (so "rebel stronghold" meets "terrorist
    stronghold")."""
    return {item.analysis.labels[k].category for k in item.statement.labels}


def _plain_words(item: Item) -> set[str]:
    """The lemmas of the content words that are not names: what is said about the actors.
    An analysis made before lemmas were kept falls back on the words as written."""
    statement = item.statement
    if statement.terms or statement.predicates:
        return {*statement.terms, *statement.predicates}
    names = {
        word
        for entity in item.analysis.entities
        if entity.id in statement.entities
        for word in content_words(entity.name)
    }
    return set(content_words(statement.text)) - names


def _speaker(item: Item, owner: Owners) -> str | None:
    """Whose words the statement is: the speaker's actor, else the name as written."""
    speaker = item.statement.attributed_to
    if speaker is None:
        return None
    actor = owner.get((item.article, speaker))
    return actor.id if actor is not None else speaker.casefold()


def _mutual_best(similarity: np.ndarray, articles: np.ndarray, cross: np.ndarray) -> np.ndarray:
    """1 where each statement is the other's closest in the other's article."""
    n = len(articles)
    best = np.zeros((n, n), dtype=bool)
    for article in np.unique(articles):
        columns = np.flatnonzero(articles == article)
        closest = columns[np.argmax(similarity[:, columns], axis=1)]
        best[np.arange(n), closest] = True
    mutual: np.ndarray = (best & best.T & cross).astype(float)
    return mutual


def _margin(similarity: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """For each pair, the smaller of the two leads its similarity has over each statement's
    next closest in the other's article (negative when another statement is closer)."""
    n = len(articles)
    lead = np.zeros((n, n))
    for article in np.unique(articles):
        columns = np.flatnonzero(articles == article)
        block = similarity[:, columns]
        if len(columns) > 1:
            top_two = np.sort(block, axis=1)[:, -2:]
            best, second = top_two[:, 1:2], top_two[:, 0:1]
            rival = np.where(block >= best, second, best)
        else:
            rival = np.zeros_like(block)
        lead[:, columns] = block - rival
    return np.minimum(lead, lead.T)


def _context(similarity: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """The mean similarity of the pairs among the two statements and their neighbours (the
    sentence before and after each, within its article): facts come in passages, and a
    sentence whose neighbours match the other's neighbours is more likely its counterpart
    ("The country ... has been seeking to stop an offensive" after a sentence naming Turkey)."""
    n = len(articles)
    total, count = np.zeros((n, n)), np.zeros((n, n))
    index = np.arange(n)
    for di in (-1, 0, 1):
        rows = np.clip(index + di, 0, n - 1)
        row_ok = (index + di >= 0) & (index + di < n) & (articles[rows] == articles)
        for dj in (-1, 0, 1):
            columns = np.clip(index + dj, 0, n - 1)
            column_ok = (index + dj >= 0) & (index + dj < n) & (articles[columns] == articles)
            ok = row_ok[:, None] & column_ok[None, :]
            total += similarity[np.ix_(rows, columns)] * ok
            count += ok
    return total / np.maximum(count, 1)


# An article's first sentences tell the news; the same news is told first everywhere.
_LEAD = 3


def _positions(articles: np.ndarray) -> dict[str, np.ndarray]:
    n = len(articles)
    place, share = np.zeros(n), np.zeros(n)
    for article in np.unique(articles):
        members = np.flatnonzero(articles == article)
        place[members] = np.arange(len(members))
        share[members] = np.arange(len(members)) / max(1, len(members) - 1)
    lead = place < _LEAD
    return {
        "both_lead": (lead[:, None] & lead[None, :]).astype(float),
        "position_gap": np.abs(share[:, None] - share[None, :]),
    }


# Runs of fewer words are common phrases ("the White House"); longer ones are all one thing:
# a quotation both articles carry.
_SHORT_RUN, _LONG_RUN = 3, 8


def _shared_runs(items: Sequence[Item], texts: Sequence[str]) -> np.ndarray:
    """The longest run of the same words in both statements (from ``_SHORT_RUN`` words, as a
    share of ``_LONG_RUN``), no run crossing a name: two outlets quoting the same words share
    a long run, two sentences on one topic rarely more than a name. Found through an index of
    word n-grams, so the cost grows with the runs shared, not with the pairs of statements."""
    n = len(items)
    runs = np.zeros((n, n))
    stretches = [[words(part) for part in text.split(_NAME_GAP)] for text in texts]
    articles = [item.article for item in items]
    for length in range(_SHORT_RUN, _LONG_RUN + 1):
        holders: dict[tuple[str, ...], set[int]] = {}
        for k, parts in enumerate(stretches):
            for tokens in parts:
                for start in range(len(tokens) - length + 1):
                    holders.setdefault(tuple(tokens[start : start + length]), set()).add(k)
        for members in holders.values():
            if len(members) < 2:
                continue
            for i in members:
                for j in members:
                    if articles[i] != articles[j]:
                        runs[i, j] = length
    return runs / _LONG_RUN


# What stands for a name taken out of a statement's text.
_NAME_GAP = " — "


def _without_names(item: Item) -> str:
    """The statement's text with the mentions of its entities taken out (each replaced by
    ``_NAME_GAP``, where runs of words stop): what it says about them."""
    statement = item.statement
    spans = sorted(
        (m.start, m.end)
        for entity in item.analysis.entities
        if entity.id in statement.entities
        for m in entity.mentions
        if statement.start <= m.start and m.end <= statement.end
    )
    kept, cursor = [], statement.start
    for start, end in spans:
        if start >= cursor:
            kept.append(item.analysis.article.text[cursor:start] + _NAME_GAP)
            cursor = end
    kept.append(item.analysis.article.text[cursor : statement.end])
    return " ".join("".join(kept).split())


def _figures(item: Item) -> list[Quantity]:
    quantities = item.analysis.quantities
    return [quantities[k] for k in item.statement.quantities]


def _figure_relations(items: Sequence[Item], settings: FigureSettings) -> dict[str, np.ndarray]:
    """Where both statements give figures: agree (the same value in the same unit, of the
    same counted thing or of a number too particular to be chance, such as 407 or 800,000),
    differ (the same counted thing with values that do not agree) and unmatched (figures in
    the same unit, none with a value the other gives: two polls, two counts)."""
    n = len(items)
    relations = {name: np.zeros((n, n)) for name in ("agree", "differ", "unmatched")}
    figures = [_figures(item) for item in items]
    for i in range(n):
        if not figures[i]:
            continue
        for j in range(i + 1, n):
            if not figures[j] or items[i].article == items[j].article:
                continue
            first, second = figures[i], figures[j]
            if agreeing(first, second, settings) or _same_particular_number(
                first, second, settings
            ):
                relation = "agree"
            elif conflicting(first, second, settings):
                relation = "differ"
            elif _same_unit(first, second) and not any(
                compatible(a, b, settings) for a in first for b in second
            ):
                relation = "unmatched"
            else:
                continue
            relations[relation][i, j] = relations[relation][j, i] = 1.0
    return relations


def _same_unit(first: Sequence[Quantity], second: Sequence[Quantity]) -> bool:
    return bool({a.unit for a in first} & {b.unit for b in second})


# A number at least this large, given exactly by both, is rarely a coincidence.
_PARTICULAR = 100


def _same_particular_number(
    first: Sequence[Quantity], second: Sequence[Quantity], settings: FigureSettings
) -> bool:
    return any(
        a.value is not None
        and a.value == b.value
        and abs(float(a.value)) >= _PARTICULAR
        and compatible(a, b, settings)
        for a in first
        for b in second
    )


def _date_relations(items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
    """Where both statements name normalised dates: the same date, or none the same."""
    values = [_dates_in(item) for item in items]
    dated = np.array([bool(v) for v in values])
    agree = weighted_cosine(values) > 0
    both = dated[:, None] & dated[None, :]
    return agree.astype(float), (both & ~agree).astype(float)


def _dates_in(item: Item) -> set[str]:
    statement = item.statement
    return {
        str(d.value)
        for d in item.analysis.dates
        if d.value and statement.start <= d.start < statement.end
    }
