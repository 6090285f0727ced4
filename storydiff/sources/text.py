"""Plain-text scrapes: the text is the article, boilerplate and all.

Nothing is removed or guessed here. Title, outlet and date detection belong to the cleaner,
which can record every line it drops; a reader that trimmed text would make that audit
incomplete.
"""

from __future__ import annotations

from storydiff.model import Document
from storydiff.sources.detect import TEXT


def text_document(text: str, source: str) -> Document:
    """Wrap already normalised text; metadata stays None for the cleaner to detect."""
    return Document(source=source, text=text, kind=TEXT)
