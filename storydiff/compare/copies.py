"""Articles that carry one text: a wire story run by several outlets, syndication, light edits.

Two outlets printing the same agency copy do not agree with each other; they repeat one
source. A comparison keeps the first of them (the earliest published, else the first given)
as the origin and counts the others once, through it. Texts are compared by their five-word
sequences (shingles); one is a copy of another when most of the shorter text's sequences are
in the longer, so a copy with a lead of its own or cut short is still found. How long a
sequence is, how much must be shared and the corpus-scale index are the settings of the
``copies`` section (``storydiff.config.CopySettings``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from datetime import date, timedelta

from storydiff.config import DEFAULTS, Config
from storydiff.model import Analysis, Copy

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = DEFAULTS.copies.shingle_words) -> set[str]:
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


def find_copies(analyses: Sequence[Analysis], config: Config = DEFAULTS) -> list[Copy]:
    """Each article that is a copy of an earlier origin, with how much of it they share."""
    settings = config.copies
    order = sorted(
        range(len(analyses)),
        key=lambda k: (
            analyses[k].article.published is None,
            analyses[k].article.published or "",
            k,
        ),
    )
    texts = {k: shingles(analyses[k].article.text, settings.shingle_words) for k in order}
    origins: list[int] = []
    found = []
    for k in order:
        best = max(((containment(texts[k], texts[o]), o) for o in origins), default=(0.0, None))
        if (
            best[1] is not None
            and best[0] >= settings.containment
            and min(len(texts[k]), len(texts[best[1]])) >= settings.min_shingles
        ):
            found.append(Copy(analyses[k].article.id, analyses[best[1]].article.id, best[0]))
        else:
            origins.append(k)
    return found


class CopyFinder:
    """Copies in a corpus too large to compare every pair: MinHash LSH over the five-word
    sequences proposes candidates, and an estimate of the same containment as ``find_copies``
    decides.

    Copies appear within days of their origin, so only articles published within the setting
    ``copies.window_days`` of the newest one stay indexed (undated articles: the last
    ``copies.undated_window`` of them); memory stays flat however long the corpus runs,
    provided articles come roughly in date order, as ``Store.outlines`` gives them.
    """

    def __init__(self, config: Config = DEFAULTS) -> None:
        from datasketch import MinHashLSH

        self._settings = settings = config.copies
        self._lsh = MinHashLSH(threshold=settings.lsh_jaccard, num_perm=settings.num_perm)
        self._window = settings.window_days
        self._undated_window = settings.undated_window
        self._kept: dict[str, tuple[object, int, str | None]] = {}
        self._order: deque[tuple[str | None, str]] = deque()
        self._undated: deque[tuple[str | None, str]] = deque()

    def add(self, article_id: str, text: str, published: str | None) -> Copy | None:
        """The copy this article is of an earlier one, or None for an origin."""
        from datasketch import MinHash

        settings = self._settings
        grams = shingles(text, settings.shingle_words)
        signature = MinHash(num_perm=settings.num_perm)
        signature.update_batch([g.encode() for g in grams])
        self._evict(published)
        # The best (share, origin) so far, its share compared unrounded (a Copy keeps it to
        # the JSON's 3 decimals).
        best: tuple[float, str] | None = None
        if len(grams) >= settings.min_shingles:
            for other in self._lsh.query(signature):
                other_signature, other_size, _ = self._kept[other]
                share = _estimated_containment(
                    signature.jaccard(other_signature), len(grams), other_size
                )
                if share >= settings.containment and (best is None or share > best[0]):
                    best = (share, other)
        if best is None and article_id not in self._kept:
            # Only origins are indexed: a copy of a copy is a copy of the first origin.
            self._lsh.insert(article_id, signature)
            self._kept[article_id] = (signature, len(grams), published)
            (self._order if published else self._undated).append((published, article_id))
            while len(self._undated) > self._undated_window:
                self._forget(self._undated.popleft()[1])
        return Copy(article_id, best[1], best[0]) if best else None

    def _evict(self, published: str | None) -> None:
        if published:
            horizon = _days_before(published, self._window)
            while self._order and self._order[0][0] and self._order[0][0] < horizon:
                self._forget(self._order.popleft()[1])

    def _forget(self, article_id: str) -> None:
        if self._kept.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def __len__(self) -> int:
        return len(self._kept)


def _estimated_containment(jaccard: float, size_a: int, size_b: int) -> float:
    """|A∩B| / min(|A|, |B|) from the Jaccard index and the set sizes:
    |A∩B| = J (|A| + |B|) / (1 + J)."""
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, shared / min(size_a, size_b)) if size_a and size_b else 0.0


def _days_before(published: str, days: int) -> str:
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return ""
    return (day - timedelta(days=days)).isoformat()
