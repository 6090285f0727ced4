"""Tables of articles: CSV and Parquet files, one article a row, with a column mapping.

Scrapers and datasets name their columns as they like (``body``, ``headline``, ``date``), so
``columns`` maps storydiff's fields (text, title, outlet, url, published, id) to the table's.
Rows are streamed, never loaded whole, and a bad row is an error for ``path:ROW`` while reading
goes on with the next; a table without the text column is one error for the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources.detect import CSV, PARQUET
from storydiff.sources.files import read_failure
from storydiff.sources.jsonl import FIELDS, Columns, fields_document

if TYPE_CHECKING:  # pyarrow is imported when a Parquet file is read
    from pyarrow.parquet import ParquetFile

PARQUET_BATCH_ROWS = 1024
# One row by column name, as a table holds it.
Row = dict[str, Any]

Item = Document | InputError


def read_csv(stream: BinaryIO, source: str, max_bytes: int, columns: Columns) -> Iterator[Item]:
    """Rows of a CSV file with a header line (UTF-8, a byte-order mark allowed)."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    previous_limit = csv.field_size_limit(max_bytes)
    try:
        reader = csv.DictReader(text)
        try:
            header = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as error:
            raise InputError(source, Code.E016, kind="CSV", detail=str(error)) from error
        _require_text_column(header, columns, source)
        yield from _rows(_csv_rows(reader, source), source, CSV, columns)
    finally:
        csv.field_size_limit(previous_limit)


def read_parquet(stream: BinaryIO, source: str, columns: Columns) -> Iterator[Item]:
    """Rows of a Parquet file (a seekable stream), read a batch of rows at a time."""
    try:
        import pyarrow.parquet as parquet
    except ImportError as error:  # pragma: no cover - pyarrow is a dependency
        raise InputError(source, Code.E016, kind="Parquet", detail=f"pyarrow: {error}") from error
    try:
        table = parquet.ParquetFile(stream)
    except Exception as error:  # noqa: BLE001 — pyarrow raises many kinds for a bad file
        raise InputError(source, Code.E016, kind="Parquet", detail=str(error)) from error
    header = table.schema_arrow.names
    _require_text_column(header, columns, source)
    wanted = sorted({columns[f] for f in FIELDS if columns[f] in header})
    yield from _rows(_parquet_rows(table, wanted, source), source, PARQUET, columns)


def _csv_rows(reader: csv.DictReader[str], source: str) -> Iterator[tuple[int, Row | InputError]]:
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as error:
            yield number, InputError(f"{source}:{number}", Code.E016, kind="CSV", detail=str(error))
            if isinstance(error, UnicodeDecodeError):
                return  # the stream cannot be resynchronised after bad bytes
            continue
        yield number, row


def _parquet_rows(table: ParquetFile, wanted: list[str], path: str) -> Iterator[tuple[int, Row]]:
    number = 0
    try:
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
            for row in batch.to_pylist():
                number += 1
                yield number, {key: _plain(value) for key, value in row.items()}
    except Exception as error:  # noqa: BLE001 — a corrupt page ends the file, not the batch
        raise InputError(path, Code.E016, kind="Parquet", detail=str(error)) from error


def _rows(
    rows: Iterable[tuple[int, Row | InputError]], source: str, kind: str, columns: Columns
) -> Iterator[Item]:
    for number, row in rows:
        if isinstance(row, InputError):
            yield row
            continue
        try:
            yield fields_document(row, source, number, kind, columns)
        except InputError as error:
            yield error
        except Exception as error:  # noqa: BLE001 — one odd row must not end the table
            yield read_failure(f"{source}:{number}", error)


def _require_text_column(header: Sequence[str], columns: Columns, source: str) -> None:
    if columns["text"] not in header:
        raise InputError(
            source,
            Code.E017,
            column=columns["text"],
            field="text",
            columns=", ".join(header) or "none",
        )


def _plain(value: Any) -> Any:
    """Parquet dates and timestamps as ISO text, as every other reader gives them."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
