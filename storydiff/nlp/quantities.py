"""The ``storydiff_quantities`` component: the numbers an article states, and its dates.

Outlets reporting the same story disagree most visibly in their numbers ("about 800,000" in
one, "up to a million" in another) and in what they count ("people at risk" versus "people
displaced"). Comparing them needs more than the digits: the bound or approximation the text
puts on the number, the range a vague word stands for ("hundreds of thousands"), what is
counted, and whose claim it is. spaCy's NER finds most numbers; a Matcher adds the vague and
spelled-out ones it misses, and the dependency parse says what they count.

Dates are collected here too, because they are the other half of "how many, and when" and
share the same enemies (a year is not a quantity, a committee number is not a date). The
component never sees the publication date: ``normalise_dates`` resolves the dates against it
afterwards, so that one parsed ``Doc`` can be re-dated without re-running the pipeline.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, NamedTuple

import numpy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from storydiff.model import Date, DateRange, Number, Quantity, Quote
from storydiff.nlp import numbers_data as data
from storydiff.nlp.datewords import ENGLISH_DATES, DateWords
from storydiff.nlp.doctext import doc_text
from storydiff.nlp.extensions import typed
from storydiff.nlp.intervals import Intervals
from storydiff.nlp.lexicons import lexicons_for
from storydiff.nlp.numbers import ENGLISH_NUMBERS, NumberWords

# Beyond this a figure is an identifier, a typo or junk rather than a count or a sum.
_IMPLAUSIBLE = 1e30

QUANTITY_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Labels of labelled spans that may hold a number which is not a quantity: "Committee 1540",
# "Boeing 737", "the 1990s", "8pm", "second".
OTHER_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "LOC",
        "FAC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
        "DATE",
        "TIME",
        "ORDINAL",
    }
)

# Dependency labels a predicate or noun phrase is described by; the rest (subordinate clauses,
# coordination, parentheticals, punctuation) would make a count a paragraph.
_LEFT_NOUN_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod"})
_RIGHT_NOUN_DEPS = frozenset({"prep", "advmod", "amod", "acl", "relcl", "npadvmod"})
_LEFT_VERB_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_RIGHT_VERB_DEPS = frozenset(
    {"dobj", "attr", "acomp", "prep", "xcomp", "agent", "oprd", "prt", "dative", "advmod", "neg"}
)
_DROPPED_DEPS = frozenset(
    {"advcl", "conj", "cc", "punct", "parataxis", "appos", "mark", "ccomp", "dep", "meta", "intj"}
)
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_QUOTE_MARKS = frozenset("\"'“”‘’«»„")
_MAX_HEAD_DISTANCE = 6
_MAX_AGE = 130

_SUFFIXED_RE = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")
_YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d|21\d\d)$")
_ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_CODE_RE = re.compile(r"[A-Za-z]-?\d|\d[A-Za-z]")
_TIME_RE = re.compile(r"^\d{1,2}:\d\d$|^\d{1,2}(?:[:.]\d\d)?(?:am|pm|a\.m\.|p\.m\.)$", re.I)
_TIME_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "est", "edt", "cet"})

_ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d\d)-(\d\d)(?!\d)")
_DECADE_RE = re.compile(r"\b(1[5-9]|20)(\d)0s\b")
_DEICTIC_UNIT_WORDS = frozenset({"this", "last", "next", "past", "coming", "previous"})


def matcher_patterns(nums: NumberWords) -> list[list[dict[str, Any]]]:
    """The Matcher's patterns for number phrases NER misses, in the words of ``nums``."""
    vague_first = sorted({key.split()[-1] for key in nums.vague})
    scales = sorted({*nums.scales, *nums.plural_scales})
    shares = sorted({*nums.fractions, *nums.approximate})
    patterns: list[list[dict[str, Any]]] = [
        # several, dozens, hundreds of thousands, a handful, a few hundred
        [
            {"LOWER": {"IN": list(nums.vague_articles)}, "OP": "?"},
            {"LOWER": {"IN": vague_first}},
            {"LOWER": {"IN": [*nums.of_words, *scales]}, "OP": "*"},
            {"LOWER": {"IN": scales}, "OP": "?"},
        ],
        # two million, 2,000, twenty-one, three hundred and fifty, 3 000
        [
            {"LIKE_NUM": True},
            {"LOWER": {"IN": [*nums.and_words, "-", *scales, *nums.group_spaces]}, "OP": "*"},
            {"LIKE_NUM": True, "OP": "?"},
        ],
        # 1,000 to 1,500; 20-30; two to three million
        [
            {"LIKE_NUM": True},
            {"LOWER": {"IN": scales}, "OP": "*"},
            {"LOWER": {"IN": list(nums.range_words)}},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": scales}, "OP": "*"},
        ],
    ]
    if nums.between_words:  # between 40 and 60
        patterns.append(
            [
                {"LOWER": {"IN": list(nums.between_words)}},
                {"LIKE_NUM": True},
                {"LOWER": {"IN": scales}, "OP": "*"},
                {"LOWER": {"IN": list(nums.and_words)}},
                {"LIKE_NUM": True},
                {"LOWER": {"IN": scales}, "OP": "*"},
            ]
        )
    if nums.one_words:  # a million, a dozen, a third, une centaine
        patterns.append(
            [{"LOWER": {"IN": list(nums.one_words)}}, {"LOWER": {"IN": [*scales, *shares]}}]
        )
    if not nums.labelled_numbers and nums.fractions:  # deux tiers
        patterns.append([{"LIKE_NUM": True}, {"LOWER": {"IN": sorted(nums.fractions)}}])
    for half in nums.half_words:  # half a million, half of
        articles = list(nums.articles)
        patterns.append(
            [{"LOWER": half}, {"LOWER": {"IN": articles}, "OP": "?"}, {"LOWER": {"IN": scales}}]
        )
        patterns += [[{"LOWER": half}, {"LOWER": of}] for of in nums.of_words]
    return patterns


MATCHER_PATTERNS = matcher_patterns(ENGLISH_NUMBERS)


