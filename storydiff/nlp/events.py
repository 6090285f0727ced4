"""What each token says about a statement's events, read for the whole ``Doc`` at once.

A statement's events are the lemmas of its verbs, whether one is negated, the lemmas of its
other content words and the entities that act in it (``annotate.statements_of``). Every token
of an article is in one statement, so each token's part is found once, from the ``Doc``'s
arrays (lemma, part of speech, entity type, stop word, dependency, head) rather than by
building a Python object for it, and a statement gathers the parts of its tokens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_STOP, LEMMA, POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from storydiff.nlp.intervals import Intervals

# Verbs that carry tense or possession rather than an event.
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "go", "become"})
# Parts of speech that say what a sentence is about besides its names and verbs.
TERM_TAGS = frozenset({"NOUN", "ADJ", "ADV", "NUM"})
# Words that are part of a name ("Russian" warplanes, the "Syrian" army) name an actor, which
# the entities already hold; as terms they would make two sentences alike for a name alone.
NAME_TYPES = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})

# Lower-case lemmas by the hash of the lemma: a corpus repeats the same few thousand.
_LOWER: dict[int, str] = {}
_MAX_LOWER = 200_000


@dataclass(frozen=True)
class TokenEvents:
    """Each token's part: the lemma it adds as a verb or as a term (else None), whether it
    negates a verb, and for a subject (or a passive's agent) the characters of its words up
    to itself, where the entities acting are named."""

    predicates: list[str | None]
    terms: list[str | None]
    negations: list[bool]
    acting: dict[int, tuple[int, int]]

    @classmethod
    def of(cls, doc: Doc) -> TokenEvents:
        strings = doc.vocab.strings
        verb, aux = IDS["VERB"], IDS["AUX"]
        term_parts = {IDS[part] for part in TERM_TAGS}
        names = {strings[kind] for kind in NAME_TYPES}
        neg, nsubj, pobj, agent = (strings[d] for d in ("neg", "nsubj", "pobj", "agent"))
        rows = doc.to_array([LEMMA, POS, ENT_TYPE, IS_STOP, DEP]).tolist()
        heads = (doc.to_array(HEAD).astype(np.int64) + np.arange(len(doc))).tolist()
        parts = [row[1] for row in rows]
        deps = [row[4] for row in rows]
        predicates: list[str | None] = [None] * len(rows)
        terms: list[str | None] = [None] * len(rows)
        negations = [False] * len(rows)
        acting = {}
        for i, (lemma_hash, part, entity, stop, dep) in enumerate(rows):
            lemma = _lower(strings, lemma_hash)
            if part == verb and lemma not in LIGHT_VERBS:
                predicates[i] = lemma
            elif part in term_parts and entity not in names and not stop and len(lemma) > 1:
                terms[i] = lemma
            head = heads[i]
            negations[i] = dep == neg and parts[head] in (verb, aux)
            if dep == nsubj or (dep == pobj and deps[head] == agent):
                # The subject's own words up to its head: "US President Donald Trump", not
                # the places of a relative clause after it ("The country, which backs ...").
                token = doc[i]
                acting[i] = (token.left_edge.idx, token.idx + len(token))
        return cls(predicates, terms, negations, acting)

    def of_statement(
        self, doc: Doc, start: int, end: int, mentions: Intervals[Any]
    ) -> dict[str, Any]:
        """What the statement at characters ``start`` to ``end`` says happened, for the
        comparison to match events rather than topics: the lemmas of its verbs ("Trump warned
        against an attack" and "Trump tweeted a poll" name the same man, not the same event),
        whether one is negated, the lemmas of its other content words (so "vowed" meets
        "vows" and "offensives" meets "offensive"), and the entities that act in it: those
        named by the subject of a verb or the agent of a passive one ("Turkey has expressed
        fears" and "Ankara called on Russia" have one actor acting, "fighting near Turkey"
        does not). ``mentions`` holds the entities' mentions, each valued by its entity."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return {}
        tokens = range(span.start, span.end)
        agents: dict[str, None] = {}
        for i in tokens:
            if i in self.acting:
                for mention in mentions.overlapping(*self.acting[i]):
                    agents.setdefault(mention.value, None)
        return {
            "predicates": _first_each(self.predicates[i] for i in tokens),
            "negated": any(self.negations[i] for i in tokens),
            "terms": _first_each(self.terms[i] for i in tokens),
            "agents": tuple(agents),
        }


def _first_each(lemmas: Iterable[str | None]) -> tuple[str, ...]:
    """The lemmas, each once, in the order they first come."""
    return tuple(dict.fromkeys(lemma for lemma in lemmas if lemma is not None))


def _lower(strings: Any, lemma: int) -> str:
    found = _LOWER.get(lemma)
    if found is None:
        if len(_LOWER) >= _MAX_LOWER:
            _LOWER.clear()
        found = _LOWER[lemma] = strings[lemma].lower()
    return found
