"""The analysis of an article in a language storydiff has no pipeline for: only what needs no
knowledge of the language.

Without a parser and word lists, storydiff cannot tell who speaks, what a noun phrase names or
which word is a loaded label, and guessing with English rules would fill a report with
findings that are wrong. What the characters alone show is kept: the stretches inside
quotation marks (direct quotes, with no speaker), figures written in digits (no number words,
no unit, nothing counted) and the sentences, so that the article is stored, grouped into
stories and shown. ``Analysis.coverage`` says so (``REDUCED``), and every report shows it next
to the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storydiff.model import (
    Analysis,
    Article,
    Quantity,
    Quote,
    Span,
    Speaker,
    Statement,
    paragraph_ranges,
)
from storydiff.model.languages import REDUCED
from storydiff.nlp.quotemarks import find_quoted

# A quotation of fewer words is a term in quotation marks (a title, a scare quote), not speech.
MIN_QUOTE_WORDS = 3
# Digits with thousands grouped by a space, a narrow space, a comma or a point, and a decimal
# part; a percentage sign after them.
_FIGURE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:(?:[ \u202f\u00a0]|,|\.)\d{3})+|\d+)(?:[.,]\d{1,2}(?!\d))?"
    r"(?:\s?%)?(?![\w])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A sentence ends at a full stop, question or exclamation mark (with a closing quotation mark
# after it) before white space and the next sentence's first letter or mark.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’)]*\s+(?=[\"“«„‘(\-—–]?[^\W\d_])")
_WORD = re.compile(r"[^\W_]+")


def reduced_analysis(article: Article) -> Analysis:
    """Quotes by their marks, figures in digits, sentences; nothing else."""
    text = article.text
    quotes = tuple(
        Quote(speaker=Speaker(None), content=span, kind="direct", pieces=(span,))
        for q in find_quoted(text)
        if len(_WORD.findall(span_text := text[q.start : q.end])) >= MIN_QUOTE_WORDS
        for span in [Span(q.start, q.end, span_text)]
    )
    quantities = tuple(_figures(text))
    starts = [q.start for q in quantities]
    statements = tuple(
        Statement(
            start,
            end,
            text[start:end],
            quantities=tuple(k for k, s in enumerate(starts) if start <= s < end),
        )
        for start, end in _sentences(text)
    )
    return Analysis(
        article=article,
        quotes=quotes,
        quantities=quantities,
        statements=statements,
        coverage=REDUCED,
    )


def _figures(text: str) -> Iterator[Quantity]:
    for match in _FIGURE.finditer(text):
        written = match.group()
        if _YEAR.fullmatch(written):
            continue  # a year is a date, which needs the language to be read as one
        value = _value(written)
        unit = "percent" if written.endswith("%") else None
        yield Quantity(match.start(), match.end(), written, value=value, unit=unit)


def _value(written: str) -> int | float:
    """The figure's value: the group separators dropped, a last comma or point followed by one
    or two digits read as the decimal mark."""
    digits = written.rstrip("% ")
    decimal = re.search(r"[.,](\d{1,2})$", digits)
    whole = digits[: decimal.start()] if decimal else digits
    number = int(re.sub(r"\D", "", whole))
    return number + int(decimal.group(1)) / 10 ** len(decimal.group(1)) if decimal else number


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for start, end in paragraph_ranges(text):
        at = start
        for match in _SENTENCE_END.finditer(text, start, end):
            cut = match.start() + len(match.group().rstrip())
            yield at, cut
            at = match.end()
        if end > at:
            yield at, end
