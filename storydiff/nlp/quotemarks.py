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
from storydiff.nlp.lexicons import lexicons_for

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
# Guillemets are set off by a (narrow) no-break space in French typography, which reading
# turns into a plain one: "« Nous ne reculerons pas »".
_SPACED = {"«", "»", "‹", "›"}
# A paragraph that opens with a dash is a line of dialogue where the language writes dialogue
# so (French, Russian, Spanish: ``Lexicons.dash_dialogue``).
_DIALOGUE = re.compile(r"[—–―][ \t]+(?=\S)")
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
    ``dialogue`` is true for a paragraph of dialogue opened by a dash, which has no closing
    mark: it runs to the paragraph's end, and an incise in it ends what is said.
    """

    start: int
    end: int
    continues: bool = False
    dialogue: bool = False


def _opens(text: str, i: int, mark: str, para_start: int) -> bool:
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    before = text[i - 1] if i > para_start else " "
    if after.isspace():
        return mark in _SPACED and text[i + len(mark) : i + len(mark) + 2].strip() != ""
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
        return mark in _SPACED
    if mark in {"'", "’", "''"}:
        return not after.isalnum()
    return True


def find_quoted(text: str, dash_dialogue: bool = False) -> list[Quoted]:
    """Every quoted stretch, paragraph by paragraph, outermost quotes only; with
    ``dash_dialogue``, a paragraph opening with a dash is one stretch of dialogue."""
    found: list[Quoted] = []
    for para_start, para_end in paragraph_ranges(text):
        if dash_dialogue and (dash := _DIALOGUE.match(text, para_start, para_end)):
            found.append(Quoted(dash.end(), para_end, dialogue=True))
            continue
        opener: str | None = None
        inside_from = 0
        for match in _MARK_RE.finditer(text, para_start, para_end):
            i, mark = match.start(), match.group()
            if opener is None:
                if mark in PAIRS and _opens(text, i, mark, para_start):
                    opener, inside_from = mark, i + len(mark)
            elif _closes(text, i, mark, opener):
                # The space inside spaced guillemets is typography, not what was said.
                start, end = _inside(text, inside_from, i, opener)
                if end > start:
                    found.append(Quoted(start, end))
                opener = None
        if opener is not None and inside_from < para_end and opener not in _SINGLE:
            found.append(Quoted(inside_from, para_end, continues=True))
    return [q for q in found if not q.continues or _next_paragraph_opens_quote(text, q.end)]


def _inside(text: str, start: int, end: int, opener: str) -> tuple[int, int]:
    if opener not in _SPACED:
        return start, end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
        dialogue = lexicons_for(doc.lang_).dash_dialogue
        found = doc.user_data[_KEY] = Intervals(find_quoted(doc_text(doc), dialogue))
    return found
