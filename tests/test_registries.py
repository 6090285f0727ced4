"""Similarity backends, readers and renderers added from outside storydiff, used end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import catalogue
import pytest
from click.testing import CliRunner

import storydiff
from storydiff.cli import cli
from storydiff.compare.similarity import backend_names, get_backend, similarity_backends
from storydiff.errors import Code, OptionError
from storydiff.model import Comparison, Document
from storydiff.render import get_renderer, renderer_names, renderers
from storydiff.sources import Reader, ReadOptions, readers
from storydiff.sources.readers import get_reader, reader_names

from .conftest import SKY, SPUTNIK

# A made-up format that storydiff's own readers turn away as binary: a magic header with a
# NUL byte, a title line, then the article.
MAGIC = b"STORY\x00"


def read_story(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Document]:
    data = stream.read()
    assert data.startswith(MAGIC)
    title, _, text = data[len(MAGIC) :].decode("utf-8").partition("\n")
    yield Document(source=source, text=text, kind="story", title=title, outlet="Story Wire")


def write_story(path: Path, title: str, article: Path) -> Path:
    path.write_bytes(MAGIC + title.encode() + b"\n" + article.read_bytes())
    return path


def outline(comparison: Comparison) -> str:
    return "".join(f"* {a.article.outlet}: {a.article.title}\n" for a in comparison.articles)


@pytest.fixture
def registered():
    """Registers the test's parts, as a package would, and removes them afterwards."""
    added: list[tuple[str, ...]] = []

    def register(registry: catalogue.Registry, name: str, part: object) -> str:
        registry.register(name, func=part)
        added.append((*registry.namespace, name))
        return name

    yield register
    for key in added:
        catalogue.REGISTRY.pop(key, None)


def test_a_registered_similarity_backend_scores_the_comparison(registered, seed_analyses):
    seen: list[int] = []

    def same_first_word(texts):
        seen.append(len(texts))
        first = [t.split()[0].lower() if t.split() else "" for t in texts]
        return [[float(a == b and a != "") for b in first] for a in first]

    name = registered(similarity_backends, "tests.similarity.first_word.v1", same_first_word)
    assert name in backend_names()
    report = storydiff.compare(list(seed_analyses.values()), similarity=name)
    assert seen, "the backend was never asked"
    assert len(report.articles) == 2


def test_a_registered_reader_reads_the_files_it_claims(registered, tmp_path):
    registered(readers, "tests.readers.story.v1", Reader(read_story, extensions=(".story",)))
    path = write_story(tmp_path / "sky.story", "Idlib offensive looms", SKY)
    (analysis,) = storydiff.analyze([path])
    assert (analysis.article.title, analysis.article.outlet) == (
        "Idlib offensive looms",
        "Story Wire",
    )
    assert "Idlib" in analysis.article.text and analysis.quotes


def test_without_its_reader_the_format_is_turned_away(tmp_path):
    path = write_story(tmp_path / "sky.story", "Idlib offensive looms", SKY)
    (failure,) = storydiff.read([str(path)])
    assert failure.code is Code.E003


def test_a_registered_renderer_is_a_format_of_compare(registered, seed_analyses, tmp_path):
    name = registered(renderers, "tests.render.outline.v1", outline)
    assert name in renderer_names()
    report = storydiff.compare(list(seed_analyses.values()))
    assert report.render(name) == "* Sky News: {}\n* Sputnik International: {}\n".format(
        *(a.article.title for a in report.articles)
    )
    assert report.render("md") == report.to_markdown()
    out = tmp_path / "outline.txt"
    result = CliRunner().invoke(
        cli, ["compare", str(SKY), str(SPUTNIK), "--format", name, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text() == report.render(name)


def test_every_part_is_named_with_a_version():
    for names in (backend_names(), reader_names(), renderer_names()):
        assert names and all(name.rsplit(".", 1)[-1].startswith("v") for name in names)
    assert "storydiff.readers.warc.v1" in reader_names()


@pytest.mark.parametrize(
    ("get", "known"),
    [
        (get_backend, "storydiff.similarity.tfidf.v1"),
        (get_reader, "storydiff.readers.jsonl.v1"),
        (get_renderer, "storydiff.render.markdown.v1"),
    ],
)
def test_an_unknown_name_is_e023_listing_the_known_ones(get, known):
    with pytest.raises(OptionError) as unknown:
        get("storydiff.nothing.v9")
    assert unknown.value.code is Code.E023
    assert "'storydiff.nothing.v9'" in str(unknown.value) and known in str(unknown.value)


def test_the_command_line_refuses_an_unknown_name_before_reading():
    result = CliRunner().invoke(
        cli, ["compare", "missing.txt", "other.txt", "--similarity", "storydiff.nothing.v9"]
    )
    assert result.exit_code == 2
    assert "E023" in result.output and "storydiff.similarity.hybrid.v1" in result.output
    assert "missing.txt" not in result.output


PLUGIN = """
from storydiff.model import Document
from storydiff.sources import Reader


def _read(stream, source, options):
    title, _, text = stream.read().decode("utf-8").partition("\\n")
    yield Document(source=source, text=text, kind="plugin", title=title)


def lexical(texts):
    from storydiff.compare.similarity import tfidf_similarity

    return tfidf_similarity(texts)


def titles(comparison):
    return "\\n".join(a.article.title for a in comparison.articles) + "\\n"


reader = Reader(_read, extensions=(".plug",))
"""
ENTRY_POINTS = """
[storydiff_readers]
plugin.readers.plug.v1 = storydiff_plugin:reader

[storydiff_similarity]
plugin.similarity.lexical.v1 = storydiff_plugin:lexical

[storydiff_renderers]
plugin.render.titles.v1 = storydiff_plugin:titles
"""


def test_an_installed_package_adds_parts_through_entry_points(tmp_path):
    """A package's entry points, found in its metadata as pip installs it, with no import of
    the package by anyone but storydiff."""
    site = tmp_path / "site"
    info = site / "storydiff_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: storydiff-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    (site / "storydiff_plugin.py").write_text(PLUGIN)
    inputs = []
    for name, article in (("sky", SKY), ("sputnik", SPUTNIK)):
        inputs.append(tmp_path / f"{name}.plug")
        inputs[-1].write_bytes(f"{name} title\n".encode() + article.read_bytes())
    path = [str(site), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path))}
    result = subprocess.run(
        [sys.executable, "-m", "storydiff", "compare", *map(str, inputs)]
        + ["--similarity", "plugin.similarity.lexical.v1"]
        + ["--format", "plugin.render.titles.v1"],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == "sky title\nsputnik title\n"
    listed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from storydiff.sources.readers import reader_names; "
            "print(json.dumps(reader_names()))",
        ],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert "plugin.readers.plug.v1" in json.loads(listed.stdout)
