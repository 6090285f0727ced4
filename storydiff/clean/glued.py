"""Site text glued to either end of a long paragraph, cut off sentence by sentence.

Data sets and exports often deliver an article as one line: the whole body in one paragraph,
with whatever the scraper caught before and after it ("Published June 4 2019 10:15 am ...",
"... Privacy Policy Cookie Policy", "... Jane Roe contributed to this report."). Judged as one
line, such an article matches a date-line or footer pattern and is dropped whole. A long line
is therefore judged by its sentences instead: a date or byline stamp at its start and
furniture sentences at either end are cut off, each with its reason, and the rest is body.
Furniture in the middle of a paragraph is not looked for: sites glue their text to the ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from storydiff.clean.lexicon import fragment
from storydiff.clean.lines import Line, sentences
from storydiff.clean.metadata import date_at

_STAMP_LABEL = re.compile(
    r"(?:published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s*", re.IGNORECASE
)
# A name, not a day or a month: "By Friday — the deadline" is news.
_NOT_A_DATE = (
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b)"
)
_NAME = rf"{_NOT_A_DATE}[A-Z][\w.'’-]*+(?:\s+[A-Z][\w.'’-]*+)?"
# A byline counts as a stamp only with a date or a separator after it: "By Sunday, ..." is news.
_BYLINE = re.compile(rf"\s*[Bb]y\s+{_NAME}(?:(?:\s*,\s*|\s+and\s+){_NAME})*\s*")
_SEPARATOR = re.compile(r"[|–—-]+\s*")
_WEEKDAY = re.compile(
    r"(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+", re.I
)
_TIME = re.compile(
    r",?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s+(?-i:[A-Z]{2,4})\b)?\s*",
    re.IGNORECASE,
)
_SECTIONS = re.compile(
    rf"(?:(?:{fragment('section_names')})\s+){{3,}}(?=(?-i:[A-Z]))", re.IGNORECASE
)


@dataclass(frozen=True)
class Cut:
    """A piece of a line that was cut off as furniture, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Trimmed:
    """A long line with the furniture at its ends cut off: ``line`` holds what is left, the
    body, or is None when every sentence of it was furniture."""

    line: Line | None
    cuts: tuple[Cut, ...]


Judge = Callable[[Line], str | None]


def leading_stamp(text: str) -> tuple[int, str]:
    """Where a stamp at the start of the text ends (0 when there is none), and what it is:
    a date or byline ("Published June 4 2019 10:15 am", "Posted on 4 June 2019 by Staff
    Writer", "By Jane Roe and John Doe June 4 2019") is metadata, a run of menu words ("Home
    News World") navigation."""
    if sections := _SECTIONS.match(text):
        return sections.end(), "navigation"
    label = _STAMP_LABEL.match(text)
    byline = None if label else _BYLINE.match(text)
    stamp = label or byline
    if stamp is None:
        return 0, ""
    at = stamp.end()
    if weekday := _WEEKDAY.match(text, at):
        at = weekday.end()
    end = date_at(text, at)
    if end is None:
        separator = _SEPARATOR.match(text, at) if byline else None
        return (separator.end(), "byline") if separator else (0, "")
    at = end
    if time := _TIME.match(text, at):
        at = time.end()
    if label and (by := _BYLINE.match(text, at)):
        at = by.end()
    while at < len(text) and text[at].isspace():
        at += 1
    return (at, "metadata") if at < len(text) else (0, "")


def trim(line: Line, judge: Judge) -> Trimmed | None:
    """The line without the furniture glued to its ends, or None when nothing is cut."""
    text = line.stripped
    cuts: list[Cut] = []
    stamp, kind = leading_stamp(text)
    if stamp:
        cuts.append(Cut(text[:stamp].strip(" ,|–—-"), kind))
        text = text[stamp:]
    parts = sentences(text)
    front: list[Cut] = []
    while parts and (reason := judge(_as_line(line, parts[0]))):
        front.append(Cut(parts.pop(0), reason))
    back: list[Cut] = []
    while parts and (reason := judge(_as_line(line, parts[-1]))):
        back.insert(0, Cut(parts.pop(), reason))
    cuts += front + back
    if not cuts:
        return None
    return Trimmed(replace(line, text=" ".join(parts)) if parts else None, tuple(cuts))


def _as_line(line: Line, text: str) -> Line:
    return Line(line.number, text, line.block, True, True)
