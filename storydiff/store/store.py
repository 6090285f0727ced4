"""A corpus of analysed articles in one SQLite file.

Writes come in batches, each one transaction: a run killed at any moment leaves every batch
either wholly stored or not at all, and a second run skips what is stored (articles are keyed
by the hash of their text), so that killing and re-running ingest stores every article exactly
once. WAL journaling lets readers (a notebook, datasette) query the store while it grows.

An article's metadata (outlet, date, title, URL) can be revised in place: its columns, the
analysis JSON and what follows from them (the outlet's country and ownership, the dates the
article resolved against its publication date) change together, in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from storydiff.clean.outlets import outlet_of
from storydiff.errors import Code
from storydiff.model import Analysis, Article, Date, Entity, to_json
from storydiff.nlp.quantities import normalise_dates
from storydiff.store.actors import link_analyses
from storydiff.store.opening import check_store_file, write_fault, write_faults
from storydiff.store.schema import SchemaError, migrate
from storydiff.store.summaries import refresh as refresh_summaries

BUSY_TIMEOUT_MS = 30_000
# A query's rows, a chunk at a time.
Chunks = Iterator[list[tuple[Any, ...]]]

# What story grouping reads of an article's metadata: changing one of these regroups.
GROUPING_FIELDS = frozenset({"outlet", "published", "title"})


@dataclass(frozen=True)
class Metadata:
    """The metadata of a stored article that can be filled in or corrected; None leaves a
    field as it is."""

    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, article: Article) -> Metadata:
        return cls(article.outlet, article.published, article.title, article.url)

    def given(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name)) is not None}


class Store:
    """Open (creating or upgrading it if need be) the store at ``path``.

    ``read_only`` opens an existing store for reading and nothing else (a web app over it):
    SQLite's ``mode=ro`` and ``query_only``, no journal mode set and no migration, so not a
    byte of the file changes; the caller checks its schema version. ``on_upgrade`` is told,
    in a sentence, when a store of an older schema is about to be brought up to date, which
    can take minutes on a large one."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        on_upgrade: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        if read_only:
            uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
            self._db.execute("PRAGMA query_only = 1")
            return
        check_store_file(self.path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            migrate(self._db, self.path, on_upgrade)
        except sqlite3.DatabaseError as error:
            raise write_fault(error, self.path) or SchemaError(
                Code.E027, path=self.path, detail=error
            ) from error

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- writing

    def known(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these articles the store already holds."""
        ids = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def add(self, analyses: Sequence[Analysis]) -> int:
        """Store a batch in one transaction, its new articles' entities linked to the store's
        actors; returns how many were new."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with write_faults(self.path), self._db:
            self._db.execute("BEGIN IMMEDIATE")
            added = [a for a in analyses if self._insert(a, now)]
            link_analyses(self._db, ((a.article.id, a.article.language, a.entities) for a in added))
        return len(added)

    def _insert(self, analysis: Analysis, now: str) -> int:
        article = analysis.article
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO articles (id, source_id, source, line, url, outlet, "
            "outlet_country, outlet_ownership, title, published, language, text, analysis, "
            "ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.source_id,
                article.source,
                article.line,
                article.url,
                article.outlet,
                article.outlet_country,
                article.outlet_ownership,
                article.title,
                article.published,
                article.language,
                article.text,
                to_json(analysis.to_dict()),
                now,
            ),
        )
        if cursor.rowcount == 0:
            return 0
        self._db.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?)",
            [
                (
                    article.id,
                    n,
                    q.speaker.name,
                    q.kind,
                    q.content.start,
                    q.content.end,
                    q.content.text,
                )
                for n, q in enumerate(analysis.quotes)
            ],
        )
        self._db.executemany(
            "INSERT INTO labels VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article.id,
                    n,
                    x.term,
                    x.category,
                    x.actor,
                    x.voice,
                    int(x.contested),
                    x.start,
                    x.end,
                    x.text,
                )
                for n, x in enumerate(analysis.labels)
            ],
        )
        self._db.executemany(
            "INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article.id,
                    n,
                    x.text,
                    _number(x.value),
                    _number(x.low),
                    _number(x.high),
                    x.counts,
                    x.claimed_by,
                    x.start,
                    x.end,
                )
                for n, x in enumerate(analysis.quantities)
            ],
        )
        self._db.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?)",
            [(article.id, e.id, e.name, e.kind, len(e.mentions)) for e in analysis.entities],
        )
        return 1

    def revise(
        self, revisions: Sequence[tuple[str, Metadata]], *, only_missing: bool = False
    ) -> list[frozenset[str] | None]:
        """Give articles new metadata, in one transaction; for each ``(article id,
        metadata)``, the fields that changed (None when the store has no such article).
        ``only_missing`` fills in only what a row lacks and never overwrites a value."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            return [self._revise(i, m, only_missing) for i, m in revisions]

    def _revise(
        self, article_id: str, metadata: Metadata, only_missing: bool
    ) -> frozenset[str] | None:
        row = self._db.execute(
            "SELECT outlet, published, title, url, analysis, language FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        current = dict(zip(("outlet", "published", "title", "url"), row[:4], strict=True))
        changes: dict[str, Any] = {
            name: value
            for name, value in metadata.given().items()
            if value != current[name] and (current[name] is None or not only_missing)
        }
        if not changes:
            return frozenset()
        changed = frozenset(changes)
        if changed & {"outlet", "url"}:
            profile = outlet_of(
                changes.get("outlet", current["outlet"]), changes.get("url", current["url"])
            )
            changes["outlet_country"] = profile.country if profile else None
            changes["outlet_ownership"] = profile.ownership if profile else None
        analysis = {**json.loads(row[4]), **changes}
        if "published" in changes:
            # "Yesterday" and "on Tuesday" were read against the old date (or none).
            dates = [Date.from_dict(d) for d in analysis.get("dates", [])]
            redated = normalise_dates(dates, changes["published"], row[5] or "en")
            analysis["dates"] = [d.to_dict() for d in redated]
        columns = ", ".join(f"{name} = ?" for name in changes)
        self._db.execute(
            f"UPDATE articles SET {columns}, analysis = ? WHERE id = ?",
            (*changes.values(), to_json(analysis), article_id),
        )
        return changed

    def rename_outlet(self, old: str, new: str) -> int:
        """Give every article of outlet ``old`` the outlet ``new`` (and its profile), in one
        transaction; returns how many articles changed."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cursor = self._db.execute(
                "UPDATE articles SET outlet = ?1, "
                "outlet_country = storydiff_outlet_country(?1, url), "
                "outlet_ownership = storydiff_outlet_ownership(?1, url), "
                "analysis = json_set(analysis, '$.outlet', ?1, "
                "'$.outlet_country', storydiff_outlet_country(?1, url), "
                "'$.outlet_ownership', storydiff_outlet_ownership(?1, url)) WHERE outlet = ?2",
                (new, old),
            )
        return cursor.rowcount

    def replace_stories(
        self,
        stories: Iterable[tuple[str, str | None, str | None, str | None, Sequence[str]]],
        copies: Mapping[str, str],
    ) -> None:
        """Store a grouping in one transaction, replacing the previous one: ``stories`` as
        ``(id, title, first, last, article ids)``, ``copies`` as article id to origin id.

        A story keeps the id it had in the previous grouping when it holds the articles of
        exactly one earlier story and that story's went nowhere else (new articles may have
        joined it); a story split off or merged gets a fresh id, and the ids it came from are
        kept in ``story_sources``, so that a link to a story outlives a regrouping. The ids
        ``stories`` gives are provisional. ``stories`` is consumed as it comes, so a grouping
        can stream its stories in as they close; ``copies`` need only hold a story's copies by
        the time the story arrives."""
        with write_faults(self.path), self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for statement in _REGROUP_TABLES:
                self._db.execute(statement)
            for story_id, title, first, last, members in stories:
                origins = sum(1 for m in members if m not in copies)
                self._db.execute(
                    "INSERT INTO temp.grouped VALUES (?,?,?,?,?,?)",
                    (story_id, title, first, last, len(members), origins),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO temp.assigned VALUES (?,?)",
                    [(m, story_id) for m in members],
                )
            (highest,) = self._db.execute(_HIGHEST_STORY_NUMBER).fetchone()
            for statement in _REGROUP_NAMES:
                self._db.execute(statement, {"highest": highest or 0})
            self._db.executemany(
                "UPDATE articles SET copy_of = ? WHERE id = ?", [(o, a) for a, o in copies.items()]
            )
            for statement in _REGROUP_DROP:
                self._db.execute(statement)
            refresh_summaries(self._db)

    def story_articles(self, story_id: str) -> list[str]:
        """The ids of a story's articles, oldest first."""
        rows = self._db.execute(
            "SELECT id FROM articles WHERE story_id = ? "
            "ORDER BY published IS NULL, published, rowid",
            (story_id,),
        )
        return [row[0] for row in rows]

    def successors(self, story_id: str) -> list[str]:
        """The stories a story that no longer exists was split or merged into, so that an
        old link can say where its articles went."""
        rows = self._db.execute(
            "SELECT story_id FROM story_sources WHERE came_from = ? ORDER BY story_id",
            (story_id,),
        )
        return [row[0] for row in rows]

    def story_analyses(self, story_id: str) -> list[Analysis]:
        """A story's analyses, oldest first; none for an unknown story."""
        return [a for a in map(self.analysis, self.story_articles(story_id)) if a is not None]

    # ---------------------------------------------------------------- reading

    def count(self) -> int:
        articles: int = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return articles

    def outlines(self, chunk_rows: int = 256) -> Iterator[Analysis]:
        """Every article, oldest first, with only what grouping reads: its metadata, text and
        named entities (no mentions, quotes or labels). Decoding the full analysis JSON would
        cost more than the grouping itself."""
        reader = sqlite3.connect(self.path)
        try:
            rows = reader.execute(
                "SELECT id, source, line, url, outlet, title, published, text FROM articles "
                "ORDER BY published IS NULL, published, rowid"
            )
            while chunk := rows.fetchmany(chunk_rows):
                ids = [row[0] for row in chunk]
                marks = ",".join("?" * len(ids))
                entities: dict[str, list[Entity]] = {}
                for article_id, entity_id, name, kind in reader.execute(
                    f"SELECT article_id, entity_id, name, kind FROM entities "
                    f"WHERE article_id IN ({marks})",
                    ids,
                ):
                    entities.setdefault(article_id, []).append(Entity(entity_id, name, kind, ()))
                for article_id, source, line, url, outlet, title, published, text in chunk:
                    article = Article(article_id, source, text, line, url, title, outlet, published)
                    yield Analysis(article, tuple(entities.get(article_id, ())))
        finally:
            reader.close()

    def analysis(self, article_id: str) -> Analysis | None:
        row = self._db.execute(
            "SELECT analysis FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Analysis.from_dict(json.loads(row[0])) if row else None

    def stream(self, sql: str, chunk_rows: int) -> tuple[list[str], Chunks]:
        """A query's column names and its rows in chunks, for exports larger than memory."""
        cursor = self._db.execute(sql)
        columns = [d[0] for d in cursor.description]

        def chunks() -> Chunks:
            while rows := cursor.fetchmany(chunk_rows):
                yield rows

        return columns, chunks()

    def query(
        self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[sqlite3.Row]:
        """Rows of a read-only query, by column name as well as position."""
        self._db.row_factory = sqlite3.Row
        try:
            return list(self._db.execute(sql, parameters))
        finally:
            self._db.row_factory = None


def _number(value: Any) -> float | None:
    """Quantities hold numbers, but a date-like value ("--08-23") is text: keep numbers only."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


# Regrouping (``Store.replace_stories``): the new grouping goes into temporary tables first,
# so that each new story can be named from the stories its articles were in before.
_REGROUP_TABLES = (
    "CREATE TEMP TABLE grouped (id TEXT PRIMARY KEY, title TEXT, first TEXT, last TEXT, "
    "articles INTEGER, origins INTEGER)",
    "CREATE TEMP TABLE assigned (article TEXT PRIMARY KEY, story TEXT NOT NULL)",
)
# The highest number among the ids a story has had, so that a fresh id is never one an
# earlier link could mean.
_HIGHEST_STORY_NUMBER = (
    "SELECT max(CAST(substr(id, 2) AS INTEGER)) FROM "
    "(SELECT id FROM stories UNION SELECT came_from FROM story_sources "
    "UNION SELECT story_id FROM story_sources) WHERE id GLOB 's[0-9]*'"
)
_REGROUP_NAMES = (
    # Which earlier story each new one holds articles of.
    "CREATE TEMP TABLE lineage AS SELECT DISTINCT g.story AS new, a.story_id AS old "
    "FROM temp.assigned g JOIN articles a ON a.id = g.article WHERE a.story_id IS NOT NULL",
    "CREATE TEMP TABLE named (new TEXT PRIMARY KEY, id TEXT NOT NULL, kept INTEGER NOT NULL)",
    # One earlier story, whole: the same story, the same id.
    "INSERT INTO temp.named SELECT new, old, 1 FROM temp.lineage "
    "WHERE new IN (SELECT new FROM temp.lineage GROUP BY new HAVING count(*) = 1) "
    "AND old IN (SELECT old FROM temp.lineage GROUP BY old HAVING count(*) = 1)",
    # Anything else: a fresh id, in the order the grouping numbered its stories.
    "INSERT INTO temp.named SELECT id, 's' || (:highest + row_number() OVER "
    "(ORDER BY length(id), id)), 0 FROM temp.grouped WHERE id NOT IN (SELECT new FROM temp.named)",
    "DELETE FROM story_sources WHERE story_id NOT IN (SELECT id FROM temp.named WHERE kept)",
    "INSERT INTO story_sources SELECT n.id, l.old FROM temp.lineage l "
    "JOIN temp.named n ON n.new = l.new WHERE NOT n.kept",
    "UPDATE articles SET story_id = NULL, copy_of = NULL",
    "DELETE FROM stories",
    "INSERT INTO stories (id, title, first, last, articles, origins) "
    "SELECT n.id, g.title, g.first, g.last, g.articles, g.origins "
    "FROM temp.grouped g JOIN temp.named n ON n.new = g.id",
    "UPDATE articles SET story_id = (SELECT n.id FROM temp.assigned s "
    "JOIN temp.named n ON n.new = s.story WHERE s.article = articles.id) "
    "WHERE id IN (SELECT article FROM temp.assigned)",
)
_REGROUP_DROP = tuple(
    f"DROP TABLE temp.{table}" for table in ("grouped", "assigned", "lineage", "named")
)
