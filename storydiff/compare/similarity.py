"""How alike two statements are, behind one small interface so that backends can be swapped.

Backends are registered under versioned names (``storydiff.similarity.tfidf.v1``) in the
``similarity_backends`` registry (``storydiff/registry.py``), so a configuration names the one
it used and a run can be reproduced, and another package can add one (entry point group
``storydiff_similarity``). ``benchmarks/similarity.py`` measures how well each ranks same-fact
pairs; the hybrid of TF-IDF and static embeddings is the default (the setting
similarity.backend), and the alignment model of ``evidence.py`` is fitted with it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from scipy import sparse

from storydiff.compare.embeddings import (  # load their model lazily
    static_embedding_index,
    static_embedding_similarity,
)
from storydiff.config import DEFAULTS
from storydiff.registry import Registry, create, lookup, names

# What a backend is: the texts in, the matrix of their pairwise scores out.
Scorer = Callable[[Sequence[str]], list[list[float]]]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d,.]*")

# Function words carry no content for alignment. A short general list (the closed-class words
# of English), not tuned to any text.
STOPWORDS = frozenset(
    """
    a an the and or but if then else of to in on at by for with from as into onto upon about
    over under after before between through during without within against among than so such
    this that these those there here it its it's he she they we you i me him her them us my
    his their our your mine is are was were be been being am do does did done have has had
    having will would shall should can could may might must not no nor only also just very
    too more most less least some any all each every both either neither other another same
    which who whom whose what when where why how while whether up down out off again further
    once s t said says say told tell according also mr mrs ms
    """.split()
)


def words(text: str) -> list[str]:
    """Every word and number of the text, lower-cased, in order."""
    return _WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    """Lower-cased words without function words, plural -s folded: a cheap, language-light stem."""
    kept = []
    for word in words(text):
        if word in STOPWORDS or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        kept.append(word)
    return kept


class SimilarityIndex(Protocol):
    """How alike statements are, a block of rows at a time (``rows(start, stop)``: the
    similarity of those statements with every statement, as a dense array)."""

    def __len__(self) -> int: ...

    def rows(self, start: int, stop: int) -> np.ndarray: ...


class TfidfIndex:
    """Cosine similarity of TF-IDF vectors built over the texts being compared, as one sparse
    matrix of unit rows (a statement has a few dozen words; the vocabulary is thousands).
    A text scores 0 with itself: the score is for pairs of different statements."""

    def __init__(self, texts: Sequence[str]) -> None:
        bags = [Counter(content_words(t)) for t in texts]
        document_frequency: Counter[str] = Counter()
        for bag in bags:
            document_frequency.update(bag.keys())
        n = len(texts)
        vocabulary = {w: k for k, w in enumerate(document_frequency)}
        rows, columns, values = [], [], []
        for row, bag in enumerate(bags):
            vector = {
                w: c * (math.log((1 + n) / (1 + document_frequency[w])) + 1) for w, c in bag.items()
            }
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            for w, v in vector.items():
                rows.append(row)
                columns.append(vocabulary[w])
                values.append(v / norm)
        self.unit = sparse.csr_matrix(
            (values, (rows, columns)), shape=(n, len(vocabulary)), dtype=float
        )
        self.unit.sort_indices()

    def __len__(self) -> int:
        return int(self.unit.shape[0])

    def rows(self, start: int, stop: int) -> np.ndarray:
        block: np.ndarray = (self.unit[start:stop] @ self.unit.T).toarray()
        block[np.arange(stop - start), np.arange(start, stop)] = 0.0
        return block


class HybridIndex:
    """The mean of the TF-IDF and static embedding scores: shared rare words (names, figures)
    from the one, paraphrases that share no word ("vowed to defeat" / "liberation") from the
    other."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.lexical, self.semantic = TfidfIndex(texts), static_embedding_index(texts)

    def __len__(self) -> int:
        return len(self.lexical)

    def rows(self, start: int, stop: int) -> np.ndarray:
        block = self.lexical.rows(start, stop)
        block += self.semantic.rows(start, stop)
        block /= 2
        return block


class MatrixIndex:
    """A backend's whole matrix, handed out a block of rows at a time: the index of a
    registered backend that gives only the matrix (its memory grows with the pairs)."""

    def __init__(self, matrix: Sequence[Sequence[float]]) -> None:
        self.matrix = np.asarray(matrix, dtype=float).reshape(len(matrix), len(matrix))

    def __len__(self) -> int:
        return len(self.matrix)

    def rows(self, start: int, stop: int) -> np.ndarray:
        return self.matrix[start:stop].copy()


def tfidf_similarity(texts: Sequence[str]) -> list[list[float]]:
    """Cosine similarity of TF-IDF vectors built over the texts being compared."""
    matrix: list[list[float]] = TfidfIndex(texts).rows(0, len(texts)).tolist()
    return matrix


def hybrid_similarity(texts: Sequence[str]) -> list[list[float]]:
    """The mean of the TF-IDF and static embedding scores (``HybridIndex``)."""
    matrix: list[list[float]] = HybridIndex(texts).rows(0, len(texts)).tolist()
    return matrix


# Built-in backends' indexes: the same scores as their matrices, a block of rows at a time.
_INDEXES: dict[Scorer, Callable[[Sequence[str]], SimilarityIndex]] = {
    tfidf_similarity: TfidfIndex,
    static_embedding_similarity: static_embedding_index,
    hybrid_similarity: HybridIndex,
}


@dataclass(frozen=True)
class Backend:
    """A similarity function over statements' texts: given the texts, the matrix of their
    pairwise scores in [0, 1], as every registered function returns it; ``index`` gives the
    same scores a block of rows at a time, which is how alignment reads them (a built-in
    backend's without the whole matrix). Alignment uses its score as two of the features of
    its calibrated model (``evidence.py``: the texts as written and without the actors'
    names); the model's weights were fitted with the default backend, so another backend
    changes the scores' scale and the thresholds are no longer calibrated for it."""

    score: Scorer

    def __call__(self, texts: Sequence[str]) -> list[list[float]]:
        return self.score(texts)

    def index(self, texts: Sequence[str]) -> SimilarityIndex:
        built_in = _INDEXES.get(self.score)
        return built_in(texts) if built_in is not None else MatrixIndex(self.score(texts))


similarity_backends: Registry[Scorer] = create("similarity")
similarity_backends.register("storydiff.similarity.tfidf.v1", func=tfidf_similarity)
similarity_backends.register("storydiff.similarity.static.v1", func=static_embedding_similarity)
similarity_backends.register("storydiff.similarity.hybrid.v1", func=hybrid_similarity)


def get_backend(name: str = DEFAULTS.similarity.backend) -> Backend:
    """The backend registered under ``name`` (E023, listing the known names, for none)."""
    return Backend(lookup(similarity_backends, name, "similarity backend"))


def backend_names() -> list[str]:
    return names(similarity_backends)
