"""Spreadsheet formulas in every field of an article are neutralised in every CSV storydiff
writes: each table of ``storydiff export`` and the CSV of ``storydiff trends``. Parquet and
JSON Lines keep every value as it is."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as parquet
import pytest

from storydiff.render import render_trend
from storydiff.store import Store
from storydiff.store.export import TABLES, export
from storydiff.store.grouping import group_store
from storydiff.store.trends import trend

from .hostile import FORMULAS, formula_analyses

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "hostile.db"
    with Store(path) as created:
        created.add(formula_analyses())
        # Each article a story of its own, then grouped: the merged stories record where
        # they came from, so that story_sources has rows too.
        ids = [row["id"] for row in created.query("SELECT id FROM articles")]
        created.replace_stories([(f"s{k}", None, None, None, [i]) for k, i in enumerate(ids)], {})
        group_store(created)
    with Store(path) as opened:
        yield opened


def _cells(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [cell for row in rows[1:] for cell in row]


def _exported(store: Store, table: str, fmt: str) -> bytes:
    stream = io.BytesIO()
    export(store, table, stream, fmt)
    return stream.getvalue()


@pytest.mark.parametrize("table", list(TABLES))
def test_no_csv_cell_of_any_table_starts_like_a_formula(store, table):
    cells = _cells(_exported(store, table, "csv").decode("utf-8"))
    assert cells
    assert [c for c in cells if c.startswith(FORMULA_START)] == []


def test_the_formulas_are_there_as_text(store):
    cells = set(_cells(_exported(store, "quotes", "csv").decode("utf-8")))
    assert {f"'{formula}" for formula in FORMULAS} <= cells
    articles = set(_cells(_exported(store, "articles", "csv").decode("utf-8")))
    assert f"'{FORMULAS[0]}" in articles  # a title


def test_parquet_and_json_lines_keep_every_value_as_it_is(store):
    lines = _exported(store, "quotes", "jsonl").decode("utf-8").splitlines()
    assert {json.loads(line)["speaker"] for line in lines} == set(FORMULAS)
    table = parquet.read_table(io.BytesIO(_exported(store, "quotes", "parquet")))
    assert set(table.column("speaker").to_pylist()) == set(FORMULAS)


@pytest.mark.parametrize("subject", ["speaker", "actor", "label"])
def test_no_cell_of_a_trend_starts_like_a_formula(store, subject):
    result = trend(store, subject, FORMULAS[0], "month")
    assert result.rows
    cells = _cells(render_trend(result, "csv"))
    assert [c for c in cells if c.startswith(FORMULA_START)] == []
    assert any(c.startswith("'") for c in cells)  # the outlet, a formula, neutralised
