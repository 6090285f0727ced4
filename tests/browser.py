"""A headless Chromium driven over the DevTools protocol, with nothing but the standard library.

Chromium's ``--remote-debugging-pipe`` reads protocol commands from file descriptor 3 and
writes replies and events to descriptor 4, each message a JSON object ended by a NUL byte; this
is how Puppeteer talks to it. A pipe needs no port, no WebSocket client and no driver binary.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
)
TIMEOUT = 30.0


class BrowserError(RuntimeError):
    pass


def chromium_path() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserError(
        "the browser tests need Chromium: apt-get install chromium (Debian), or put a "
        "chromium or google-chrome executable on PATH"
    )


class Page:
    """One tab: send commands, and keep every event it reports."""

    def __init__(self, connection: _Connection, session: str) -> None:
        self._connection = connection
        self._session = session
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self._connection.call(method, params, self._session, self.events)

    def wait_for(self, method: str) -> dict[str, Any]:
        return self._connection.wait_event(method, self._session, self.events)

    def evaluate(self, expression: str) -> Any:
        reply = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise BrowserError(f"script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def wait_until(self, expression: str, timeout: float = 5.0) -> None:
        """Poll ``expression`` until it is true: what a page does after an event (a
        ``toggle``) runs in a later task than the click that caused it."""
        deadline = time.monotonic() + timeout
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                raise BrowserError(f"still false after {timeout:.0f} s: {expression}")
            time.sleep(0.05)

    def set_width(self, width: int, height: int = 900) -> None:
        """Lay the page out as in a window ``width`` CSS pixels wide (the media queries too)."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def emulate_media(self, media: str) -> None:
        """Apply the style sheet's rules for ``media`` ("print"), as printing would."""
        self.send("Emulation.setEmulatedMedia", media=media)

    def screenshot(self, path: str, top: int = 0, height: int | None = None) -> None:
        """The page from ``top`` down (to its end, or ``height`` pixels) as a PNG, for a person
        to look at."""
        if height is None:
            height = self.evaluate("document.documentElement.scrollHeight") - top
        width = self.evaluate("document.documentElement.clientWidth")
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": top, "width": width, "height": height, "scale": 1},
        )
        with open(path, "wb") as out:
            out.write(base64.b64decode(shot["data"]))

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element, as a reader's would be."""
        box = self.evaluate(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + Math.min(r.height / 2, 10)]; })()"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def press(self, key: str, code: str, key_code: int, text: str = "") -> None:
        """A key pressed and released; ``text`` is what it types ("\r" for Enter), which is
        what makes a focused button act on it."""
        self.send(
            "Input.dispatchKeyEvent",
            type="keyDown" if text else "rawKeyDown",
            key=key,
            code=code,
            windowsVirtualKeyCode=key_code,
            text=text,
        )
        self.send(
            "Input.dispatchKeyEvent",
            type="keyUp",
            key=key,
            code=code,
            windowsVirtualKeyCode=key_code,
        )


class _Connection:
    def __init__(self, to_browser: int, from_browser: int) -> None:
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next_id = 0

    def call(
        self, method: str, params: dict[str, Any], session: str | None, events: list
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                events.append(reply)

    def wait_event(self, method: str, session: str | None, events: list) -> dict[str, Any]:
        for event in events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read()
            if "method" in event:
                events.append(event)
                if event["method"] == method and event.get("sessionId") == session:
                    return event

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._in], [], [], max(left, 0))
            if not ready:
                raise BrowserError(f"Chromium did not answer within {TIMEOUT:.0f} s")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)


@contextmanager
def open_page(url: str) -> Iterator[Page]:
    """A fresh headless Chromium showing ``url`` once its load event has fired."""
    to_child_read, to_child_write = os.pipe()
    from_child_read, from_child_write = os.pipe()

    def descriptors_3_and_4() -> None:
        os.dup2(to_child_read, 3)
        os.dup2(from_child_write, 4)

    with tempfile.TemporaryDirectory(prefix="storydiff-chromium-") as profile:
        process = subprocess.Popen(
            [chromium_path(), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=descriptors_3_and_4,
            pass_fds=(3, 4),
            start_new_session=True,
        )
        os.close(to_child_read)
        os.close(from_child_write)
        connection = _Connection(to_child_write, from_child_read)
        try:
            target = connection.call("Target.createTarget", {"url": "about:blank"}, None, [])
            session = connection.call(
                "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, None, []
            )["sessionId"]
            page = Page(connection, session)
            for domain in ("Page", "Runtime", "Log", "Network"):
                page.send(f"{domain}.enable")
            page.send("Page.navigate", url=url)
            page.wait_for("Page.loadEventFired")
            yield page
        finally:
            _close(connection, process)
            os.close(to_child_write)
            os.close(from_child_read)


def _close(connection: _Connection, process: subprocess.Popen) -> None:
    """Ask Chromium to quit so that it stops writing to its profile, and end its whole process
    group (renderers, zygote) if it does not."""
    try:
        connection.call("Browser.close", {}, None, [])
        process.wait(timeout=10)
    except (BrowserError, OSError, subprocess.TimeoutExpired):
        pass
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=TIMEOUT)


def problems(events: list[dict[str, Any]]) -> list[str]:
    """Console errors and warnings, uncaught exceptions and browser log errors (a blocked
    script or style, a Content-Security-Policy violation) among a page's events."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(f"exception: {params['exceptionDetails']}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "warning"}:
            found.append(f"console.{params['type']}: {params.get('args')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") in {"error", "warning"}:
            found.append(f"log: {params['entry'].get('text')}")
    return found


def requests(events: list[dict[str, Any]]) -> list[str]:
    """Every URL the page asked for."""
    return [
        e["params"]["request"]["url"]
        for e in events
        if e.get("method") == "Network.requestWillBeSent"
    ]
