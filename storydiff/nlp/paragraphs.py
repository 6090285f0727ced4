"""The ``storydiff_paragraphs`` component: a sentence never runs across a paragraph break.

The parser sometimes joins a section heading or a caption-less paragraph to the sentence
after it; a quote's cue would then reach into the wrong paragraph. Marking the first token of
every paragraph as a sentence start before the parser runs keeps the boundaries the text has.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storydiff_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc
