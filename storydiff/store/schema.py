"""The SQLite schema of a corpus store, and the migrations that bring an older file up to date.

A store is one SQLite file that any SQLite tool (sqlite3, sqlite-utils, datasette) can open.
``PRAGMA user_version`` holds the schema version; ``migrate`` applies, in one transaction each,
the steps from the file's version to ``VERSION``, so a store made by an older storydiff opens
with a newer one and a half-applied step never remains. The README documents the tables.

Articles are keyed by their id, the hash of their normalised text: the same article read
twice is one row, whatever id its record gives (that is kept as ``source_id``). The whole
analysis is kept as JSON (``analysis``), and the parts people query (quotes, labels,
quantities, entities, and the actors the entities of all articles are linked into) are also
kept as rows of their own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from storydiff.clean.outlets import outlet_of
from storydiff.errors import Code, StorydiffError
from storydiff.model import article_id
from storydiff.store.actors import forget_referring_aliases, link_stored
from storydiff.store.summaries import TABLES as SUMMARY_TABLES
from storydiff.store.summaries import refresh as refresh_summaries

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, their findings as rows, full-text search, stories.
    """
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        source      TEXT NOT NULL,
        line        INTEGER,
        url         TEXT,
        outlet      TEXT,
        title       TEXT,
        published   TEXT,
        language    TEXT,
        text        TEXT NOT NULL,
        analysis    TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        copy_of     TEXT REFERENCES articles(id),
        story_id    TEXT REFERENCES stories(id)
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_story ON articles(story_id);

    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        number     INTEGER NOT NULL,
        speaker    TEXT,
        kind       TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (article_id, number)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);

    CREATE TABLE labels (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        number     INTEGER NOT NULL,
        term       TEXT NOT NULL,
        category   TEXT,
        actor      TEXT,
        voice      TEXT NOT NULL,
        contested  INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (article_id, number)
    );
    CREATE INDEX labels_actor ON labels(actor);
    CREATE INDEX labels_term ON labels(term);

    CREATE TABLE quantities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        number     INTEGER NOT NULL,
        text       TEXT NOT NULL,
        value      REAL,
        low        REAL,
        high       REAL,
        counts     TEXT,
        claimed_by TEXT,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        PRIMARY KEY (article_id, number)
    );

    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id  TEXT NOT NULL,
        name       TEXT NOT NULL,
        kind       TEXT,
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    );
    CREATE INDEX entities_name ON entities(name);

    CREATE TABLE stories (
        id        TEXT PRIMARY KEY,
        title     TEXT,
        first     TEXT,
        last      TEXT,
        articles  INTEGER NOT NULL DEFAULT 0,
        origins   INTEGER NOT NULL DEFAULT 0
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
    # 2: an article's id is always the hash of its text; a record's own id is ``source_id``.
    # Rows a version-1 store keyed by a given id are keyed by their hash (findings, copies and
    # the analysis JSON follow), and a text stored twice under two given ids is kept once.
    """
    ALTER TABLE articles ADD COLUMN source_id TEXT;
    CREATE INDEX articles_source_id ON articles(source_id);
    PRAGMA defer_foreign_keys = ON;
    CREATE TEMP TABLE rekeyed AS
        SELECT rowid AS row, id AS old, storydiff_article_id(text) AS new FROM articles
        WHERE id <> storydiff_article_id(text);
    DELETE FROM articles WHERE rowid IN (
        SELECT k.row FROM rekeyed k
        WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = k.new)
           OR EXISTS (SELECT 1 FROM rekeyed j WHERE j.new = k.new AND j.row < k.row));
    UPDATE articles SET copy_of = (SELECT new FROM rekeyed WHERE old = articles.copy_of)
        WHERE copy_of IN (SELECT old FROM rekeyed);
    UPDATE quotes SET article_id = (SELECT new FROM rekeyed WHERE old = quotes.article_id)
        WHERE article_id IN (SELECT old FROM rekeyed);
    UPDATE labels SET article_id = (SELECT new FROM rekeyed WHERE old = labels.article_id)
        WHERE article_id IN (SELECT old FROM rekeyed);
    UPDATE quantities SET article_id = (SELECT new FROM rekeyed WHERE old = quantities.article_id)
        WHERE article_id IN (SELECT old FROM rekeyed);
    UPDATE entities SET article_id = (SELECT new FROM rekeyed WHERE old = entities.article_id)
        WHERE article_id IN (SELECT old FROM rekeyed);
    UPDATE articles SET
        id = (SELECT new FROM rekeyed WHERE row = articles.rowid),
        source_id = id,
        analysis = json_set(analysis, '$.id', (SELECT new FROM rekeyed WHERE row = articles.rowid),
                            '$.source_id', id)
        WHERE rowid IN (SELECT row FROM rekeyed);
    UPDATE articles SET copy_of = NULL WHERE copy_of = id;
    UPDATE stories SET
        articles = (SELECT count(*) FROM articles WHERE story_id = stories.id),
        origins = (SELECT count(*) FROM articles WHERE story_id = stories.id AND copy_of IS NULL);
    DROP TABLE rekeyed;
    """,
    # 3: the outlet's country and ownership from the outlet registry, as columns and in the
    # analysis JSON; the full-text index follows a title corrected in place.
    """
    ALTER TABLE articles ADD COLUMN outlet_country TEXT;
    ALTER TABLE articles ADD COLUMN outlet_ownership TEXT;
    UPDATE articles SET
        outlet_country = storydiff_outlet_country(outlet, url),
        outlet_ownership = storydiff_outlet_ownership(outlet, url)
        WHERE outlet IS NOT NULL;
    UPDATE articles SET analysis = json_set(analysis, '$.outlet_country', outlet_country,
                                            '$.outlet_ownership', outlet_ownership);
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 4: actors linked across the whole store, their aliases, and the article mentions each
    # alias comes from; ``key`` is what linking finds candidates by (a folded surname, or a
    # place key). The articles stored before are linked in the same step (``AFTER``).
    """
    CREATE TABLE actors (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        key  TEXT NOT NULL
    );
    CREATE INDEX actors_key ON actors(key);

    CREATE TABLE actor_aliases (
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        alias    TEXT NOT NULL,
        is_name  INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (actor_id, alias)
    );
    CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);

    CREATE TABLE actor_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id  TEXT NOT NULL,
        actor_id   INTEGER NOT NULL REFERENCES actors(id),
        alias      TEXT NOT NULL,
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id, alias)
    );
    CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
    """,
    # 5: the stories a story was split or merged from when the store was regrouped, so that
    # an old link to a story can be followed to where its articles went.
    """
    CREATE TABLE story_sources (
        story_id  TEXT NOT NULL,
        came_from TEXT NOT NULL,
        PRIMARY KEY (story_id, came_from)
    );
    CREATE INDEX story_sources_came_from ON story_sources(came_from);
    """,
    # 6: what the web app (storydiff serve) looks up, as covering indexes so that no query
    # reads an article's text or analysis: stories newest first, an outlet's articles in date
    # order, a story's outlets, articles by country and ownership, a week's outlets, an
    # actor's mentions and quotes, names any case (trends), and an actor's labels by voice
    # (IF NOT EXISTS: a store whose version was set back by hand keeps them).
    """
    CREATE INDEX IF NOT EXISTS stories_first ON stories(first, id);
    CREATE INDEX IF NOT EXISTS articles_outlet_published
        ON articles(outlet, published, story_id, outlet_country, outlet_ownership);
    CREATE INDEX IF NOT EXISTS articles_story_outlet
        ON articles(story_id, outlet, outlet_country, outlet_ownership);
    CREATE INDEX IF NOT EXISTS articles_country ON articles(outlet_country, story_id);
    CREATE INDEX IF NOT EXISTS articles_ownership ON articles(outlet_ownership, story_id);
    CREATE INDEX IF NOT EXISTS articles_published_outlet
        ON articles(published, outlet, outlet_country, outlet_ownership);
    CREATE INDEX IF NOT EXISTS articles_id_outlet ON articles(id, outlet, published, story_id);
    CREATE INDEX IF NOT EXISTS quotes_article_speaker ON quotes(article_id, speaker);
    CREATE INDEX IF NOT EXISTS actor_mentions_actor_article
        ON actor_mentions(actor_id, article_id, alias, mentions);
    CREATE INDEX IF NOT EXISTS entities_name_folded ON entities(lower(name));
    CREATE INDEX IF NOT EXISTS labels_actor_folded ON labels(lower(actor));
    CREATE INDEX IF NOT EXISTS labels_actor_voice ON labels(actor, voice, term);
    """,
    # 7: the counts the web app's outlet and actor pages and ``trends --actor`` read
    # (``summaries``), made at once; and the aliases taken from mentions that only refer back
    # ("He", "the who") are removed (``forget_referring_aliases``).
    SUMMARY_TABLES,
)
VERSION = len(MIGRATIONS)


def _summarise_without_referring_aliases(connection: sqlite3.Connection) -> None:
    forget_referring_aliases(connection)
    refresh_summaries(connection)


# What a step computes in Python once its tables exist, in the step's transaction.
AFTER: dict[int, Callable[[sqlite3.Connection], object]] = {
    4: link_stored,
    7: _summarise_without_referring_aliases,
}


class SchemaError(StorydiffError, RuntimeError):
    """The file is a store from a newer storydiff (E028), or not a store at all (E027). Also a
    RuntimeError, as it was before it had codes."""


def version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, path: object) -> int:
    """Bring the store at ``path`` up to ``VERSION``; returns the version it had."""
    found = version(connection)
    if found > VERSION:
        raise SchemaError(Code.E028, path=path, found=found, version=VERSION)
    if found == 0 and _has_tables(connection):
        raise SchemaError(
            Code.E027, path=path, detail="an SQLite database without storydiff's tables"
        )
    add_functions(connection)
    for step in range(found, VERSION):
        with connection:
            # Immediate, and the version read again inside: two processes opening one new
            # store at once must not both create its tables.
            connection.execute("BEGIN IMMEDIATE")
            if version(connection) > step:
                continue
            for statement in _statements(MIGRATIONS[step]):
                connection.execute(statement)
            if step + 1 in AFTER:
                AFTER[step + 1](connection)
            connection.execute(f"PRAGMA user_version = {step + 1}")
    return found


def add_functions(connection: sqlite3.Connection) -> None:
    """What migrations and updates compute as storydiff does: an article's id (the hash of
    its text) and its outlet's country and ownership (from the outlet registry, by the
    outlet's name and the article's URL)."""
    connection.create_function("storydiff_article_id", 1, article_id, deterministic=True)
    connection.create_function("storydiff_outlet_country", 2, _country)
    connection.create_function("storydiff_outlet_ownership", 2, _ownership)


def _country(outlet: str | None, url: str | None) -> str | None:
    profile = outlet_of(outlet, url)
    return profile.country if profile else None


def _ownership(outlet: str | None, url: str | None) -> str | None:
    profile = outlet_of(outlet, url)
    return profile.ownership if profile else None


def _has_tables(connection: sqlite3.Connection) -> bool:
    tables: int = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return tables > 0


def _statements(script: str) -> list[str]:
    """A migration's statements, split where sqlite3 says a statement is complete (so that
    the semicolons inside a trigger body do not split it)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
