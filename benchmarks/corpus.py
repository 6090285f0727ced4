"""The corpus store at growing sizes: ingest rate, memory, and the time to group.

Why this exists: a researcher's corpus is tens of thousands of articles and more, so the store
must take them at a steady rate with flat memory, and grouping must stay near-linear. Analysis
(spaCy) dominates a real ingest and is measured by ``speed.py``; here:

* ``rate``: a real ``storydiff ingest`` of the SEESAW articles (a JSON Lines file written to a
  temporary directory, never to the repository), end to end: articles per second;
* ``sizes``: for each size (default 1k, 10k, 100k), a fresh process stores that many analyses
  (the SEESAW analyses replicated with fresh ids and shifted dates, so that analysis is not
  repeated) in batches, then groups the store into stories and copies; it prints the seconds
  for each step and the process's peak resident memory. Flat memory means the peak at 100k is
  close to the peak at 1k.

Usage (from the repository root)::

    python benchmarks/corpus.py [--seesaw DIR] [--cache FILE] [--sizes N ...] [--no-rate]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stories import DEFAULT_SEESAW, load_seesaw, replicated, seesaw_documents  # noqa: E402

BATCH = 64


def measure_size(size: int, cache: Path, seesaw: Path) -> dict:
    """Store and group ``size`` articles in this process; called in a child process."""
    from storydiff.store import Store
    from storydiff.store.grouping import group_store

    analyses, _ = load_seesaw(seesaw, cache)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.db"
        baseline = _peak_mib()
        with Store(path) as store:
            started = time.perf_counter()
            batch = []
            for analysis in replicated(analyses, size):
                batch.append(analysis)
                if len(batch) == BATCH:
                    store.add(batch)
                    batch = []
            store.add(batch)
            stored = time.perf_counter() - started
            started = time.perf_counter()
            grouping = group_store(store)
            grouped = time.perf_counter() - started
        return {
            "articles": size,
            "store_seconds": stored,
            "store_per_second": size / stored,
            "group_seconds": grouped,
            "stories": grouping.stories,
            "copies": grouping.copies,
            "peak_mib": _peak_mib(),
            "peak_before_mib": baseline,
            "store_mib": path.stat().st_size / 2**20,
        }


def ingest_rate(seesaw: Path) -> dict:
    """A real ingest, analysis included, of the SEESAW articles as one JSON Lines file."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "seesaw.jsonl"
        documents, _ = seesaw_documents(seesaw)
        with corpus.open("w", encoding="utf-8") as stream:
            for d in documents:
                record = {
                    "text": d.text,
                    "title": d.title,
                    "outlet": d.outlet,
                    "published": d.published,
                }
                stream.write(json.dumps(record) + "\n")
        count = len(documents)
        command = [
            sys.executable,
            "-m",
            "storydiff",
            "ingest",
            str(corpus),
            "--store",
            str(Path(folder) / "c.db"),
        ]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        return {
            "articles": count,
            "seconds": seconds,
            "per_second": count / seconds,
            "summary": done.stderr.strip().splitlines()[-2:],
            "returncode": done.returncode,
        }


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW)
    parser.add_argument(
        "--cache",
        type=Path,
        required=True,
        help="analyses of SEESAW as JSON Lines (made on the first run)",
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--no-rate", action="store_true", help="skip the real ingest")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_size(args.child, args.cache, args.seesaw)))
        return 0
    load_seesaw(args.seesaw, args.cache)  # make the cache once, before the children use it
    if not args.no_rate:
        rate = ingest_rate(args.seesaw)
        print(
            f"ingest with analysis: {rate['articles']} articles in {rate['seconds']:.0f} s, "
            f"{rate['per_second']:.1f} articles/s"
        )
        for line in rate["summary"]:
            print(f"  {line}")
    print("  articles  store s  stored/s  group s  stories  copies  peak MiB  store MiB")
    for size in args.sizes:
        child = [
            sys.executable,
            __file__,
            "--cache",
            str(args.cache),
            "--seesaw",
            str(args.seesaw),
            "--child",
            str(size),
        ]
        row = json.loads(subprocess.run(child, capture_output=True, text=True, check=True).stdout)
        print(
            f"  {row['articles']:>8}  {row['store_seconds']:>7.1f}  "
            f"{row['store_per_second']:>8.0f}  {row['group_seconds']:>7.1f}  "
            f"{row['stories']:>7}  {row['copies']:>6}  {row['peak_mib']:>8.0f}  "
            f"{row['store_mib']:>9.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
