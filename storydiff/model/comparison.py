"""A comparison of articles: the facts they share, what only one reports, who each quotes,
how each names the actors, their figures, and the summary a reader sees first.

Scores and shares are kept at the precision the JSON gives them (``__post_init__``), so that
a comparison read back from its JSON equals the one that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storydiff.model.analysis import Analysis
from storydiff.model.findings import Statement
from storydiff.model.run import Run
from storydiff.model.schema import SCHEMA, check_schema
from storydiff.model.tables import Actor, ActorFraming, FigureRow, SourceCount


@dataclass(frozen=True)
class StatementRef:
    """A statement as a comparison cites it: which article, and where. ``headline`` when it
    is a statement of the article's headline: its offsets then index ``Article.title``."""

    article: str
    start: int
    end: int
    text: str
    headline: bool = False

    @classmethod
    def of(cls, article: str, statement: Statement, headline: bool = False) -> StatementRef:
        return cls(article, statement.start, statement.end, statement.text, headline)

    def to_dict(self) -> dict[str, Any]:
        # ``headline`` is written only when true: every reference into a body reads as
        # before it existed.
        found = {"article": self.article, "start": self.start, "end": self.end, "text": self.text}
        return {**found, "headline": True} if self.headline else found

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatementRef:
        return cls(
            str(data["article"]),
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
            bool(data.get("headline", False)),
        )


# The yes-or-no parts of an Evidence, in the order a reader is told them.
EVIDENCE_FLAGS = (
    "shared_run",
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
    checks a match against this. ``similarity`` is kept to 3 decimals."""

    similarity: float = 0.0
    shared_actors: tuple[str, ...] = ()
    shared_predicates: tuple[str, ...] = ()
    shared_words: tuple[str, ...] = ()
    # Three words or more in a row alike, names aside (a phrase or quotation both carry).
    shared_run: bool = False
    figures_agree: bool = False
    figures_differ: bool = False
    figures_unmatched: bool = False
    dates_agree: bool = False
    dates_differ: bool = False
    negation_differs: bool = False
    same_speaker: bool = False
    same_agent: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "similarity", round(self.similarity, 3))

    def to_dict(self) -> dict[str, Any]:
        return {
            "similarity": self.similarity,
            "shared_actors": list(self.shared_actors),
            "shared_predicates": list(self.shared_predicates),
            "shared_words": list(self.shared_words),
            **{flag: getattr(self, flag) for flag in EVIDENCE_FLAGS},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            similarity=float(data.get("similarity", 0.0)),
            shared_actors=tuple(data.get("shared_actors", [])),
            shared_predicates=tuple(data.get("shared_predicates", [])),
            shared_words=tuple(data.get("shared_words", [])),
            **{flag: bool(data.get(flag, False)) for flag in EVIDENCE_FLAGS},
        )


@dataclass(frozen=True)
class Point:
    """Statements from different articles that report the same thing (``kind`` agree,
    framing or conflict), or a weaker match shown only as possibly related (``related``).
    ``score`` is the calibrated probability of the weakest pair across articles, kept to 4
    decimals."""

    kind: str
    statements: tuple[StatementRef, ...]
    summary: str
    score: float = 0.0
    evidence: Evidence = field(default_factory=Evidence)

    def __post_init__(self) -> None:
        object.__setattr__(self, "score", round(self.score, 4))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "statements": [s.to_dict() for s in self.statements],
            "summary": self.summary,
            "score": self.score,
            "evidence": self.evidence.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Point:
        return cls(
            str(data["kind"]),
            tuple(StatementRef.from_dict(s) for s in data["statements"]),
            str(data["summary"]),
            float(data.get("score", 0.0)),
            Evidence.from_dict(data.get("evidence", {})),
        )


@dataclass(frozen=True)
class Copy:
    """An article that carries another's text (a wire story, syndication): it is counted once,
    through its origin. ``containment`` is the share of the shorter text's five-word sequences
    found in the other, kept to 3 decimals."""

    article: str
    copy_of: str
    containment: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "containment", round(self.containment, 3))

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "copy_of": self.copy_of, "containment": self.containment}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Copy:
        return cls(str(data["article"]), str(data["copy_of"]), float(data["containment"]))


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            str(data["text"]),
            str(data["section"]),
            tuple(StatementRef.from_dict(e) for e in data.get("evidence", [])),
        )


@dataclass(frozen=True)
class Comparison:
    """What a set of articles agree on, what only one says, and who each one quotes; ``run``,
    when known, says what produced it (its JSON gives it right after ``schema``)."""

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
    run: Run | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            **({"run": self.run.to_dict()} if self.run is not None else {}),
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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        """The comparison a document holds; ``E030`` for a document in another schema. The
        JSON lists an only-in statement by its place alone; it is read back as the article's
        own statement at that place, with all it holds."""
        check_schema(data, "the comparison")
        articles = tuple(Analysis.from_dict(a) for a in data.get("articles", []))
        return cls(
            articles=articles,
            points=tuple(Point.from_dict(p) for p in data.get("points", [])),
            related=tuple(Point.from_dict(p) for p in data.get("related", [])),
            only_in=_only_in(data.get("only_in", {}), articles),
            sources={
                article: tuple(SourceCount.from_dict(c) for c in counts)
                for article, counts in data.get("sources", {}).items()
            },
            framing=tuple(ActorFraming.from_dict(row) for row in data.get("framing", [])),
            numbers=tuple(FigureRow.from_dict(row) for row in data.get("numbers", [])),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors", [])),
            copies=tuple(Copy.from_dict(c) for c in data.get("copies", [])),
            summary=tuple(Finding.from_dict(f) for f in data.get("summary", [])),
            run=Run.from_dict(data["run"]) if "run" in data else None,
        )


def _only_in(
    listed: dict[str, list[dict[str, Any]]], articles: tuple[Analysis, ...]
) -> dict[str, tuple[Statement, ...]]:
    """Each listed place as the statement its article has there, or, for a place the article
    has no statement at (a document edited by hand), a statement of the listed text alone."""
    by_place = {a.article.id: {(s.start, s.end): s for s in a.statements} for a in articles}
    return {
        article: tuple(
            by_place.get(article, {}).get((int(s["start"]), int(s["end"])))
            or Statement(int(s["start"]), int(s["end"]), str(s["text"]))
            for s in statements
        )
        for article, statements in listed.items()
    }
