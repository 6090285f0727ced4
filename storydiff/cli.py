"""The ``storydiff`` command line: a thin layer over the library (``storydiff.api``, the
engines, the store). It parses arguments, shows progress, writes output and chooses the exit
code; what it prints is built by the library, so a script gets the same from Python.

Exit codes (INTERFACE.md): 0 when every input was processed, 1 when some failed (each named on
standard error, one line each; the others are still in the output), 2 for a usage error. No
traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click
from tqdm import tqdm

from storydiff import api
from storydiff.clean.outlets import register_outlets_file
from storydiff.compare.coherence import story_doubt
from storydiff.compare.languages import coverage_notes, languages_warning
from storydiff.compare.similarity import get_backend
from storydiff.compare.story_records import story_records
from storydiff.config import (
    COLUMN_FIELDS,
    DEFAULTS,
    Config,
    from_environment,
    parse_columns,
    read_config,
)
from storydiff.engines import ENGINES, Engine, EngineSettings, get_engine
from storydiff.errors import Code, ConfigError, InputError, OptionError, StorydiffError
from storydiff.limit_options import LIMITS, limit_options
from storydiff.model import SCHEMA, Analysis, StoryRecord, to_json, where
from storydiff.render import (
    FORMATS,
    analyses_markdown,
    get_renderer,
    render_actors,
    render_trend,
)
from storydiff.sources import ReadOptions
from storydiff.sources.estimate import estimate_articles
from storydiff.store import DEFAULT_BATCH, Store, rename_outlet, run_ingest, set_metadata
from storydiff.store.aliases import list_actors
from storydiff.store.export import FORMATS as EXPORT_FORMATS
from storydiff.store.export import TABLES as EXPORT_TABLES
from storydiff.store.export import export as export_table
from storydiff.store.export import format_for as export_format
from storydiff.store.grouping import group_store, stored_stories
from storydiff.store.lock import ingest_lock
from storydiff.store.trends import PERIODS, trend

# Installed with storydiff (the package storydiff_examples, mapped from examples/), so that the
# demo works wherever storydiff is installed.
EXAMPLE_DIR = Path(str(importlib.resources.files("storydiff_examples") / "seeds"))
# A progress bar only helps when there is more than a moment's work: seconds before it shows.
PROGRESS_DELAY = 2.0
# The options that stand for one setting each; one given overrides --config and --set.
NAMED_OPTIONS = {
    "pipeline": "pipeline.name",
    "max_bytes": "reading.max_bytes",
    "columns": "reading.columns",
    "fetch_links": "reading.fetch_links",
    "similarity": "similarity.backend",
}

T = TypeVar("T")


class Failures:
    """Collects per-input errors: each is printed at once, and the exit code reflects them."""

    def __init__(self) -> None:
        self.count = 0

    def keep_going(self, items: Iterable[T | InputError]) -> Iterator[T]:
        for item in items:
            if isinstance(item, InputError):
                self.report(item)
            else:
                yield item

    def report(self, error: InputError) -> None:
        self.count += 1
        tqdm.write(f"storydiff: error: {error}", file=sys.stderr)


def _progress(items: Iterable[T], label: str) -> Iterable[T]:
    """A bar with rate on standard error, shown only when the work lasts long enough to need
    one (a directory or a JSON Lines file may hold any number of articles) and only on a
    terminal."""
    return tqdm(
        items, desc=label, unit=" article", file=sys.stderr, disable=None, delay=PROGRESS_DELAY
    )


def _write(text: str, output: str | None) -> None:
    if output in (None, "-"):
        click.echo(text, nl=bool(text) and not text.endswith("\n"))
    else:
        Path(output).write_text(text, encoding="utf-8")


def _dump(document: Any) -> str:
    return to_json(document, indent=2) + "\n"


def _analysis_stream(
    inputs: tuple[str, ...],
    config: Config,
    workers: int,
    failures: Failures,
    limits: ReadOptions | None = None,
) -> Iterator[Analysis]:
    stream = _engine(config, workers).analyze(_articles(inputs, config, limits))
    return failures.keep_going(_progress(stream, "analysing"))


def _analyses(
    inputs: tuple[str, ...],
    config: Config,
    workers: int,
    failures: Failures,
    limits: ReadOptions | None = None,
) -> list[Analysis]:
    return list(_analysis_stream(inputs, config, workers, failures, limits))


def _engine(
    config: Config, workers: int, name: str = "local", address: str | None = None
) -> Engine:
    """The engine the options choose, loading the configured pipeline, with the bar for an
    article analysed in pieces."""
    settings = EngineSettings(name, workers=workers, address=address)
    return get_engine(settings, pipeline=config.pipeline, progress=True)


def _articles(
    inputs: tuple[str, ...], config: Config, limits: ReadOptions | None = None
) -> Iterator[Any]:
    """The inputs read and cleaned; ``limits`` are the limits given by option (those the
    configuration has no setting for)."""
    return api.read(inputs, stdin=sys.stdin.buffer, config=config, options=limits)


def _parse_columns(
    context: click.Context, parameter: click.Parameter, value: str | None
) -> dict[str, str] | None:
    """``text=body,title=headline`` as a mapping from storydiff's fields to column names."""
    if not value:
        return None
    try:
        return parse_columns(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _parse_settings(
    context: click.Context, parameter: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    """Each ``--set section.key=value`` as setting name to the value's text (the last one
    given for a setting wins)."""
    settings = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected SECTION.KEY=VALUE, got {value!r}")
        settings[name.strip()] = text
    return settings


def _configuration(path: str | None, settings: dict[str, str], named: dict[str, Any]) -> Config:
    """The run's configuration, each layer over the one before: the defaults (with
    STORYDIFF_PIPELINE as pipeline.name), the --config file, --set, the named options. An
    unknown similarity backend is refused here, before any article is read."""
    config = from_environment()
    if path:
        config = read_config(path, config)
    if settings:
        config = config.with_text(settings)
    given = {setting: value for setting, value in named.items() if value is not None}
    if given:
        config = config.with_values(given)
    get_backend(config.similarity.backend)
    return config


output_option = click.option(
    "-o",
    "--output",
    help="Write here instead of the default (standard output; for HTML, report.html).",
)


def _register_outlets(
    context: click.Context, parameter: click.Parameter, paths: tuple[str, ...]
) -> None:
    """Each --outlets file goes into the outlet registry, in order, before anything is read."""
    for path in paths:
        register_outlets_file(path)


outlets_option = click.option(
    "--outlets",
    type=click.Path(exists=True, dir_okay=False),
    multiple=True,
    expose_value=False,
    callback=_register_outlets,
    metavar="FILE",
    help="An outlet registry file (CSV: name, aliases, domains, country, ownership, company) "
    "to add to the built-in registry; may be repeated.",
)
config_options = [
    click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        help="Read the settings from this TOML file (storydiff config show prints one).",
    ),
    click.option(
        "--set",
        "settings",
        multiple=True,
        callback=_parse_settings,
        metavar="SECTION.KEY=VALUE",
        help="Change one setting, over --config (repeatable), e.g. --set alignment.point=0.8.",
    ),
]
pipeline_option = click.option(
    "--pipeline",
    help="Installed spaCy pipeline to use (pipeline.name; default: STORYDIFF_PIPELINE, else "
    f"{DEFAULTS.pipeline.name}).",
)
common_input_options = [
    click.argument("inputs", nargs=-1),
    pipeline_option,
    click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        help="Largest article accepted, in bytes (reading.max_bytes; default: "
        f"{DEFAULTS.reading.max_bytes}).",
    ),
    click.option(
        "--columns",
        callback=_parse_columns,
        metavar="FIELD=COLUMN,...",
        help="Column names of CSV, Parquet and JSON Lines inputs, e.g. text=body,title=headline "
        f"(reading.columns; fields: {', '.join(COLUMN_FIELDS)}).",
    ),
    click.option(
        "--fetch-links",
        is_flag=True,
        default=None,
        help="For RSS and Atom feeds, fetch the page each entry links to (uses the network; "
        "reading.fetch_links).",
    ),
    *limit_options(),
    click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes analysing in parallel (each loads the pipeline once); output is the "
        f"same in the same order. This machine has {os.cpu_count()} cores.",
    ),
    outlets_option,
]


