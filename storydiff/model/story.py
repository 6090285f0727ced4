"""A story: the articles of a corpus that report one news event, as the grouper finds it
(``Story``) and as ``storydiff stories`` prints it (``StoryRecord``).

A record carries what a reader needs to find each article again (its id, source and line)
and to tell reporting from repeating (which articles copy another, and how many do not).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storydiff.model.article import Article


@dataclass(frozen=True)
class Story:
    """A story's articles (ids, in the order they joined it), its title (that of the article
    closest to its centre) and the dates of its first and last article (None when none is
    dated)."""

    id: str
    title: str | None
    articles: tuple[str, ...]
    first: str | None
    last: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "first": self.first,
            "last": self.last,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(
            str(data["id"]),
            data.get("title"),
            tuple(str(a) for a in data["articles"]),
            data.get("first"),
            data.get("last"),
        )


@dataclass(frozen=True)
class StoryArticle:
    """An article of a story as ``storydiff stories`` lists it; ``copy_of``: the id of the
    article this one copies (a wire story, syndication), or None for an origin."""

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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryArticle:
        return cls(
            str(data["id"]),
            str(data["source"]),
            data.get("line"),
            data.get("outlet"),
            data.get("published"),
            data.get("copy_of"),
        )


@dataclass(frozen=True)
class StoryRecord:
    """A story as ``storydiff stories`` prints it, from files or from a store alike;
    ``first`` and ``last``: the dates of its first and last article (None when none is
    dated); ``came_from``: in a store, the ids of the stories it was split or merged from
    when the store was regrouped (empty when it kept its id or is new)."""

    id: str
    title: str | None
    first: str | None
    last: str | None
    articles: tuple[StoryArticle, ...]
    came_from: tuple[str, ...] = ()

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
            "came_from": list(self.came_from),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryRecord:
        """The record a story's JSON holds; ``origins`` follows from its articles."""
        return cls(
            str(data["id"]),
            data.get("title"),
            data.get("first"),
            data.get("last"),
            tuple(StoryArticle.from_dict(a) for a in data.get("articles", [])),
            tuple(str(i) for i in data.get("came_from", [])),
        )
