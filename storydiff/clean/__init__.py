"""From a read document to a clean article: body text, title, outlet, date, removed furniture.

Plain-text scrapes and trafilatura's output from HTML both go through here: trafilatura keeps
captions, credits and teasers that sit inside the article region, so its text needs the same
treatment as a raw scrape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storydiff.clean.furniture import (
    BODY,
    FURNITURE,
    HEADING,
    TITLE,
    Verdict,
    by_context,
    by_pattern,
    captions_above_credits,
    furniture,
    teaser_lists,
    trailing_footer,
    wording_for,
)
from storydiff.clean.glued import Cut, trim
from storydiff.clean.language import detect_language, stated_or_detected
from storydiff.clean.lines import Line, dominant_script, fold, split_lines
from storydiff.clean.metadata import (
    find_published,
    find_title_line,
    outlets_named_in,
    parse_date,
    pick_outlet,
    site_name_cues,
)
from storydiff.clean.outlets import outlet_of
from storydiff.clean.repetition import by_repetition
from storydiff.errors import Code, InputError
from storydiff.model import Article, Document, RemovedLine, Span, article_id, where
from storydiff.model.article import LANGUAGE_DIFFERS, ReadWarning

__all__ = ["LineVerdicts", "clean", "classify_lines"]


@dataclass(frozen=True)
class LineVerdicts:
    """What the cleaner decided about a page: every line (long ones without the furniture cut
    off their ends), the verdict on each non-blank line by number, the pieces cut off long
    lines by line number, the outlet and the publication date (the document's own, else the
    one the page states)."""

    lines: list[Line]
    verdicts: dict[int, Verdict]
    cuts: dict[int, tuple[Cut, ...]]
    outlet: str | None
    published: str | None


def classify_lines(document: Document) -> LineVerdicts:
    """Judge every non-blank line, from the surest evidence to the weakest (see ``furniture``)."""
    lines = split_lines(document.text)
    cues = site_name_cues(lines, document.url, document.outlet)
    site_names = set(cues)
    main_script = dominant_script(document.text)
    words = wording_for(detect_language(document.text))

    def judge(line: Line) -> str | None:
        verdict = by_pattern(line, site_names, main_script, words)
        return verdict.reason if verdict else None

    lines, verdicts, cuts = _trim_long_lines(lines, judge)
    for line in lines:
        if line.blank or line.number in verdicts:
            continue
        if verdict := by_pattern(line, site_names, main_script, words):
            verdicts[line.number] = verdict
    for number, verdict in by_repetition(lines, site_names, words).items():
        verdicts.setdefault(number, verdict)

    title_line = _mark_title(lines, verdicts, document.title)
    _mark_masthead(lines, verdicts, title_line)
    published, published_line = (
        (document.published, None) if document.published else find_published(lines)
    )
    if published_line is not None:
        verdicts.setdefault(published_line.number, furniture("metadata"))
    published = published or _stamped_date(cuts)
    teaser_lists(lines, verdicts, words)
    captions_above_credits(lines, verdicts, words)
    trailing_footer(lines, verdicts, words)
    _mark_by_context(lines, verdicts)

    outlet = document.outlet or pick_outlet(cues + outlets_named_in(lines, verdicts))
    return LineVerdicts(lines, verdicts, cuts, outlet, published)


def _trim_long_lines(
    lines: list[Line], judge: Callable[[Line], str | None]
) -> tuple[list[Line], dict[int, Verdict], dict[int, tuple[Cut, ...]]]:
    """Long lines judged by their sentences: what is left once the furniture at the ends is
    cut off is body; a long line of furniture sentences only is furniture as a whole."""
    kept: list[Line] = []
    verdicts: dict[int, Verdict] = {}
    cuts: dict[int, tuple[Cut, ...]] = {}
    for line in lines:
        trimmed = trim(line, judge) if line.long else None
        if trimmed is None:
            kept.append(line)
        elif trimmed.line is None:
            kept.append(line)
            verdicts[line.number] = furniture(trimmed.cuts[0].reason)
        else:
            kept.append(trimmed.line)
            verdicts[line.number] = Verdict(BODY)
            cuts[line.number] = trimmed.cuts
    return kept, verdicts, cuts


def _stamped_date(cuts: dict[int, tuple[Cut, ...]]) -> str | None:
    """The date of a "Published ..." stamp cut off the start of a long line."""
    for number in sorted(cuts):
        for cut in cuts[number]:
            if cut.reason == "metadata" and (found := parse_date(cut.text)):
                return found
    return None


def _mark_title(lines: list[Line], verdicts: dict[int, Verdict], given: str | None) -> Line | None:
    if given:
        wanted = fold(given)
        title = next((line for line in lines if not line.blank and line.folded == wanted), None)
    else:
        title = find_title_line(lines, verdicts)
    if title is not None:
        verdicts[title.number] = Verdict(TITLE)
    return title


def _mark_masthead(lines: list[Line], verdicts: dict[int, Verdict], title: Line | None) -> None:
    """Everything above a detected title is the site's masthead: name, slogan, menu."""
    if title is None:
        return
    for line in lines[: title.number - 1]:
        if not line.blank and line.number not in verdicts:
            verdicts[line.number] = furniture("promo" if line.reads_as_prose else "navigation")


