"""Fetching a URL (a feed the user names, a page a feed links to) within fixed bounds.

A server can be slow on purpose: a socket timeout bounds each wait for bytes, not the whole
answer, and a server that sends one byte every few seconds keeps such a fetch going for ever.
So every fetch has a deadline for all of it (headers, redirects and body), enforced by a timer
that closes the connection when it passes, a separate bound on connecting, a size cap on the
body and a bound on redirects. Only http and https are fetched, redirects included: never a
``file:`` URL a hostile feed links to. Name lookups are the system resolver's.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

from storydiff.errors import Code, InputError
from storydiff.sources.readers import ReadOptions

USER_AGENT = "storydiff (+https://pypi.org/project/storydiff/)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SCHEMES = {"http": http.client.HTTPConnection, "https": http.client.HTTPSConnection}
_CHUNK = 1 << 16


def fetch(
    url: str, max_bytes: int, options: ReadOptions | None = None, too_large: Code = Code.E004
) -> bytes:
    """The body at ``url``, at most ``max_bytes`` of it (else ``too_large``), within
    ``options``' connect timeout, deadline and redirect bound (E038 when time runs out, E018
    for any other failure)."""
    options = options or ReadOptions()
    deadline = time.monotonic() + options.fetch_timeout
    asked = url
    for _ in range(options.max_redirects + 1):
        status, location, body = _get(url, asked, max_bytes, options, deadline, too_large)
        if status in _REDIRECTS and location:
            url = urljoin(url, location)
            continue
        if status != 200:
            raise InputError(asked, Code.E018, url=url, detail=f"the server answered {status}")
        return body
    raise InputError(
        asked,
        Code.E018,
        url=asked,
        detail=f"more than {options.max_redirects} redirects (--max-redirects)",
    )


def _get(
    url: str, asked: str, max_bytes: int, options: ReadOptions, deadline: float, too_large: Code
) -> tuple[int, str | None, bytes]:
    """One request: the status, the redirect's target and the body (empty for a redirect)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES or not parts.hostname:
        detail = "only http and https URLs are fetched"
        if url != asked:
            detail = f"redirected to {url}; {detail}"
        raise InputError(asked, Code.E018, url=asked, detail=detail)
    left = deadline - time.monotonic()
    connect = min(options.connect_timeout, max(left, 0.001))
    kind = _SCHEMES[scheme]
    extra = {"context": ssl.create_default_context()} if scheme == "https" else {}
    connection = kind(parts.hostname, parts.port, timeout=connect, **extra)
    watchdog = _Watchdog(connection, deadline)
    try:
        try:
            connection.connect()
        except TimeoutError as error:
            raise InputError(
                asked,
                Code.E038,
                url=asked,
                detail=f"no connection within {connect:g} s (--connect-timeout)",
            ) from error
        connection.sock.settimeout(max(deadline - time.monotonic(), 0.001))
        watchdog.start()
        path = parts.path or "/"
        if parts.query:
            path += f"?{parts.query}"
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            return response.status, response.getheader("Location"), b""
        body = _body(response, max_bytes, watchdog)
    except (OSError, http.client.HTTPException) as error:
        if watchdog.fired or isinstance(error, TimeoutError):
            raise _late(asked, options) from error
        raise InputError(asked, Code.E018, url=asked, detail=_reason(error)) from error
    finally:
        watchdog.cancel()
        connection.close()
    if watchdog.fired:
        raise _late(asked, options)
    if len(body) > max_bytes:
        raise InputError(asked, too_large, size=f"over {max_bytes:,}", limit=max_bytes)
    return response.status, None, body


def _body(response: http.client.HTTPResponse, max_bytes: int, watchdog: _Watchdog) -> bytes:
    """Up to one byte past the cap, so that a body over it is told from one that fits."""
    parts, size = [], 0
    while size <= max_bytes and not watchdog.fired:
        chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


class _Watchdog:
    """Shuts the connection's socket when the deadline passes, which ends any read blocked on
    it however slowly the server sends."""

    def __init__(self, connection: http.client.HTTPConnection, deadline: float) -> None:
        self._connection = connection
        self._timer = threading.Timer(max(deadline - time.monotonic(), 0), self._fire)
        self._timer.daemon = True
        self.fired = False

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        self.fired = True
        sock = self._connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _late(url: str, options: ReadOptions) -> InputError:
    return InputError(
        url,
        Code.E038,
        url=url,
        detail=f"not all of it within {options.fetch_timeout:g} s (--fetch-timeout)",
    )


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
