"""The library's entry points: read, analyze, compare.

The command line is a thin layer over these. Each stage streams: articles are read, cleaned
and analysed one batch at a time, and a bad input becomes an ``InputError`` in the stream
rather than the end of the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from os import PathLike, fspath
from typing import Any, BinaryIO, TypeGuard, cast

from storydiff import __version__
from storydiff.clean import clean
from storydiff.compare import compare_analyses, distinct
from storydiff.config import Config, from_environment
from storydiff.engines import LOCAL, EngineSettings, get_engine
from storydiff.errors import Code, InputError
from storydiff.model import Analysis, Article, Document, LanguagePipeline, Run, Text, where
from storydiff.nlp.pipeline import pipeline_identity
from storydiff.report import Report
from storydiff.sources import STDIN, ReadOptions, read_inputs, read_text
from storydiff.sources.files import read_failure

ArticleOrError = Article | InputError
AnalysisOrError = Analysis | InputError
# What the Python API takes for an article: a path, a text in memory, or a cleaned article.
Input = str | PathLike[str] | Text | Article
# Longer than a file name may be: a string this long that names no file is a text.
LONGEST_NAME = 255


def clean_documents(items: Iterable[Document | InputError]) -> Iterator[ArticleOrError]:
    """Clean each document; a document with no body left becomes an InputError, and so does
    one the cleaner fails on (E009), since one odd document must not end a batch."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield clean(item)
        except InputError as error:
            yield error
        except Exception as error:  # noqa: BLE001
            yield read_failure(where(item.source, item.line), error)


def _configured(config: Config | None = None, **values: object) -> Config:
    """The run's configuration: ``config``, else the defaults with ``STORYDIFF_PIPELINE`` as
    pipeline.name, with the settings a caller gives by name (``{"section.key": value}``;
    None for those not given) over it."""
    base = config if config is not None else from_environment()
    given = {name: value for name, value in values.items() if value is not None}
    return base.with_values(given) if given else base


def run_record(config: Config) -> Run:
    """What produced an output under ``config``, for the ``run`` block of its JSON."""
    pipeline, version = pipeline_identity(config.pipeline.name)
    languages = tuple(
        LanguagePipeline(code, *pipeline_identity(name))
        for code, name in sorted(config.pipeline.languages)
    )
    return Run(__version__, pipeline, version, config.digest(), config.differences(), languages)


def read(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int | None = None,
    columns: Mapping[str, str] | None = None,
    fetch_links: bool | None = None,
    config: Config | None = None,
    options: ReadOptions | None = None,
) -> Iterator[ArticleOrError]:
    """Read and clean files, directories, URLs or ``-`` (standard input), in input order.

    Files may hold one article (text, HTML) or many (JSON Lines, CSV, Parquet, WARC, RSS or
    Atom feeds). The reading section of ``config`` sets the limits; ``max_bytes``,
    ``columns`` (storydiff's fields to a table's own column names) and ``fetch_links`` (fetch
    the page each feed entry links to), when given, stand for its settings. ``options`` sets
    the limits the configuration has no setting for (``storydiff.sources.ReadOptions``: lines,
    HTML nesting, numbers, records, feeds, fetching); the configuration's three replace its
    own."""
    reading = _configured(
        config,
        **{
            "reading.max_bytes": max_bytes,
            "reading.columns": columns,
            "reading.fetch_links": fetch_links,
        },
    ).reading
    limits = replace(
        options or ReadOptions(),
        max_bytes=reading.max_bytes,
        columns=reading.column_map(),
        fetch_links=reading.fetch_links,
    )
    documents = read_inputs(inputs, stdin=stdin, options=limits)
    return clean_documents(documents)


def analyze_stream(
    items: Iterable[ArticleOrError],
    *,
    pipeline: str | None = None,
    engine: EngineSettings = LOCAL,
    progress: bool = False,
    config: Config | None = None,
) -> Iterator[AnalysisOrError]:
    """Analyse articles in order, passing errors through in their place, on the engine
    ``engine`` names (this process by default; ``EngineSettings(workers=4)`` for four worker
    processes, ``EngineSettings("ray", ...)`` for Ray): where it runs never changes what
    comes out. Articles are batched for spaCy; if a batch fails, its articles are retried one
    by one so that only the article at fault is reported. ``progress`` shows a bar on standard
    error for an article long enough to be analysed in pieces (on a terminal only). The
    pipeline section of ``config`` names the pipeline and its components' settings;
    ``pipeline``, when given, stands for its pipeline.name."""
    settings = _configured(config, **{"pipeline.name": pipeline}).pipeline
    return get_engine(engine, pipeline=settings, progress=progress).analyze(items)


