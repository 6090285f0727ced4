"""Tests for the readers: every kind of input, and every way an input can be bad."""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import socket
from pathlib import Path

import pytest

import storydiff.sources as sources
from storydiff.config import DEFAULTS
from storydiff.errors import Code, InputError, OptionError
from storydiff.model import Document
from storydiff.sources import STDIN_SOURCE, files, read_inputs, read_text
from storydiff.sources.decode import decode_bytes, normalise
from storydiff.sources.detect import detect_kind
from storydiff.sources.jsonl import iter_lines

SEEDS = Path(__file__).parent / "data" / "seeds"
DEFAULT_MAX_BYTES = DEFAULTS.reading.max_bytes

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Kremlin says Syrian army ready to act in Idlib | World News | Sky News</title>
  <meta property="og:title" content="Kremlin says Syrian army ready to act in Idlib">
  <meta property="og:site_name" content="Sky News">
  <meta property="og:type" content="article">
  <meta property="og:url" content="https://news.sky.com/story/kremlin-idlib-11489221">
  <meta property="article:published_time" content="2018-09-04T12:47:00+01:00">
  <link rel="canonical" href="https://news.sky.com/story/kremlin-idlib-11489221">
  <script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
  <header>
    <a class="logo" href="/">Sky News</a>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/uk">UK</a></li><li><a href="/world">World</a></li>
      <li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>
    </ul></nav>
  </header>
  <main>
    <article>
      <h1>Kremlin says Syrian army ready to act in Idlib</h1>
      <div class="byline">Tuesday 4 September 2018 12:47, UK</div>
      <figure>
        <img src="/images/apc.jpg" alt="Russian armoured personnel carriers">
        <figcaption>Russian armoured personnel carriers supporting Syrian troops</figcaption>
      </figure>
      <div class="article-body">
        <p>The Syrian army is getting ready to solve the "terrorism" in Idlib, according to
        the Kremlin, despite a warning from Donald Trump against a "reckless attack".</p>
        <p>Speaking in the wake of a message on Twitter from the US president, Vladimir Putin's
        spokesman said the army was preparing to solve the issue.</p>
        <p>He added: "Hundreds of thousands of people could be killed. Don't let that happen!"</p>
        <p>The province is one of the last areas in Syria held by forces opposed to President
        Bashar al&nbsp;Assad.</p>
        <p>Mr Putin's spokesman Dmitry Peskov did not give a timeframe for their plans.</p>
      </div>
      <aside><h3>More on Russia</h3><ul>
        <li><a href="/story/1">Russia holds biggest war games since Cold War</a></li>
      </ul></aside>
    </article>
  </main>
  <footer>
    <ul><li><a href="/terms">Terms &amp; Conditions</a></li>
    <li><a href="/privacy">Privacy</a></li></ul>
    <p>&copy; 2018 Sky UK</p>
  </footer>
