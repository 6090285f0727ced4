"""Corpus inputs: CSV and Parquet tables with a column mapping, WARC archives, RSS and Atom
feeds; each bad record is an error for that record, and the counts that drive the ETA."""

from __future__ import annotations

import csv
import datetime
import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storydiff.errors import Code, InputError
from storydiff.sources import read_inputs
from storydiff.sources.estimate import estimate_articles

BODY = (
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
    "to leave their homes as rescue teams worked through the night."
)
MAPPING = {"text": "body", "title": "headline", "published": "date", "id": "key"}


def _read(path, **options):
    return list(read_inputs([str(path)], **options))


def _codes(items):
    return [item.code for item in items if isinstance(item, InputError)]


def test_csv_rows_with_a_column_mapping(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["key", "headline", "body", "date"])
        writer.writerow(["7", "Valley floods", BODY, "2024-05-01"])
        writer.writerow(["8", "Blank", "   ", "2024-05-02"])
        writer.writerow(["9", "Second", BODY.replace("Monday", "Tuesday"), ""])
    items = _read(path, columns=MAPPING)
    documents = [i for i in items if not isinstance(i, InputError)]
    assert [(d.id, d.title, d.published, d.line) for d in documents] == [
        ("7", "Valley floods", "2024-05-01", 1),
        ("9", "Second", None, 3),
    ]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.code is Code.E015 and error.source == f"{path}:2"


def test_a_table_without_the_text_column_is_one_error_naming_its_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("headline,content\nA,B\n", encoding="utf-8")
    (error,) = _read(path)
    assert error.code is Code.E017 and "headline, content" in str(error)


def test_parquet_rows_with_dates_as_iso_text(tmp_path):
    path = tmp_path / "export.parquet"
    table = pa.table(
        {
            "body": [BODY, None],
            "headline": ["Valley floods", "Nothing"],
            "date": [datetime.date(2024, 5, 1), datetime.date(2024, 5, 2)],
            "key": [1, 2],
        }
    )
    pq.write_table(table, path)
    items = _read(path, columns=MAPPING)
    assert items[0].title == "Valley floods" and items[0].published == "2024-05-01"
    assert items[0].id == "1"
    assert _codes(items) == [Code.E008]
    assert estimate_articles([str(path)]) == 2


def test_a_corrupt_parquet_file_is_one_error(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1" + b"\0" * 64)
    assert _codes(_read(path)) == [Code.E016]


def _warc(path, records):
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        for uri, content_type, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


PAGE = (
    "<html><head><title>Valley floods</title></head><body><article><h1>Valley floods</h1>"
    f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
).encode()


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_articles_and_the_rest_is_passed_over(tmp_path, name):
    path = tmp_path / name
    _warc(
        path,
        [
            ("https://example.org/a", "text/html; charset=utf-8", "200 OK", PAGE),
            ("https://example.org/logo.png", "image/png", "200 OK", b"\x89PNG"),
            ("https://example.org/gone", "text/html", "404 Not Found", PAGE),
            ("https://example.org/menu", "text/html", "200 OK", b"<html><body>Home</body></html>"),
        ],
    )
    items = _read(path)
    document = items[0]
    assert document.source == f"{path}#https://example.org/a"
    assert document.url == "https://example.org/a" and document.title == "Valley floods"
    assert document.published  # the page states none: the crawl date stands in
    assert _codes(items) == [Code.E006]  # the menu page has no article
    assert estimate_articles([str(path)]) == 4


def test_garbage_in_a_warc_is_an_error_after_the_records_before_it(tmp_path):
    path = tmp_path / "crawl.warc"
    _warc(path, [("https://example.org/a", "text/html", "200 OK", PAGE)] * 2)
    path.write_bytes(path.read_bytes() + b"this is not a WARC record\r\n\r\n")
    items = _read(path)
    assert [isinstance(i, InputError) for i in items] == [False, False, True]
    assert items[-1].code is Code.E016


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example &amp; News</title>
<item><title>Valley floods</title><link>https://example.org/a</link>
<pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;Second paragraph of the report.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/b</link><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Valley floods</title><link href="https://example.org/a"/>
<updated>2024-05-02T08:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def test_rss_entries_become_articles_with_the_feed_as_outlet(tmp_path):
    path = tmp_path / "news.xml"
    path.write_text(RSS, encoding="utf-8")
    items = _read(path)
    first = items[0]
    assert (first.title, first.outlet, first.published, first.url) == (
        "Valley floods",
        "Example & News",
        "2024-05-01",
        "https://example.org/a",
    )
    assert first.text.split("\n\n") == [BODY, "Second paragraph of the report."]
    assert _codes(items) == [Code.E002]
    assert estimate_articles([str(path)]) == 2


def test_atom_entries_use_their_content(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = _read(path)
    assert entry.text == BODY and entry.published == "2024-05-02" and entry.outlet == "Atom News"


def test_a_feed_with_no_entries_is_an_error(tmp_path):
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>')
    assert _codes(_read(path)) == [Code.E016]


def test_only_web_urls_are_fetched():
    from storydiff.sources.feeds import fetch

    with pytest.raises(InputError) as caught:
        fetch("file:///etc/passwd", 1000)
    assert caught.value.code is Code.E018
