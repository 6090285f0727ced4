"""The comparison's tables: actors linked across articles, who each outlet quotes, how each
names the actors, and the figures side by side."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Actor:
    """One real-world actor across the compared articles: the entity ids it gathers in each
    article (``members``), and the roles any of them is given."""

    id: str
    name: str
    kind: str
    roles: tuple[str, ...] = ()
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "roles": list(self.roles),
            "members": {article: list(ids) for article, ids in self.members.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            str(data["id"]),
            str(data["name"]),
            str(data["kind"]),
            tuple(data.get("roles", [])),
            {article: tuple(ids) for article, ids in data.get("members", {}).items()},
        )


@dataclass(frozen=True)
class SourceCount:
    """How often one outlet quotes one speaker: ``quotes`` in all, ``headline`` of them in
    the article's headline."""

    speaker: str | None
    quotes: int
    entity: str | None = None
    roles: tuple[str, ...] = ()
    actor: str | None = None
    headline: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "quotes": self.quotes,
            "entity": self.entity,
            "roles": list(self.roles),
            "actor": self.actor,
            "headline": self.headline,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceCount:
        return cls(
            data.get("speaker"),
            int(data["quotes"]),
            data.get("entity"),
            tuple(data.get("roles", [])),
            data.get("actor"),
            int(data.get("headline", 0)),
        )


@dataclass(frozen=True)
class TermCount:
    """How often an article uses one term for an actor, in one voice: ``count`` uses in all,
    ``headline`` of them in the article's headline."""

    text: str
    voice: str
    count: int
    headline: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "voice": self.voice,
            "count": self.count,
            "headline": self.headline,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TermCount:
        return cls(
            str(data["text"]), str(data["voice"]), int(data["count"]), int(data.get("headline", 0))
        )


@dataclass(frozen=True)
class ActorFraming:
    """One row of the framing table: an actor (a group such as "armed groups"), whether any
    term for it is loaded, and per article id the terms that article uses for it."""

    actor: str
    contested: bool
    labels: dict[str, tuple[TermCount, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "contested": self.contested,
            "labels": {
                article: [t.to_dict() for t in terms] for article, terms in self.labels.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorFraming:
        return cls(
            str(data["actor"]),
            bool(data.get("contested", False)),
            {
                article: tuple(TermCount.from_dict(t) for t in terms)
                for article, terms in data.get("labels", {}).items()
            },
        )


@dataclass(frozen=True)
class FigureRow:
    """One row of the figures table: what is counted and, per article id, the figures it
    gives (their texts), who claims each (None: the outlet itself) and whether each is the
    article's headline's (``headline``, in the same order; a headline often repeats a figure
    of its body, and then both are listed); ``conflict`` when two articles' figures for it
    disagree within one shared point."""

    counts: str
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    claimed_by: dict[str, tuple[str | None, ...]] = field(default_factory=dict)
    conflict: bool = False
    headline: dict[str, tuple[bool, ...]] = field(default_factory=dict)

    def in_headline(self, article: str, number: int) -> bool:
        """Whether an article's ``number``-th figure in this row is its headline's."""
        flags = self.headline.get(article, ())
        return number < len(flags) and flags[number]

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "values": {article: list(texts) for article, texts in self.values.items()},
            "claimed_by": {article: list(who) for article, who in self.claimed_by.items()},
            "conflict": self.conflict,
            "headline": {article: list(flags) for article, flags in self.headline.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FigureRow:
        return cls(
            str(data["counts"]),
            {article: tuple(texts) for article, texts in data.get("values", {}).items()},
            {article: tuple(who) for article, who in data.get("claimed_by", {}).items()},
            bool(data.get("conflict", False)),
            {
                article: tuple(bool(f) for f in flags)
                for article, flags in data.get("headline", {}).items()
            },
        )
