"""The web app (``storydiff serve``) over a large store: the time each page takes.

Why this exists: a researcher's store holds tens of thousands of articles, and every page of
the app must still answer at once (the target is under 500 ms a page). The store is the SEESAW
analyses replicated with fresh ids and shifted dates (as ``corpus.py`` builds them), grouped
into stories; it is built once at ``--store`` and reused by later runs. Each page is asked for
through Datasette's own client (no network), ``--repeat`` times, and the median and the slowest
time are printed, for the HTML page and its JSON.

Usage (from the repository root)::

    python benchmarks/web.py --store /tmp/web-100k.db --cache FILE [--size 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stories import DEFAULT_SEESAW, load_seesaw, replicated  # noqa: E402

BATCH = 256


def build(path: Path, size: int, cache: Path, seesaw: Path) -> None:
    """Store ``size`` replicated analyses at ``path`` and group them into stories."""
    from storydiff.store import Store
    from storydiff.store.grouping import group_store

    analyses, _ = load_seesaw(seesaw, cache)
    started = time.perf_counter()
    with Store(path) as store:
        batch = []
        for analysis in replicated(analyses, size):
            batch.append(analysis)
            if len(batch) == BATCH:
                store.add(batch)
                batch = []
        store.add(batch)
        stored = time.perf_counter() - started
        group_store(store)
    print(
        f"built {path}: {size} articles stored in {stored:.0f} s, grouped in "
        f"{time.perf_counter() - started - stored:.0f} s",
        flush=True,
    )


def pages(path: Path) -> list[tuple[str, str]]:
    """A name and a URL for each page, with subjects picked from the store: the newest story
    of several outlets, the outlet and the actor in most articles, the commonest label."""
    from storydiff.store import Store

    with Store(path, read_only=True) as store:
        story = store.query(
            "SELECT id FROM stories WHERE origins > 1 ORDER BY first DESC, id DESC LIMIT 1"
        )[0][0]
        outlet = store.query(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY count(*) DESC LIMIT 1"
        )[0][0]
        actor, name = store.query(
            "SELECT a.id, a.name FROM actors a JOIN actor_mentions m ON m.actor_id = a.id "
            "WHERE a.kind = 'PERSON' GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"
        )[0]
        term = store.query("SELECT term FROM labels GROUP BY term ORDER BY count(*) DESC LIMIT 1")[
            0
        ][0]
    base = f"/{path.stem}/-/"

    def url(name: str, /, **query: object) -> str:
        return base + name + ("?" + urlencode(query) if query else "")

    return [
        ("stories", url("stories")),
        ("stories, page 20", url("stories", page=20)),
        ("stories, search", url("stories", q="ceasefire")),
        ("stories, outlet and dates", url("stories", outlet=outlet, since="2030-01-01")),
        ("story", url("story", id=story)),
        ("outlet", url("outlet", name=outlet)),
        ("actor", url("actor", id=actor)),
        ("labels", url("labels")),
        ("trends, actor by week", url("trends", subject="actor", name=name, period="week")),
        ("trends, label by month", url("trends", subject="label", name=term)),
        ("evidence, label", url("evidence", kind="label", term=term, outlet=outlet)),
    ]


async def measure(path: Path, repeat: int) -> list[tuple[str, str, list[float]]]:
    from storydiff.web.app import datasette_for

    datasette = datasette_for([path])
    await datasette.invoke_startup()
    timings = []
    for name, url in pages(path):
        for suffix in ("", ".json"):
            page, _, query = url.partition("?")
            address = page + suffix + ("?" + query if query else "")
            seconds = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = await datasette.client.get(address)
                seconds.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise SystemExit(f"{address}: HTTP {response.status_code}")
            timings.append((name, suffix or ".html", seconds))
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--store", type=Path, required=True, help="built here when missing")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW)
    parser.add_argument("--cache", type=Path, required=True, help="analyses of SEESAW (JSONL)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args(argv)
    if not args.store.exists():
        build(args.store, args.size, args.cache, args.seesaw)
    else:
        # Opened once for writing: a store of an older schema gets the app's indexes.
        from storydiff.store import Store

        Store(args.store).close()
    if args.build_only:
        return 0
    print(f"  {'page':<28} {'format':<6} {'median ms':>9} {'slowest ms':>10}")
    for name, fmt, seconds in asyncio.run(measure(args.store, args.repeat)):
        print(
            f"  {name:<28} {fmt:<6} {statistics.median(seconds) * 1000:>9.0f} "
            f"{max(seconds) * 1000:>10.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
