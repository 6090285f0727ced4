"""Hostile input through every stage, in-process: nothing may crash, hang or fail without a
coded error naming its input.

    python benchmarks/fuzz.py [--inputs 100000] [--seed 1] [--analyse-every 0]
                              [--time-cap 30] [--memory-cap 2048] [--keep DIR]
    python benchmarks/fuzz.py --replay DIR_OR_FILE...

Hypothesis draws each input from generators of what scraped corpora really hold and what an
attacker would make (``GENERATORS``): random bytes, broken UTF-8 and UTF-16, NUL bytes, huge
lines, one character repeated a million times, deeply nested HTML, malformed JSON Lines and
CSV, broken WARC records, hostile RSS and Atom, broken Parquet, file names that are not
UTF-8. Each input is written to a file and read by storydiff's choice of reader and then by
every registered reader in turn, and its text read as a string too (``read_text``); every
article is cleaned and written as JSON; every ``--analyse-every``-th input's articles (up to
``--analyse-chars`` characters: spaCy's time grows with length, and a megabyte article takes
minutes by design) are analysed, stored in an SQLite store, compared with an example article
and rendered by every registered renderer. Every output must encode as UTF-8.

An input is a crash when an exception escapes, or when an error is storydiff's catch-all for
the unforeseen (E009 "unexpected", E013); a failure must be an ``InputError`` naming the input
(its path, ``path:LINE`` or ``path#…``). A watchdog thread holds each input to ``--time-cap``
seconds and ``--memory-cap`` MiB of resident memory: over either, the input is a hang,
reported with the seed and its number and kept (``--keep``) to replay. The figures printed at
the end are the ones the README quotes.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storydiff.api import clean_documents  # noqa: E402
from storydiff.errors import Code, InputError  # noqa: E402
from storydiff.model import Analysis, Article, to_json  # noqa: E402
from storydiff.sources import ReadOptions, read_text  # noqa: E402
from storydiff.sources import read_file as read_one_file  # noqa: E402
from storydiff.sources.decode import replace_surrogates  # noqa: E402
from storydiff.sources.readers import get_reader, reader_names  # noqa: E402

PROSE = (
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
    "to leave their homes as rescue teams worked through the night."
)
QUOTE = (
    '"We will rebuild every street," said Anna Berg, the mayor, adding that about 800 people fled.'
)
EXTENSIONS = (
    ".txt", ".html", ".htm", ".jsonl", ".csv", ".parquet", ".warc", ".warc.gz", ".rss",
    ".atom", ".xml", "",
)  # fmt: skip
# File names a crawl or an attacker leaves: spaces, markup, other scripts, bytes that are not
# UTF-8 (which Python hands over as lone surrogates).
STEMS = ("page", "a b", "<script>x<\\script>", "новости", "\udcff\udcfe", "-rf", "=cmd")
EVERY_READER_BYTES = 1 << 18
# An error's message, beyond the name of its input, is one line of at most this many characters.
MESSAGE_CHARS = 800
PAYLOADS = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    '=HYPERLINK("http://x")',
    "\u202egnp.exe",
    "{{7*7}}",
)


@dataclass(frozen=True)
class Case:
    """One generated input: which generator made it, its file name and its bytes."""

    kind: str
    name: str
    data: bytes


def _article_text(draw: st.DrawFn) -> str:
    """A plausible article, sometimes with a hostile payload in it."""
    paragraphs = [PROSE, QUOTE, PROSE.replace("Monday", "Tuesday")]
    if draw(st.booleans()):
        paragraphs.insert(draw(st.integers(0, 3)), draw(st.sampled_from(PAYLOADS)))
    title = draw(st.sampled_from(["Valley floods", "", "=SUM(A1)", "<b>Floods</b>", "Ä" * 3]))
    return "\n\n".join([title, *paragraphs])


def _name(draw: st.DrawFn, extensions: tuple[str, ...] = EXTENSIONS) -> str:
    return draw(st.sampled_from(STEMS)) + draw(st.sampled_from(extensions))


@st.composite
def random_bytes(draw: st.DrawFn) -> Case:
    return Case("random bytes", _name(draw), draw(st.binary(max_size=4096)))


@st.composite
def broken_utf8(draw: st.DrawFn) -> Case:
    data = bytearray(_article_text(draw).encode("utf-8"))
    bad = (b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe2\x82")
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.sampled_from(bad))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return Case("broken UTF-8", _name(draw, (".txt", ".html", ".jsonl", "")), bytes(data))


@st.composite
def broken_utf16(draw: st.DrawFn) -> Case:
    encoding = draw(st.sampled_from(["utf-16-le", "utf-16-be"]))
    data = bytearray(_article_text(draw).encode(encoding))
    lone = b"\x00\xd8" if encoding == "utf-16-le" else b"\xd8\x00"
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data) // 2)) * 2
        data[at:at] = lone
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    if draw(st.booleans()):
        data[0:0] = bom
    if draw(st.booleans()):
        data = data[:-1]  # an odd number of bytes
    return Case("broken UTF-16", _name(draw, (".txt", ".html", "")), bytes(data))


@st.composite
def nul_bytes(draw: st.DrawFn) -> Case:
    data = bytearray(_article_text(draw).encode("utf-8"))
    for _ in range(draw(st.integers(1, 50))):
        data.insert(draw(st.integers(0, len(data))), 0)
    return Case("NUL bytes", _name(draw), bytes(data))


@st.composite
def huge_line(draw: st.DrawFn) -> Case:
    length = draw(st.sampled_from([20_000, 100_000, 300_000, 999_999, 1_000_001, 1_500_000]))
    piece = draw(st.sampled_from(["word ", "x", "Breaking news. ", "1,", "\u00e9", "<b>"]))
    line = (piece * (length // len(piece) + 1))[:length]
    text = _article_text(draw) + "\n\n" + line
    return Case("huge line", _name(draw, (".txt", ".html", "")), text.encode("utf-8"))


@st.composite
def repeated_character(draw: st.DrawFn) -> Case:
    char = draw(st.characters(codec="utf-8") | st.sampled_from(["a", "\n", " ", "<", "9", "."]))
    count = draw(st.sampled_from([100_000, 1_000_000, 2_000_000]))
    return Case("one character repeated", _name(draw), (char * count).encode("utf-8"))


@st.composite
def nested_html(draw: st.DrawFn) -> Case:
    depth = draw(st.sampled_from([10, 100, 199, 200, 201, 250, 256, 1_000, 100_000]))
    tag = draw(st.sampled_from(["div", "span", "section", "p", "li", "font", "a", "svg", "x-y"]))
    closed = draw(st.booleans())
    body = f"<p>{PROSE}</p><p>{QUOTE}</p>"
    page = (
        "<!DOCTYPE html><html><head><title>Floods</title></head><body>"
        + f"<{tag}>" * depth
        + body
        + (f"</{tag}>" * depth if closed else "")
        + "</body></html>"
    )
    return Case("deeply nested HTML", _name(draw, (".html", ".txt", "")), page.encode("utf-8"))


def _record(draw: st.DrawFn) -> bytes:
    good = {"text": _article_text(draw), "title": "Floods", "url": "https://example.org/a"}
    choices = [
        json.dumps(good),
        json.dumps({**good, "text": draw(st.sampled_from([None, 7, [], {}, "", "   "]))}),
        json.dumps({"title": "no text"}),
        json.dumps({**good, "url": draw(st.sampled_from(["http://[x]/", "javascript:x", 5]))}),
        json.dumps({**good, "published": "\ud800", "outlet": "\udfff News"}),
        '{"text": "' + PROSE + '", "id": ' + "7" * draw(st.sampled_from([10, 5000, 100_001])) + "}",
        "[" * draw(st.sampled_from([10, 1_000, 100_000])) + "]",
        '{"text": ' + json.dumps(PROSE)[: draw(st.integers(0, 40))],
        json.dumps(draw(st.sampled_from([42, "text", [], None, True]))),
        '{"text": NaN, "title": Infinity}',
        json.dumps({**good, "text": PROSE + " " + "9" * draw(st.sampled_from([20, 100_001]))}),
    ]
    line = draw(st.sampled_from(choices)).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        line += b"\xff\xfe"
    return line


@st.composite
def malformed_jsonl(draw: st.DrawFn) -> Case:
    lines = draw(st.lists(st.builds(lambda: None), min_size=1, max_size=12))
    records = [_record(draw) for _ in lines]
    separator = draw(st.sampled_from([b"\n", b"\r\n", b"\n\n"]))
    data = separator.join(records)
    if draw(st.booleans()):
        data = codecs.BOM_UTF8 + data
    return Case("malformed JSON Lines", _name(draw, (".jsonl", ".ndjson", "")), data)


@st.composite
def malformed_csv(draw: st.DrawFn) -> Case:
    header = draw(st.sampled_from(["text,title,url", "body,title", "", "text,text", "\ufefftext"]))
    cells = st.sampled_from(
        [
            f'"{PROSE}"',
            '"unbalanced',
            "=cmd|' /C calc'!A0",
            "+1",
            "@SUM(1)",
            "a\x00b",
            '""',
            "x" * 1000,
            f'"{QUOTE.replace(chr(34), chr(34) * 2)}"',
            "\ud800",
        ]
    )
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=5), max_size=10))
    text = header + "\n" + "\n".join(",".join(row) for row in rows)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=64))
    return Case("malformed CSV", _name(draw, (".csv",)), data)


def _warc_record(draw: st.DrawFn, number: int) -> bytes:
    page = (
        f"<html><head><title>Floods</title></head><body><p>{PROSE}</p><p>{QUOTE}</p></body></html>"
    )
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset="
        + draw(st.sampled_from(["utf-8", "x-unknown", "utf-16"]))
        + "\r\n\r\n"
        + page
    ).encode()
    target = draw(
        st.sampled_from(
            [f"https://example.org/{number}", "", "http://[bad]/", "file:///etc/passwd"]
        )
    )
    kind = draw(st.sampled_from(["response", "response", "request", "warcinfo", "metadata"]))
    length = len(http) + draw(st.sampled_from([0, 0, 0, -10, 25, 10_000]))
    headers = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{number:08d}-0000-0000-0000-000000000000>",
        "WARC-Date: 2024-05-01T10:00:00Z",
        f"Content-Length: {draw(st.sampled_from([str(length), 'ten', '-5', '']))}",
    ]
    if target:
        headers.insert(2, f"WARC-Target-URI: {target}")
    if kind == "response":
        headers.append("Content-Type: application/http; msgtype=response")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + http + b"\r\n\r\n"


@st.composite
def broken_warc(draw: st.DrawFn) -> Case:
    records = [_warc_record(draw, n) for n in range(draw(st.integers(1, 6)))]
    zipped = draw(st.booleans())
    data = b"".join(gzip.compress(r) for r in records) if zipped else b"".join(records)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=200)) + data[at:]
    return Case("broken WARC", "crawl" + (".warc.gz" if zipped else ".warc"), data)


_LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
    '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
)
_EXTERNAL = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


@st.composite
def hostile_feed(draw: st.DrawFn) -> Case:
    doctype = draw(st.sampled_from(["", _LAUGHS, _EXTERNAL]))
    content = draw(
        st.sampled_from(
            [
                f"&lt;p&gt;{PROSE}&lt;/p&gt;",
                f"<![CDATA[<p>{PROSE}</p><script>alert(1)</script>]]>",
                "&h;" if doctype == _LAUGHS else "&x;" if doctype == _EXTERNAL else PROSE,
                "&#xD800;&#1;" + PROSE + "\x01\x0b",
                "&lt;div&gt;" * draw(st.sampled_from([10, 300, 50_000])) + PROSE,
                "",
            ]
        )
    )
    link = draw(
        st.sampled_from(["https://example.org/a", "javascript:alert(1)", "file:///etc/passwd"])
    )
    count = draw(st.sampled_from([0, 1, 3, 300]))
    atom = draw(st.booleans())
    if atom:
        entry = (
            f'<entry><title>T</title><link href="{link}"/><updated>2024-05-01T00:00:00Z'
            f'</updated><content type="html">{content}</content></entry>'
        )
        body = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title>{entry * count}</feed>'
    else:
        entry = (
            f"<item><title>T</title><link>{link}</link><pubDate>Wed, 01 May 2024 10:00:00 GMT"
            f"</pubDate><description>{content}</description></item>"
        )
        body = f"<rss><channel><title>N</title>{entry * count}</channel></rss>"
    nesting = draw(st.sampled_from([0, 0, 1_000, 100_000]))
    body = body.replace("<title>N</title>", "<x>" * nesting + "</x>" * nesting + "<title>N</title>")
    declaration = draw(
        st.sampled_from(['<?xml version="1.0"?>', '<?xml version="1.0" encoding="koi8-r"?>', ""])
    )
    data = (declaration + doctype + body).encode("utf-8")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return Case("hostile feed", _name(draw, (".rss", ".atom", ".xml", "")), data)


@st.composite
def broken_parquet(draw: st.DrawFn) -> Case:
    import pyarrow as pa
    import pyarrow.parquet as parquet

    values = st.one_of(st.none(), st.text(max_size=50), st.sampled_from([PROSE, QUOTE]))
    rows = draw(st.lists(st.fixed_dictionaries({"text": values, "title": values}), max_size=8))
    column = draw(st.sampled_from(["text", "body"]))
    table = pa.table(
        {column: [r["text"] for r in rows], "title": [r["title"] for r in rows]},
        schema=pa.schema([(column, pa.string()), ("title", pa.string())]),
    )
    stream = io.BytesIO()
    parquet.write_table(table, stream)
    data = stream.getvalue()
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return Case("broken Parquet", _name(draw, (".parquet", "")), data)


@st.composite
def hostile_article(draw: st.DrawFn) -> Case:
    text = _article_text(draw)
    if draw(st.booleans()):
        heading = text.splitlines()[0]
        text = f"<html><body><article><h1>{heading}</h1><p>{text}</p></article></body></html>"
    return Case("hostile article", _name(draw, (".txt", ".html", "")), text.encode("utf-8"))


GENERATORS: dict[str, Callable[[], st.SearchStrategy[Case]]] = {
    "random bytes": random_bytes,
    "broken UTF-8": broken_utf8,
    "broken UTF-16": broken_utf16,
    "NUL bytes": nul_bytes,
    "huge line": huge_line,
    "one character repeated": repeated_character,
    "deeply nested HTML": nested_html,
    "malformed JSON Lines": malformed_jsonl,
    "malformed CSV": malformed_csv,
    "broken WARC": broken_warc,
    "hostile feed": hostile_feed,
    "broken Parquet": broken_parquet,
    "hostile article": hostile_article,
}


def cases() -> st.SearchStrategy[Case]:
    return st.one_of([make() for make in GENERATORS.values()])


# ------------------------------------------------------------------------------- the watchdog


class Overrun(BaseException):
    """An input went over its time or memory cap (a BaseException, so that storydiff's own
    handlers of unexpected errors do not swallow it)."""


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_bytes() -> int:
    """The resident high-water mark since the last ``reset_peak`` (Linux), else since start."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass


