"""``benchmarks/compare.py --misses``: the gold points the comparison does not find, each with
the best pair of its statements the aligner scored, on the seeds (a development story)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from storydiff.compare import compare_analyses
from storydiff.config import DEFAULTS

from .benchmark_scripts import load


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load("compare")


@pytest.fixture(scope="module")
def seeds(bench: ModuleType) -> Any:
    return bench.seeds_story()


@pytest.mark.parametrize("point", [DEFAULTS.alignment.point, 0.2])
def test_the_misses_are_the_gold_points_not_found(
    bench: ModuleType, seeds: Any, point: float
) -> None:
    config = DEFAULTS.with_values({"alignment.point": point, "alignment.related": 0.15})
    comparison = compare_analyses(seeds.analyses, config=config)
    counts = bench.score_story(seeds, comparison)
    misses = bench.missed_points(seeds, comparison)
    assert len(misses) == counts["gold_points"] - counts["gold_found"]
    assert [m.score for m in misses] == sorted((m.score for m in misses), reverse=True)
    for miss in misses:
        assert miss.story == "seeds"
        if miss.texts is None:
            assert miss.score == 0 and miss.features is None
        else:
            assert 0 < miss.score < 1 and miss.features is not None
            assert all(text for text in miss.texts)


def test_a_lower_threshold_misses_fewer_points(bench: ModuleType, seeds: Any) -> None:
    def missed(point: float) -> int:
        config = DEFAULTS.with_values({"alignment.point": point, "alignment.related": 0.15})
        return len(bench.missed_points(seeds, compare_analyses(seeds.analyses, config=config)))

    assert missed(0.2) < missed(0.9)


def test_the_listing_counts_the_misses_by_their_best_pair(bench: ModuleType) -> None:
    misses = [
        bench.Miss("s", "agree", 0.8, ("a", "b"), {"similarity": 0.5, "actors": 0.0}),
        bench.Miss("s", "agree", 0.3, ("c", "d"), {"similarity": 0.2}),
        bench.Miss("s", "framing", 0.0, None, None),
    ]
    lines = bench.miss_lines(misses, 0.7, 0.15)
    assert lines[0].startswith("3 gold points missed")
    assert [int(line.split()[0]) for line in lines[1:5]] == [1, 1, 0, 1]
    assert "  features: {'similarity': 0.5}" in lines  # a feature at 0 is left out
    assert "  no pair of its statements is scored" in lines
