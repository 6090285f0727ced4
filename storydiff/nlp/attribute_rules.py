"""A memoised stand-in for spaCy's ``attribute_ruler``, exact for the rules it accepts.

The English pipelines' attribute ruler maps tags to parts of speech and morphology and fixes
a few lemmas through spaCy's ``Matcher``: 179 token patterns tried at every token, about a
seventh of the pipeline's time. Yet each of their predicates reads only a token's tag,
lower-case form, dependency label and whether it is white space, and a corpus repeats the
same combinations of those four. So what a combination is given is worked out once (each
attribute's value looked up in an index of the rules' predicates, the four answers
intersected) as the ruler would apply it: rules in the ruler's order (a later rule's value
wins), each to the token its pattern's ``index`` names, multi-token patterns ("gon na",
"there is") checked on the neighbours. The whole ``Doc``'s attributes are then written at once
with spaCy's ``Doc.from_array``, which sets a token's tag, part of speech, morphology, lemma
and dependency as the ruler's ``set_token_attrs`` does.

``replace_attribute_ruler`` puts the stand-in in the ruler's place only when every rule is of
the kind it reproduces exactly: token sequences whose predicates are a value, ``IN``,
``NOT_IN`` or ``REGEX`` on those four attributes, with no operator, setting only those five
attributes. Any other rule set keeps spaCy's component.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.vocab import Vocab

if TYPE_CHECKING:
    from thinc.types import Ints2d

RULER = "attribute_ruler"
STAND_IN = "storydiff_attribute_rules"

# What a token's key holds, in order, and the names patterns give those attributes.
_KEY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_KEY_NAMES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_FLAG = _KEY_NAMES.index("IS_SPACE")
# What rules may set: attributes of the token alone, which ``Doc.from_array`` writes as
# ``set_token_attrs`` does (that one also writes lexical attributes to the vocabulary, and
# extensions: beyond the stand-in).
_WRITTEN = [TAG, POS, MORPH, LEMMA, DEP]
_WRITTEN_NAMES = frozenset({"TAG", "POS", "MORPH", "LEMMA", "DEP"})
# A corpus repeats the same values; the bound keeps the memory of a long run flat anyway.
MAX_MEMO = 200_000


@dataclass(frozen=True)
class _Predicate:
    """One pattern token's condition on one attribute: ``equal`` (a value), ``in``,
    ``not_in`` (a set of values) or ``regex`` (searched in the value)."""

    kind: str
    argument: Any


def _predicate(position: int, value: Any) -> _Predicate | None:
    """The condition a pattern puts on an attribute, or None for one the stand-in does not
    reproduce."""
    if position == _FLAG:
        return _Predicate("equal", value) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _Predicate("equal", value)
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((kind, argument),) = value.items()
    if kind in ("IN", "NOT_IN") and isinstance(argument, list):
        if all(isinstance(v, str) for v in argument):
            return _Predicate(kind.lower(), frozenset(argument))
    elif kind == "REGEX" and isinstance(argument, str):
        return _Predicate("regex", re.compile(argument))
    return None


def _token_predicates(token: Mapping[Any, Any]) -> dict[int, _Predicate] | None:
    """A pattern token's conditions by position in the key, or None when one of them (or an
    operator, or another attribute) is beyond the stand-in."""
    found = {}
    for name, value in token.items():
        if not isinstance(name, str) or name.upper() not in _KEY_NAMES:
            return None
        position = _KEY_NAMES.index(name.upper())
        predicate = _predicate(position, value)
        if predicate is None:
            return None
        found[position] = predicate
    return found


def handles(pattern: Mapping[str, Any]) -> bool:
    """Whether the stand-in reproduces this ruler pattern (as ``AttributeRuler.patterns``
    lists it) exactly."""
    sequences = pattern.get("patterns") or []
    index = pattern.get("index", 0)
    attrs = pattern.get("attrs") or {}
    return (
        isinstance(index, int)
        and all(isinstance(name, str) and name.upper() in _WRITTEN_NAMES for name in attrs)
        and all(
            bool(sequence)
            and -len(sequence) <= index < len(sequence)
            and all(_token_predicates(token) is not None for token in sequence)
            for sequence in sequences
        )
    )


@dataclass
class _AttributeIndex:
    """For one attribute, which pattern tokens (one bit each) a value satisfies: those with
    no condition on it, those it equals or is in, those whose excluded values it is not
    among, and those whose regular expression it matches."""

    free: int = 0
    equal: dict[Any, int] = field(default_factory=dict)
    not_in: int = 0
    excluded: dict[Any, int] = field(default_factory=dict)
    regexes: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    memo: dict[Any, int] = field(default_factory=dict)

    def add(self, bit: int, predicate: _Predicate | None) -> None:
        if predicate is None:
            self.free |= bit
        elif predicate.kind == "equal":
            self.equal[predicate.argument] = self.equal.get(predicate.argument, 0) | bit
        elif predicate.kind == "in":
            for value in predicate.argument:
                self.equal[value] = self.equal.get(value, 0) | bit
        elif predicate.kind == "not_in":
            self.not_in |= bit
            for value in predicate.argument:
                self.excluded[value] = self.excluded.get(value, 0) | bit
        else:
            self.regexes.append((predicate.argument, bit))
        self.memo.clear()

    def satisfied(self, value: Any) -> int:
        bits = self.memo.get(value)
        if bits is None:
            bits = self.free | self.equal.get(value, 0)
            bits |= self.not_in & ~self.excluded.get(value, 0)
            for expression, bit in self.regexes:
                if expression.search(value) is not None:
                    bits |= bit
            if len(self.memo) >= MAX_MEMO:
                self.memo.clear()
            self.memo[value] = bits
        return bits


@dataclass(frozen=True)
class _Sequence:
    """One token sequence of a pattern: its tokens' bits, which token gets the attributes,
    and the pattern's number (a later pattern's values win)."""

    number: int
    bits: tuple[int, ...]
    index: int


@dataclass(frozen=True)
class _Matched:
    """What a token with one key matches: the one-token patterns (their numbers, and the row
    of what they set), the bits of the longer sequences' tokens, and the longer sequences it
    can start."""

    single: tuple[int, ...]
    row: int
    bits: int
    starts: tuple[_Sequence, ...]


class AttributeRules:
    """The stand-in component: created empty, as spaCy's ruler is, and given the ruler's
    patterns with ``add_patterns`` (each one ``handles`` accepts)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.attrs: list[dict[int, int]] = []
        self._indexes = tuple(_AttributeIndex() for _ in _KEY_NAMES)
        self._single: dict[int, int] = {}  # bit of a one-token sequence -> pattern number
        self._single_bits = 0
        self._longer: list[_Sequence] = []
        self._bits = 0
        self._matched: dict[tuple[int, ...], _Matched] = {}
        # What each combination of patterns sets, one row per combination: which of
        # _WRITTEN it sets, and to what.
        self._rows: dict[tuple[int, ...], int] = {}
        self._sets: list[list[bool]] = []
        self._values: list[list[int]] = []
        self._tables: tuple[np.ndarray, np.ndarray] | None = None

    def add_patterns(self, patterns: Iterable[Mapping[str, Any]]) -> None:
        for pattern in patterns:
            if not handles(pattern):
                raise ValueError(f"{STAND_IN} cannot reproduce the pattern {pattern!r}")
            number = len(self.attrs)
            self.attrs.append(normalize_token_attrs(self.vocab, dict(pattern["attrs"])))
            for sequence in pattern["patterns"]:
                bits = tuple(self._add_token(token) for token in sequence)
                if len(bits) == 1:
                    self._single[bits[0]] = number
                    self._single_bits |= bits[0]
                else:
                    index = pattern.get("index", 0) % len(bits)
                    self._longer.append(_Sequence(number, bits, index))
        self._forget()

    def _forget(self) -> None:
        self._matched.clear()
        self._rows.clear()
        self._sets.clear()
        self._values.clear()
        self._tables = None
        self._row(())  # row 0: nothing set

    def _add_token(self, token: Mapping[Any, Any]) -> int:
        bit = 1 << self._bits
        self._bits += 1
        predicates = _token_predicates(token) or {}
        for position, index in enumerate(self._indexes):
            index.add(bit, predicates.get(position))
        return bit

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        found = [self._matched_by(tuple(key)) for key in doc.to_array(_KEY_ATTRS).tolist()]
        rows = [matched.row for matched in found]
        for i, numbers in self._longer_matches(found).items():
            rows[i] = self._row(tuple(sorted({*found[i].single, *numbers})))
        sets, values = self._table()
        chosen = np.array(rows)
        current = doc.to_array(_WRITTEN)
        doc.from_array(_WRITTEN, cast("Ints2d", np.where(sets[chosen], values[chosen], current)))
        return doc

    def _matched_by(self, key: tuple[int, ...]) -> _Matched:
        matched = self._matched.get(key)
        if matched is None:
            strings = self.vocab.strings
            values = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
            bits = -1
            for index, value in zip(self._indexes, values, strict=True):
                bits &= index.satisfied(value)
            single, rest = [], bits & self._single_bits
            while rest:
                lowest = rest & -rest
                single.append(self._single[lowest])
                rest ^= lowest
            starts = tuple(s for s in self._longer if bits & s.bits[0])
            if len(self._matched) >= MAX_MEMO:
                self._matched.clear()
            numbers = tuple(sorted(single))
            matched = self._matched[key] = _Matched(numbers, self._row(numbers), bits, starts)
        return matched

    def _longer_matches(self, found: Sequence[_Matched]) -> dict[int, set[int]]:
        """The numbers of the multi-token patterns that match, by the token each sets."""
        targets: dict[int, set[int]] = {}
        for start, matched in enumerate(found):
            for sequence in matched.starts:
                end = start + len(sequence.bits)
                if end <= len(found) and all(
                    found[start + offset].bits & bit
                    for offset, bit in enumerate(sequence.bits[1:], start=1)
                ):
                    targets.setdefault(start + sequence.index, set()).add(sequence.number)
        return targets

    def _row(self, numbers: tuple[int, ...]) -> int:
        """The row of what the patterns set, a later pattern's value winning, as when the
        ruler applies them one after another."""
        row = self._rows.get(numbers)
        if row is None:
            if len(self._rows) >= MAX_MEMO:
                self._forget()
            merged: dict[int, int] = {}
            for number in numbers:
                merged.update(self.attrs[number])
            row = self._rows[numbers] = len(self._sets)
            self._sets.append([attr in merged for attr in _WRITTEN])
            self._values.append([merged.get(attr, 0) for attr in _WRITTEN])
            self._tables = None
        return row

    def _table(self) -> tuple[np.ndarray, np.ndarray]:
        if self._tables is None:
            self._tables = (
                np.array(self._sets, dtype=bool),
                np.array(self._values, dtype=np.uint64),
            )
        return self._tables


@Language.factory(STAND_IN)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules(nlp.vocab)


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put the stand-in in the place of ``nlp``'s attribute ruler when it reproduces every
    one of its rules; True when it did, False when spaCy's ruler stays."""
    if RULER not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(RULER)
    patterns = ruler.patterns if isinstance(ruler, AttributeRuler) else None
    if patterns is None or not all(handles(pattern) for pattern in patterns):
        return False
    stand_in = nlp.add_pipe(STAND_IN, after=RULER)
    assert isinstance(stand_in, AttributeRules)
    stand_in.add_patterns(patterns)
    nlp.remove_pipe(RULER)
    return True
