"""Articles that carry one text: a wire story run by several outlets, syndication, light edits.

Two outlets printing the same agency copy do not agree with each other; they repeat one
source. A comparison keeps the first of them (the earliest published, else the first given)
as the origin and counts the others once, through it. Texts are compared by their five-word
sequences (shingles); one is a copy of another when most of the shorter text's sequences are
in the longer, so a copy with a lead of its own or cut short is still found.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from datetime import date, timedelta

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
# Corpus scale: MinHash signatures of 64 permutations (an error of about 0.06 on a Jaccard
# estimate), and candidates from LSH at Jaccard 0.3, low enough to reach a copy whose origin
# is up to 1.7 times its length at the containment above.
NUM_PERM = 64
LSH_JACCARD = 0.3


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


class CopyFinder:
    """Copies in a corpus too large to compare every pair: MinHash LSH over the five-word
    sequences proposes candidates, and an estimate of the same containment as ``find_copies``
    decides.

    Copies appear within days of their origin, so only articles published within
    ``window_days`` of the newest one stay indexed (undated articles: the last
    ``undated_window`` of them); memory stays flat however long the corpus runs, provided
    articles come roughly in date order, as ``Store.outlines`` gives them.
    """

    def __init__(self, window_days: int = 3, undated_window: int = 5000) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=LSH_JACCARD, num_perm=NUM_PERM)
        self._window = window_days
        self._undated_window = undated_window
        self._kept: dict[str, tuple[object, int, str | None]] = {}
        self._order: deque[tuple[str | None, str]] = deque()
        self._undated: deque[tuple[str | None, str]] = deque()

    def add(self, article_id: str, text: str, published: str | None) -> Copy | None:
        """The copy this article is of an earlier one, or None for an origin."""
        from datasketch import MinHash

        grams = shingles(text)
        signature = MinHash(num_perm=NUM_PERM)
        signature.update_batch([g.encode() for g in grams])
        self._evict(published)
        # The best (share, origin) so far, its share compared unrounded (a Copy keeps it to
        # the JSON's 3 decimals).
        best: tuple[float, str] | None = None
        if len(grams) >= MIN_SHINGLES:
            for other in self._lsh.query(signature):
                other_signature, other_size, _ = self._kept[other]
                share = _estimated_containment(
                    signature.jaccard(other_signature), len(grams), other_size
                )
                if share >= COPY_CONTAINMENT and (best is None or share > best[0]):
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