def _mark_by_context(lines: list[Line], verdicts: dict[int, Verdict]) -> None:
    """In text order, so that a caption's second line sees the verdict on its first."""
    for index, line in enumerate(lines):
        if line.blank or line.number in verdicts:
            continue
        before = verdicts.get(lines[index - 1].number) if not line.first_in_block else None
        after = verdicts.get(lines[index + 1].number) if not line.last_in_block else None
        verdicts[line.number] = by_context(line, before, after)


def clean(document: Document) -> Article:
    """Remove page furniture, detect title, outlet and date, and build the article body.

    Raises ``InputError`` (E010) when nothing of the body is left.
    """
    judged = classify_lines(document)
    paragraphs: list[tuple[str, bool]] = []
    removed: list[RemovedLine] = []
    title = document.title
    previous_block = -1
    for line in judged.lines:
        verdict = judged.verdicts.get(line.number)
        if verdict is None:
            continue
        removed += [
            RemovedLine(c.text, c.reason, line.number) for c in judged.cuts.get(line.number, ())
        ]
        if verdict.role == TITLE:
            title = title or line.stripped
        elif verdict.role == FURNITURE:
            removed.append(RemovedLine(line.stripped, verdict.reason or "other", line.number))
        elif _continues_paragraph(paragraphs, line, previous_block, verdict):
            paragraphs[-1] = (f"{paragraphs[-1][0]} {line.stripped}", False)
        else:
            paragraphs.append((line.stripped, verdict.role == HEADING))
        if verdict.role in (BODY, HEADING):
            previous_block = line.block

    text, headings = _join(paragraphs)
    if not any(not is_heading for _, is_heading in paragraphs):
        raise InputError(where(document.source, document.line), Code.E010)
    profile = outlet_of(judged.outlet, document.url)
    language, reads_as = stated_or_detected(document.language, text)
    warnings = document.warnings
    if reads_as is not None:
        warnings += (ReadWarning(LANGUAGE_DIFFERS, 1, f"stated {language}, reads as {reads_as}"),)
    return Article(
        id=article_id(text),
        source=document.source,
        line=document.line,
        url=document.url,
        title=title,
        outlet=judged.outlet,
        published=judged.published,
        language=language,
        text=text,
        removed=tuple(removed),
        headings=tuple(headings),
        source_id=document.id,
        warnings=warnings,
        outlet_country=profile.country if profile else None,
        outlet_ownership=profile.ownership if profile else None,
    )


def _continues_paragraph(
    paragraphs: list[tuple[str, bool]], line: Line, previous_block: int, verdict: Verdict
) -> bool:
    """A hard-wrapped paragraph: the previous body line in the same block stopped mid-sentence."""
    if not paragraphs or verdict.role != BODY or line.block != previous_block:
        return False
    last_text, last_is_heading = paragraphs[-1]
    return not last_is_heading and last_text[-1] not in '.!?…"”’»:'


def _join(paragraphs: list[tuple[str, bool]]) -> tuple[str, list[Span]]:
    parts: list[str] = []
    headings: list[Span] = []
    offset = 0
    for text, is_heading in paragraphs:
        if parts:
            offset += 2
        if is_heading:
            headings.append(Span(offset, offset + len(text), text))
        parts.append(text)
        offset += len(text)
    return "\n\n".join(parts), headings
