"""Deciding, line by line, what is article body and what is page furniture.

The decision runs in passes, from the surest evidence to the weakest:

1. explicit patterns (a ``READ MORE:`` teaser, an ``Image:`` caption, a copyright credit, a
   comment-section footer, a line in another script, a line naming the site);
2. repetition (a caption printed twice, once with a prefix or a credit glued to it), in
   ``repetition.py``;
3. position and neighbours (lines above the title are masthead; the short lines under a list
   header such as "You may also like" are its teasers; the line above a bare credit is its
   caption; short lines after the last paragraph are footer);
4. context (a short line without a full stop is a heading when it stands alone between
   paragraphs, a teaser or promo when it sits in a block with captions).

The wording each pass looks for is the page's language's (``lexicon``); the shapes and
thresholds are language-free (``patterns``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from storydiff.clean import patterns as p
from storydiff.clean.lexicon import lexicon_for
from storydiff.clean.lines import Line, in_other_script, one_line_blocks, sentences
from storydiff.clean.outlets import find_outlet_name

_KICKER = re.compile(p.KICKER)
_SITE_NAME_LINE = re.compile(p.SITE_NAME_LINE)
_QUOTED = re.compile(r"[\"“«„][^\"”»“]*[\"”»“]")
_TAG_ROW = re.compile(r"[^\W\d_]+(?:[\s-]+[^\W\d_]+)*")

BODY, HEADING, TITLE, FURNITURE = "body", "heading", "title", "furniture"
# Bylines and time stamps are short; a longer line that starts like one is a sentence.
_BYLINE_MAX_WORDS = 14


@dataclass(frozen=True)
class Wording:
    """A page's furniture lexicon (``lexicon.lexicon_for`` its language), compiled so that
    each kind is one regular expression scanned once per line."""

    caption: re.Pattern[str]
    caption_credit: re.Pattern[str]
    caption_cue: re.Pattern[str]
    credit: re.Pattern[str]
    credit_hint: re.Pattern[str]
    trailing_credit: re.Pattern[str]
    teaser: re.Pattern[str]
    teaser_header: re.Pattern[str]
    navigation: re.Pattern[str]
    metadata: re.Pattern[str]
    promo: re.Pattern[str]
    promo_label: re.Pattern[str]
    reader: re.Pattern[str]
    byline_bio: re.Pattern[str]
    byline: re.Pattern[str]
    footer_label: re.Pattern[str]
    footer: re.Pattern[str]


# Each compiled kind: the lexicon's list it is made of, and where in a line it must match.
_KINDS = {
    "caption": ("caption_labels", "prefix"),
    "caption_credit": ("caption_credits", "search"),
    "caption_cue": ("caption_cues", "search"),
    "credit": ("credit_labels", "prefix"),
    "credit_hint": ("credit_hints", "prefix"),
    "trailing_credit": ("trailing_credits", "line"),
    "teaser": ("teaser_labels", "prefix"),
    "teaser_header": ("teaser_headers", "line"),
    "navigation": ("navigation_lines", "line"),
    "metadata": ("metadata_labels", "prefix"),
    "promo": ("promo_patterns", "search"),
    "promo_label": ("promo_labels", "search"),
    "reader": ("reader_address", "search"),
    "byline_bio": ("byline_bios", "search"),
    "byline": ("bylines", "prefix"),
    "footer_label": ("footer_labels", "search"),
    "footer": ("footer_patterns", "search"),
}


@lru_cache(maxsize=16)
def wording_for(language: str | None) -> Wording:
    lexicon = lexicon_for(language)
    return Wording(
        **{
            kind: p.compile_all(getattr(lexicon, field), match=match)
            for kind, (field, match) in _KINDS.items()
        }
    )


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


def site_name_of(text: str) -> str | None:
    """The name on a masthead-shaped line ("- Outlet", "Outlet |"), if the line is one."""
    match = _SITE_NAME_LINE.match(text)
    if match is None:
        return None
    return (match.group("name") or match.group("name2") or "").strip() or None


def is_site_name_line(line: Line, site_names: set[str]) -> bool:
    return line.stripped in site_names or site_name_of(line.stripped) in site_names


def speaks_to_reader(text: str, words: Wording) -> bool:
    """A promo addresses the reader; a quoted speaker saying "you" does not make one."""
    return bool(words.reader.search(_QUOTED.sub(" ", text)))


def by_pattern(
    line: Line, site_names: set[str], main_script: str, words: Wording
) -> Verdict | None:
    """Pass 1: the evidence a line carries by itself. Labels decide whatever follows them;
    hints only decide for lines that do not read as prose. A long line is judged by its
    sentences instead (see ``glued``)."""
    text = line.stripped
    if in_other_script(line, main_script):
        return furniture("other-language")
    if line.long:
        return None
    if words.teaser.match(text):
        return furniture("teaser")
    if words.caption.match(text) or (
        (words.caption_credit.search(text) or words.caption_cue.search(text))
        and line.words <= p.CAPTION_MAX_WORDS
    ):
        return furniture("caption")
    if words.credit.match(text) or words.trailing_credit.match(text):
        return furniture("credit")
    suffix = line.suffix
    if suffix and suffix in site_names and not line.ends_like_sentence:
        return furniture("caption")
    if is_site_name_line(line, site_names):
        return furniture("navigation")
    if line.words <= _BYLINE_MAX_WORDS and words.metadata.match(text):
        return furniture("metadata")
    if line.words <= _BYLINE_MAX_WORDS and words.byline.match(text):
        return furniture("byline")
    if words.footer_label.search(text):
        return furniture("footer")
    if words.promo_label.search(text):
        return furniture("promo")
    if (
        words.byline_bio.search(text)
        and line.words <= p.BIO_MAX_WORDS
        and names_a_site(text, site_names)
    ):
        return furniture("footer")
    if _shouted_headline(line):
        return furniture("promo" if words.promo.search(text) else "teaser")
    if line.reads_as_prose and not speaks_to_reader(text, words):
        return None
    if _KICKER.match(text):
        return furniture("teaser")
    if words.credit_hint.match(text):
        return furniture("credit")
    if words.navigation.match(text) or words.teaser_header.match(text):
        return furniture("navigation")
    if words.footer.search(text):
        return furniture("footer")
    if words.promo.search(text):
        return furniture("promo")
    if (
        not line.ends_like_sentence
        and line.words <= p.HEADING_MAX_WORDS
        and names_a_site(text, site_names)
    ):
        return furniture("promo")
    return None


def teaser_lists(lines: list[Line], verdicts: dict[int, Verdict], words: Wording) -> None:
    """Pass 3a: the short lines under a list's header ("You may also like", "Related
    stories") are its teasers, across blank lines, questions too ("Who will make the Hall of
    Fame?"), when the list runs to more furniture or to the page's end. A longer line or one
    that ends with a full stop is body: the header was a heading of the article."""
    text_lines = [line for line in lines if not line.blank]
    for index, header in enumerate(text_lines):
        verdict = verdicts.get(header.number)
        if (
            verdict is None
            or verdict.role != FURNITURE
            or not words.teaser_header.match(header.stripped)
        ):
            continue
        teasers: list[int] = []
        for line in text_lines[index + 1 :]:
            found = verdicts.get(line.number)
            if found is not None and found.role == FURNITURE:
                break
            if line.words > p.HEADING_MAX_WORDS or _ends_with_full_stop(line) or found is not None:
                teasers = []
                break
            teasers.append(line.number)
        verdicts.update((number, furniture("teaser")) for number in teasers)


def _ends_with_full_stop(line: Line) -> bool:
    return line.stripped.rstrip("\"”’'»)")[-1:] == "."


def _shouted_headline(line: Line) -> bool:
    """A headline of many words in capitals inside a page is a link to another article, in
    the style of sites that set their inline teasers in capitals; a crosshead in capitals is a
    few words ("WHAT YOU NEED"), and a sentence ends with a full stop."""
    text = line.stripped
    return (
        p.SHOUTED_HEADLINE_MIN_WORDS <= line.words <= p.HEADING_MAX_WORDS
        and text.isupper()
        and text.rstrip("\"”’'»")[-1:] not in ".!?"
    )


def captions_above_credits(lines: list[Line], verdicts: dict[int, Verdict], words: Wording) -> None:
    """Pass 3c: the line above a bare credit ("Jane Roe | Agency", "(Example Co.)") is the
    caption it credits, even when it reads as a sentence, across the blank line on a page that
    sets every line apart. Only bare credits: a labelled one ("Image copyright ...") stands
    above its picture's caption, under the paragraph before it."""
    text_lines = [line for line in lines if not line.blank]
    apart = one_line_blocks(text_lines)
    for above, credit in itertools.pairwise(text_lines):
        verdict = verdicts.get(credit.number)
        if (
            verdict is not None
            and verdict.reason == "credit"
            and words.trailing_credit.match(credit.stripped)
            and above.number not in verdicts
            and not above.long
            and (apart or not credit.first_in_block)
        ):
            verdicts[above.number] = furniture("caption")


