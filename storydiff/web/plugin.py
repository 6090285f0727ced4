"""storydiff as a Datasette plugin (entry point group ``datasette``): ``datasette corpus.db``
with storydiff installed serves the same pages as ``storydiff serve``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import jinja2
from datasette import hookimpl

from storydiff.web.pages import routes

Hook = TypeVar("Hook", bound=Callable[..., Any])


def _hook(function: Hook) -> Hook:
    """Datasette's ``hookimpl`` marker, typed: it returns the function it marks."""
    marked: Hook = hookimpl(function)
    return marked


@_hook
def register_routes() -> list[tuple[str, Any]]:
    return routes()


@_hook
def startup(datasette: Any) -> None:
    """Load what a story's comparison needs (the comparison's modules, the embedding model)
    in the background as the app starts: the first story opened took most of a second for
    that, every later one a tenth of it."""
    threading.Thread(target=_warm_up, name="storydiff-warm-up", daemon=True).start()


def _warm_up() -> None:
    import storydiff.api  # noqa: F401 - the import is the point: it loads the comparison
    from storydiff.compare.embeddings import warm_up

    warm_up()


@_hook
def prepare_jinja2_environment(env: jinja2.Environment) -> None:
    """The app's templates beside Datasette's own (theirs are all named ``storydiff_*``)."""
    ours = jinja2.PackageLoader("storydiff.web", "templates")
    env.loader = jinja2.ChoiceLoader([ours, *([env.loader] if env.loader else [])])


@_hook
def menu_links(datasette: Any) -> list[dict[str, str]]:
    """The stories of each store Datasette serves, in its menu."""
    return [
        {"href": f"/{name}/-/stories", "label": f"Stories: {name}"}
        for name, database in datasette.databases.items()
        if database.path
    ]
