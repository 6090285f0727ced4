"""Fixing metadata in a store: ingest fills in what a row lacks, ``set`` corrects an
article or an outlet's name, and whatever changes, stories follow and nothing is duplicated
or lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storydiff import api
from storydiff.errors import Code, StorydiffError
from storydiff.store import Store, rename_outlet, run_ingest, set_metadata
from storydiff.store.grouping import group_store
from storydiff.store.schema import MIGRATIONS, _statements, add_functions

COUNT = 30
URL = "https://sputnikglobe.com/20240507/bridges-{k}.html"


def _text(k: int) -> str:
    return (
        f"Officials in district {k} said yesterday that {k + 3} bridges had been repaired. "
        f'"The work is finished," the mayor of district {k} said.'
    )


def _corpus(path: Path, count: int = COUNT, **metadata: str) -> Path:
    """``count`` short articles, each given ``metadata`` (``{k}`` in a value is its number)."""
    with path.open("w", encoding="utf-8") as stream:
        for k in range(count):
            given = {name: value.format(k=k) for name, value in metadata.items()}
            stream.write(json.dumps({"text": _text(k), **given}) + "\n")
    return path


def _ingest(store: Store, path: Path):
    return run_ingest(api.read([str(path)]), store, api.analyze_stream)


def _rows(store: Store) -> list[tuple]:
    return [
        tuple(row)
        for row in store.query(
            "SELECT outlet, outlet_country, outlet_ownership, published, url, title "
            "FROM articles ORDER BY rowid"
        )
    ]


@pytest.fixture(scope="module")
def bare_store(tmp_path_factory) -> Path:
    """A store of COUNT articles read without outlet, date, URL or title (analysed once)."""
    folder = tmp_path_factory.mktemp("bare")
    with Store(folder / "c.db") as opened:
        summary = _ingest(opened, _corpus(folder / "bare.jsonl"))
        assert (summary.new, summary.updated, summary.duplicates) == (COUNT, 0, 0)
    return folder / "c.db"


@pytest.fixture
def store(bare_store, tmp_path):
    """A copy of the bare store for one test to change."""
    shutil.copyfile(bare_store, tmp_path / "c.db")
    with Store(tmp_path / "c.db") as opened:
        yield opened


def _quotes(store: Store) -> list[tuple]:
    return [tuple(r) for r in store.query("SELECT * FROM quotes ORDER BY article_id, number")]


def test_ingesting_stored_articles_with_metadata_fills_their_rows_in(store, tmp_path):
    assert _rows(store) == [(None, None, None, None, None, None)] * COUNT
    quotes = _quotes(store)
    given = _corpus(
        tmp_path / "given.jsonl",
        outlet="Sputnik",
        published="2024-05-07",
        url=URL,
        title="Bridges of district {k} repaired",
    )
    summary = _ingest(store, given)
    assert (summary.new, summary.updated, summary.duplicates) == (0, COUNT, 0)
    assert summary.filled == {"outlet", "published", "url", "title"} and summary.regroup
    assert store.count() == COUNT
    assert _rows(store)[3] == (
        "Sputnik",
        "RU",
        "state-controlled",
        "2024-05-07",
        URL.format(k=3),
        "Bridges of district 3 repaired",
    )
    # The analysis JSON says the same, and "yesterday" is now a date.
    analysis = store.analysis(store.query("SELECT id FROM articles LIMIT 1")[0][0])
    assert (analysis.article.outlet, analysis.article.outlet_ownership) == (
        "Sputnik",
        "state-controlled",
    )
    assert [d.value for d in analysis.dates if d.text == "yesterday"] == ["2024-05-06"]
    # The full-text index follows the new titles.
    found = store.query(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'repaired AND district'"
    )
    assert found[0][0] == COUNT
    # The findings rows are those of the first ingest, not a second copy.
    assert _quotes(store) == quotes and quotes


def test_a_value_a_row_has_is_never_overwritten_by_ingest(store, tmp_path):
    _ingest(store, _corpus(tmp_path / "given.jsonl", outlet="Sputnik"))
    again = _ingest(store, _corpus(tmp_path / "other.jsonl", outlet="RT", published="2024-05-07"))
    assert (again.new, again.updated, again.duplicates) == (0, COUNT, 0)
    assert again.filled == {"published"}
    same = _ingest(store, _corpus(tmp_path / "other.jsonl", outlet="RT", published="2024-05-07"))
    assert (same.new, same.updated, same.duplicates) == (0, 0, COUNT) and not same.regroup
    assert {row[0] for row in _rows(store)} == {"Sputnik"}


def test_a_repeat_of_an_article_in_the_same_run_fills_it_in_once_it_is_stored(tmp_path):
    path = tmp_path / "twice.jsonl"
    records = [{"text": _text(1)}, {"text": _text(1), "outlet": "TASS"}, {"text": _text(2)}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        summary = _ingest(store, path)
        assert (summary.read, summary.new, summary.updated, summary.duplicates) == (3, 2, 1, 0)
        assert sorted(row[0] or "" for row in _rows(store)) == ["", "TASS"]


def _story_dates(store: Store) -> list[tuple]:
    return [tuple(r) for r in store.query("SELECT first, last, articles FROM stories")]


def test_setting_an_articles_metadata_changes_it_everywhere_and_regroups(store):
    group_store(store)
    assert _story_dates(store) == [(None, None, COUNT)]
    article = store.query("SELECT id FROM articles ORDER BY rowid LIMIT 1")[0][0]
    changed = set_metadata(
        store, article, outlet="Voice of America", published="2024-05-07", url=URL.format(k=0)
    )
    assert changed == {"outlet", "published", "url"}
    assert _rows(store)[0] == (
        "Voice of America",
        "US",
        "independent-state-funded-and-managed",
        "2024-05-07",
        URL.format(k=0),
        None,
    )
    assert _rows(store)[1:] == [(None, None, None, None, None, None)] * (COUNT - 1)
    analysis = store.analysis(article)
    assert (analysis.article.outlet, analysis.article.published) == (
        "Voice of America",
        "2024-05-07",
    )
    assert [d.value for d in analysis.dates if d.text == "yesterday"] == ["2024-05-06"]
    # The stories were grouped again: one of them is now dated, and none lost an article.
    assert "2024-05-07" in {first for first, _, _ in _story_dates(store)}
    assert sum(n for _, _, n in _story_dates(store)) == COUNT
    # The same values again change nothing.
    assert set_metadata(store, article, outlet="Voice of America") == frozenset()


def test_a_corrected_title_is_what_full_text_search_finds(store):
    article = store.query("SELECT id FROM articles ORDER BY rowid LIMIT 1")[0][0]
    set_metadata(store, article, title="Harbour reopens", regroup=False)
    set_metadata(store, article, title="Bridges reopen", regroup=False)
    found = store.query(
        "SELECT a.id FROM articles a WHERE a.rowid IN "
        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
        ("title:reopen",),
    )
    assert [r[0] for r in found] == [article]
    assert not store.query("SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'harbour'")


@pytest.mark.parametrize(
    ("values", "field", "value"),
    [
        ({"published": "2024-13-45"}, "published", "2024-13-45"),
        ({"published": "last Tuesday"}, "published", "last Tuesday"),
        ({"outlet": " "}, "outlet", " "),
        ({"url": "sputnikglobe"}, "url", "sputnikglobe"),
    ],
)
def test_a_value_that_cannot_be_the_fields_is_an_error_and_nothing_changes(
    store, values, field, value
):
    article = store.query("SELECT id FROM articles LIMIT 1")[0][0]
    with pytest.raises(StorydiffError) as caught:
        set_metadata(store, article, **{"outlet": "TASS", **values})
    assert caught.value.code is Code.E024
    assert f"{field} must be" in str(caught.value) and repr(value) in str(caught.value)
    assert _rows(store)[0] == (None, None, None, None, None, None)


def test_an_id_the_store_does_not_hold_is_an_error_naming_it(store):
    with pytest.raises(StorydiffError) as caught:
        set_metadata(store, "0123456789abcdef", outlet="TASS")
    assert caught.value.code is Code.E032 and "'0123456789abcdef'" in str(caught.value)
    assert {row[0] for row in _rows(store)} == {None}


def test_renaming_an_outlet_renames_it_in_every_article_and_its_profile(store, tmp_path):
    _ingest(store, _corpus(tmp_path / "given.jsonl", count=10, outlet="Sputnik News Agency"))
    assert rename_outlet(store, "Sputnik News Agency", "Sputnik") == 10
    rows = _rows(store)
    assert rows[:10] == [("Sputnik", "RU", "state-controlled", None, None, None)] * 10
    assert rows[10:] == [(None, None, None, None, None, None)] * (COUNT - 10)
    ids = [r[0] for r in store.query("SELECT id FROM articles ORDER BY rowid LIMIT 10")]
    assert {store.analysis(i).article.outlet_country for i in ids} == {"RU"}
    with pytest.raises(StorydiffError) as caught:
        rename_outlet(store, "Sputnik News Agency", "Sputnik")
    assert caught.value.code is Code.E033 and "'Sputnik News Agency'" in str(caught.value)


def _version_2_store(path: Path) -> None:
    """A store as storydiff wrote it before version 3, with one article of a known outlet."""
    db = sqlite3.connect(path, isolation_level=None)
    add_functions(db)
    for migration in MIGRATIONS[:2]:
        for statement in _statements(migration):
            db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    analysis = {"schema": "storydiff/1", "id": "a1", "source": "a.txt", "text": "Ankara talks"}
    db.execute(
        "INSERT INTO articles (id, source, outlet, title, text, analysis, ingested_at) "
        "VALUES ('a1', 'a.txt', 'Sputnik', 'Talks', 'Ankara talks', ?, 'now')",
        (json.dumps(analysis),),
    )
    db.close()


def test_a_version_2_store_gains_the_outlets_profile_and_a_searchable_corrected_title(tmp_path):
    path = tmp_path / "old.db"
    _version_2_store(path)
    with Store(path) as store:
        assert _rows(store) == [("Sputnik", "RU", "state-controlled", None, None, "Talks")]
        assert store.analysis("a1").article.outlet_ownership == "state-controlled"
        set_metadata(store, "a1", title="Ceasefire", regroup=False)
        assert store.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ceasefire'")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storydiff", *args], capture_output=True, text=True, timeout=300
    )


def test_the_set_command_corrects_an_article_and_renames_an_outlet(store):
    store.close()
    path = str(store.path)
    article = sqlite3.connect(path).execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    done = _run("set", "--store", path, article, "--outlet", "RT", "--published", "2024-05-07")
    assert done.returncode == 0, done.stderr
    assert f"changed outlet, published of {article}" in done.stderr
    renamed = _run("set", "--store", path, "--outlet-name", "RT", "--to", "RT International")
    assert renamed.returncode == 0, renamed.stderr
    assert "1 articles of 'RT' are now 'RT International'" in renamed.stderr
    row = sqlite3.connect(path).execute(
        "SELECT outlet, outlet_country, published FROM articles WHERE id = ?", (article,)
    )
    assert row.fetchone() == ("RT International", "RU", "2024-05-07")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["0123456789abcdef", "--outlet", "RT"], 1, "[E032]"),
        (["{id}", "--published", "2024-02-30"], 2, "[E024]"),
        (["--outlet-name", "Nobody"], 2, "--outlet-name and --to go together"),
    ],
)
def test_the_set_command_names_what_is_wrong(store, args, code, message):
    store.close()
    path = str(store.path)
    article = sqlite3.connect(path).execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    done = _run("set", "--store", path, *(a.format(id=article) for a in args))
    assert done.returncode == code and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_ingest_says_how_many_rows_it_updated(store, tmp_path):
    store.close()
    given = _corpus(tmp_path / "given.jsonl", outlet="Sputnik", published="2024-05-07")
    done = _run("ingest", str(given), "--store", str(store.path))
    assert done.returncode == 0, done.stderr
    assert f"new 0, updated {COUNT}, duplicates 0, failed 0" in done.stderr
    assert "stories" in done.stderr  # the store was regrouped
