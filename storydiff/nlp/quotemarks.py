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
# (``) stand for double quotation marks in some archives and wire feeds, and two right single
# quotes (’’) for a closing double mark in text that was typeset from them. A right double
# mark (”) opens a quotation too when it starts a word: some systems set it at both ends.
PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", '"', "’’"),
    '"': ('"', "”", "’’"),
    "”": ("”", '"'),
    "«": ("»",),
    "„": ("“", "”", '"'),
    "‘": ("’", "'"),
    "'": ("'", "’"),
    "‹": ("›",),
    "''": ("''",),
    "``": ("''", "’’"),
}
_DOUBLED = ("''", "``", "’’")
PAIRS_OPENERS = "“\"«„‘'`‹"
_SINGLE = {"'", "‘"}
# Double marks that may open a quotation as the last character of a paragraph.
_ENDS_PARAGRAPH = {'"', "“"}
_KEY = "storydiff.quoted"
# Every character that can open or close a quote, the doubled forms first: the scan jumps from
# one to the next instead of stepping through every character.
_MARK_CHARS = sorted({*PAIRS, *(m for closers in PAIRS.values() for m in closers)} - {*_DOUBLED})
_MARK_RE = re.compile("|".join([*map(re.escape, _DOUBLED), f"[{re.escape(''.join(_MARK_CHARS))}]"]))
# Guillemets are set off by a (narrow) no-break space in French typography, which reading
# turns into a plain one: "« Nous ne reculerons pas »".
_SPACED = {"«", "»", "‹", "›"}
# A paragraph that opens with a dash is a line of dialogue where the language writes dialogue
# so (French, Russian, Spanish: ``Lexicons.dash_dialogue``).
_DIALOGUE = re.compile(r"[—–―][ \t]+(?=\S)")


@dataclass(frozen=True)
class Quoted:
    """The inside of a pair of quotation marks (offsets exclude the marks).

    ``continues`` is true when the paragraph ended with the quote still open: by news
    convention the speaker goes on into the next paragraph that opens with a quotation mark.
    ``quotation`` is the start of the first stretch of a quotation whose marks open in one
    paragraph and close in a later one, with no mark in the paragraphs between (text whose
    sentences were split into paragraphs): each paragraph's part is a stretch of its own,
    and all of them are one speaker's.
    ``dialogue`` is true for a paragraph of dialogue opened by a dash, which has no closing
    mark: it runs to the paragraph's end, and an incise in it ends what is said.
    """

    start: int
    end: int
    continues: bool = False
    quotation: int | None = None
    dialogue: bool = False


# How many paragraphs a quotation left open may run over before its closing mark.
MAX_OPEN_PARAGRAPHS = 10


def _opens(text: str, i: int, mark: str, para_start: int, para_end: int) -> bool:
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    before = text[i - 1] if i > para_start else " "
    if after.isspace():
        if mark in _SPACED:
            return text[i + len(mark) : i + len(mark) + 2].strip() != ""
        # 'He wrote to Congress. "' with the words in the next paragraph: a text whose
        # sentences were made paragraphs, cut between a quotation's opening mark and its
        # first word.
        return mark in _ENDS_PARAGRAPH and before.isspace() and _last_in(text, i, para_end)
    if mark in _SINGLE:
        return not before.isalnum() and (after.isalnum() or after in '"“')
    if mark in {'"', "''"}:
        return not before.isalnum()
    if mark == "”":
        # Only at the start of a word after a space: "said,” he" closes, it does not open.
        return before.isspace() and after.isalnum()
    return True


def _closes(text: str, i: int, mark: str, opener: str) -> bool:
    if mark not in PAIRS[opener]:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isspace():
        return mark in _SPACED
    if mark in {"'", "’", "''", "’’"}:
        return not after.isalnum()
    return True


