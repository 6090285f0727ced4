"""The corpus store: schema and migrations, idempotent batched ingest, and a run killed
mid-way then run again storing every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storydiff import api
from storydiff.errors import Code
from storydiff.store import VERSION, SchemaError, Store, run_ingest
from storydiff.store.schema import MIGRATIONS

from .conftest import SEEDS

STYLES = Path(__file__).parent / "data" / "styles"


def _analyze(articles):
    return api.analyze_stream(articles)


def _corpus(tmp_path: Path, count: int) -> Path:
    """A JSON Lines corpus of ``count`` distinct short articles."""
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for k in range(count):
            text = (
                f"Officials in district {k} said on Monday that {k + 3} bridges had been "
                f'repaired. "The work is finished," the mayor of district {k} said.'
            )
            stream.write(json.dumps({"text": text, "title": f"Bridges {k}"}) + "\n")
    return path


def test_a_new_store_has_the_current_schema_in_wal_mode(tmp_path):
    with Store(tmp_path / "c.db") as store:
        assert store.count() == 0
    db = sqlite3.connect(tmp_path / "c.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "quotes", "labels", "quantities", "entities", "stories"} <= tables


def test_a_store_from_a_newer_version_or_another_database_is_refused(tmp_path):
    newer = tmp_path / "newer.db"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.close()
    with pytest.raises(SchemaError, match="newer"):
        Store(newer)
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE notes (x)")
    db.close()
    with pytest.raises(SchemaError, match="not a storydiff store"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(SchemaError):
        Store(junk)


def test_ingest_stores_each_article_once_and_its_findings_as_rows(tmp_path):
    inputs = [str(SEEDS), str(SEEDS / "000_5988aafb84cd7969.txt"), str(STYLES)]
    with Store(tmp_path / "c.db") as store:
        first = run_ingest(api.read(inputs), store, _analyze, batch_size=4)
        again = run_ingest(api.read(inputs), store, _analyze, batch_size=4)
        count = store.count()
        sky = store.query(
            "SELECT speaker, count(*) AS n FROM quotes JOIN articles ON articles.id = article_id "
            "WHERE outlet = 'Sky News' GROUP BY speaker ORDER BY n DESC"
        )
        found = store.query(
            "SELECT title FROM articles WHERE rowid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Syromolotov')"
        )
        seeds = {a.article.id: a for a in api.analyze([str(SEEDS)])}
        stored = {i: store.analysis(i) for i in seeds}
    assert first.read == 2 + 1 + len(list(STYLES.iterdir()))
    assert first.duplicates == 1 and first.new == count
    assert (again.new, again.duplicates) == (0, again.read)
    assert sky[0]["speaker"] == "Dmitry Peskov"
    assert [r["title"] for r in found] == [
        seeds[i].article.title for i in seeds if "Sputnik" in (seeds[i].article.outlet or "")
    ]
    assert stored == seeds  # the analysis comes back as it went in


def test_failures_are_counted_and_reported_as_they_happen(tmp_path):
    corpus = _corpus(tmp_path, 3)
    with corpus.open("a", encoding="utf-8") as stream:
        stream.write("{not json\n")
    seen = []
    with Store(tmp_path / "c.db") as store:
        summary = run_ingest(api.read([str(corpus)]), store, _analyze, on_error=seen.append)
    assert (summary.read, summary.new, summary.failed) == (4, 3, 1)
    assert [e.code for e in seen] == [Code.E007] and seen[0].source == f"{corpus}:4"


def test_a_batch_is_stored_whole_or_not_at_all(tmp_path):
    corpus = _corpus(tmp_path, 6)

    def failing(articles):
        for result in api.analyze_stream(articles):
            if "district 4" in result.article.text:
                raise KeyboardInterrupt  # the run is stopped while this article is in flight
            yield result

    with Store(tmp_path / "c.db") as store:
        with pytest.raises(KeyboardInterrupt):
            run_ingest(api.read([str(corpus)]), store, failing, batch_size=2)
        assert store.count() == 4  # two whole batches; nothing of the third
        summary = run_ingest(api.read([str(corpus)]), store, _analyze, batch_size=2)
        assert (summary.new, summary.duplicates, store.count()) == (2, 4, 6)


def test_a_killed_ingest_run_again_stores_everything_exactly_once(tmp_path):
    corpus = _corpus(tmp_path, 120)
    db = tmp_path / "c.db"
    command = [
        sys.executable,
        "-m",
        "storydiff",
        "ingest",
        str(corpus),
        "--store",
        str(db),
        "--batch-size",
        "4",
    ]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and _stored(db) >= 8:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = _stored(db)
    assert 0 < killed_at < 120
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _stored(db) == 120
    rows = sqlite3.connect(db).execute("SELECT title, count(*) FROM articles GROUP BY title")
    assert all(n == 1 for _, n in rows)
    assert f"new {120 - killed_at}, updated 0, duplicates {killed_at}" in done.stderr


def _stored(db: Path) -> int:
    try:
        return sqlite3.connect(db, timeout=5).execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_story_in_the_store_opens_straight_into_compare(tmp_path):
    from click.testing import CliRunner

    from storydiff.cli import cli

    db = tmp_path / "c.db"
    with Store(db) as store:
        run_ingest(api.read([str(SEEDS)]), store, _analyze)
        ids = [row["id"] for row in store.query("SELECT id FROM articles")]
        store.replace_stories([("s1", "The offensive", None, None, ids)], copies={})
        assert store.story_articles("s1") == ids
        assert store.query("SELECT articles, origins FROM stories")[0][:] == (2, 2)
    runner = CliRunner()
    result = runner.invoke(
        cli, ["compare", "--store", str(db), "--story", "s1", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert {a["id"] for a in document["articles"]} == set(ids)
    assert document["points"] or document["related"]
    missing = runner.invoke(cli, ["compare", "--store", str(db), "--story", "s9"])
    assert missing.exit_code == 2 and "no story 's9'" in missing.output


def _wire_corpus(tmp_path: Path) -> Path:
    """Three reports of one day: an agency's, a paper running the agency's copy under a lead
    of its own, and an unrelated one."""
    wire = (
        "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
        "to leave their homes as rescue teams worked through the night. The regional governor "
        "said emergency shelters had been opened in three towns and the army would help."
    )
    corpus = tmp_path / "wire.jsonl"
    with corpus.open("w", encoding="utf-8") as stream:
        for outlet, text in (
            ("Agency", wire),
            ("Daily", "From the agency. " + wire),
            (
                "Herald",
                "Parliament passed the budget after an all-night sitting in the capital, "
                "with the finance minister promising lower taxes for small businesses next year.",
            ),
        ):
            record = {"text": text, "outlet": outlet, "published": "2024-05-06"}
            stream.write(json.dumps(record) + "\n")
    return corpus


def test_grouping_a_store_writes_stories_and_copies(tmp_path):
    from storydiff.store.grouping import group_store, stored_stories

    corpus = _wire_corpus(tmp_path)
    with Store(tmp_path / "c.db") as store:
        run_ingest(api.read([str(corpus)]), store, _analyze)
        summary = group_store(store)
        stories = list(stored_stories(store))
    assert (summary.articles, summary.copies) == (3, 1)
    flood = next(s for s in stories if len(s.articles) == 2)
    assert flood.origins == 1
    assert [a.copy_of is not None for a in flood.articles] == [False, True]
    assert summary.stories == len(stories) == 2


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_stories_prints_one_shape_from_files_and_from_a_store(tmp_path, fmt):
    from click.testing import CliRunner

    from storydiff.cli import cli

    corpus, db = str(_wire_corpus(tmp_path)), str(tmp_path / "c.db")
    runner = CliRunner()
    from_files = runner.invoke(cli, ["stories", corpus, "--format", fmt])
    into_store = runner.invoke(cli, ["stories", corpus, "--store", db, "--format", fmt])
    from_store = runner.invoke(cli, ["stories", "--store", db, "--format", fmt])
    assert from_files.exit_code == into_store.exit_code == from_store.exit_code == 0
    assert from_files.output == into_store.output == from_store.output
    lines = from_files.output.splitlines()
    stories = (
        json.loads(from_files.output)["stories"] if fmt == "json" else list(map(json.loads, lines))
    )
    flood, budget = stories
    assert list(flood) == ["id", "title", "first", "last", "origins", "articles", "came_from"]
    assert (flood["origins"], flood["first"], flood["last"]) == (1, "2024-05-06", "2024-05-06")
    assert [a["outlet"] for a in flood["articles"]] == ["Agency", "Daily"]
    agency, daily = flood["articles"]
    assert list(agency) == ["id", "source", "line", "outlet", "published", "copy_of"]
    assert (agency["copy_of"], daily["copy_of"]) == (None, agency["id"])
    assert (agency["source"], agency["line"], daily["line"]) == (corpus, 1, 2)
    assert [a["outlet"] for a in budget["articles"]] == ["Herald"] and budget["origins"] == 1


def test_a_stored_analysis_in_another_schema_is_refused_in_one_line(tmp_path):
    """A store holding an analysis a newer storydiff wrote names the article and its schema
    (E030) instead of reading it into a half-empty analysis."""
    from storydiff.model import Analysis, Article, article_id

    texts = [f"The council met on Monday to discuss bridge {k}." for k in (1, 2)]
    analyses = [
        Analysis(Article(article_id(t), f"{k}.txt", t)) for k, t in enumerate(texts, start=1)
    ]
    db = tmp_path / "c.db"
    with Store(db) as store:
        store.add(analyses)
        store.replace_stories([("s1", "Bridges", None, None, [a.article.id for a in analyses])], {})
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE articles SET analysis = json_set(analysis, '$.schema', 'storydiff/2') "
            "WHERE source = '2.txt'"
        )
    result = subprocess.run(
        [sys.executable, "-m", "storydiff", "compare", "--store", str(db), "--story", "s1"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "E030" in line and "2.txt" in line and "'storydiff/2'" in line
    assert not (tmp_path / "report.html").exists()
