"""Actors across a whole store: one person under every name outlets give him, found by any
of them, linked as articles arrive, and a name the store does not hold answered with the
closest ones."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

import storydiff
from storydiff import Text
from storydiff.cli import cli
from storydiff.errors import Code
from storydiff.store import VERSION, Store
from storydiff.store.aliases import UnknownActorError, find_actor, list_actors
from storydiff.store.export import export
from storydiff.store.trends import trend

TEXTS = [
    (
        "President Barack Obama said on Monday that the talks would go on. The president told "
        "reporters he was hopeful.",
        "Daily Record",
        "2024-01-05",
    ),
    (
        "Obama met Angela Merkel in Berlin. Mr Obama praised the German chancellor.",
        "Herald",
        "2024-01-06",
    ),
    ("Congress passed the budget on Thursday after a long debate.", "Courier", "2024-01-12"),
    (
        "Barack Obama flew to Chicago on Friday. Obama spoke to students there.",
        "Herald",
        "2024-02-03",
    ),
    (
        "President Obama signed the bill on Tuesday, the White House said.",
        "Daily Record",
        "2024-02-10",
    ),
    ("Michelle Obama opened a school in Chicago on Wednesday.", "Courier", "2024-02-11"),
]
# The articles about Barack Obama, by their place in TEXTS.
HIS = {0, 1, 3, 4}


@pytest.fixture(scope="module")
def analyses():
    texts = [
        Text(text, title=f"Story {n}", outlet=outlet, published=published)
        for n, (text, outlet, published) in enumerate(TEXTS)
    ]
    return list(storydiff.analyze(texts))


@pytest.fixture
def store(tmp_path, analyses):
    with Store(tmp_path / "s.db") as store:
        store.add(analyses)
        yield store


def _articles(store: Store, name: str) -> set[int]:
    """The articles (by their place in TEXTS) that export --actor NAME keeps."""
    ids = [a.article.id for a in map(store.analysis, _ids(store))]
    out = store.path.parent / "articles.jsonl"
    export(store, "articles", out, "jsonl", actor=name)
    kept = {json.loads(line)["id"] for line in out.read_text().splitlines()}
    return {n for n, article_id in enumerate(ids) if article_id in kept}


def _ids(store: Store) -> list[str]:
    return [row[0] for row in store.query("SELECT id FROM articles ORDER BY rowid")]


def test_every_name_of_one_person_finds_the_same_articles(store):
    answers = {
        name: trend(store, "actor", name).rows
        for name in ("Obama", "Barack Obama", "President Obama", "the president", "mr obama")
    }
    assert len(set(answers.values())) == 1
    assert sum(row[2] for row in answers["Obama"]) == len(HIS)
    for name in ("Obama", "Barack Obama", "President Obama"):
        assert _articles(store, name) == HIS


def test_an_actor_lists_its_aliases_and_another_person_of_the_surname_stays_apart(store):
    obama = find_actor(store, "Obama")
    assert obama.name == "Barack Obama" and obama.kind == "PERSON"
    assert obama.articles == len(HIS)
    assert {"Obama", "Barack Obama", "President Obama", "the president", "Mr Obama"} <= {
        a.alias for a in obama.aliases
    }
    michelle = find_actor(store, "Michelle Obama")
    assert michelle.id != obama.id and michelle.articles == 1
    assert _articles(store, "Michelle Obama") == {5}


def test_new_articles_link_to_the_actors_already_stored(tmp_path, analyses):
    with Store(tmp_path / "s.db") as store:
        store.add(analyses[:1])
        first = find_actor(store, "Barack Obama").id
        store.add(analyses[1:])
        assert find_actor(store, "Obama").id == first
        assert find_actor(store, "Obama").articles == len(HIS)


def test_a_misspelt_name_is_an_error_with_the_closest_names(store):
    with pytest.raises(UnknownActorError) as raised:
        trend(store, "actor", "Obamma")
    assert raised.value.code is Code.E041 and "Obama" in raised.value.suggestions
    with pytest.raises(UnknownActorError):
        export(store, "articles", store.path.parent / "x.csv", "csv", actor="Barak Obama")
    result = CliRunner().invoke(
        cli, ["trends", "--store", str(store.path), "--actor", "Barak Obama"]
    )
    assert result.exit_code == 1
    assert "E041" in str(result.exception) and "'Barack Obama'" in str(result.exception)


def test_storydiff_actors_lists_filters_and_searches(store):
    runner = CliRunner()
    path = str(store.path)
    listed = json.loads(runner.invoke(cli, ["actors", "--store", path, "--format", "json"]).output)
    assert listed["schema"] == storydiff.SCHEMA
    assert listed["actors"][0]["name"] == "Barack Obama"
    assert listed["actors"][0]["articles"] == len(HIS)
    people = json.loads(
        runner.invoke(
            cli, ["actors", "--store", path, "--kind", "person", "--format", "json"]
        ).output
    )["actors"]
    assert {a["kind"] for a in people} == {"PERSON"} and len(people) == 3
    found = runner.invoke(cli, ["actors", "--store", path, "--search", "OBAMA"]).output
    lines = found.splitlines()
    assert lines[0].split()[:3] == ["id", "actor", "kind"]
    assert [line.split("  ")[1].strip() for line in lines[1:]] == ["Barack Obama", "Michelle Obama"]
    assert "President Obama" in lines[1]
    none = runner.invoke(cli, ["actors", "--store", path, "--search", "Nobody"])
    assert none.exit_code == 0 and "No actor" in none.output


def test_the_actor_tables_export_and_an_actor_keeps_its_own_rows(store):
    obama = find_actor(store, "Barack Obama")
    out = store.path.parent / "aliases.jsonl"
    export(store, "actor_aliases", out, "jsonl", actor="Obama")
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["actor_id"] for r in rows} == {obama.id}
    assert {r["alias"] for r in rows} == {a.alias for a in obama.aliases}
    out = store.path.parent / "mentions.jsonl"
    assert export(store, "actor_mentions", out, "jsonl") >= 10
    mention = json.loads(out.read_text().splitlines()[0])
    assert {"article_id", "outlet", "published", "title", "actor_id", "alias"} <= set(mention)


def test_a_version_3_store_gets_its_actors_when_opened(tmp_path, analyses):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add(analyses)
    db = sqlite3.connect(path)
    db.executescript(
        "DROP TABLE actor_mentions; DROP TABLE actor_aliases; DROP TABLE actors; DROP TABLE story_sources; "
        "PRAGMA user_version = 3;"
    )
    db.close()
    with Store(path) as store:
        assert store.query("PRAGMA user_version")[0][0] == VERSION == 7
        assert find_actor(store, "President Obama").articles == len(HIS)
        assert len(list_actors(store, kind="PERSON")) == 3


REFERRING = (
    "Senator Maria Lopez said on Monday that the bill would pass. She told reporters she was "
    'hopeful. "We will win," she said.'
)


def test_a_mention_that_only_refers_back_is_no_alias(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add(list(storydiff.analyze([Text(REFERRING, outlet="Herald")])))
        aliases = {row[0] for row in store.query("SELECT alias FROM actor_aliases")}
        assert {"Maria Lopez", "Senator Lopez"} <= aliases
        assert not aliases & {"She", "she", "the she", "We", "the we"}
        assert find_actor(store, "she") is None


def test_a_version_6_store_loses_the_aliases_that_only_refer_back(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add(list(storydiff.analyze([Text(REFERRING, outlet="Herald")])))
        actor = find_actor(store, "Maria Lopez")
        article = store.query("SELECT id FROM articles")[0][0]
    db = sqlite3.connect(path)
    for alias in ("She", "the she", "the his predecessor", "the many of whom"):
        db.execute("INSERT INTO actor_aliases VALUES (?, ?, 1, 1, 1)", (actor.id, alias))
        db.execute(
            "INSERT INTO actor_mentions (article_id, entity_id, actor_id, alias, mentions) "
            "VALUES (?, 'e1', ?, ?, 1)",
            (article, actor.id, alias),
        )
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.query("PRAGMA user_version")[0][0] == VERSION == 7
        for table in ("actor_aliases", "actor_mentions"):
            kept = {row[0] for row in store.query(f"SELECT alias FROM {table}")}
            assert "Maria Lopez" in kept and "Senator Lopez" in kept
            assert not kept & {"She", "the she", "the his predecessor", "the many of whom"}
