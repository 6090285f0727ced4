"""Speed-ups leave every analysis as it was: the repository's articles are analysed as
``storydiff analyze`` does and compared, record by record, with the analyses the same
inputs had before the memoised spaCy stand-ins and the array readers of ``storydiff.nlp``
(``tests/data/expected/analyses.jsonl``). A deliberate change to what analysis finds
rewrites that file: ``python tests/test_analyses_unchanged.py``, from the repository root.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
EXPECTED = REPOSITORY / "tests" / "data" / "expected" / "analyses.jsonl"
# Every article text the repository carries, as paths relative to its root (the sources the
# records name): the bundled example, the house-style scrapes, the HTML page, the JSON Lines.
INPUTS = (
    "examples/seeds",
    "tests/data/styles",
    "tests/data/pages/dam-breach.html",
    "tests/data/one_paragraph_corpus.jsonl",
)


def analysed_records() -> list[str]:
    """Each input's analysis as one JSON line with sorted keys, in input order."""
    from storydiff.api import clean_documents
    from storydiff.nlp.annotate import annotate
    from storydiff.nlp.pipeline import load_pipeline
    from storydiff.sources import read_inputs

    articles = [a for a in clean_documents(read_inputs(list(INPUTS))) if hasattr(a, "text")]
    return [
        json.dumps(analysis.to_dict(), ensure_ascii=False, sort_keys=True)
        for analysis in annotate(articles, load_pipeline())
    ]


def test_every_analysis_is_what_it_was(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    found = analysed_records()
    assert len(found) == len(expected) == 20
    for record, before in zip(found, expected, strict=True):
        assert record == before, json.loads(before)["article"]["source"]


if __name__ == "__main__":
    os.chdir(REPOSITORY)
    sys.path.insert(0, str(REPOSITORY))
    EXPECTED.write_text("".join(line + "\n" for line in analysed_records()), encoding="utf-8")
