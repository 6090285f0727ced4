"""storydiff: show how different news outlets tell the same story.

The flow runs one way: ``read`` (files, pages, JSON Lines) -> ``clean`` (furniture removed,
title/outlet/date found) -> ``analyze`` (entities, quotes, statements) -> ``compare`` (shared
points, only-in statements, sources) -> render (HTML, Markdown, JSON).

The entry points that analyse and render load spaCy, trafilatura and Jinja2, which takes
seconds; they are imported when first used (PEP 562), so that ``import storydiff``, and a
program that only reads storydiff's JSON with ``storydiff.model``, start at once.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

from storydiff.model import SCHEMA, Analysis, Article, Comparison, Text

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
    "serve",
]
__version__ = "0.1.0"

_LAZY = {
    "EngineSettings": "storydiff.engines",
    "analyze": "storydiff.api",
    "compare": "storydiff.api",
    "read": "storydiff.api",
    "serve": "storydiff.web.app",
    "Report": "storydiff.report",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])


class _Package(ModuleType):
    """``storydiff.compare`` is the function, as the API promises, though ``storydiff/compare/``
    is also a subpackage: importing it would otherwise set the package's ``compare`` to the
    subpackage (the import system names a loaded submodule on its parent). The subpackage is
    still imported by its full name (``from storydiff.compare import compare_analyses``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "compare" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
