"""storydiff: show how different news outlets tell the same story.

The flow runs one way: ``read`` (files, pages, JSON Lines) -> ``clean`` (furniture removed,
title/outlet/date found) -> ``analyze`` (entities, quotes, statements) -> ``compare`` (shared
points, only-in statements, sources) -> render (HTML, Markdown, JSON).
"""

from storydiff.api import analyze, compare, read
from storydiff.engines import EngineSettings
from storydiff.model import SCHEMA, Analysis, Article, Comparison, Text
from storydiff.report import Report

__all__ = [
    "SCHEMA",
    "Analysis",
    "Article",
    "Comparison",
    "EngineSettings",
    "Report",
    "Text",
    "analyze",
    "compare",
    "read",
]
__version__ = "0.1.0"
