"""The registry of readers: one reader a kind of input file, under a versioned name.

storydiff's own readers (``storydiff.readers.text.v1``, ``…html.v1``, ``…jsonl.v1``,
``…csv.v1``, ``…parquet.v1``, ``…warc.v1``, ``…feed.v1``) are chosen by what a file holds
(``detect.py``), since extensions lie. A reader another package registers names the file
endings it reads (``.docx``), and a file so named goes to it before any sniffing: the package
knows its format, storydiff does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from storydiff.errors import InputError
from storydiff.model import Document
from storydiff.registry import Registry, create, lookup, names
from storydiff.sources.jsonl import Columns

Item = Document | InputError
# Built-in readers are named after the kinds of ``detect.py``.
BUILT_IN = "storydiff.readers.{kind}.v1"


@dataclass(frozen=True)
class ReadOptions:
    """What every reader is told: the size limit for one article, the mapping of storydiff's
    fields to a table's columns, and whether a feed's links may be fetched."""

    max_bytes: int
    columns: Columns
    fetch_links: bool


@dataclass(frozen=True)
class Reader:
    """``read`` gets the file open at its start (binary, seekable), the file's name (to name
    it in errors and in each ``Document.source``) and the options, and yields the articles it
    holds as Documents, an ``InputError`` in the place of each bad record. ``extensions``
    (lower case, with the dot: ``.docx``, ``.warc.gz``) are the file names it claims before
    any sniffing; storydiff's own readers claim none."""

    read: Callable[[BinaryIO, str, ReadOptions], Iterator[Item]]
    extensions: tuple[str, ...] = ()

    def claims(self, path: str) -> bool:
        return path.lower().endswith(self.extensions) if self.extensions else False


readers: Registry[Reader] = create("readers")


def get_reader(name: str) -> Reader:
    """The reader registered under ``name`` (E023, listing the known names, for none)."""
    return lookup(readers, name, "reader")


def reader_names() -> list[str]:
    return names(readers)


def claiming_reader(path: str) -> Reader | None:
    """The registered reader that claims this file name, if one does."""
    return next((r for r in readers.get_all().values() if r.claims(path)), None)
