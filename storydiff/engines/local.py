"""The local engine: analysis in this process, or on a pool of worker processes.

With one worker the pipelines are loaded here and batches go through them one after another;
with more, each worker process loads them and takes whole batches (``pool.py``). A language's
pipeline is loaded once, when the first article in that language comes. Either way the
analyses are the same, in input order, with errors in their place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storydiff.config import PipelineSettings
from storydiff.engines.batch import analyze_batch, chunked
from storydiff.engines.pool import ordered_map, set_worker_state, worker_state
from storydiff.errors import InputError
from storydiff.model import Analysis, Article
from storydiff.nlp.pipeline import Pipelines


class LocalEngine:
    """``progress`` shows a bar on standard error for an article long enough to be analysed
    in pieces, which can take minutes (on a terminal only)."""

    def __init__(
        self,
        *,
        pipeline: PipelineSettings | str | None,
        workers: int,
        batch_size: int,
        progress: bool,
    ) -> None:
        self.pipeline = pipeline
        self.workers = workers
        self.batch_size = batch_size
        self.progress = progress

    def analyze(self, items: Iterable[Article | InputError]) -> Iterator[Analysis | InputError]:
        batches = chunked(items, self.batch_size)
        if self.workers > 1:
            yield from ordered_map(
                _analyze_in_worker,
                batches,
                self.workers,
                initializer=_load_in_worker,
                initargs=(self.pipeline, self.batch_size, self.progress),
            )
            return
        pipelines = Pipelines(self.pipeline)
        for batch in batches:
            yield from analyze_batch(batch, pipelines, self.batch_size, progress=self.progress)


def _load_in_worker(
    pipeline: PipelineSettings | str | None, batch_size: int, progress: bool
) -> None:
    set_worker_state(pipelines=Pipelines(pipeline), batch_size=batch_size, progress=progress)


def _analyze_in_worker(batch: list[Article | InputError]) -> list[Analysis | InputError]:
    return list(
        analyze_batch(
            batch,
            worker_state("pipelines"),
            worker_state("batch_size"),
            progress=worker_state("progress"),
        )
    )