# --- reading a number phrase -------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What a number phrase means: an exact value, or a range for vague words and "X to Y";
    ``qualifier`` when the words themselves approximate ("une centaine": about 100)."""

    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    unit: str | None = None
    qualifier: str | None = None


def words_of(text: str, nums: NumberWords = ENGLISH_NUMBERS) -> list[str]:
    """Lower-case words, digit groups and symbols: the vocabulary ``read_number`` knows."""
    spaced = text.lower().replace("\xa0", " ").replace("\u202f", " ")
    return nums.word_re.findall(spaced)


def read_number(
    words: list[str], measure: bool = False, nums: NumberWords = ENGLISH_NUMBERS
) -> Reading | None:
    """The value of a number phrase without its qualifier, or None when it is not one.

    ``measure`` says the phrase is a measurement (NER's QUANTITY), where "5m" is five metres;
    elsewhere it is five million.
    """
    words, unit = _strip_unit(_spelled_out(words, nums), measure, nums)
    if not words:
        return None
    for reader in (_read_range, _read_vague, _read_fraction, _read_approximate, _read_exact):
        reading = reader(words, nums)
        if reading is not None:
            low, high = _plausible(reading.low), _plausible(reading.high)
            value = _plausible(reading.value)
            return Reading(value, low, high, unit or reading.unit, reading.qualifier)
    return None


def _plausible(value: Number | None) -> Number | None:
    """A value no news figure comes near (a digit run of 30 or more, read as a float, reaches
    infinity at about 309) is no value: null in the JSON, which has no Infinity, the text kept."""
    if value is None or not math.isfinite(value) or abs(value) >= _IMPLAUSIBLE:
        return None
    return value


def _strip_unit(words: list[str], measure: bool, nums: NumberWords) -> tuple[list[str], str | None]:
    """Take currency symbols, currency and measure words and "percent" off the number, and
    the word that links a unit to it ("milliard d'euros")."""
    unit = None
    if words and words[0] in nums.currency_symbols:
        unit, words = nums.currency_symbols[words[0]], words[1:]
    while words:
        last, pair = words[-1].rstrip("."), " ".join(words[-2:])
        if pair in nums.percent_words or pair in nums.measure_units:
            unit = "percent" if pair in nums.percent_words else nums.measure_units[pair]
            words = words[:-2]
        elif last in nums.percent_words:
            unit, words = "percent", words[:-1]
        elif last in nums.currency_words:
            unit, words = nums.currency_words[last], words[:-1]
        elif last in nums.measure_units and len(words) > 1 and _measure_word(last, measure, nums):
            unit, words = nums.measure_units[last], words[:-1]
        elif unit is not None and len(words) > 1 and words[-1] in nums.unit_links:
            words = words[:-1]
        else:
            break
    return words, unit


def _spelled_out(words: list[str], nums: NumberWords) -> list[str]:
    """An abbreviated scale and unit after the number in full: "12 M€" as "12 million
    d'euros" (``words_of`` cuts "M€" into "m" and "€")."""
    for length in (2, 1):
        short = "".join(words[-length:])
        if len(words) > length and short in nums.abbreviations:
            return [*words[:-length], *nums.abbreviations[short]]
    return words


def _measure_word(word: str, measure: bool, nums: NumberWords) -> bool:
    return measure or word not in nums.scale_suffixes


def _read_range(words: list[str], nums: NumberWords) -> Reading | None:
    """ "between 200 and 300", "200 to 300", "200-300": a range, the scale shared."""
    joint = next((w for w in nums.and_words if w in words), None)
    if words[0] in nums.between_words and joint is not None:
        cut = words.index(joint)
        left, right = words[1:cut], words[cut + 1 :]
    else:
        middle = next((i for i, w in enumerate(words) if w in nums.range_words and i), None)
        if middle is None:
            return None
        left, right = words[:middle], words[middle + 1 :]
    first, last = _read_exact(left, nums), _read_exact(right, nums)
    if first is None or last is None or first.value is None or last.value is None:
        return None
    low, high = first.value, last.value
    if not set(left) & set(nums.scales):  # "two to three million": the scale is shared
        low *= next((nums.scales[w] for w in reversed(right) if w in nums.scales), 1)
    if low >= high:
        return None  # a score ("won 52-48") or a change ("from 5 to 3"), not a range
    return Reading(low=_tidy(low), high=high)


def _read_vague(words: list[str], nums: NumberWords) -> Reading | None:
    """ "several", "dozens", "hundreds of thousands", "a few hundred": a range, no value."""
    for length in (2, 1):
        key = " ".join(words[:length])
        if key in nums.vague:
            low, high = nums.vague[key]
            rest = words[length:]
            break
    else:
        return None
    scale = 1
    for word in rest:
        if word in nums.plural_scales:
            scale *= nums.plural_scales[word]
        elif word in nums.scales:
            scale *= nums.scales[word]
        elif word not in nums.of_words:
            return None
    if scale == 1:
        return Reading(low=low, high=high)
    return Reading(low=low * scale, high=(high + 1) * scale - 1)


def _read_fraction(words: list[str], nums: NumberWords) -> Reading | None:
    """ "a third", "two thirds", "half": a share of a whole, as a number below one."""
    words = [w for w in words if w not in nums.of_words]
    if not words or words[-1] not in nums.fractions:
        return None
    if len(words) == 1:
        numerator: Number | None = 1 if words[0] in nums.whole_fractions else None
    elif len(words) == 2 and words[0] in nums.one_words and words[0] not in nums.ones:
        numerator = 1
    else:
        exact = _read_exact(words[:-1], nums)
        numerator = exact.value if exact else None
    if numerator is None:
        return None
    return Reading(value=round(numerator / nums.fractions[words[-1]], 4), unit="fraction")


def _read_approximate(words: list[str], nums: NumberWords) -> Reading | None:
    """ "une centaine", "un millier": a round number the word itself says is approximate."""
    if len(words) == 2 and words[0] in nums.articles and words[1] in nums.approximate:
        return Reading(value=nums.approximate[words[1]], qualifier="about")
    return None


def _read_exact(words: list[str], nums: NumberWords) -> Reading | None:
    """Digits, number words or both: "800,000", "two million", "4.2bn", "half a million"."""
    if len(words) > 2 and words[0] in nums.half_words and words[1] in nums.articles:
        whole = _read_exact(words[1:], nums)
        return Reading(value=_tidy(whole.value / 2)) if whole and whole.value else None
    total: Number = 0
    current: Number = 0
    seen = False
    words = _digit_groups_joined(words)
    for index, word in enumerate(words):
        following = words[index + 1 :]
        if seen and _joins(word, words[index - 1], following, nums):
            continue
        if seen and word[:1].isdigit() and words[index - 1][:1].isdigit():
            # "3,5" in a language that writes no decimal comma: two numbers, not 8.
            return None
        step = _number_word(word, following, nums)
        if step is None:
            return None
        kind, amount = step
        seen = True
        if kind == "add":
            current += amount
        elif kind == "small_scale":
            current = (current or 1) * amount
        else:
            total += (current or 1) * amount
            current = 0
    return Reading(value=_plausible(_tidy(total + current))) if seen else None


def _joins(word: str, previous: str, following: list[str], nums: NumberWords) -> bool:
    """ "and" in "three hundred and fifty", the hyphen of "twenty-one": glue, not a number."""
    if word == "-":
        return previous in nums.tens
    if word not in nums.and_words:
        return False
    return nums.and_before is None or bool(following) and following[0] in nums.and_before


def _digit_groups_joined(words: list[str]) -> list[str]:
    """ "3 000", "1 250 000": thousands grouped by spaces (as French and the SI write them,
    the no-break spaces having become plain ones) are one number, not 3 and 000."""
    joined: list[str] = []
    grouped = False  # the last word is a number joined from groups
    for word in words:
        last = joined[-1] if joined else ""
        if len(word) == 3 and word.isdigit() and last.isdigit() and (grouped or len(last) <= 3):
            joined[-1] += word
            grouped = True
        else:
            joined.append(word)
            grouped = False
    return joined


def _number_word(word: str, following: list[str], nums: NumberWords) -> tuple[str, Number] | None:
    """How one word changes the running total: adds to it, or scales it."""
    if nums.digits_re.match(word):
        return "add", _tidy(nums.digits_value(word))
    if word in nums.scale_suffixes and not following:
        return "small_scale", nums.scale_suffixes[word]
    if word in nums.ones:
        return "add", nums.ones[word]
    if word in nums.tens:
        return "add", nums.tens[word]
    if word in nums.compounds:
        return "add", nums.compounds[word]
    if word in nums.articles and following and following[0] in nums.scales:
        return "add", 1
    if word in nums.small_scales:
        return "small_scale", nums.scales[word]
    if word in nums.scales:
        return "scale", nums.scales[word]
    return None


def _tidy(value: Number) -> Number:
    """Whole numbers as ints, so that JSON says 800000 and not 800000.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return round(value, 6) if isinstance(value, float) else value


# --- finding quantities in a Doc --------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A quantity's parts in the Doc: the number itself, its qualifier and what it counts."""

    core: Span
    qualifier: str | None
    qualifier_start: int
    reading: Reading
    counted: Token | None
    counted_in_text: bool
    nums: NumberWords = ENGLISH_NUMBERS


class RunMatcher:
    """A Matcher run only over the stretches of a Doc its patterns can match.

    Every token of the patterns tests its lower-case form against words, or ``LIKE_NUM``, so a
    match lies inside a run of tokens that are one of those words or like a number. Most of a
    text is neither, and the Matcher's cost is per token and pattern: matching the runs alone
    finds the same matches at a fraction of the cost."""

    def __init__(self, vocab: Vocab, patterns: list[list[dict[str, Any]]]) -> None:
        self.matcher = Matcher(vocab)
        self.matcher.add("QUANTITY", patterns)
        words: set[str] = set()
        for token in (token for pattern in patterns for token in pattern):
            if set(token) - {"LOWER", "LIKE_NUM", "OP"}:
                raise ValueError(f"a pattern tests more than words and numbers: {token}")
            lower = token.get("LOWER")
            words.update(lower["IN"] if isinstance(lower, dict) else [lower] if lower else [])
        self._words = numpy.array(sorted(vocab.strings.add(w) for w in words), dtype="uint64")

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of every match, in the Matcher's order within each run."""
        columns = doc.to_array(["LOWER", "LIKE_NUM"])
        relevant = numpy.flatnonzero(numpy.isin(columns[:, 0], self._words) | (columns[:, 1] == 1))
        if not len(relevant):
            return []
        breaks = numpy.flatnonzero(numpy.diff(relevant) > 1)
        starts = [int(relevant[0]), *(int(relevant[b + 1]) for b in breaks)]
        ends = [*(int(relevant[b]) + 1 for b in breaks), int(relevant[-1]) + 1]
        return [
            (start + first, start + last)
            for start, end in zip(starts, ends, strict=True)
            for _, first, last in self.matcher(doc[start:end])
        ]


class QuantityFinder:
    """Finds number phrases and describes each one as a ``Quantity`` (see ``quantity_of``),
    in the words of one language (``nums``)."""

    def __init__(self, matcher: RunMatcher, nums: NumberWords = ENGLISH_NUMBERS) -> None:
        self.matcher = matcher
        self.nums = nums

    def __call__(self, doc: Doc) -> list[Quantity]:
        misdated = {t.i for e in doc.ents if e.label_ == "DATE" and not _timely(e) for t in e}
        spans = self.candidates(doc)
        found = (self.describe(doc, start, end, misdated) for start, end in spans)
        quoted = quoted_pieces(_quotes(doc))
        results = [quantity_of(f, quoted) for f in found if f is not None]
        return _without_overlaps(results)

    def candidates(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges that hold a number: NER's and the Matcher's, overlapping ones joined."""
        ranges = [(e.start, e.end) for e in doc.ents if e.label_ in QUANTITY_LABELS]
        ranges += self.matcher(doc)
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def describe(self, doc: Doc, start: int, end: int, misdated: set[int]) -> Found | None:
        """The quantity in ``doc[start:end]``, or None when it is a date, name, code or age.

        ``misdated`` holds the tokens of DATE entities with no word of time in them: NER's
        "Between 40 and 60 boats" is no date.
        """
        nums = self.nums
        if any(_other_entity(doc[i], nums) and i not in misdated for i in range(start, end)):
            return None
        start, end = _trim(doc, start, end, nums)
        if start >= end:
            return None
        start, end = _with_unit(doc, start, end, nums)
        qualifier, start, qualifier_start = _qualifier(doc, start, end, nums)
        core = doc[start:end]
        measure = any(t.ent_type_ == "QUANTITY" for t in core)
        reading = read_number(words_of(core.text, nums), measure, nums)
        if reading is None or _pronominal(core, nums) or _not_a_quantity(core, reading, nums):
            return None
        if core.text.lower() in nums.noun_vague and not _vague_use(core):
            return None
        counted, in_text = counted_noun(core, reading, nums)
        qualifier = qualifier or reading.qualifier
        return Found(core, qualifier, qualifier_start, reading, counted, in_text, nums)


def _other_entity(token: Token, nums: NumberWords) -> bool:
    """Part of a name, date or ordinal; NER calls the "third" of "a third of voters" an
    ordinal, but after "a" or a number it is a fraction."""
    if token.ent_type_ == "ORDINAL" and token.lower_ in nums.fractions and token.i > 0:
        before = token.doc[token.i - 1]
        return not (before.lower_ in nums.articles or before.like_num)
    return token.ent_type_ in OTHER_LABELS


def _trim(doc: Doc, start: int, end: int, nums: NumberWords) -> tuple[int, int]:
    """Drop articles, punctuation and a dangling "of" at the edges of a candidate."""
    while start < end and (doc[start].lower_ in nums.leading_trim or doc[start].is_punct):
        if doc[start].text in nums.currency_symbols or doc[start].text == "%":
            break
        start += 1
    dangling = {*nums.of_words, *nums.and_words, "-"}
    while end > start and (doc[end - 1].lower_ in dangling or _edge_punct(doc[end - 1])):
        end -= 1
    return start, end


def _edge_punct(token: Token) -> bool:
    return token.is_punct and token.text not in {"%"}


def _qualifier(doc: Doc, start: int, end: int, nums: NumberWords) -> tuple[str | None, int, int]:
    """The qualifier inside the candidate (NER takes "About" in) or just before it; returns it,
    the first token of the number, and the first token of the qualifier."""
    for length in (4, 3, 2, 1):
        phrase = _phrase(doc[start : start + length])
        if start + length < end and phrase in nums.qualifiers:
            return nums.qualifiers[phrase], start + length, start
    for length in (4, 3, 2, 1):
        if start - length < 0:
            continue
        before = doc[start - length : start]
        phrase = _phrase(before)
        if phrase in nums.qualifiers and _attached_qualifier(before, doc[start:end], nums):
            return nums.qualifiers[phrase], start, start - length
    return None, start, start


def _phrase(words: Span) -> str:
    """Words as a qualifier's key spells them: lower case, one space apart, the typographic
    apostrophe of an elided word ("près d’") written straight."""
    return " ".join(t.lower_ for t in words).replace("’", "'")


def _attached_qualifier(words: Span, number: Span, nums: NumberWords) -> bool:
    """ "over 300 people" qualifies; "fighting over 300 villages" is a preposition."""
    if len(words) > 1 or words[0].lower_ not in nums.preposition_qualifiers:
        return True
    word = words[0]
    return word.dep_ in {"quantmod", "advmod", "amod"} and word.head.i >= number.start


def _with_unit(doc: Doc, start: int, end: int, nums: NumberWords) -> tuple[int, int]:
    """Take in a currency symbol before and "percent", "dollars", "tonnes" after the number,
    through a linking word ("milliard d'euros") where the language puts one."""
    if start > 0 and doc[start - 1].lower_ in nums.currency_symbols:
        start -= 1
    while end < len(doc):
        if _unit_word(doc, end, nums):
            end += 1
        elif doc[end].lower_ in nums.unit_links and end + 1 < len(doc):
            if not _unit_word(doc, end + 1, nums) or doc[end + 1].lower_ in nums.percent_words:
                break
            end += 2
        else:
            break
    return start, end


def _unit_word(doc: Doc, index: int, nums: NumberWords) -> bool:
    word = doc[index].lower_
    if word in nums.percent_words or word in nums.currency_words:
        return True
    if word.rstrip(".") in nums.abbreviations:
        return True  # "3,4 Md€." at a sentence's end is one token
    if word in nums.scale_suffixes and index and not doc[index - 1].whitespace_:
        return doc[index - 1].like_num  # "£40m" comes as "£", "40", "m"
    if _in_two_word_percent(doc, index, nums):
        return True  # "per cent", "pour cent"
    return word in nums.measure_units and doc[index].pos_ == "NOUN"


def _in_two_word_percent(doc: Doc, index: int, nums: NumberWords) -> bool:
    pairs = (doc[max(index - 1, 0) : index + 1], doc[index : index + 2])
    return any(len(pair) == 2 and _phrase(pair) in nums.percent_words for pair in pairs)


def _not_a_quantity(core: Span, reading: Reading, nums: NumberWords) -> bool:
    """Years, times, ordinals, ages and numbers that are part of a name or code."""
    last, doc = core[-1], core.doc
    if any(_ORDINAL_RE.match(t.text) or _TIME_RE.match(t.text) for t in core):
        return True
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    if after in _TIME_WORDS:
        return True
    if (word := after.rstrip(".")) in nums.not_counted_after or word in nums.clock_marks:
        return True  # "74 ans", "à 18 h."
    if core.start > 0 and doc[core.start - 1].lower_ in nums.clock_marks:
        return True  # the minutes of "14 h 30"
    return _is_code(core, nums) or _is_age(core, reading) or _is_year(core, reading)


def _is_code(core: Span, nums: NumberWords = ENGLISH_NUMBERS) -> bool:
    """ "Committee 1540", "Level 3", "F-16", "G20", "No. 10": a label, not an amount."""
    doc, first = core.doc, core[0]
    if any(_CODE_RE.search(t.text) and not _SUFFIXED_RE.match(t.lower_) for t in core):
        return True
    if not first.like_num or first.i == 0:
        return False
    before = doc[first.i - 1]
    if before.lower_ in nums.number_signs:
        return True
    text = doc_text(doc)
    glued = first.idx > 0 and text[first.idx - 1] == "-" and text[first.idx - 2 : first.idx - 1]
    if glued and glued.isalpha():
        return True
    return (
        before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.whitespace_ != ""
        and not before.is_sent_start
        and first.dep_ in {"nummod", "appos", "npadvmod", "compound"}
        and first.head.i <= before.i
    )


def _is_age(core: Span, reading: Reading) -> bool:
    """ "Jo Smith, 59, of Leeds", "aged 59", "a 59-year-old": ages are not counts."""
    doc = core.doc
    if len(core) != 1 or not isinstance(reading.value, int) or reading.value > _MAX_AGE:
        return False
    start, end = core.start, core.end
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.lower_ in {"aged", "age", "ages"}:
        return True
    if after is not None and after.lower_ in {"-year", "year", "years"} and end + 2 < len(doc):
        return doc[end + 1].lower_ in {"-", "old"} or doc[end + 2].lower_ == "old"
    if before is None or before.text not in {",", "("} or start < 2:
        return False
    named = doc[start - 2].pos_ == "PROPN" or doc[start - 2].ent_type_ == "PERSON"
    return named and (after is None or after.text in {",", ")", "."})


def _is_year(core: Span, reading: Reading) -> bool:
    """A bare four-digit number in the years' range that counts nothing is a year."""
    if len(core) != 1 or not _YEAR_RE.match(core.text) or reading.unit is not None:
        return False
    head = core[0].head
    counts_something = core[0].dep_ == "nummod" and head.i > core[0].i and _plural_noun(head)
    return not counts_something


def _plural_noun(token: Token) -> bool:
    """A plural common noun, by the Penn tag where the tagger gives one, else by morphology."""
    return token.tag_ == "NNS" or (
        token.tag_ == "NOUN" and token.morph.get("Number", []) == ["Plur"]
    )


def _vague_use(core: Span) -> bool:
    """ "scores of people", "scores more" are quantities; "exam scores" is not."""
    after = core.doc[core.end] if core.end < len(core.doc) else None
    return after is not None and after.lower_ in {"of", "more"}


def _pronominal(core: Span, nums: NumberWords) -> bool:
    """ "one of the last areas" and "one needs to" use "one" as a pronoun, not a count; "one
    person" counts."""
    return core.text.lower() in nums.pronoun_numbers and core.root.dep_ != "nummod"


# --- what a quantity counts --------------------------------------------------------------------


def counted_noun(core: Span, reading: Reading, nums: NumberWords) -> tuple[Token | None, bool]:
    """The noun a number counts, and whether it belongs in the quantity's text.

    "800,000 people" and "thousands of government troops" count people and troops; "a $4bn
    budget" and "a 5.6 quake" measure a budget and a quake, which are not part of the amount's
    text (a number above one before a singular noun measures it); "59 percent of voters" takes
    "of voters" in.
    """
    after_of = _noun_after_of(core, nums)
    if after_of is not None:
        return after_of, True
    modified = _modified_noun(core)
    if modified is None:
        return None, False
    singular = (
        modified.tag_ in {"NN", "NNP"}
        and reading.value not in {1, None}
        and modified.lower_ not in nums.invariant_plurals
    )
    return modified, reading.unit is None and not singular


def _noun_after_of(core: Span, nums: NumberWords) -> Token | None:
    """ "Thousands of troops", "a third of voters": the object of the "of" that follows."""
    doc = core.doc
    if core.end + 1 >= len(doc) or doc[core.end].lower_ not in nums.of_words:
        return None
    of = doc[core.end]
    objects = [c for c in of.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}]
    if objects and of.head.i in range(core.start, core.end):
        return objects[0]
    return _first_noun(doc, core.end + 1)


def _modified_noun(core: Span) -> Token | None:
    """ "800,000 people", "several containers": the noun to the right the number modifies."""
    deps = {"nummod", "amod", "quantmod", "compound", "nmod", "det", "advmod"}
    modifiers = [t for t in (core[-1], core.root) if t.dep_ in deps]
    for number in modifiers:
        head = number.head
        if (
            head.i >= core.end
            and head.pos_ in {"NOUN", "PROPN"}
            and head.i - core.end < _MAX_HEAD_DISTANCE
            and all(_in_noun_phrase(t) for t in core.doc[core.end : head.i])
        ):
            return head
    return _first_noun(core.doc, core.end) if modifiers else None


def _first_noun(doc: Doc, index: int) -> Token | None:
    """The noun a run of modifiers ends in, for when the parse attaches a number elsewhere."""
    last = None
    for token in doc[index : index + _MAX_HEAD_DISTANCE]:
        if token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in {"DATE", "TIME"}:
            last = token
            if token.i + 1 >= len(doc) or doc[token.i + 1].pos_ not in {"NOUN", "PROPN"}:
                return last
        elif not _in_noun_phrase(token):
            break
    return last


def _in_noun_phrase(token: Token) -> bool:
    return token.pos_ in {"ADJ", "NOUN", "PROPN"} or token.tag_ in {"VBN", "HYPH"}


def phrase_end(counted: Token, nums: NumberWords) -> int:
    """Where the counted noun's phrase ends: "containers of chlorine" takes its "of" in."""
    doc = counted.doc
    end = counted.i + 1
    if end < len(doc) and doc[end].lower_ in nums.of_words and doc[end].head == counted:
        objects = [c for c in doc[end].children if c.dep_ == "pobj"]
        if objects:
            end = objects[0].i + 1
    return end


# --- describing what is counted --------------------------------------------------------------


def counts_of(found: Found) -> str | None:
    """What a quantity counts, in words: the noun with its modifiers and what the sentence says
    about it ("people at risk of being displaced", "troops surrounding the area")."""
    noun = found.counted
    phrase = set(range(found.qualifier_start, found.core.end))
    if noun is not None:
        phrase |= set(range(found.core.end, noun.i + 1))
        anchor = _anchor(noun, phrase)
        return _in_clause(anchor, _noun_words(noun, found), noun, found.nums) or None
    return _without_noun(_anchor(found.core.root, phrase)) or None


def _anchor(token: Token, phrase: set[int]) -> Token:
    """The token that carries the whole quantity phrase's role in its clause; a second
    conjunct ("59% of members and a quarter of staff") shares the first one's role."""
    while token.head.i != token.i and (token.head.i in phrase or _of_inside(token, phrase)):
        token = token.head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _of_inside(token: Token, phrase: set[int]) -> bool:
    return token.head.lower_ == "of" and token.head.head.i in phrase


def _noun_words(noun: Token, found: Found) -> list[Token]:
    """The counted noun with its modifiers, without the number, qualifier or articles, nor
    the "de" that joins it to the number ("une centaine de manifestants": "manifestants")."""
    number = range(found.qualifier_start, found.core.end)
    left = [
        t
        for t in noun.lefts
        if t.dep_ in _LEFT_NOUN_DEPS and t.i not in number and t.lower_ not in found.nums.of_words
    ]
    words = [t for child in left for t in _compact(child)]
    words.append(noun)
    for child in noun.rights:
        if child.dep_ in _RIGHT_NOUN_DEPS and not _names_source(child):
            words += _compact(child, keep_relcl=child.dep_ == "relcl")
    return [t for t in words if t.i not in number]


def _in_clause(anchor: Token, noun_words: list[Token], noun: Token, nums: NumberWords) -> str:
    """The counted noun and the clause around it, by the role the quantity plays there."""
    role, head = _role(anchor), anchor.head
    described = _render(noun_words)
    if role in {"nsubj", "nsubjpass"} and head.i != anchor.i:
        return _join(described, _predicate(head, anchor, noun, nums))
    if role in {"dobj", "dative"} and head.pos_ in {"VERB", "AUX"}:
        if not _has_subject(head):  # "..., killing 128 people": the verb, then its object
            return _join(head.lower_, described)
        return _join(described, nums.object_that, _clause_without(head, anchor))
    if role == "pobj" and head.dep_ in {"prep", "agent", "dative"}:
        return _object_of_preposition(anchor, head, described, nums)
    return described


def _object_of_preposition(anchor: Token, prep: Token, described: str, nums: NumberWords) -> str:
    """ "home to 3 million people", "delivery of 5 containers", "deployed to 12 villages"."""
    governor = prep.head
    idiom = nums.copular_idioms.get((governor.lower_, prep.lower_))
    if idiom is not None:
        place = _copula_subject(governor)
        if place is not None:
            return _join(described, idiom, _render(_definite(_compact(place, keep_relcl=False))))
    if governor.pos_ in {"NOUN", "PROPN"} and governor.i != anchor.i:
        others = [c for c in governor.rights if c.dep_ == "prep" and c.i != prep.i]
        rest = [t for c in others if not _names_source(c) for t in _compact(c)]
        return _join(governor.lower_, prep.lower_, described, _render(rest))
    if governor.pos_ in {"VERB", "AUX"}:
        clause = _clause_without(governor, prep, complements=False)
        return _join(described, nums.object_that, clause, prep.lower_)
    return described


def _copula_subject(word: Token) -> Token | None:
    """The subject of the "is" that ``word`` complements, through a relative pronoun."""
    verb = word.head
    subjects = [c for c in verb.children if _role(c) in {"nsubj", "nsubjpass"}]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def _definite(tokens: list[Token]) -> list[Token | str]:
    """ "an area that is home to ..." is "the area" once it is referred back to."""
    words: list[Token | str] = list(tokens)
    if words and isinstance(words[0], Token) and words[0].lower_ in {"a", "an"}:
        words[0] = "the"
    return words


def _predicate(
    verb: Token, subject: Token, noun: Token | None, nums: NumberWords = ENGLISH_NUMBERS
) -> str:
    """What the sentence says about its subject: "at risk of being displaced" after a copula,
    "surrounding the area" for a progressive, else a relative clause ("who could be killed")."""
    left = [c for c in verb.lefts if _role(c) in _LEFT_VERB_DEPS and c.i > subject.i]
    right = [c for c in verb.rights if c.dep_ in _RIGHT_VERB_DEPS and not _names_source(c)]
    if not right:
        right = [c for c in verb.rights if c.dep_ == "ccomp"]
    complements = _render([t for c in right for t in _compact(c)])
    adverbs = [c for c in left if c.dep_ in {"advmod", "neg"}]
    if verb.lemma_ == "be" and verb.pos_ == "AUX" and complements:
        return _join(_render(adverbs), complements)
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in left):
        return _join(_render(adverbs), verb.lower_, complements)
    relative = _relative(noun, nums) if noun is not None else ""
    return _join(relative, _render([*left, verb]), complements)


