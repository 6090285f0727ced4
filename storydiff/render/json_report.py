"""The comparison as the JSON document of INTERFACE.md, as a report to hand on.

It is ``Comparison.to_dict`` with each article's ``source`` given by file name or URL, like the
HTML and Markdown reports: ``to_dict`` itself keeps the paths as read, for the program that
holds the comparison.
"""

from __future__ import annotations

from storydiff.model import Comparison, to_json
from storydiff.render.common import shareable


def render_comparison_json(comparison: Comparison) -> str:
    """Indented, non-ASCII kept, one final newline."""
    return to_json(shareable(comparison).to_dict(), indent=2) + "\n"
