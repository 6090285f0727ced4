"""Ingest killed with kill -9 at random moments and restarted each time: the store must end
with every article stored exactly once, each with all its rows, and pass SQLite's checks.

    python benchmarks/kill_ingest.py [--articles 2000] [--kills 30] [--max-delay 1] [--seed 1]
                                     [--spacy]

Each round starts an ingest into one store, kills it (SIGKILL, no chance to clean up) a random
time of up to ``--max-delay`` seconds after it began its work, and starts the next; a last run
goes to the end. Then the store is checked:

- every article of the corpus is stored once (its id is the hash of its text);
- each article has exactly the quotes, labels, quantities and entities rows its analysis JSON
  lists, and no row belongs to an article that is not stored (no orphans);
- ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` finds nothing.

By default the ingest runs a stand-in analysis (a few findings of each kind per article, made
from its text, no spaCy), so that many kills fit in a few seconds and land while batches are
written and stories grouped; ``--spacy`` runs ``storydiff ingest`` itself with the real
pipeline, which spends its first seconds loading spaCy. ``tests/test_kill_ingest.py`` runs a
short round of the first kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydiff.errors import InputError  # noqa: E402
from storydiff.model import (  # noqa: E402
    Analysis,
    Article,
    Entity,
    Label,
    Quantity,
    Quote,
    Span,
    Speaker,
)

FINDINGS = ("quotes", "labels", "quantities", "entities")
NAMES = ("Anna Berg", "Tomas Hale", "Rita Osei", "Karl Lund", "Mina Sato", "Omar Said")
# What a run prints once it has started and opened the store: kills are timed from there.
READY = "ready"
PLACES = ("Tarsk", "Velmo", "Oranby", "Kessel", "Drumlin", "Paxford")


def write_corpus(path: Path, count: int) -> None:
    """``count`` distinct articles, each with a quote, a label, figures and named people, so
    that the real pipeline finds rows of every kind too."""
    with path.open("w", encoding="utf-8") as stream:
        for k in range(count):
            name, other = NAMES[k % len(NAMES)], NAMES[(k + 1) % len(NAMES)]
            place = PLACES[k % len(PLACES)]
            text = (
                f"Rebels attacked the town of {place} on Monday, and about {k + 120} people "
                f"fled their homes, officials said.\n\n"
                f'"We will rebuild every street," said {name}, the mayor of {place}.\n\n'
                f"{other}, a regional minister, said {k + 7} bridges were damaged in report "
                f"number {k}."
            )
            stream.write(json.dumps({"text": text, "title": f"{place} report {k}"}) + "\n")


def stand_in_analysis(articles: Iterable[Article | InputError]) -> Iterator[Analysis | InputError]:
    """Findings of every kind made from the text alone, in the shapes analysis gives them,
    slowly enough (a few milliseconds an article) that a kill can land anywhere."""
    for article in articles:
        if isinstance(article, InputError):
            yield article
            continue
        time.sleep(0.003)
        words = article.text.split()
        span = Span(0, len(words[0]), words[0])
        entities = tuple(
            Entity(f"e{n}", word, "PERSON", (span,)) for n, word in enumerate(words[:3])
        )
        quote = Quote(Speaker(words[1], "e1", span), span, "direct")
        label = Label(0, 6, "Rebels", "rebel", "armed groups", True, "Rebels", "own")
        figure = Quantity(0, 1, words[-1], value=len(words))
        yield Analysis(article, entities, (quote, quote), (), (figure,), (label, label, label))


def child(corpus: Path, store_path: Path) -> None:
    """One ingest with the stand-in analysis, grouping the store at the end as the command
    line does."""
    from storydiff import api
    from storydiff.store import Store, run_ingest
    from storydiff.store.grouping import group_store

    with Store(store_path) as store:
        print(READY, flush=True)
        run_ingest(api.read([str(corpus)]), store, stand_in_analysis, batch_size=8)
        group_store(store)


def command(corpus: Path, store_path: Path, spacy: bool) -> list[str]:
    if spacy:
        ingest = ["-m", "storydiff", "ingest", str(corpus), "--store", str(store_path)]
        return [sys.executable, *ingest, "--batch-size", "4"]
    return [sys.executable, __file__, "--child", str(corpus), str(store_path)]


@dataclass
class Outcome:
    """What the rounds did and what the store holds after them."""

    kills: int
    killed_mid_write: int
    articles: int
    expected: int
    rows: dict[str, int]
    problems: list[str]


def run(
    corpus: Path,
    store_path: Path,
    kills: int,
    seed: int,
    max_delay: float = 1.0,
    spacy: bool = False,
) -> Outcome:
    """``kills`` runs, each killed up to ``max_delay`` seconds after it began its work, then
    one run to the end, then the checks."""
    rng = random.Random(seed)
    argv = command(corpus, store_path, spacy)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    mid_write = 0
    for _ in range(kills):
        before = stored(store_path)
        process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        _started(process, store_path, before)
        time.sleep(rng.uniform(0, max_delay))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        mid_write += before < stored(store_path)
    final = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=3600)
    if final.returncode != 0:
        raise RuntimeError(f"ingest failed: {final.stderr[-2000:]}")
    return _check(corpus, store_path, kills, mid_write)


def _started(process: subprocess.Popen, store_path: Path, before: int) -> float:
    """When the run began its work: the stand-in says so once the store is open; the real
    command line is taken to have begun once it has stored a batch (or ended)."""
    if "--child" in process.args:
        process.stdout.readline()
    else:
        while process.poll() is None and stored(store_path) <= before:
            time.sleep(0.02)
    return time.monotonic()


def stored(store_path: Path) -> int:
    try:
        with sqlite3.connect(store_path, timeout=30) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _check(corpus: Path, store_path: Path, kills: int, mid_write: int) -> Outcome:
    from storydiff import api

    expected = {a.id for a in api.read([str(corpus)]) if isinstance(a, Article)}
    db = sqlite3.connect(store_path)
    problems = []
    integrity = db.execute("PRAGMA integrity_check").fetchall()
    if integrity != [("ok",)]:
        problems.append(f"integrity_check: {integrity}")
    if broken := db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign_key_check: {broken[:5]}")
    stored = [row[0] for row in db.execute("SELECT id FROM articles")]
    if sorted(stored) != sorted(expected):
        problems.append(f"{len(stored)} articles stored, {len(expected)} expected, once each")
    rows = {}
    for table in FINDINGS:
        rows[table] = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        orphans = db.execute(
            f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} {table} rows of no stored article")
    for article_id, analysis in db.execute("SELECT id, analysis FROM articles"):
        record = json.loads(analysis)
        for table in FINDINGS:
            held = db.execute(
                f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,)
            ).fetchone()[0]
            if held != len(record[table]) or not held:
                problems.append(f"{article_id}: {held} {table} rows, {len(record[table])} found")
    return Outcome(kills, mid_write, len(stored), len(expected), rows, problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-delay",
        type=float,
        default=1.0,
        help="seconds after its start a run is killed, at most",
    )
    parser.add_argument("--spacy", action="store_true", help="storydiff ingest, real analysis")
    parser.add_argument("--dir", type=Path, help="where to keep the corpus and store")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    import tempfile

    with tempfile.TemporaryDirectory(prefix="storydiff-kill-") as scratch:
        folder = args.dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus, store_path = folder / "corpus.jsonl", folder / "store.db"
        write_corpus(corpus, args.articles)
        started = time.monotonic()
        outcome = run(corpus, store_path, args.kills, args.seed, args.max_delay, args.spacy)
        seconds = time.monotonic() - started
    print(
        f"{outcome.kills} kills ({outcome.killed_mid_write} after the run had stored a batch), "
        f"then one run to the end, in {seconds:.0f} s: {outcome.articles} of "
        f"{outcome.expected} articles stored once each; rows: "
        + ", ".join(f"{n} {table}" for table, n in outcome.rows.items())
    )
    for problem in outcome.problems:
        print(f"PROBLEM: {problem}")
    print("store checks:", "FAILED" if outcome.problems else "all passed")
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    sys.exit(main())
