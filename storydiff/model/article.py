"""What the reader and the cleaner produce: documents, cleaned articles and stretches of their
text.

All positions are character offsets into ``Article.text`` (0-based, end exclusive, Python
``str`` indices), so that every finding can be highlighted in the article's own words.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


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
    file name that is not UTF-8) replaced by U+FFFD, since no UTF-8 output can hold them; and
    ``stated_language_differs``: the input states a language (``Article.language`` keeps it)
    that its text does not read as (``detail`` names the one it reads as)."""

    kind: str
    count: int
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"kind": self.kind, "count": self.count}
        return shown | ({"detail": self.detail} if self.detail is not None else {})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReadWarning:
        detail = data.get("detail")
        return cls(str(data["kind"]), int(data["count"]), str(detail) if detail else None)


REPLACED_SURROGATES = "replaced_surrogates"
# The input states one language and the text reads as another: the stated one is used.
LANGUAGE_DIFFERS = "stated_language_differs"


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
    # The language the input states (an HTML page's ``lang``, a record's ``language``).
    language: str | None = None


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
    # The language the caller knows the article is in (an ISO 639-1 code), used as stated.
    language: str | None = None


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


def article_id(text: str) -> str:
    """Content hash of the cleaned text: the same article read twice gets the same id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """A cleaned article: the body text and what was learned about it while cleaning.

    ``id`` is always the hash of the text (``article_id``): it is what de-duplicates, so the
    same text read twice is one article and two texts are two, whatever ids their records
    give. A record's own id (a JSON Lines or table ``id``) is kept as ``source_id``, to join
    results back to the input. ``outlet_country`` and ``outlet_ownership`` are the outlet's
    profile in the outlet registry (None when the registry does not know the outlet).
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
    outlet_country: str | None = None
    outlet_ownership: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "source": self.source,
            "line": self.line,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "outlet_country": self.outlet_country,
            "outlet_ownership": self.outlet_ownership,
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
            outlet_country=data.get("outlet_country"),
            outlet_ownership=data.get("outlet_ownership"),
        )
