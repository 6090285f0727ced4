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

Every use of a listed term counts, not only the term as a noun: before another noun
("terrorist rocket attack": ``modifies`` is "attack"), with the hyphenated modifiers that
qualify it ("pro-government forces"), after a hedge that distances the outlet without
quotation marks ("so-called rebels": ``hedge``), and inside a name when the outlet put it there
("the Nusra Terrorist Front"). The voice is that of the term's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from spacy.attrs import LEMMA, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storydiff.model import Label
from storydiff.nlp.doctext import doc_text
from storydiff.nlp.extensions import typed
from storydiff.nlp.intervals import Intervals
from storydiff.nlp.labels_data import (
    CIVILIANS,
    COLLECTIVE_NOUNS,
    CONFLICT_VERBS,
    GROUP_HEADS,
    GROUP_PLACES_AND_DEEDS,
    HEDGES,
    NOT_LABELS,
    OTHER_SENSES,
    OTHERS_WORDS,
    PERSON_NOUN_ENDINGS,
    STATE_FORCES,
    TERMS,
    UNLISTED,
    Term,
)
from storydiff.nlp.lexicons import lexicons_for
from storydiff.nlp.quotemarks import Quoted, quoted_in
from storydiff.nlp.tokens import with_tag

# A quoted stretch this short in the outlet's narration is a scare quote, not a quotation.
SCARE_QUOTE_MAX_WORDS = 5
_ACTOR_ENTITY_TYPES = {"NORP", "ORG", "GPE", "PERSON"}
# Terms that name other things after a common noun: "tax regime", "mob boss".
_MANY_SENSES = {"regime", "opposition", "elite", "mob", "gang", "establishment"}
# "government control", "military operation", "civilian casualties" name no group.
_NOT_AS_MODIFIER = {STATE_FORCES, CIVILIANS}
# How a term is split into tokens as spaCy splits it: "pro-government force" is four.
_TERM_TOKENS = re.compile(r"-|[^\s-]+")


@dataclass(frozen=True)
class _Match:
    span: Span
    term: str
    entry: Term


@dataclass(frozen=True)
class _Extent:
    """The words a label is read in, and the hedge among them ("so-called")."""

    span: Span
    hedge: str | None


def _lemma(token: Token) -> str:
    return _plain_lemma(token.lemma_, token.tag_, token.lower_)


def _plain_lemma(lemma: str, tag: str, lower: str) -> str:
    """The lower-case lemma; spaCy leaves a plural proper noun as it is ("Islamists",
    "Rebels" in a headline), so its plural ending is taken off here."""
    lemma = lemma.lower()
    if tag == "NNPS" and lemma == lower:
        if lemma.endswith("ies"):
            return lemma[:-3] + "y"
        return lemma.removesuffix("s")
    return lemma


# Lemmas by the hashes of a token's lemma, tag and lower form: a corpus repeats the same
# few thousand, and every token of every article is read. Cleared when it grows this large.
_LEMMAS: dict[tuple[int, int, int], str] = {}
_MAX_LEMMAS = 200_000


