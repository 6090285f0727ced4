"""Stores and a running server for the web app's tests.

``make_store`` stores the two seed articles (dated, so that their story has a week), an
unrelated article of another outlet that week (an outlet active then that did not cover the
story), and the hostile articles (payloads in every field) in their own story. ``serving``
runs ``storydiff serve`` as a user would and yields the URL it prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from storydiff.model import Analysis, Article, article_id
from storydiff.store import Store
from storydiff.store.grouping import group_store

from .hostile import hostile_analyses

SEED_DATE = "2018-09-04"
OTHER_TEXT = "Football: the cup final ended in a draw after extra time on Wednesday evening."
OTHER_OUTLET = "Reuters"


def dated(analyses: list[Analysis], published: str) -> list[Analysis]:
    return [replace(a, article=replace(a.article, published=published)) for a in analyses]


def other_article() -> Analysis:
    article = Article(
        article_id(OTHER_TEXT),
        "football.txt",
        OTHER_TEXT,
        title="Cup final drawn",
        outlet=OTHER_OUTLET,
        published="2018-09-05",
    )
    return Analysis(article)


def make_store(path: Path, seeds: list[Analysis], hostile: bool = True) -> Path:
    with Store(path) as store:
        store.add(dated(seeds, SEED_DATE))
        store.add([other_article()])
        if hostile:
            store.add(hostile_analyses())
        group_store(store)
    return path


@contextmanager
def serving(store: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """``storydiff serve --store STORE`` on a free port: the stories page's URL it prints,
    and the process (its standard error holds what it said)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "storydiff", "serve", "--store", str(store), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://"), process.stderr.read() if process.stderr else url
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)
