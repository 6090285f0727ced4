"""A store's tables as Parquet, CSV or JSON Lines, for pandas, R, DuckDB or a spreadsheet.

Rows are streamed from SQLite and written in chunks, so exporting a corpus of millions of
quotes needs the memory of one chunk. The analysis JSON stays in the store: the exported
articles carry their metadata and text, and the other tables their own rows, each row of a
quote, label, figure or entity with its article's outlet, date and title, so that a row read
alone (a spreadsheet filtered to one speaker) still says who published it and when.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import PurePath
from typing import Any, BinaryIO

from storydiff.errors import Code, OptionError, check_choice
from storydiff.model import to_json
from storydiff.store.aliases import resolve_actor
from storydiff.store.store import Chunks, Store

ARTICLES = (
    "SELECT id, source, line, url, outlet, outlet_country, outlet_ownership, title, published, "
    "language, text, copy_of, story_id, ingested_at, source_id FROM articles"
)
# Each table, and the columns its rows are ordered by.
TABLES = {
    "articles": "rowid",
    "quotes": "article_id, number",
    "labels": "article_id, number",
    "quantities": "article_id, number",
    "entities": "article_id, entity_id",
    "stories": "first IS NULL, first, id",
    "story_sources": "story_id, came_from",
    "actors": "id",
    "actor_aliases": "actor_id, alias",
    "actor_mentions": "article_id, entity_id, alias",
}
# What a row of a table that refers to an article carries of it, after ``article_id``.
ARTICLE_FIELDS = ("outlet", "published", "title")
FORMATS = ("parquet", "csv", "jsonl")
EXTENSIONS = {
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
CHUNK_ROWS = 10_000
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Output = str | PathLike[str] | BinaryIO


def format_for(path: str | PathLike[str]) -> str:
    """The format a file name's extension asks for; E029 when it names none, rather than a
    guess: a file called ``quotes.csv`` holding Parquet helps nobody."""
    suffix = PurePath(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    known = ", ".join(EXTENSIONS)
    hint = (
        " (the export is JSON Lines, one row a line: name it .jsonl)" if suffix == ".json" else ""
    )
    raise OptionError(Code.E029, path=str(path), hint=hint, known=known)


def export(store: Store, table: str, output: Output, fmt: str, actor: str | None = None) -> int:
    """Write one table to ``output``, a path or a binary stream (left open); returns the
    number of rows. ``actor``, any alias of a stored actor, keeps the rows of that actor and
    of the articles naming it (E041 for a name no actor has)."""
    check_choice("table", table, TABLES)
    check_choice("format", fmt, FORMATS)
    types = {row["name"]: row["type"] for row in store.query(f"PRAGMA table_info({table})")}
    actor_id = None if actor is None else resolve_actor(store, actor).id
    columns, chunks = store.stream(_query(table, list(types), actor_id), CHUNK_ROWS)
    with _binary(output) as stream:
        if fmt == "parquet":
            return _parquet(stream, columns, chunks, [types.get(c, "TEXT") for c in columns])
        writer = _csv if fmt == "csv" else _jsonl
        return writer(stream, columns, chunks)


def _query(table: str, columns: list[str], actor_id: int | None) -> str:
    where = "" if actor_id is None else f" WHERE {_of_actor(table, columns, int(actor_id))}"
    if table == "articles":
        return f"{ARTICLES}{where} ORDER BY rowid"
    if "article_id" not in columns:
        return f"SELECT * FROM {table}{where} ORDER BY {TABLES[table]}"
    own = ", ".join(f't."{c}"' for c in columns if c != "article_id")
    joined = ", ".join(f"a.{c}" for c in ARTICLE_FIELDS)
    order = ", ".join(f"t.{c.strip()}" for c in TABLES[table].split(","))
    return (
        f"SELECT t.article_id, {joined}, {own} FROM {table} AS t "
        f"LEFT JOIN articles AS a ON a.id = t.article_id{where} ORDER BY {order}"
    )


def _of_actor(table: str, columns: list[str], actor_id: int) -> str:
    """The condition keeping one actor's rows: its own (actors, aliases, mentions), else
    those of the articles that name it, or of the stories those articles are in."""
    articles = f"(SELECT article_id FROM actor_mentions WHERE actor_id = {actor_id})"
    if table == "actors":
        return f"id = {actor_id}"
    if "actor_id" in columns:
        return f"actor_id = {actor_id}"
    if table == "articles":
        return f"id IN {articles}"
    stories = f"(SELECT story_id FROM articles WHERE id IN {articles})"
    if table == "stories":
        return f"id IN {stories}"
    if table == "story_sources":
        return f"story_id IN {stories}"
    return f"t.article_id IN {articles}"


@contextmanager
def _binary(output: Output) -> Iterator[BinaryIO]:
    """A path opened for writing (and closed), or a stream as given (left open)."""
    if isinstance(output, str | PathLike):
        with open(output, "wb") as stream:
            yield stream
    else:
        yield output


@contextmanager
def _text(stream: BinaryIO, newline: str | None = None) -> Iterator[io.TextIOWrapper]:
    """UTF-8 text on a binary stream, detached at the end so that the stream stays open."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline=newline)
    try:
        yield text
    finally:
        text.flush()
        text.detach()


def _csv(stream: BinaryIO, columns: list[str], chunks: Chunks) -> int:
    count = 0
    with _text(stream, newline="") as text:
        writer = csv.writer(text)
        writer.writerow(columns)
        for chunk in chunks:
            writer.writerows(map(spreadsheet_safe, chunk))
            count += len(chunk)
    return count


def spreadsheet_safe(row: Iterable[Any]) -> list[Any]:
    """A CSV row as a spreadsheet can open it: a text cell that starts like a formula (an
    article's title "=HYPERLINK(...)", a quote "-- and then") gets a leading ``'``, as OWASP
    recommends, so that it shows as text and never runs; numbers are left alone."""
    return [f"'{v}" if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in row]


def _jsonl(stream: BinaryIO, columns: list[str], chunks: Chunks) -> int:
    count = 0
    with _text(stream) as text:
        for chunk in chunks:
            for row in chunk:
                text.write(to_json(dict(zip(columns, row, strict=True))))
                text.write("\n")
            count += len(chunk)
    return count


def _parquet(stream: BinaryIO, columns: list[str], chunks: Chunks, types: list[str]) -> int:
    """Columns typed from the table's declared SQLite types, so that a column empty in the
    first chunk has the same type as in the rest (an article's outlet, date and title are
    text). Written front to back, so standard output through a pipe will do."""
    import pyarrow as pa
    import pyarrow.parquet as parquet

    arrow: dict[str, pa.DataType] = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema(
        [(c, arrow.get(t.upper(), pa.string())) for c, t in zip(columns, types, strict=True)]
    )
    count = 0
    with parquet.ParquetWriter(stream, schema) as writer:
        for chunk in chunks:
            rows = [dict(zip(columns, r, strict=True)) for r in chunk]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(chunk)
    return count