def configured(function: Any) -> Any:
    """--config and --set, with the options that stand for one setting (``NAMED_OPTIONS``),
    gathered into one ``config`` argument (``_configuration``)."""

    @functools.wraps(function)  # keeps the name, the help and the options declared below
    def gathered(**kwargs: Any) -> Any:
        named = {
            setting: kwargs.pop(option)
            for option, setting in NAMED_OPTIONS.items()
            if option in kwargs
        }
        config = _configuration(kwargs.pop("config_file"), kwargs.pop("settings"), named)
        return function(config=config, **kwargs)

    for option in reversed(config_options):
        gathered = option(gathered)
    return gathered


def input_options(function: Any) -> Any:
    """The input options and the configuration: the command gets ``inputs``, ``config``,
    ``workers`` and ``limits`` (the input limits, ``ReadOptions``)."""

    @functools.wraps(function)
    def limited(**kwargs: Any) -> Any:
        limits = ReadOptions(**{name: kwargs.pop(name) for name in LIMITS})
        return function(limits=limits, **kwargs)

    gathered = configured(limited)
    for option in reversed(common_input_options):
        gathered = option(gathered)
    return gathered


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks for unexpected errors.")
@click.version_option(package_name="storydiff")
@click.pass_context
def cli(context: click.Context, debug: bool) -> None:
    """Show how different news outlets tell the same story.

    INPUT may be plain-text scrapes, HTML pages, JSON Lines files (one article per line),
    directories (read recursively) or - for standard input.
    """
    context.obj = {"debug": debug}