def find_quoted(text: str, dash_dialogue: bool = False) -> list[Quoted]:
    """Every quoted stretch, paragraph by paragraph, outermost quotes only; with
    ``dash_dialogue``, a paragraph opening with a dash is one stretch of dialogue."""
    paragraphs = paragraph_ranges(text)
    per_paragraph: list[list[Quoted]] = []
    left_open: dict[int, str] = {}  # paragraph index -> the opening mark still open at its end
    bare: set[int] = set()  # paragraphs whose open mark is their last character
    for index, (para_start, para_end) in enumerate(paragraphs):
        found: list[Quoted] = []
        per_paragraph.append(found)
        if dash_dialogue and (dash := _DIALOGUE.match(text, para_start, para_end)):
            found.append(Quoted(dash.end(), para_end, dialogue=True))
            continue
        opener: str | None = None
        inside_from = 0
        for match in _MARK_RE.finditer(text, para_start, para_end):
            i, mark = match.start(), match.group()
            if opener is None:
                if mark in PAIRS and _opens(text, i, mark, para_start, para_end):
                    opener, inside_from = mark, i + len(mark)
            elif _closes(text, i, mark, opener):
                # The space inside spaced guillemets is typography, not what was said.
                start, end = _inside(text, inside_from, i, opener)
                if end > start:
                    found.append(Quoted(start, end))
                opener = None
        if opener is not None and opener not in _SINGLE:
            if _last_in(text, inside_from - len(opener), para_end):
                bare.add(index)
            else:
                found.append(Quoted(inside_from, para_end, continues=True))
            left_open[index] = opener
    for index, opener in left_open.items():
        if index in bare:
            _close_later(text, paragraphs, per_paragraph, index, opener, stretch=False)
        elif not _next_paragraph_opens_quote(text, per_paragraph[index][-1].end):
            _close_later(text, paragraphs, per_paragraph, index, opener, stretch=True)
    return [
        q
        for found in per_paragraph
        for q in found
        if not q.continues or q.quotation is not None or _next_paragraph_opens_quote(text, q.end)
    ]


def _inside(text: str, start: int, end: int, opener: str) -> tuple[int, int]:
    if opener not in _SPACED:
        return start, end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _close_later(
    text: str,
    paragraphs: list[tuple[int, int]],
    per_paragraph: list[list[Quoted]],
    index: int,
    opener: str,
    stretch: bool,
) -> None:
    """A quotation open at the end of paragraph ``index`` whose next paragraph does not open
    with a mark: when a later paragraph's first mark closes it and the paragraphs between
    open no quotation, every paragraph up to that mark is inside it (as when a text's
    sentences were made paragraphs of their own); apostrophes do not count as marks.
    ``stretch``: paragraph ``index`` has words after the mark (its last found stretch),
    else the mark ends it and the quotation starts with the next paragraph. Otherwise
    nothing changes."""
    last = len(paragraphs) - 1
    for later in range(index + 1, min(index + 1 + MAX_OPEN_PARAGRAPHS, last + 1)):
        para_start, para_end = paragraphs[later]
        first = None
        for match in _MARK_RE.finditer(text, para_start, para_end):
            if _closes(text, match.start(), match.group(), opener):
                first = match
                break
            if match.group() in PAIRS and _opens(
                text, match.start(), match.group(), para_start, para_end
            ):
                return
        if first is None:
            continue
        if stretch:
            begin = per_paragraph[index][-1].start
            per_paragraph[index][-1] = Quoted(begin, paragraphs[index][1], True, begin)
        else:
            begin = paragraphs[index + 1][0]
        for between in range(index + 1, later):
            per_paragraph[between] = [Quoted(*paragraphs[between], True, begin)]
        closed = [q for q in per_paragraph[later] if q.start > first.end()]
        if first.start() > para_start:
            closed.insert(0, Quoted(para_start, first.start(), quotation=begin))
        per_paragraph[later] = closed
        return


def _last_in(text: str, i: int, para_end: int) -> bool:
    """Whether the mark at ``i`` is the last thing in its paragraph."""
    return not text[i + 1 : para_end].strip()


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
