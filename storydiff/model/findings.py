"""What the NLP stage finds in an article: actors, quotes, statements, figures, dates and the
words used for groups of actors.

Every finding is a frozen dataclass whose ``to_dict`` is its JSON in INTERFACE.md and whose
``from_dict`` reads that JSON back; positions are offsets into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storydiff.model.article import Span

# Words that stand for a speaker without saying who (see ``Speaker.attribution``).
_PRONOUNS = frozenset("he she it they we i you who that which this".split())

Number = int | float


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


@dataclass(frozen=True)
class Quantity:
    """A figure as the article gives it: its value, or a range (``low``/``high``) for a vague
    one ("hundreds of thousands"), its qualifier ("about", "more than"), unit, what it counts
    and who claims it (None: the outlet's own voice). A value too large for any figure is
    None, its text kept."""

    start: int
    end: int
    text: str
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    qualifier: str | None = None
    unit: str | None = None
    counts: str | None = None
    claimed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "counts": self.counts,
            "claimed_by": self.claimed_by,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            data.get("value"),
            data.get("low"),
            data.get("high"),
            data.get("qualifier"),
            data.get("unit"),
            data.get("counts"),
            data.get("claimed_by"),
        )


@dataclass(frozen=True)
class Label:
    """One use of a term for a group of actors ("rebels", "terrorists"): the lemma or phrase
    matched (``term``), the kind of group (``category``), whether choosing it takes a side
    (``contested``), the group it names (``actor``) and its voice: ``own``, ``attributed`` or
    ``scare_quoted``. ``in_speech_of`` names the speaker an ``own`` use paraphrases,
    ``hedge`` a distancing word before it ("so-called"), ``modifies`` the noun it stands
    before ("attack" in "terrorist rocket attack")."""

    start: int
    end: int
    text: str
    term: str
    category: str
    contested: bool
    actor: str
    voice: str
    in_speech_of: str | None = None
    hedge: str | None = None
    modifies: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "term": self.term,
            "category": self.category,
            "contested": self.contested,
            "actor": self.actor,
            "voice": self.voice,
            "in_speech_of": self.in_speech_of,
            "hedge": self.hedge,
            "modifies": self.modifies,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Label:
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            str(data["term"]),
            str(data["category"]),
            bool(data["contested"]),
            str(data["actor"]),
            str(data["voice"]),
            data.get("in_speech_of"),
            data.get("hedge"),
            data.get("modifies"),
        )


@dataclass(frozen=True)
class DateRange:
    """A stretch of days a date stands for ("September 2018", "last week"), as ISO dates."""

    low: str
    high: str

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateRange:
        return cls(str(data["low"]), str(data["high"]))


@dataclass(frozen=True)
class Date:
    """A date the article names, and its value against the publication date: an ISO date,
    ``--MM-DD`` when the year is unknown, a ``DateRange``, or None when it cannot be told."""

    start: int
    end: int
    text: str
    value: str | DateRange | None = None

    def to_dict(self) -> dict[str, Any]:
        value = self.value.to_dict() if isinstance(self.value, DateRange) else self.value
        return {"start": self.start, "end": self.end, "text": self.text, "value": value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Date:
        value = data.get("value")
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            DateRange.from_dict(value) if isinstance(value, dict) else value,
        )