@cli.command()
@input_options
@output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "md"]),
    default="jsonl",
    show_default=True,
)
def analyze(
    inputs: tuple[str, ...],
    config: Config,
    workers: int,
    limits: ReadOptions,
    output: str | None,
    fmt: str,
) -> None:
    """Clean and analyse each article: title, outlet, body, removed furniture, entities, quotes.

    Writes one JSON record per article (JSON Lines by default), in input order, each with the
    run block that says what produced it.
    """
    if not inputs:
        raise click.UsageError("give at least one INPUT")
    failures = Failures()
    analyses = _analysis_stream(inputs, config, workers, failures, limits)
    with _output_stream(output) as out:
        if fmt == "md":
            out.writelines(analyses_markdown(analyses))
        else:
            run = api.run_record(config).to_dict()
            records = ({**a.to_dict(), "run": run} for a in analyses)
            if fmt == "jsonl":
                out.writelines(to_json(record) + "\n" for record in records)
            else:
                _write_json_array(out, records)
                out.write("\n")
    sys.exit(1 if failures.count else 0)


@contextmanager
def _output_stream(output: str | None) -> Iterator[TextIO]:
    """Standard output or the file, written record by record as analyses come: memory stays
    flat however many articles there are, and the records finished before a failure are on
    disk."""
    if output in (None, "-"):
        yield sys.stdout
    else:
        with open(output, "w", encoding="utf-8") as handle:
            yield handle


def _write_json_array(out: TextIO, records: Iterable[Any], depth: int = 0) -> None:
    """The records as one indented JSON array, as ``to_json(list, indent=2)`` writes it at
    ``depth`` (0: the whole document; 1: a value of its top object), one record at a time.
    No newline after the closing bracket."""
    inner = "\n" + "  " * (depth + 1)
    out.write("[")
    written = 0
    for record in records:
        item = to_json(record, indent=2).replace("\n", inner)
        out.write(f"{',' if written else ''}{inner}{item}")
        written += 1
    out.write("\n" + "  " * depth + "]" if written else "]")


def _compare(
    analyses: list[Analysis], failures: Failures, output: str | None, fmt: str, config: Config
) -> int:
    """Compare and write the report; the exit code."""
    try:
        report = api.compare(analyses, config=config, on_repeat=_note_repeat)
    except ConfigError as error:
        if error.code is not Code.E012:
            raise
        click.echo(f"storydiff: error: {error}", err=True)
        return 1 if failures.count else 2
    doubt = story_doubt(report.comparison)
    if doubt:
        click.echo(f"storydiff: warning: {doubt}", err=True)
    if mixed := languages_warning(analyses):
        click.echo(f"storydiff: warning: {mixed}", err=True)
    for article_id, note in coverage_notes(analyses).items():
        click.echo(f"storydiff: note: article {article_id}: {note}", err=True)
    text = report.render(fmt)
    if fmt == "html":
        path = Path(output or "report.html")
        path.write_text(text, encoding="utf-8")
        click.echo(f"Report written to {path.resolve()}", err=True)
    else:
        _write(text, output)
    return 1 if failures.count else 0


