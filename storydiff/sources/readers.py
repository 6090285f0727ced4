"""The registry of readers: one reader a kind of input file, under a versioned name.

storydiff's own readers (``storydiff.readers.text.v1``, ``…html.v1``, ``…jsonl.v1``,
``…csv.v1``, ``…parquet.v1``, ``…warc.v1``, ``…feed.v1``) are chosen by what a file holds
(``detect.py``), since extensions lie. A reader another package registers names the file
endings it reads (``.docx``), and a file so named goes to it before any sniffing: the package
knows its format, storydiff does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from storydiff.config import DEFAULTS
from storydiff.errors import Code, InputError, OptionError
from storydiff.model import Document
from storydiff.registry import Registry, create, lookup, names
from storydiff.sources.jsonl import DEFAULT_COLUMNS, Columns

Item = Document | InputError
# Built-in readers are named after the kinds of ``detect.py``.
BUILT_IN = "storydiff.readers.{kind}.v1"


DEFAULT_MAX_BYTES = DEFAULTS.reading.max_bytes


@dataclass(frozen=True)
class ReadOptions:
    """What every reader is told: the limits one input is held to, the mapping of storydiff's
    fields to a table's columns, and whether a feed's links may be fetched.

    Every limit is checked before the work it bounds, and an input over one is an error that
    names the input and the limit (the command line's option of the same name raises it):

    - ``max_bytes``: one article (a text or HTML file, a record, an archived or fetched page);
    - ``max_line_chars``: one line of an article's text, after decoding (a whole article on one
      line is fine; a megabyte without a line break is not prose);
    - ``max_html_depth``: elements nested in a page, counted before it is parsed (the HTML
      parser keeps no more than 255 levels and silently drops what lies deeper, so at most
      250);
    - ``max_number_chars``: a number in an article's text (digits and the separators between
      them);
    - ``max_records``: records in one file of many articles (JSON Lines lines, table rows,
      archived pages, feed entries); those past it are not read;
    - ``max_feed_bytes``: a feed, read from a file or fetched;
    - ``connect_timeout``, ``fetch_timeout`` (seconds) and ``max_redirects``: every fetch gets
      a connection within the first, all of its bytes within the second, over at most that many
      redirects.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    columns: Columns = field(default_factory=lambda: dict(DEFAULT_COLUMNS))
    fetch_links: bool = False
    max_line_chars: int = 1_000_000
    max_html_depth: int = 200
    max_number_chars: int = 100_000
    max_records: int = 10_000_000
    max_feed_bytes: int = 50 * 1024 * 1024
    connect_timeout: float = 10.0
    fetch_timeout: float = 60.0
    max_redirects: int = 5

    def __post_init__(self) -> None:
        # A mapping of some fields only: the others keep their own names.
        object.__setattr__(self, "columns", {**DEFAULT_COLUMNS, **self.columns})
        for name in _POSITIVE:
            _check_range(name, getattr(self, name), 1, None)
        _check_range("max_html_depth", self.max_html_depth, 1, MAX_PARSED_DEPTH)
        _check_range("max_redirects", self.max_redirects, 0, None)
        for name in ("connect_timeout", "fetch_timeout"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or isinstance(value, bool) or not value > 0:
                raise OptionError(
                    Code.E024, option=name, expected="a positive number of seconds", value=value
                )


# libxml2, which parses HTML for trafilatura and lxml, nests no deeper than 255 elements.
MAX_PARSED_DEPTH = 250
_POSITIVE = ("max_bytes", "max_line_chars", "max_number_chars", "max_records", "max_feed_bytes")


def _check_range(name: str, value: object, low: int, high: int | None) -> None:
    """E024 unless ``value`` is a whole number from ``low`` (to ``high``)."""
    whole = isinstance(value, int) and not isinstance(value, bool)
    if not whole or value < low or (high is not None and value > high):  # type: ignore[operator]
        expected = f"a whole number from {low}" + (f" to {high}" if high is not None else "")
        raise OptionError(Code.E024, option=name, expected=expected, value=value)


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
