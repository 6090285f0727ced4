"""Shared fixtures: the seed articles, their gold annotations, and the pipeline (loaded once)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
SKY = SEEDS / "000_5988aafb84cd7969.txt"
SPUTNIK = SEEDS / "001_4776b1b0b6ff724a.txt"


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((DATA / "seeds.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from storydiff.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def fr():
    """The French pipeline, as storydiff loads it for an article in French."""
    from storydiff.nlp.pipeline import Pipelines

    return Pipelines()("fr")


@pytest.fixture(scope="session")
def seed_analyses(nlp):
    from storydiff import analyze

    return {a.article.source.rsplit("/", 1)[-1]: a for a in analyze([str(SKY), str(SPUTNIK)])}
