"""storydiff as a Datasette plugin (entry point group ``datasette``): ``datasette corpus.db``
with storydiff installed serves the same pages as ``storydiff serve``."""

from __future__ import annotations

from typing import Any

import jinja2
from datasette import hookimpl

from storydiff.web.pages import routes


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return routes()


@hookimpl
def prepare_jinja2_environment(env: jinja2.Environment) -> None:
    """The app's templates beside Datasette's own (theirs are all named ``storydiff_*``)."""
    ours = jinja2.PackageLoader("storydiff.web", "templates")
    env.loader = jinja2.ChoiceLoader([ours, *([env.loader] if env.loader else [])])


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    """The stories of each store Datasette serves, in its menu."""
    return [
        {"href": f"/{name}/-/stories", "label": f"Stories: {name}"}
        for name, database in datasette.databases.items()
        if database.path
    ]
