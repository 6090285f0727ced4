"""Character ranges that can be asked which of them overlap, contain or lie within a range.

The extractors match sentences to quotes, cues to quoted stretches, quotes to the clauses
that hold them. Scanning every range for every question is quadratic in the length of an
article: a long transcript has thousands of each. Kept in order of their start, with the
longest range's length as the furthest any range can reach back, each question is two
bisections and a look at the ranges near it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar


class Ranged(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


R = TypeVar("R", bound=Ranged)


class Intervals(tuple[R, ...]):
    """Items with half-open ``start``..``end`` ranges, in order of start (equal starts keep
    their given order); iterating gives them in that order."""

    _starts: list[int]
    _reach: int

    def __new__(cls, items: Iterable[R]) -> Intervals[R]:
        self = super().__new__(cls, sorted(items, key=lambda item: item.start))
        self._starts = [item.start for item in self]
        self._reach = max((item.end - item.start for item in self), default=0)
        return self

    def overlapping(self, start: int, end: int) -> list[R]:
        """Items sharing at least one character with ``start``..``end``."""
        low = bisect_left(self._starts, start - self._reach)
        high = bisect_left(self._starts, end)
        return [item for item in self[low:high] if item.end > start]

    def containing(self, start: int, end: int) -> list[R]:
        """Items that hold all of ``start``..``end``."""
        low = bisect_left(self._starts, end - self._reach)
        high = bisect_right(self._starts, start)
        return [item for item in self[low:high] if item.end >= end]

    def within(self, start: int, end: int) -> list[R]:
        """Items that lie wholly inside ``start``..``end``."""
        low = bisect_left(self._starts, start)
        high = bisect_right(self._starts, end)
        return [item for item in self[low:high] if item.end <= end]

    def starting_from(self, position: int) -> Iterator[R]:
        """Items that start at or after ``position``, nearest first."""
        return iter(self[bisect_left(self._starts, position) :])

    def ending_by(self, position: int) -> Iterator[R]:
        """Items that end at or before ``position``, latest start first."""
        for index in range(bisect_right(self._starts, position) - 1, -1, -1):
            if self[index].end <= position:
                yield self[index]