def _clause_without(verb: Token, left_out: Token, complements: bool = True) -> str:
    """The verb's clause with the quantity taken out ("rescuers found in the rubble"); without
    ``complements`` only its subject and verb ("inflation rose")."""
    wanted = {*_LEFT_VERB_DEPS, *(_RIGHT_VERB_DEPS if complements else ())}
    subject: list[Token | str] = []
    parts: list[Token] = [verb]
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        shared = [c for c in verb.head.children if _role(c) in {"nsubj", "nsubjpass"}]
        subject = _subject_words(shared[0]) if shared else []
    for child in verb.children:
        if child.i == left_out.i or child.dep_ in _DROPPED_DEPS or _names_source(child):
            continue
        if _role(child) in {"nsubj", "nsubjpass"}:
            subject = _subject_words(child)
        elif child.dep_ in wanted:
            parts += _compact(child)
    parts.sort(key=lambda t: t.i)
    before = [t for t in parts if t.i < verb.i]
    after = [t for t in parts if t.i >= verb.i]
    return _join(_render(subject), _render(before), _render(after))


def _has_subject(verb: Token) -> bool:
    subjects = {"nsubj", "nsubjpass"}
    if any(_role(c) in subjects for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(_role(c) in subjects for c in verb.head.children)


def _subject_words(subject: Token) -> list[Token | str]:
    """A subject as a clause about the quantity names it: a relative pronoun ("which backs")
    stands for the noun it follows, and the subject's own relative clauses are left out."""
    verb = subject.head
    if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return _definite(_compact(verb.head, keep_relcl=False))
    return list(_compact(subject, keep_relcl=False))


def _without_noun(anchor: Token) -> str:
    """What an amount with no counted noun measures: the subject it is said of ("inflation
    rose to"), or the noun whose "of" it follows ("a loss of")."""
    head = anchor.head
    if _role(anchor) in {"nsubj", "nsubjpass"} and head.i != anchor.i:
        return _predicate(head, anchor, None)
    if anchor.dep_ == "attr" and head.lemma_ == "be":
        subjects = [c for c in head.children if _role(c) in {"nsubj", "nsubjpass"}]
        return _render(_undetermined(_compact(subjects[0]))) if subjects else ""
    if anchor.dep_ == "dobj":
        return _clause_without(head, anchor)
    if anchor.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ in {"NOUN", "PROPN"}:
            return _join(governor.lower_, head.lower_)
        if governor.pos_ in {"VERB", "AUX"}:
            return _join(_clause_without(governor, head, complements=False), head.lower_)
    return ""


def _role(token: Token) -> str:
    """A dependency label as English's scheme names it: Universal Dependencies' subtypes
    ("nsubj:pass", "aux:tense", which the French model gives) are their base relation, and
    the passive subject is "nsubjpass"; English's labels have no subtype and stay as they are."""
    base, _, subtype = token.dep_.partition(":")
    return "nsubjpass" if (base, subtype) == ("nsubj", "pass") else base


def _undetermined(tokens: list[Token]) -> list[Token]:
    return tokens[1:] if tokens and tokens[0].dep_ == "det" else tokens


def _compact(token: Token, keep_relcl: bool = True) -> list[Token]:
    """A token's subtree without subordinate clauses, coordination, asides or attributions."""
    words = [token]
    for child in token.children:
        if child.dep_ in _DROPPED_DEPS or _names_source(child):
            continue
        if child.dep_ == "relcl" and not keep_relcl:
            continue
        words += _compact(child, keep_relcl)
    return sorted(words, key=lambda t: t.i)


def _names_source(token: Token) -> bool:
    """ "according to UN officials" says whose claim it is, not what is counted."""
    return token.lower_ in {"according", "per"} or (
        token.dep_ == "prep" and token.lower_ == "to" and token.head.lower_ == "according"
    )


def _relative(noun: Token, nums: NumberWords) -> str:
    return nums.who if noun.lower_ in nums.person_nouns or noun.ent_type_ == "NORP" else nums.that


def _render(tokens: Iterable[Token | str]) -> str:
    """Words as the text writes them, lower case unless a name, quotation marks dropped."""
    out: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if isinstance(token, str):
            out.append(" " + token)
            previous = None
            continue
        if token.text in _QUOTE_MARKS or token.is_space:
            continue
        glue = previous is not None and previous.i == token.i - 1 and not previous.whitespace_
        out.append(("" if glue or not out else " ") + _cased(token))
        previous = token
    return "".join(out).strip()


def _cased(token: Token) -> str:
    named = token.pos_ == "PROPN" or token.ent_type_ in OTHER_LABELS - {"DATE", "TIME"}
    acronym = len(token.text) > 1 and token.text.isupper()
    return token.text if named or acronym else token.text.lower()


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p).strip()


