"""Analysis on several processes gives the same output, in the same order, as on one."""

from __future__ import annotations

import json

from click.testing import CliRunner

from storydiff import api
from storydiff.cli import cli
from storydiff.errors import InputError

from .conftest import SEEDS

STYLES = SEEDS.parent / "styles"


def _inputs(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "A short line of text that is kept."}\n{oops\n', encoding="utf-8")
    return [str(SEEDS), str(STYLES), str(broken)]


def test_two_workers_give_what_one_gives_in_the_same_order(tmp_path):
    inputs = _inputs(tmp_path)
    one = list(api.analyze_stream(api.read(inputs), batch_size=3))
    two = list(api.analyze_stream(api.read(inputs), batch_size=3, workers=2))
    assert [type(x) for x in one] == [type(x) for x in two]
    assert [x.to_dict() for x in one if not isinstance(x, InputError)] == [
        x.to_dict() for x in two if not isinstance(x, InputError)
    ]
    errors = [(e.source, e.code) for e in two if isinstance(e, InputError)]
    assert errors == [(e.source, e.code) for e in one if isinstance(e, InputError)] != []


def test_the_command_line_takes_workers(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(SEEDS), "--workers", "2"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["outlet"] for r in records] == ["Sky News", "Sputnik International"]
