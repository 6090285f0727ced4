"""The ``storydiff_entity_kinds`` component: a pipeline's entity labels as the kinds storydiff
reads.

storydiff's components read OntoNotes' labels (PERSON, ORG, GPE, NORP), which the English
pipelines give. Pipelines for other languages were trained on other schemes (the French ones
on WikiNER: PER, LOC, ORG, MISC), so their language's lexicons say how each label maps
(``Lexicons.entity_kinds``) and this component, put right after the recogniser, renames them;
a label with no mapping stays as it is. Such a recogniser also takes a title of office for
an organisation ("le ministre de la Défense"): an entity that opens with one of the
language's role nouns is a description of a person, not an actor, and is dropped, so that
the name beside it ("…, Oumar Keïta") is the speaker.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.factory(
    "storydiff_entity_kinds",
    # It rewrites the entities it reads: declared as what it assigns, as the recogniser's are.
    assigns=["doc.ents"],
    requires=["token.lemma"],
    default_config={"kinds": {}, "role_nouns": []},
)
def make_entity_kinds(
    nlp: Language, name: str, kinds: dict[str, str], role_nouns: list[str]
) -> EntityKinds:
    return EntityKinds(kinds, frozenset(role_nouns))


class EntityKinds:
    """Renames ``doc.ents`` labels by ``kinds`` (the pipeline's label -> storydiff's kind),
    and drops the entities that open with a role noun."""

    def __init__(self, kinds: dict[str, str], role_nouns: frozenset[str] = frozenset()) -> None:
        self.kinds = dict(kinds)
        self.role_nouns = role_nouns

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = [
            Span(doc, e.start, e.end, label=self.kinds.get(e.label_, e.label_))
            for e in doc.ents
            if e[0].lemma_.lower() not in self.role_nouns
        ]
        return doc
