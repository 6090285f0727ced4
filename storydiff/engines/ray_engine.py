"""Analysis on Ray Data: the batch step every engine runs (``batch.py``) as a ``map_batches``
step, on a laptop's local Ray or on a cluster.

Inputs are read and cleaned by storydiff's own readers (every kind: files, JSON Lines, CSV,
Parquet, WARC, feeds), so cleaning is the same as with the local engine; the articles become a
Ray Dataset, and a pool of actors, each loading the spaCy pipeline once, analyses them in
batches. Order is preserved, so the analyses are those of the local engine, in the same order.
They come back to the caller as a stream (to load into a store) or are written as Parquet.

Ray is an optional extra: ``pip install 'storydiff[ray]'``.
"""

from __future__ import annotations

import json
import logging
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from storydiff.config import PipelineSettings
from storydiff.engines.batch import analyze_batch, chunked
from storydiff.engines.settings import DEFAULT_ENGINE_BATCH
from storydiff.errors import Code, ConfigError, InputError
from storydiff.model import Analysis, Article, to_json

INSTALL_HINT = "the Ray engine needs Ray: pip install 'storydiff[ray]' (ray[data]==2.60.0)"
# Articles are sent to Ray this many at a time, so the driver never holds a whole corpus.
ARTICLES_PER_RUN = 4096
# A run is split into at least this many tasks per actor, so the actors end together: the last
# task of a run is at most 1/8 of an actor's share, and articles differ in length.
TASKS_PER_WORKER = 8


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 — Ray Data is the part the engine uses
    except ImportError as error:
        raise ConfigError(Code.E019, detail=INSTALL_HINT) from error
    return ray


class _Annotator:
    """A Ray actor: loads the pipeline once, then analyses batch after batch."""

    def __init__(self, pipeline: PipelineSettings | str | None, batch_size: int) -> None:
        from storydiff.nlp.pipeline import Pipelines

        self._pipelines = Pipelines(pipeline)
        self._batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        articles = [Article.from_dict(json.loads(row)) for row in batch["article"]]
        results = analyze_batch(articles, self._pipelines, self._batch_size)
        return {"result": [_encode(r) for r in results]}


class RayEngine:
    """The Ray engine behind the ``Engine`` interface: ``analyze_with_ray`` with its options
    fixed."""

    def __init__(
        self,
        *,
        pipeline: PipelineSettings | str | None,
        workers: int,
        batch_size: int,
        address: str | None,
    ) -> None:
        self.pipeline = pipeline
        self.workers = workers
        self.batch_size = batch_size
        self.address = address

    def analyze(self, items: Iterable[Article | InputError]) -> Iterator[Analysis | InputError]:
        return analyze_with_ray(
            items,
            address=self.address,
            workers=self.workers,
            pipeline=self.pipeline,
            batch_size=self.batch_size,
        )


def analyze_with_ray(
    articles: Iterable[Article | InputError],
    *,
    address: str | None = None,
    workers: int = 2,
    pipeline: PipelineSettings | str | None = None,
    batch_size: int = DEFAULT_ENGINE_BATCH,
) -> Iterator[Analysis | InputError]:
    """Analyse on Ray, in input order; errors from reading pass through in their place.

    ``address`` is a cluster's (``ray://host:10001``, or ``auto``); without it a local Ray
    with ``workers`` CPUs is started for the run and shut down after it.
    """
    ray = _ray()
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=address,
            num_cpus=None if address else workers,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.ERROR,
        )
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Ray Data's advice on tuning, not the user's concern
            for chunk in chunked(articles, ARTICLES_PER_RUN):
                yield from _run(ray, chunk, workers, pipeline, batch_size)
    finally:
        if started_here:
            ray.shutdown()


def _run(
    ray: Any,
    items: list[Article | InputError],
    workers: int,
    pipeline: PipelineSettings | str | None,
    batch_size: int,
) -> Iterator[Analysis | InputError]:
    """One dataset of up to ARTICLES_PER_RUN articles through the actor pool."""
    rows = [{"article": json.dumps(i.to_dict())} for i in items if isinstance(i, Article)]
    results: Iterator[Analysis | InputError] = iter(())
    if rows:
        # One block is one task (batch_size=None: Ray Data would otherwise bundle blocks up to
        # the batch size into one task), handed to one actor at a time, so the first actor to
        # be ready does not take several blocks while the others are still loading their
        # pipeline.
        blocks = task_count(len(rows), workers, batch_size)
        analysed = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
            _Annotator,
            fn_constructor_args=(pipeline, batch_size),
            batch_size=None,
            compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1),
            num_cpus=1,
        )
        results = (_decode(row["result"]) for row in analysed.iter_rows())
    for item in items:
        yield item if isinstance(item, InputError) else next(results)


def task_count(articles: int, workers: int, batch_size: int) -> int:
    """How many tasks a run of ``articles`` is split into: at least TASKS_PER_WORKER per actor,
    so no actor is left alone with a long last task, and none larger than ``batch_size``."""
    per_task = max(1, min(batch_size, -(-articles // (TASKS_PER_WORKER * workers))))
    return -(-articles // per_task)


def write_parquet_with_ray(
    articles: Iterable[Article | InputError], path: str, **options: Any
) -> int:
    """Analyse on Ray and write the analyses as Parquet (one JSON analysis per row, with the
    article's id, outlet, title and date as columns); returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as parquet

    rows = [
        {
            "id": a.article.id,
            "outlet": a.article.outlet,
            "title": a.article.title,
            "published": a.article.published,
            "analysis": to_json(a.to_dict()),
        }
        for a in analyze_with_ray(articles, **options)
        if isinstance(a, Analysis)
    ]
    parquet.write_table(pa.Table.from_pylist(rows), path)
    return len(rows)


def _encode(result: Analysis | InputError) -> str:
    if isinstance(result, InputError):
        return json.dumps({"error": [result.source, result.code.name, result.details]})
    return json.dumps({"analysis": result.to_dict()})


def _decode(data: str) -> Analysis | InputError:
    record = json.loads(data)
    if "error" in record:
        source, code, details = record["error"]
        return InputError(source, Code[code], **details)
    return Analysis.from_dict(record["analysis"])
