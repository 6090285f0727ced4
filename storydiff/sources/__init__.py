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
from typing import BinaryIO

from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources.decode import (
    decode_bytes,
    normalise,
    peek_text,
    reject_binary,
    reject_control_characters,
)
from storydiff.sources.detect import HTML, JSONL, KINDS, TEXT, detect_kind
from storydiff.sources.files import chunks, open_binary, read_failure, read_rest, walk
from storydiff.sources.html import html_document
from storydiff.sources.jsonl import read_jsonl
from storydiff.sources.text import text_document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "KINDS",
    "STDIN",
    "STDIN_SOURCE",
    "read_inputs",
    "read_text",
]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
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
) -> Iterator[Item]:
    """Documents and InputErrors for files, directories and ``-``, in input order.

    ``max_bytes`` bounds one article: a whole text or HTML file, or one JSON Lines record
    (a JSON Lines file itself may be any size; it is streamed).
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    if isinstance(inputs, str):
        raise TypeError("inputs must be a sequence of paths, not a single string")
    return _read_all(inputs, stdin, max_bytes)


def read_text(
    text: str,
    source: str = "<text>",
    *,
    kind: str | None = None,
    url: str | None = None,
) -> Document:
    """One article given as a string (plain text or HTML; detected when ``kind`` is None).

    Unlike ``read_inputs`` this raises InputError: a caller with one string has no batch to
    keep going. ``url``, when known, helps the HTML extractor; nothing is fetched.
    """
    if kind not in (None, TEXT, HTML):
        raise ValueError(
            f"read_text reads one article: kind must be 'text' or 'html', not {kind!r}"
        )
    return _document(text, source, kind, url)


def _read_all(inputs: Sequence[str], stdin: BinaryIO | None, max_bytes: int) -> Iterator[Item]:
    for name in inputs:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN_SOURCE, _read_stream(stream, max_bytes))
        elif os.path.isdir(name):
            yield from _read_directory(name, max_bytes)
        else:
            yield from _guarded(name, _read_file(name, max_bytes))


def _read_directory(root: str, max_bytes: int) -> Iterator[Item]:
    for path in walk(root):
        if isinstance(path, InputError):
            yield path
        else:
            yield from _guarded(path, _read_file(path, max_bytes))


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Whatever goes wrong inside one input ends that input only."""
    try:
        yield from items
    except InputError as err:
        yield err
    except Exception as err:
        yield read_failure(source, err)


def _read_file(path: str, max_bytes: int) -> Iterator[Item]:
    """Sniff the head to choose a reader: JSON Lines is streamed, anything else read whole."""
    with open_binary(path) as stream:
        head = stream.read(_SNIFF_BYTES)
        reject_binary(head, path)
        kind = detect_kind(peek_text(head), path)
        if kind == JSONL:
            yield from read_jsonl(chunks(stream, head), path, max_bytes)
        else:
            yield _from_bytes(read_rest(stream, head, max_bytes, path), path, kind)


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
