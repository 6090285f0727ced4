"""Which reader an input needs, judged by its name and by what it contains.

Extensions lie in both directions: scrapes are saved as ``.txt`` with the page source in them,
and pipes and temporary files have no extension at all. So a telling extension decides, and
otherwise the content does.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from pathlib import PurePath

TEXT = "text"
HTML = "html"
JSONL = "jsonl"
# Files that hold many articles and are read by their own readers, before any test for text.
CSV = "csv"
PARQUET = "parquet"
WARC = "warc"
FEED = "feed"
KINDS = (TEXT, HTML, JSONL, CSV, PARQUET, WARC, FEED)
CONTAINERS = (CSV, PARQUET, WARC, FEED)

_EXTENSIONS = {
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".csv": CSV,
    ".parquet": PARQUET,
    ".pq": PARQUET,
    ".warc": WARC,
    ".rss": FEED,
    ".atom": FEED,
}
_WARC_MAGIC = b"WARC/"
_GZIP_MAGIC = b"\x1f\x8b"
_PARQUET_MAGIC = b"PAR1"
_FEED_START = re.compile(
    r"(?:\s|<!--.*?-->|<\?xml[^>]*>|<\?xml-stylesheet[^>]*>)*<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)

# Only the start of a document is looked at: HTML announces itself there, and sniffing a
# 10 MB text must not cost more than reading it.
_HEAD_CHARS = 4096
_HTML_START = re.compile(
    r"(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
# Fragments and sloppy pages start with anything; a handful of real tags near the start is
# something a plain-text article does not have.
_COMMON_TAG = re.compile(
    r"</?(?:a|article|b|body|br|div|em|footer|h[1-6]|head|header|i|img|li|link|main|meta|nav"
    r"|ol|p|script|section|span|strong|style|table|td|title|tr|ul)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_MIN_TAGS = 5


def detect_kind(text: str, name: str | None = None, *, allow_jsonl: bool = True) -> str:
    """Return ``html``, ``jsonl`` or ``text``.

    ``allow_jsonl`` is off for inputs that hold one article by contract (standard input, a
    string given to the Python API): there a JSON-looking first line is just text.
    """
    by_name = kind_from_name(name)
    if by_name is not None and (by_name != JSONL or allow_jsonl):
        return by_name
    if looks_like_html(text):
        return HTML
    if allow_jsonl and looks_like_jsonl(text):
        return JSONL
    return TEXT


def kind_from_name(name: str | None) -> str | None:
    """The kind an extension promises, or None when the extension says nothing."""
    if not name:
        return None
    path = PurePath(name)
    if "".join(path.suffixes[-2:]).lower() == ".warc.gz":
        return WARC
    return _EXTENSIONS.get(path.suffix.lower())


def detect_container(head: bytes, name: str | None = None) -> str | None:
    """The kind of a many-article file (CSV, Parquet, WARC, feed) from its name or its first
    bytes, or None for anything else. Parquet and gzipped WARC are binary, so this runs before
    the test that turns binary files away."""
    by_name = kind_from_name(name)
    if by_name in CONTAINERS:
        return by_name
    if head.startswith(_WARC_MAGIC) or (
        head.startswith(_GZIP_MAGIC) and _gunzipped_head(head).startswith(_WARC_MAGIC)
    ):
        return WARC
    if head.startswith(_PARQUET_MAGIC):
        return PARQUET
    if by_name is None and looks_like_feed(head[:_HEAD_CHARS].decode("utf-8", "replace")):
        return FEED
    return None


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_START.match(text.lstrip("\ufeff")))


def _gunzipped_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except (zlib.error, gzip.BadGzipFile):
        return b""


def looks_like_html(text: str) -> bool:
    """True when the text opens like a page, or is dense with common tags near its start."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff")
    if _HTML_START.match(head):
        return True
    return len(_COMMON_TAG.findall(head)) >= _MIN_TAGS


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-empty line is a JSON object with a ``text`` key."""
    first, _, _ = text.lstrip("\ufeff \t\r\n").partition("\n")
    if not first.startswith("{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and "text" in record
