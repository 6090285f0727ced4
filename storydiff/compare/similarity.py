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

from storydiff.compare.embeddings import static_embedding_similarity  # loads its model lazily
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


def tfidf_similarity(texts: Sequence[str]) -> list[list[float]]:
    """Cosine similarity of TF-IDF vectors built over the texts being compared."""
    bags = [Counter(content_words(t)) for t in texts]
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    n = len(texts)
    vectors = []
    for bag in bags:
        vector = {
            w: c * (math.log((1 + n) / (1 + document_frequency[w])) + 1) for w, c in bag.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    matrix = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            small, large = sorted((vectors[i], vectors[j]), key=len)
            score = sum(v * large.get(w, 0.0) for w, v in small.items())
            matrix[i][j] = matrix[j][i] = score
    return matrix


def hybrid_similarity(texts: Sequence[str]) -> list[list[float]]:
    """The mean of the TF-IDF and static embedding scores: shared rare words (names, figures)
    from the one, paraphrases that share no word ("vowed to defeat" / "liberation") from the
    other."""
    lexical, semantic = tfidf_similarity(texts), static_embedding_similarity(texts)
    return [
        [(a + b) / 2 for a, b in zip(row_a, row_b, strict=True)]
        for row_a, row_b in zip(lexical, semantic, strict=True)
    ]


@dataclass(frozen=True)
class Backend:
    """A similarity function over statements' texts: given the texts, the matrix of their
    pairwise scores in [0, 1], as every registered function returns it. Alignment uses its
    score as two of the features of its calibrated model (``evidence.py``: the texts as
    written and without the actors' names); the model's weights were fitted with the default
    backend, so another backend changes the scores' scale and the thresholds are no longer
    calibrated for it."""

    score: Scorer

    def __call__(self, texts: Sequence[str]) -> list[list[float]]:
        return self.score(texts)


similarity_backends: Registry[Scorer] = create("similarity")
similarity_backends.register("storydiff.similarity.tfidf.v1", func=tfidf_similarity)
similarity_backends.register("storydiff.similarity.static.v1", func=static_embedding_similarity)
similarity_backends.register("storydiff.similarity.hybrid.v1", func=hybrid_similarity)


def get_backend(name: str = DEFAULTS.similarity.backend) -> Backend:
    """The backend registered under ``name`` (E023, listing the known names, for none)."""
    return Backend(lookup(similarity_backends, name, "similarity backend"))


def backend_names() -> list[str]:
    return names(similarity_backends)
