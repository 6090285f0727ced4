"""Finding the stretches of text inside quotation marks, in every style news text uses.

Quotation marks are found on the characters before any parsing: they are the surest evidence of
direct speech, and a parser's sentence boundaries often cut through them. Straight single
quotes double as apostrophes ("don't", "the rebels' stronghold"), so a single quote only opens
at the start of a word and only closes at the end of one.
"""

from __future__ import annotations

from dataclasses import dataclass

from storydiff.model import paragraph_ranges

# Opening mark -> the closing marks that may end it.
PAIRS: dict[str, str] = {
    "“": '”"',
    '"': '"”',
    "«": "»",
    "„": '“”"',
    "‘": "’'",
    "'": "'’",
    "‹": "›",
}
_SINGLE = {"'", "‘"}


@dataclass(frozen=True)
class Quoted:
    """The inside of a pair of quotation marks (offsets exclude the marks).

    ``continues`` is true when the paragraph ended with the quote still open: by news
    convention the speaker goes on into the next paragraph that opens with a quotation mark.
    """

    start: int
    end: int
    continues: bool = False


def _opens(text: str, i: int, para_start: int) -> bool:
    char = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > para_start else " "
    if after.isspace():
        return False
    if char in _SINGLE:
        return not before.isalnum() and (after.isalnum() or after in '"“')
    if char == '"':
        return not before.isalnum() or before in "([{"
    return True


def _closes(text: str, i: int, opener: str) -> bool:
    char = text[i]
    if char not in PAIRS[opener]:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if char in {"'", "’"}:
        return not after.isalnum()
    return True


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch, paragraph by paragraph, outermost quotes only."""
    found: list[Quoted] = []
    for para_start, para_end in paragraph_ranges(text):
        opener: str | None = None
        open_at = 0
        for i in range(para_start, para_end):
            char = text[i]
            if opener is None:
                if char in PAIRS and _opens(text, i, para_start):
                    opener, open_at = char, i
            elif _closes(text, i, opener):
                if i > open_at + 1:
                    found.append(Quoted(open_at + 1, i))
                opener = None
        if opener is not None and open_at + 1 < para_end and opener not in _SINGLE:
            found.append(Quoted(open_at + 1, para_end, continues=True))
    return found
