"""What the HTML and Markdown reports share, so the two always tell the same story.

Everything here returns plain, unescaped strings and numbers; each renderer escapes for its own
format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storydiff.compare.summary import join
from storydiff.model import EVIDENCE_FLAGS, Article, Comparison, Point, Quote, Span

UNNAMED_SPEAKER = "Unnamed speaker"
POINT_KINDS = ("agree", "framing", "conflict", "related")


# A record inside a file: a WARC response (``crawl.warc.gz#https://…``, ``#<urn:…>``) or a
# feed entry (``feed.xml#3``).
_RECORD = re.compile(r"#(\d+|<urn:.*|[A-Za-z][A-Za-z0-9+.-]*://.*)\Z", re.DOTALL)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def shareable_source(source: str) -> str:
    """How a report names an input: a URL as it is, a file by its name alone.

    A report is sent to colleagues and published; the directories of the machine that wrote it
    (``/home/alice/leaks/…``) are none of the reader's business, and a name is what the reader
    needs to find the file among those they were sent.
    """
    if _URL.match(source):
        return source
    record = _RECORD.search(source)
    path, rest = (source[: record.start()], record.group()) if record else (source, "")
    return re.split(r"[\\/]", path.rstrip("/\\"))[-1] + rest


def shareable(comparison: Comparison) -> Comparison:
    """The comparison with every article's ``source`` as ``shareable_source`` gives it: what
    every rendering of a report (HTML, Markdown, JSON) shows."""
    articles = tuple(
        replace(a, article=replace(a.article, source=shareable_source(a.article.source)))
        for a in comparison.articles
    )
    return replace(comparison, articles=articles)


def article_positions(comparison: Comparison) -> dict[str, int]:
    """Article id to position; points and lists refer to articles by id, columns by position.

    The same article given twice has one id; the first position wins.
    """
    positions: dict[str, int] = {}
    for index, analysis in enumerate(comparison.articles):
        positions.setdefault(analysis.article.id, index)
    return positions


def span_text(article: Article, span: Span) -> str:
    """The span's own text, or the article's words at its offsets when the span has none."""
    return span.text or article.text[max(span.start, 0) : max(span.end, 0)]


def quote_text(article: Article, quote: Quote) -> str:
    """All pieces of a quote, so a quote split around its cue reads as one."""
    if quote.pieces:
        return " … ".join(span_text(article, p) for p in quote.pieces)
    return span_text(article, quote.content)


def speaker_name(quote: Quote) -> str:
    name = quote.speaker.described
    return name if name and name.strip() else UNNAMED_SPEAKER


def point_kind(kind: str) -> str:
    """A known point kind, or ``other``, so that CSS classes come from a closed set."""
    return kind if kind in POINT_KINDS else "other"


# How a reader is told each of the model's EVIDENCE_FLAGS (every flag needs its words here).
EVIDENCE_WORDING = {
    "shared_run": "the same words in a row",
    "same_speaker": "the same speaker",
    "same_agent": "the same actor acting",
    "figures_agree": "the same figures",
    "figures_differ": "figures that disagree",
    "figures_unmatched": "different figures",
    "dates_agree": "the same date",
    "dates_differ": "different dates",
    "negation_differs": "one negates what the other states",
}


def evidence_line(point: Point) -> str:
    """Why the statements were matched, in a line a reader can check: the calibrated
    confidence, then what they share and where they differ."""
    evidence = point.evidence
    parts = [f"confidence {point.score:.2f}"]
    if evidence.shared_actors:
        parts.append("actors: " + ", ".join(evidence.shared_actors))
    if evidence.shared_predicates:
        parts.append("verbs: " + ", ".join(evidence.shared_predicates))
    if evidence.shared_words:
        parts.append("words: " + ", ".join(evidence.shared_words))
    parts += [EVIDENCE_WORDING[flag] for flag in EVIDENCE_FLAGS if getattr(evidence, flag)]
    parts.append(f"word similarity {evidence.similarity:.2f}")
    return " · ".join(parts)


@dataclass(frozen=True)
class SpeakerRow:
    """One speaker's quote counts, one per article, in article order, and how many of each
    are in the article's headline."""

    speaker: str
    counts: tuple[int, ...]
    headline: tuple[int, ...] = ()

    def cell(self, index: int) -> str:
        """An article's count as a table shows it: "3", or "3 (1 in the headline)"."""
        count = str(self.counts[index])
        in_headline = self.headline[index] if index < len(self.headline) else 0
        return f"{count} ({in_headline} in the headline)" if in_headline else count

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def only_one(self) -> bool:
        """Quoted by exactly one of several outlets: the sourcing difference a reader wants."""
        return len(self.counts) > 1 and sum(1 for c in self.counts if c > 0) == 1

    @property
    def only_index(self) -> int | None:
        if not self.only_one:
            return None
        return next(i for i, c in enumerate(self.counts) if c > 0)


