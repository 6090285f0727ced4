"""An article with everything the NLP stage found in it, in its body and in its title: the
record ``storydiff analyze`` writes, one per article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storydiff.model.article import Article
from storydiff.model.findings import Date, Entity, Label, Quantity, Quote, Statement
from storydiff.model.languages import FULL, Coverage
from storydiff.model.schema import SCHEMA, check_schema


@dataclass(frozen=True)
class Headline:
    """What the article's title says, found as in a paragraph of the body: its entities,
    quotes, statements, figures, labels and dates.

    Every offset here indexes ``Article.title``, never ``Article.text``: the title is
    analysed as a text of its own, so that every offset into the body stays what it is. Its
    entity ids (``h1``, ``h2``, …) are its own too, never one of the body's."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    labels: tuple[Label, ...] = ()
    dates: tuple[Date, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "quantities": [q.to_dict() for q in self.quantities],
            "labels": [x.to_dict() for x in self.labels],
            "dates": [d.to_dict() for d in self.dates],
            "statements": [s.to_dict() for s in self.statements],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Headline:
        return cls(
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", [])),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", [])),
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", [])),
            labels=tuple(Label.from_dict(x) for x in data.get("labels", [])),
            dates=tuple(Date.from_dict(d) for d in data.get("dates", [])),
        )


@dataclass(frozen=True)
class Analysis:
    """An article with everything the NLP stage found in it; what its title says is in
    ``headline`` (None for an article without a title); which parts of the analysis ran, in
    ``coverage`` (written as ``analysis``)."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    labels: tuple[Label, ...] = ()
    dates: tuple[Date, ...] = ()
    tone_method: str | None = None
    headline: Headline | None = None
    coverage: Coverage = FULL

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            **self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "quantities": [q.to_dict() for q in self.quantities],
            "labels": [x.to_dict() for x in self.labels],
            "dates": [d.to_dict() for d in self.dates],
            "statements": [s.to_dict() for s in self.statements],
            "tone_method": self.tone_method,
            "headline": self.headline.to_dict() if self.headline else None,
            "analysis": self.coverage.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """The analysis a record holds; ``E030`` for a record in another schema."""
        check_schema(data, f"the analysis of {data.get('source', 'an article')}")
        return cls(
            article=Article.from_dict(data),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", [])),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", [])),
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", [])),
            labels=tuple(Label.from_dict(x) for x in data.get("labels", [])),
            dates=tuple(Date.from_dict(d) for d in data.get("dates", [])),
            tone_method=data.get("tone_method"),
            headline=Headline.from_dict(data["headline"]) if data.get("headline") else None,
            coverage=Coverage.from_dict(data.get("analysis")),
        )
