"""The registry of comparison renderers: a comparison in, the report's text out.

storydiff's own are ``storydiff.render.html.v1``, ``storydiff.render.markdown.v1`` and
``storydiff.render.json.v1``, which ``compare --format`` also calls ``html``, ``md`` and
``json``; another package adds a format of its own by registering a function under a name of
its own (entry point group ``storydiff_renderers``), and ``--format`` takes that name.
"""

from __future__ import annotations

from collections.abc import Callable

from storydiff.model import Comparison
from storydiff.registry import Registry, create, lookup, names
from storydiff.render.html import render_comparison_html
from storydiff.render.json_report import render_comparison_json
from storydiff.render.markdown import render_comparison_markdown

Renderer = Callable[[Comparison], str]

renderers: Registry[Renderer] = create("renderers")
renderers.register("storydiff.render.html.v1", func=render_comparison_html)
renderers.register("storydiff.render.markdown.v1", func=render_comparison_markdown)
renderers.register("storydiff.render.json.v1", func=render_comparison_json)
# The short names of storydiff's own formats, as --format has always taken them.
FORMATS = {
    "html": "storydiff.render.html.v1",
    "json": "storydiff.render.json.v1",
    "md": "storydiff.render.markdown.v1",
}


def get_renderer(name: str) -> Renderer:
    """The renderer a short format name or a registered name stands for (E023 for none)."""
    return lookup(renderers, FORMATS.get(name, name), "renderer")


def renderer_names() -> list[str]:
    return names(renderers)
