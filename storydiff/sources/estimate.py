"""How many articles the inputs hold, roughly, so that a long run can show an ETA.

Counting is a fast pass over the bytes (newlines, record headers, Parquet metadata) next to the
hours analysis can take; it may overcount (a WARC response that turns out not to be a page, a
blank line) but never reads more than the inputs. Standard input and URLs cannot be counted
ahead: with one of them the estimate is None and progress shows a rate without an ETA.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zlib
from collections.abc import Sequence

from storydiff.sources.detect import (
    CSV,
    FEED,
    JSONL,
    PARQUET,
    WARC,
    detect_container,
    kind_from_name,
)
from storydiff.sources.files import CHUNK_BYTES, walk

_SNIFF = 1 << 12
_FEED_ITEM = re.compile(rb"<(?:item|entry)[\s>]", re.IGNORECASE)


def estimate_articles(inputs: Sequence[str]) -> int | None:
    total = 0
    for name in inputs:
        if name == "-" or "://" in name:
            return None
        paths = [p for p in walk(name) if isinstance(p, str)] if os.path.isdir(name) else [name]
        for path in paths:
            try:
                total += _count(path)
            except OSError:
                total += 1  # reading will report it
    return total


def _count(path: str) -> int:
    with open(path, "rb") as stream:
        head = stream.read(_SNIFF)
    kind = detect_container(head, path) or kind_from_name(path)
    if kind == PARQUET:
        import pyarrow.parquet as parquet

        try:
            return parquet.ParquetFile(path).metadata.num_rows
        except Exception:  # noqa: BLE001 — a bad file is reported when read
            return 1
    if kind == WARC:
        opener = gzip.open if head.startswith(b"\x1f\x8b") else open
        return _occurrences(opener(path, "rb"), b"\r\nWARC-Type: response\r\n")
    if kind == FEED:
        return _occurrences(open(path, "rb"), None)
    if kind in (JSONL, CSV):
        return max(_occurrences(open(path, "rb"), b"\n") - (kind == CSV), 1)
    return 1


def _occurrences(stream: io.BufferedIOBase, needle: bytes | None) -> int:
    """Occurrences of ``needle`` (or of feed entries when None) in the stream, read in blocks;
    a match cut by a block boundary is found by carrying the block's tail over. A compressed
    file cut short is counted up to the cut: reading reports the cut, an estimate must not."""
    count, carry = 0, b""
    with stream:
        while block := _block(stream):
            data = carry + block
            if needle is None:
                count += len(_FEED_ITEM.findall(data))
                carry = data[-16:]
                count -= len(_FEED_ITEM.findall(carry))
            else:
                count += data.count(needle)
                carry = data[-(len(needle) - 1) :] if len(needle) > 1 else b""
    return count


def _block(stream: io.BufferedIOBase) -> bytes:
    try:
        return stream.read(CHUNK_BYTES * 16)
    except (EOFError, zlib.error, gzip.BadGzipFile):
        return b""
