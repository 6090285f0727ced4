"""The comparison as the JSON document of INTERFACE.md, as a report to hand on.

It is ``Comparison.to_dict`` with each article's ``source`` given by file name or URL, like the
HTML and Markdown reports: ``to_dict`` itself keeps the paths as read, for the program that
holds the comparison. The ``run`` block, when given, says what produced it; it comes right
after ``schema``.
"""

from __future__ import annotations

from storydiff.config import Run
from storydiff.model import Comparison, to_json
from storydiff.render.common import shareable


def render_comparison_json(comparison: Comparison, run: Run | None = None) -> str:
    """Indented, non-ASCII kept, one final newline."""
    document = shareable(comparison).to_dict()
    if run is not None:
        document = {"schema": document["schema"], "run": run.to_dict(), **document}
    return to_json(document, indent=2) + "\n"