</body>
</html>
"""

NAV_ONLY_PAGE = """<!DOCTYPE html>
<html><head><title>Example News - Home</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/uk">UK</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<main></main>
<footer><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul>
</footer>
</body></html>
"""

RUSSIAN = (
    "Кремль заявил, что сирийская армия готова решить проблему терроризма в Идлибе. "
    "Представитель президента сказал журналистам, что ситуация остаётся сложной.\n"
)
FRENCH = "Café au lait à la crème, naïve façade. Les élèves ont décidé d'étudier à Genève.\n"


def read_all(*inputs: str | Path, **kwargs: object) -> list[Document | InputError]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def only(items: list[Document | InputError]) -> Document | InputError:
    assert len(items) == 1, items
    return items[0]


def document(item: Document | InputError) -> Document:
    assert isinstance(item, Document), f"expected a Document, got {item}"
    return item


def error(item: Document | InputError) -> InputError:
    assert isinstance(item, InputError), f"expected an InputError, got {item!r}"
    return item


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: object) -> str:
    return "".join(r if isinstance(r, str) else json.dumps(r) for r in records)


# --- decoding and normalisation --------------------------------------------------------------


def test_normalise_turns_special_spaces_into_plain_spaces() -> None:
    text = "a\u00a0b\u202fc\u2007d\u2009e\u3000f"
    assert normalise(text) == "a b c d e f"


def test_normalise_removes_zero_width_characters_and_inner_bom() -> None:
    assert normalise("Ass\u200bad\u200c \u200dand\ufeff Putin\u2060") == "Assad and Putin"


def test_normalise_unifies_line_breaks_but_keeps_lines_and_spaces() -> None:
    text = "one\r\ntwo\rthree\n\n  four  \tfive\u2028six"
    assert normalise(text) == "one\ntwo\nthree\n\n  four  \tfive\nsix"


def test_normalise_composes_to_nfc() -> None:
    assert normalise("Cafe\u0301") == "Caf\u00e9"


def test_decode_strips_utf8_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"Idlib", "x") == "Idlib"


def test_decode_reads_utf16_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + "Идлиб and Idlib".encode("utf-16-le")
    assert decode_bytes(data, "x") == "Идлиб and Idlib"


def test_decode_honours_declared_html_charset() -> None:
    page = '<html><head><meta charset="windows-1251"><title>Идлиб</title></head></html>'
    assert decode_bytes(page.encode("cp1251"), "x") == page


def test_decode_prefers_windows_1252_for_short_western_text() -> None:
    assert decode_bytes("café".encode("latin-1"), "x") == "café"
    quotes = "He said \u201cthis is fine\u201d \u2014 and left."
    assert decode_bytes(quotes.encode("cp1252"), "x") == quotes


# --- plain text ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed_reads_as_text_with_plain_spaces(seed: Path) -> None:
    doc = document(only(read_all(seed)))
    raw = seed.read_text(encoding="utf-8")
    assert doc.kind == "text"
    assert doc.source == str(seed)
    assert doc.line is None and doc.title is None and doc.outlet is None
    assert "\u00a0" not in doc.text
    assert doc.text == raw.replace("\u00a0", " ")
    assert doc.text.count("\n") == raw.count("\n")


def test_seed_with_no_break_spaces_has_them_replaced() -> None:
    seed = SEEDS / "001_4776b1b0b6ff724a.txt"
    raw = seed.read_text(encoding="utf-8")
    assert "\u00a0" in raw  # the point of this test
    doc = document(only(read_all(seed)))
    assert "Syrian\u00a0" not in doc.text
    assert "Sputnik" in doc.text


def test_text_keeps_boilerplate_for_the_cleaner(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Headline here\n\nImage: a caption\nWhy you can trust us\n")
    doc = document(only(read_all(path)))
    assert doc.text == "Headline here\n\nImage: a caption\nWhy you can trust us\n"


def test_latin1_file_decodes_correctly(tmp_path: Path) -> None:
    path = write(tmp_path / "fr.txt", FRENCH.encode("latin-1"))
    assert document(only(read_all(path))).text == FRENCH


def test_cp1251_file_decodes_correctly(tmp_path: Path) -> None:
    path = write(tmp_path / "ru.txt", RUSSIAN.encode("cp1251"))
    assert document(only(read_all(path))).text == RUSSIAN


def test_koi8_file_decodes_correctly(tmp_path: Path) -> None:
    path = write(tmp_path / "ru.txt", RUSSIAN.encode("koi8_r"))
    assert document(only(read_all(path))).text == RUSSIAN


def test_random_high_bytes_give_an_error_not_garbage(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = write(tmp_path / "noise.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    assert error(only(read_all(path))).code in (Code.E003, Code.E005)


def test_crlf_file_gets_lf_line_breaks(tmp_path: Path) -> None:
    path = write(tmp_path / "dos.txt", b"Title\r\n\r\nFirst paragraph.\r\nSecond line.\r\n")
    assert document(only(read_all(path))).text == "Title\n\nFirst paragraph.\nSecond line.\n"


# --- detection -------------------------------------------------------------------------------


def test_html_is_detected_by_content_without_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "page", NEWS_PAGE)
    doc = document(only(read_all(path)))
    assert doc.kind == "html"
    assert doc.title == "Kremlin says Syrian army ready to act in Idlib"


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = write(tmp_path / "scrape.txt", "\ufeff\n\n  " + NEWS_PAGE)
    assert document(only(read_all(path))).kind == "html"


@pytest.mark.parametrize(
    "head",
    [
        "<!doctype html><html>",
        "  \n<html lang='en'>",
        "<!-- saved page -->\n<HTML>",
        '<?xml version="1.0"?>\n<html>',
        "<head><title>x</title></head>",
        "<body><p>x</p></body>",
        "<div><p>One</p><p>Two</p><p>Three <a href='/'>link</a></p><br/></div>",
    ],
)
def test_html_starts_are_recognised(head: str) -> None:
    assert detect_kind(head) == "html"


@pytest.mark.parametrize(
    "text",
    [
        "Kremlin says <b> is not a tag here. Use x < y and y > z in maths.",
        "Plain text article.\n\nWith paragraphs about <html> as a word.",
        '{"title": "no text key"}\n',
    ],
)
def test_text_is_not_mistaken_for_html_or_jsonl(text: str) -> None:
    assert detect_kind(text) == "text"


def test_extension_decides_when_it_is_telling() -> None:
    assert detect_kind("just words", "page.HTM") == "html"
    assert detect_kind("not json at all", "corpus.ndjson") == "jsonl"
    assert detect_kind('{"text": "a"}', "x.txt") == "jsonl"
    assert detect_kind('{"text": "a"}', "x.txt", allow_jsonl=False) == "text"


def test_jsonl_is_detected_by_content_without_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "corpus.data", jsonl({"text": "One."}, "\n\n", {"text": "Two."}, "\n"))
    docs = [document(item) for item in read_all(path)]
    assert [(d.kind, d.line, d.text) for d in docs] == [("jsonl", 1, "One."), ("jsonl", 3, "Two.")]


# --- HTML ------------------------------------------------------------------------------------


def test_news_page_yields_metadata_and_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path / "sky.html", NEWS_PAGE)
    doc = document(only(read_all(path)))
    assert doc.kind == "html"
    assert doc.source == str(path)
    assert doc.title == "Kremlin says Syrian army ready to act in Idlib"
    assert doc.published == "2018-09-04"
    assert doc.outlet == "Sky News"
    assert doc.url == "https://news.sky.com/story/kremlin-idlib-11489221"
    paragraphs = doc.text.split("\n\n")
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert paragraphs[0].startswith('The Syrian army is getting ready to solve the "terrorism"')
    assert paragraphs[-2].endswith("forces opposed to President Bashar al Assad.")  # &nbsp;
    assert paragraphs[-1] == (
        "Mr Putin's spokesman Dmitry Peskov did not give a timeframe for their plans."
    )
    assert "Privacy" not in doc.text and "Politics" not in doc.text


def test_html_url_given_by_caller_is_used_when_page_has_none() -> None:
    page = NEWS_PAGE.replace('<link rel="canonical"', "<link").replace("og:url", "og:nothing")
    doc = read_text(page, "fetched", url="https://example.org/a")
    assert doc.url == "https://example.org/a"
    assert doc.source == "fetched"


def test_html_reading_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    doc = read_text(NEWS_PAGE, url="https://news.sky.com/story/kremlin-idlib-11489221")
    assert doc.outlet == "Sky News"


@pytest.mark.parametrize(
    "page",
    [
        NAV_ONLY_PAGE,
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><div id='root'></div><script>window.app = 1;</script></body></html>",
    ],
    ids=["navigation", "empty-body", "script-only"],
)
def test_html_page_without_article_is_e006(tmp_path: Path, page: str) -> None:
    path = write(tmp_path / "page.html", page)
    err = error(only(read_all(path)))
    assert err.code is Code.E006
    assert err.source == str(path)


def test_html_in_legacy_encoding_with_meta_charset(tmp_path: Path) -> None:
    body = "".join(f"<p>{RUSSIAN.strip()} Абзац номер {i}.</p>" for i in range(3))
    page = f'<html><head><meta charset="windows-1251"><title>Идлиб</title></head><body>{body}'
    path = write(tmp_path / "ru.html", (page + "</body></html>").encode("cp1251"))
    doc = document(only(read_all(path)))
    assert doc.title == "Идлиб"
    assert doc.text.startswith("Кремль заявил")


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_bad_line_in_the_middle_does_not_stop_reading(tmp_path: Path) -> None:
    content = jsonl(
        {"text": "First article.", "title": "One", "outlet": "Sky News", "id": "a1"},
        "\n",
        '{"text": "broken\n',
        {"text": "Third\u00a0article.", "url": "https://x.org/3", "published": "2018-09-07"},
        "\n",
    )
    path = write(tmp_path / "corpus.jsonl", content)
    first, bad, third = read_all(path)
    first, bad, third = document(first), error(bad), document(third)
    assert (first.line, first.text, first.title, first.outlet, first.id) == (
        1,
        "First article.",
        "One",
        "Sky News",
        "a1",
    )
    assert first.source == str(path) and first.kind == "jsonl"
    assert bad.code is Code.E007
    assert bad.source == f"{path}:2"
    assert str(bad).startswith(f"{path}:2: [E007]")
    assert (third.line, third.text, third.url, third.published) == (
        3,
        "Third article.",
        "https://x.org/3",
        "2018-09-07",
    )
    assert third.title is None and third.outlet is None


def test_jsonl_skips_blank_lines_but_counts_them(tmp_path: Path) -> None:
    content = "\n   \n" + json.dumps({"text": "A"}) + "\r\n\n" + json.dumps({"text": "B"})
    path = write(tmp_path / "c.jsonl", content)
    assert [document(i).line for i in read_all(path)] == [3, 5]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("[1, 2]", Code.E014),
        ('"just a string"', Code.E014),
        ('{"title": "no text"}', Code.E008),
        ('{"text": null}', Code.E008),
        ('{"text": 42}', Code.E015),
        ('{"text": "   "}', Code.E015),
        ('{"text": "ok", "title": ["a"]}', Code.E015),
        ("{not json}", Code.E007),
    ],
)
def test_jsonl_record_errors_have_codes(tmp_path: Path, line: str, code: Code) -> None:
    path = write(tmp_path / "c.jsonl", line + "\n" + json.dumps({"text": "Good."}) + "\n")
    bad, good = read_all(path)
    assert error(bad).code is code
    assert error(bad).source == f"{path}:1"
    assert document(good).line == 2


def test_jsonl_numeric_id_becomes_a_string(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", json.dumps({"text": "A", "id": 42}))
    assert document(only(read_all(path))).id == "42"


def test_jsonl_limit_applies_per_record_and_file_is_streamed(tmp_path: Path) -> None:
    small = json.dumps({"text": "short record"})
    big = json.dumps({"text": "x" * 5000})
    path = write(tmp_path / "c.jsonl", "\n".join([small] * 50 + [big, small]) + "\n")
    items = read_all(path, max_bytes=1000)
    assert path.stat().st_size > 1000
    assert len(items) == 52
    assert all(isinstance(i, Document) for i in items[:50])
    err = error(items[50])
    assert (err.code, err.source, err.details["size"]) == (Code.E004, f"{path}:51", len(big))
    assert document(items[51]).line == 52


def test_jsonl_with_only_blank_lines_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", "\n\n  \n")
    assert error(only(read_all(path))).code is Code.E002


def test_jsonl_binary_line_is_an_error_for_that_line(tmp_path: Path) -> None:
    good = json.dumps({"text": "fine"}).encode()
    path = write(tmp_path / "c.jsonl", good + b"\n\x00\x01\x02\n" + good + b"\n")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert error(items[1]).code is Code.E003


def test_iter_lines_splits_across_blocks_and_drops_long_lines() -> None:
    blocks = [b"ab", b"c\nde", b"fghij\n", b"\nk"]
    lines = list(iter_lines(blocks, limit=4))
    assert [(line.number, line.data, line.size) for line in lines] == [
        (1, b"abc", 3),
        (2, None, 7),
        (3, b"", 0),
        (4, b"k", 1),
    ]


# --- files, directories, standard input ------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["e.txt", "b.txt", "c/d.txt", "a.txt", "c/.hidden.txt", ".git/x.txt", ".h.txt"]:
        write(tmp_path / "corpus" / name, f"Article {name}\n")
    items = read_all(tmp_path / "corpus")
    names = [Path(document(i).source).relative_to(tmp_path / "corpus").as_posix() for i in items]
    assert names == ["a.txt", "b.txt", "c/d.txt", "e.txt"]


def test_broken_symlink_in_directory_is_e001(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", "Article.")
    os.symlink(tmp_path / "missing.txt", tmp_path / "d" / "b.txt")
    first, second = read_all(tmp_path / "d")
    assert document(first).text == "Article."
    assert error(second).code is Code.E001


def test_inputs_are_yielded_in_order_and_a_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Article text.")
    empty = write(tmp_path / "empty.txt", "")
    items = read_all(tmp_path / "missing.txt", empty, good)
    assert [getattr(i, "code", None) for i in items] == [Code.E001, Code.E002, None]
    assert error(items[0]).source == str(tmp_path / "missing.txt")
    assert document(items[2]).text == "Article text."


def test_stdin_plain_text() -> None:
    doc = document(only(read_all("-", stdin=io.BytesIO(b"Some\xc2\xa0text\r\nhere\n"))))
    assert (doc.source, doc.kind, doc.text) == (STDIN_SOURCE, "text", "Some text\nhere\n")


def test_stdin_html() -> None:
    doc = document(only(read_all("-", stdin=io.BytesIO(NEWS_PAGE.encode()))))
    assert (doc.kind, doc.outlet) == ("html", "Sky News")


def test_stdin_is_one_article_even_if_it_looks_like_jsonl() -> None:
    data = json.dumps({"text": "a"}).encode() + b"\n"
    assert document(only(read_all("-", stdin=io.BytesIO(data)))).kind == "text"


def test_stdin_too_large_and_empty() -> None:
    too_big = error(only(read_all("-", stdin=io.BytesIO(b"x" * 5000), max_bytes=1000)))
    assert (too_big.code, too_big.details["size"], too_big.details["limit"]) == (
        Code.E004,
        5000,
        1000,
    )
    assert error(only(read_all("-", stdin=io.BytesIO(b"")))).code is Code.E002


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n ", "\u00a0\u200b\ufeff\n".encode()])
def test_empty_or_blank_file_is_e002(tmp_path: Path, content: bytes) -> None:
    err = error(only(read_all(write(tmp_path / "blank.txt", content))))
    assert err.code is Code.E002


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_known_binary_formats_are_named(tmp_path: Path, content: bytes, named: str) -> None:
    for name in ("file.txt", "file.html", "file.jsonl", "file"):
        err = error(only(read_all(write(tmp_path / name, content))))
        assert err.code is Code.E003
        assert named in str(err)


def test_random_bytes_with_nuls_are_binary(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = bytes(rng.randrange(256) for _ in range(10000)) + b"\x00"
    err = error(only(read_all(write(tmp_path / "blob.txt", data))))
    assert err.code is Code.E003


def test_many_control_characters_are_binary(tmp_path: Path) -> None:
    data = bytes([0x01, 0x02, 0x03, 0x1B, ord("a")] * 200)
    assert error(only(read_all(write(tmp_path / "ctl.txt", data)))).code is Code.E003


def test_twenty_megabyte_file_is_e004(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"All work and no play makes Jack a dull boy.\n" * (20 * 1024 * 1024 // 44))
    size = path.stat().st_size
    assert size > 20_000_000
    err = error(only(read_all(path)))
    assert err.code is Code.E004
    assert (err.details["size"], err.details["limit"]) == (size, DEFAULT_MAX_BYTES)
    assert document(only(read_all(path, max_bytes=size))).text.startswith("All work")


def test_unexpected_failure_becomes_e009_and_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(page: str, source: str, **options: object) -> Document:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(sources, "html_document", explode)
    page = write(tmp_path / "a.html", NEWS_PAGE)
    text = write(tmp_path / "b.txt", "Still read.")
    failed, doc = read_all(page, text)
    assert error(failed).code is Code.E009
    assert "extractor crashed" in str(failed)
    assert document(doc).text == "Still read."


def test_unreadable_file_is_e009(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(path: str, mode: str) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(files, "open", denied, raising=False)  # root could read a chmod-0 file
    path = write(tmp_path / "secret.txt", "hidden")
    err = error(only(read_all(path)))
    assert err.code is Code.E009
    assert str(err) == f"{path}: [E009] cannot read: Permission denied"


def test_read_inputs_rejects_a_bare_string_and_bad_limit() -> None:
    with pytest.raises(OptionError) as bare:
        read_inputs("file.txt")
    assert bare.value.code is Code.E024 and "a single string" in str(bare.value)
    with pytest.raises(ValueError):
        read_inputs(["file.txt"], max_bytes=0)


# --- the Python API --------------------------------------------------------------------------


def test_read_text_shares_the_reading_path() -> None:
    doc = read_text("Headline\r\n\r\nBody\u00a0text.")
    assert (doc.source, doc.kind, doc.text) == ("<text>", "text", "Headline\n\nBody text.")
    assert read_text(NEWS_PAGE, "sky").kind == "html"
    assert read_text("<p>not parsed</p>", kind="text").text == "<p>not parsed</p>"


def test_read_text_raises_for_bad_input() -> None:
    with pytest.raises(InputError) as empty:
        read_text(" \n\u200b")
    assert empty.value.code is Code.E002
    with pytest.raises(InputError) as no_article:
        read_text(NAV_ONLY_PAGE, "nav")
    assert (no_article.value.code, no_article.value.source) == (Code.E006, "nav")
    with pytest.raises(ValueError):
        read_text('{"text": "a"}', kind="jsonl")
