"""Web archives: WARC and WARC.gz files, such as Common Crawl's CC-NEWS, read as they are.

Each HTTP response record that carries an HTML page with status 200 goes through trafilatura
like any other page; requests, metadata records, redirects, errors and non-HTML responses are
passed over. A CC-NEWS file holds tens of thousands of pages, so records are streamed, a page
larger than the limit is reported and skipped, and a bad page never ends the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources.decode import decode_bytes, normalise, reject_control_characters
from storydiff.sources.files import read_failure
from storydiff.sources.html import html_document

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)

Item = Document | InputError


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """A Document or an InputError for every HTML response in the archive, in file order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            if not _is_html_page(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
            try:
                yield _page(record, where, uri, max_bytes)
            except InputError as error:
                yield error
            except Exception as error:  # noqa: BLE001 — one bad page must not end the archive
                yield read_failure(where, error)
    except ArchiveLoadFailed as error:
        yield InputError(source, Code.E016, kind="WARC", detail=str(error))


def _is_html_page(record: object) -> bool:
    if record.rec_type != "response" or record.http_headers is None:  # type: ignore[attr-defined]
        return False
    headers = record.http_headers  # type: ignore[attr-defined]
    kind = (headers.get_header("Content-Type") or "").lower()
    return headers.get_statuscode() == "200" and ("html" in kind or not kind)


def _page(record: object, where: str, uri: str, max_bytes: int) -> Document:
    body = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > max_bytes:
        raise InputError(where, Code.E004, size=f"over {max_bytes:,}", limit=max_bytes)
    if not body.strip():
        raise InputError(where, Code.E002)
    text = _decode(body, record, where)
    reject_control_characters(text, where)
    document = html_document(normalise(text), where, url=uri or None)
    if document.published is None:
        # A news crawl fetches pages within hours of publication: the crawl date stands in for
        # a publication date the page does not state.
        crawled = record.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
        if crawled:
            document = replace(document, published=crawled[:10])
    return document


def _decode(body: bytes, record: object, where: str) -> str:
    """The charset the server declared, else storydiff's usual detection."""
    declared = _CHARSET.search(
        record.http_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    )
    if declared:
        try:
            return body.decode(declared.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body, where)
