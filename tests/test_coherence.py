"""Whether the compared articles tell one story: the rule, on comparisons made by hand, and
what the command line says."""

from __future__ import annotations

import json

from storydiff.compare.coherence import RELATED_TIE, story_doubt
from storydiff.model import (
    Analysis,
    Article,
    Comparison,
    Copy,
    Evidence,
    Point,
    StatementRef,
)

from .test_cli import run


def _analysis(key: str, outlet: str) -> Analysis:
    return Analysis(Article(id=key, source=f"{key}.txt", text=f"Text of {key}.", outlet=outlet))


OUTLETS = {"a": "Daily", "b": "Herald", "c": "Courier", "d": "Globe"}


def _comparison(*, points=(), related=(), copies=(), keys="abc") -> Comparison:
    return Comparison(
        articles=tuple(_analysis(k, OUTLETS[k]) for k in keys),
        points=tuple(points),
        related=tuple(related),
        copies=tuple(copies),
    )


def _point(*keys: str, kind: str = "agree", score: float = 0.9, actors=("Ana Lima",)) -> Point:
    refs = tuple(StatementRef(k, 0, 4, "Text") for k in keys)
    return Point(kind, refs, "", score, Evidence(shared_actors=tuple(actors)))


def test_articles_joined_by_points_tell_one_story():
    assert story_doubt(_comparison(points=[_point("a", "b"), _point("b", "c")])) is None
    assert story_doubt(_comparison(points=[_point("a", "b", "c")])) is None


def test_articles_with_nothing_in_common_are_flagged():
    doubt = story_doubt(_comparison())
    assert doubt == (
        "These articles may not be about one story: no two of them share a point or a "
        "closely related sentence."
    )


def test_an_article_apart_from_the_rest_is_named():
    doubt = story_doubt(_comparison(points=[_point("a", "b")]))
    assert doubt is not None
    assert "Courier shares no point or closely related sentence with the other 2 articles" in doubt


def test_a_close_related_pair_naming_an_actor_in_both_ties_an_article_that_is_alone():
    close = _point("b", "c", kind="related", score=RELATED_TIE)
    assert story_doubt(_comparison(points=[_point("a", "b")], related=[close])) is None
    # Two articles with nothing but such a pair (the seeds: the same event, other words).
    assert story_doubt(_comparison(related=[close], keys="bc")) is None


def test_a_weak_or_nameless_related_pair_ties_nothing():
    weak = _point("b", "c", kind="related", score=RELATED_TIE - 0.01)
    nameless = _point("b", "c", kind="related", score=0.6, actors=())
    for pair in (weak, nameless):
        assert story_doubt(_comparison(points=[_point("a", "b")], related=[pair])) is not None


def test_a_related_pair_never_joins_two_stories_that_each_hold_together():
    bridge = _point("b", "c", kind="related", score=0.8)
    comparison = _comparison(
        points=[_point("a", "b"), _point("c", "d")], related=[bridge], keys="abcd"
    )
    assert story_doubt(comparison) == (
        "These articles may not be about one story: they fall into 2 groups with no point in "
        "common between them; the largest has 2 articles."
    )


def test_a_copy_is_tied_to_its_origin():
    copies = [Copy("c", "a", 0.95)]
    assert story_doubt(_comparison(points=[_point("a", "b")], copies=copies)) is None


def test_compare_says_so_on_standard_error(tmp_path):
    first = tmp_path / "first.txt"
    second = tmp_path / "second.txt"
    first.write_text(
        "Harbour fish prices\n\nFish prices at the harbour rose sharply on Monday after a "
        "storm kept the trawlers in port for a week, traders said.\n",
        encoding="utf-8",
    )
    second.write_text(
        "Chess final\n\nThe chess final in Oslo ended in a draw after six hours, the "
        "organisers said, and a rapid tie-break will be played on Sunday.\n",
        encoding="utf-8",
    )
    result = run("compare", str(first), str(second), "--format", "json")
    assert result.returncode == 0, result.stderr
    warning = next(
        line for line in result.stderr.decode().splitlines() if line.startswith("storydiff: warn")
    )
    doubt = warning.removeprefix("storydiff: warning: ")
    assert doubt.startswith("These articles may not be about one story")
    # In the report too, right after the count of articles and points.
    summary = json.loads(result.stdout)["summary"]
    assert summary[0]["text"].startswith("2 articles") and summary[1]["text"] == doubt
