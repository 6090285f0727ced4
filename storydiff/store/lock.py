"""One ingest at a time into one store.

SQLite lets two writers take turns batch by batch, so two ingests into one store would both
finish even without this; but each ends by grouping the whole store into stories, and a
grouping that reads the store while the other run is still adding to it leaves stories that
miss its last articles. Holding a lock for the whole run (adding and grouping) makes two runs
at once end as they would one after the other. The lock is an ``flock`` on a file beside the
store, so the system releases it when its holder dies, kill -9 included: a killed run never
leaves the store locked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_SUFFIX = ".ingest-lock"


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + LOCK_SUFFIX)


@contextmanager
def ingest_lock(store: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the store's ingest lock; when another run holds it, tell ``on_wait`` and wait
    for it (a system without ``fcntl`` takes no lock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(lock_path(store), "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
