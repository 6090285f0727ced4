"""Story ids outlive a regrouping: a story keeps its id while it holds the same articles (and
any that joined it), and a story split off or merged gets a fresh id that records the ids it
came from."""

from __future__ import annotations

from storydiff.model import Analysis, Article, article_id
from storydiff.store import Store
from storydiff.store.grouping import stored_stories


def _analysis(text: str) -> Analysis:
    return Analysis(Article(id=article_id(text), source="t.txt", text=text))


TEXTS = [f"Article number {k} reports something of its own." for k in range(6)]
A, B, C, D, E, F = (article_id(t) for t in TEXTS)


def _regroup(store: Store, *groups: list[str]) -> dict[frozenset[str], tuple[str, tuple[str, ...]]]:
    """Group the store as ``groups`` say (provisional ids s1, s2, ... as a grouping gives
    them); each story's articles mapped to its id and the ids it came from."""
    store.replace_stories(
        ((f"s{k}", None, None, None, group) for k, group in enumerate(groups, 1)), {}
    )
    return {
        frozenset(a.id for a in story.articles): (story.id, story.came_from)
        for story in stored_stories(store)
    }


def test_a_story_keeps_its_id_when_articles_join_it_and_others_arrive(tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add([_analysis(t) for t in TEXTS])
        first = _regroup(store, [A, B], [C, D])
        assert first == {frozenset({A, B}): ("s1", ()), frozenset({C, D}): ("s2", ())}
        # The grouping names them the other way round this time, and a new story arrives
        # first: the stories that are the same keep their ids; the new one gets a fresh id.
        second = _regroup(store, [E], [C, D, F], [A, B])
    assert second == {
        frozenset({A, B}): ("s1", ()),
        frozenset({C, D, F}): ("s2", ()),
        frozenset({E}): ("s3", ()),
    }


def test_merged_and_split_stories_get_fresh_ids_that_say_where_they_came_from(tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add([_analysis(t) for t in TEXTS[:4]])
        _regroup(store, [A, B], [C, D])
        merged = _regroup(store, [A, B, C, D])
        assert merged == {frozenset({A, B, C, D}): ("s3", ("s1", "s2"))}
        split = _regroup(store, [A], [B, C, D])
        assert split == {frozenset({A}): ("s4", ("s3",)), frozenset({B, C, D}): ("s5", ("s3",))}
        # Unchanged since: the ids and the record of where they came from stay.
        assert _regroup(store, [B, C, D], [A]) == split


def test_comparing_a_story_that_was_merged_away_says_where_its_articles_went(tmp_path):
    from click.testing import CliRunner

    from storydiff.cli import cli

    db = tmp_path / "c.db"
    with Store(db) as store:
        store.add([_analysis(t) for t in TEXTS[:4]])
        _regroup(store, [A, B], [C, D])
        _regroup(store, [A, B, C, D])
    result = CliRunner().invoke(cli, ["compare", "--store", str(db), "--story", "s1"])
    assert result.exit_code == 2
    assert "no story 's1'" in result.output and "its articles are now in s3" in result.output
