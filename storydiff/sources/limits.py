"""The limits one input is held to (``ReadOptions``), each checked before the work it bounds.

Hostile or broken input is cheap to make and costly to process: a megabyte without a line
break, a page nested a hundred thousand elements deep, a number a million digits long, a file
of ten million records. Each such input is refused with an error that names it and the limit
(and the option that raises it) instead of being worked on for minutes, read in part or
crashing a batch. Every check here is one linear pass, so checking never costs more than
reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
from typing import Any

from storydiff.errors import Code, InputError
from storydiff.model import REPLACED_SURROGATES, Document, counted, where
from storydiff.sources.decode import count_surrogates, replace_surrogates
from storydiff.sources.readers import ReadOptions

# A number as a reader sees one: digits, and the separators between groups of them.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# What a page's nesting is counted from: comments and the bodies of scripts and styles are
# passed over (a "<div>" in a script string nests nothing), and every other tag is a start or
# an end. A tag ends at the first ">" before any "<", so that a page of unclosed "<a" costs one
# pass, not one per "<".
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>",
    re.IGNORECASE | re.DOTALL,
)
# Elements that never hold others, and those whose end tag may be left out (the parser closes
# them at the next one of their kind): neither makes a page deeper.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "html head body p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption "
    "rb rt rtc rp".split()
)


def check_lines(text: str, source: str, limit: int) -> None:
    """E034 for the first line longer than ``limit`` characters."""
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limit:
            raise InputError(source, Code.E034, line=number, size=end - start, limit=limit)
        start, number = end + 1, number + 1


def check_numbers(text: str, source: str, limit: int) -> None:
    """E036 for the first number longer than ``limit`` characters."""
    for match in _NUMBER.finditer(text):
        if match.end() - match.start() > limit:
            size = match.end() - match.start()
            raise InputError(source, Code.E036, size=size, offset=match.start(), limit=limit)


def check_html_depth(page: str, source: str, limit: int) -> None:
    """E035 once elements nest deeper than ``limit``, counted from the tags as a parser would
    nest them: an end tag closes its element and any left open inside it, and a stray end tag
    closes nothing. The stack never holds more than ``limit`` names, so the count is linear."""
    stack: list[str] = []
    for match in _TAG.finditer(page):
        name = (match.group(3) or "").lower()
        if not name or name in _FLAT or match.group(4):
            continue
        if not match.group(2):
            stack.append(name)
            if len(stack) > limit:
                raise InputError(source, Code.E035, limit=limit)
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name) :]


def limit_records(
    items: Iterable[Document | InputError], source: str, limit: int
) -> Iterator[Document | InputError]:
    """A file's records up to ``limit`` of them, then E037: those past it are never read."""
    for count, item in enumerate(items, start=1):
        if count > limit:
            yield InputError(source, Code.E037, limit=limit)
            return
        yield item


def within_limits(document: Document, options: ReadOptions) -> Document | InputError:
    """The document as it may go on to cleaning, or the error for the limit it breaks; any
    lone surrogate still in it (a file name that is not UTF-8, a reader of another package's
    making) is replaced and counted, so that what is written out is always UTF-8."""
    name = where(document.source, document.line)
    try:
        check_lines(document.text, name, options.max_line_chars)
        check_numbers(document.text, name, options.max_number_chars)
    except InputError as error:
        return error
    return without_surrogates(document)


def without_surrogates(document: Document) -> Document:
    strings = {
        f.name: getattr(document, f.name)
        for f in fields(document)
        if isinstance(getattr(document, f.name), str)
    }
    found = sum(count_surrogates(value) for value in strings.values())
    if not found:
        return document
    cleaned: dict[str, Any] = {key: replace_surrogates(value) for key, value in strings.items()}
    return replace(
        document, warnings=counted(document.warnings, REPLACED_SURROGATES, found), **cleaned
    )