def _doc_lemmas(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's ``_lemma`` and lower form, read for the whole ``Doc`` at once."""
    strings = doc.vocab.strings
    lemmas, lowers = [], []
    for lemma, tag, lower in doc.to_array([LEMMA, TAG, LOWER]).tolist():
        found = _LEMMAS.get((lemma, tag, lower))
        if found is None:
            if len(_LEMMAS) >= _MAX_LEMMAS:
                _LEMMAS.clear()
            found = _LEMMAS[lemma, tag, lower] = _plain_lemma(
                strings[lemma], strings[tag], strings[lower]
            )
        lemmas.append(found)
        lowers.append(strings[lower])
    return lemmas, lowers


def _key(doc: Doc, lemmas: list[str], start: int, end: int) -> str:
    """The lemmas of ``doc[start:end]`` spelt as terms are: a space where the text has white
    space, none around a hyphen ("pro-government force")."""
    return "".join(
        lemmas[i] + (" " if i < end - 1 and doc[i].whitespace_ else "") for i in range(start, end)
    )


def _phrase_matches(doc: Doc, terms: dict[str, Term]) -> list[_Match]:
    """Listed terms, longest first, each token used once: "armed opposition group" before
    "opposition". Only positions whose lemma starts some term are tried, and no phrase longer
    than the longest term that starts there."""
    lemmas, lowers = _doc_lemmas(doc)
    longest: dict[str, int] = {}
    for key in terms:
        first, *rest = _TERM_TOKENS.findall(key)
        longest[first] = max(longest.get(first, 0), 1 + len(rest))
    reach = {
        i: longest.get(lemma, longest.get(lower, 0))
        for i, (lemma, lower) in enumerate(zip(lemmas, lowers, strict=True))
        if lemma in longest or lower in longest
    }
    found: list[_Match] = []
    used: set[int] = set()
    for length in range(max(reach.values(), default=0), 0, -1):
        for start, most in reach.items():
            if most < length or start + length > len(doc):
                continue
            if any(i in used for i in range(start, start + length)):
                continue
            words = doc[start : start + length]
            key = _key(doc, lemmas, start, start + length)
            entry = terms.get(key) or (terms.get(words.text.lower()) if length == 1 else None)
            if entry is None or not _names_actors(words, entry, terms):
                continue
            found.append(_Match(words, key, entry))
            used.update(range(start, start + length))
    return found


def _modified_noun(token: Token) -> Token | None:
    """The noun a word stands before as its modifier ("terrorist" in "terrorist rocket
    attack" modifies "attack"), or None."""
    head = token.head
    if token.dep_ in {"amod", "compound"} and head.pos_ in {"NOUN", "PROPN"} and head.i > token.i:
        return head
    return None


def _in_a_name(words: Span) -> bool:
    """Part of a proper name ("Free Syrian Army", "Joint Terrorism Task Force"), unless the
    word is in lower case (spaCy folded the outlet's word into the name: "ISIS terrorists") or
    is a word a group is only ever called by others, put before its group noun ("the Nusra
    Terrorist Front")."""
    last = words[-1]
    if any(t.ent_type_ in {"PERSON", "WORK_OF_ART"} for t in words):
        return True
    if not any(_named(t) for t in words) or all(t.is_lower for t in words):
        return False
    head = _modified_noun(last)
    return not (_lemma(last) in OTHERS_WORDS and head is not None and _lemma(head) in GROUP_HEADS)


def _named(token: Token) -> bool:
    """Inside an organisation's name: spaCy says so, or the word is capitalised mid-sentence
    beside another capitalised proper noun (a name spaCy missed: "Joint Terrorism Task
    Force")."""
    if token.ent_type_ == "ORG":
        return True
    if not token.is_title or token.is_sent_start:
        return False
    neighbours = token.doc[max(0, token.i - 1) : token.i + 2]
    return any(t.i != token.i and t.is_title and t.pos_ == "PROPN" for t in neighbours)


def _fights_it(words: Span) -> bool:
    """The term names the fight against a group, not the group: "counter-terrorist",
    "anti-terror", "the war on terror"."""
    doc, first = words.doc, words[0]
    if (
        first.i >= 2
        and doc[first.i - 1].text == "-"
        and doc[first.i - 2].lower_ in {"anti", "counter"}
    ):
        return True
    before = [_lemma(t) for t in doc[max(0, words.end - 4) : words.end]]
    return any(" ".join(before[-len(p.split(" ")) :]) == p for p in NOT_LABELS)


def _names_actors(words: Span, entry: Term, terms: dict[str, Term]) -> bool:
    """A listed word used for people: as a noun, or as the modifier of a noun ("terrorist
    rocket attack", "rebel stronghold"). "Government control" and "military operation" name no
    group; a word with another common sense ("radical change") labels only before a group,
    place or deed noun or another label; "counter-terrorist" and "anti-terror" name the fight
    against one."""
    if _in_a_name(words) or _fights_it(words):
        return False
    last = words[-1]
    head = _modified_noun(last)
    if head is not None:
        if entry.category in _NOT_AS_MODIFIER and not entry.contested:
            return False
        if _lemma(last) not in OTHER_SENSES:
            return True
        return _lemma(head) in GROUP_PLACES_AND_DEEDS or _lemma(head) in terms
    inside = range(words.start, words.end)
    if _lemma(last) in _MANY_SENSES and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in inside for c in last.children
    ):
        return False  # "tax regime", "sanctions regime": another thing altogether
    if last.pos_ in {"NOUN", "PROPN"}:
        return True
    # A head before its adjective, as French puts it ("groupe armé").
    first = words[0]
    return len(words) > 1 and last.pos_ == "ADJ" and words.root == first and first.pos_ == "NOUN"


def _hyphen_word_start(doc: Doc, i: int) -> int:
    """The first token of the hyphenated word that ends at token ``i`` ("so-called")."""
    while (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
    ):
        i -= 2
    return i


def _qualified(doc: Doc, start: int, end: int) -> _Extent:
    """``doc[start:end]`` with the hedges and hyphenated modifiers before it that modify it:
    "so-called rebels", "Kremlin-backed separatists", "pro-Assad militias"."""
    hedge = None
    while start > 0 and doc[start - 1].whitespace_:
        first = _hyphen_word_start(doc, start - 1)
        word = doc[first:start]
        if not any(start <= t.head.i < end for t in word):
            break
        text = word.text.lower()
        if text in HEDGES:
            hedge = text
        elif len(word) == 1:
            break
        start = first
    return _Extent(doc[start:end], hedge)


