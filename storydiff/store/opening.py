"""What is checked before a store is written to, and what a failed write is called.

Opening a store sets WAL journaling, which rewrites the file's header: done to another
program's database, or to a store cut short by a failed copy, that would change a file
storydiff then refuses. So the file is judged first from its header bytes and a read-only,
immutable look, and only a new file or one of storydiff's own stores is opened for writing.
A write that the disk refuses (a read-only file or folder, a full disk) is an error that says
so, naming the store, rather than SQLite's own words under an unrelated name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import quote

from storydiff.errors import Code, StorydiffError
from storydiff.store.schema import VERSION, SchemaError

_MAGIC = b"SQLite format 3\x00"
_HEADER_BYTES = 100
# SQLite's primary result codes for a write the file system refused.
_READ_ONLY = {3: "permission denied", 8: "the file or its folder is read-only"}
_FULL = 13
_IO_ERROR = 10
_CANNOT_OPEN = 14


class StoreError(StorydiffError):
    """The store cannot be written to (E039): a read-only file or folder, a full disk."""


def check_store_file(path: Path) -> None:
    """E027 for a file that is not a store (not SQLite, cut short, another program's
    database) and E028 for a newer store, without writing a byte; a missing or empty file is
    a new store."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            header = stream.read(_HEADER_BYTES)
    except FileNotFoundError:
        return
    except OSError as error:
        raise SchemaError(Code.E027, path=path, detail=error.strerror or error) from error
    if size == 0:
        return
    if not header.startswith(_MAGIC) or len(header) < _HEADER_BYTES:
        raise SchemaError(Code.E027, path=path, detail="not an SQLite database")
    expected = _declared_size(header)
    if expected > size and not _has_wal(path):
        raise SchemaError(
            Code.E027,
            path=path,
            detail=f"the file is cut short: {size:,} bytes of the {expected:,} its header declares",
        )
    found = int.from_bytes(header[60:64], "big")
    if found > VERSION:
        raise SchemaError(Code.E028, path=path, found=found, version=VERSION)
    if found == 0 and _has_tables(path):
        raise SchemaError(
            Code.E027, path=path, detail="an SQLite database without storydiff's tables"
        )


@contextmanager
def write_faults(path: Path) -> Iterator[None]:
    """SQLite's refusals to write, as E039 naming the store and the reason."""
    try:
        yield
    except sqlite3.OperationalError as error:
        fault = write_fault(error, path)
        if fault is None:
            raise
        raise fault from error


def write_fault(error: sqlite3.Error, path: Path) -> StoreError | None:
    """E039 when ``error`` is the file system refusing a write, else None."""
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in _READ_ONLY:
        detail = _READ_ONLY[code]
    elif code == _FULL:
        detail = "the disk is full"
    elif code == _IO_ERROR:
        detail = f"the disk failed to write ({error})"
    elif code == _CANNOT_OPEN and path.exists():
        detail = "the file or its folder is read-only"
    else:
        return None
    return StoreError(Code.E039, path=path, detail=detail)


def _declared_size(header: bytes) -> int:
    """The database's size its header declares, when the header vouches for that figure."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    return page_size * pages if valid else 0


def _has_wal(path: Path) -> bool:
    """A write-ahead log beside the file may hold the pages a checkpoint had not yet written
    when a run was killed; SQLite finishes that itself."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _has_tables(path: Path) -> bool:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as look:
            tables: int = look.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            return tables > 0
    except sqlite3.DatabaseError as error:
        raise SchemaError(Code.E027, path=path, detail=error) from error
