"""The ``storydiff_paragraphs`` component: sentence boundaries the text has, set before the
parser guesses them.

A sentence never runs across a paragraph break. The parser sometimes joins a section heading
or a caption-less paragraph to the sentence after it; a quote's cue would then reach into the
wrong paragraph. Marking the first token of every paragraph as a sentence start before the
parser runs keeps the boundaries the text has.

A sentence runs on through an opening quotation mark of the language's ``opening_marks``
(``lexicons.py``): French's parser starts sentences at "«" or just after it, which cuts
"a dénoncé des « actes indignes »" from its verb. The token after the mark never starts a
sentence, nor does the mark itself unless a sentence ended just before it.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Token

from storydiff.nlp.lexicons import opening_marks

# What a sentence ends with, so that an opening mark after it may start the next.
_SENTENCE_ENDS = frozenset(".!?…")


@Language.component("storydiff_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    # Only a token after a white-space token can start a paragraph: those are few, so they
    # are found on an array rather than by visiting every token.
    space = doc.to_array(IS_SPACE).astype(bool)
    starts = {int(i) for i in np.flatnonzero(space[:-1] & ~space[1:]) + 1}
    starts = {i for i in starts if doc[i - 1].text.count("\n") >= 2}
    for i in starts:
        doc[i].is_sent_start = True
    marks = opening_marks(doc.lang_)
    for token in doc[1:] if marks else ():
        if token.i in starts:
            continue
        after_mark = token.nbor(-1).text in marks
        if after_mark or (token.text in marks and not _ends_sentence(token.nbor(-1))):
            token.is_sent_start = False
    return doc


def _ends_sentence(token: Token) -> bool:
    """Whether a sentence may end at this token (a space, or a final stop)."""
    return token.is_space or token.text[-1] in _SENTENCE_ENDS
