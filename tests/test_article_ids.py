"""An article's identity is the hash of its text; a record's own ``id`` is kept as
``source_id``. Two texts under one given id are two articles, one text under two ids is one,
and a version-1 store that keyed articles by their given ids is re-keyed when opened."""

from __future__ import annotations

import json
import sqlite3

from storydiff import api
from storydiff.model import article_id
from storydiff.store import VERSION, Store, run_ingest
from storydiff.store.schema import MIGRATIONS, _statements


def _text(k: int) -> str:
    return (
        f"Officials in district {k} said on Monday that {k + 3} bridges had been repaired. "
        f'"The work is finished," the mayor of district {k} said.'
    )


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_a_given_id_is_the_source_id_and_the_hash_is_the_id(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", [{"text": _text(1), "id": "key-1"}, {"text": _text(2)}])
    first, second = api.read([path])
    assert (first.id, first.source_id) == (article_id(first.text), "key-1")
    assert (second.id, second.source_id) == (article_id(second.text), None)
    record = first.to_dict()
    assert record["id"] == first.id and record["source_id"] == "key-1"
    assert type(first).from_dict(record) == first


def test_ingest_keeps_two_texts_under_one_id_and_one_text_under_two_ids_once(tmp_path):
    records = [
        {"text": _text(1), "id": "same"},
        {"text": _text(2), "id": "same"},  # another article with the same given id
        {"text": _text(3), "id": "first"},
        {"text": _text(3), "id": "second"},  # the same article under another id
    ]
    path = _jsonl(tmp_path / "c.jsonl", records)
    with Store(tmp_path / "c.db") as store:
        summary = run_ingest(api.read([path]), store, api.analyze_stream)
        rows = store.query("SELECT source_id, text FROM articles ORDER BY rowid")
        stored = store.analysis(article_id(_text(2)))
    assert (summary.new, summary.duplicates, summary.failed) == (3, 1, 0)
    assert [(r["source_id"], r["text"]) for r in rows] == [
        ("same", _text(1)),
        ("same", _text(2)),
        ("first", _text(3)),
    ]
    assert stored is not None and stored.article.source_id == "same"


def _version_1_store(path):
    """A store as storydiff wrote it before version 2: keyed by the records' given ids."""
    db = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    rows = [  # id, text, copy_of, story
        ("key-a", _text(1), None, "s1"),
        ("key-b", _text(1), None, "s1"),  # the same text under a second id
        ("key-c", _text(2), "key-b", "s1"),  # said to copy the duplicate
        (article_id(_text(3)), _text(3), None, "s2"),  # stored without a given id
    ]
    db.execute("INSERT INTO stories VALUES ('s1', 't', NULL, NULL, 3, 2)")
    db.execute("INSERT INTO stories VALUES ('s2', 't', NULL, NULL, 1, 1)")
    for key, text, copy_of, story in rows:
        analysis = json.dumps(
            {"schema": "storydiff/1", "id": key, "source": "c.jsonl", "text": text}
        )
        db.execute(
            "INSERT INTO articles (id, source, text, analysis, ingested_at, copy_of, story_id) "
            "VALUES (?, 'c.jsonl', ?, ?, 'now', ?, ?)",
            (key, text, analysis, copy_of, story),
        )
        db.execute("INSERT INTO quotes VALUES (?, 0, 'Mayor', 'direct', 0, 5, 'The work')", (key,))
    db.close()


def test_a_version_1_store_is_rekeyed_by_text_and_keeps_the_given_ids(tmp_path):
    path = tmp_path / "old.db"
    _version_1_store(path)
    one, two, three = (article_id(_text(k)) for k in (1, 2, 3))
    with Store(path) as store:
        articles = [
            tuple(r)
            for r in store.query("SELECT id, source_id, copy_of FROM articles ORDER BY rowid")
        ]
        quotes = [r[0] for r in store.query("SELECT article_id FROM quotes ORDER BY rowid")]
        stories = [tuple(r) for r in store.query("SELECT id, articles, origins FROM stories")]
        analysis = store.analysis(one)
        problems = store.query("PRAGMA foreign_key_check")
    assert articles == [(one, "key-a", None), (two, "key-c", one), (three, None, None)]
    assert quotes == [one, two, three]
    assert stories == [("s1", 2, 1), ("s2", 1, 1)]
    assert (analysis.article.id, analysis.article.source_id) == (one, "key-a")
    assert not problems
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION == 7
