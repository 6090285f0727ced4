"""Finding the stretches of text inside quotation marks, in every style news text uses.

Quotation marks are found on the characters before any parsing: they are the surest evidence of
direct speech, and a parser's sentence boundaries often cut through them. Straight single
quotes double as apostrophes ("don't", "the rebels' stronghold"), so a single quote only opens
at the start of a word and only closes at the end of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from storydiff.model import paragraph_ranges
from storydiff.nlp.doctext import doc_text
from storydiff.nlp.intervals import Intervals

# Opening mark -> the closing marks that may end it. Two apostrophes ('') and two backticks
# (``) stand for double quotation marks in some archives and wire feeds.
PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", '"'),
    '"': ('"', "”"),
    "«": ("»",),
    "„": ("“", "”", '"'),
    "‘": ("’", "'"),
    "'": ("'", "’"),
    "‹": ("›",),
    "''": ("''",),
    "``": ("''",),
}
_DOUBLED = ("''", "``")
PAIRS_OPENERS = "“\"«„‘'`‹"
_SINGLE = {"'", "‘"}
_KEY = "storydiff.quoted"
# Every character that can open or close a quote, the doubled forms first: the scan jumps from
# one to the next instead of stepping through every character.
_MARK_CHARS = sorted({*PAIRS, *(m for closers in PAIRS.values() for m in closers)} - {*_DOUBLED})
_MARK_RE = re.compile("|".join([*map(re.escape, _DOUBLED), f"[{re.escape(''.join(_MARK_CHARS))}]"]))


@dataclass(frozen=True)
class Quoted:
    """The inside of a pair of quotation marks (offsets exclude the marks).

    ``continues`` is true when the paragraph ended with the quote still open: by news
    convention the speaker goes on into the next paragraph that opens with a quotation mark.
    """

    start: int
    end: int
    continues: bool = False


def _opens(text: str, i: int, mark: str, para_start: int) -> bool:
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    before = text[i - 1] if i > para_start else " "
    if after.isspace():
        return False
    if mark in _SINGLE:
        return not before.isalnum() and (after.isalnum() or after in '"“')
    if mark in {'"', "''"}:
        return not before.isalnum()
    return True


def _closes(text: str, i: int, mark: str, opener: str) -> bool:
    if mark not in PAIRS[opener]:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isspace():
        return False
    if mark in {"'", "’", "''"}:
        return not after.isalnum()
    return True


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch, paragraph by paragraph, outermost quotes only."""
    found: list[Quoted] = []
    for para_start, para_end in paragraph_ranges(text):
        opener: str | None = None
        inside_from = 0
        for match in _MARK_RE.finditer(text, para_start, para_end):
            i, mark = match.start(), match.group()
            if opener is None:
                if mark in PAIRS and _opens(text, i, mark, para_start):
                    opener, inside_from = mark, i + len(mark)
            elif _closes(text, i, mark, opener):
                if i > inside_from:
                    found.append(Quoted(inside_from, i))
                opener = None
        if opener is not None and inside_from < para_end and opener not in _SINGLE:
            found.append(Quoted(inside_from, para_end, continues=True))
    return [q for q in found if not q.continues or _next_paragraph_opens_quote(text, q.end)]


def _next_paragraph_opens_quote(text: str, end: int) -> bool:
    """A quote left open at a paragraph's end is the news convention for a quote that goes on
    only when the next paragraph opens with a quotation mark; otherwise the closing mark is
    simply missing, and the stretch is not taken for a quote at all."""
    following = text[end:].lstrip()
    return bool(following) and following[0] in PAIRS_OPENERS


def quoted_in(doc: Doc) -> Intervals[Quoted]:
    """``find_quoted`` on a spaCy ``Doc``, computed once and shared by the components."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = Intervals(find_quoted(doc_text(doc)))
    return found
