"""One bad record ends only itself: a URL Python cannot parse, lone surrogates, a truncated or
malformed archive, a feed with a character XML forbids. Each is a coded error naming the
record (or the file, for a cut), and the records around it are still read, analysed and
stored."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storydiff.errors import Code, InputError
from storydiff.sources import read_inputs
from storydiff.sources.estimate import estimate_articles

from .test_cli import run

BODY = (
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
    "to leave their homes as rescue teams worked through the night."
)


def _body(n: int) -> str:
    return f"{BODY} Officials counted {n} shelters by the evening."


def _read(path):
    return list(read_inputs([str(path)]))


def _errors(items):
    return [(i.code, i.source) for i in items if isinstance(i, InputError)]


def _documents(items):
    return [i for i in items if not isinstance(i, InputError)]


def _hostile_jsonl(path):
    """A bad URL on line 2; lone surrogates (as JSON escapes) in url, id and published."""
    lines = [
        json.dumps({"text": _body(1)}),
        json.dumps({"text": _body(2), "url": "http://[example]/story"}),
        json.dumps({"text": _body(3), "url": "https://example.org/LONE"}),
        json.dumps({"text": _body(4), "id": "key-LONE"}),
        json.dumps({"text": _body(5), "published": "LONE2024"}),
    ]
    lines = [line.replace("LONE", "\\ud800") for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_url_python_cannot_parse_is_an_error_for_its_line_only(tmp_path):
    path = _hostile_jsonl(tmp_path / "corpus.jsonl")
    items = _read(path)
    assert _errors(items) == [(Code.E015, f"{path}:2")]
    documents = _documents(items)
    assert [d.line for d in documents] == [1, 3, 4, 5]
    assert (documents[1].url, documents[2].id, documents[3].published) == (
        "https://example.org/\ufffd",
        "key-\ufffd",
        "\ufffd2024",
    )


def test_analyze_and_ingest_go_on_past_bad_records_and_write_valid_utf8(tmp_path):
    path = _hostile_jsonl(tmp_path / "corpus.jsonl")
    output = tmp_path / "out.jsonl"
    result = run("analyze", str(path), "-o", str(output))
    assert result.returncode == 1
    assert f"{path}:2: [E015]" in result.stderr.decode()
    records = [json.loads(line) for line in output.read_bytes().decode("utf-8").splitlines()]
    assert [r["line"] for r in records] == [1, 3, 4, 5]

    store = tmp_path / "corpus.db"
    result = run("ingest", str(path), "--store", str(store), "--no-stories")
    assert result.returncode == 1, result.stderr
    assert "new 4, updated 0, duplicates 0, failed 1" in result.stderr.decode()
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def _warc(path, uris):
    """One HTML response per URI; None writes a response without a WARC-Target-URI."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        for n, uri in enumerate(uris):
            page = f"<html><body><article><h1>Floods {n}</h1><p>{_body(n)}</p></article></body>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            record = writer.create_warc_record(
                uri or "https://example.org/x",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
            )
            if uri is None:
                record.rec_headers.remove_header("WARC-Target-URI")
            writer.write_record(record)


def test_a_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, [f"https://example.org/{n}" for n in range(4)])
    data = whole.read_bytes()
    members = data.split(b"\x1f\x8b\x08")  # one gzip member per record
    assert len(members) == 5
    cut = tmp_path / "cut.warc.gz"
    # Three whole members, and the fourth stopped in its middle, as a download that failed.
    kept = len(data) - len(members[4]) - 3 + (len(members[4]) + 3) // 2
    cut.write_bytes(data[:kept])
    items = _read(cut)
    assert [d.url for d in _documents(items)] == [f"https://example.org/{n}" for n in range(3)]
    assert _errors(items) == [(Code.E020, str(cut))]
    assert estimate_articles([str(cut)]) <= 4  # counting ahead no longer raises


def test_a_record_cut_inside_its_content_is_an_error_for_that_record(tmp_path):
    whole = tmp_path / "whole.warc"
    _warc(whole, [f"https://example.org/{n}" for n in range(2)])
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-200])
    items = _read(cut)
    assert [d.url for d in _documents(items)] == ["https://example.org/0"]
    assert _errors(items) == [(Code.E020, f"{cut}#https://example.org/1")]


def test_ingest_of_a_truncated_warc_gz_stores_what_was_read(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, [f"https://example.org/{n}" for n in range(3)])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-40])
    store = tmp_path / "corpus.db"
    result = run("ingest", str(cut), "--store", str(store), "--no-stories")
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "aborted" not in stderr, stderr
    assert f"{cut}: [E020]" in stderr and "new 2," in stderr


def test_a_response_without_a_target_uri_is_skipped_and_the_archive_goes_on(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, ["https://example.org/a", None, "https://example.org/c"])
    items = _read(path)
    assert [d.url for d in _documents(items)] == ["https://example.org/a", "https://example.org/c"]
    ((code, source),) = _errors(items)
    assert code is Code.E021 and source.startswith(f"{path}#<urn:uuid:")


def test_a_gzip_warc_that_is_not_cut_reports_nothing(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, ["https://example.org/a"])
    path.write_bytes(path.read_bytes() + gzip.compress(b""))  # an empty member at the end
    assert _errors(_read(path)) == []


def test_a_feed_with_characters_xml_forbids_keeps_its_entries(tmp_path):
    items = "".join(
        f"<item><title>Story {n}</title><link>https://example.org/{n}</link>"
        f"<description>{_body(n)}{bad}</description></item>"
        for n, bad in enumerate(["&#xD800;", "\x01", "&#0;", "\x1b", ""])
    )
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss><channel><title>News</title>{items}'
    path = tmp_path / "news.rss"
    path.write_bytes((feed + "</channel></rss>").encode() + b"\xff")
    documents = _documents(_read(path))
    assert [d.title for d in documents] == [f"Story {n}" for n in range(5)]
    assert documents[0].text.startswith(BODY)


def test_a_document_the_cleaner_fails_on_is_an_error_in_the_stream(tmp_path):
    from storydiff.api import clean_documents
    from storydiff.model import Document

    bad = Document(source="given.jsonl", text=_body(1), kind="jsonl", line=7, url="http://[x]/")
    good = Document(source="given.jsonl", text=_body(2), kind="jsonl", line=8)
    error, article = clean_documents([bad, good])
    assert (error.code, error.source) == (Code.E009, "given.jsonl:7")
    assert article.line == 8
