"""Fetching within bounds, against servers on 127.0.0.1: one that drips its answer a byte at a
time is cut off at the deadline with E038, one that never answers the connection at the connect
timeout, redirects are followed only to http and https and only so far, a body over the cap is
refused, and a feed's links are fetched only when asked."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from storydiff.errors import Code, InputError
from storydiff.sources import ReadOptions, read_inputs
from storydiff.sources.fetch import fetch

BODY = (
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
    "to leave their homes as rescue teams worked through the night."
)
PAGE = (
    f"<html><head><title>Floods</title></head><body><article><p>{BODY}</p></article></body></html>"
)
# A server that drips keeps dripping for this long: far past any deadline a test sets.
DRIP_SECONDS = 60


@contextmanager
def server(answer: Callable[[socket.socket, str], None]) -> Iterator[str]:
    """A server on 127.0.0.1 that hands each connection and the request's path to ``answer``;
    yields its base URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=_handle, args=(connection, answer), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()


def _handle(connection: socket.socket, answer: Callable[[socket.socket, str], None]) -> None:
    with connection:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = connection.recv(4096)
            if not chunk:
                return
            request += chunk
        path = request.split(b" ")[1].decode()
        with contextlib.suppress(OSError):  # the client hung up, as it should at its deadline
            answer(connection, path)


def respond(status: str, body: bytes = b"", headers: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n{headers}\r\n"
    ).encode() + body


def drip_body(connection: socket.socket, path: str) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
    _drip(connection, b"x" * 1000)


def drip_headers(connection: socket.socket, path: str) -> None:
    _drip(connection, b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"y" * 1000)


def _drip(connection: socket.socket, data: bytes) -> None:
    for byte in data[: int(DRIP_SECONDS / 0.05)]:
        connection.sendall(bytes([byte]))
        time.sleep(0.05)


@pytest.mark.parametrize("answer", [drip_body, drip_headers])
def test_a_server_that_drips_its_answer_is_cut_off_at_the_deadline(answer):
    options = ReadOptions(fetch_timeout=1.0, connect_timeout=1.0)
    with server(answer) as base:
        started = time.monotonic()
        with pytest.raises(InputError) as caught:
            fetch(f"{base}/slow", 10_000_000, options)
        taken = time.monotonic() - started
    assert caught.value.code is Code.E038
    assert "--fetch-timeout" in str(caught.value) and base in str(caught.value)
    # Socket timeouts alone would wait for each byte and never end; the deadline ends it.
    assert taken < DRIP_SECONDS / 4


@contextmanager
def server_that_never_accepts() -> Iterator[str]:
    """A listener whose backlog is full and which never accepts, so that a new connection's
    handshake goes unanswered, as with a host that drops packets; yields its base URL."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=0)
    port = listener.getsockname()[1]
    queued: list[socket.socket] = []
    try:
        while True:  # fill the backlog until a handshake is left unanswered
            probe = socket.socket()
            probe.settimeout(0.2)
            queued.append(probe)
            try:
                probe.connect(("127.0.0.1", port))
            except TimeoutError:
                break
        yield f"http://127.0.0.1:{port}"
    finally:
        for probe in queued:
            probe.close()
        listener.close()


def test_a_server_that_never_answers_the_connection_is_left_at_the_connect_timeout():
    options = ReadOptions(fetch_timeout=DRIP_SECONDS, connect_timeout=0.5)
    with server_that_never_accepts() as base:
        started = time.monotonic()
        with pytest.raises(InputError) as caught:
            fetch(f"{base}/page", 10_000_000, options)
        taken = time.monotonic() - started
    assert caught.value.code is Code.E038
    assert "--connect-timeout" in str(caught.value) and base in str(caught.value)
    # The connect timeout ends it, not the (much longer) deadline for the whole fetch.
    assert taken < DRIP_SECONDS / 4


def test_a_page_is_fetched_and_read():
    def answer(connection: socket.socket, path: str) -> None:
        connection.sendall(respond("200 OK", PAGE.encode(), "Content-Type: text/html\r\n"))

    with server(answer) as base:
        (document,) = read_inputs([f"{base}/story"])
    assert document.text == BODY and document.title == "Floods"


def test_redirects_are_followed_within_their_bound():
    def answer(connection: socket.socket, path: str) -> None:
        hops = int(path.strip("/") or 0)
        if hops < 3:
            connection.sendall(respond("302 Found", headers=f"Location: /{hops + 1}\r\n"))
        else:
            connection.sendall(respond("200 OK", PAGE.encode()))

    with server(answer) as base:
        assert fetch(f"{base}/0", 100_000, ReadOptions(max_redirects=3)) == PAGE.encode()
        with pytest.raises(InputError) as caught:
            fetch(f"{base}/0", 100_000, ReadOptions(max_redirects=2))
    assert caught.value.code is Code.E018 and "more than 2 redirects" in str(caught.value)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/a", "javascript:x"])
def test_a_redirect_leaves_the_web_only_to_be_refused(target):
    def answer(connection: socket.socket, path: str) -> None:
        connection.sendall(respond("301 Moved", headers=f"Location: {target}\r\n"))

    with server(answer) as base, pytest.raises(InputError) as caught:
        fetch(f"{base}/a", 100_000)
    assert caught.value.code is Code.E018
    assert "only http and https" in str(caught.value) and target in str(caught.value)


def test_a_body_over_the_cap_is_refused():
    def answer(connection: socket.socket, path: str) -> None:
        connection.sendall(respond("200 OK", b"z" * 50_000))

    with server(answer) as base, pytest.raises(InputError) as caught:
        fetch(f"{base}/big", 10_000)
    assert caught.value.code is Code.E004


def test_an_error_status_is_e018():
    def answer(connection: socket.socket, path: str) -> None:
        connection.sendall(respond("404 Not Found", b"gone"))

    with server(answer) as base, pytest.raises(InputError) as caught:
        fetch(f"{base}/gone", 10_000)
    assert caught.value.code is Code.E018 and "404" in str(caught.value)


def feed(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link><description>{BODY}</description></item>"
        for n, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss><channel><title>News</title>{items}</channel></rss>'.encode()


def test_a_feeds_links_are_fetched_only_when_asked_and_never_from_the_disk():
    asked: list[str] = []

    def answer(connection: socket.socket, path: str) -> None:
        asked.append(path)
        if path == "/feed":
            connection.sendall(respond("200 OK", feed([f"{base}/page", "file:///etc/passwd"])))
        else:
            connection.sendall(respond("200 OK", PAGE.encode()))

    with server(answer) as base:
        entries = list(read_inputs([f"{base}/feed"]))
        assert asked == ["/feed"] and [e.text for e in entries] == [BODY, BODY]
        fetched, local = read_inputs([f"{base}/feed"], fetch_links=True)
    assert asked == ["/feed", "/feed", "/page"]
    assert fetched.title == "Floods"
    assert isinstance(local, InputError) and local.code is Code.E018
    assert "only http and https" in str(local)
