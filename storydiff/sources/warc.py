"""Web archives: WARC and WARC.gz files, such as Common Crawl's CC-NEWS, read as they are.

Each HTTP response record that carries an HTML page with status 200 goes through trafilatura
like any other page; requests, metadata records, redirects, errors and non-HTML responses are
passed over. A CC-NEWS file holds tens of thousands of pages, so records are streamed, a page
larger than the limit is reported and skipped, and a bad record never ends the file: a
response without a target URI is reported and skipped, and a file cut off by an interrupted
download keeps the records before the cut and reports the cut (E020).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO, Protocol, TypeGuard

from warcio.recordloader import ArcWarcRecordLoader

from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources.decode import decode_bytes, normalise, reject_control_characters
from storydiff.sources.files import CHUNK_BYTES, read_failure
from storydiff.sources.html import html_document
from storydiff.sources.readers import ReadOptions
from storydiff.sources.urls import checked_url

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_GZIP = 16 + zlib.MAX_WBITS

Item = Document | InputError


# What storydiff reads of warcio's records (warcio has no type hints).
class _Headers(Protocol):
    def get_header(self, name: str) -> str | None: ...

    def get_statuscode(self) -> str: ...


class _Stream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _Record(Protocol):
    @property
    def rec_type(self) -> str: ...

    @property
    def rec_headers(self) -> _Headers: ...

    @property
    def http_headers(self) -> _Headers | None: ...

    @property
    def raw_stream(self) -> _Stream: ...

    def content_stream(self) -> _Stream: ...


class _Response(_Record, Protocol):
    """A record with HTTP headers: a response."""

    @property
    def http_headers(self) -> _Headers: ...


def read_warc(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Item]:
    """A Document or an InputError for every HTML response in the archive, in file order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    class Records(ArchiveIterator):  # type: ignore[misc]  # warcio has no type hints
        # warcio writes this warning (a record longer or shorter than its Content-Length) to
        # standard error itself, three lines in the middle of storydiff's output; it reads on
        # past such a record, and so does storydiff.
        INC_RECORD = ""

    watched = _GzipWatch(stream)
    records = Records(watched)
    records.loader = _Loader(verify_http=False, arc2warc=False)
    try:
        for record in records:
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            name = uri or record.rec_headers.get_header("WARC-Record-ID") or "record"
            where = f"{source}#{name}"
            if record.rec_type == "response" and not uri:
                yield InputError(where, Code.E021)
            elif _is_html_page(record):
                yield _page_or_error(record, where, uri, options)
    except ArchiveLoadFailed as error:
        yield InputError(source, Code.E016, kind="WARC", detail=str(error))
        return
    if watched.cut_short:
        yield InputError(source, Code.E020, detail="the file ends inside a gzip member")


class _Loader(ArcWarcRecordLoader):  # type: ignore[misc]  # warcio has no type hints
    """warcio's loader, but a record without a target URI is read without HTTP headers
    (warcio calls ``uri.startswith`` on it, and the exception would end the whole archive)."""

    def load_http_headers(
        self, rec_type: str, uri: str | None, stream: _Stream, length: int
    ) -> _Headers | None:
        headers: _Headers | None = super().load_http_headers(rec_type, uri or "", stream, length)
        return headers


class _GzipWatch:
    """The archive's bytes passed through to warcio while following their gzip members, so
    that a file that ends inside one (a download that stopped) is told from one that ends
    cleanly: warcio reads such a file to the cut without a word."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._inflate: zlib._Decompress | None = None
        self._open = False  # a member has begun and not ended
        self._gzip: bool | None = None  # unknown until the first bytes

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        if self._gzip is None and data:
            self._gzip = data.startswith(b"\x1f\x8b")
        if self._gzip:
            self._follow(data)
        return data

    def tell(self) -> int:
        return self._stream.tell()

    @property
    def cut_short(self) -> bool:
        return self._open

    def _follow(self, data: bytes) -> None:
        while data:
            if self._inflate is None:
                self._inflate = zlib.decompressobj(_GZIP)
            try:
                pending = data
                while pending and not self._inflate.eof:  # bounded output, discarded: it is
                    self._inflate.decompress(pending, CHUNK_BYTES)  # warcio's to use
                    pending = self._inflate.unconsumed_tail
            except zlib.error:
                self._gzip = self._open = False  # corrupt, not cut: warcio reports that
                return
            self._open = not self._inflate.eof
            if not self._inflate.eof:
                return
            data, self._inflate = self._inflate.unused_data, None


def _is_html_page(record: _Record) -> TypeGuard[_Response]:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    headers = record.http_headers
    kind = (headers.get_header("Content-Type") or "").lower()
    return headers.get_statuscode() == "200" and ("html" in kind or not kind)


def _page_or_error(record: _Response, where: str, uri: str, options: ReadOptions) -> Item:
    try:
        return _page(record, where, uri, options)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 — one bad page must not end the archive
        return read_failure(where, error)


def _page(record: _Response, where: str, uri: str, options: ReadOptions) -> Document:
    max_bytes = options.max_bytes
    url = checked_url(uri or None, where, "WARC-Target-URI")
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        raise InputError(where, Code.E004, size=f"over {max_bytes:,}", limit=max_bytes)
    if missing := _missing_bytes(record):
        raise InputError(where, Code.E020, detail=f"the record lacks its last {missing} bytes")
    if not body.strip():
        raise InputError(where, Code.E002)
    text = _decode(body, record, where)
    reject_control_characters(text, where)
    document = html_document(normalise(text), where, url=url, max_depth=options.max_html_depth)
    if document.published is None:
        # A news crawl fetches pages within hours of publication: the crawl date stands in for
        # a publication date the page does not state.
        crawled = record.rec_headers.get_header("WARC-Date")
        if crawled:
            document = replace(document, published=crawled[:10])
    return document


def _missing_bytes(record: _Record) -> int:
    """How much of the record's declared length the file did not have: the rest of the record
    is read (in chunks) to see whether it ends where its header says."""
    raw = record.raw_stream
    while raw.read(CHUNK_BYTES):
        pass
    return max(getattr(raw, "limit", 0), 0)


def _decode(body: bytes, record: _Response, where: str) -> str:
    """The charset the server declared, else storydiff's usual detection."""
    declared = _CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    if declared:
        try:
            return body.decode(declared.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body, where)
