"""Articles longer than spaCy takes in one pass are analysed in pieces, with the offsets of the
whole article; past the size limit they are refused in storydiff's words."""

from __future__ import annotations

import pytest
import spacy

from storydiff.errors import Code, InputError
from storydiff.model import Analysis, Article
from storydiff.nlp import pieces
from storydiff.nlp.annotate import annotate
from storydiff.nlp.pipeline import OUR_COMPONENTS
from storydiff.sources import read_text

FILLER = "The river ran slowly past the old mill and the quiet fields beyond it. " * 70


def _article(text: str) -> Article:
    return Article(
        id="long",
        source="long.txt",
        line=None,
        url=None,
        title=None,
        outlet=None,
        published=None,
        language="en",
        text=text,
    )


def _spans_match_text(analysis: Analysis) -> None:
    text = analysis.article.text
    for statement in analysis.statements:
        assert text[statement.start : statement.end] == statement.text
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for found in (*analysis.quantities, *analysis.labels):
        assert text[found.start : found.end] == found.text
    for quote in analysis.quotes:
        for piece in quote.pieces:
            assert text[piece.start : piece.end] == piece.text


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("one two\n\nthree four\n\nfive", 14, ["one two\n\n", "three four\n\n", "five"]),
        ("one two\nthree four\nfive", 12, ["one two\n", "three four\n", "five"]),
        ("one two three four", 10, ["one two ", "three four"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("short", 100, ["short"]),
    ],
)
def test_pieces_end_at_the_best_break_and_join_back(text, size, expected):
    found = pieces.split_pieces(text, size)
    assert found == expected
    assert "".join(found) == text
    assert all(len(piece) <= size for piece in found)


@pytest.fixture(scope="module")
def light_nlp():
    """Tokeniser, sentences and a few names: enough for entities, statements and figures,
    quick enough for a text of a million characters."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("storydiff_paragraphs")
    nlp.add_pipe("entity_ruler").add_patterns(
        [
            {"label": "PERSON", "pattern": "Anna Petrova"},
            {"label": "PERSON", "pattern": "Petrova"},
            {"label": "GPE", "pattern": "Ruritania"},
        ]
    )
    for name in OUR_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def test_an_article_over_a_million_characters_is_analysed_with_its_own_offsets(light_nlp):
    paragraphs = [FILLER + f"Paragraph {number} ends here." for number in range(210)]
    paragraphs[0] = "Anna Petrova arrived in Ruritania on Monday."
    paragraphs.append("Petrova left 12 days later.")
    text = "\n\n".join(paragraphs)
    assert len(text) > light_nlp.max_length  # one pass would be refused (spaCy's E088)

    (analysis,) = annotate([_article(text)], light_nlp, progress=True)

    _spans_match_text(analysis)
    assert len(analysis.statements) > len(paragraphs)
    last = analysis.statements[-1]
    assert (last.start, last.end) == (text.rindex("Petrova left"), len(text))
    # The name in the last piece is the woman named in the first: actors span the pieces.
    (petrova,) = [e for e in analysis.entities if e.name == "Anna Petrova"]
    assert [m.start for m in petrova.mentions] == [0, text.rindex("Petrova")]
    assert last.entities == (petrova.id,)
    assert analysis.quantities[-1].start == text.rindex("12")


def test_pieces_give_the_analysis_of_one_pass(nlp, seed_analyses, monkeypatch):
    """The seeds cut into pieces of 1,500 characters: the same quotes, speakers, entities,
    statements, labels and figures, at the same offsets, as in one pass."""
    monkeypatch.setattr(pieces, "PIECE_CHARS", 1500)
    whole = list(seed_analyses.values())
    assert all(len(pieces.split_pieces(a.article.text, 1500)) > 1 for a in whole)
    for one_pass, in_pieces in zip(whole, annotate([a.article for a in whole], nlp), strict=True):
        assert in_pieces.quotes == one_pass.quotes
        assert in_pieces.entities == one_pass.entities
        assert in_pieces.statements == one_pass.statements
        assert in_pieces.labels == one_pass.labels
        assert in_pieces.quantities == one_pass.quantities
        assert in_pieces.dates == one_pass.dates
        _spans_match_text(in_pieces)


def test_text_over_the_limit_is_refused_in_storydiffs_words():
    with pytest.raises(InputError) as raised:
        read_text("é" * 600, max_bytes=1000)
    assert raised.value.code is Code.E004
    assert raised.value.details == {"size": 1200, "limit": 1000}
    assert "E088" not in str(raised.value)
    assert read_text("é" * 500, max_bytes=1000).text == "é" * 500
