"""The commands end to end, as a user runs them: output, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS, SKY, SPUTNIK


def run(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storydiff", *args],
        capture_output=True,
        cwd=cwd,
        input=stdin,
        timeout=300,
    )


def test_analyze_writes_one_record_per_article(gold):
    result = run("analyze", str(SKY), str(SPUTNIK))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["title"] for r in records] == [
        gold["articles"][p.name]["title"] for p in (SKY, SPUTNIK)
    ]
    assert [r["outlet"] for r in records] == ["Sky News", "Sputnik International"]
    assert all(r["schema"] == "storydiff/1" for r in records)
    assert records[1]["removed"][0] == {
        "text": "- Sputnik International",
        "reason": "navigation",
        "line": 1,
    }


def test_analyze_reads_standard_input():
    result = run("analyze", "-", "--format", "json", stdin=SKY.read_bytes())
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["source"] == "<stdin>"
    assert record["outlet"] == "Sky News"


def test_bad_inputs_are_named_and_the_rest_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (tmp_path / "huge.txt").write_bytes(b"word " * (4 * 1024 * 1024))
    (tmp_path / "nopage.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    (tmp_path / "odd.txt").write_bytes(bytes(range(128, 256)) * 50)
    bad = ["empty.txt", "binary.bin", "huge.txt", "nopage.html", "odd.txt", "missing.txt"]
    result = run("analyze", str(SKY), *(str(tmp_path / name) for name in bad))
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert "Traceback" not in result.stderr.decode()
    for name in bad:
        assert sum(name in line for line in errors) == 1, (name, errors)
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["outlet"] for r in records] == ["Sky News"]


def test_compare_writes_html_and_says_where(tmp_path):
    result = run("compare", str(SKY), str(SPUTNIK), "-o", str(tmp_path / "out.html"))
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / "out.html") in result.stderr.decode()
    assert "may not be about one story" not in result.stderr.decode()
    page = (tmp_path / "out.html").read_text()
    assert "Sky News" in page and "Sputnik International" in page
    assert "Dmitry Peskov" in page
    framing = page[page.index('id="framing"') : page.index('id="points"')]
    assert "rebel" in framing and "scare-quoted" in framing and "attributed" in framing


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_compare_other_formats(fmt):
    result = run("compare", str(SEEDS), "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    if fmt == "json":
        assert len(json.loads(out)["articles"]) == 2
    else:
        assert "Oleg Syromolotov" in out and "| Speaker |" in out


def test_compare_needs_two_articles_is_a_usage_error():
    result = run("compare", str(SKY), "--format", "json")
    assert result.returncode == 2
    assert "at least two articles" in result.stderr.decode()


def test_unknown_option_is_a_usage_error():
    result = run("analyze", "--no-such-option", str(SKY))
    assert result.returncode == 2


def test_demo_writes_report_in_working_directory(tmp_path):
    result = run("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.html").exists()
    assert "report.html" in result.stderr.decode()


def test_help_explains_each_command():
    for command in ("analyze", "compare", "demo"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert len(result.stdout.decode()) > 200


def test_pipeline_setting_names_an_uninstalled_pipeline():
    result = run("analyze", "--pipeline", "xx_no_such_pipeline", str(SKY))
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert "xx_no_such_pipeline" in stderr and "E011" in stderr
    assert "Traceback" not in stderr


def test_max_bytes_must_be_positive():
    result = run("analyze", "--max-bytes", "0", str(SKY))
    assert result.returncode == 2


def test_same_article_twice_is_compared_once():
    result = run("compare", str(SKY), str(SKY), "--format", "json")
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert "same article" in stderr and "at least two articles" in stderr


def test_unwritable_output_is_one_line(tmp_path):
    target = tmp_path / "missing-dir" / "report.html"
    result = run("compare", str(SKY), str(SPUTNIK), "-o", str(target))
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert lines == [f"storydiff: error: cannot write {target}: No such file or directory"]


def test_json_lines_errors_name_the_line(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    sky = json.dumps({"text": SKY.read_text(encoding="utf-8"), "outlet": "Example"})
    corpus.write_text(sky + '\n{"text": "Home\\nNews"}\n{"text": "broken\n', encoding="utf-8")
    result = run("analyze", str(corpus))
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert [line.split(": [")[0] for line in errors] == [
        f"storydiff: error: {corpus}:2",
        f"storydiff: error: {corpus}:3",
    ]
    (record,) = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert record["line"] == 1 and record["outlet"] == "Example"


def test_nothing_analysed_prints_nothing(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("analyze", str(tmp_path / "empty.txt"))
    assert result.returncode == 1
    assert result.stdout == b""


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_analyze_streams_records_to_a_file_with_failures_between(tmp_path, fmt):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / f"out.{fmt}"
    result = run(
        "analyze",
        str(SKY),
        str(tmp_path / "empty.txt"),
        str(SPUTNIK),
        "--format",
        fmt,
        "-o",
        str(out),
    )
    assert result.returncode == 1
    text = out.read_text(encoding="utf-8")
    records = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert [r["outlet"] for r in records] == ["Sky News", "Sputnik International"]
    if fmt == "json":
        assert text == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
