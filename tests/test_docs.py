"""The docs stay true: every command, option and spaCy component is documented, and every
figure the README states names the benchmark script that measures it.

The figures' convention (stated in the README's Development section): a measured figure — a
score (0.92), a percentage or a ratio (92%, 1.87×), a time, a size in memory or a rate with its
unit (33 s, 4 minutes, 624 MiB, 9.7 docs/s, articles per day) — stands in a paragraph, list
item or table row that names the script making it as ``benchmarks/NAME.py``; a table's rows
may leave it to the sentence introducing the table. Versions (3.8.0) and settings written with
one decimal (a score of 0.7) are not figures.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from storydiff.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + (ROOT / "docs" / "INTERFACE.md").read_text(encoding="utf-8")

FIGURE = re.compile(
    r"(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:%|×)"
    r"|(?<![\w.\-/])[01]\.\d{2,3}(?![\d.])"
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s(?:s|ms|MiB|GiB|minutes?|hours?|docs/s|articles/s)\b"
    r"|articles per (?:day|second)"
)
SCRIPT = re.compile(r"benchmarks/([a-z_]+)\.py")


def commands(group: click.Group, path: tuple[str, ...] = ("storydiff",)) -> Iterator:
    yield path, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


def test_every_command_is_documented():
    for path, _ in commands(cli):
        assert f"`{' '.join(path)}" in DOCS or f"{' '.join(path)} " in DOCS, path


@pytest.mark.parametrize(
    ("path", "option"),
    [
        (path, option)
        for path, command in commands(cli)
        for option in command.params
        if isinstance(option, click.Option) and option.name != "help"
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else value.name,
)
def test_every_option_is_documented(path, option):
    flags = [*option.opts, *option.secondary_opts]
    assert any(re.search(re.escape(flag) + r"(?![\w-])", DOCS) for flag in flags), flags


def test_every_spacy_component_is_documented():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for name in pyproject["project"]["entry-points"]["spacy_factories"]:
        assert f"`{name}`" in DOCS, name


def units(markdown: str) -> Iterator[tuple[str, str]]:
    """(unit, the text that may name its script): each paragraph and list item with itself;
    each table row with itself and the paragraph before its table. Code blocks are not
    prose."""
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    before = ""
    for block in re.split(r"\n\s*\n", markdown):
        if block.lstrip().startswith("|"):
            for row in block.splitlines():
                yield row, row + "\n" + before
            continue
        for item in re.split(r"\n(?=\s*- )", block):
            yield item, item
        before = block


def test_the_figures_convention_finds_figures():
    assert FIGURE.findall("P 0.91, 92%, 1.87×, 33 s, 624 MiB, 9.7 docs/s") == [
        *("0.91", "92%", "1.87×", "33 s", "624 MiB", "9.7 docs/s"),
    ]
    assert FIGURE.findall("spaCy 3.8.0, ruff 0.17.6, a score of 0.7, 10 MB, the 1990 US") == []


def test_every_figure_in_the_readme_names_the_benchmark_that_makes_it():
    unnamed = [
        unit
        for unit, context in units(README)
        if FIGURE.search(unit) and not SCRIPT.search(context)
    ]
    assert unnamed == []
    for script in SCRIPT.findall(README):
        assert (ROOT / "benchmarks" / f"{script}.py").is_file(), script
