"""A memoised stand-in for spaCy's lemmatizer, exact for spaCy's own English and lookup
lemmatizers.

spaCy's lemmatizer visits every token in Python and asks its tables for the lemma; its own
cache saves the tables, not the visit. The lemma its rule mode gives depends only on the
token's text, part of speech and morphology (its lookup mode, on the text alone), so the
stand-in reads those three for the whole ``Doc`` at once, asks spaCy's lemmatizer only for a
combination it has not met, and writes every lemma back in one ``Doc.from_array``. Tokens that
already have a lemma (the attribute ruler sets a few) keep it, as spaCy's does unless it is
configured to overwrite.

``replace_lemmatizer`` puts the stand-in in the lemmatizer's place only for spaCy's
``Lemmatizer`` and ``EnglishLemmatizer`` in ``rule`` or ``lookup`` mode with their tables
loaded; any other lemmatizer (a subclass may read more of a token) stays as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

if TYPE_CHECKING:
    from thinc.types import Ints2d

LEMMATIZER = "lemmatizer"
STAND_IN = "storydiff_lemmas"
# A corpus repeats the same words; the bound keeps the memory of a long run flat anyway.
MAX_MEMO = 200_000
_READ = [ORTH, POS, MORPH, LEMMA]


def handles(lemmatizer: object) -> bool:
    """Whether the stand-in gives exactly the lemmas ``lemmatizer`` gives."""
    if type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer):
        return False
    assert isinstance(lemmatizer, Lemmatizer)
    if lemmatizer.mode not in ("rule", "lookup"):
        return False
    required, _ = lemmatizer.get_lookups_config(lemmatizer.mode)
    return all(table in lemmatizer.lookups for table in required)


class MemoisedLemmas:
    """The stand-in component: created empty and given the lemmatizer it stands in for with
    ``use`` (one that ``handles`` accepts)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.lemmatizer: Lemmatizer | None = None
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer: Lemmatizer) -> None:
        if not handles(lemmatizer):
            raise ValueError(f"{STAND_IN} cannot stand in for {lemmatizer!r}")
        self.lemmatizer = lemmatizer
        self._lemmas.clear()

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None:
            raise ValueError(f"{STAND_IN} has no lemmatizer to stand in for")
        rows = doc.to_array(_READ).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemmatizer.overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = self._lemmas.get(key)
                if lemma is None:
                    if len(self._lemmas) >= MAX_MEMO:
                        self._lemmas.clear()
                    lemma = self.vocab.strings.add(lemmatizer.lemmatize(doc[i])[0])
                    self._lemmas[key] = lemma
            lemmas.append(lemma)
        if lemmas:
            doc.from_array([LEMMA], cast("Ints2d", np.array(lemmas, dtype=np.uint64)))
        return doc


@Language.factory(STAND_IN, assigns=["token.lemma"])
def make_memoised_lemmas(nlp: Language, name: str) -> MemoisedLemmas:
    return MemoisedLemmas(nlp.vocab)


def replace_lemmatizer(nlp: Language) -> bool:
    """Put the stand-in in the place of ``nlp``'s lemmatizer when it gives the same lemmas;
    True when it did, False when spaCy's lemmatizer stays."""
    lemmatizer = nlp.get_pipe(LEMMATIZER) if LEMMATIZER in nlp.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or not handles(lemmatizer):
        return False
    stand_in = nlp.add_pipe(STAND_IN, after=LEMMATIZER)
    assert isinstance(stand_in, MemoisedLemmas)
    stand_in.use(lemmatizer)
    nlp.remove_pipe(LEMMATIZER)
    return True
