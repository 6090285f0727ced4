"""The command line's options for the limits of ``ReadOptions``, one option a field.

Each option is named after its field (``max_line_chars`` is ``--max-line-chars``) and takes its
default from it, so the command line, the Python API and the documentation cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

import click

from storydiff.sources.readers import MAX_PARSED_DEPTH, ReadOptions

# Each limit's help; ``--max-bytes``, ``--columns`` and ``--fetch-links`` are the input options
# every command has had.
HELP = {
    "max_line_chars": "Longest line of an article's text, in characters.",
    "max_html_depth": f"Deepest nesting of elements in an HTML page (at most {MAX_PARSED_DEPTH}).",
    "max_number_chars": "Longest number in an article's text, in characters.",
    "max_records": "Most records read from one file of many articles (JSON Lines, CSV, "
    "Parquet, WARC, feed).",
    "max_feed_bytes": "Largest feed, read from a file or fetched, in bytes.",
    "connect_timeout": "Seconds to wait for a connection when fetching a URL.",
    "fetch_timeout": "Seconds a whole fetch may take (headers, redirects and body).",
    "max_redirects": "Most redirects followed when fetching a URL.",
}
LIMITS = tuple(HELP)


def limit_options() -> list[Callable[[Any], Any]]:
    """The click options, in the order of ``HELP``."""
    defaults = {f.name: f.default for f in fields(ReadOptions)}
    options = []
    for name in LIMITS:
        default = defaults[name]
        kind: click.ParamType[Any]
        if isinstance(default, float):
            kind = click.FloatRange(min=0, min_open=True)
        elif name == "max_html_depth":
            kind = click.IntRange(1, MAX_PARSED_DEPTH)
        else:
            kind = click.IntRange(min=0 if name == "max_redirects" else 1)
        options.append(
            click.option(
                "--" + name.replace("_", "-"),
                name,
                type=kind,
                default=default,
                show_default=True,
                help=HELP[name],
            )
        )
    return options
