"""Every error storydiff reports to a user, in one catalogue with a stable code.

A failure that concerns one input is an ``InputError``: the command line names the input, prints
the one-line message, goes on with the next input and exits with status 1 at the end. Tests
match on the code, not on the wording, so messages can be improved freely.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum


class Code(Enum):
    """Stable error codes with their message templates."""

    E001 = "file not found"
    E002 = "file is empty"
    E003 = "file looks binary, not text or HTML ({detail})"
    E004 = (
        "too large to analyse: {size} bytes, the limit is {limit} bytes (--max-bytes, or "
        "max_bytes in Python, raises it)"
    )
    E005 = "cannot decode the bytes as text in any known encoding"
    E006 = "no article text found in the HTML page"
    E007 = "JSON Lines record is not valid JSON: {detail}"
    E008 = "record has no {field!r} field (the article text)"
    E009 = "cannot read: {detail}"
    E010 = "no article text left after removing page furniture"
    E011 = "spaCy pipeline {name!r} is not installed: {detail}"
    E012 = "compare needs at least two articles, got {count}"
    E013 = "analysis failed: {detail}"
    E014 = "JSON Lines record is not a JSON object but {detail}"
    E015 = "record field {field!r} must be {expected}, got {detail}"
    E016 = "not a readable {kind} file: {detail}"
    E017 = "no column {column!r} for {field!r} in the table (its columns: {columns})"
    E018 = "cannot fetch {url}: {detail}"
    E019 = "{detail}"
    E020 = "the archive is cut short: {detail}"
    E021 = "WARC response record without a WARC-Target-URI, skipped"
    E022 = (
        "file not found, and this looks like an article's text rather than a path: a string "
        "is a path; pass a text as storydiff.Text(text)"
    )
    E023 = "unknown {kind} {name!r}; known: {known}"
    E024 = "{option} must be {expected}, got {value}"
    E025 = "{feature} needs the {package} package: pip install {install}"
    E026 = (
        "{what} could not be loaded from {place}: {detail}; reinstall it: "
        "pip install --force-reinstall {package}"
    )
    E027 = "{path} is not a storydiff store: {detail}"
    E028 = (
        "{path} is a store of schema version {found}, newer than this storydiff's {version}; "
        "upgrade storydiff to open it"
    )
    E029 = "cannot tell the format from {path!r}{hint}; use one of {known}, or give --format"
    E030 = (
        "{document} is in schema {found!r}, which this storydiff does not read (it reads "
        "{known!r}): a newer storydiff wrote it, or it is not storydiff's JSON"
    )
    E031 = "cannot read the configuration: {detail}"
    E032 = (
        "no article with id {article_id!r} in {store} (an article's id is the 16 hex digits "
        "of the 'id' column: storydiff export --store {store} --table articles)"
    )
    E033 = "no article in {store} has the outlet {outlet!r}"
    E034 = (
        "line {line} has {size:,} characters, the limit is {limit:,} characters a line "
        "(--max-line-chars, or max_line_chars in Python, raises it)"
    )
    E035 = (
        "the HTML nests elements more than {limit} deep, the limit (--max-html-depth, or "
        "max_html_depth in Python, sets it, up to 250)"
    )
    E036 = (
        "a number of {size:,} characters (from character {offset:,}), the limit is {limit:,} "
        "(--max-number-chars, or max_number_chars in Python, raises it)"
    )
    E037 = (
        "holds more than {limit:,} records; the first {limit:,} were read (--max-records, or "
        "max_records in Python, raises it)"
    )
    E038 = "cannot fetch {url} in time: {detail}"
    E039 = "cannot write to the store {path}: {detail}"
    E040 = (
        "the feed is larger than {limit:,} bytes (--max-feed-bytes, or max_feed_bytes in "
        "Python, raises it)"
    )
    E041 = "no actor in {store} is called {name!r}{hint}"
    E042 = "cannot serve the store {path}: {detail}"
    E043 = (
        "pipeline.languages names a pipeline for {language!r}, but storydiff has no word "
        "lists for it: add storydiff/nlp/data/lexicons/{language}.toml (see fr.toml)"
    )


class StorydiffError(Exception):
    """Base class for errors storydiff raises on purpose."""

    def __init__(self, code: Code, **details: object) -> None:
        self.code = code
        self.details = details
        shown = {key: _shown(value) for key, value in details.items()}
        super().__init__(f"[{code.name}] {code.value.format(**shown)}")


class InputError(StorydiffError):
    """One input could not be read or analysed; the others can still be."""

    def __init__(self, source: str, code: Code, **details: object) -> None:
        self.source = source
        super().__init__(code, **details)

    def __reduce__(self) -> tuple[Callable[..., InputError], tuple[str, Code, dict[str, object]]]:
        """Pickled by its parts, so that a worker process can report it to the parent."""
        return _input_error, (self.source, self.code, self.details)

    def __str__(self) -> str:
        return f"{self.source}: {super().__str__()}"


class ConfigError(StorydiffError):
    """The configuration cannot work (a missing pipeline, too few inputs)."""


class OptionError(ConfigError, ValueError):
    """An option or argument was given a value it cannot take (an unknown backend's name, a
    limit below one). Also a ValueError, as these errors were before they had codes, so that
    code catching ValueError still catches them."""


def check_choice(option: str, value: object, choices: Iterable[str]) -> None:
    """E024 unless ``value`` is one of ``choices``, which the message lists."""
    known = list(choices)
    if value not in known:
        raise OptionError(
            Code.E024, option=option, expected=f"one of {', '.join(known)}", value=repr(value)
        )


# A detail quoted from an input (a URL, a table's header, a parser's complaint) is shown up to
# this many characters, and on one line: an error is one short line whatever the input holds.
_DETAIL_CHARS = 200


def _shown(value: object) -> object:
    if not isinstance(value, str):
        return value
    flat = " ".join(value.split()) if "\n" in value or "\r" in value else value
    if len(flat) <= _DETAIL_CHARS:
        return flat
    return f"{flat[:_DETAIL_CHARS]}… ({len(flat):,} characters)"


class SettingError(OptionError):
    """A setting of the run configuration is unknown (E023), has a value it cannot take
    (E024), or a configuration file cannot be read (E031). ``source`` names where the setting
    came from (a file, ``--set``), when it came from outside a program."""

    def __init__(self, code: Code, source: str | None = None, **details: object) -> None:
        self.source = source
        super().__init__(code, **details)

    def at(self, source: str | None) -> SettingError:
        """The same error, said to come from ``source``."""
        return SettingError(self.code, source, **self.details)

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.source}: {message}" if self.source else message


def _input_error(source: str, code: Code, details: dict[str, object]) -> InputError:
    return InputError(source, code, **details)