class Watchdog:
    """Holds the input under way to its caps from a thread of its own: over one, the main
    thread is interrupted (a signal whose handler raises ``Overrun``); if it does not stop
    (stuck in C), the run ends, keeping the input, after three times the cap."""

    def __init__(self, seconds: float, memory: int, on_stuck: Callable[[], None]) -> None:
        self.seconds, self.memory, self.on_stuck = seconds, memory, on_stuck
        self.started: float | None = None
        self.reason = ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        signal.signal(signal.SIGUSR1, self._interrupt)
        threading.Thread(target=self._watch, daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def begin(self) -> None:
        with self._lock:
            self.reason, self.started = "", time.monotonic()

    def end(self) -> None:
        with self._lock:
            self.started = None

    def _interrupt(self, signum: int, frame: object) -> None:
        if self.started is not None:
            raise Overrun(self.reason)

    def _watch(self) -> None:
        main = threading.main_thread().ident
        while not self._stop.wait(0.05):
            with self._lock:
                if self.started is None:
                    continue
                elapsed = time.monotonic() - self.started
                memory = resident_bytes()
                if elapsed > 3 * self.seconds:
                    self.on_stuck()
                    os._exit(3)
                if self.reason:
                    continue
                if elapsed > self.seconds:
                    self.reason = f"over {self.seconds:g} s"
                elif memory > self.memory:
                    self.reason = f"over {self.memory / 2**20:,.0f} MiB"
                else:
                    continue
            signal.pthread_kill(main, signal.SIGUSR1)


# ----------------------------------------------------------------------------- one input


@dataclass
class Result:
    """What happened to one input."""

    outcome: str  # "read", "failed" (coded errors only), "crash" or "hang"
    detail: str = ""
    codes: tuple[str, ...] = ()
    articles: int = 0
    analysed: int = 0
    seconds: float = 0.0
    peak: int = 0


class Stages:
    """Everything an input goes through after reading, loaded once for the whole run."""

    def __init__(self, analyse: bool, analyse_chars: int) -> None:
        self.analyse_chars = analyse_chars
        self.engine = self.partner = self.store = None
        if analyse:
            from storydiff.engines import EngineSettings, get_engine
            from storydiff.store import Store

            self.engine = get_engine(EngineSettings())
            example = sorted((ROOT / "examples" / "seeds").glob("*.txt"))[0]
            (self.partner,) = self._analyse(
                list(clean_documents(read_one_file(str(example), ReadOptions())))
            )
            self.store = Store(":memory:")

    def _analyse(self, articles: list[Article]) -> list[Analysis | InputError]:
        assert self.engine is not None
        return list(self.engine.analyze(articles))

    def analyse_and_render(self, articles: list[Article], problems: list[str]) -> int:
        from storydiff.compare import compare_analyses
        from storydiff.render import get_renderer, render_analyses_markdown, renderer_names

        short = [a for a in articles if len(a.text) <= self.analyse_chars]
        analyses = []
        for item in self._analyse(short):
            if isinstance(item, InputError):
                problems.append(_judge(item, "", strict_source=False) or "")
            else:
                analyses.append(item)
                _utf8(to_json(item.to_dict()), problems, "analysis JSON")
        if not analyses:
            return 0
        self.store.add(analyses)
        _utf8(render_analyses_markdown(analyses), problems, "analyses Markdown")
        for analysis in analyses[:3]:
            if analysis.article.id == self.partner.article.id:
                continue
            comparison = compare_analyses([self.partner, analysis])
            for name in renderer_names():
                _utf8(get_renderer(name)(comparison), problems, name)
        return len(analyses)


def _utf8(text: str, problems: list[str], what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        problems.append(f"{what} is not valid UTF-8: {error}")


def _judge(error: InputError, path: str, strict_source: bool = True) -> str | None:
    """Why an error is a crash, or None for a proper one: coded, foreseen, naming its input."""
    unforeseen = error.code is Code.E013 or (
        error.code is Code.E009 and "unexpected" in str(error.details.get("detail", ""))
    )
    if unforeseen:
        return f"unforeseen: {error}"
    if strict_source and not replace_surrogates(error.source).startswith(replace_surrogates(path)):
        return f"error does not name its input: {error}"
    message = str(error)
    if "\n" in message or len(message) > len(error.source) + MESSAGE_CHARS:
        return f"error is not one short line: {message[:300]!r}…"
    return None


def _read_as_string(
    case: Case, options: ReadOptions, codes: list[str], problems: list[str]
) -> None:
    """The input as a Python caller would pass it: a string, undecodable bytes as lone
    surrogates."""
    try:
        as_string = case.data.decode("utf-8", "surrogateescape")
        list(clean_documents([read_text(as_string, case.name, options=options)]))
    except InputError as error:
        codes.append(error.code.name)
        if problem := _judge(error, case.name):
            problems.append(problem)


def check(case: Case, folder: Path, stages: Stages, analyse: bool, options: ReadOptions) -> Result:
    """Read the input every way, clean, and (when asked) analyse, store and render it."""
    path = str(folder / case.name)
    with open(os.fsencode(path), "wb") as stream:
        stream.write(case.data)
    problems: list[str] = []
    codes: list[str] = []
    articles: list[Article] = []
    # Every reader reads every input but the largest, which storydiff's choice reads alone:
    # time goes on inputs, not on reading one megabyte nine times.
    whole = len(case.data) <= EVERY_READER_BYTES
    readers = [None, *(get_reader(name) for name in reader_names())] if whole else [None]
    for reader in readers:
        items = list(clean_documents(read_one_file(path, options, reader)))
        for item in items:
            if isinstance(item, InputError):
                codes.append(item.code.name)
                problem = _judge(item, path)
                if problem:
                    problems.append(problem)
            elif reader is None:
                articles.append(item)
            if not isinstance(item, InputError):
                _utf8(to_json(item.to_dict()), problems, "article JSON")
    if whole:
        _read_as_string(case, options, codes, problems)
    analysed = stages.analyse_and_render(articles, problems) if analyse else 0
    if problems:
        return Result("crash", problems[0], tuple(codes), len(articles), analysed)
    return Result("read" if articles else "failed", "", tuple(codes), len(articles), analysed)


# ------------------------------------------------------------------------------------ a run


@dataclass
class Tally:
    tried: int = 0
    outcomes: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    time: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)
    articles: int = 0
    analysed: int = 0
    slowest: float = 0.0
    peak: int = 0
    bad: list[str] = field(default_factory=list)

    def add(self, case: Case, result: Result) -> None:
        self.tried += 1
        self.outcomes[result.outcome] += 1
        self.kinds[case.kind] += 1
        self.time[case.kind] += result.seconds
        self.codes.update(result.codes)
        self.articles += result.articles
        self.analysed += result.analysed
        self.slowest = max(self.slowest, result.seconds)
        self.peak = max(self.peak, result.peak)

    @property
    def crashes(self) -> int:
        return self.outcomes["crash"]

    @property
    def hangs(self) -> int:
        return self.outcomes["hang"]

    def report(self) -> str:
        lines = [
            f"inputs tried: {self.tried:,}",
            "by generator: "
            + ", ".join(f"{k} {n:,} ({self.time[k]:.0f} s)" for k, n in sorted(self.kinds.items())),
            f"crashes: {self.crashes}, hangs: {self.hangs}",
            f"read with articles: {self.outcomes['read']:,}, refused with coded errors only: "
            f"{self.outcomes['failed']:,}; articles {self.articles:,}, analysed {self.analysed:,}",
            f"slowest input: {self.slowest:.1f} s; peak memory: {self.peak / 2**20:,.0f} MiB",
            "errors by code: " + ", ".join(f"{c} {n:,}" for c, n in sorted(self.codes.items())),
        ]
        return "\n".join([*lines, *self.bad])


def run(
    inputs: int,
    run_seed: int,
    analyse_every: int = 0,
    analyse_chars: int = 20_000,
    time_cap: float = 30.0,
    memory_cap_mib: int = 2048,
    keep: Path | None = None,
    replay: list[Case] | None = None,
    progress: Callable[[Tally], None] | None = None,
) -> Tally:
    """Run ``inputs`` generated inputs (or the ``replay`` cases) and tally what happened."""
    tally = Tally()
    stages = Stages(analyse_every > 0, analyse_chars)
    options = ReadOptions()
    with tempfile.TemporaryDirectory(prefix="storydiff-fuzz-") as scratch:
        folder = Path(scratch)
        current: list[Case] = []

        def kept(case: Case, number: int) -> str:
            if keep is None:
                return ""
            keep.mkdir(parents=True, exist_ok=True)
            target = keep / f"{number:06d}-{case.kind.replace(' ', '_')}{_extension(case.name)}"
            target.write_bytes(case.data)
            return f", kept as {target}"

        def stuck() -> None:
            if current:
                print(
                    f"STUCK: seed {run_seed}, input #{tally.tried}{kept(current[0], tally.tried)}",
                    flush=True,
                )

        watchdog = Watchdog(time_cap, memory_cap_mib * 2**20, stuck)

        def one(case: Case) -> None:
            number = tally.tried
            analyse = analyse_every > 0 and number % analyse_every == 0
            current[:] = [case]
            reset_peak()
            started = time.monotonic()
            watchdog.begin()
            try:
                result = check(case, folder, stages, analyse, options)
            except Overrun as over:
                result = Result("hang", str(over))
            except Exception as error:  # noqa: BLE001 — what the harness exists to find
                result = Result("crash", f"{type(error).__name__}: {error}")
            finally:
                watchdog.end()
            result.seconds = time.monotonic() - started
            result.peak = peak_bytes()
            for leftover in folder.iterdir():
                leftover.unlink()
            if result.outcome in ("crash", "hang"):
                tally.bad.append(
                    f"{result.outcome.upper()}: seed {run_seed}, input #{number} ({case.kind}, "
                    f"{case.name!r}, {len(case.data):,} bytes): {result.detail}{kept(case, number)}"
                )
            tally.add(case, result)
            if progress is not None:
                progress(tally)

        @seed(run_seed)
        @settings(
            max_examples=inputs,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(cases())
        def generated(case: Case) -> None:
            one(case)

        try:
            if replay is None:
                generated()
            else:
                for case in replay:
                    one(case)
        finally:
            watchdog.stop()
    return tally


def _extension(name: str) -> str:
    return ".warc.gz" if name.endswith(".warc.gz") else Path(name).suffix


def _replay_cases(paths: list[Path]) -> Iterator[Case]:
    for path in paths:
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            yield Case("replayed", f"replayed{_extension(file.name)}", file.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--analyse-every", type=int, default=0, help="0: no analysis")
    parser.add_argument("--analyse-chars", type=int, default=20_000)
    parser.add_argument("--time-cap", type=float, default=30.0, help="seconds an input")
    parser.add_argument("--memory-cap", type=int, default=2048, help="MiB resident")
    parser.add_argument("--keep", type=Path, help="keep crashing and hanging inputs here")
    parser.add_argument("--replay", type=Path, nargs="+", help="run these kept inputs again")
    args = parser.parse_args(argv)
    started = time.monotonic()

    def progress(tally: Tally) -> None:
        if tally.tried % 1000 == 0:
            print(
                f"... {tally.tried:,} inputs, {tally.crashes} crashes, {tally.hangs} hangs, "
                f"{time.monotonic() - started:.0f} s",
                file=sys.stderr,
                flush=True,
            )

    replay = list(_replay_cases(args.replay)) if args.replay else None
    tally = run(
        args.inputs,
        args.seed,
        args.analyse_every,
        args.analyse_chars,
        args.time_cap,
        args.memory_cap,
        args.keep,
        replay,
        progress,
    )
    print(
        f"fuzz: seed {args.seed}, analysis every {args.analyse_every or 'never'}, "
        f"{time.monotonic() - started:.0f} s"
    )
    print(tally.report())
    return 1 if tally.crashes or tally.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
