"""The word lists of storydiff's components, one set per language.

English's are the modules that have always held them (``cues.py``, ``labels_data.py``); any
other language's are a data file, ``data/lexicons/<code>.toml``, every list in it with its
source. A component picks the set of its pipeline's language (``nlp.lang``), so that adding a
language is adding such a file and naming its spaCy pipeline in the ``pipeline.languages``
setting: no code. A language without a file has no lexicons, and its articles get the reduced
analysis (``reduced.py``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from storydiff.nlp.cues import DEFAULT_LEXICON, ROLE_NOUNS, Lexicon
from storydiff.nlp.datewords import ENGLISH_DATES, DateWords, date_words_from
from storydiff.nlp.labels_data import TERMS, Term
from storydiff.nlp.numbers import ENGLISH_NUMBERS, NumberWords, number_words_from

ENGLISH = "en"
_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class Lexicons:
    """One language's word lists: the quote extractor's (``quotes``), the role nouns of the
    entity grouper, the label terms (None: English's ``TERMS``), how the language's entity
    recogniser's labels map to the kinds storydiff reads (``entity_kinds``; none when they are
    OntoNotes' already), whether a paragraph opening with a dash is dialogue, and the words
    its figures are written with (``numbers``; digits only without a ``[numbers]`` table)
    and its dates (``dates``; None, no dates, without a ``[dates]`` table).
    ``opening_marks`` are the quotation marks a sentence runs on through (``paragraphs.py``:
    the sentence a parser would start at one is wrong)."""

    language: str
    quotes: Lexicon = DEFAULT_LEXICON
    role_nouns: frozenset[str] = ROLE_NOUNS
    label_terms: tuple[tuple[str, str, bool], ...] | None = None
    entity_kinds: tuple[tuple[str, str], ...] = ()
    dash_dialogue: bool = False
    opening_marks: frozenset[str] = frozenset()
    numbers: NumberWords = ENGLISH_NUMBERS
    dates: DateWords | None = ENGLISH_DATES

    def terms(self) -> dict[str, Term]:
        """The label terms, lemma or phrase to its category and whether it is contested."""
        if self.label_terms is None:
            return dict(TERMS)
        return {lemma: Term(category, contested) for lemma, category, contested in self.label_terms}


def has_lexicons(language: str) -> bool:
    """Whether storydiff has word lists for ``language`` (an ISO 639-1 code)."""
    return language == ENGLISH or (
        bool(_CODE.fullmatch(language)) and _data_file(language).is_file()
    )


def opening_marks(language: str) -> frozenset[str]:
    """The quotation marks a sentence of ``language`` runs on through (none without lists)."""
    return lexicons_for(language).opening_marks if has_lexicons(language) else frozenset()


@cache
def lexicons_for(language: str) -> Lexicons:
    """The word lists for ``language``; English's for a language without its own file (a
    pipeline loaded for such a language still runs, as it always has, on English's lists)."""
    if language == ENGLISH or not has_lexicons(language):
        return Lexicons(ENGLISH)
    data = tomllib.loads(_data_file(language).read_text(encoding="utf-8"))
    return _from_data(language, data)


def _data_file(language: str) -> Any:
    return resources.files("storydiff.nlp").joinpath("data", "lexicons", f"{language}.toml")


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values)


def _from_data(language: str, data: dict[str, Any]) -> Lexicons:
    quotes = data.get("quotes", {})
    entities = data.get("entities", {})
    cue_verbs = _words(quotes.get("cue_verbs", ()))
    object_cues = _words(quotes.get("object_cues", ()))
    role_nouns = _words(entities.get("role_nouns", ()))
    quote_lexicon = Lexicon(
        cue_verbs=cue_verbs | object_cues,
        object_cues=object_cues,
        attribution_nouns=_words(quotes.get("attribution_nouns", ())),
        role_nouns=role_nouns,
        according_to=tuple(str(p).lower() for p in quotes.get("according_to", ())),
        inverted_verb_forms=_words(quotes.get("inverted_verb_forms", ())),
        inverted_glue=_words(quotes.get("inverted_glue", ())),
        pronouns=tuple(
            (str(p).lower(), (str(g), str(n)))
            for p, (g, n) in sorted(quotes.get("pronouns", {}).items())
        ),
    )
    terms = data.get("labels", {}).get("terms", ())
    return Lexicons(
        language=language,
        quotes=quote_lexicon,
        role_nouns=role_nouns,
        label_terms=tuple(sorted((str(t), str(c), bool(k)) for t, c, k in terms)),
        entity_kinds=tuple(sorted(entities.get("kinds", {}).items())),
        dash_dialogue=bool(data.get("conventions", {}).get("dash_dialogue", False)),
        opening_marks=frozenset(map(str, data.get("conventions", {}).get("opening_marks", ()))),
        numbers=number_words_from(data.get("numbers")),
        dates=date_words_from(data.get("dates")),
    )
