"""Which reader an input needs, judged by its name and by what it contains.

Extensions lie in both directions: scrapes are saved as ``.txt`` with the page source in them,
and pipes and temporary files have no extension at all. So a telling extension decides, and
otherwise the content does.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

TEXT = "text"
HTML = "html"
JSONL = "jsonl"
KINDS = (TEXT, HTML, JSONL)

_EXTENSIONS = {".html": HTML, ".htm": HTML, ".xhtml": HTML, ".jsonl": JSONL, ".ndjson": JSONL}

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
    return _EXTENSIONS.get(PurePath(name).suffix.lower())


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
