"""French verbs of saying and descriptions of a speaker: "évoquer" introduces what was said,
and a role noun with a definite determiner ("la députée", "le porte-parole") is the person
the article named in that role, read from universal parts of speech and features rather than
English's tags; a role no named person holds is someone the article does not name. The
sentences are our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storydiff.model import Quote


def _quotes(nlp: Language, text: str) -> list[Quote]:
    quotes: list[Quote] = nlp(text)._.quotes
    return quotes


def test_evoquer_introduces_a_quotation(fr):
    (quote,) = _quotes(fr, "Marie Dubois a évoqué « une crise sans précédent ».")
    assert quote.speaker.name == "Marie Dubois"
    assert quote.cue is not None and quote.cue.text == "évoqué"
    assert quote.content.text == "une crise sans précédent"


def test_evoquer_in_an_incise(fr):
    (quote,) = _quotes(fr, "« La crise est grave », évoque Marie Dubois.")
    assert quote.speaker.name == "Marie Dubois"


def test_evoquer_with_a_plain_object_is_no_quote(fr):
    assert _quotes(fr, "Le ministre a évoqué la possibilité d'un retrait.") == []


@pytest.mark.parametrize(
    ("introduced", "name", "description"),
    [
        ("La députée Marie Dubois", "Marie Dubois", "la députée"),
        ("La vice-présidente de la région, Anne Morel,", "Anne Morel", "la vice-présidente"),
    ],
)
def test_a_definite_role_noun_is_the_person_named_in_that_role(fr, introduced, name, description):
    text = f"{introduced} a défendu un texte. « La situation est grave », a déclaré {description}."
    (quote,) = _quotes(fr, text)
    assert quote.speaker.mention is not None and quote.speaker.mention.text == description
    assert quote.speaker.name == name


def test_a_plural_role_noun_is_no_description_of_one_person(fr):
    text = (
        "La députée Marie Dubois est arrivée. « La situation est grave », ont déclaré les députés."
    )
    (quote,) = _quotes(fr, text)
    assert quote.speaker.name != "Marie Dubois"


@pytest.mark.parametrize("role", ["le préfet", "la préfète"])
def test_a_role_no_named_person_holds_stays_unnamed(fr, role):
    text = (
        "« Nous restons ouverts », a déclaré Paul Martin.\n\n"
        f"« La route restera fermée », a précisé {role}."
    )
    first, second = _quotes(fr, text)
    assert first.speaker.name == "Paul Martin"
    assert second.speaker.mention is not None and second.speaker.mention.text == role
    assert second.speaker.name is None


def test_a_role_the_article_gave_a_person_is_that_person(fr):
    text = (
        "Le maire, Paul Martin, a estimé que la crue était passée.\n\n"
        "« La route restera fermée », a précisé le maire."
    )
    assert [q.speaker.name for q in _quotes(fr, text)] == ["Paul Martin", "Paul Martin"]
