"""A comparison of articles: the facts they share, what only one reports, who each quotes,
how each names the actors, their figures, and the summary a reader sees first."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storydiff.model.analysis import Analysis
from storydiff.model.findings import Statement
from storydiff.model.schema import SCHEMA
from storydiff.model.tables import Actor, ActorFraming, FigureRow, SourceCount


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
    framing: tuple[ActorFraming, ...] = ()
    numbers: tuple[FigureRow, ...] = ()
    actors: tuple[Actor, ...] = ()
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
            "framing": [row.to_dict() for row in self.framing],
            "numbers": [row.to_dict() for row in self.numbers],
            "actors": [actor.to_dict() for actor in self.actors],
            "copies": [c.to_dict() for c in self.copies],
        }
