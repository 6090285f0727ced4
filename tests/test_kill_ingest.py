"""The store survives: ingest killed with kill -9 at random moments, started again each time,
ends with every article stored once with all its rows, and SQLite finds nothing wrong.
Two ingests into one store at once both finish, the second after waiting for the first, as
one after the other would; a store the disk will not write to says so (E039); a file that is
not a store, or a store cut short, is refused without a byte of it changed."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storydiff.api import clean_documents
from storydiff.errors import Code
from storydiff.model import Document
from storydiff.store import SchemaError, Store
from storydiff.store.lock import ingest_lock
from storydiff.store.opening import StoreError

from .benchmark_scripts import load

kill_ingest = load("kill_ingest")


def test_ingest_killed_at_random_moments_stores_every_article_once_with_all_its_rows(tmp_path):
    corpus, store = tmp_path / "corpus.jsonl", tmp_path / "store.db"
    kill_ingest.write_corpus(corpus, 500)
    outcome = kill_ingest.run(corpus, store, kills=6, seed=3, max_delay=0.6)
    assert outcome.problems == []
    assert outcome.articles == outcome.expected == 500
    assert outcome.killed_mid_write >= 3  # the kills landed while batches were being stored
    assert outcome.rows == {"quotes": 1000, "labels": 1500, "quantities": 500, "entities": 1500}


def _ingest(corpus: Path, store: Path, *options: str) -> subprocess.Popen:
    """An ingest in a process of its own; string hashing is seeded alike in every one, since
    which of several near-identical articles a copy is said to copy may follow set order."""
    command = [sys.executable, "-m", "storydiff", "ingest", str(corpus), "--store", str(store)]
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.Popen(
        [*command, *options], stderr=subprocess.PIPE, text=True, env=environment
    )


def _contents(store: Path) -> list[tuple]:
    db = sqlite3.connect(store)
    articles = db.execute("SELECT id, title, story_id, copy_of FROM articles ORDER BY id")
    stories = db.execute("SELECT * FROM stories ORDER BY id")
    return [*articles.fetchall(), *stories.fetchall()]


def test_two_ingests_at_once_both_finish_as_one_after_the_other_would(tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    kill_ingest.write_corpus(first, 30)
    lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
    first.write_text("".join(lines[:20]), encoding="utf-8")
    second.write_text("".join(lines[10:]), encoding="utf-8")
    together, apart = tmp_path / "together.db", tmp_path / "apart.db"
    # Both start while the store is busy (as it is while a run ingests), then race for it.
    with ingest_lock(together):
        runs = [_ingest(first, together), _ingest(second, together)]
        notes = [run.stderr.readline() for run in runs]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    assert all("another ingest is writing to" in note for note in notes)
    # Whichever took the store first: its articles have the first rows.
    earliest = sqlite3.connect(together).execute("SELECT title FROM articles ORDER BY rowid")
    first_ran = int(earliest.fetchone()[0].split()[-1]) < 10
    for corpus in (first, second) if first_ran else (second, first):
        assert _ingest(corpus, apart).wait(timeout=300) == 0
    assert _contents(together) == _contents(apart)
    assert sum(1 for row in _contents(apart) if len(row) == 4) == 30


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.execute("INSERT INTO notes VALUES ('mine')")
    db.commit()
    db.close()
    return path


def _cut_short(path: Path) -> Path:
    with Store(path.with_name("whole.db")) as store:
        store.add([])
    data = path.with_name("whole.db").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _not_sqlite(path: Path) -> Path:
    path.write_text(json.dumps({"text": "an article, not a store"}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_foreign, "without storydiff's tables"),
        (_cut_short, "cut short"),
        (_not_sqlite, "not an SQLite database"),
    ],
)
def test_a_file_that_is_not_a_store_is_refused_unchanged(tmp_path, make, says):
    path = make(tmp_path / "other.db")
    before = _digest(path)
    with pytest.raises(SchemaError) as caught:
        Store(path)
    assert caught.value.code is Code.E027 and says in str(caught.value)
    assert str(path) in str(caught.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == ["other.db"]


def test_a_store_the_disk_will_not_write_to_says_so(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store._db.execute("PRAGMA query_only = ON")  # what SQLite reports for a read-only file
        with pytest.raises(StoreError) as caught:
            store.replace_stories([], {})
    assert caught.value.code is Code.E039 and "read-only" in str(caught.value)


def test_a_full_disk_says_so(tmp_path):
    (article,) = clean_documents([Document("long.txt", "A long report. " * 5_000, "text")])
    with Store(tmp_path / "s.db") as store:
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLITE_FULL, as on a full disk
        with pytest.raises(StoreError) as caught:
            store.add(list(kill_ingest.stand_in_analysis([article])))
    assert caught.value.code is Code.E039 and "disk is full" in str(caught.value)
