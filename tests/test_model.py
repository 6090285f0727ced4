"""The data model survives a round trip through its JSON."""

from __future__ import annotations

import json

from storydiff.model import Analysis, article_id


def test_analysis_round_trip(seed_analyses):
    for analysis in seed_analyses.values():
        data = json.loads(json.dumps(analysis.to_dict()))
        assert Analysis.from_dict(data) == analysis


def test_article_id_ignores_white_space_layout():
    assert article_id("One  two\nthree") == article_id("One two three")
    assert article_id("One two three") != article_id("One two four")


def test_speaker_attribution_names_who_or_nobody():
    from storydiff.model import Span, Speaker

    assert Speaker("Jane Roe", "e1").attribution == "e1"
    assert Speaker(None, None, Span(0, 12, "the minister")).attribution == "the minister"
    assert Speaker(None, None, Span(0, 2, "He")).attribution is None
    assert Speaker(None).attribution is None
    assert Speaker(None, None, Span(0, 2, "He")).described == "He"
