"""The comparison's candidate pairs: found a block of statements at a time, pruned by a bound
on the score, and the alignment they give is the one every pair scored gave."""

from __future__ import annotations

import json
import math
from itertools import combinations

import numpy as np
import pytest

from storydiff import analyze
from storydiff.compare import compare_analyses
from storydiff.compare.actors import link_entities
from storydiff.compare.align import Thresholds, distinct_statements
from storydiff.compare.evidence import pair_features
from storydiff.compare.incidence import holding, weighted_sets
from storydiff.compare.similarity import HybridIndex, get_backend, hybrid_similarity
from storydiff.compare.statements import Item
from storydiff.model import Analysis, Article, Statement

from .conftest import DATA

# The fixtures' alignments at the default thresholds and at low ones (more points and pairs),
# written by the comparison that scored every pair of statements as a dense matrix, before
# candidates were searched for: ``tests/data/expected/alignment.json``. Regenerate it (after
# a change meant to alter alignments) with the loop of ``test_alignments_are_those_...``,
# writing ``json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True)``.
EXPECTED = DATA / "expected" / "alignment.json"
SETS = {
    "seeds": sorted(str(p) for p in (DATA / "seeds").glob("*.txt")),
    "styles": sorted(str(p) for p in (DATA / "styles").glob("*.txt")),
    "one_paragraph_corpus": [str(DATA / "one_paragraph_corpus.jsonl")],
}
THRESHOLDS = {"default": Thresholds(), "low": Thresholds(point=0.25, related=0.05)}


@pytest.fixture(scope="module")
def fixture_analyses(nlp) -> dict[str, list[Analysis]]:
    return {name: analyze(paths) for name, paths in SETS.items()}


def test_alignments_are_those_of_scoring_every_pair(fixture_analyses):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    found = {}
    for name, analyses in fixture_analyses.items():
        for label, thresholds in THRESHOLDS.items():
            d = compare_analyses(analyses, thresholds=thresholds).to_dict()
            found[f"{name} {label}"] = {k: d[k] for k in ("points", "related", "only_in")}
    assert json.loads(json.dumps(found)) == expected
    assert sum(len(v["points"]) for v in expected.values()) >= 5


def _items(analyses):
    return [Item(a, s) for a in analyses for s in distinct_statements(a.statements)]


@pytest.mark.parametrize("floor", [0.01, 0.05, 0.15, 0.7])
def test_the_bound_keeps_every_pair_that_reaches_the_floor(fixture_analyses, floor):
    analyses = [a for group in fixture_analyses.values() for a in group]
    items = _items(analyses)
    actors = link_entities(analyses)
    every = pair_features(items, get_backend(), actors)
    kept = pair_features(items, get_backend(), actors, floor=floor)
    every_score, kept_score = every.probability(), kept.probability()
    reaching = [(i, j) for score, i, j in every_score if score >= floor]
    assert reaching, "the fixtures should have pairs at this floor"
    for i, j in reaching:
        assert kept.features_of(i, j) == every.features_of(i, j)
        assert kept_score[i, j] == every_score[i, j]
    assert len(kept.pairs) < len(every.pairs)  # the bound drops pairs, not only keeps them
    assert {(i, j) for _, i, j in kept_score} <= {(i, j) for _, i, j in every_score}


def _statement_article(article_id: str, *sentences: str) -> Analysis:
    text = "\n\n".join(sentences)
    statements, start = [], 0
    for sentence in sentences:
        statements.append(Statement(start, start + len(sentence), sentence, None))
        start += len(sentence) + 2
    article = Article(id=article_id, source=f"{article_id}.txt", text=text)
    return Analysis(article=article, statements=tuple(statements))


def test_the_longest_shared_run_is_found_and_no_run_is_counted_within_an_article():
    first = _statement_article(
        "a",
        "Officials said the bridge will stay closed until further notice tomorrow.",
        "The bridge will stay closed until further notice, they added.",
    )
    second = _statement_article(
        "b",
        "A spokesman said the bridge will stay closed until the storm passes.",
        "Traffic was sent through the old town instead.",
    )
    items = _items([first, second])
    features = pair_features(items, get_backend(), [])
    # "said the bridge will stay closed until": 7 words; "the bridge ... until": 6.
    assert features.features_of(0, 2)["shared_run"] == 7 / 8
    assert features.features_of(1, 2)["shared_run"] == 6 / 8
    assert features.features_of(0, 1) is None  # one article: never a pair


def test_statements_must_come_article_by_article():
    first = _statement_article("a", "Floods closed the northern road.", "Schools shut early.")
    second = _statement_article("b", "The northern road was closed by floods.")
    items = _items([first, second])
    with pytest.raises(ValueError, match="come together"):
        pair_features([items[0], items[2], items[1]], get_backend(), [])


def test_weighted_sets_give_the_rarity_weighted_cosine():
    sets = [{"turkey", "veto"}, {"turkey"}, {"veto", "russia"}, set(), {"turkey", "veto"}]
    product = weighted_sets(sets)
    n = len(sets)
    frequency = {k: sum(k in s for s in sets) for k in {k for s in sets for k in s}}

    def vector(found):
        weights = {k: math.log((n + 1) / frequency[k]) for k in found}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {k: w / norm for k, w in weights.items()}

    dense = product.shared(0, n).toarray()
    for i, j in combinations(range(n), 2):
        a, b = vector(sets[i]), vector(sets[j])
        assert dense[i, j] == pytest.approx(sum(a[k] * b.get(k, 0.0) for k in a))
    assert dense[0, 4] == pytest.approx(1.0) and dense[1, 2] == 0.0 and not dense[3].any()


def test_holding_keeps_only_what_two_statements_hold():
    incidence = holding([{"a", "b"}, {"b", "c"}, {"d"}, {"b", "d", "e"}])
    assert incidence.rows.shape == (4, 2)  # b and d
    shared = incidence.shared(0, 4).toarray()
    assert shared[0, 1] == shared[1, 3] == 1.0 and shared[2, 3] == 1.0
    assert shared[0, 2] == 0.0


def test_a_block_of_similarity_rows_is_those_rows_of_the_whole():
    texts = [
        "Government troops are preparing to storm the city.",
        "The army is getting ready to attack the town.",
        "The central bank raised interest rates by a quarter point.",
        "Rates went up at the central bank.",
    ]
    whole = np.array(hybrid_similarity(texts))
    assert np.allclose(HybridIndex(texts).rows(1, 3), whole[1:3])
    assert whole[0, 0] == pytest.approx(0.5)  # TF-IDF scores a text 0 with itself
