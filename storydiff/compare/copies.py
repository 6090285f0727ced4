"""Articles that carry one text: a wire story run by several outlets, syndication, light edits.

Two outlets printing the same agency copy do not agree with each other; they repeat one
source. A comparison keeps the first of them (the earliest published, else the first given)
as the origin and counts the others once, through it. Texts are compared by their five-word
sequences (shingles); one is a copy of another when most of the shorter text's sequences are
in the longer, so a copy with a lead of its own or cut short is still found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydiff.model import Analysis, Copy

SHINGLE_WORDS = 5
# Share of the shorter text's five-word sequences found in the longer one. Independent
# reports of one event share names and phrases but rarely a third of their sequences; wire
# copies with a new lead or a cut ending keep most of theirs.
COPY_CONTAINMENT = 0.6
# Below this many sequences (about 25 words) a text is a line or two, and two outlets may
# share it without one copying the other.
MIN_SHINGLES = 20
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The text's runs of ``size`` consecutive words, lower-cased; a shorter text is one run."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[k : k + size]) for k in range(len(words) - size + 1)}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def find_copies(analyses: Sequence[Analysis]) -> list[Copy]:
    """Each article that is a copy of an earlier origin, with how much of it they share."""
    order = sorted(
        range(len(analyses)),
        key=lambda k: (
            analyses[k].article.published is None,
            analyses[k].article.published or "",
            k,
        ),
    )
    texts = {k: shingles(analyses[k].article.text) for k in order}
    origins: list[int] = []
    found = []
    for k in order:
        best = max(((containment(texts[k], texts[o]), o) for o in origins), default=(0.0, None))
        if (
            best[1] is not None
            and best[0] >= COPY_CONTAINMENT
            and min(len(texts[k]), len(texts[best[1]])) >= MIN_SHINGLES
        ):
            found.append(Copy(analyses[k].article.id, analyses[best[1]].article.id, best[0]))
        else:
            origins.append(k)
    return found
