"""Work on every core: batches go to worker processes, results come back in input order.

Each worker runs the pool's initializer once (the local engine loads the spaCy pipeline
there) and then whole batches, so the cost of a process is paid once and the cost of sending
work is one pickle per batch. At most two batches per worker are in flight, so a corpus larger
than memory streams through; the output is the same, item for item and in the same order, as
with one process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_worker_state: dict[str, Any] = {}


def ordered_map(
    work: Callable[[list[T]], list[R]],
    batches: Iterable[list[T]],
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``work`` applied to each batch in ``workers`` processes; results flattened, in order."""
    # fork shares the already imported modules with the workers; spawn re-imports them, which
    # is the safe choice where fork is not the default (macOS, Windows).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs
    ) as pool:
        pending: deque[Future[list[R]]] = deque()
        for batch in batches:
            pending.append(pool.submit(work, batch))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def set_worker_state(**state: Any) -> None:
    """Pool initializer: what every call in this worker process shares (its pipeline)."""
    _worker_state.update(state)


def worker_state(key: str) -> Any:
    return _worker_state[key]
