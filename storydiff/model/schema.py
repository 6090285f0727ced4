"""The JSON storydiff writes: every top-level document carries ``"schema": SCHEMA``."""

from __future__ import annotations

import json
from typing import Any

SCHEMA = "storydiff/1"


def to_json(document: Any, indent: int | None = None) -> str:
    """JSON as storydiff writes it: text as is (UTF-8), and never NaN or Infinity, which are
    not JSON and which other parsers reject: a value that is not finite must fail here, loudly,
    rather than be written."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, indent=indent)
