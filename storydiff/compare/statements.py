"""What each statement being compared says, in the forms the pair features compare.

The pair features (``evidence.py``) ask of two statements what they share: actors, verbs,
words, runs of words, figures, dates, a speaker, an acting actor. Each is worked out here once
per statement and kept as a sparse incidence matrix (``incidence.py``) or a plain array, so
that a block of statements is compared with all the others by matrix products, and the
memory stays in proportion to the statements, not to their pairs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from storydiff.compare.embeddings import CosineIndex, weighted_embedding_index
from storydiff.compare.incidence import Incidence, holding, holding_codes, weighted_sets
from storydiff.compare.numbers import counted_words
from storydiff.compare.similarity import Backend, SimilarityIndex, content_words, words
from storydiff.model import Actor, Analysis, Quantity, Statement

# An article's first sentences tell the news; the same news is told first everywhere.
LEAD = 3
# Runs of fewer words are common phrases ("the White House"); longer ones are all one thing:
# a quotation both articles carry.
SHORT_RUN, LONG_RUN = 3, 8
# What stands for a name taken out of a statement's text.
NAME_GAP = " — "
# A number at least this large, given exactly by both, is rarely a coincidence.
PARTICULAR = 100


@dataclass(frozen=True)
class Item:
    """One statement being compared, with the analysis it comes from."""

    analysis: Analysis
    statement: Statement

    @property
    def article(self) -> str:
        return self.analysis.article.id


Owners = dict[tuple[str, str], Actor]  # (article id, entity id) -> the actor it belongs to


@dataclass(frozen=True)
class StatementTable:
    """The statements' article (as a number), place in it, similarity indexes and what each
    holds."""

    items: tuple[Item, ...]
    articles: np.ndarray  # article number of each statement
    article_starts: np.ndarray  # where each article's statements start (they run together)
    similarity: SimilarityIndex  # the backend's, on the texts as written
    weighted: CosineIndex  # rarity-weighted embeddings of the texts without names
    actors: Incidence
    verbs: Incidence
    words: Incidence
    agents: Incidence
    dates: Incidence
    runs: tuple[tuple[int, Incidence], ...]  # (length, the runs of that many words held)
    figure_keys: Incidence  # what two figures that may agree have in common
    figures: tuple[tuple[Quantity, ...], ...]
    speakers: np.ndarray  # a number per speaker, -1 for the outlet's own voice
    negated: np.ndarray
    dated: np.ndarray
    figured: np.ndarray
    lead: np.ndarray
    share: np.ndarray  # place in its article, 0 (first) to 1 (last)
    follows: np.ndarray  # the statement before is of the same article
    actor_names: tuple[frozenset[str], ...]
    predicates: tuple[frozenset[str], ...]
    plain_words: tuple[frozenset[str], ...]

    def __len__(self) -> int:
        return len(self.items)

    @classmethod
    def of(cls, items: Sequence[Item], backend: Backend, actors: Sequence[Actor]) -> StatementTable:
        owner: Owners = {
            (article, entity): actor
            for actor in actors
            for article, entities in actor.members.items()
            for entity in entities
        }
        numbers: dict[str, int] = {}
        articles = np.array(
            [numbers.setdefault(item.article, len(numbers)) for item in items], dtype=int
        )
        if np.any(np.diff(articles) < 0):
            raise ValueError("the statements of each article must come together, in order")
        starts = np.searchsorted(articles, np.arange(len(numbers)))
        sizes = np.diff(np.append(starts, len(items)))
        place = np.arange(len(items)) - starts[articles]
        share = place / np.maximum(1, sizes[articles] - 1)
        # What the statements say about the actors, without the actors' names: shared names
        # are the actors feature's evidence, and must not make two sentences alike again.
        plain = [_without_names(item) for item in items]
        named = [_actors_of(item, item.statement.entities, owner) for item in items]
        verbs = [frozenset(item.statement.predicates) for item in items]
        plain_words = [frozenset(_plain_words(item)) for item in items]
        speakers: dict[str, int] = {}
        dates = [_dates_in(item) for item in items]
        figures = tuple(_figures(item) for item in items)
        return cls(
            items=tuple(items),
            articles=articles,
            article_starts=starts,
            similarity=backend.index([item.statement.text for item in items]),
            weighted=weighted_embedding_index(plain),
            actors=weighted_sets(
                [
                    {a.id for a in found} | {f"label:{k}" for k in _group_kinds(item)}
                    for item, found in zip(items, named, strict=True)
                ]
            ),
            verbs=weighted_sets(verbs),
            words=weighted_sets(plain_words),
            agents=weighted_sets(
                [{a.id for a in _actors_of(item, item.statement.agents, owner)} for item in items]
            ),
            dates=holding(dates),
            runs=_runs(plain),
            figure_keys=holding([_agreement_keys(found) for found in figures]),
            figures=figures,
            speakers=np.array(
                [
                    -1 if not s else speakers.setdefault(s, len(speakers))
                    for s in (_speaker(item, owner) for item in items)
                ]
            ),
            negated=np.array([item.statement.negated for item in items], dtype=bool),
            dated=np.array([bool(d) for d in dates], dtype=bool),
            figured=np.array([bool(f) for f in figures], dtype=bool),
            lead=place < LEAD,
            share=share,
            follows=place > 0,
            actor_names=tuple(frozenset(a.name for a in found) for found in named),
            predicates=tuple(verbs),
            plain_words=tuple(plain_words),
        )


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


def _runs(texts: Sequence[str]) -> tuple[tuple[int, Incidence], ...]:
    """For each length from ``SHORT_RUN`` to ``LONG_RUN`` words, the runs of that many words
    each text holds, no run crossing a name: two outlets quoting the same words share a long
    run, two sentences on one topic rarely more than a name.

    The texts' words are numbered and laid end to end, a gap after each stretch between
    names; a run of one more word is numbered from the run before it and its last word, so
    every length is a few array operations over all the words at once."""
    vocabulary: dict[str, int] = {}
    owners, numbers = [], []
    for k, text in enumerate(texts):
        for part in text.split(NAME_GAP):
            for word in words(part):
                owners.append(k)
                numbers.append(vocabulary.setdefault(word, len(vocabulary)))
            owners.append(k)
            numbers.append(-1)  # the gap: no run crosses it
    codes = np.array(numbers, dtype=np.int64)
    owner = np.array(owners, dtype=np.int64)
    run, whole = codes.copy(), codes >= 0  # the run of `length` words from each position
    found = []
    for length in range(1, LONG_RUN + 1):
        if length > 1:
            last = np.full(len(codes), -1)
            last[: len(codes) - length + 1] = codes[length - 1 :]
            whole &= last >= 0
            _, run[whole] = np.unique(
                run[whole] * (len(vocabulary) + 1) + last[whole], return_inverse=True
            )
        if length >= SHORT_RUN:
            found.append((length, holding_codes(owner[whole], run[whole], len(texts))))
    return tuple(found)


def _without_names(item: Item) -> str:
    """The statement's text with the mentions of its entities taken out (each replaced by
    ``NAME_GAP``, where runs of words stop): what it says about them."""
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
            kept.append(item.analysis.article.text[cursor:start] + NAME_GAP)
            cursor = end
    kept.append(item.analysis.article.text[cursor : statement.end])
    return " ".join("".join(kept).split())


def _figures(item: Item) -> tuple[Quantity, ...]:
    quantities = item.analysis.quantities
    return tuple(quantities[k] for k in item.statement.quantities)


def _agreement_keys(figures: Sequence[Quantity]) -> set[tuple[Any, ...]]:
    """What a figure of this statement shares with any figure it can agree with: its unit and
    the head word of what it counts (``numbers.same_thing`` needs both), or its unit and its
    value when that value is too particular to be chance (``evidence``'s particular number).
    Two statements with no key in common have no agreeing figures."""
    keys: set[tuple[Any, ...]] = set()
    for figure in figures:
        unit, counted = figure.unit, counted_words(figure)
        if counted:
            keys.add(("thing", unit, counted[0]))
        value = figure.value
        if value is not None and _particular(value):
            keys.add(("value", unit, value))
    return keys


def _particular(value: Any) -> bool:
    try:
        number = abs(float(value))
    except (TypeError, ValueError):
        return False
    return number >= PARTICULAR and not math.isnan(number)


def _dates_in(item: Item) -> set[str]:
    statement = item.statement
    return {
        str(d.value)
        for d in item.analysis.dates
        if d.value and statement.start <= d.start < statement.end
    }