def _note_repeat(repeat: Analysis, first: Analysis) -> None:
    click.echo(
        f"storydiff: note: {where(repeat.article.source, repeat.article.line)} is the same "
        f"article as {where(first.article.source, first.article.line)}; it is compared once",
        err=True,
    )


def _registered(
    get: Callable[[str], object],
) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """An option callback: the value, when given, must name a registered part (E023 lists the
    known ones), checked before any article is read."""

    def check(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
        try:
            if value is not None:
                get(value)
        except OptionError as error:
            raise click.BadParameter(str(error)) from None
        return value

    return check


similarity_option = click.option(
    "--similarity",
    callback=_registered(get_backend),
    help="How statements are matched across articles (similarity.backend; default: "
    f"{DEFAULTS.similarity.backend}): storydiff.similarity.hybrid.v1, "
    "storydiff.similarity.tfidf.v1, storydiff.similarity.static.v1, or a backend another "
    "package registers.",
)


@cli.command()
@input_options
@output_option
@click.option(
    "--format",
    "fmt",
    default="html",
    show_default=True,
    callback=_registered(get_renderer),
    help=f"{', '.join(FORMATS)}, or the name of a renderer another package registers.",
)
@similarity_option
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, exists=True),
    help="With --story: the store that holds the story.",
)
@click.option("--story", help="Compare this story's articles from --store (see storydiff stories).")
def compare(
    inputs: tuple[str, ...],
    config: Config,
    workers: int,
    limits: ReadOptions,
    output: str | None,
    fmt: str,
    store_path: str | None,
    story: str | None,
) -> None:
    """Compare two or more articles on one story: shared points, what only one says, who
    each quotes. HTML (default) is one self-contained file that loads nothing from the network.

    INPUT may be left out when --store and --story name a story of a corpus.
    """
    stored: list[Analysis] = []
    if story or store_path:
        if not (story and store_path):
            raise click.UsageError("--story and --store go together")
        with _store(store_path) as store:
            stored = store.story_analyses(story)
            successors = [] if stored else store.successors(story)
        if not stored:
            moved = f"; its articles are now in {', '.join(successors)}" if successors else ""
            raise click.UsageError(f"no story {story!r} in {store_path}{moved}")
    elif not inputs:
        raise click.UsageError("give the articles to compare, or --store and --story")
    failures = Failures()
    read = _analyses(inputs, config, workers, failures, limits) if inputs else []
    sys.exit(_compare([*stored, *read], failures, output, fmt, config))


@cli.command()
@input_options
@click.option(
    "--store",
    "store_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The SQLite store to add to (created if missing).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH,
    show_default=True,
    help="Articles analysed and committed together.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Analyse in local processes, or on Ray Data (pip install 'storydiff[ray]').",
)
@click.option(
    "--address",
    help="With --engine ray: the cluster to use (ray://host:10001 or auto); default: a local "
    "Ray with --workers CPUs.",
)
@click.option(
    "--stories/--no-stories",
    default=True,
    show_default=True,
    help="Group the store into stories and mark copies when articles were added.",
)
def ingest(
    inputs: tuple[str, ...],
    config: Config,
    workers: int,
    limits: ReadOptions,
    store_path: str,
    batch_size: int,
    engine: str,
    address: str | None,
    stories: bool,
) -> None:
    """Add articles to a corpus store: files, directories, JSON Lines, CSV, Parquet, WARC or
    WARC.gz archives, RSS or Atom feeds (files or URLs).

    Articles already in the store are skipped before analysis, so a run can be stopped and
    started again, or fed overlapping inputs, and each article is stored once.
    """
    if not inputs:
        raise click.UsageError("give at least one INPUT")
    failures = Failures()
    analyzer = _engine(config, workers, engine, address)
    total = estimate_articles(inputs)
    started = time.monotonic()
    with _ingesting(store_path), _store(store_path) as store, _bar(total) as bar:
        summary = run_ingest(
            _articles(inputs, config, limits),
            store,
            analyzer.analyze,
            batch_size=batch_size,
            on_error=failures.report,
            on_read=bar.update,
        )
        stored = store.count()
        grouping = group_store(store, config=config) if stories and summary.regroup else None
    seconds = time.monotonic() - started
    click.echo(
        f"storydiff: read {summary.read}, new {summary.new}, updated {summary.updated}, "
        f"duplicates {summary.duplicates}, failed {summary.failed} in {seconds:.1f} s "
        f"({summary.read / seconds if seconds else 0:.1f} articles/s); "
        f"{stored} articles in {store_path}",
        err=True,
    )
    if grouping is not None:
        click.echo(
            f"storydiff: {grouping.stories} stories, {grouping.copies} copies of other articles",
            err=True,
        )
    for error in summary.failures:
        click.echo(f"storydiff: failed: {error}", err=True)
    sys.exit(1 if summary.failed else 0)


