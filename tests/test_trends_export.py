"""Following a speaker, a label or an actor through a store over time, and exporting tables."""

from __future__ import annotations

import csv
import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from storydiff.cli import cli
from storydiff.model import Analysis, Article, Entity, Label, Quote, Span, Speaker
from storydiff.render import render_trend
from storydiff.render.charts import CHAR_WIDTH
from storydiff.render.trends import timeline
from storydiff.store import Store
from storydiff.store.export import TABLES, export, spreadsheet_safe
from storydiff.store.trends import Trend, trend

TEXT = 'The minister said "the rebels will talk". Rebels and terrorists fought on.'


def _analysis(number: int, outlet: str, published: str | None, voice: str) -> Analysis:
    article = Article(
        id=f"a{number}",
        source=f"{number}.txt",
        text=f"{TEXT} Report {number}.",
        outlet=outlet,
        published=published,
        title=f"Report {number}",
    )
    quote = Quote(
        Speaker("Ana Lima", "e1"), Span(26, 40, "the rebels will"), "direct", Span(13, 17, "said")
    )
    label = Label(
        27,
        33,
        "rebels",
        term="rebel",
        category="armed groups",
        contested=False,
        actor="armed groups",
        voice=voice,
    )
    minister = Entity("e1", "Ana Lima", "PERSON", (Span(4, 12, "minister"),))
    return Analysis(article, (minister,), (quote,), labels=(label,))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add(
            [
                _analysis(1, "Daily", "2024-01-05", "own"),
                _analysis(2, "Daily", "2024-01-20", "attributed"),
                _analysis(3, "Herald", "2024-02-02", "own"),
                _analysis(4, "Herald", None, "own"),
            ]
        )
        yield store


def test_a_speaker_per_outlet_per_month(store):
    result = trend(store, "speaker", "ana lima", "month")
    assert result.columns[:3] == ("period", "outlet", "quotes")
    assert [row[:4] for row in result.rows] == [
        ("2024-01", "Daily", 2, 2),
        ("2024-02", "Herald", 1, 1),
    ]
    assert result.undated == 1


def test_a_label_by_voice_and_an_actor_by_week(store):
    label = trend(store, "label", "rebel", "week")
    assert [(r[1], r[2], r[3]) for r in label.rows] == [
        ("Daily", "own", 1),
        ("Daily", "attributed", 1),
        ("Herald", "own", 1),
    ]
    actor = trend(store, "actor", "armed groups", "month")
    by_outlet = {(r[0], r[1]): dict(zip(actor.columns, r, strict=True)) for r in actor.rows}
    assert by_outlet[("2024-01", "Daily")]["labels_own"] == 1
    assert by_outlet[("2024-01", "Daily")]["labels_quoted"] == 1


def test_a_trend_renders_as_a_table_csv_and_an_svg_chart(store):
    result = trend(store, "speaker", "Ana Lima")
    table = render_trend(result, "table").splitlines()
    assert table[0].split() == ["period", "outlet", "quotes", "articles", "stories"]
    assert list(csv.reader(render_trend(result, "csv").splitlines()))[1][:3] == [
        "2024-01",
        "Daily",
        "2",
    ]
    svg = render_trend(result, "svg")
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert svg.count("<polyline") == 2 and "Daily, 2024-01: 2" in svg


def test_every_table_exports_to_every_format(store, tmp_path):
    for table in TABLES:
        for fmt in ("parquet", "csv", "jsonl"):
            path = tmp_path / f"{table}.{fmt}"
            rows = export(store, table, path, fmt)
            if fmt == "parquet":
                assert pq.read_table(path).num_rows == rows
            elif fmt == "csv":
                assert len(list(csv.reader(path.open(encoding="utf-8")))) == rows + 1
            else:
                assert len([json.loads(line) for line in path.open(encoding="utf-8")]) == rows
    assert (
        pq.read_table(tmp_path / "quotes.parquet").column("speaker").to_pylist() == ["Ana Lima"] * 4
    )


def test_the_commands_need_one_subject_and_an_existing_store(store, tmp_path):
    runner = CliRunner()
    both = runner.invoke(
        cli, ["trends", "--store", str(store.path), "--label", "x", "--speaker", "y"]
    )
    assert both.exit_code == 2 and "exactly one" in both.output
    missing = runner.invoke(cli, ["trends", "--store", str(tmp_path / "none.db"), "--label", "x"])
    assert missing.exit_code == 2
    done = runner.invoke(
        cli,
        [
            "export",
            "--store",
            str(store.path),
            "--table",
            "labels",
            "--format",
            "csv",
            "-o",
            str(tmp_path / "labels.csv"),
        ],
    )
    assert done.exit_code == 0 and (tmp_path / "labels.csv").exists()


def test_csv_cells_that_start_like_a_formula_are_written_as_text(tmp_path):
    hostile = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tTab"]
    with Store(tmp_path / "h.db") as store:
        store.add(
            [
                Analysis(
                    Article(
                        id=f"h{n}",
                        source="h.txt",
                        text=f"{TEXT} Report {n}.",
                        outlet=outlet,
                        published="2024-01-05",
                        title=outlet,
                    ),
                    (Entity("e1", "Ana Lima", "PERSON", (Span(4, 12, "minister"),)),),
                    (Quote(Speaker("Ana Lima", "e1"), Span(26, 40, "the rebels will"), "direct"),),
                )
                for n, outlet in enumerate(hostile)
            ]
        )
        path = tmp_path / "articles.csv"
        export(store, "articles", path, "csv")
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        table = list(
            csv.reader(render_trend(trend(store, "speaker", "Ana Lima"), "csv").split("\n"))
        )
    assert [r["title"] for r in rows] == [f"'{h}" for h in hostile]
    assert sorted(r[1] for r in table[1:] if r) == sorted(f"'{h}" for h in hostile)
    assert spreadsheet_safe([-5, "-5", None, "a=b"]) == [-5, "'-5", None, "a=b"]  # text only
    with Store(tmp_path / "h.db") as store:
        export(store, "articles", tmp_path / "articles.jsonl", "jsonl")
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines] == hostile  # JSON keeps the values


