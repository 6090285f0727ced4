"""The ``storydiff_paragraphs`` component: a sentence never runs across a paragraph break.

The parser sometimes joins a section heading or a caption-less paragraph to the sentence
after it; a quote's cue would then reach into the wrong paragraph. Marking the first token of
every paragraph as a sentence start before the parser runs keeps the boundaries the text has.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storydiff_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    # Only a token after a white-space token can start a paragraph: those are few, so they
    # are found on an array rather than by visiting every token.
    space = doc.to_array(IS_SPACE).astype(bool)
    for i in np.flatnonzero(space[:-1] & ~space[1:]) + 1:
        if doc[int(i) - 1].text.count("\n") >= 2:
            doc[int(i)].is_sent_start = True
    return doc
