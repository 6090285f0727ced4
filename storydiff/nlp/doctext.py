"""The text of a spaCy ``Doc``, computed once.

``Doc.text`` joins every token each time it is read; the extractors read it hundreds of times
per document, so they share one copy kept in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_KEY = "storydiff.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """``text`` tokenised, its Doc already holding ``text``: spaCy's tokenizer keeps every
    character, so ``doc.text == text``, and joining the tokens again would be wasted work."""
    return with_text(nlp.make_doc(text), text)


def with_text(doc: Doc, text: str) -> Doc:
    """``doc`` holding ``text`` as its text, which the caller knows it to be."""
    doc.user_data[_KEY] = text
    return doc
