"""A corpus's stories and copies, found in one pass over its articles in date order.

Each article is checked against recent origins for copies (MinHash LSH) and given to the story
grouper; stories are handed out as they close. Both finders keep only a window of recent
articles, so the pass needs flat memory and time proportional to the corpus, whether its
articles come from a store or from memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from storydiff.compare.copies import CopyFinder
from storydiff.compare.stories import StoryGrouper
from storydiff.config import DEFAULTS, Config
from storydiff.model import Analysis, Story

# Articles embedded together: much faster than one by one, and little to hold.
BATCH = 256


class CorpusGrouping:
    """``run`` the articles through once, oldest first (undated last); ``copies`` then maps
    each copy's id to its origin's, and holds a story's copies by the time the story is
    handed out. ``articles`` and ``stories`` count what went through. The stories and copies
    settings of ``config`` say what joins a story and what is a copy."""

    def __init__(
        self, on_progress: Callable[[int], None] | None = None, config: Config = DEFAULTS
    ) -> None:
        self.config = config
        self.copies: dict[str, str] = {}
        self.articles = 0
        self.stories = 0
        self._on_progress = on_progress

    def run(self, analyses: Iterable[Analysis]) -> Iterator[Story]:
        """Each story once it is closed, which is as soon as no later article can join it."""
        closed: deque[Story] = deque()
        grouper = StoryGrouper(self.config, on_close=closed.append)
        finder = CopyFinder(self.config)
        batch: list[Analysis] = []
        for analysis in analyses:
            article = analysis.article
            copy = finder.add(article.id, article.text, article.published)
            if copy is not None:
                self.copies[article.id] = copy.copy_of
            batch.append(analysis)
            if len(batch) == BATCH:
                self._group(grouper, batch)
                batch = []
                yield from self._hand_out(closed)
        if batch:
            self._group(grouper, batch)
        grouper.close_all()
        yield from self._hand_out(closed)

    def _group(self, grouper: StoryGrouper, batch: list[Analysis]) -> None:
        grouper.add_many(batch)
        self.articles += len(batch)
        if self._on_progress is not None:
            self._on_progress(len(batch))

    def _hand_out(self, closed: deque[Story]) -> Iterator[Story]:
        while closed:
            self.stories += 1
            yield closed.popleft()
