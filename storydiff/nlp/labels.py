"""The ``storydiff_labels`` component: what an article calls groups of actors, and in whose voice.

One outlet writes "rebels" and puts "terrorists" in quotation marks; another writes
"terrorists" outright. The voice of each use is what tells them apart:

- ``attributed``: the term is inside quotation marks that carry someone's words (a direct quote,
  or quoted words inside reported speech): the speaker chose it;
- ``scare_quoted``: the term is in quotation marks in the outlet's own narration: the outlet
  uses it while distancing itself from it;
- ``own``: no quotation marks. This includes paraphrase in indirect speech ("Russia said the
  rebels must leave"): the outlet chose the paraphrase's words, so the word is its own. Such
  uses carry ``in_speech_of`` (the speaker being paraphrased) so that nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storydiff.nlp.doctext import doc_text
from storydiff.nlp.intervals import Intervals
from storydiff.nlp.labels_data import (
    CIVILIANS,
    COLLECTIVE_NOUNS,
    CONFLICT_VERBS,
    GROUP_HEADS,
    GROUP_PLACES_AND_DEEDS,
    PERSON_NOUN_ENDINGS,
    STATE_FORCES,
    TERMS,
    UNLISTED,
    Term,
)
from storydiff.nlp.quotemarks import Quoted, quoted_in

_MAX_PHRASE = 3
# A quoted stretch this short in the outlet's narration is a scare quote, not a quotation.
SCARE_QUOTE_MAX_WORDS = 5
_ACTOR_ENTITY_TYPES = {"NORP", "ORG", "GPE", "PERSON"}
# Terms that name other things after a common noun: "tax regime", "mob boss".
_MANY_SENSES = {"regime", "opposition", "elite", "mob", "gang", "establishment"}
# "government control", "military operation", "civilian casualties" name no group.
_NOT_AS_MODIFIER = {STATE_FORCES, CIVILIANS}


@dataclass(frozen=True)
class _Match:
    span: Span
    term: str
    entry: Term


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _phrase_matches(doc: Doc, terms: dict[str, Term]) -> list[_Match]:
    """Listed terms, longest first, each token used once: "armed opposition group" before
    "opposition". Only positions whose lemma starts some term are tried."""
    lemmas = [_lemma(t) for t in doc]
    longest: dict[str, int] = {}
    for key in terms:
        first, *rest = key.split(" ")
        longest[first] = max(longest.get(first, 0), 1 + len(rest))
    found: list[_Match] = []
    used: set[int] = set()
    starts = [i for i, t in enumerate(doc) if lemmas[i] in longest or t.lower_ in longest]
    for length in range(_MAX_PHRASE, 0, -1):
        for start in starts:
            if longest.get(lemmas[start], longest.get(doc[start].lower_, 0)) < length:
                continue
            if start + length > len(doc) or any(i in used for i in range(start, start + length)):
                continue
            words = doc[start : start + length]
            key = " ".join(lemmas[start : start + length])
            entry = terms.get(key) or (terms.get(words.text.lower()) if length == 1 else None)
            if entry is None or not _names_actors(words, entry):
                continue
            found.append(_Match(words, key, entry))
            used.update(range(start, start + length))
    return found


def _names_actors(words: Span, entry: Term) -> bool:
    """A listed word used for people: as a noun, or as the modifier of a place or thing
    ("rebel stronghold", "militant camp"). "Government control" and "military operation" name
    no group; "counter-terrorist" and "anti-terror" name the fight against one."""
    first, last = words[0], words[-1]
    if any(t.ent_type_ in {"ORG", "PERSON", "WORK_OF_ART"} for t in words):
        return False  # part of a name: "Free Syrian Army"
    if (
        first.i >= 2
        and words.doc[first.i - 1].text == "-"
        and words.doc[first.i - 2].lower_
        in {
            "anti",
            "counter",
        }
    ):
        return False
    modifier = last.dep_ in {"amod", "compound"} and last.head.pos_ == "NOUN"
    if modifier:
        return (
            entry.category not in _NOT_AS_MODIFIER
            and last.head.i == last.i + 1
            and last.head.lemma_.lower() in GROUP_PLACES_AND_DEEDS
        )
    inside = range(words.start, words.end)
    if _lemma(last) in _MANY_SENSES and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in inside for c in last.children
    ):
        return False  # "tax regime", "sanctions regime": another thing altogether
    return last.pos_ in {"NOUN", "PROPN"}


def _extent(match: _Match) -> Span:
    """The words the label is read in: "gang of terrorists", "rebel stronghold", "armed groups"."""
    span = match.span
    doc = span.doc
    last = span[-1]
    if last.dep_ in {"amod", "compound"} and last.head.i == span.end and last.head.pos_ == "NOUN":
        return doc[span.start : span.end + 1]
    if last.dep_ == "pobj" and last.head.lower_ == "of":
        collective = last.head.head
        if _lemma(collective) in COLLECTIVE_NOUNS and collective.i == last.head.i - 1:
            return doc[collective.i : span.end]
    return span


def _group_matches(doc: Doc, taken: set[int], terms: dict[str, Term]) -> list[_Match]:
    """Group names whose modifier is listed although the phrase is not: "jihadist factions"."""
    found = []
    for token in doc:
        if token.i in taken or _lemma(token) not in GROUP_HEADS or token.tag_ != "NNS":
            continue
        modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound"}]
        listed = [m for m in modifiers if _lemma(m) in terms or m.lower_ == "armed"]
        if listed:
            start = min(m.i for m in listed)
            entry = terms.get(_lemma(listed[-1])) or Term(UNLISTED, False)
            found.append(_Match(doc[start : token.i + 1], _lemma(listed[-1]), entry))
    return found


def _unlisted_matches(doc: Doc, taken: set[int]) -> list[_Match]:
    """A plural noun for people that fights, attacks or is arrested is a label even when no list
    has it ("the jihadis stormed the town")."""
    found = []
    for token in doc:
        if (
            token.i in taken
            or token.tag_ != "NNS"
            or not token.lower_.endswith(PERSON_NOUN_ENDINGS)
        ):
            continue
        verb = token.head
        # Those who attack are being labelled; those attacked are victims, not a label.
        if token.dep_ == "nsubj" and verb.pos_ == "VERB" and _lemma(verb) in CONFLICT_VERBS:
            found.append(_Match(doc[token.i : token.i + 1], _lemma(token), Term(UNLISTED, False)))
    return found


def _actor(extent: Span, entry: Term) -> str:
    """Whom the label is about: the category, narrowed by a nationality or organisation the
    phrase names ("Syrian" in "Syrian rebel forces")."""
    root = extent.root
    # Only a token left of the root can narrow it, and the subtree lies within its edges: most
    # phrases have no named token there, and the walk down the subtree is then skipped.
    before_root = extent.doc[root.left_edge.i : root.i]
    if not any(t.ent_type_ in _ACTOR_ENTITY_TYPES for t in before_root):
        return entry.category
    for token in root.subtree:
        if token.ent_type_ in _ACTOR_ENTITY_TYPES and token.i < root.i:
            return f"{token.text} {entry.category}"
    return entry.category


class _Speech(NamedTuple):
    """A piece of a quote: who speaks there, and the quote's place in the article's order."""

    start: int
    end: int
    speaker: str | None
    order: int


def _voice(
    start: int, end: int, quoted: Intervals[Quoted], speech: Intervals[_Speech], text: str
) -> tuple[str, str | None]:
    holding = min(speech.containing(start, end), key=lambda piece: piece.order, default=None)
    speaker = holding.speaker if holding else None
    quote = next(iter(quoted.containing(start, end)), None)
    if quote is None:
        return "own", speaker
    words = len(text[quote.start : quote.end].split())
    if speaker is not None or words > SCARE_QUOTE_MAX_WORDS:
        return "attributed", speaker
    return "scare_quoted", None


def _outermost(pairs: list[tuple[_Match, Span]]) -> list[tuple[_Match, Span]]:
    """One label per stretch of text, in text order: "gang of terrorists", not also "gang"."""
    kept: list[tuple[_Match, Span]] = []
    for match, extent in sorted(pairs, key=lambda pair: (pair[1].start, -len(pair[1]))):
        if kept and extent.start < kept[-1][1].end:
            continue
        kept.append((match, extent))
    return kept


def find_labels(doc: Doc, terms: dict[str, Term] = TERMS) -> list[dict[str, Any]]:
    """Every label in the document, in text order, as plain dicts (see the module docstring)."""
    text = doc_text(doc)
    quoted = quoted_in(doc)
    speech = Intervals(
        _Speech(piece.start, piece.end, quote.speaker.described, order)
        for order, (quote, piece) in enumerate(
            (quote, piece) for quote in (doc._.quotes or []) for piece in quote.pieces
        )
    )
    matches = _phrase_matches(doc, terms)
    taken = {i for m in matches for i in range(m.span.start, m.span.end)}
    matches += _group_matches(doc, taken, terms)
    taken |= {i for m in matches for i in range(m.span.start, m.span.end)}
    matches += _unlisted_matches(doc, taken)
    extents = _outermost([(m, _extent(m)) for m in matches])
    labels = []
    for match, extent in extents:
        voice, speaker = _voice(extent.start_char, extent.end_char, quoted, speech, text)
        labels.append(
            {
                "start": extent.start_char,
                "end": extent.end_char,
                "text": extent.text,
                "term": match.term,
                "category": match.entry.category,
                "contested": match.entry.contested,
                "actor": _actor(extent, match.entry),
                "voice": voice,
                "in_speech_of": speaker,
            }
        )
    return labels


if not Doc.has_extension("labels"):
    Doc.set_extension("labels", default=None)


@Language.factory(
    "storydiff_labels",
    assigns=["doc._.labels"],
    requires=["token.lemma", "token.dep", "token.pos"],
    default_config={"extra_terms": {}},
)
def make_labels_component(
    nlp: Language, name: str, extra_terms: dict[str, list[Any]]
) -> LabelsComponent:
    """``extra_terms`` maps a lemma or phrase to ``[category, contested]``."""
    terms = dict(TERMS)
    terms.update({k.lower(): Term(str(v[0]), bool(v[1])) for k, v in extra_terms.items()})
    return LabelsComponent(terms)


class LabelsComponent:
    """Sets ``doc._.labels``. Put it after ``storydiff_quotes``: voices depend on the quotes."""

    def __init__(self, terms: dict[str, Term]) -> None:
        self.terms = terms

    def __call__(self, doc: Doc) -> Doc:
        doc._.labels = find_labels(doc, self.terms)
        return doc