def _store(store_path: str) -> Store:
    """The store, saying on standard error when opening it brings it up to date first."""
    return Store(
        store_path, on_upgrade=lambda news: click.echo(f"storydiff: note: {news}", err=True)
    )


def _ingesting(store_path: str) -> AbstractContextManager[None]:
    """The store's ingest lock, saying so on standard error when another run holds it."""

    def waiting() -> None:
        click.echo(
            f"storydiff: note: another ingest is writing to {store_path}; waiting for it to finish",
            err=True,
        )

    return ingest_lock(Path(store_path), waiting)


def _bar(total: int | None) -> tqdm[NoReturn]:
    """Rate always, and an ETA when the inputs could be counted ahead."""
    return tqdm(
        total=total,
        desc="ingesting",
        unit=" article",
        file=sys.stderr,
        disable=None,
        delay=PROGRESS_DELAY,
    )


store_option = click.option(
    "--store",
    "store_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True),
    help="The SQLite store made by storydiff ingest.",
)


@cli.command("set")
@store_option
@click.argument("article_id", required=False)
@click.option("--outlet", help="The article's outlet.")
@click.option("--published", help="The article's date: YYYY-MM-DD, or an ISO date and time.")
@click.option("--title", help="The article's title.")
@click.option("--url", help="The article's URL.")
@click.option("--outlet-name", metavar="OLD", help="With --to: rename this outlet everywhere.")
@click.option("--to", "to_name", metavar="NEW", help="The name --outlet-name becomes.")
@outlets_option
@click.option(
    "--stories/--no-stories",
    default=True,
    show_default=True,
    help="Regroup the store into stories when an outlet, a date or a title changed.",
)
@configured
def set_command(
    config: Config,
    store_path: str,
    article_id: str | None,
    outlet: str | None,
    published: str | None,
    title: str | None,
    url: str | None,
    outlet_name: str | None,
    to_name: str | None,
    stories: bool,
) -> None:
    """Correct a stored article's outlet, date, title or URL (storydiff set --store F ID
    --outlet X), or an outlet's name in every article (--outlet-name OLD --to NEW). The
    outlet's country and ownership follow the outlet, and dates such as "yesterday" follow
    the date."""
    given = {"--outlet": outlet, "--published": published, "--title": title, "--url": url}
    if (outlet_name is None) != (to_name is None):
        raise click.UsageError("--outlet-name and --to go together")
    if outlet_name is not None and to_name is not None:  # one is given only with the other
        if article_id is not None or any(v is not None for v in given.values()):
            raise click.UsageError("--outlet-name renames an outlet everywhere: give no ARTICLE_ID")
        with _store(store_path) as store:
            renamed = rename_outlet(store, outlet_name, to_name, regroup=stories, config=config)
        click.echo(
            f"storydiff: {renamed} articles of {outlet_name!r} are now {to_name!r}", err=True
        )
        return
    if article_id is None or all(v is None for v in given.values()):
        raise click.UsageError(f"give ARTICLE_ID and at least one of {', '.join(given)}")
    with _store(store_path) as store:
        changed = set_metadata(
            store,
            article_id,
            outlet=outlet,
            published=published,
            title=title,
            url=url,
            regroup=stories,
            config=config,
        )
    what = ", ".join(sorted(changed)) if changed else "nothing (the values are the same)"
    click.echo(f"storydiff: changed {what} of {article_id} in {store_path}", err=True)


