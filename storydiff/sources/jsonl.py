"""JSON Lines corpora: one article a line, read as a stream.

A corpus file can be far larger than memory and a scraper's output often has a few broken
lines, so lines are read one at a time, the size limit applies to each record, and a bad line
becomes an error for ``path:LINE`` while reading goes on with the next one.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from storydiff.config import COLUMN_FIELDS
from storydiff.errors import Code, InputError
from storydiff.model import REPLACED_SURROGATES, Document, counted
from storydiff.sources.decode import (
    count_surrogates,
    decode_bytes,
    normalise,
    replace_surrogates,
)
from storydiff.sources.detect import JSONL
from storydiff.sources.files import read_failure
from storydiff.sources.urls import checked_url

# Fields whose value is prose: normalised like any article text. The others (url, published,
# id) are identifiers: only trimmed, never rewritten.
_PROSE_FIELDS = ("title", "outlet")
_IDENTIFIER_FIELDS = ("url", "published")
# The text, the id and those above: the fields the setting reading.columns can map.
FIELDS = COLUMN_FIELDS
# Which column holds each of storydiff's fields; a table's own names are mapped with
# ``--columns text=body,title=headline``.
Columns = Mapping[str, str]
DEFAULT_COLUMNS: Columns = {field: field for field in FIELDS}


@dataclass(frozen=True)
class Line:
    """One line of the stream; ``data`` is None when it was too long to keep."""

    number: int
    data: bytes | None
    size: int


def read_jsonl(
    blocks: Iterable[bytes], source: str, max_bytes: int, columns: Columns = DEFAULT_COLUMNS
) -> Iterator[Document | InputError]:
    """A Document or an InputError for every non-blank line, in file order."""
    seen_record = False
    for line in iter_lines(blocks, max_bytes):
        if line.data is not None and not line.data.strip():
            continue
        seen_record = True
        yield _record_or_error(line, source, max_bytes, columns)
    if not seen_record:
        yield InputError(source, Code.E002)


def iter_lines(blocks: Iterable[bytes], limit: int) -> Iterator[Line]:
    """Split a byte stream on newlines, holding at most ``limit`` bytes of any one line.

    A longer line is counted but not kept, so one runaway record cannot exhaust memory.
    """
    number = 0
    pending = bytearray()
    overflow: int | None = None
    for block in blocks:
        pieces = block.split(b"\n")
        for index, piece in enumerate(pieces):
            if overflow is not None:
                overflow += len(piece)
            else:
                pending += piece
                if len(pending) > limit:
                    overflow, pending = len(pending), bytearray()
            if index < len(pieces) - 1:
                number += 1
                yield _line(number, pending, overflow)
                pending, overflow = bytearray(), None
    if pending or overflow is not None:
        yield _line(number + 1, pending, overflow)


def record_document(
    data: bytes, source: str, number: int, columns: Columns = DEFAULT_COLUMNS
) -> Document:
    """Turn one line into a Document; raises InputError naming ``source:number``."""
    where = f"{source}:{number}"
    record = _parse(decode_bytes(data, where), where)
    return fields_document(record, source, number, JSONL, columns)


def fields_document(
    record: dict[str, Any], source: str, number: int, kind: str, columns: Columns
) -> Document:
    """A Document from one record of named fields (a JSON object, a table row), reading each
    of storydiff's fields from the column ``columns`` maps it to."""
    where = f"{source}:{number}"
    text_column = columns["text"]
    if record.get(text_column) is None:
        raise InputError(where, Code.E008, field=text_column)
    read = {columns[key] for key in FIELDS}
    replaced = sum(count_surrogates(record[c]) for c in read if isinstance(record.get(c), str))
    raw = _string(record, text_column, where) or ""
    text = normalise(raw)
    if not text.strip():
        detail = "only whitespace" if raw else "an empty string"
        raise InputError(
            where, Code.E015, field=text_column, expected="non-empty text", detail=detail
        )
    prose = {key: _prose(_string(record, columns[key], where)) for key in _PROSE_FIELDS}
    identifiers = {
        key: _identifier(_string(record, columns[key], where)) for key in _IDENTIFIER_FIELDS
    }
    identifiers["url"] = checked_url(identifiers["url"], where, columns["url"])
    return Document(
        source=source,
        text=text,
        kind=kind,
        line=number,
        id=_record_id(record, columns["id"], where),
        warnings=counted((), REPLACED_SURROGATES, replaced),
        language=_stated_language(record),
        **prose,
        **identifiers,
    )


def _stated_language(record: dict[str, Any]) -> str | None:
    """A record's ``language`` field (or ``lang``), when it holds a string."""
    stated = record.get("language", record.get("lang"))
    return stated if isinstance(stated, str) and stated.strip() else None


def _record_or_error(
    line: Line, source: str, max_bytes: int, columns: Columns
) -> Document | InputError:
    where = f"{source}:{line.number}"
    if line.data is None:
        return InputError(where, Code.E004, size=line.size, limit=max_bytes)
    try:
        return record_document(line.data, source, line.number, columns)
    except InputError as err:
        return err
    except Exception as err:  # one odd record must not end the corpus
        return read_failure(where, err)


def _line(number: int, pending: bytearray, overflow: int | None) -> Line:
    if overflow is not None:
        return Line(number, None, overflow)
    return Line(number, bytes(pending), len(pending))


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as err:
        # json's own messages may end in "at" ("Unterminated string starting at").
        message = err.msg.removesuffix(" at")
        raise InputError(where, Code.E007, detail=f"{message} at column {err.colno}") from err
    except RecursionError as err:  # arrays in arrays, thousands deep: no article is that
        raise InputError(where, Code.E007, detail="values nested too deeply") from err
    if not isinstance(record, dict):
        raise InputError(where, Code.E014, detail=_json_type(record))
    return record


def _integer(digits: str) -> int | str:
    """A JSON integer; one longer than Python converts (``sys.get_int_max_str_digits``, 4,300
    digits by default) stays its digits, a string, rather than failing the record."""
    limit = sys.get_int_max_str_digits()
    return int(digits) if not limit or len(digits.lstrip("-")) <= limit else digits


def _string(record: dict[str, Any], key: str, where: str) -> str | None:
    """A field's string; a JSON escape such as "\\ud800" becomes U+FFFD here, in every field,
    so that what is read can always be written out as UTF-8."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return replace_surrogates(value)
    raise InputError(where, Code.E015, field=key, expected="a string", detail=_json_type(value))


def _record_id(record: dict[str, Any], column: str, where: str) -> str | None:
    """Corpora number their records as often as they name them, so integers are accepted."""
    value = record.get(column)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _identifier(_string(record, column, where))


def _prose(value: str | None) -> str | None:
    """A blank title is no title: None lets the cleaner detect one."""
    return _identifier(normalise(value)) if value is not None else None


def _identifier(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
