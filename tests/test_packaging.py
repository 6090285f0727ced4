"""storydiff as a user gets it: a wheel, installed into a fresh environment, runs the demo.

The wheel is built offline from a copy of the sources (nothing is written into the checkout),
with the build backend of the test dependencies, and installed without its dependencies into a
new virtual environment that sees the current one's packages (spaCy and the rest are not
installed again). The demo then runs from a directory outside the sources, so it can only find
its example articles in the installed package.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    # Without PYTHONPATH, nothing of the checkout can stand in for the installed package.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin directory of a fresh environment with storydiff installed from its wheel."""
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    for package in ("storydiff", "examples"):
        shutil.copytree(
            ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    wheels = work / "wheels"
    run(
        sys.executable,
        *("-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q"),
        *("-w", wheels, source),
        cwd=work,
    )
    (wheel,) = wheels.glob("storydiff-*.whl")
    environment = work / "env"
    venv.create(environment, with_pip=False)
    (purelib,) = (environment / "lib").glob("python3*/site-packages")
    (purelib / "outer-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    python = environment / "bin" / "python"
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=work)
    return environment / "bin"


def test_the_demo_runs_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    result = run(installed / "storydiff", "demo", "-o", "report.html", cwd=tmp_path)
    report = tmp_path / "report.html"
    assert str(report) in result.stderr
    page = report.read_text(encoding="utf-8")
    assert "Sky News" in page and "Sputnik International" in page


def test_the_installed_package_is_the_wheel_with_its_data(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import importlib.metadata as m, json, storydiff.cli as c; "
        "print(c.__file__); print(len(list(c.EXAMPLE_DIR.glob('*.txt')))); "
        "print(json.dumps(sorted(e.name for e in m.entry_points(group='spacy_factories') "
        "if e.name.startswith('storydiff_'))))"
    )
    where, examples, factories = run(
        installed / "python", "-c", probe, cwd=tmp_path
    ).stdout.splitlines()
    assert Path(where).is_relative_to(installed.parent) and examples == "2"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]
    assert json.loads(factories) == sorted(declared["spacy_factories"])
