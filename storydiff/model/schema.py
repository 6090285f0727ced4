"""The JSON storydiff writes, and the check that what it reads back is JSON it can read.

Every top-level document carries ``"schema": SCHEMA``. A document in another schema (one a
newer storydiff wrote, or someone else's JSON) is refused with ``E030`` rather than read into
objects that would silently lack what it holds. A document without ``schema`` is read as
``SCHEMA``: every storydiff so far has written ``storydiff/1`` documents, and a record built by
hand or trimmed by a script often leaves the field out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from storydiff.errors import Code, StorydiffError

SCHEMA = "storydiff/1"


def check_schema(data: Mapping[str, Any], document: str) -> None:
    """Raise ``E030`` unless ``data`` is in ``SCHEMA`` (or says no schema); ``document``
    names it in the message ("the analysis of a.txt")."""
    found = data.get("schema", SCHEMA)
    if found != SCHEMA:
        raise StorydiffError(Code.E030, document=document, found=found, known=SCHEMA)


def to_json(document: Any, indent: int | None = None) -> str:
    """JSON as storydiff writes it: text as is (UTF-8), and never NaN or Infinity, which are
    not JSON and which other parsers reject: a value that is not finite must fail here, loudly,
    rather than be written."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, indent=indent)