def by_context(line: Line, before: Verdict | None, after: Verdict | None) -> Verdict:
    """Pass 4: a line with no pattern of its own is judged by how it reads and what is near it.

    A short line without a full stop beside furniture in the same block is furniture too: the
    caption under an "Image caption," label, the headline of a teaser under its picture. Alone
    between blank lines it is a heading when it is short or in title case; otherwise it is
    prose that lost its full stop, and prose is kept.
    """
    if line.reads_as_prose:
        return Verdict(BODY)
    if before is not None and before.role == FURNITURE:
        return furniture("caption" if before.reason in {"caption", "credit"} else "teaser")
    if after is not None and after.role == FURNITURE:
        return furniture("teaser")
    if line.alone and (line.words <= p.HEADING_ANY_CASE_WORDS or _title_case(line)):
        return Verdict(HEADING)
    return Verdict(BODY)


def _title_case(line: Line) -> bool:
    words = [w for w in line.stripped.split() if w.lower() not in p.TITLE_CASE_SMALL_WORDS]
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return line.words <= p.HEADING_MAX_WORDS and bool(words) and capitalised / len(words) >= 0.75


def trailing_footer(lines: list[Line], verdicts: dict[int, Verdict], words: Wording) -> None:
    """Pass 3b: very short lines after the last paragraph ("Devon", "Reuse this content") are
    the page's end matter, and so are a row of tags there ("recipes fruit jam sponsored": a
    line of words with no capital and no punctuation, which no sentence or headline is) and
    the writer's one-sentence bio ("Jane Roe is a reporter based in Berlin."), which inside
    the body would be news about a reporter; a longer line without a full stop is kept as the
    body's last words."""
    for line in reversed(lines):
        if line.blank:
            continue
        verdict = verdicts.get(line.number)
        if verdict and verdict.role == FURNITURE:
            continue
        if _tag_row(line):
            verdicts[line.number] = furniture("metadata")
            continue
        if _bio(line, words):
            verdicts[line.number] = furniture("footer")
            continue
        if line.reads_as_prose or line.words > p.FOOTER_MAX_WORDS:
            return
        verdicts[line.number] = furniture("footer")


def _bio(line: Line, words: Wording) -> bool:
    """One sentence that says what its subject, a name and nothing else, does for a living as a
    writer: "Jane Roe is a reporter …". A subject in other words ("The man killed in the
    strike is a photographer.") is news about someone, the body's last sentence."""
    if line.words > p.BIO_MAX_WORDS or len(sentences(line.stripped)) != 1:
        return False
    found = words.byline_bio.search(line.stripped)
    return found is not None and _is_name(line.stripped[: found.start()])


def _is_name(text: str) -> bool:
    """Two to five capitalised words: a person's name as a bio opens with it."""
    parts = text.split()
    return 2 <= len(parts) <= 5 and all(part[:1].isupper() for part in parts)


def _tag_row(line: Line) -> bool:
    """Several words in lower case with nothing between them but spaces and hyphens: the tags
    a blog template lists under a post."""
    text = line.stripped
    return (
        p.TAG_ROW_MIN_WORDS <= line.words <= p.HEADING_MAX_WORDS
        and text == text.lower()
        and _TAG_ROW.fullmatch(text) is not None
    )