def _extent(match: _Match) -> _Extent:
    """The words the label is read in: "gang of terrorists", "terrorist rocket attack",
    "so-called rebels"."""
    span = match.span
    doc = span.doc
    last = span[-1]
    head = _modified_noun(last)
    between = doc[span.end : head.i] if head is not None else doc[0:0]
    if head is not None and all(span.end - 1 <= t.head.i <= head.i for t in between):
        return _qualified(doc, span.start, head.i + 1)
    if last.dep_ == "pobj" and last.head.lower_ == "of":
        collective = last.head.head
        if _lemma(collective) in COLLECTIVE_NOUNS and collective.i == last.head.i - 1:
            return _qualified(doc, collective.i, span.end)
    return _qualified(doc, span.start, span.end)


def _group_matches(doc: Doc, taken: set[int], terms: dict[str, Term]) -> list[_Match]:
    """Group names whose modifier is listed although the phrase is not: "jihadist factions"."""
    found = []
    for token in with_tag(doc, ("NNS",)):
        if token.i in taken or _lemma(token) not in GROUP_HEADS:
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
    for token in with_tag(doc, ("NNS",)):
        if token.i in taken or not token.lower_.endswith(PERSON_NOUN_ENDINGS):
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
            return f"{_entity_name(token)} {entry.category}"
    return entry.category


def _entity_name(token: Token) -> str:
    """The whole name a token is part of, without a leading "the": "Al-Nusra Front", not "Al"."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None:
        return token.text
    words = [t for t in entity if t.pos_ != "DET" or t.i > entity.start]
    return token.doc[words[0].i : entity.end].text if words else token.text


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


def _outermost(pairs: list[tuple[_Match, _Extent]]) -> list[tuple[_Match, _Extent]]:
    """One label per stretch of text, in text order: "gang of terrorists", not also "gang"."""
    kept: list[tuple[_Match, _Extent]] = []
    for match, extent in sorted(pairs, key=lambda pair: (pair[1].span.start, -len(pair[1].span))):
        if kept and extent.span.start < kept[-1][1].span.end:
            continue
        kept.append((match, extent))
    return kept


def find_labels(doc: Doc, terms: dict[str, Term] = TERMS) -> list[Label]:
    """Every label in the document, in text order (see the module docstring)."""
    text = doc_text(doc)
    quoted = quoted_in(doc)
    speech = Intervals(
        _Speech(piece.start, piece.end, quote.speaker.described, order)
        for order, (quote, piece) in enumerate(
            (quote, piece) for quote in (typed(doc)._.quotes or []) for piece in quote.pieces
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
        span = extent.span
        # The voice is the term's: in 'the "terrorist" bases' the outlet distances itself
        # from the word, whatever surrounds it.
        term = match.span
        voice, speaker = _voice(term.start_char, term.end_char, quoted, speech, text)
        modified = _modified_noun(term[-1])
        labels.append(
            Label(
                span.start_char,
                span.end_char,
                span.text,
                term=match.term,
                category=match.entry.category,
                contested=match.entry.contested,
                actor=_actor(span, match.entry),
                voice=voice,
                in_speech_of=speaker,
                hedge=extent.hedge,
                modifies=_lemma(modified) if modified is not None else None,
            )
        )
    return labels


if not Doc.has_extension("labels"):
    Doc.set_extension("labels", default=None)


@Language.factory(
    "storydiff_labels",
    assigns=["doc._.labels"],
    requires=[
        "doc._.quotes",
        "doc.ents",
        "token.dep",
        "token.ent_type",
        "token.head",
        "token.is_sent_start",
        "token.lemma",
        "token.pos",
        "token.tag",
    ],
    default_config={"extra_terms": {}},
)
def make_labels_component(
    nlp: Language, name: str, extra_terms: dict[str, list[Any]]
) -> LabelsComponent:
    """``extra_terms`` maps a lemma or phrase to ``[category, contested]``."""
    terms = lexicons_for(nlp.lang).terms()
    terms.update({k.lower(): Term(str(v[0]), bool(v[1])) for k, v in extra_terms.items()})
    return LabelsComponent(terms)


class LabelsComponent:
    """Sets ``doc._.labels``. Put it after ``storydiff_quotes``: voices depend on the quotes."""

    def __init__(self, terms: dict[str, Term]) -> None:
        self.terms = terms

    def __call__(self, doc: Doc) -> Doc:
        typed(doc)._.labels = find_labels(doc, self.terms)
        return doc
