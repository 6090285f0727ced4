"""Rendering a comparison or analyses for people: one HTML page, or Markdown.

Renderers are pure: the same input gives the same bytes, with no clock, network or disk in the
output, so reports can be diffed and cached. A comparison's renderers are also in the
``renderers`` registry (``renderers.py``), where another package can add its own.
"""

from storydiff.model import paragraph_ranges
from storydiff.render.actors import render_actors
from storydiff.render.annotate import Annotation, annotate_html
from storydiff.render.html import render_comparison_fragment, render_comparison_html
from storydiff.render.json_report import render_comparison_json
from storydiff.render.markdown import (
    analyses_markdown,
    md_escape,
    render_analyses_markdown,
    render_comparison_markdown,
)
from storydiff.render.renderers import FORMATS, get_renderer, renderer_names, renderers
from storydiff.render.trends import render_trend

__all__ = [
    "FORMATS",
    "Annotation",
    "annotate_html",
    "md_escape",
    "paragraph_ranges",
    "render_actors",
    "analyses_markdown",
    "render_analyses_markdown",
    "render_comparison_fragment",
    "render_comparison_html",
    "render_comparison_json",
    "render_comparison_markdown",
    "render_trend",
    "renderer_names",
    "renderers",
    "get_renderer",
]
