"""The file system side of reading: walking directories, bounded reads, failures as errors.

Everything that can go wrong with one input is turned into an InputError for that input, so
that a batch of thousands of files survives a bad one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import BinaryIO

from storydiff.errors import Code, InputError

CHUNK_BYTES = 1 << 16


def walk(root: str) -> Iterator[str | InputError]:
    """Regular files under ``root``, recursively, in sorted order, hidden ones skipped.

    Sorting by name at every level gives the order of the sorted relative paths, so the same
    directory is read in the same order on every machine. Symlinked directories are not
    followed (they can loop); FIFOs and devices inside a directory are skipped (reading one
    would hang), while a broken symlink is reported like any missing file.
    """
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield read_failure(root, err)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path)
        elif entry.is_file():
            yield entry.path
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield InputError(entry.path, Code.E001)


def open_binary(path: str) -> BinaryIO:
    """Open for reading, turning "not there" into E001."""
    try:
        return open(path, "rb")  # noqa: SIM115 -- the caller owns and closes the stream
    except (FileNotFoundError, NotADirectoryError) as err:
        raise InputError(path, Code.E001) from err


def read_rest(
    stream: BinaryIO, head: bytes, limit: int, source: str, too_large: Code = Code.E004
) -> bytes:
    """The whole input given its first bytes, or ``too_large`` (E004, an article's limit,
    unless told) once it passes ``limit`` bytes.

    A regular file is measured before it is read; a pipe is read until it passes the limit, so
    no more than ``limit`` + one chunk is ever held, whatever the input's size.
    """
    known = _regular_file_size(stream)
    if known is not None and known > limit:
        raise InputError(source, too_large, size=known, limit=limit)
    parts = [head]
    size = len(head)
    while size <= limit:
        chunk = stream.read(min(CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
    raise InputError(source, too_large, size=_total_size(stream, size), limit=limit)


def chunks(stream: BinaryIO, head: bytes = b"") -> Iterator[bytes]:
    """The input as a stream of blocks, starting with bytes already read from it."""
    if head:
        yield head
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk


def read_failure(source: str, err: BaseException) -> InputError:
    """E009 for a failure nobody planned for, worded for a user rather than a developer."""
    if isinstance(err, OSError) and err.strerror:
        return InputError(source, Code.E009, detail=err.strerror)
    return InputError(source, Code.E009, detail=f"unexpected {type(err).__name__}: {err}")


def _total_size(stream: BinaryIO, already: int) -> int:
    """The full size for the error message: from the file system when it knows, else counted."""
    known = _regular_file_size(stream)
    if known is not None:
        return known
    return already + sum(len(chunk) for chunk in chunks(stream))


def _regular_file_size(stream: BinaryIO) -> int | None:
    try:
        info = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None
