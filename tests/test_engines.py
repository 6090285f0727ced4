"""Where analysis runs changes nothing that comes out: in this process or on worker
processes, the same analyses in the same order, errors in their place; an engine is picked by
name, and an unknown name is a coded error."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import storydiff
from storydiff import api
from storydiff.cli import cli
from storydiff.engines import Engine, EngineSettings, get_engine
from storydiff.engines import batch as batch_step
from storydiff.engines.local import LocalEngine
from storydiff.engines.ray_engine import RayEngine
from storydiff.errors import Code, ConfigError, InputError
from storydiff.model import Analysis, Article, article_id

from .conftest import SEEDS, SKY

STYLES = SEEDS.parent / "styles"


def _inputs(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "A short line of text that is kept."}\n{oops\n', encoding="utf-8")
    return [str(SEEDS), str(STYLES), str(broken)]


def _same(one: list, two: list) -> None:
    """Item for item: the same analysis, or the same error for the same input."""
    assert len(one) == len(two)
    for mine, theirs in zip(one, two, strict=True):
        assert type(mine) is type(theirs)
        if isinstance(theirs, InputError):
            assert (mine.source, mine.code) == (theirs.source, theirs.code)
        else:
            assert mine.to_dict() == theirs.to_dict()


def test_two_workers_give_what_one_gives_in_the_same_order(tmp_path):
    inputs = _inputs(tmp_path)
    one = list(api.analyze_stream(api.read(inputs), engine=EngineSettings(batch_size=3)))
    two = list(api.analyze_stream(api.read(inputs), engine=EngineSettings(workers=2, batch_size=3)))
    _same(one, two)
    errors = [(e.source, e.code) for e in two if isinstance(e, InputError)]
    assert errors == [(f"{inputs[-1]}:2", Code.E007)]
    assert isinstance(two[-1], InputError) and isinstance(two[-2], Analysis)


def _failing_annotate(real):
    """``annotate`` that fails on any batch holding an article with FAIL in its text."""

    def annotate(articles, nlp, batch_size=32, *, progress=False):
        articles = list(articles)
        if any("FAIL" in a.text for a in articles):
            raise RuntimeError("this article breaks the parser")
        return real(articles, nlp, batch_size, progress=progress)

    return annotate


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_fails_is_an_error_in_its_place_and_its_batch_goes_on(monkeypatch, workers):
    monkeypatch.setattr(batch_step, "annotate", _failing_annotate(batch_step.annotate))
    texts = ["The mayor opened the bridge.", "FAIL here.", "Rain fell in the city."]
    articles = [Article(article_id(t), f"a{k}.txt", t) for k, t in enumerate(texts)]
    items = [articles[0], InputError("gone.txt", Code.E001), articles[1], articles[2]]
    engine = get_engine(EngineSettings(workers=workers, batch_size=4))
    results = list(engine.analyze(items))
    assert [type(r).__name__ for r in results] == [
        "Analysis",
        "InputError",
        "InputError",
        "Analysis",
    ]
    assert (results[1].source, results[1].code) == ("gone.txt", Code.E001)
    assert (results[2].source, results[2].code) == ("a1.txt", Code.E013)
    assert [r.article.source for r in (results[0], results[3])] == ["a0.txt", "a2.txt"]


def test_engines_are_picked_by_name_and_an_unknown_name_is_a_coded_error():
    assert isinstance(get_engine(EngineSettings("local", workers=2)), LocalEngine)
    ray = get_engine(EngineSettings("ray", workers=3, address="auto"))
    assert isinstance(ray, RayEngine) and (ray.workers, ray.address) == (3, "auto")
    assert all(isinstance(e, Engine) for e in (ray, get_engine()))
    with pytest.raises(ConfigError) as caught:
        get_engine(EngineSettings("spark"))
    assert caught.value.code is Code.E023 and "'spark'" in str(caught.value)
    with pytest.raises(ConfigError) as caught:
        storydiff.analyze([str(SKY)], engine=EngineSettings("spark"))
    assert caught.value.code is Code.E023


def test_the_command_line_takes_workers(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(SEEDS), "--workers", "2"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["outlet"] for r in records] == ["Sky News", "Sputnik International"]
