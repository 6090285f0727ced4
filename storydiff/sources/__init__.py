"""Readers: every kind of input becomes a ``Document`` of normalised text plus metadata.

This is the edge of the flow that touches the disk, so it is where untrusted input is met:
a batch must go on past a missing, empty, binary, oversized or malformed input. That is why
``read_inputs`` yields an ``InputError`` for such an input instead of raising, and why even an
unexpected exception becomes an error for that one input (E009) rather than a traceback.

Each kind of file is read by a ``Reader`` from the ``readers`` registry (``readers.py``); this
module registers storydiff's own, one a kind that ``detect.py`` tells apart.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from storydiff.errors import Code, InputError, OptionError, check_choice
from storydiff.model import REPLACED_SURROGATES, Document, counted
from storydiff.sources.decode import (
    count_surrogates,
    decode_bytes,
    normalise,
    peek_text,
    reject_binary,
    reject_control_characters,
)
from storydiff.sources.detect import (
    CSV,
    FEED,
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
from storydiff.sources.feeds import read_feed
from storydiff.sources.fetch import fetch
from storydiff.sources.files import chunks, open_binary, read_failure, read_rest, walk
from storydiff.sources.html import html_document
from storydiff.sources.jsonl import DEFAULT_COLUMNS, FIELDS, Columns, read_jsonl
from storydiff.sources.limits import limit_records, within_limits
from storydiff.sources.readers import (
    BUILT_IN,
    DEFAULT_MAX_BYTES,
    Reader,
    ReadOptions,
    claiming_reader,
    get_reader,
    readers,
)
from storydiff.sources.tables import read_csv, read_parquet
from storydiff.sources.text import text_document
from storydiff.sources.warc import read_warc

__all__ = [
    "DEFAULT_COLUMNS",
    "FIELDS",
    "KINDS",
    "STDIN",
    "STDIN_SOURCE",
    "ReadOptions",
    "Reader",
    "read_inputs",
    "read_text",
    "readers",
]

STDIN = "-"
STDIN_SOURCE = "<stdin>"

# Enough to recognise a page or a JSON Lines record, and to name a binary format.
_SNIFF_BYTES = 1 << 16

Item = Document | InputError


def read_inputs(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    columns: Columns | None = None,
    fetch_links: bool = False,
    options: ReadOptions | None = None,
) -> Iterator[Item]:
    """Documents and InputErrors for files, directories, URLs and ``-``, in input order.

    ``max_bytes`` bounds one article: a whole text or HTML file, one JSON Lines record, table
    row or archived page (a corpus file itself may be any size; it is streamed). ``columns``
    maps storydiff's fields to a table's or JSON Lines file's own column names. A URL is
    fetched (a feed or a page); ``fetch_links`` also fetches the page each feed entry links to.
    ``options``, when given, holds these three and every other limit (``ReadOptions``), and
    replaces them.
    """
    if options is None:
        options = ReadOptions(max_bytes, {**DEFAULT_COLUMNS, **(columns or {})}, fetch_links)
    if isinstance(inputs, str):
        raise OptionError(
            Code.E024, option="inputs", expected="a sequence of paths", value="a single string"
        )
    return _read_all(inputs, stdin, options)


def read_text(
    text: str,
    source: str = "<text>",
    *,
    kind: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    options: ReadOptions | None = None,
) -> Document:
    """One article given as a string (plain text or HTML; detected when ``kind`` is None).

    Unlike ``read_inputs`` this raises InputError: a caller with one string has no batch to
    keep going. ``url``, when known, helps the HTML extractor; nothing is fetched. The string
    is held to ``max_bytes`` in UTF-8, as a file is (E004), and to the other limits of
    ``options`` (which, when given, replaces ``max_bytes``).
    """
    options = options or ReadOptions(max_bytes)
    if kind is not None:
        check_choice("kind (read_text reads one article)", kind, (TEXT, HTML))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > options.max_bytes:
        raise InputError(source, Code.E004, size=size, limit=options.max_bytes)
    checked = within_limits(_document(text, source, kind, url, options), options)
    if isinstance(checked, InputError):
        raise checked
    return checked


def _read_all(
    inputs: Sequence[str], stdin: BinaryIO | None, options: ReadOptions
) -> Iterator[Item]:
    for name in inputs:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _checked(STDIN_SOURCE, _read_stream(stream, options), options)
        elif _is_url(name):
            yield from _checked(name, _read_url(name, options), options)
        elif os.path.isdir(name):
            yield from _read_directory(name, options)
        else:
            yield from read_file(name, options)


def _read_directory(root: str, options: ReadOptions) -> Iterator[Item]:
    for path in walk(root):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_file(path, options)


def read_file(path: str, options: ReadOptions, reader: Reader | None = None) -> Iterator[Item]:
    """One file's Documents and InputErrors, read by ``reader`` when given (a fuzzer runs
    every reader on every input), else as ``read_inputs`` chooses."""
    return _checked(path, _read_file(path, options, reader), options)


def _checked(source: str, items: Iterator[Item], options: ReadOptions) -> Iterator[Item]:
    """Whatever goes wrong inside one input ends that input only; at most ``max_records`` of
    its records are read, and each Document is held to the limits on its text."""
    try:
        for item in limit_records(items, source, options.max_records):
            yield item if isinstance(item, InputError) else within_limits(item, options)
    except InputError as err:
        yield err
    except Exception as err:
        yield read_failure(source, err)


def _read_file(path: str, options: ReadOptions, reader: Reader | None) -> Iterator[Item]:
    """A reader that claims the file's name reads it; else the head is sniffed to choose one
    of storydiff's: corpus files (JSON Lines, tables, archives, feeds) are streamed, anything
    else read whole."""
    with open_binary(path) as stream:
        reader = reader or claiming_reader(path)
        if reader is None:
            reader = get_reader(BUILT_IN.format(kind=_file_kind(stream.read(_SNIFF_BYTES), path)))
            stream.seek(0)
        yield from reader.read(stream, path, options)


def _file_kind(head: bytes, path: str) -> str:
    """Many-article containers first (some are binary), then binary files are turned away
    before the text kinds are told apart."""
    container = detect_container(head, path)
    if container is not None:
        return container
    reject_binary(head, path)
    return detect_kind(peek_text(head), path)


def _whole(kind: str) -> Callable[[BinaryIO, str, ReadOptions], Iterator[Item]]:
    """A reader of files that hold one article of this kind."""

    def read(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
        yield _from_bytes(read_rest(stream, b"", options.max_bytes, path), path, kind, options)

    return read


def _read_jsonl(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    return read_jsonl(chunks(stream), path, options.max_bytes, options.columns)


def _read_csv(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    return read_csv(stream, path, options.max_bytes, options.columns)


def _read_parquet(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    return read_parquet(stream, path, options.columns)


def _read_warc(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    return read_warc(stream, path, options)


def _read_feed(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Item]:
    # A feed is read whole (feedparser needs it so); a big news feed is a few megabytes.
    data = read_rest(stream, b"", options.max_feed_bytes, path, too_large=Code.E040)
    return read_feed(data, path, options)


def _register_own_readers() -> None:
    own = {
        TEXT: _whole(TEXT),
        HTML: _whole(HTML),
        JSONL: _read_jsonl,
        CSV: _read_csv,
        PARQUET: _read_parquet,
        WARC: _read_warc,
        FEED: _read_feed,
    }
    for kind, read in own.items():
        readers.register(BUILT_IN.format(kind=kind), func=Reader(read))


_register_own_readers()


def _is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def _read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    """A URL the user gave: a feed (its entries) or one page."""
    data = fetch(url, options.max_feed_bytes, options, too_large=Code.E040)
    if looks_like_feed(peek_text(data[:_SNIFF_BYTES])):
        yield from read_feed(data, url, options)
    elif len(data) > options.max_bytes:
        raise InputError(url, Code.E004, size=len(data), limit=options.max_bytes)
    else:
        yield _document(decode_bytes(data, url), url, HTML, url, options)


def _read_stream(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    """Standard input holds one article by contract, so JSON Lines is not sniffed for."""
    data = read_rest(stream, b"", options.max_bytes, STDIN_SOURCE)
    yield _from_bytes(data, STDIN_SOURCE, None, options)


def _from_bytes(data: bytes, source: str, kind: str | None, options: ReadOptions) -> Document:
    if not data.strip():
        raise InputError(source, Code.E002)
    return _document(decode_bytes(data, source), source, kind, None, options)


def _document(
    text: str, source: str, kind: str | None, url: str | None, options: ReadOptions
) -> Document:
    """The one path from text to Document shared by files, standard input and strings."""
    reject_control_characters(text, source)
    replaced = count_surrogates(text)
    text = normalise(text)
    if not text.strip():
        raise InputError(source, Code.E002)
    kind = kind or detect_kind(text, allow_jsonl=False)
    if kind == HTML:
        document = html_document(text, source, url=url, max_depth=options.max_html_depth)
    else:
        document = text_document(text, source)
    return replace(document, warnings=counted((), REPLACED_SURROGATES, replaced))
