"""French figures: digits with a decimal comma and spaced thousands, numbers in words, the
qualifiers and approximations French puts on them, units, and what is no count (an age, a
date, a time), read with the ``[numbers]`` table of the French word lists."""

from __future__ import annotations

import pytest

from storydiff.model import Quantity
from storydiff.nlp.lexicons import lexicons_for
from storydiff.nlp.numbers import DIGITS_ONLY, ENGLISH_NUMBERS, number_words_from
from storydiff.nlp.pipeline import Pipelines
from storydiff.nlp.quantities import MATCHER_PATTERNS, matcher_patterns, read_number, words_of

FRENCH = lexicons_for("fr").numbers


@pytest.fixture(scope="module")
def french_nlp():
    return Pipelines()("fr")


def _found(nlp, sentence: str) -> list[Quantity]:
    return list(nlp(sentence)._.quantities)


def _reading(quantity: Quantity) -> tuple[object, ...]:
    return (quantity.value, quantity.low, quantity.high, quantity.unit, quantity.qualifier)


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("Plus de 4 000 foyers sont sans courant.", (4000, None, None, None, "more than")),
        ("Environ 2\u202f300 lits manquent.", (2300, None, None, None, "about")),
        ("Près de 1\u00a0100 colis ont été perdus.", (1100, None, None, None, "almost")),
        ("La dette atteint 2,5 milliards d'euros.", (2_500_000_000, None, None, "EUR", None)),
        ("Le taux est passé à 8,1 %.", (8.1, None, None, "percent", None)),
        ("La hausse est de 6 pour cent.", (6, None, None, "percent", None)),
        ("Une trentaine de familles attendent.", (30, None, None, None, "about")),
        ("Plus d'une quinzaine de cars ont brûlé.", (15, None, None, None, "more than")),
        ("Des milliers de colis sont bloqués.", (None, 1000, 9999, None, None)),
        ("Plusieurs dizaines de milliers de colis.", (None, 30_000, 99_999, None, None)),
        ("Vingt et un cars sont arrivés.", (21, None, None, None, None)),
        ("Quatre-vingt-dix-sept cars sont arrivés.", (97, None, None, None, None)),
        ("Trois cent mille colis sont partis.", (300_000, None, None, None, None)),
        ("Les trois quarts des lits sont pris.", (0.75, None, None, "fraction", None)),
        ("Jusqu'à 30 centimètres de pluie.", (30, None, None, "cm", "up to")),
        ("Entre 20 et 30 cars sont partis.", (None, 20, 30, None, None)),
        ("Au moins 9 cars sont partis.", (9, None, None, None, "at least")),
        ("Les recettes atteignent 12 M€.", (12_000_000, None, None, "EUR", None)),
        ("La dette atteint 3,4 Md€.", (3_400_000_000, None, None, "EUR", None)),
    ],
)
def test_french_figures_are_read_with_their_unit_and_qualifier(french_nlp, sentence, reading):
    (quantity,) = _found(french_nlp, sentence)
    assert _reading(quantity) == reading


@pytest.mark.parametrize(
    "sentence",
    [
        "Une femme de 52 ans est arrivée.",  # an age
        "Le train est arrivé le 4 avril.",  # a date
        "Le train est arrivé à 15 h 45.",  # a time
        "Il est arrivé en 2021 avec un ami.",  # a year, and "un" as an article
        "L'un des trains est arrivé.",  # "un" as a pronoun
        "Il est parti depuis trois jours.",  # a duration
    ],
)
def test_what_is_no_count_is_not_a_french_figure(french_nlp, sentence):
    assert _found(french_nlp, sentence) == []


def test_a_decimal_comma_is_french_and_a_thousands_comma_english():
    assert read_number(words_of("3,5", FRENCH), nums=FRENCH).value == 3.5
    assert read_number(words_of("3,500")).value == 3500
    assert read_number(words_of("deux cent mille", FRENCH), nums=FRENCH).value == 200_000
    assert read_number(words_of("deux cent mille")) is None
    # Where a comma is no decimal mark, "3,5" is two numbers, never their sum.
    assert read_number(words_of("3,5")) is None
    assert read_number(words_of("3,5", DIGITS_ONLY), nums=DIGITS_ONLY) is None


def _opening_words(patterns: list[list[dict]]) -> set[str]:
    lowers = [p[0].get("LOWER") for p in patterns]
    return {
        w for lower in lowers if lower for w in ([lower] if isinstance(lower, str) else lower["IN"])
    }


def test_each_language_matches_in_its_own_words():
    assert matcher_patterns(ENGLISH_NUMBERS) == MATCHER_PATTERNS
    assert {"between", "a", "one", "half"} <= _opening_words(MATCHER_PATTERNS)
    french = _opening_words(matcher_patterns(FRENCH))
    assert {"entre", "des", "une", "la"} <= french and "between" not in french


def test_a_word_list_file_without_a_numbers_table_reads_digits_only():
    assert number_words_from(None) is DIGITS_ONLY and not DIGITS_ONLY.words
    assert read_number(words_of("1 500", DIGITS_ONLY), nums=DIGITS_ONLY).value == 1500
    assert read_number(words_of("trois", DIGITS_ONLY), nums=DIGITS_ONLY) is None
    table = number_words_from({"ones": {"tre": 3}, "qualifiers": {"circa": "about"}})
    assert table.words and table.ones == {"tre": 3} and table.qualifiers["circa"] == "about"
    assert read_number(words_of("tre", table), nums=table).value == 3


def test_what_a_french_figure_counts_has_no_joining_de(french_nlp):
    (quantity,) = _found(french_nlp, "Une centaine de manifestants sont arrivés.")
    assert quantity.counts is not None and quantity.counts.split()[0] == "manifestants"


def test_a_french_count_reads_as_a_french_relative_clause(french_nlp):
    (quantity,) = _found(french_nlp, "Plus de 500 personnes ont été évacuées hier.")
    assert quantity.counts is not None and quantity.counts.startswith("personnes qui ont été")


def test_english_words_and_digits_are_cut_as_they_always_were():
    english = r"(?:[a-z]{1,2})?\$|\d+(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+|[a-z]+\.?|[£€¥₹₽₩₺%]|[-–]"
    assert ENGLISH_NUMBERS.word_re.pattern == english
    assert ENGLISH_NUMBERS.digits_re.pattern == r"^\d+(?:,\d{3})*(?:\.\d+)?$"
    assert words_of("quatre-vingt-dix d'euros", FRENCH) == ["quatre-vingt-dix", "d'", "euros"]