# --- the findings ----------------------------------------------------------------------------


def quantity_of(found: Found, quoted: Intervals[QuotedPiece]) -> Quantity:
    """A quantity as ``doc._.quantities`` holds it; offsets are into ``doc_text(doc)``."""
    doc = found.core.doc
    start_token = doc[found.qualifier_start]
    end = found.core.end
    if found.counted is not None and found.counted_in_text:
        end = max(end, phrase_end(found.counted, found.nums))
    last = doc[end - 1]
    start, stop = start_token.idx, last.idx + len(last.text)
    reading = found.reading
    return Quantity(
        start,
        stop,
        doc_text(doc)[start:stop],
        value=reading.value,
        low=reading.low,
        high=reading.high,
        qualifier=found.qualifier,
        unit=reading.unit,
        counts=counts_of(found),
        claimed_by=claimed_by(found.core.start_char, found.core.end_char, quoted),
    )


class QuotedPiece(NamedTuple):
    """A stretch of a quote's words, with the quote's place in the article's list."""

    start: int
    end: int
    order: int
    speaker: str | None


def quoted_pieces(quotes: Iterable[Quote]) -> Intervals[QuotedPiece]:
    """Every piece of every quote, so that each number finds the quotes holding it by
    bisection: scanning every quote for every number is quadratic in a long article, which
    has thousands of each."""
    return Intervals(
        QuotedPiece(piece.start, piece.end, order, quote.speaker.described)
        for order, quote in enumerate(quotes)
        for piece in (getattr(quote, "pieces", ()) or (quote.content,))
    )


