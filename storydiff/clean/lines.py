"""The evidence about each line of a scraped page that the cleaner decides from.

A line is judged by general features — its length, how it ends, its script, whether the page
repeats it, what sits next to it — never by knowledge of a particular site's template.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from storydiff.clean import patterns as p

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_FOLD = re.compile(r"[\W_]+")
_SITE_SUFFIX = re.compile(p.SITE_SUFFIX)
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# A sentence ends at . ! ? or … (and any closing quote or bracket) and white space, when what
# follows is not a lower-case letter.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+")


@dataclass(frozen=True)
class Line:
    """One line of the page, with the features the classifier reads."""

    number: int
    text: str
    block: int
    first_in_block: bool
    last_in_block: bool

    @cached_property
    def stripped(self) -> str:
        return self.text.strip()

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.stripped))

    @cached_property
    def suffix(self) -> str | None:
        """The trailing " - Name" part, if any (see ``site_suffix``); three passes ask."""
        return site_suffix(self.stripped)

    @cached_property
    def folded(self) -> str:
        return fold(self.stripped)

    @property
    def blank(self) -> bool:
        return not self.stripped

    @property
    def alone(self) -> bool:
        """Set off by blank lines (or the page edge) on both sides."""
        return self.first_in_block and self.last_in_block

    @cached_property
    def ends_like_sentence(self) -> bool:
        return bool(self.stripped) and self.stripped[-1] in p.SENTENCE_END

    @cached_property
    def reads_as_prose(self) -> bool:
        """Ends like a sentence, or is long enough to be prose that lost its full stop."""
        if self.words >= p.PROSE_MIN_WORDS:
            return True
        return self.ends_like_sentence and self.words >= 4 and not self.stripped.endswith(":")

    @cached_property
    def long(self) -> bool:
        """A paragraph of several sentences, or a whole article on one line: judged by its
        sentences (see ``glued``), never as a whole by a pattern found somewhere in it."""
        if self.words >= p.LONG_LINE_WORDS:
            return True
        return (
            self.words >= p.LONG_PARAGRAPH_WORDS
            and self.reads_as_prose
            and len(sentences(self.stripped)) >= p.LONG_LINE_SENTENCES
        )


def sentences(text: str) -> list[str]:
    """The text cut after each sentence end; joined with single spaces they give it back."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() < len(text) and not text[match.end()].islower():
            parts.append(text[start : match.end()].strip())
            start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def fold(text: str) -> str:
    """Case- and punctuation-insensitive form, for spotting a line repeated elsewhere."""
    return " ".join(_FOLD.sub(" ", text.casefold()).split())


def split_lines(text: str) -> list[Line]:
    """Number the lines (1-based, as an editor shows them) and group them into blocks.

    A block is a run of non-blank lines: captions and teasers usually sit in a block with other
    furniture, while headings stand alone between blank lines.
    """
    raw = text.split("\n")
    lines: list[Line] = []
    block = 0
    for index, line_text in enumerate(raw):
        blank = not line_text.strip()
        previous_blank = index == 0 or not raw[index - 1].strip()
        next_blank = index == len(raw) - 1 or not raw[index + 1].strip()
        if not blank and previous_blank:
            block += 1
        lines.append(
            Line(index + 1, line_text, block if not blank else 0, previous_blank, next_blank)
        )
    return lines


def one_line_blocks(lines: list[Line]) -> bool:
    """Every block of the page is one line (give or take a few): a scraper that puts a blank
    line after every element, so the blank lines do not show what belongs together."""
    text_lines = [line for line in lines if not line.blank]
    alone = sum(line.alone for line in text_lines)
    return len(text_lines) >= 2 and alone >= p.ONE_LINE_BLOCKS_SHARE * len(text_lines)


@lru_cache(maxsize=8192)
def script_of(char: str) -> str:
    """The Unicode script of a letter, from its character name (LATIN, CYRILLIC, ARABIC, ...)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def letter_scripts(text: str) -> Counter[str]:
    """Letters counted by script. ASCII letters are Latin without a look-up, so only the other
    characters (few, on most pages) are named one by one."""
    counts: Counter[str] = Counter()
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    if latin:
        counts["LATIN"] = latin
    if not text.isascii():
        counts.update(script_of(c) for run in _NON_ASCII.findall(text) for c in run if c.isalpha())
    return counts


def dominant_script(text: str) -> str:
    counts = letter_scripts(text)
    return counts.most_common(1)[0][0] if counts else "LATIN"


def in_other_script(line: Line, main_script: str) -> bool:
    counts = letter_scripts(line.text)
    total = sum(counts.values())
    return total > 0 and (total - counts[main_script]) / total >= p.OTHER_SCRIPT_SHARE


def site_suffix(text: str) -> str | None:
    """The name after a trailing " - Name" or " | Name", if the line has one."""
    match = _SITE_SUFFIX.search(text)
    return match.group("name").strip() if match else None


def repeated_suffixes(lines: list[Line]) -> set[str]:
    """Trailing " - Name" parts that several lines share: the site stamps its name on them."""
    counts = Counter(s for line in lines if not line.blank and (s := line.suffix))
    return {name for name, count in counts.items() if count >= 2 and len(name.split()) <= 5}
