"""Reading a corpus into a store: read, clean, skip what is stored, analyse, store in batches.

The expensive step is analysis, so an article is checked against the store (by the hash of its
cleaned text, which is its id) before it is analysed: re-running an ingest, or ingesting an
overlapping export, costs a read and a clean per stored article, not an analysis. New articles
stream through ``analyze`` (an engine's, which may use processes or Ray) and are committed every
``batch_size`` analyses, each batch one transaction, so a run killed at any moment loses at most
the work in flight, and running it again finishes the job with every article stored once.

An article already stored may come with metadata its row lacks (the same texts read again
with their outlets and dates): that is filled in, never overwritten, and the row counts as
updated rather than as a duplicate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from storydiff.engines.batch import chunked
from storydiff.errors import InputError
from storydiff.model import Analysis, Article
from storydiff.store.store import GROUPING_FIELDS, Metadata, Store

DEFAULT_BATCH = 64

Analyze = Callable[[Iterable[Article]], Iterable[Analysis | InputError]]


@dataclass
class IngestSummary:
    """What a run did: every input article is read, and then new, updated (stored before,
    and given metadata its row lacked), a duplicate or failed. ``filled`` names the fields
    filled in."""

    read: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    failures: list[InputError] = field(default_factory=list)
    filled: set[str] = field(default_factory=set)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def regroup(self) -> bool:
        """Whether the store's stories may have changed: articles added, or an outlet, a
        date or a title filled in."""
        return bool(self.new or self.filled & GROUPING_FIELDS)


def ingest(
    items: Iterable[Article | InputError],
    store: Store,
    analyze: Analyze,
    *,
    batch_size: int = DEFAULT_BATCH,
    on_error: Callable[[InputError], None] | None = None,
    on_read: Callable[[int], object] | None = None,
) -> IngestSummary:
    """Store every article of ``items`` not yet in ``store``.

    ``analyze`` turns a stream of articles into analyses (or errors) in the same order;
    ``on_error`` is told of each failure as it happens and ``on_read`` of each article read,
    for progress (what it returns is not used: a progress bar's ``update`` will do).
    """
    summary = IngestSummary()
    in_flight: set[str] = set()
    # Repeats of an article still being analysed: filled in once it is stored.
    repeats: list[Article] = []
    fresh = _fresh(items, store, batch_size, summary, in_flight, repeats, on_error, on_read)
    pending: list[Analysis] = []
    for result in analyze(fresh):
        if isinstance(result, InputError):
            _fail(summary, result, on_error)
            continue
        pending.append(result)
        if len(pending) >= batch_size:
            _commit(store, pending, summary, in_flight)
            pending = []
    _commit(store, pending, summary, in_flight)
    _fill_in(store, repeats, summary)
    return summary


def _fresh(
    items: Iterable[Article | InputError],
    store: Store,
    size: int,
    summary: IngestSummary,
    in_flight: set[str],
    repeats: list[Article],
    on_error: Callable[[InputError], None] | None,
    on_read: Callable[[int], object] | None,
) -> Iterator[Article]:
    """The articles neither stored nor already on their way to analysis, checked against the
    store a chunk at a time; the stored ones fill in their rows."""
    for chunk in chunked(items, size):
        stored = store.known(a.id for a in chunk if isinstance(a, Article))
        again = []
        for item in chunk:
            summary.read += 1
            if on_read is not None:
                on_read(1)
            if isinstance(item, InputError):
                _fail(summary, item, on_error)
            elif item.id in stored:
                again.append(item)
            elif item.id in in_flight:
                repeats.append(item)
            else:
                in_flight.add(item.id)
                yield item
        _fill_in(store, again, summary)


def _fill_in(store: Store, articles: list[Article], summary: IngestSummary) -> None:
    """Give stored articles the metadata their rows lack: each is updated or a duplicate."""
    if not articles:
        return
    revisions = [(a.id, Metadata.of(a)) for a in articles]
    for changed in store.revise(revisions, only_missing=True):
        if changed:
            summary.updated += 1
            summary.filled |= changed
        else:
            summary.duplicates += 1


def _commit(
    store: Store, analyses: list[Analysis], summary: IngestSummary, in_flight: set[str]
) -> None:
    summary.new += store.add(analyses)
    in_flight.difference_update(a.article.id for a in analyses)


def _fail(
    summary: IngestSummary, error: InputError, on_error: Callable[[InputError], None] | None
) -> None:
    summary.failures.append(error)
    if on_error is not None:
        on_error(error)
