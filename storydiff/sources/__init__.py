"""Readers: every kind of input becomes a ``Document`` of normalised text plus metadata.

This is the edge of the flow that touches the disk, so it is where untrusted input is met:
a batch must go on past a missing, empty, binary, oversized or malformed input. That is why
``read_inputs`` yields an ``InputError`` for such an input instead of raising, and why even an
unexpected exception becomes an error for that one input (E009) rather than a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from storydiff.config import DEFAULTS
from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources.decode import (
    decode_bytes,
    normalise,
    peek_text,
    reject_binary,
    reject_control_characters,
)
from storydiff.sources.detect import (
    CSV,
    HTML,
    JSONL,
    KINDS,
    PARQUET,
    TEXT,
    WARC,
    detect_container,
    detect_kind,
    looks_like_feed,
)
from storydiff.sources.feeds import fetch, read_feed
from storydiff.sources.files import chunks, open_binary, read_failure, read_rest, walk
from storydiff.sources.html import html_document
from storydiff.sources.jsonl import DEFAULT_COLUMNS, FIELDS, Columns, read_jsonl
from storydiff.sources.tables import read_csv, read_parquet
from storydiff.sources.text import text_document
from storydiff.sources.warc import read_warc

__all__ = [
    "DEFAULT_COLUMNS",
    "FIELDS",
    "KINDS",
    "STDIN",
    "STDIN_SOURCE",
    "read_inputs",
    "read_text",
]

# A feed is read whole (feedparser needs it so); a big news feed is a few megabytes.
MAX_FEED_BYTES = 50 * 1024 * 1024
STDIN = "-"
STDIN_SOURCE = "<stdin>"

# Enough to recognise a page or a JSON Lines record, and to name a binary format.
_SNIFF_BYTES = 1 << 16

Item = Document | InputError


def read_inputs(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULTS.reading.max_bytes,
    columns: Columns | None = None,
    fetch_links: bool = False,
) -> Iterator[Item]:
    """Documents and InputErrors for files, directories, URLs and ``-``, in input order.

    ``max_bytes`` bounds one article: a whole text or HTML file, one JSON Lines record, table
    row or archived page (a corpus file itself may be any size; it is streamed). ``columns``
    maps storydiff's fields to a table's or JSON Lines file's own column names. A URL is
    fetched (a feed or a page); ``fetch_links`` also fetches the page each feed entry links to.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    if isinstance(inputs, str):
        raise TypeError("inputs must be a sequence of paths, not a single string")
    options = _Options(max_bytes, {**DEFAULT_COLUMNS, **(columns or {})}, fetch_links)
    return _read_all(inputs, stdin, options)


def read_text(
    text: str,
    source: str = "<text>",
    *,
    kind: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULTS.reading.max_bytes,
) -> Document:
    """One article given as a string (plain text or HTML; detected when ``kind`` is None).

    Unlike ``read_inputs`` this raises InputError: a caller with one string has no batch to
    keep going. ``url``, when known, helps the HTML extractor; nothing is fetched. The string
    is held to ``max_bytes`` in UTF-8, as a file is (E004).
    """
    if kind not in (None, TEXT, HTML):
        raise ValueError(
            f"read_text reads one article: kind must be 'text' or 'html', not {kind!r}"
        )
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError(source, Code.E004, size=size, limit=max_bytes)
    return _document(text, source, kind, url)


@dataclass(frozen=True)
class _Options:
    max_bytes: int
    columns: Columns
    fetch_links: bool


def _read_all(inputs: Sequence[str], stdin: BinaryIO | None, options: _Options) -> Iterator[Item]:
    for name in inputs:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN_SOURCE, _read_stream(stream, options.max_bytes))
        elif _is_url(name):
            yield from _guarded(name, _read_url(name, options))
        elif os.path.isdir(name):
            yield from _read_directory(name, options)
        else:
            yield from _guarded(name, _read_file(name, options))


def _read_directory(root: str, options: _Options) -> Iterator[Item]:
    for path in walk(root):
        if isinstance(path, InputError):
            yield path
        else:
            yield from _guarded(path, _read_file(path, options))


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Whatever goes wrong inside one input ends that input only."""
    try:
        yield from items
    except InputError as err:
        yield err
    except Exception as err:
        yield read_failure(source, err)


def _read_file(path: str, options: _Options) -> Iterator[Item]:
    """Sniff the head to choose a reader: corpus files (JSON Lines, tables, archives, feeds)
    are streamed, anything else read whole."""
    with open_binary(path) as stream:
        head = stream.read(_SNIFF_BYTES)
        container = detect_container(head, path)
        if container is not None:
            stream.seek(0)
            yield from _read_container(container, stream, path, options)
            return
        reject_binary(head, path)
        kind = detect_kind(peek_text(head), path)
        if kind == JSONL:
            yield from read_jsonl(chunks(stream, head), path, options.max_bytes, options.columns)
        else:
            yield _from_bytes(read_rest(stream, head, options.max_bytes, path), path, kind)


def _read_container(kind: str, stream: BinaryIO, path: str, options: _Options) -> Iterator[Item]:
    if kind == WARC:
        yield from read_warc(stream, path, options.max_bytes)
    elif kind == CSV:
        yield from read_csv(stream, path, options.max_bytes, options.columns)
    elif kind == PARQUET:
        yield from read_parquet(path, options.columns)
    else:
        data = read_rest(stream, b"", MAX_FEED_BYTES, path)
        yield from read_feed(data, path, options.max_bytes, fetch_links=options.fetch_links)


def _is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def _read_url(url: str, options: _Options) -> Iterator[Item]:
    """A URL the user gave: a feed (its entries) or one page."""
    data = fetch(url, max(options.max_bytes, MAX_FEED_BYTES))
    if looks_like_feed(peek_text(data[:_SNIFF_BYTES])):
        yield from read_feed(data, url, options.max_bytes, fetch_links=options.fetch_links)
    else:
        yield _document(decode_bytes(data, url), url, HTML, url)


def _read_stream(stream: BinaryIO, max_bytes: int) -> Iterator[Item]:
    """Standard input holds one article by contract, so JSON Lines is not sniffed for."""
    yield _from_bytes(read_rest(stream, b"", max_bytes, STDIN_SOURCE), STDIN_SOURCE, None)


def _from_bytes(data: bytes, source: str, kind: str | None) -> Document:
    if not data.strip():
        raise InputError(source, Code.E002)
    return _document(decode_bytes(data, source), source, kind, None)


def _document(text: str, source: str, kind: str | None, url: str | None) -> Document:
    """The one path from text to Document shared by files, standard input and strings."""
    reject_control_characters(text, source)
    text = normalise(text)
    if not text.strip():
        raise InputError(source, Code.E002)
    kind = kind or detect_kind(text, allow_jsonl=False)
    if kind == HTML:
        return html_document(text, source, url=url)
    return text_document(text, source)
