"""Numbers no news figure comes near: a digit run of hundreds or a hundred thousand digits is a
quantity with its text and no value (JSON has no Infinity), never an "unexpected" error, and
no JSON storydiff writes can hold NaN or Infinity."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest

from storydiff.model import to_json
from storydiff.nlp.quantities import _shift, read_number, words_of
from storydiff.sources import read_inputs

from .test_cli import run

BODY = (
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
    "to leave their homes as rescue teams worked through the night."
)


def _strict(text: str) -> object:
    """JSON as other parsers read it: NaN and Infinity are errors."""
    return json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))


@pytest.mark.parametrize("digits", [31, 400, 100_000])
def test_a_number_beyond_any_figure_has_no_value(digits):
    reading = read_number(words_of("7" * digits))
    assert reading is not None and reading.value is None
    assert read_number(words_of(f"{'9' * digits} million")).value is None
    assert read_number(words_of(f"5 to {'9' * digits}")) is None  # no range to one end


def test_figures_and_ranges_up_to_the_cap_keep_their_values():
    assert read_number(words_of("800,000")).value == 800_000
    assert read_number(words_of("9" * 29)).value == int(float("9" * 29))  # read as a float
    assert read_number(words_of("two to three million")).high == 3_000_000


def test_analyze_writes_null_for_huge_numbers_and_strict_json(tmp_path):
    lines = [
        f"{BODY}\n\nOfficials said {'7' * 400} people were affected.",
        f"{BODY}\n\nOfficials said {'7' * 100_000} people were affected.",
        f"{BODY}\n\nThe floods began {'9' * 40} days ago.",
        f"{BODY}\n\nThe valley formed 2000000 years ago.",
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"text": t, "published": "2024-05-01"}) + "\n" for t in lines),
        encoding="utf-8",
    )
    output = tmp_path / "out.jsonl"
    result = run("analyze", str(corpus), "-o", str(output))
    assert result.returncode == 0, result.stderr
    records = [_strict(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4
    huge = [q for r in records[:2] for q in r["quantities"] if q["text"].startswith("777")]
    assert len(huge) == 2 and all(q["value"] is None for q in huge)
    ago = [d["value"] for r in records[2:] for d in r["dates"] if "ago" in d["text"]]
    assert ago == [None, None]


def test_a_json_integer_longer_than_python_converts_is_read_as_its_digits(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f'{{"text": "{BODY}", "id": {"7" * 100_000}}}\n', encoding="utf-8")
    (document,) = read_inputs([str(corpus)])
    assert document.id == "7" * 100_000


def test_no_json_writer_lets_a_non_finite_value_through():
    with pytest.raises(ValueError):
        to_json({"value": math.inf})
    assert to_json({"text": "naïve", "value": None}) == '{"text": "naïve", "value": null}'


def test_a_year_shift_outside_the_calendar_is_no_date():
    assert _shift(date(2024, 2, 29), "year", -1) == date(2023, 2, 28)
    with pytest.raises(ValueError):
        _shift(date(2024, 5, 1), "years", -2_000_000)
