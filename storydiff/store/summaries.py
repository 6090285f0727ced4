"""Counts that a busy outlet's or actor's page would otherwise gather from every article of
it, kept as small tables and made again whenever the store is regrouped.

Why: in a store of 100,000 articles one outlet or one person can be in tens of thousands of
them, and counting their quotes, labels and weeks on every visit takes seconds however the
rows are indexed. Grouping already reads the whole store and changes the story ids these
counts are made of (stories a period), so the counts are made in the same transaction, in a
few SQL passes over the store, and a page reads a few hundred rows.

Tables (all counts of articles that are not removed from the store):

- ``actor_periods``: for each actor, period (``week`` or ``month`` as ``trends`` names them;
  NULL for undated articles), and outlet (``''`` for none): the articles that name it, their
  stories, the quotes it is the speaker of, and its labels in the outlet's own voice and
  quoted. An actor's articles are those of its mentions and those with an entity, a label
  group or (for the quotes) a speaker written as one of its names, as ``trends`` counts them.
- ``actor_outlet_aliases``: for each actor and outlet, each alias the outlet's articles give it,
  with the articles and mentions that use it.
- ``outlet_speakers``: for each outlet, each speaker's quotes and the articles they are in.
- ``outlet_labels``: for each outlet, the uses of each (group, term, voice).
- ``summary_state``: the articles (count and highest rowid) the counts were made from. A
  store changed since (articles added without a regrouping) has counts that are not
  ``current``, and readers count from the rows themselves instead.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storydiff.store.store import Store

PERIODS = {"week": "%Y-W%W", "month": "%Y-%m"}
# The articles table as a lookup by id should read it: through the index that covers an
# article's outlet, date and story, not the wide rows that hold its text and analysis, which
# SQLite's planner reads through the primary key otherwise (eight times slower for the
# articles of a busy actor).
ARTICLES_BY_ID = "articles a INDEXED BY articles_id_outlet"

TABLES = """
CREATE TABLE IF NOT EXISTS actor_periods (
    actor_id      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    period        TEXT,
    outlet        TEXT NOT NULL,
    articles      INTEGER NOT NULL,
    stories       INTEGER NOT NULL,
    quotes_by     INTEGER NOT NULL,
    labels_own    INTEGER NOT NULL,
    labels_quoted INTEGER NOT NULL
);
-- Covering: an actor's trend is read from the index alone, in order.
CREATE INDEX IF NOT EXISTS actor_periods_actor ON actor_periods(
    actor_id, kind, period, outlet, articles, stories, quotes_by, labels_own, labels_quoted
);
CREATE TABLE IF NOT EXISTS actor_outlet_aliases (
    actor_id INTEGER NOT NULL,
    outlet   TEXT NOT NULL,
    alias    TEXT NOT NULL,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS actor_outlet_aliases_actor ON actor_outlet_aliases(actor_id);
CREATE TABLE IF NOT EXISTS outlet_speakers (
    outlet   TEXT NOT NULL,
    speaker  TEXT NOT NULL,
    quotes   INTEGER NOT NULL,
    articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outlet_speakers_outlet ON outlet_speakers(outlet, quotes);
CREATE TABLE IF NOT EXISTS outlet_labels (
    outlet TEXT NOT NULL,
    actor  TEXT,
    term   TEXT NOT NULL,
    voice  TEXT NOT NULL,
    uses   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outlet_labels_outlet ON outlet_labels(outlet);
CREATE INDEX IF NOT EXISTS outlet_labels_actor ON outlet_labels(actor);
CREATE TABLE IF NOT EXISTS summary_state (
    articles   INTEGER NOT NULL,
    last_rowid INTEGER NOT NULL
);
"""

# Each actor's names as quotes' speakers, labels' groups and entities write them (folded as
# SQLite's lower() folds), then the articles and findings of each name.
_ACTOR_ROWS = (
    """CREATE TEMP TABLE actor_names AS
       SELECT actor_id, lower(alias) AS name FROM actor_aliases WHERE is_name = 1
       UNION SELECT id, lower(name) FROM actors""",
    "CREATE INDEX temp.actor_names_name ON actor_names(name)",
    """CREATE TEMP TABLE actor_articles AS
       SELECT actor_id, article_id FROM actor_mentions
       UNION SELECT n.actor_id, e.article_id FROM entities e
             JOIN actor_names n ON n.name = lower(e.name)
       UNION SELECT n.actor_id, l.article_id FROM labels l
             JOIN actor_names n ON n.name = lower(l.actor)""",
    """CREATE TEMP TABLE actor_quotes AS
       SELECT n.actor_id, q.article_id, count(*) AS quotes FROM quotes q
       JOIN actor_names n ON n.name = lower(q.speaker) GROUP BY n.actor_id, q.article_id""",
    "CREATE INDEX temp.actor_quotes_key ON actor_quotes(actor_id, article_id)",
    """CREATE TEMP TABLE actor_labels AS
       SELECT n.actor_id, l.article_id, sum(l.voice = 'own') AS own,
              sum(l.voice <> 'own') AS quoted FROM labels l
       JOIN actor_names n ON n.name = lower(l.actor) GROUP BY n.actor_id, l.article_id""",
    "CREATE INDEX temp.actor_labels_key ON actor_labels(actor_id, article_id)",
)
_ACTOR_PERIODS = f"""
    INSERT INTO actor_periods
    SELECT x.actor_id, :kind, strftime(:pattern, a.published) AS period,
           coalesce(a.outlet, '') AS outlet, count(*), count(DISTINCT a.story_id),
           coalesce(sum(q.quotes), 0), coalesce(sum(l.own), 0), coalesce(sum(l.quoted), 0)
    FROM actor_articles x
    JOIN {ARTICLES_BY_ID} ON a.id = x.article_id
    LEFT JOIN actor_quotes q ON q.actor_id = x.actor_id AND q.article_id = x.article_id
    LEFT JOIN actor_labels l ON l.actor_id = x.actor_id AND l.article_id = x.article_id
    GROUP BY x.actor_id, period, outlet"""
_OUTLET_ROWS = (
    f"""INSERT INTO actor_outlet_aliases
       SELECT m.actor_id, coalesce(a.outlet, ''), m.alias, count(DISTINCT m.article_id),
              sum(m.mentions)
       FROM actor_mentions m JOIN {ARTICLES_BY_ID} ON a.id = m.article_id
       GROUP BY m.actor_id, 2, m.alias""",
    f"""INSERT INTO outlet_speakers
       SELECT coalesce(a.outlet, ''), q.speaker, count(*), count(DISTINCT q.article_id)
       FROM quotes q JOIN {ARTICLES_BY_ID} ON a.id = q.article_id
       WHERE q.speaker IS NOT NULL GROUP BY 1, 2""",
    f"""INSERT INTO outlet_labels
       SELECT coalesce(a.outlet, ''), l.actor, l.term, l.voice, count(*)
       FROM labels l JOIN {ARTICLES_BY_ID} ON a.id = l.article_id
       GROUP BY 1, 2, 3, 4""",
)
_TEMPORARY = ("actor_names", "actor_articles", "actor_quotes", "actor_labels")


def refresh(db: sqlite3.Connection) -> None:
    """Make every count again from the store's rows, inside the caller's transaction."""
    for table in (
        "actor_periods",
        "actor_outlet_aliases",
        "outlet_speakers",
        "outlet_labels",
        "summary_state",
    ):
        db.execute(f"DELETE FROM {table}")
    for statement in _ACTOR_ROWS:
        db.execute(statement)
    for kind, pattern in PERIODS.items():
        db.execute(_ACTOR_PERIODS, {"kind": kind, "pattern": pattern})
    for table in _TEMPORARY:
        db.execute(f"DROP TABLE temp.{table}")
    for statement in _OUTLET_ROWS:
        db.execute(statement)
    db.execute("INSERT INTO summary_state SELECT count(*), coalesce(max(rowid), 0) FROM articles")


def current(store: Store) -> bool:
    """Whether the counts are those of the store's articles as they are now."""
    made = store.query("SELECT articles, last_rowid FROM summary_state")
    now = store.query("SELECT count(*), coalesce(max(rowid), 0) FROM articles")
    return bool(made) and tuple(made[0]) == tuple(now[0])
