"""The data model: what each stage of the flow hands to the next.

Every object is a frozen dataclass so that a stage cannot quietly change what an earlier stage
produced, and every object serialises to the JSON of INTERFACE.md (``to_dict``) and back
(``from_dict``) so that results can be stored, diffed and re-rendered without re-analysis.

All positions are character offsets into ``Article.text`` (0-based, end exclusive, Python
``str`` indices), so that every finding can be highlighted in the article's own words.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "storydiff/1"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


# Words that stand for a speaker without saying who (see ``Speaker.attribution``).
_PRONOUNS = frozenset("he she it they we i you who that which this".split())


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True)
class ReadWarning:
    """Something reading changed in an input so that it could be kept, and how often: the
    article is read all the same, and its record says what was changed. The one ``kind`` so
    far is ``replaced_surrogates``: lone surrogates (JSON escapes such as ``"\\ud800"``, or a
    file name that is not UTF-8) replaced by U+FFFD, since no UTF-8 output can hold them."""

    kind: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReadWarning:
        return cls(str(data["kind"]), int(data["count"]))


REPLACED_SURROGATES = "replaced_surrogates"


def counted(warnings: tuple[ReadWarning, ...], kind: str, count: int) -> tuple[ReadWarning, ...]:
    """``warnings`` with ``count`` more of ``kind``: one warning a kind, however many times
    reading meets it."""
    if not count:
        return warnings
    others = tuple(w for w in warnings if w.kind != kind)
    before = sum(w.count for w in warnings if w.kind == kind)
    return (*others, ReadWarning(kind, before + count))


@dataclass(frozen=True)
class Document:
    """What a reader produced: normalised text plus whatever metadata the input carried.

    ``kind`` says which reader produced it (``text``, ``html`` or ``jsonl``). Metadata given
    explicitly (a JSON Lines record's ``title``, say) is used as is; metadata that is None is
    detected by the cleaner. ``id`` is the record's own id, if it gives one: the article's
    ``source_id``, never its identity.
    """

    source: str
    text: str
    kind: str
    line: int | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    warnings: tuple[ReadWarning, ...] = ()


@dataclass(frozen=True)
class Text:
    """An article held in memory, plain text or an HTML page, and what is known about it.

    ``storydiff.analyze`` and ``storydiff.compare`` read a plain string as a path, as the
    command line does, so that existing scripts keep working; wrapping a string in ``Text``
    says it is the article itself. Metadata left None is detected by the cleaner, as for a
    file; metadata given is used as is.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped, kept so that cleaning is auditable and reversible."""

    text: str
    reason: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "line": self.line}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RemovedLine:
        return cls(str(data["text"]), str(data["reason"]), data.get("line"))


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Where the paragraphs are, trimmed of surrounding whitespace and skipping empty ones.

    Offsets stay offsets into the whole text, so annotations need no translation.
    """
    ranges = []
    start = 0
    for separator in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = separator.start() if separator else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            left = start + len(chunk) - len(chunk.lstrip())
            ranges.append((left, left + len(stripped)))
        if separator:
            start = separator.end()
    return ranges


def where(source: str, line: int | None) -> str:
    """How errors name an input: the path, and for a JSON Lines record its line."""
    return f"{source}:{line}" if line is not None else source


def to_json(document: Any, indent: int | None = None) -> str:
    """JSON as storydiff writes it: text as is (UTF-8), and never NaN or Infinity, which are
    not JSON and which other parsers reject: a value that is not finite must fail here, loudly,
    rather than be written."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, indent=indent)


def article_id(text: str) -> str:
    """Content hash of the cleaned text: the same article read twice gets the same id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """A cleaned article: the body text and what was learned about it while cleaning.

    ``id`` is always the hash of the text (``article_id``): it is what de-duplicates, so the
    same text read twice is one article and two texts are two, whatever ids their records
    give. A record's own id (a JSON Lines or table ``id``) is kept as ``source_id``, to join
    results back to the input.
    """

    id: str
    source: str
    text: str
    line: int | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "en"
    removed: tuple[RemovedLine, ...] = ()
    headings: tuple[Span, ...] = ()
    source_id: str | None = None
    warnings: tuple[ReadWarning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "source": self.source,
            "line": self.line,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "headings": [h.to_dict() for h in self.headings],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(data["id"]),
            source=str(data["source"]),
            text=str(data["text"]),
            line=data.get("line"),
            url=data.get("url"),
            title=data.get("title"),
            outlet=data.get("outlet"),
            published=data.get("published"),
            language=str(data.get("language") or "en"),
            removed=tuple(RemovedLine.from_dict(r) for r in data.get("removed", [])),
            headings=tuple(Span.from_dict(h) for h in data.get("headings", [])),
            source_id=data.get("source_id"),
            warnings=tuple(ReadWarning.from_dict(w) for w in data.get("warnings", [])),
        )


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
class Analysis:
    """An article with everything the NLP stage found in it."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    quantities: tuple[dict[str, Any], ...] = ()
    labels: tuple[dict[str, Any], ...] = ()
    dates: tuple[dict[str, Any], ...] = ()
    tone_method: str | None = None

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            **self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "quantities": list(self.quantities),
            "labels": list(self.labels),
            "dates": list(self.dates),
            "statements": [s.to_dict() for s in self.statements],
            "tone_method": self.tone_method,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article=Article.from_dict(data),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", [])),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", [])),
            quantities=tuple(data.get("quantities", [])),
            labels=tuple(data.get("labels", [])),
            dates=tuple(data.get("dates", [])),
            tone_method=data.get("tone_method"),
        )


@dataclass(frozen=True)
class StatementRef:
    """A statement as a comparison cites it: which article, and where."""

    article: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: str, statement: Statement) -> StatementRef:
        return cls(article, statement.start, statement.end, statement.text)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}


# The yes-or-no parts of an Evidence, in the order a reader is told them.
EVIDENCE_FLAGS = (
    "figures_agree",
    "figures_differ",
    "figures_unmatched",
    "dates_agree",
    "dates_differ",
    "negation_differs",
    "same_speaker",
    "same_agent",
)


@dataclass(frozen=True)
class Evidence:
    """Why two statements were taken to report the same fact: what they share (actors, verbs,
    other words, as lemmas) and where their figures, dates and negation agree or not. A reader
    checks a match against this."""

    similarity: float = 0.0
    shared_actors: tuple[str, ...] = ()
    shared_predicates: tuple[str, ...] = ()
    shared_words: tuple[str, ...] = ()
    figures_agree: bool = False
    figures_differ: bool = False
    figures_unmatched: bool = False
    dates_agree: bool = False
    dates_differ: bool = False
    negation_differs: bool = False
    same_speaker: bool = False
    same_agent: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "similarity": round(self.similarity, 3),
            "shared_actors": list(self.shared_actors),
            "shared_predicates": list(self.shared_predicates),
            "shared_words": list(self.shared_words),
            **{flag: getattr(self, flag) for flag in EVIDENCE_FLAGS},
        }


@dataclass(frozen=True)
class Point:
    """Statements from different articles that report the same thing (``kind`` agree,
    framing or conflict), or a weaker match shown only as possibly related (``related``).
    ``score`` is the calibrated probability of the weakest pair across articles."""

    kind: str
    statements: tuple[StatementRef, ...]
    summary: str
    score: float = 0.0
    evidence: Evidence = field(default_factory=Evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "statements": [s.to_dict() for s in self.statements],
            "summary": self.summary,
            "score": round(self.score, 4),
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class SourceCount:
    """How often one outlet quotes one speaker."""

    speaker: str | None
    quotes: int
    entity: str | None = None
    roles: tuple[str, ...] = ()
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "quotes": self.quotes,
            "entity": self.entity,
            "roles": list(self.roles),
            "actor": self.actor,
        }


@dataclass(frozen=True)
class Copy:
    """An article that carries another's text (a wire story, syndication): it is counted once,
    through its origin. ``containment`` is the share of the shorter text's five-word sequences
    found in the other."""

    article: str
    copy_of: str
    containment: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "copy_of": self.copy_of,
            "containment": round(self.containment, 3),
        }


@dataclass(frozen=True)
class Finding:
    """One sentence of the summary, with the statements that bear it out (none for a sentence
    about the comparison as a whole) and the report section that tells more."""

    text: str
    section: str
    evidence: tuple[StatementRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "section": self.section,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Comparison:
    """What a set of articles agree on, what only one says, and who each one quotes."""

    articles: tuple[Analysis, ...]
    points: tuple[Point, ...] = ()
    related: tuple[Point, ...] = ()
    only_in: dict[str, tuple[Statement, ...]] = field(default_factory=dict)
    sources: dict[str, tuple[SourceCount, ...]] = field(default_factory=dict)
    framing: tuple[dict[str, Any], ...] = ()
    numbers: tuple[dict[str, Any], ...] = ()
    actors: tuple[dict[str, Any], ...] = ()
    copies: tuple[Copy, ...] = ()
    summary: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "summary": [f.to_dict() for f in self.summary],
            "articles": [a.to_dict() for a in self.articles],
            "points": [p.to_dict() for p in self.points],
            "related": [p.to_dict() for p in self.related],
            "only_in": {
                article: [{"start": s.start, "end": s.end, "text": s.text} for s in statements]
                for article, statements in self.only_in.items()
            },
            "sources": {
                article: [c.to_dict() for c in counts] for article, counts in self.sources.items()
            },
            "framing": list(self.framing),
            "numbers": list(self.numbers),
            "actors": list(self.actors),
            "copies": [c.to_dict() for c in self.copies],
        }
