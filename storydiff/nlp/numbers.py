"""The words and marks one language writes its figures with, as one typed object.

``storydiff_quantities`` reads a number phrase ("plus de 3 000 personnes", "about 800,000
people") with the ``NumberWords`` of its pipeline's language, so that adding a language's
figures in words is adding a ``[numbers]`` table to its word-list file
(``data/lexicons/<code>.toml``, read by ``lexicons.py``): no code. English's are the lists of
``numbers_data.py``, unchanged; a language whose file has no ``[numbers]`` table gets
``DIGITS_ONLY``, which reads figures written in digits and nothing else, and its analyses say
so (``number_words: false``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from storydiff.nlp import numbers_data as en
from storydiff.nlp.word_tables import WordTable


@dataclass(frozen=True)
class NumberWords:
    """One language's number vocabulary. Multi-word keys are the tokenizer's words joined by
    one space ("more than", "plus d'"), lower case.

    The structural words say how a phrase is put together: ``articles`` stand for one before
    a scale ("a million", "un million") and ``vague_articles`` open a vague quantity ("a few",
    "des milliers"); ``one_words`` may open "a third", "one thousand", "la moitié";
    ``abbreviations`` are a scale and unit written short after a number, with their words in
    full ("M€": "million d'euros"); ``group_spaces`` are the space characters the tokenizer
    leaves between digit groups ("3\u202f000");
    ``of_words`` join a number to what it counts ("thousands of troops"); ``and_words`` join
    the parts of one number ("three hundred and fifty"; ``and_before``, when given, are the
    only words an ``and_word`` may come before); ``range_words`` join the ends of a range
    ("200 to 300") and ``between_words`` open one ("between 40 and 60"); ``leading_trim`` are
    the words a candidate's edge never starts with. ``unit_links`` may stand between a number
    and its unit ("1,5 milliard d'euros"); ``not_counted_after`` are the words after a number
    that make it a date, a duration, an age or a time rather than a count, for pipelines whose
    entity recogniser does not label those (English's does: its list is empty); without
    ``labelled_numbers`` the recogniser labels no numbers at all, and the Matcher also looks
    for a number before a fraction ("deux tiers"), which English's labels CARDINAL.
    """

    words: bool = True
    letters: str = r"[a-z]+\.?"
    decimal_mark: str = "."
    group_mark: str = ","
    group_spaces: tuple[str, ...] = ()
    ones: Mapping[str, int] = field(default_factory=lambda: en.ONES)
    tens: Mapping[str, int] = field(default_factory=lambda: en.TENS)
    scales: Mapping[str, int] = field(default_factory=lambda: en.SCALES)
    small_scales: frozenset[str] = frozenset({"hundred", "dozen"})
    scale_suffixes: Mapping[str, int] = field(default_factory=lambda: en.SCALE_SUFFIXES)
    compound_joiners: tuple[str, ...] = ()
    fractions: Mapping[str, int] = field(default_factory=lambda: en.FRACTIONS)
    whole_fractions: frozenset[str] = frozenset({"half", "quarter"})
    half_words: tuple[str, ...] = ("half",)
    vague: Mapping[str, tuple[int, int]] = field(default_factory=lambda: en.VAGUE)
    noun_vague: frozenset[str] = en.NOUN_VAGUE
    plural_scales: Mapping[str, int] = field(default_factory=lambda: en.PLURAL_SCALES)
    approximate: Mapping[str, int] = field(default_factory=dict)
    qualifiers: Mapping[str, str] = field(default_factory=lambda: en.QUALIFIERS)
    preposition_qualifiers: frozenset[str] = en.PREPOSITION_QUALIFIERS
    percent_words: frozenset[str] = en.PERCENT_WORDS
    currency_symbols: Mapping[str, str] = field(default_factory=lambda: en.CURRENCY_SYMBOLS)
    currency_words: Mapping[str, str] = field(default_factory=lambda: en.CURRENCY_WORDS)
    measure_units: Mapping[str, str] = field(default_factory=lambda: en.MEASURE_UNITS)
    abbreviations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    person_nouns: frozenset[str] = en.PERSON_NOUNS
    invariant_plurals: frozenset[str] = en.INVARIANT_PLURALS
    copular_idioms: Mapping[tuple[str, str], str] = field(default_factory=lambda: en.COPULAR_IDIOMS)
    articles: tuple[str, ...] = ("a", "an")
    vague_articles: tuple[str, ...] = ("a", "an")
    one_words: tuple[str, ...] = ("a", "an", "one")
    of_words: tuple[str, ...] = ("of",)
    and_words: tuple[str, ...] = ("and",)
    and_before: frozenset[str] | None = None
    range_words: tuple[str, ...] = ("to", "-", "–")
    between_words: tuple[str, ...] = ("between",)
    leading_trim: tuple[str, ...] = ("the", "of")
    unit_links: tuple[str, ...] = ()
    not_counted_after: frozenset[str] = frozenset()
    labelled_numbers: bool = True
    clock_marks: frozenset[str] = frozenset()
    pronoun_numbers: frozenset[str] = frozenset({"one", "a", "an"})
    number_signs: frozenset[str] = frozenset({"no", "no.", "#", "number"})
    who: str = "who"
    that: str = "that"
    object_that: str = "that"

    @cached_property
    def word_re(self) -> re.Pattern[str]:
        """Words, digit groups and symbols: what ``words_of`` cuts a phrase into."""
        return re.compile(rf"(?:[a-z]{{1,2}})?\$|{self._digits}|{self.letters}|[£€¥₹₽₩₺%]|[-–]")

    @cached_property
    def digits_re(self) -> re.Pattern[str]:
        """One number written in digits, with its group and decimal marks."""
        group, point = re.escape(self.group_mark), re.escape(self.decimal_mark)
        grouped = rf"(?:{group}\d{{3}})*" if self.group_mark else ""
        return re.compile(rf"^\d+{grouped}(?:{point}\d+)?$")

    @property
    def _digits(self) -> str:
        group, point = re.escape(self.group_mark), re.escape(self.decimal_mark)
        grouped = rf"\d+(?:{group}\d{{3}})+(?:{point}\d+)?|" if self.group_mark else ""
        return rf"{grouped}\d*{point}\d+|\d+"

    def digits_value(self, word: str) -> float:
        """The value of digits ``digits_re`` accepts."""
        if self.group_mark:
            word = word.replace(self.group_mark, "")
        return float(word.replace(self.decimal_mark, ".") if self.decimal_mark else word)

    @cached_property
    def compounds(self) -> Mapping[str, int]:
        """Hyphenated number words the tokenizer keeps whole ("vingt-deux",
        "quatre-vingt-dix-sept", "vingt-et-un"): every tens word joined to every ones word
        below twenty by each of ``compound_joiners`` (the data file gives its source); none
        for English, whose tokenizer splits words at a hyphen."""
        return {
            f"{ten}{joiner}{one}": value + unit
            for ten, value in self.tens.items()
            for one, unit in self.ones.items()
            if 0 < unit < 20
            for joiner in self.compound_joiners
        }


ENGLISH_NUMBERS = NumberWords()


def number_words_from(data: dict[str, Any] | None) -> NumberWords:
    """A word-list file's ``[numbers]`` table as ``NumberWords``; ``DIGITS_ONLY`` without it.

    A key the table leaves out is empty (words) or digits' default (marks), not English's."""
    if data is None:
        return DIGITS_ONLY
    return _from_table(data)


def _from_table(data: dict[str, Any]) -> NumberWords:
    table = WordTable(data)
    words, ordered, values, names = table.words, table.ordered, table.values, table.names

    and_before = data.get("and_before")
    return NumberWords(
        words=True,
        letters=str(data.get("letters", r"[^\W\d_]+")),
        decimal_mark=str(data.get("decimal_mark", ".")),
        group_mark=str(data.get("group_mark", "")),
        group_spaces=tuple(str(w) for w in data.get("group_spaces", ())),
        ones=values("ones"),
        tens=values("tens"),
        scales=values("scales"),
        small_scales=words("small_scales"),
        scale_suffixes=values("scale_suffixes"),
        compound_joiners=tuple(str(j) for j in data.get("compound_joiners", ())),
        fractions=values("fractions"),
        whole_fractions=words("whole_fractions"),
        half_words=ordered("half_words"),
        vague={str(k).lower(): (int(lo), int(hi)) for k, (lo, hi) in data["vague"].items()}
        if "vague" in data
        else {},
        noun_vague=words("noun_vague"),
        plural_scales=values("plural_scales"),
        approximate=values("approximate"),
        qualifiers=names("qualifiers"),
        preposition_qualifiers=words("preposition_qualifiers"),
        percent_words=words("percent_words") | {"%"},
        currency_symbols=names("currency_symbols"),
        currency_words=names("currency_words"),
        measure_units=names("measure_units"),
        abbreviations={
            str(k).lower(): tuple(str(w) for w in v)
            for k, v in data.get("abbreviations", {}).items()
        },
        person_nouns=words("person_nouns"),
        invariant_plurals=words("invariant_plurals"),
        copular_idioms={},
        articles=ordered("articles"),
        vague_articles=ordered("vague_articles"),
        one_words=ordered("one_words"),
        of_words=ordered("of_words"),
        and_words=ordered("and_words"),
        and_before=None if and_before is None else frozenset(str(w) for w in and_before),
        range_words=ordered("range_words") or ("-", "–"),
        between_words=ordered("between_words"),
        leading_trim=ordered("leading_trim"),
        unit_links=ordered("unit_links"),
        not_counted_after=words("not_counted_after"),
        labelled_numbers=bool(data.get("labelled_numbers", False)),
        clock_marks=words("clock_marks"),
        pronoun_numbers=words("pronoun_numbers"),
        number_signs=words("number_signs"),
        who=str(data.get("who", "")),
        that=str(data.get("that", "")),
        object_that=str(data.get("object_that", "")),
    )


# A language without number data: digits are read, words are not, and no mark is taken for a
# group or decimal mark it may not be there ("3,5" and "1.500" are read as nothing rather
# than as 8 or 1.5).
DIGITS_ONLY = replace(_from_table({}), words=False, decimal_mark="", number_signs=frozenset("#"))