def speaker_rows(comparison: Comparison) -> list[SpeakerRow]:
    """Who each outlet quotes, most-quoted speakers first."""
    width = len(comparison.articles)
    counts: dict[str, list[int]] = {}
    in_headline: dict[str, list[int]] = {}
    spellings: dict[str, set[str]] = {}
    for index, analysis in enumerate(comparison.articles):
        for source in comparison.sources.get(analysis.article.id, ()):
            spoken = " ".join((source.speaker or "").split()) or UNNAMED_SPEAKER
            # One row per actor across outlets: "Bashar Assad" in one is "Bashar al Assad"
            # in the other, and "the Kremlin" speaks for Russia.
            name = source.actor or spoken
            counts.setdefault(name, [0] * width)[index] += source.quotes
            in_headline.setdefault(name, [0] * width)[index] += source.headline
            spellings.setdefault(name, set()).add(spoken)
    rows = [
        SpeakerRow(_with_spellings(name, spellings[name]), tuple(c), tuple(in_headline[name]))
        for name, c in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.total, r.speaker.casefold(), r.speaker))


def _with_spellings(name: str, spoken: set[str]) -> str:
    others = sorted(spoken - {name})
    return f"{name} (as {join(others)})" if others else name


VOICE_LABELS = {"own": "own", "attributed": "attributed", "scare_quoted": "scare-quoted"}


@dataclass(frozen=True)
class FramingTerm:
    text: str
    voice: str
    voice_label: str
    count: int
    # Of the uses counted, how many are in the article's headline.
    headline: int = 0


@dataclass(frozen=True)
class FramingRow:
    """One actor and, per article in order, the terms that article uses for it."""

    actor: str
    contested: bool
    cells: list[list[FramingTerm]]


def framing_rows(comparison: Comparison) -> list[FramingRow]:
    order = [a.article.id for a in comparison.articles]
    rows = []
    for row in comparison.framing:
        cells = [
            [
                FramingTerm(
                    t.text, t.voice, VOICE_LABELS.get(t.voice, t.voice), t.count, t.headline
                )
                for t in row.labels.get(article_id, ())
            ]
            for article_id in order
        ]
        rows.append(FramingRow(row.actor, row.contested, cells))
    return rows


@dataclass(frozen=True)
class FigureValue:
    """A figure as the table shows it, and whether it is the headline's."""

    text: str
    headline: bool = False

    @property
    def shown(self) -> str:
        """The figure as plain text shows it: "300", or "300 (in the headline)"."""
        return f"{self.text} (in the headline)" if self.headline else self.text


@dataclass(frozen=True)
class NumbersRow:
    """What is counted and, per article in order, the figures it gives."""

    counts: str
    conflict: bool
    cells: list[list[FigureValue]]


def numbers_rows(comparison: Comparison) -> list[NumbersRow]:
    """The figures table: rows where two or more articles give a figure come first, since
    comparing them is what the table is for; otherwise in the comparison's order."""
    order = [a.article.id for a in comparison.articles]
    rows = [
        NumbersRow(
            row.counts,
            row.conflict,
            [
                [
                    FigureValue(text, row.in_headline(article_id, number))
                    for number, text in enumerate(row.values.get(article_id, ()))
                ]
                for article_id in order
            ],
        )
        for row in comparison.numbers
    ]
    return sorted(rows, key=lambda row: sum(1 for cell in row.cells if cell) < 2)
