"""Importing storydiff is light: the data model and the package load no NLP, HTML or template
library until an entry point that needs one is used."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import storydiff

PACKAGE = Path(storydiff.__file__).parent
HEAVY = ("spacy", "trafilatura", "jinja2")


def loaded_after(statements: str) -> dict:
    """The heavy libraries a fresh interpreter holds after running the statements."""
    probe = (
        f"{statements}\n"
        "import json, sys\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_the_model_and_the_errors_load_no_heavy_library():
    assert loaded_after("import storydiff.model, storydiff.errors") == []


def test_the_package_loads_no_heavy_library_until_an_entry_point_is_used():
    assert loaded_after("import storydiff; storydiff.Text, storydiff.SCHEMA") == []
    assert loaded_after("import storydiff; storydiff.analyze") != []


def test_the_entry_points_resolve_lazily_and_compare_stays_the_function():
    probe = (
        "import storydiff, storydiff.compare.similarity\n"
        "from storydiff import api, report\n"
        "assert storydiff.compare is api.compare, storydiff.compare\n"
        "assert storydiff.analyze is api.analyze and storydiff.read is api.read\n"
        "assert storydiff.Report is report.Report\n"
        "from storydiff import engines\n"
        "assert storydiff.EngineSettings is engines.EngineSettings\n"
        "assert set(storydiff.__all__) <= set(dir(storydiff))\n"
        "from storydiff.compare import compare_analyses\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_an_unknown_attribute_is_an_attribute_error():
    assert not hasattr(storydiff, "no_such_name")


def test_the_model_and_the_errors_import_only_the_standard_library():
    """The bottom of the layering: the error catalogue imports only the standard library; the
    model's modules import that, one another and the catalogue (for its coded errors), and
    nothing else of storydiff."""
    for path in [PACKAGE / "errors.py", *sorted((PACKAGE / "model").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for name in (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
        }
        allowed = set() if path.parent == PACKAGE else {"storydiff.errors", "storydiff.model"}
        outside = {
            name
            for name in imported
            if name.split(".")[0] not in sys.stdlib_module_names
            and name not in allowed
            and name.rsplit(".", 1)[0] not in allowed
        }
        assert outside == set(), (path.name, outside)
