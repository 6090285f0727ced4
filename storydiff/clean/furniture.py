"""Deciding, line by line, what is article body and what is page furniture.

The decision runs in passes, from the surest evidence to the weakest:

1. explicit patterns (a ``READ MORE:`` teaser, an ``Image:`` caption, a copyright credit, a
   comment-section footer, a line in another script, a line naming the site);
2. repetition (a caption printed twice, once with a prefix or a credit glued to it);
3. position (lines above the title are masthead; short lines after the last paragraph are
   footer);
4. context (a short line without a full stop is a heading when it stands alone between
   paragraphs, a teaser or promo when it sits in a block with captions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydiff.clean import patterns as p
from storydiff.clean.lines import Line, in_other_script, site_suffix
from storydiff.clean.outlets import find_outlet_name

_CAPTION = p.compile_all(p.CAPTION_PREFIXES, match="prefix")
_CREDIT = p.compile_all(p.CREDIT_PREFIXES, match="prefix")
_TEASER = p.compile_all(p.TEASER_PREFIXES, match="prefix")
_NAVIGATION = p.compile_all(p.NAVIGATION_LINES, match="line")
_PROMO = p.compile_all(p.PROMO_PATTERNS)
_FOOTER = p.compile_all(p.FOOTER_PATTERNS)
_SITE_NAME_LINE = re.compile(p.SITE_NAME_LINE)
_ADDRESSES_READER = re.compile(p.ADDRESSES_READER, re.IGNORECASE)

BODY, HEADING, TITLE, FURNITURE = "body", "heading", "title", "furniture"


@dataclass(frozen=True)
class Verdict:
    """What a line is, and for furniture, why it was removed."""

    role: str
    reason: str | None = None


def furniture(reason: str) -> Verdict:
    return Verdict(FURNITURE, reason)


def names_a_site(text: str, site_names: set[str]) -> bool:
    """The line names this page's site or any registered outlet: furniture promotes its site."""
    return find_outlet_name(text, site_names) is not None


def is_site_name_line(line: Line, site_names: set[str]) -> bool:
    match = _SITE_NAME_LINE.match(line.stripped)
    if match:
        name = (match.group("name") or match.group("name2") or "").strip()
        if name in site_names or (len(name.split()) <= 4 and name[:1].isupper()):
            return True
    return line.stripped in site_names


def by_pattern(line: Line, site_names: set[str], main_script: str) -> Verdict | None:
    """Pass 1: the evidence a line carries by itself."""
    text = line.stripped
    if in_other_script(line, main_script):
        return furniture("other-language")
    if _TEASER.match(text):
        return furniture("teaser")
    if _CAPTION.match(text):
        return furniture("caption")
    if _CREDIT.match(text):
        return furniture("credit")
    suffix = site_suffix(text)
    if suffix and suffix in site_names and not line.ends_like_sentence:
        return furniture("caption")
    if is_site_name_line(line, site_names):
        return furniture("navigation")
    if _NAVIGATION.match(text):
        return furniture("navigation")
    if line.reads_as_prose and not _ADDRESSES_READER.search(text):
        return None
    if _FOOTER.search(text):
        return furniture("footer")
    if _PROMO.search(text):
        return furniture("promo")
    if (
        not line.ends_like_sentence
        and line.words <= p.HEADING_MAX_WORDS
        and names_a_site(text, site_names)
    ):
        return furniture("promo")
    return None


def by_repetition(lines: list[Line], site_names: set[str]) -> dict[int, Verdict]:
    """Pass 2: a caption printed twice, once bare and once with a prefix or credit glued on.

    Only lines that do not read as prose count: a body sentence quoted again in a pull quote
    stays where it first appears.
    """

    def core(line: Line) -> str:
        suffix = site_suffix(line.stripped)
        text = line.stripped
        if suffix and suffix in site_names:
            text = text[: text.rfind(suffix)].rstrip(" -–—|")
        return text

    candidates = [line for line in lines if not line.blank and line.words >= 3]
    verdicts: dict[int, Verdict] = {}
    cores = {line.number: core(line) for line in candidates}
    for line in candidates:
        for other in candidates:
            if other.number == line.number:
                continue
            mine, theirs = cores[line.number], cores[other.number]
            if len(theirs.split()) < 3 or not mine.endswith(theirs):
                continue
            if mine == theirs:
                if not (line.reads_as_prose and line.words >= p.PROSE_MIN_WORDS):
                    verdicts[line.number] = furniture("caption")
                    verdicts[other.number] = furniture("caption")
                continue
            prefix = mine[: len(mine) - len(theirs)]
            verdicts[line.number] = furniture("credit" if _CREDIT.match(prefix) else "caption")
            verdicts.setdefault(other.number, furniture("caption"))
    return verdicts


def by_context(line: Line, neighbours: list[Verdict | None]) -> Verdict:
    """Pass 4: a line with no pattern of its own is judged by how it reads and what is near it."""
    if line.reads_as_prose:
        return Verdict(BODY)
    beside_furniture = any(v is not None and v.role == FURNITURE for v in neighbours)
    if beside_furniture:
        return furniture("teaser")
    if line.alone and line.words <= p.HEADING_MAX_WORDS:
        return Verdict(HEADING)
    return Verdict(BODY)


def trailing_footer(lines: list[Line], verdicts: dict[int, Verdict]) -> None:
    """Pass 3b: short lines after the last paragraph of prose are the page's end matter."""
    for line in reversed(lines):
        if line.blank:
            continue
        verdict = verdicts.get(line.number)
        if verdict and verdict.role == FURNITURE:
            continue
        if line.reads_as_prose:
            return
        verdicts[line.number] = furniture("footer")