@cli.command()
@input_options
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False),
    help="Group this store (after adding any INPUT to it).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True
)
@output_option
def stories(
    inputs: tuple[str, ...],
    config: Config,
    workers: int,
    limits: ReadOptions,
    store_path: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """Group articles into stories: the same event across outlets. Works on INPUT, on a
    store, or adds INPUT to the store first. Open a story with
    storydiff compare --store FILE --story ID."""
    failures = Failures()
    if store_path is None:
        if not inputs:
            raise click.UsageError("give INPUT, or --store")
        records = story_records(_analysis_stream(inputs, config, workers, failures, limits), config)
        _write_stories(iter(records), fmt, output, config)
    else:
        with _ingesting(store_path), _store(store_path) as store:
            if inputs:
                run_ingest(
                    _articles(inputs, config, limits),
                    store,
                    _engine(config, workers).analyze,
                    on_error=failures.report,
                )
            group_store(store, config=config)
            _write_stories(stored_stories(store), fmt, output, config)
    sys.exit(1 if failures.count else 0)


def _write_stories(
    records: Iterator[StoryRecord], fmt: str, output: str | None, config: Config
) -> None:
    """The stories as they are read, one record at a time: a store's stories are never all
    in memory at once."""
    found = (record.to_dict() for record in records)
    with _output_stream(output) as out:
        if fmt == "jsonl":
            out.writelines(to_json(record) + "\n" for record in found)
            return
        # The top object as _dump writes it, its last value ("stories") streamed in place.
        run = api.run_record(config).to_dict()
        head = _dump({"schema": SCHEMA, "run": run, "stories": []})
        cut = head.rindex("[]")
        out.write(head[:cut])
        _write_json_array(out, found, depth=1)
        out.write(head[cut + 2 :])


@cli.command()
@store_option
@configured
@click.option(
    "--actor",
    help="Any alias of an actor (storydiff actors lists them), or a group such as 'armed groups'.",
)
@click.option("--label", help="A label term, such as 'rebel' or 'terrorist'.")
@click.option("--speaker", help="A speaker's name.")
@click.option(
    "--by", "period", type=click.Choice(list(PERIODS)), default="month", show_default=True
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "svg"]),
    default="table",
    show_default=True,
)
@output_option
def trends(
    store_path: str,
    config: Config,
    actor: str | None,
    label: str | None,
    speaker: str | None,
    period: str,
    fmt: str,
    output: str | None,
) -> None:
    """Follow one actor, label or speaker per outlet per week or month: articles, stories,
    quotes, and labels by voice. (--config and --set are taken, as by every command, and
    checked; the counts come from the store as it was analysed, so no setting changes them.)"""
    chosen = {"actor": actor, "label": label, "speaker": speaker}
    given = [(subject, name) for subject, name in chosen.items() if name]
    if len(given) != 1:
        raise click.UsageError("give exactly one of --actor, --label or --speaker")
    subject, name = given[0]
    with _store(store_path) as store:
        result = trend(store, subject, name, period)
    if result.undated:
        click.echo(
            f"storydiff: note: {result.undated} matching articles have no date and are left out",
            err=True,
        )
    _write(render_trend(result, fmt), output)