def _export(store, *args):
    return CliRunner().invoke(cli, ["export", "--store", str(store.path), *args])


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("q.csv", lambda p: next(csv.reader(p.open(encoding="utf-8")))),
        ("q.jsonl", lambda p: list(json.loads(p.open(encoding="utf-8").readline()))),
        ("q.parquet", lambda p: pq.read_table(p).column_names),
        ("Q.PQ", lambda p: pq.read_table(p).column_names),
    ],
)
def test_export_writes_the_format_its_file_name_asks_for(store, tmp_path, name, read):
    done = _export(store, "--table", "quotes", "-o", str(tmp_path / name))
    assert done.exit_code == 0, done.output
    assert read(tmp_path / name)[:4] == ["article_id", "outlet", "published", "title"]


def test_an_explicit_format_wins_over_the_extension(store, tmp_path):
    path = tmp_path / "quotes.data.csv"
    done = _export(store, "--table", "quotes", "--format", "jsonl", "-o", str(path))
    assert done.exit_code == 0 and json.loads(path.read_text().splitlines()[0])["number"] == 0


@pytest.mark.parametrize(
    ("name", "hint"), [("q.json", ".jsonl"), ("q.xlsx", "--format"), ("q", "")]
)
def test_an_extension_that_names_no_format_is_a_usage_error(store, tmp_path, name, hint):
    done = _export(store, "--table", "quotes", "-o", str(tmp_path / name))
    assert done.exit_code == 2 and "cannot tell the format" in done.output and hint in done.output
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_dash_writes_text_to_standard_output_and_no_file(store, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    done = _export(store, "--table", "quotes", "--format", fmt, "-o", "-")
    assert done.exit_code == 0 and not (tmp_path / "-").exists()
    lines = done.stdout.splitlines()
    rows = list(csv.DictReader(lines)) if fmt == "csv" else [json.loads(x) for x in lines]
    assert [r["speaker"] for r in rows] == ["Ana Lima"] * 4
    assert "wrote 4 rows of quotes as " + fmt + " to standard output" in done.stderr


def test_dash_writes_parquet_bytes_to_a_pipe_and_needs_a_format(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = _export(store, "--table", "labels", "--format", "parquet", "-o", "-")
    assert done.exit_code == 0 and not (tmp_path / "-").exists()
    assert pq.read_table(pa.BufferReader(done.stdout_bytes)).num_rows == 4
    unknown = _export(store, "--table", "labels", "-o", "-")
    assert unknown.exit_code == 2 and "--format" in unknown.output


def test_exported_rows_carry_their_articles_outlet_date_and_title(store, tmp_path):
    for table in ("quotes", "labels", "entities"):
        rows = [
            json.loads(x)
            for x in _export(
                store, "--table", table, "--format", "jsonl", "-o", "-"
            ).stdout.splitlines()
        ]
        assert [(r["article_id"], r["outlet"], r["published"], r["title"]) for r in rows] == [
            ("a1", "Daily", "2024-01-05", "Report 1"),
            ("a2", "Daily", "2024-01-20", "Report 2"),
            ("a3", "Herald", "2024-02-02", "Report 3"),
            ("a4", "Herald", None, "Report 4"),
        ]
    export(store, "quantities", tmp_path / "n.parquet", "parquet")
    assert pq.read_schema(tmp_path / "n.parquet").field("published").type == pa.string()


def _trend(by: str, rows: list[tuple]) -> Trend:
    columns = ("period", "outlet", "quotes", "articles", "stories")
    return Trend("speaker", "Ana Lima", by, columns, tuple(rows), 0)


def test_a_trend_chart_spaces_time_as_it_passed():
    rows = [("2024-01", "Daily", 2, 2, 1), ("2024-02", "Daily", 1, 1, 1)]
    rows.append(("2024-06", "Daily", 4, 3, 1))
    svg = render_trend(_trend("month", rows), "svg")
    points = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    # January to February is 31 days, February to June 121: the gap keeps its width.
    assert (points[2] - points[1]) / (points[1] - points[0]) == pytest.approx(121 / 31, rel=0.01)
    assert "2024-04" in svg  # an empty month is on the axis
    assert svg.count("<circle") == 3  # and has no point of its own


def test_weeks_across_new_year_are_each_placed_where_they_start():
    periods, days = timeline(["2024-W52", "2025-W01"], "week")
    assert periods == ["2024-W52", "2024-W53", "2025-W00", "2025-W01"]
    assert days == [0.0, 7.0, 9.0, 14.0]  # 2025-W00 is 1 to 5 January


def test_every_label_of_a_trend_chart_is_inside_its_frame():
    rows = [(f"2023-{m:02d}", "Daily Planet Evening Edition", m, 1, 1) for m in range(1, 13)]
    svg = render_trend(_trend("month", rows), "svg")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    texts = re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)"[^>]*>([^<]*)<', svg)
    assert len(texts) > 8
    for x, anchor, text in texts:
        extent = CHAR_WIDTH * len(text)
        begins = float(x) - {"start": 0, "middle": extent / 2, "end": extent}[anchor]
        assert begins >= 0 and begins + extent <= width, (text, x, anchor)