def claimed_by(start: int, end: int, quoted: Intervals[QuotedPiece]) -> str | None:
    """The speaker whose reported words hold the number (the first such quote's); None is the
    outlet's own voice."""
    holding = quoted.containing(start, end)
    return min(holding, key=lambda piece: piece.order).speaker if holding else None


def _quotes(doc: Doc) -> list[Quote]:
    return list(typed(doc)._.quotes or ()) if Doc.has_extension("quotes") else []


def _without_overlaps(quantities: list[Quantity]) -> list[Quantity]:
    """One entry per stretch of text: a longer quantity wins over one inside it."""
    kept: list[Quantity] = []
    for quantity in sorted(quantities, key=lambda q: (q.start, -q.end)):
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return kept


# --- dates --------------------------------------------------------------------------------------


def find_dates(doc: Doc, words: DateWords = ENGLISH_DATES) -> list[Date]:
    """DATE entities that name a point or stretch of time, plus day-month dates NER missed;
    where the recogniser labels no dates, the phrases the language's date words make."""
    text = doc_text(doc)
    if words.labelled:
        spans = [
            (e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ == "DATE" and _is_date(e, words)
        ]
    else:
        spans = _phrases(text, words)
    for match in words.day_month_re.finditer(text):
        if not _plausible_day(match, words):
            continue
        start, end = match.span()
        if any(s <= start and end <= e for s, e in spans):
            continue
        spans = [(s, e) for s, e in spans if not (start <= s and e <= end)] + [(start, end)]
    return [Date(s, e, text[s:e]) for s, e in sorted(set(spans))]


def _phrases(text: str, words: DateWords) -> list[tuple[int, int]]:
    """The date phrases of ``words.phrase_re``, each joined to a day and month right after
    it ("mardi 3 mars" is one date), none inside another or inside a day and month ("mars"
    of "3 mars")."""
    days = [m.span() for m in words.day_month_re.finditer(text)]
    found = []
    for match in words.phrase_re.finditer(text):
        start, end = match.span("year") if match.group("year") else match.span()
        after = next((e for s, e in days if s > end and not text[end:s].strip()), None)
        found.append((start, after or end))
    return [
        (s, e)
        for s, e in found
        if not any(o <= s and e <= f and (o, f) != (s, e) for o, f in [*found, *days])
    ]


def _timely(entity: Span, words: DateWords = ENGLISH_DATES) -> bool:
    """Whether a DATE entity speaks of time at all ("two years", "59-year-old", "1540" do;
    "Between 40 and 60 boats" does not)."""
    found = set(words.word_re.findall(entity.text.lower()))
    return bool(found & words.timely) or any(w.isdigit() and len(w) == 4 for w in found)


def _is_date(entity: Span, dw: DateWords = ENGLISH_DATES) -> bool:
    """ "7 September", "2018", "last week" are dates; "the years", "59-year-old" and the
    "1540" of a committee's name are not."""
    words = dw.word_re.findall(entity.text.lower())
    if len(entity) == 1 and entity[0].like_num and _is_code(entity):
        return False
    if any(w in dw.months and w not in dw.ambiguous_months for w in words) or any(
        m.capitalize() in entity.text for m in dw.ambiguous_months
    ):
        return True
    if any(w in dw.weekdays for w in words if len(w) > 3):
        return True
    if any(_YEAR_RE.match(w) for w in words) or _DECADE_RE.search(entity.text):
        return not re.search(r"year-old|years old", entity.text.lower())
    return any(w in dw.deictic for w in words)


def _is_month(word: str, text: str, dw: DateWords) -> bool:
    """A month's name, "may" only when the text writes it "May"."""
    if word in dw.ambiguous_months:
        return word.capitalize() in text
    return word in dw.months


def _plausible_day(match: re.Match[str], dw: DateWords = ENGLISH_DATES) -> bool:
    """News in English capitalises months: "25 march on the capital" and "5 may" are not
    dates (French writes "25 mars")."""
    day = int(match.group("d1") or match.group("d2"))
    month = match.group("m1") or match.group("m2")
    return (month[0].isupper() or not dw.capitalised_months) and 1 <= day <= 31


def normalise_dates(
    dates: Iterable[Date], published: str | None, language: str = "en"
) -> list[Date]:
    """The dates with a ``value``: "YYYY-MM-DD", "--MM-DD" when the year is unknown, a
    ``DateRange`` for months, years and relative spans, or None.

    A date without a year takes the year that puts it nearest the publication date, a date
    after publication counting double (news mostly reports what has happened). Relative dates
    ("yesterday", "last week", "on Tuesday") need the publication date; without it they are None.
    They are read in the words of the article's ``language`` (English's when it has none).
    """
    base = _published_date(published)
    found = lexicons_for(language)
    words = found.dates or ENGLISH_DATES
    return [replace(d, value=date_value(d.text, base, words, found.numbers)) for d in dates]


def date_value(
    text: str,
    base: date | None,
    dw: DateWords = ENGLISH_DATES,
    nums: NumberWords = ENGLISH_NUMBERS,
) -> str | DateRange | None:
    """The value of one date's text against the publication date (None if unknown)."""
    lowered = text.lower()
    absolute = _absolute_date(text, lowered, base, dw)
    if absolute is not None or base is None:
        return absolute
    return _relative_date(lowered, base, dw, nums)


def _published_date(published: str | None) -> date | None:
    if not published:
        return None
    match = _ISO_DATE_RE.search(published)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _absolute_date(
    text: str, lowered: str, base: date | None, dw: DateWords
) -> str | DateRange | None:
    """Dates written out: "7 September", "August 17, 2018", "September 2018", "2018"."""
    if iso := _ISO_DATE_RE.search(text):
        return iso.group(0)
    if day_month := dw.day_month_re.search(text):
        return _day_month_value(day_month, base, dw)
    words = dw.words_of(lowered)
    years = [int(w) for w in words if _YEAR_RE.match(w)]
    months = [dw.months[w] for w in words if _is_month(w, text, dw)]
    if months and years:
        return _month_range(years[0], months[0])
    if months and base is not None:
        return _month_range(_month_year(months[0], words, base), months[0])
    if months:
        return f"--{months[0]:02d}"
    if decade := _DECADE_RE.search(text):
        first = int(decade.group(1) + decade.group(2) + "0")
        return DateRange(f"{first}-01-01", f"{first + 9}-12-31")
    if years:
        return DateRange(f"{years[0]}-01-01", f"{years[0]}-12-31")
    return None


def _day_month_value(match: re.Match[str], base: date | None, dw: DateWords) -> str | None:
    day = int(match.group("d1") or match.group("d2"))
    month = dw.months[(match.group("m1") or match.group("m2")).lower()]
    if match.group("y"):
        return _iso(int(match.group("y")), month, day)
    if base is None:
        return f"--{month:02d}-{day:02d}"
    best = _nearest(
        [d for y in (base.year - 1, base.year, base.year + 1) if (d := _date(y, month, day))], base
    )
    return best.isoformat() if best else None


def _nearest(candidates: list[date], base: date) -> date | None:
    """The candidate nearest the base, a day after it weighing as two before it."""

    def distance(candidate: date) -> int:
        days = (candidate - base).days
        return 2 * days if days > 0 else -days

    return min(candidates, key=distance, default=None)


def _month_year(month: int, words: list[str], base: date) -> int:
    """The year of a month named without one ("in September", "last March")."""
    if "last" in words or "past" in words:
        return base.year if month < base.month else base.year - 1
    if "next" in words or "coming" in words:
        return base.year if month > base.month else base.year + 1
    candidates = [
        d for y in (base.year - 1, base.year, base.year + 1) if (d := _date(y, month, 15))
    ]
    best = _nearest(candidates, base)
    return best.year if best else base.year


def _relative_date(
    lowered: str, base: date, dw: DateWords, nums: NumberWords
) -> str | DateRange | None:
    """Dates that depend on when the article was published."""
    for phrase, offset in sorted(dw.relative_days.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", lowered):
            return (base + timedelta(days=offset)).isoformat()
    words = dw.words_of(lowered)
    return (
        _weekday(words, base, dw)
        or _ago(words, base, nums)
        or _calendar_unit(words, base, dw.stretch_gap)
    )


def _weekday(words: list[str], base: date, dw: DateWords) -> str | None:
    """ "on Tuesday" is the last Tuesday up to publication; "next Tuesday" the one after."""
    named = [dw.weekdays[w] for w in words if w in dw.weekdays and len(w) > 3]
    if not named:
        return None
    back = (base.weekday() - named[0]) % 7
    if "next" in words:
        return (base + timedelta(days=(7 - back) or 7)).isoformat()
    if "last" in words and back == 0:
        back = 7
    return (base - timedelta(days=back)).isoformat()


def _ago(words: list[str], base: date, nums: NumberWords) -> str | DateRange | None:
    """ "two days ago", "a week ago", "a few months ago"."""
    if "ago" not in words:
        return None
    at = words.index("ago")
    unit = words[at - 1] if at else ""
    if unit not in data.DATE_UNITS:
        return None
    amount_words = words[max(0, at - 3) : at - 1] or ["a"]
    vague = nums.vague.get(" ".join(amount_words[-2:])) or nums.vague.get(amount_words[-1])
    if vague:
        low, high = (_shift(base, unit, -n) for n in (vague[1], vague[0]))
        return DateRange(low.isoformat(), high.isoformat())
    reading = _read_exact(amount_words[-1:], nums) if amount_words else None
    amount = reading.value if reading and reading.value else 1
    if amount_words and amount_words[-1] not in {"a", *nums.articles} and reading is None:
        return None
    if reading is not None and reading.value is None:
        return None  # a number too large to count days by
    try:
        return _shift(base, unit, -int(amount)).isoformat()
    except (OverflowError, ValueError):
        return None  # "a million years ago": before the calendar


def _shift(base: date, unit: str, amount: int) -> date:
    """The base moved by whole calendar units (a month ago is the same day last month)."""
    if unit.startswith("month"):
        return _add_months(base, amount)
    if unit.startswith("year"):
        year = base.year + amount  # 29 February in a year without one is the 28th
        shifted = _date(year, base.month, base.day) or _date(year, base.month, 28)
        if shifted is None:
            raise ValueError(f"year {year} is outside the calendar")
        return shifted
    return base + timedelta(days=amount * data.DATE_UNITS[unit])


def _calendar_unit(words: list[str], base: date, gap: int = 2) -> DateRange | None:
    """ "last week", "this month", "earlier this year", "the past week": a range of days."""
    if not _DEICTIC_UNIT_WORDS & set(words):
        return None  # "the years", "two months": a duration, not a date
    for unit in ("weekend", "week", "month", "year"):
        if unit not in words and unit + "s" not in words:
            continue
        if "past" in words or (
            "last" in words and words.index("last") <= _index(words, unit) - gap
        ):
            return _past_stretch(base, unit)
        low, high = _calendar_stretch(base, unit, _direction(words))
        if "earlier" in words:
            high = base
        elif "later" in words:
            low = base
        return DateRange(low.isoformat(), high.isoformat())
    return None


def _index(words: list[str], unit: str) -> int:
    return words.index(unit) if unit in words else words.index(unit + "s")


def _direction(words: list[str]) -> int:
    if "last" in words or "previous" in words:
        return -1
    if "next" in words or "coming" in words:
        return 1
    return 0


def _past_stretch(base: date, unit: str) -> DateRange:
    """ "the past week", "the last few months": up to publication."""
    length = "week" if unit == "weekend" else unit
    return DateRange(_shift(base, length, -1).isoformat(), base.isoformat())


def _calendar_stretch(base: date, unit: str, direction: int) -> tuple[date, date]:
    """The calendar week (Monday to Sunday), weekend, month or year, moved by ``direction``."""
    if unit in {"week", "weekend"}:
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=direction)
        if unit == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _add_months(base.replace(day=1), direction)
        last_day = calendar.monthrange(first.year, first.month)[1]
        return first, first.replace(day=last_day)
    year = base.year + direction
    return date(year, 1, 1), date(year, 12, 31)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def _month_range(year: int, month: int) -> DateRange:
    last_day = calendar.monthrange(year, month)[1]
    return DateRange(f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last_day:02d}")


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    found = _date(year, month, day)
    return found.isoformat() if found else None


# --- the component ------------------------------------------------------------------------------


for _name in ("quantities", "dates"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(
    "storydiff_quantities",
    assigns=["doc._.quantities", "doc._.dates"],
    requires=[
        "doc._.quotes",
        "doc.ents",
        "token.dep",
        "token.ent_type",
        "token.head",
        "token.is_sent_start",
        "token.lemma",
        "token.pos",
        "token.morph",
        "token.tag",
    ],
)
def make_quantities_component(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent(nlp)


class QuantitiesComponent:
    """Sets ``doc._.quantities`` and ``doc._.dates``: lists of ``Quantity`` and ``Date``,
    offsets into ``doc.text``.

    Put it after ``storydiff_quotes`` so that each quantity knows whose claim it is; without
    quotes every ``claimed_by`` is None. Dates get their ``value`` from ``normalise_dates``,
    called with the article's publication date once the pipeline has run.
    """

    def __init__(self, nlp: Language) -> None:
        nums = lexicons_for(nlp.lang).numbers
        _mark_number_words(nlp.vocab, nums)
        matcher = RunMatcher(nlp.vocab, matcher_patterns(nums))
        self.find_quantities = QuantityFinder(matcher, nums)
        self.date_words = lexicons_for(nlp.lang).dates

    def __call__(self, doc: Doc) -> Doc:
        typed(doc)._.quantities = self.find_quantities(doc)
        # A language without date words finds none (its analyses say so: ``dates: false``).
        typed(doc)._.dates = find_dates(doc, self.date_words) if self.date_words else []
        return doc


def _mark_number_words(vocab: Vocab, nums: NumberWords) -> None:
    """Make the language's number words ``like_num``, which the Matcher's patterns test: the
    French model's own test misses "quatre-vingts", "vingt-deux" and the other hyphenated
    compounds. English's already are (the loop changes nothing there)."""
    for word in (*nums.ones, *nums.tens, *nums.compounds):
        for form in (word, word.capitalize()):
            lexeme = vocab[form]
            if not lexeme.like_num:
                lexeme.like_num = True
