"""Grouping a store's articles into stories, and marking copies, in one pass in date order.

The pass (``storydiff.compare.corpus``) reads the store's outlines oldest first; stories are
written as they close, in one transaction that replaces the previous grouping, so memory stays
flat however large the store. ``stored_stories`` reads the grouping back in the shape
``storydiff stories`` prints for articles in memory too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from storydiff.compare.corpus import CorpusGrouping
from storydiff.config import DEFAULTS, Config
from storydiff.model import StoryArticle, StoryRecord
from storydiff.store.store import Store


@dataclass(frozen=True)
class GroupingSummary:
    articles: int
    stories: int
    copies: int


def group_store(
    store: Store,
    on_progress: Callable[[int], None] | None = None,
    config: Config = DEFAULTS,
) -> GroupingSummary:
    """Stories and copies of the whole store, by the stories and copies settings of
    ``config``, written over the previous grouping."""
    grouping = CorpusGrouping(on_progress, config)
    rows = (
        (story.id, story.title, story.first, story.last, story.articles)
        for story in grouping.run(store.outlines())
    )
    store.replace_stories(rows, grouping.copies)
    return GroupingSummary(grouping.articles, grouping.stories, len(grouping.copies))


def stored_stories(store: Store) -> Iterator[StoryRecord]:
    """The store's stories, oldest first (undated last), each with its articles, oldest
    first (undated last) and in the order they were stored when their dates tie."""
    rows = store.query(
        "SELECT s.id AS story, s.title, s.first, s.last, a.id, a.source, a.line, a.outlet, "
        "a.published, a.copy_of, (SELECT group_concat(came_from, ' ') FROM "
        "(SELECT came_from FROM story_sources WHERE story_id = s.id ORDER BY came_from)) "
        "AS came_from FROM stories s JOIN articles a ON a.story_id = s.id "
        "ORDER BY s.first IS NULL, s.first, s.rowid, a.published IS NULL, a.published, a.rowid"
    )
    story: tuple[str, str | None, str | None, str | None] | None = None
    came_from: tuple[str, ...] = ()
    articles: list[StoryArticle] = []
    for row in rows:
        if story is not None and story[0] != row["story"]:
            yield StoryRecord(*story, tuple(articles), came_from)
            articles = []
        story = (row["story"], row["title"], row["first"], row["last"])
        came_from = tuple((row["came_from"] or "").split())
        articles.append(
            StoryArticle(
                row["id"],
                row["source"],
                row["line"],
                row["outlet"],
                row["published"],
                row["copy_of"],
            )
        )
    if story is not None:
        yield StoryRecord(*story, tuple(articles), came_from)
