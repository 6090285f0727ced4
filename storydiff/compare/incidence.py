"""What each statement holds (actors, verbs, words, dates, runs of words), as sparse matrices
with one row per statement, and the products that say what two statements share.

A statement holds a few dozen of the thousands of things a comparison's statements hold
between them, so each kind is one sparse matrix: the product of a block of its rows with the
whole matrix gives, for those statements against every other, what they share (or its
cosine), without a dense statements-by-things array and without visiting pairs that share
nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from scipy import sparse


class Incidence:
    """One sparse row per statement, with its transpose kept for the products."""

    def __init__(self, rows: sparse.csr_matrix) -> None:
        self.rows = rows
        self._transposed = rows.T.tocsr()

    def shared(self, start: int, stop: int) -> sparse.csr_matrix:
        """Statements ``start`` to ``stop`` (exclusive) against every statement: the dot
        product of their rows, above 0 where they hold something in common."""
        return self.rows[start:stop] @ self._transposed


def weighted_sets(sets: Sequence[Iterable[str]]) -> Incidence:
    """The sets as unit rows, each element weighted by its inverse frequency among them, so
    that the product of two rows is their weighted cosine: sharing what few statements name
    ("Turkey", "veto") says more than sharing what most name (the country or the verb the
    whole story is about). Elements are taken in sorted order, so the sums (and their last
    digits) are the same from run to run."""
    members = [sorted(set(found)) for found in sets]
    n = len(members)
    frequency = Counter(k for found in members for k in found)
    vocabulary = {k: index for index, k in enumerate(frequency)}
    rows, columns, values = [], [], []
    for row, found in enumerate(members):
        weights = [math.log((n + 1) / frequency[k]) for k in found]
        norm = math.sqrt(sum(w * w for w in weights))
        for k, weight in zip(found, weights, strict=True):
            if norm > 0:
                rows.append(row)
                columns.append(vocabulary[k])
                values.append(weight / norm)
    matrix = sparse.csr_matrix((values, (rows, columns)), shape=(n, len(vocabulary)))
    matrix.sort_indices()
    return Incidence(matrix)


def holding(sets: Sequence[Iterable[Hashable]]) -> Incidence:
    """The sets as rows of ones, keeping only what two statements or more hold (nothing
    else can be shared)."""
    codes: dict[Hashable, int] = {}
    rows, found = [], []
    for row, members in enumerate(sets):
        for k in members:
            rows.append(row)
            found.append(codes.setdefault(k, len(codes)))
    return holding_codes(np.array(rows, dtype=np.int64), np.array(found, dtype=np.int64), len(sets))


def holding_codes(rows: np.ndarray, codes: np.ndarray, count: int) -> Incidence:
    """``holding`` for elements given as numbers: statement ``rows[k]`` holds ``codes[k]``
    (repeats allowed), for ``count`` statements."""
    pairs = np.unique(codes * max(count, 1) + rows)
    rows, codes = pairs % max(count, 1), pairs // max(count, 1)
    holders = np.bincount(codes) if len(codes) else np.zeros(0, dtype=np.int64)
    shared = holders[codes] > 1
    kept, columns = np.unique(codes[shared], return_inverse=True)
    matrix = sparse.csr_matrix(
        (np.ones(int(shared.sum())), (rows[shared], columns)), shape=(count, len(kept))
    )
    matrix.sort_indices()
    return Incidence(matrix)


def values_at(matrix: sparse.csr_matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The matrix's entries at (rows[k], columns[k]), 0 where it has none (read from the
    block as a dense array: a block is a few million entries, and fancy indexing a sparse
    matrix costs more than that)."""
    found: np.ndarray = matrix.toarray()[rows, columns]
    return found
