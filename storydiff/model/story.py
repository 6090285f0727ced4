"""A story: the articles of a corpus that report one news event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
