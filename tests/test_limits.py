"""Every input limit is a setting (a ``ReadOptions`` field and an option of the same name),
checked before the work it bounds, and an input over it is an error naming the input and the
limit; lone surrogates replaced while reading are counted in the article's warnings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storydiff.api import read
from storydiff.errors import Code, InputError, OptionError
from storydiff.model import Article, Document
from storydiff.sources import ReadOptions, read_inputs, read_text
from storydiff.sources.limits import check_html_depth

from .test_cli import run

BODY = (
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
    "to leave their homes as rescue teams worked through the night."
)


def _read(path: Path, **limits: object) -> list[Document | InputError]:
    return list(read_inputs([str(path)], options=ReadOptions(**limits)))


def _only_error(items: list) -> InputError:
    (item,) = items
    assert isinstance(item, InputError), item
    return item


def test_a_line_over_the_limit_is_e032_naming_the_line_and_the_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(f"Valley floods\n\n{BODY}\n\n{'word ' * 40}", encoding="utf-8")
    error = _only_error(_read(path, max_line_chars=150))
    assert error.code is Code.E034 and error.source == str(path)
    assert "line 5 has 200 characters, the limit is 150" in str(error)
    assert "--max-line-chars" in str(error)
    (document,) = _read(path, max_line_chars=200)
    assert document.text.rstrip().endswith("word")


def test_html_nested_past_the_limit_is_e033_before_it_is_parsed(tmp_path):
    def page(depth: int) -> str:
        return f"<html><body>{'<div>' * depth}<p>{BODY}</p>{'</div>' * depth}</body></html>"

    deep, fine = tmp_path / "deep.html", tmp_path / "fine.html"
    deep.write_text(page(31), encoding="utf-8")
    fine.write_text(page(30), encoding="utf-8")
    error = _only_error(_read(deep, max_html_depth=30))
    assert error.code is Code.E035 and "more than 30 deep" in str(error)
    (document,) = _read(fine, max_html_depth=30)
    assert document.text == BODY


def test_nesting_is_counted_as_a_parser_nests(tmp_path):
    # Unclosed paragraphs and list items close each other, void elements hold nothing, an end
    # tag closes what was left open inside it, and markup inside a script is not markup.
    flat = (
        "<p>a" * 500
        + "<li>b" * 500
        + "<br><img src=x>" * 500
        + "<div><span><b>x</div>" * 500
        + "<script>"
        + "<div>" * 500
        + "</script><!--"
        + "<div>" * 500
        + "-->"
    )
    check_html_depth(flat, "page", 5)
    with pytest.raises(InputError) as caught:
        check_html_depth("<div><section><span>" * 2, "page", 5)
    assert caught.value.code is Code.E035


def test_a_number_longer_than_the_limit_is_e034(tmp_path):
    path = tmp_path / "corpus.jsonl"
    text = f"{BODY} Officials counted {'9' * 41} people."
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    error = _only_error(_read(path, max_number_chars=40))
    assert error.code is Code.E036 and error.source == f"{path}:1"
    assert f"a number of 41 characters (from character {text.index('9')})" in str(error)
    (document,) = _read(path, max_number_chars=41)
    assert document.text == text


def test_records_past_the_limit_are_not_read_and_e035_says_so(tmp_path):
    jsonl, table = tmp_path / "corpus.jsonl", tmp_path / "corpus.csv"
    jsonl.write_text("".join(json.dumps({"text": f"{BODY} {n}"}) + "\n" for n in range(5)))
    table.write_text("text\n" + "".join(f'"{BODY} {n}"\n' for n in range(5)))
    for path in (jsonl, table):
        *documents, error = _read(path, max_records=3)
        assert [d.text[-1] for d in documents] == ["0", "1", "2"]
        assert error.code is Code.E037 and error.source == str(path)
        assert "more than 3 records; the first 3 were read" in str(error)


def test_a_feed_over_its_limit_is_e038(tmp_path):
    path = tmp_path / "news.rss"
    item = f"<item><title>T</title><description>{BODY}</description></item>"
    path.write_text(f"<rss><channel><title>N</title>{item * 20}</channel></rss>")
    error = _only_error(_read(path, max_feed_bytes=1000))
    assert error.code is Code.E040 and "--max-feed-bytes" in str(error)
    assert len(_read(path)) == 20


@pytest.mark.parametrize(
    "limits",
    [
        {"max_line_chars": 0},
        {"max_records": -1},
        {"max_html_depth": 251},
        {"max_redirects": -1},
        {"fetch_timeout": 0},
        {"connect_timeout": "soon"},
        {"max_bytes": 1.5},
    ],
)
def test_a_limit_that_cannot_work_is_e024(limits):
    with pytest.raises(OptionError) as caught:
        ReadOptions(**limits)
    assert caught.value.code is Code.E024 and next(iter(limits)) in str(caught.value)


def test_every_limit_is_an_option_of_the_command_line(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(f"Valley floods\n\n{BODY}\n\n{'7' * 60}", encoding="utf-8")
    result = run(
        "analyze",
        str(path),
        "--max-number-chars",
        "50",
        "--max-line-chars",
        "1000",
        "--max-html-depth",
        "100",
        "--max-records",
        "10",
        "--max-feed-bytes",
        "1000",
        "--connect-timeout",
        "2.5",
        "--fetch-timeout",
        "9",
        "--max-redirects",
        "0",
    )
    assert result.returncode == 1
    assert f"{path}: [E036] a number of 60 characters" in result.stderr.decode()
    assert run("analyze", str(path), "--max-html-depth", "300").returncode == 2


def test_lone_surrogates_are_replaced_and_counted_in_the_warnings(tmp_path):
    path = tmp_path / "corpus.jsonl"
    record = '{"text": "' + BODY + ' \\ud800 \\udfff", "title": "Floods \\ud83d"}\n'
    other = BODY.replace("Monday", "Tuesday")
    path.write_text(record + json.dumps({"text": other}) + "\n", encoding="utf-8")
    counted, clean = read([str(path)])
    assert isinstance(counted, Article) and "\ud800" not in counted.text + counted.title
    assert counted.to_dict()["warnings"] == [{"kind": "replaced_surrogates", "count": 3}]
    assert clean.to_dict()["warnings"] == []
    assert Article.from_dict(counted.to_dict()).warnings == counted.warnings


def test_a_string_and_a_file_name_that_are_not_utf8_are_counted_too(tmp_path):
    document = read_text(f"{BODY}\ud800")
    assert [w.to_dict() for w in document.warnings] == [{"kind": "replaced_surrogates", "count": 1}]
    name = os.fsdecode(bytes(tmp_path) + b"/report-\xff.txt")
    with open(os.fsencode(name), "wb") as stream:
        stream.write(BODY.encode())
    (article,) = read([name])
    assert article.source.endswith("report-\ufffd.txt")
    assert [w.count for w in article.warnings] == [1]


def test_an_error_quoting_its_input_is_one_short_line():
    error = InputError("a.jsonl:1", Code.E015, field="url", expected="a URL", detail="x\n" * 5000)
    message = str(error)
    assert "\n" not in message and len(message) < 300 and "(9,999 characters)" in message
