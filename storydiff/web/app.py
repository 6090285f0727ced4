"""Starting the web app: the store checked, Datasette set up over it read-only, the server
bound to a free port of 127.0.0.1 unless told otherwise.

The store is checked before Datasette sees it, so that a missing or unreadable file, another
program's database or a store of another schema version is one coded error naming the file
(E042, E027, E028), and a missing Datasette says which extra to install (E025).
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storydiff.errors import Code, ConfigError, StorydiffError
from storydiff.store.opening import check_store_file
from storydiff.store.schema import VERSION

LOOPBACK = ("127.0.0.1", "localhost", "::1")
# The most rows a SQL query of Datasette's own pages returns, and how long it may run.
SETTINGS = {"max_returned_rows": 1000, "sql_time_limit_ms": 3000}


def check_store(path: Path) -> None:
    """E042 for a file that is missing, unreadable or of an older schema; E027 for one that is
    not a store, E028 for a newer store. Reads only."""
    if not path.is_file():
        raise StorydiffError(Code.E042, path=path, detail="no such file")
    if not os.access(path, os.R_OK):
        raise StorydiffError(Code.E042, path=path, detail="the file cannot be read")
    check_store_file(path)
    found = _user_version(path)
    if found == 0:
        raise StorydiffError(Code.E027, path=path, detail="an empty SQLite database")
    if found < VERSION:
        raise StorydiffError(
            Code.E042,
            path=path,
            detail=(
                f"it is of schema version {found}, older than {VERSION}; any storydiff "
                f"command that opens it brings it up to date (storydiff actors --store {path})"
            ),
        )


def _user_version(path: Path) -> int:
    with open(path, "rb") as stream:
        return int.from_bytes(stream.read(64)[60:64], "big")


def datasette_for(paths: Sequence[Path]) -> Any:
    """A Datasette over the stores, read-only, with storydiff's pages registered."""
    try:
        from datasette.app import Datasette
        from datasette.plugins import pm
    except ImportError:
        raise ConfigError(
            Code.E025,
            feature="storydiff serve",
            package="datasette",
            install="'storydiff[web]'",
        ) from None
    from storydiff.web import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="storydiff")
    return Datasette([str(p) for p in paths], settings=SETTINGS)


def serve(
    store: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the web app over ``store`` until interrupted. ``port`` 0 takes a free port;
    ``on_ready`` is told the stories page's URL once the port is bound (by default it is
    printed). A ``host`` other than loopback serves every machine that can reach this one,
    which is warned of on standard error."""
    path = Path(store)
    check_store(path)
    datasette = datasette_for([path])
    import uvicorn

    if host not in LOOPBACK:
        print(
            f"storydiff: warning: serving on {host}, reachable from other machines; the "
            "app has no login, so anyone who can reach it can read the whole store",
            file=sys.stderr,
        )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise ConfigError(
            Code.E024, option="--host/--port", expected="an address free to bind", value=error
        ) from error
    # Listening before the URL is printed: a browser opened at once waits in the backlog
    # rather than being refused while the server starts.
    sock.listen(128)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/{datasette.get_database().name}/-/stories"
    (on_ready or print)(url)
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning"))
    server.run(sockets=[sock])
