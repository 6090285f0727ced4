"""A store's tables as Parquet, CSV or JSON Lines, for pandas, R, DuckDB or a spreadsheet.

Rows are streamed from SQLite and written in chunks, so exporting a corpus of millions of
quotes needs the memory of one chunk. The analysis JSON stays in the store: the exported
articles carry their metadata and text, and the other tables their own rows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storydiff.model import to_json
from storydiff.store.store import Store

TABLES = {
    "articles": "SELECT id, source, line, url, outlet, title, published, language, text, "
    "copy_of, story_id, ingested_at, source_id FROM articles ORDER BY rowid",
    "quotes": "SELECT * FROM quotes ORDER BY article_id, number",
    "labels": "SELECT * FROM labels ORDER BY article_id, number",
    "quantities": "SELECT * FROM quantities ORDER BY article_id, number",
    "entities": "SELECT * FROM entities ORDER BY article_id, entity_id",
    "stories": "SELECT * FROM stories ORDER BY first IS NULL, first, id",
}
FORMATS = ("parquet", "csv", "jsonl")
CHUNK_ROWS = 10_000
# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export(store: Store, table: str, path: str | Path, fmt: str) -> int:
    """Write one table to ``path``; returns the number of rows."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    columns, chunks = store.stream(TABLES[table], CHUNK_ROWS)
    if fmt == "parquet":
        types = {row["name"]: row["type"] for row in store.query(f"PRAGMA table_info({table})")}
        return _parquet(Path(path), columns, chunks, [types.get(c, "TEXT") for c in columns])
    writer = _csv if fmt == "csv" else _jsonl
    return writer(Path(path), columns, chunks)


def _csv(path: Path, columns: list[str], chunks: Iterator[list[tuple]]) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
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


def _jsonl(path: Path, columns: list[str], chunks: Iterator[list[tuple]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for chunk in chunks:
            for row in chunk:
                stream.write(to_json(dict(zip(columns, row, strict=True))))
                stream.write("\n")
            count += len(chunk)
    return count


def _parquet(
    path: Path, columns: list[str], chunks: Iterator[list[tuple]], types: list[str]
) -> int:
    """Columns typed from the table's declared SQLite types, so that a column empty in the
    first chunk has the same type as in the rest."""
    import pyarrow as pa
    import pyarrow.parquet as parquet

    arrow = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema(
        [(c, arrow.get(t.upper(), pa.string())) for c, t in zip(columns, types, strict=True)]
    )
    count = 0
    with parquet.ParquetWriter(path, schema) as writer:
        for chunk in chunks:
            rows = [dict(zip(columns, r, strict=True)) for r in chunk]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(chunk)
    return count
