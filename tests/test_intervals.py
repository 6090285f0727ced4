"""Range look-ups give what a scan of every range would, in the same order."""

from __future__ import annotations

import random
from typing import NamedTuple

from storydiff.nlp.intervals import Intervals


class Item(NamedTuple):
    start: int
    end: int
    name: int


def test_look_ups_match_a_full_scan():
    rng = random.Random(7)
    for _ in range(200):
        items = []
        for name in range(rng.randint(0, 30)):
            start = rng.randint(0, 200)
            items.append(Item(start, start + rng.choice([1, 2, 5, 20, 120]), name))
        ordered = sorted(items, key=lambda item: item.start)
        index = Intervals(items)
        assert list(index) == ordered
        start = rng.randint(0, 220)
        end = start + rng.randint(1, 40)
        assert index.overlapping(start, end) == [
            i for i in ordered if i.start < end and start < i.end
        ]
        assert index.containing(start, end) == [
            i for i in ordered if i.start <= start and end <= i.end
        ]
        assert index.within(start, end) == [i for i in ordered if start <= i.start and i.end <= end]
        assert list(index.starting_from(start)) == [i for i in ordered if i.start >= start]
        assert list(index.ending_by(start)) == [i for i in reversed(ordered) if i.end <= start]


def test_an_empty_index_answers_nothing():
    index = Intervals([])
    assert index.overlapping(0, 10) == index.containing(0, 1) == index.within(0, 9) == []
    assert list(index.ending_by(5)) == list(index.starting_from(0)) == []
