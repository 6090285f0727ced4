"""Articles too long for one spaCy pass: parsed in pieces, analysed whole.

spaCy refuses a text longer than ``nlp.max_length`` (a million characters), because its tagger,
parser and entity recogniser need memory in proportion to the text they are given; an article
may be ten times that (``--max-bytes``). Raising the limit would trade the refusal for
gigabytes of memory. Instead a long text is cut after paragraph breaks into pieces of at most
``PIECE_CHARS`` characters, the components before storydiff's own (tokeniser, tagger, parser,
entity recogniser, storydiff_paragraphs) run on each piece, and the pieces are joined into one
``Doc`` whose text is the article's character for character, so every offset is the article's.
storydiff's components then run on the whole ``Doc``: actors are grouped, speakers resolved and
quotes found across the whole article, as in a short one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from storydiff.nlp.doctext import with_text
from storydiff.nlp.pipeline import OUR_COMPONENTS

# Ten times smaller than spaCy's limit: a piece costs a few hundred megabytes at most, and a
# news article's paragraphs are far shorter, so pieces end at paragraph breaks.
PIECE_CHARS = 100_000
# Where to cut, best first: after a paragraph break, a line break, a space; failing all
# three (a hundred thousand characters without a space), anywhere.
_CUTS = ("\n\n", "\n", " ")
# Seconds before a long article's progress bar shows (as for the command line's bars).
_PROGRESS_DELAY = 2.0


def piece_size(nlp: Language) -> int:
    """The longest text that goes through ``nlp`` in one pass."""
    return min(PIECE_CHARS, nlp.max_length)


def split_pieces(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back into it, each
    ending after a paragraph break where one is within reach."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = next(
            (found + len(s) for s in _CUTS if (found := text.rfind(s, start, end)) >= 0), end
        )
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse_in_pieces(nlp: Language, text: str, label: str, *, progress: bool = False) -> Doc:
    """``text`` through ``nlp``: the components before storydiff's on each piece, storydiff's
    on the joined ``Doc``. ``progress`` shows a bar on standard error (on a terminal, once the
    work has lasted a moment) labelled ``label``."""
    names = nlp.pipe_names
    first_ours = next((i for i, name in enumerate(names) if name in OUR_COMPONENTS), len(names))
    pieces = split_pieces(text, piece_size(nlp))
    parsed = _parsed(nlp, pieces, disable=names[first_ours:], label=label, progress=progress)
    # spaCy's stub of from_docs lacks its keyword ``exclude`` (spaCy 3.8 has it).
    joined = Doc.from_docs(  # type: ignore[call-arg]
        list(parsed), ensure_whitespace=False, exclude=["tensor", "user_data"]
    )
    doc = with_text(joined, text)
    for _, component in nlp.pipeline[first_ours:]:
        doc = component(doc)
    return doc


def _parsed(
    nlp: Language, pieces: list[str], *, disable: list[str], label: str, progress: bool
) -> Iterator[Doc]:
    """Each piece parsed, one at a time (a batch of pieces would hold the memory of all), and
    without its tensor: nothing downstream reads it, and kept for a ten-megabyte article it
    would take more memory than the rest of the analysis."""
    with tqdm(
        total=sum(map(len, pieces)),
        desc=f"analysing {label}",
        unit="char",
        unit_scale=True,
        file=sys.stderr,
        disable=None if progress else True,
        delay=_PROGRESS_DELAY,
        leave=False,
    ) as bar:
        for piece, doc in zip(pieces, nlp.pipe(pieces, disable=disable, batch_size=1), strict=True):
            doc.tensor = doc.tensor[:0]
            bar.update(len(piece))
            yield doc
