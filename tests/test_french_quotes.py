"""French quotes and their speakers where the French parse or the French way of writing
differs from English: a quotation inside a sentence, and a pronoun that goes on from a person
the article describes but never names. The sentences are our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storydiff.model import Quote


def _quotes(nlp: Language, text: str) -> list[Quote]:
    quotes: list[Quote] = nlp(text)._.quotes
    return quotes


def test_a_sentence_runs_on_through_an_opening_guillemet(fr):
    doc = fr("Le maire, Jean Dupont, a dénoncé des « actes honteux ».")
    assert len(list(doc.sents)) == 1


def test_a_guillemet_after_a_full_stop_may_still_open_a_sentence(fr):
    doc = fr("Le maire a parlé longtemps. « Nous irons jusqu'au bout », a-t-il ajouté.")
    assert next(iter(doc.sents)).text.strip() == "Le maire a parlé longtemps."


def test_a_quotation_after_the_verbs_object_is_what_was_said(fr):
    (quote,) = _quotes(fr, "Le maire, Jean Dupont, a dénoncé des « actes honteux ».")
    assert quote.speaker.name == "Jean Dupont"
    assert quote.content.text == "des « actes honteux »"
    assert quote.content.text != "des"


def test_a_pronoun_after_an_unnamed_official_stays_unnamed(fr):
    text = (
        "« Le chantier avance », a déclaré Paul Girard, le directeur du port.\n\n"
        "Un responsable syndical a estimé que la grève durerait. "
        "« Nous ne céderons pas », a-t-il ajouté."
    )
    quotes = _quotes(fr, text)
    assert quotes[0].speaker.name == "Paul Girard"
    last = quotes[-1]
    assert last.content.text == "Nous ne céderons pas"
    assert last.speaker.name is None and last.speaker.entity is None


@pytest.mark.parametrize(
    ("opening", "between", "pronoun"),
    [
        # The last speaker before the pronoun is named: the pronoun is that person.
        (
            "Un responsable syndical a estimé que la grève durerait.",
            "Le directeur du port, Paul Girard, a affirmé que le chantier avançait.",
            "a-t-il ajouté",
        ),
        # The unnamed person is a man, the pronoun a woman's: she is the woman named before.
        (
            "« Le chantier avance », a déclaré Paula Girard, la directrice du port.",
            "Un responsable syndical a estimé que la grève durerait.",
            "a-t-elle répondu",
        ),
    ],
)
def test_a_pronoun_that_cannot_go_on_from_an_unnamed_person_is_resolved(
    fr, opening, between, pronoun
):
    text = f"{opening}\n\n{between} « Nous tiendrons les délais », {pronoun}."
    assert _quotes(fr, text)[-1].speaker.name.split()[-1] == "Girard"
