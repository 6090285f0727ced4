"""Reading a corpus into a store: read, clean, skip what is stored, analyse, store in batches.

The expensive step is analysis, so an article is checked against the store (by the hash of its
cleaned text, which is its id) before it is analysed: re-running an ingest, or ingesting an
overlapping export, costs a read and a clean per stored article, not an analysis. Each batch is
one transaction, so a run killed at any moment loses at most the batch in flight, and running
it again finishes the job with every article stored once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from storydiff.errors import InputError
from storydiff.model import Analysis, Article
from storydiff.store.store import Store

DEFAULT_BATCH = 64


@dataclass
class IngestSummary:
    """What a run did: every input article is read, and then new, a duplicate or failed."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def ingest(
    items: Iterable[Article | InputError],
    store: Store,
    analyze: Callable[[list[Article]], Iterable[Analysis | InputError]],
    *,
    batch_size: int = DEFAULT_BATCH,
    on_error: Callable[[InputError], None] | None = None,
    on_stored: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Store every article of ``items`` not yet in ``store``.

    ``analyze`` turns a batch of articles into analyses (or errors) in order; ``on_error`` is
    told of each failure as it happens and ``on_stored`` of each batch's size once committed,
    for progress.
    """
    summary = IngestSummary()
    for batch in _batches(items, batch_size, summary, on_error):
        # Earlier batches are committed, so the store knows them; only this batch's own
        # repeats need remembering.
        stored = store.known(a.id for a in batch)
        seen: set[str] = set()
        fresh = []
        for article in batch:
            if article.id in stored or article.id in seen:
                summary.duplicates += 1
            else:
                seen.add(article.id)
                fresh.append(article)
        analyses = []
        for result in analyze(fresh) if fresh else ():
            if isinstance(result, InputError):
                _fail(summary, result, on_error)
            else:
                analyses.append(result)
        summary.new += store.add(analyses)
        if on_stored is not None:
            on_stored(len(batch))
    return summary


def _batches(
    items: Iterable[Article | InputError],
    size: int,
    summary: IngestSummary,
    on_error: Callable[[InputError], None] | None,
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        summary.read += 1
        if isinstance(item, InputError):
            _fail(summary, item, on_error)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _fail(
    summary: IngestSummary, error: InputError, on_error: Callable[[InputError], None] | None
) -> None:
    summary.failures.append(error)
    if on_error is not None:
        on_error(error)
