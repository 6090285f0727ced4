"""RSS and Atom feeds, from a file or a URL: one article per entry.

An entry's own content (or, failing that, its summary) is the article text, with the entry's
title, link and date as metadata. Feeds often carry only a teaser, so with ``fetch_links`` each
entry's linked page is fetched and extracted instead, keeping the feed's title and date where
the page lacks them. Nothing is fetched unless the user gives a URL or asks for the links.
"""

from __future__ import annotations

import codecs
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import lxml.html
from lxml import etree

from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources.decode import decode_bytes, normalise
from storydiff.sources.detect import FEED
from storydiff.sources.fetch import fetch
from storydiff.sources.files import read_failure
from storydiff.sources.html import html_document
from storydiff.sources.limits import check_html_depth
from storydiff.sources.readers import ReadOptions
from storydiff.sources.urls import checked_url

# What XML 1.0 forbids and real feeds still carry: C0 controls but tab and line breaks.
_XML_INVALID = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CHAR_REFERENCE = re.compile(b"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")
_BLOCKS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "pre")

Item = Document | InputError
# A feed entry as feedparser gives it: its fields by name.
Entry = Mapping[str, Any]


def read_feed(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """A Document or an InputError for every entry, in feed order; with
    ``options.fetch_links``, each entry's linked page instead of its own text."""
    import feedparser

    try:
        parsed = feedparser.parse(_parseable(data))
    except Exception as error:  # noqa: BLE001 — feedparser's own failures, whatever their kind
        yield InputError(source, Code.E016, kind="RSS or Atom feed", detail=str(error))
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = str(problem) if problem else "no entries"
        yield InputError(source, Code.E016, kind="RSS or Atom feed", detail=detail)
        return
    feed_title = _field(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{number}"
        try:
            document = _entry_document(entry, source, number, feed_title, options)
            if options.fetch_links and document.url:
                document = _linked_page(document, options)
            yield document
        except InputError as error:
            yield error
        except Exception as error:  # noqa: BLE001 — one odd entry must not end the feed
            yield read_failure(where, error)


def _parseable(data: bytes) -> bytes:
    """The feed without what XML forbids: control characters, and character references to
    them or to lone surrogates (feedparser raises on "&#xD800;" and loses the whole feed).
    The bytes stay bytes, so that feedparser still reads the encoding the feed declares; a
    UTF-16 feed (it starts with a byte-order mark) is left to feedparser as it is."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    return _CHAR_REFERENCE.sub(_valid_reference, _XML_INVALID.sub(b"", data))


def _valid_reference(match: re.Match[bytes]) -> bytes:
    """A character reference kept when XML allows its character, else one to U+FFFD."""
    digits = match.group(1)
    code = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF
    return match.group(0) if allowed and code not in (0xFFFE, 0xFFFF) else b"&#xFFFD;"


def _entry_document(
    entry: Entry, source: str, number: int, outlet: str | None, options: ReadOptions
) -> Document:
    where = f"{source}#{number}"
    html = _entry_html(entry)
    check_html_depth(html, where, options.max_html_depth)
    text = normalise(fragment_text(html)) if html else ""
    if not text.strip():
        raise InputError(where, Code.E002)
    return Document(
        source=where,
        text=text,
        kind=FEED,
        url=checked_url(_field(entry.get("link")), where, "link"),
        title=_field(entry.get("title")),
        outlet=outlet,
        published=_date(entry),
    )


def _entry_html(entry: Entry) -> str:
    """The fullest text the entry has: its content, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best if best.strip() else entry.get("summary", "") or ""


def fragment_text(html: str) -> str:
    """Paragraphs of an HTML fragment, one per block element, separated by a blank line."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, etree.ParserError):
        return html
    blocks = [" ".join(b.text_content().split()) for b in root.iter(*_BLOCKS)]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _linked_page(document: Document, options: ReadOptions) -> Document:
    url = document.url or ""
    text = normalise(decode_bytes(fetch(url, options.max_bytes, options), url))
    page = html_document(text, url, url=url, max_depth=options.max_html_depth)
    return replace(
        page,
        title=page.title or document.title,
        outlet=page.outlet or document.outlet,
        published=page.published or document.published,
    )


def _date(entry: Entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = normalise(value).strip()
    return cleaned or None
