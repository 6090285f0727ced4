"""HTML pages: trafilatura finds the article, we keep its metadata.

trafilatura is the best-measured main-text extractor, so its choice of text is kept as it is;
the cleaner runs after it like after any other reader. Nothing here touches the network:
``bare_extraction`` parses the string it is given, and ``url`` only helps it resolve links and
fill in metadata.
"""

from __future__ import annotations

import re
from datetime import date
from typing import cast

import trafilatura
from trafilatura.settings import Document as Extraction

from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources.decode import normalise
from storydiff.sources.detect import HTML
from storydiff.sources.limits import check_html_depth
from storydiff.sources.readers import ReadOptions

# trafilatura falls back to dumping whatever text a page has, so a page of menus comes back as
# "Home\nWorld\nPolitics". A real article has at least one paragraph of prose; menus, link
# lists and buttons never have a line this long.
MIN_PROSE_WORDS = 8

DEFAULT_DEPTH = ReadOptions.max_html_depth
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def html_document(
    page: str, source: str, *, url: str | None = None, max_depth: int = DEFAULT_DEPTH
) -> Document:
    """Extract the article of one page, or fail with E006 when the page has none, or E035
    when its elements nest deeper than ``max_depth`` (counted before it is parsed: the parser
    would drop what lies deeper, and with it the article)."""
    check_html_depth(page, source, max_depth)
    # Typed as a Document or a dict: the dict is only for as_dict=True.
    extracted = cast(
        "Extraction | None",
        trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,  # reader comments are not the outlet's telling of the story
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,  # its cache is process-wide: output would depend on earlier pages
        ),
    )
    text = _paragraphs(extracted.text if extracted is not None else None)
    if extracted is None or not _has_prose(text):
        raise InputError(source, Code.E006)
    return Document(
        source=source,
        text=text,
        kind=HTML,
        url=extracted.url or url,
        title=_field(extracted.title),
        outlet=_field(extracted.sitename),
        published=_iso_date(extracted.date),
        language=_stated_language(page),
    )


_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)


def _stated_language(page: str) -> str | None:
    """The language the page's ``<html lang>`` states, if it states one."""
    found = _LANG.search(page[:20000])
    return found.group(1) if found else None


def _paragraphs(text: str | None) -> str:
    """One trafilatura line is one paragraph; the data model separates them by a blank line."""
    lines = (line.strip() for line in normalise(text or "").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _has_prose(text: str) -> bool:
    return any(len(paragraph.split()) >= MIN_PROSE_WORDS for paragraph in text.split("\n\n"))


def _field(value: str | None) -> str | None:
    cleaned = normalise(value or "").strip()
    return cleaned or None


def _iso_date(value: str | None) -> str | None:
    """trafilatura's dates are ISO already; anything else is dropped, never passed on."""
    if not value or not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
