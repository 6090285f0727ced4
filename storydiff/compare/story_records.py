"""A story as ``storydiff stories`` prints it: one shape whether the articles were read from
files or from a store, so a script reads either the same way.

A record carries what a reader needs to find each article again (its id, source and line)
and to tell reporting from repeating (which articles copy another, and how many do not).
Stories come oldest first, undated last; so do the articles in each, in the order they were
read when their dates tie.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storydiff.compare import distinct
from storydiff.compare.corpus import CorpusGrouping
from storydiff.config import DEFAULTS, Config
from storydiff.model import Analysis, Article


@dataclass(frozen=True)
class StoryArticle:
    """``copy_of``: the id of the article this one copies (a wire story, syndication), or
    None for an origin."""

    id: str
    source: str
    line: int | None
    outlet: str | None
    published: str | None
    copy_of: str | None

    @classmethod
    def of(cls, article: Article, copy_of: str | None) -> StoryArticle:
        return cls(
            article.id, article.source, article.line, article.outlet, article.published, copy_of
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "line": self.line,
            "outlet": self.outlet,
            "published": self.published,
            "copy_of": self.copy_of,
        }


@dataclass(frozen=True)
class StoryRecord:
    """``first`` and ``last``: the dates of its first and last article (None when none is
    dated)."""

    id: str
    title: str | None
    first: str | None
    last: str | None
    articles: tuple[StoryArticle, ...]

    @property
    def origins(self) -> int:
        """Its articles that copy no other: the independent reports."""
        return sum(1 for a in self.articles if a.copy_of is None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "first": self.first,
            "last": self.last,
            "origins": self.origins,
            "articles": [a.to_dict() for a in self.articles],
        }


def _oldest_first(published: str | None) -> tuple[bool, str]:
    """Sort key: dated before undated, then by date."""
    return published is None, published or ""


def story_records(analyses: Iterable[Analysis], config: Config = DEFAULTS) -> list[StoryRecord]:
    """The stories of articles held in memory, each article once, as a store groups and
    lists them (``storydiff.store.grouping``), by the stories and copies settings of
    ``config``."""
    unique, _ = distinct(list(analyses))
    articles = {a.article.id: a.article for a in unique}
    grouping = CorpusGrouping(config=config)
    ordered = sorted(unique, key=lambda a: _oldest_first(a.article.published))
    records = []
    for story in grouping.run(ordered):
        members = (articles[i] for i in story.articles)
        listed = [StoryArticle.of(a, grouping.copies.get(a.id)) for a in members]
        listed.sort(key=lambda a: _oldest_first(a.published))
        records.append(StoryRecord(story.id, story.title, story.first, story.last, tuple(listed)))
    records.sort(key=lambda r: _oldest_first(r.first))
    return records
