"""What the NLP stage finds in an article: actors, quotes and statements.

Every finding is a frozen dataclass whose ``to_dict`` is its JSON in INTERFACE.md and whose
``from_dict`` reads that JSON back; positions are offsets into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storydiff.model.article import Span

# Words that stand for a speaker without saying who (see ``Speaker.attribution``).
_PRONOUNS = frozenset("he she it they we i you who that which this".split())


@dataclass(frozen=True)
class Entity:
    """One real-world actor within an article, with every place the article names it."""

    id: str
    name: str
    kind: str
    mentions: tuple[Span, ...]
    roles: tuple[str, ...] = ()
    tone: float | None = None
    # Some mention is the subject of a verb: "Ankara called on ..." acts, "in Ankara" does not.
    agent: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
            "tone": self.tone,
            "agent": self.agent,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=str(data["kind"]),
            mentions=tuple(Span.from_dict(m) for m in data.get("mentions", [])),
            roles=tuple(data.get("roles", [])),
            tone=data.get("tone"),
            agent=bool(data.get("agent", False)),
        )


@dataclass(frozen=True)
class Speaker:
    """Who a quote is attributed to: the canonical name, the entity, and the words used here."""

    name: str | None
    entity: str | None = None
    mention: Span | None = None

    @property
    def described(self) -> str | None:
        """How the article refers to the speaker: the resolved name, else the words of the
        mention ("the minister", "he"). For showing and attributing words; a speaker the
        article never names has no ``name``, so such speakers are never counted as people."""
        return self.name or (self.mention.text if self.mention else None)

    @property
    def attribution(self) -> str | None:
        """Who the words count as coming from when statements are matched across articles:
        the actor, the name, or a description's words ("the minister"); an unresolved pronoun
        tells nothing about who, so two outlets' "he said" never make one speaker."""
        if self.entity or self.name:
            return self.entity or self.name
        words = self.mention.text.lower().split() if self.mention else []
        if words == [] or (len(words) == 1 and words[0] in _PRONOUNS):
            return None
        return self.described

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity": self.entity,
            "mention": self.mention.to_dict() if self.mention else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = data.get("mention")
        return cls(
            data.get("name"), data.get("entity"), Span.from_dict(mention) if mention else None
        )


@dataclass(frozen=True)
class Quote:
    """Reported speech: who said it, the cue that reports it, and what was said.

    ``pieces`` holds the exact stretches of text that were said. A quote split around its cue
    ("'A,' she said, 'B'") has two pieces: ``content`` then runs from the start of the first
    to the end of the last, and its text is the pieces joined by a space (the cue between
    them is not what was said). A quote that runs over several paragraphs is one quote a
    paragraph, each with the same speaker.
    """

    speaker: Speaker
    content: Span
    kind: str
    cue: Span | None = None
    pieces: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind,
            "pieces": [p.to_dict() for p in self.pieces],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        cue = data.get("cue")
        return cls(
            speaker=Speaker.from_dict(data["speaker"]),
            content=Span.from_dict(data["content"]),
            kind=str(data["kind"]),
            cue=Span.from_dict(cue) if cue else None,
            pieces=tuple(Span.from_dict(p) for p in data.get("pieces", [])),
        )


@dataclass(frozen=True)
class Statement:
    """A sentence-level unit of an article: who it is attributed to (``Speaker.attribution``:
    an entity id, a speaker's name or a description's words; None means the outlet's own voice,
    or a speaker only a pronoun stands for), the entities it names, the labels and
    quantities it holds (indices into the analysis's lists), its tone (an estimate), the
    lemmas of its verbs (what happens in it, for the comparison to match events rather than
    topics), whether one of them is negated, the lemmas of its other content words
    (nouns, adjectives, adverbs, numbers; not names, which ``entities`` holds) and the entities
    that are the subjects of its verbs (who acts in it)."""

    start: int
    end: int
    text: str
    attributed_to: str | None = None
    entities: tuple[str, ...] = ()
    labels: tuple[int, ...] = ()
    quantities: tuple[int, ...] = ()
    tone: float | None = None
    predicates: tuple[str, ...] = ()
    negated: bool = False
    terms: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "attributed_to": self.attributed_to,
            "entities": list(self.entities),
            "labels": list(self.labels),
            "quantities": list(self.quantities),
            "tone": self.tone,
            "predicates": list(self.predicates),
            "negated": self.negated,
            "terms": list(self.terms),
            "agents": list(self.agents),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            data.get("attributed_to"),
            tuple(data.get("entities", [])),
            tuple(data.get("labels", [])),
            tuple(data.get("quantities", [])),
            data.get("tone"),
            tuple(data.get("predicates", [])),
            bool(data.get("negated", False)),
            tuple(data.get("terms", [])),
            tuple(data.get("agents", [])),
        )