@cli.command()
@store_option
@click.option("--kind", help="Only actors of this kind: PERSON, GPE, ORG, NORP, LOC or FAC.")
@click.option("--search", help="Only actors with an alias containing this (any case).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@output_option
def actors(
    store_path: str, kind: str | None, search: str | None, fmt: str, output: str | None
) -> None:
    """List the store's actors, in most articles first, with their aliases, kinds and counts:
    any alias names the actor to trends --actor and export --actor."""
    with _store(store_path) as store:
        found = list_actors(store, kind, search)
    if fmt == "json":
        text = _dump({"schema": SCHEMA, "actors": [a.to_dict() for a in found]})
    else:
        text = render_actors(found)
    _write(text, output)


@cli.command()
@click.option(
    "--store",
    "store_path",
    required=True,
    help="The SQLite store made by storydiff ingest (read, never written).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="The port (default: a free one)."
)
def serve(store_path: str, host: str, port: int) -> None:
    """Browse the store in a web browser: stories, each story's comparison and coverage,
    outlets, actors, labels, trends and the sentences behind every number (needs
    storydiff[web]). Prints the URL; Ctrl-C stops it."""
    from storydiff.web.app import serve as serve_store

    def ready(url: str) -> None:
        click.echo(f"storydiff: serving {store_path} read-only; Ctrl-C stops", err=True)
        click.echo(url)

    serve_store(store_path, host, port, on_ready=ready)


@cli.command()
@store_option
@click.option("--table", type=click.Choice(list(EXPORT_TABLES)), required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    help="Default: the one the -o file's extension names (.parquet, .csv, .jsonl).",
)
@click.option("-o", "--output", required=True, help="The file to write, or - for standard output.")
@click.option(
    "--actor",
    help="Any alias of a stored actor: only its rows, and those of the articles naming it.",
)
def export(store_path: str, table: str, fmt: str | None, output: str, actor: str | None) -> None:
    """Write one of the store's tables (articles, quotes, labels, quantities, entities,
    stories, actors, actor_aliases, actor_mentions) as Parquet, CSV or JSON Lines; a row of
    quotes, labels, quantities, entities or actor mentions carries its article's outlet, date
    and title."""
    to_stdout = output == "-"
    if fmt is None:
        if to_stdout:
            raise click.UsageError(
                "standard output has no extension to tell the format: give --format "
                + "|".join(EXPORT_FORMATS)
            )
        try:
            fmt = export_format(output)
        except OptionError as error:
            raise click.UsageError(str(error)) from None
    if to_stdout and fmt == "parquet" and sys.stdout.isatty():
        raise click.UsageError(
            "Parquet is binary: send standard output to a file or a pipe, or give -o FILE"
        )
    with _store(store_path) as store:
        target = sys.stdout.buffer if to_stdout else output
        rows = export_table(store, table, target, fmt, actor)
    where = "standard output" if to_stdout else output
    click.echo(f"storydiff: wrote {rows} rows of {table} as {fmt} to {where}", err=True)


@cli.command()
@click.option(
    "-o", "--output", default="report.html", show_default=True, help="Where to write the report."
)
@pipeline_option
@configured
def demo(output: str, config: Config) -> None:
    """Compare the bundled example: two outlets' articles on the same day about one offensive."""
    examples = sorted(str(p) for p in EXAMPLE_DIR.glob("*.txt"))
    if not examples:
        raise ConfigError(
            Code.E026,
            what="the bundled example",
            place=EXAMPLE_DIR,
            detail="no .txt articles there",
            package="storydiff",
        )
    failures = Failures()
    analyses = _analyses(tuple(examples), config, 1, failures)
    sys.exit(_compare(analyses, failures, output, "html", config))


@cli.group("config")
def config_group() -> None:
    """The run configuration: every setting storydiff reads (docs/INTERFACE.md lists them)."""


@config_group.command("show")
@configured
def config_show(config: Config) -> None:
    """Print the configuration a run would use, as TOML: the defaults (STORYDIFF_PIPELINE for
    pipeline.name), then --config, then --set. Save it to a file, edit it, and pass it to any
    command with --config."""
    click.echo(config.to_toml(), nl=False)


def main() -> None:
    """Entry point: turns storydiff's own errors into one line and exit code 1 or 2."""
    debug = "--debug" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False, prog_name="storydiff")
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("storydiff: aborted", err=True)
        sys.exit(1)
    except OSError as error:
        if debug:
            raise
        # Writing the output failed (an unwritable -o path, a full disk): say which file.
        name = error.filename or "the output"
        click.echo(f"storydiff: error: cannot write {name}: {error.strerror or error}", err=True)
        sys.exit(1)
    except StorydiffError as error:
        if debug:
            raise
        click.echo(f"storydiff: error: {error}", err=True)
        # A configuration that cannot work (an uninstalled pipeline) is a usage error.
        sys.exit(2 if isinstance(error, ConfigError) else 1)
    except Exception as error:  # noqa: BLE001 — no traceback without --debug
        if debug:
            raise
        click.echo(
            f"storydiff: error: {type(error).__name__}: {error} (run with --debug for details)",
            err=True,
        )
        sys.exit(1)
