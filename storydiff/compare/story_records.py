"""Stories as ``storydiff stories`` prints them (``StoryRecord``), for articles held in
memory: one shape whether the articles were read from files or from a store, so a script
reads either the same way.

Stories come oldest first, undated last; so do the articles in each, in the order they were
read when their dates tie.
"""

from __future__ import annotations

from collections.abc import Iterable

from storydiff.compare import distinct
from storydiff.compare.corpus import CorpusGrouping
from storydiff.config import DEFAULTS, Config
from storydiff.model import Analysis, Entity, StoryArticle, StoryRecord


def outline(analysis: Analysis) -> Analysis:
    """The analysis with only what grouping reads: the article and its entities' names and
    kinds (``Store.outlines`` reads the same back from a store)."""
    entities = tuple(Entity(e.id, e.name, e.kind, ()) for e in analysis.entities)
    return Analysis(analysis.article, entities)


def _oldest_first(published: str | None) -> tuple[bool, str]:
    """Sort key: dated before undated, then by date."""
    return published is None, published or ""


def story_records(analyses: Iterable[Analysis], config: Config = DEFAULTS) -> list[StoryRecord]:
    """The stories of articles held in memory, each article once, as a store groups and
    lists them (``storydiff.store.grouping``), by the stories and copies settings of
    ``config``. Grouping runs in date order, so every article waits for it, but only as
    what grouping reads (its metadata, text and named entities, as a store's outlines hold
    them), not as its whole analysis: a stream of analyses is let go as it is read."""
    unique, _ = distinct([outline(a) for a in analyses])
    articles = {a.article.id: a.article for a in unique}
    grouping = CorpusGrouping(config=config)
    ordered = sorted(unique, key=lambda a: _oldest_first(a.article.published))
    records = []
    for story in grouping.run(ordered):
        members = (articles[i] for i in story.articles)
        listed = [StoryArticle.of(a, grouping.copies.get(a.id)) for a in members]
        listed.sort(key=lambda a: _oldest_first(a.published))
        records.append(StoryRecord(story.id, story.title, story.first, story.last, tuple(listed)))
    records.sort(key=lambda r: _oldest_first(r.first))
    return records
