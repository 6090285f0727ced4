"""The data model survives a round trip through its JSON: every class, on every fixture
article and on comparisons of them, and a document in another schema is refused."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest

import storydiff.model
from storydiff.cli import EXAMPLE_DIR
from storydiff.errors import Code, StorydiffError
from storydiff.model import Analysis, Comparison, article_id, to_json

from .conftest import DATA, SKY, SPUTNIK

# Every article fixture: plain-text scrapes, an HTML page and JSON Lines (and, in
# fixture_analyses, the bundled example).
FIXTURES = [DATA / "seeds", DATA / "styles", DATA / "pages", DATA / "one_paragraph_corpus.jsonl"]


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


@pytest.fixture(scope="module")
def fixture_analyses(nlp) -> dict[str, list[Analysis]]:
    """The analyses of every fixture article, by fixture, and of a wire copy of the first
    seed (a copy is how a comparison gets ``copies``; its lone surrogate, a warning)."""
    from storydiff import Text, analyze

    found = {path.name: analyze([str(path)]) for path in FIXTURES}
    found["examples"] = analyze([str(EXAMPLE_DIR)])
    sky = SKY.read_text(encoding="utf-8")
    found["copy"] = analyze(
        [str(SKY), Text(sky + "\n\nThis report was distributed by an agency \ud800."), str(SPUTNIK)]
    )
    return found


@pytest.fixture(scope="module")
def fixture_comparisons(fixture_analyses) -> list[Comparison]:
    """Comparisons of the fixtures; one, as ``storydiff.compare`` makes it under settings of
    its own, carries the run that made it."""
    from storydiff import compare
    from storydiff.compare import compare_analyses
    from storydiff.config import DEFAULTS

    mixed = [
        *fixture_analyses["seeds"],
        *fixture_analyses["pages"],
        *fixture_analyses["one_paragraph_corpus.jsonl"],
    ]
    groups = [fixture_analyses["styles"], mixed, *map(fixture_analyses.get, ("examples", "copy"))]
    comparisons = [compare_analyses(group) for group in groups]
    strict = DEFAULTS.with_values({"alignment.point": 0.8, "reading.columns": {"text": "body"}})
    configured = compare(fixture_analyses["examples"], config=strict).comparison
    assert configured.run is not None and configured.run.settings
    return [*comparisons[:-1], configured, comparisons[-1]]


def _model_objects(value: object) -> Iterator[object]:
    """Every model object in ``value`` (itself included), however deeply nested."""
    if dataclasses.is_dataclass(value):
        yield value
        for f in dataclasses.fields(value):
            yield from _model_objects(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _model_objects(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _model_objects(item)


def _json(document: dict) -> dict:
    """The document as a reader of storydiff's output gets it."""
    return json.loads(to_json(document))


def test_every_fixture_analysis_reads_back_equal_and_writes_the_same_json(fixture_analyses):
    assert all(fixture_analyses.values())
    analyses = [a for group in fixture_analyses.values() for a in group]
    for analysis in analyses:
        data = _json(analysis.to_dict())
        assert Analysis.from_dict(data) == analysis
        assert Analysis.from_dict(data).to_dict() == data


def test_every_comparison_reads_back_equal_and_writes_the_same_json(fixture_comparisons):
    from storydiff.render import render_comparison_json

    assert any(c.copies for c in fixture_comparisons)
    for comparison in fixture_comparisons:
        data = _json(comparison.to_dict())
        assert Comparison.from_dict(data) == comparison
        assert Comparison.from_dict(data).to_dict() == data
        # The shared report (inputs named by file name) reads back as it was written.
        shared = json.loads(render_comparison_json(comparison))
        assert Comparison.from_dict(shared).to_dict() == shared


def test_scores_and_shares_keep_the_precision_the_json_gives_them(fixture_comparisons):
    """Scores to 4 decimals, similarities and shares to 3, in the objects as in the JSON:
    otherwise the comparison read back would not be the one written."""
    points = [p for c in fixture_comparisons for p in (*c.points, *c.related)]
    copies = [k for c in fixture_comparisons for k in c.copies]
    assert points and copies
    assert all(p.score == round(p.score, 4) for p in points)
    assert all(p.evidence.similarity == round(p.evidence.similarity, 3) for p in points)
    assert all(k.containment == round(k.containment, 3) for k in copies)
    assert any(p.score != round(p.score, 3) for p in points)  # not cut any shorter


def test_every_model_class_round_trips(fixture_analyses, fixture_comparisons):
    from storydiff.compare.stories import group_stories
    from storydiff.compare.story_records import story_records

    analyses = [a for group in fixture_analyses.values() for a in group]
    stories = [group_stories(analyses), story_records(analyses)]
    seen: set[type] = set()
    for found in _model_objects([fixture_comparisons, stories]):
        kind = type(found)
        seen.add(kind)
        assert kind.from_dict(found.to_dict()) == found, kind.__name__
        assert kind.from_dict(_json(found.to_dict())) == found, kind.__name__
    readable = {
        kind
        for kind in vars(storydiff.model).values()
        if isinstance(kind, type) and hasattr(kind, "from_dict")
    }
    # Every class that reads JSON was met, so none goes untested.
    assert readable - seen == set()


def test_a_document_in_another_schema_is_refused_with_its_name(fixture_comparisons):
    comparison = fixture_comparisons[-1]
    record = comparison.articles[0].to_dict()
    with pytest.raises(StorydiffError) as refused:
        Analysis.from_dict({**record, "schema": "storydiff/2"})
    assert refused.value.code is Code.E030
    assert record["source"] in str(refused.value) and "'storydiff/2'" in str(refused.value)
    with pytest.raises(StorydiffError) as refused:
        Comparison.from_dict({**comparison.to_dict(), "schema": "other/1"})
    assert refused.value.code is Code.E030
    # An article inside a comparison is a record of its own, and checked as one.
    document = comparison.to_dict()
    document["articles"][1]["schema"] = "storydiff/2"
    with pytest.raises(StorydiffError):
        Comparison.from_dict(document)


def test_a_document_without_a_schema_is_read_as_storydiff_1(fixture_comparisons):
    comparison = fixture_comparisons[-1]
    record = comparison.articles[0].to_dict()
    del record["schema"]
    assert Analysis.from_dict(record) == comparison.articles[0]
    document = comparison.to_dict()
    del document["schema"]
    assert Comparison.from_dict(document) == comparison


def test_stories_in_memory_group_outlines_as_the_full_analyses_would_be(fixture_analyses):
    from storydiff.compare import distinct
    from storydiff.compare.corpus import CorpusGrouping
    from storydiff.compare.story_records import outline, story_records

    analyses = [a for group in fixture_analyses.values() for a in group]
    kept = outline(analyses[0])
    assert kept.article == analyses[0].article and not kept.statements and not kept.quotes
    assert [(e.name, e.kind) for e in kept.entities] == [
        (e.name, e.kind) for e in analyses[0].entities
    ]
    assert all(not e.mentions for e in kept.entities)
    grouping = CorpusGrouping()
    unique, _ = distinct(analyses)
    dated = sorted(unique, key=lambda a: (a.article.published is None, a.article.published or ""))
    full = {frozenset(story.articles) for story in grouping.run(dated)}
    records = story_records(iter(analyses))
    assert {frozenset(a.id for a in r.articles) for r in records} == full
    assert {a.id: a.copy_of for r in records for a in r.articles if a.copy_of} == grouping.copies
    assert grouping.copies  # the wire copy is found from the outline's text too