def analyze(
    inputs: Input | Iterable[Input],
    *,
    pipeline: str | None = None,
    engine: EngineSettings = LOCAL,
    config: Config | None = None,
) -> list[Analysis]:
    """Analyse articles given as paths (a string is a path, as on the command line), texts
    in memory (``Text``) or already cleaned articles, one or several in any mix, in order;
    raises the first InputError met. ``config`` sets how they are read and analysed;
    ``pipeline``, when given, stands for its pipeline.name."""
    config = _configured(config, **{"pipeline.name": pipeline})
    given = [inputs] if isinstance(inputs, str | PathLike | Text | Article) else list(inputs)
    analyses = []
    for item in analyze_stream(_articles(given, config), engine=engine, config=config):
        if isinstance(item, InputError):
            raise item
        analyses.append(item)
    return analyses


def _articles(inputs: Iterable[Input], config: Config) -> Iterator[ArticleOrError]:
    """Each input as cleaned articles, errors in their place, in input order."""
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Article):
            yield item
        elif isinstance(item, Text):
            yield from clean_documents([_text_document(item, number, config)])
        else:
            path = fspath(item)
            if _looks_like_text(path):
                yield InputError(_preview(path), Code.E022)
            else:
                yield from read([path], config=config)


def _text_document(text: Text, number: int, config: Config) -> Document | InputError:
    """Read as a string is (normalised, held to the size limit, HTML detected), then given
    the metadata the caller knows. Named by its URL or its position, ``<text 2>``."""
    source = text.url or f"<text {number}>"
    try:
        document = read_text(text.text, source, url=text.url, max_bytes=config.reading.max_bytes)
    except InputError as error:
        return error
    known = {
        "title": text.title,
        "outlet": text.outlet,
        "url": text.url,
        "published": text.published,
        "language": text.language,
    }
    given: dict[str, Any] = {k: v for k, v in known.items() if v is not None}
    return replace(document, **given)


def _all_analyses(items: list[Input | Analysis]) -> TypeGuard[list[Analysis]]:
    return all(isinstance(i, Analysis) for i in items)


def _looks_like_text(path: str) -> bool:
    """A string that names no file, and has a line break or is longer than a file name:
    someone passed an article's text where a path goes."""
    if path == STDIN or "://" in path or os.path.exists(path):
        return False
    return "\n" in path or len(path) > LONGEST_NAME


def _preview(text: str) -> str:
    """The start of a text, to name it in an error in one short line."""
    words = " ".join(text.split())
    return repr(words[:40] + "…" if len(words) > 40 else words)


def compare(
    inputs: Iterable[Input] | Sequence[Analysis],
    *,
    pipeline: str | None = None,
    similarity: str | None = None,
    engine: EngineSettings = LOCAL,
    on_repeat: Callable[[Analysis, Analysis], None] | None = None,
    config: Config | None = None,
) -> Report:
    """Compare two or more articles given as paths, texts (``Text``), cleaned articles or
    analyses. The ``Report`` shows itself in Jupyter and gives its tables as rows or
    DataFrames. ``config`` sets the whole run; ``pipeline`` and ``similarity`` (a backend's
    name), when given, stand for pipeline.name and similarity.backend.

    The same article given twice (one text, so one id) is compared once; ``on_repeat`` is
    told of each ``(repeat, first)`` pair. Fewer than two distinct articles is a
    ``ConfigError`` (E012)."""
    config = _configured(config, **{"pipeline.name": pipeline, "similarity.backend": similarity})
    items = list(inputs)
    analyses = (
        items
        if _all_analyses(items)
        # Not all analyses, so all inputs: the signature allows no mix.
        else analyze(cast("list[Input]", items), engine=engine, config=config)
    )
    unique, repeats = distinct(analyses)
    if on_repeat is not None:
        for repeat, first in repeats:
            on_repeat(repeat, first)
    comparison = compare_analyses(unique, config=config)
    return Report(replace(comparison, run=run_record(config)))
