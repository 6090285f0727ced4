"""A table of a word-list file (``nlp/data/lexicons/<code>.toml``) read as typed lists.

Why this exists: the ``[numbers]`` and ``[dates]`` tables are written by hand, so their
words are lower-cased on reading and each list is read as the kind its user needs (a set, an
ordered tuple, a map to numbers or to names). A key the table leaves out is empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WordTable:
    data: Mapping[str, Any]

    def words(self, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.data.get(key, ()))

    def ordered(self, key: str) -> tuple[str, ...]:
        return tuple(str(w).lower() for w in self.data.get(key, ()))

    def values(self, key: str) -> dict[str, int]:
        return {str(k).lower(): int(v) for k, v in self.data.get(key, {}).items()}

    def names(self, key: str) -> dict[str, str]:
        return {str(k).lower(): str(v) for k, v in self.data.get(key, {}).items()}
