"""Grouping a store's articles into stories, and marking copies, in one pass in date order.

Each article is checked against recent origins for copies (MinHash LSH) and given to the story
grouper; stories are written as they close, in one transaction that replaces the previous
grouping. Both finders keep only a window of recent articles, so the pass needs flat memory
and time proportional to the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from storydiff.compare.copies import CopyFinder
from storydiff.compare.stories import Story, StoryGrouper
from storydiff.config import DEFAULTS, Config
from storydiff.store.store import Store

BATCH = 256


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
    copies: dict[str, str] = {}
    counts = {"articles": 0, "stories": 0}

    def stories() -> Iterator[tuple[str, str | None, str | None, str | None, tuple[str, ...]]]:
        closed: deque[Story] = deque()
        grouper = StoryGrouper(config, on_close=closed.append)
        finder = CopyFinder(config)
        batch = []
        for analysis in store.outlines():
            article = analysis.article
            copy = finder.add(article.id, article.text, article.published)
            if copy is not None:
                copies[article.id] = copy.copy_of
            batch.append(analysis)
            if len(batch) == BATCH:
                grouper.add_many(batch)
                counts["articles"] += len(batch)
                if on_progress is not None:
                    on_progress(len(batch))
                batch = []
                while closed:
                    yield _row(closed.popleft(), counts)
        if batch:
            grouper.add_many(batch)
            counts["articles"] += len(batch)
            if on_progress is not None:
                on_progress(len(batch))
        grouper.close_all()
        while closed:
            yield _row(closed.popleft(), counts)

    store.replace_stories(stories(), copies)
    return GroupingSummary(counts["articles"], counts["stories"], len(copies))


def _row(story: Story, counts: dict[str, int]) -> tuple:
    counts["stories"] += 1
    return story.id, story.title, story.first, story.last, story.articles


def stored_stories(store: Store) -> Iterator[dict]:
    """The store's stories as the ``stories`` command prints them, oldest first, each with
    its articles (and which of them are copies)."""
    rows = store.query(
        "SELECT s.id AS story, s.title, s.first, s.last, s.origins, a.id, a.source, a.line, "
        "a.outlet, a.published, a.copy_of FROM stories s JOIN articles a ON a.story_id = s.id "
        "ORDER BY s.first IS NULL, s.first, s.rowid, a.published, a.rowid"
    )
    current: dict | None = None
    for row in rows:
        if current is None or current["id"] != row["story"]:
            if current is not None:
                yield current
            current = {
                "id": row["story"],
                "title": row["title"],
                "first": row["first"],
                "last": row["last"],
                "origins": row["origins"],
                "articles": [],
            }
        current["articles"].append(
            {
                "id": row["id"],
                "source": row["source"],
                "line": row["line"],
                "outlet": row["outlet"],
                "published": row["published"],
                "copy_of": row["copy_of"],
            }
        )
    if current is not None:
        yield current
