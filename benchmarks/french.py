"""Quotes, speakers, label voices and figures in French, against small sets of our own writing.

Why this exists: French is analysed in full (``fr_core_news_sm`` and the French lexicons), so
its quotes, speakers and labels must be measured as the English ones are. The articles in
``data/french_gold/`` are written for this benchmark (no outlet's text), with their gold in
``gold.json`` (codebook in that folder's README). Quotes are scored as ``quality.py`` scores
the English ones (``score_quotes``: content, content + speaker, by kind); a label is found
when a system label has the gold's term (case folded) and right when its voice is the gold's.
Speakers are counted two ways: ``speakers`` as ``quality.py`` does (the name must be the
gold's, so a quote whose gold names nobody can never be right), and ``resolved`` as the
SEESAW quotes gold is scored in ``quotes.py`` (an unresolved speaker is right when the gold
names nobody either). ``named`` asks only the names: a system name is right when the gold
quote it matches has that name, out of the quotes the system names (P) and the gold quotes
whose speaker the article names (R); a gold speaker the article only describes counts in
neither, so that this figure, unlike ``speakers``, can reach 1.
Figures are scored on the sentences of ``data/french_figures/gold.json`` (codebook in that
folder's README), each through the French pipeline: a gold figure is found when a quantity the
sentence yields has its value (or range), unit and qualifier, one quantity for each figure;
``figure_values`` asks the value (or range) alone.
Dates are scored on the sentences of ``data/french_dates/gold.json`` (codebook in that folder's
README), each through the French pipeline and resolved against its publication date: a gold
date is found (``dates``) when a date the sentence yields has its text, and right
(``date_values``) when that date's value is the gold's too.
Tune on ``dev``; ``check`` is reported apart.

Usage (from the repository root)::

    python benchmarks/french.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import combine_quote_scores, prf, score_quotes, system_quotes  # noqa: E402

from storydiff.api import clean_documents  # noqa: E402
from storydiff.engines.batch import analyze_batch  # noqa: E402
from storydiff.model import Analysis  # noqa: E402
from storydiff.nlp.pipeline import Pipelines  # noqa: E402
from storydiff.nlp.quantities import normalise_dates  # noqa: E402
from storydiff.sources import read_inputs  # noqa: E402

GOLD = Path(__file__).resolve().parent / "data" / "french_gold"
FIGURES = Path(__file__).resolve().parent / "data" / "french_figures" / "gold.json"
DATES = Path(__file__).resolve().parent / "data" / "french_dates" / "gold.json"
Figure = tuple[float | None, float | None, float | None, str | None, str | None]


def analysed(name: str) -> Analysis:
    articles = list(clean_documents(read_inputs([str(GOLD / name)])))
    (analysis,) = analyze_batch(articles, Pipelines(), 8)
    assert isinstance(analysis, Analysis), analysis
    assert analysis.article.language == "fr", (name, analysis.article.language)
    return analysis


def score_labels(gold: list[dict[str, str]], analysis: Analysis) -> dict[str, Any]:
    """Voice P/R/F1: a gold use is right when a system label with its term has its voice, one
    system label for each gold use (a term used twice is two uses)."""
    system = Counter((x.text.casefold(), x.voice) for x in analysis.labels)
    wanted = Counter((g["term"].casefold(), g["voice"]) for g in gold)
    right = sum((system & wanted).values())
    return {"tp": right, "predicted": sum(system.values()), "gold": len(gold)}


def figure_of(value: Any, low: Any, high: Any, unit: Any, qualifier: Any) -> Figure:
    """A figure as it is compared: the numbers to four places, the unit and qualifier."""

    def rounded(number: Any) -> float | None:
        return None if number is None else round(float(number), 4)

    return (rounded(value), rounded(low), rounded(high), unit, qualifier)


def score_figures(split: str, misses: list[str]) -> dict[str, dict[str, Any]]:
    """Figures P/R/F1 on one split's sentences: value + unit + qualifier, and value alone."""
    sentences = [s for s in json.loads(FIGURES.read_text(encoding="utf-8")) if s["split"] == split]
    nlp = Pipelines()("fr")
    full, values = [0, 0, 0], [0, 0, 0]
    for entry, doc in zip(sentences, nlp.pipe(s["sentence"] for s in sentences), strict=True):
        found = [figure_of(q.value, q.low, q.high, q.unit, q.qualifier) for q in doc._.quantities]
        wanted = [
            figure_of(g["value"], g["low"], g["high"], g["unit"], g["qualifier"])
            for g in entry["figures"]
        ]
        _count(found, wanted, ((full, slice(0, 5)), (values, slice(0, 3))))
        if Counter(found) != Counter(wanted):
            misses.append(f"{entry['id']}: found {found}, gold {wanted}")
    return {"figures": prf(*full), "figure_values": prf(*values)}


def score_dates(split: str, misses: list[str]) -> dict[str, dict[str, Any]]:
    """Dates P/R/F1 on one split's sentences: the text found, and the text with its value."""
    sentences = [s for s in json.loads(DATES.read_text(encoding="utf-8")) if s["split"] == split]
    nlp = Pipelines()("fr")
    texts, values = [0, 0, 0], [0, 0, 0]
    for entry, doc in zip(sentences, nlp.pipe(s["sentence"] for s in sentences), strict=True):
        dated = normalise_dates(doc._.dates, entry["published"], "fr")
        found = [(d.text, json.dumps(_value(d.value), sort_keys=True)) for d in dated]
        wanted = [(g["text"], json.dumps(g["value"], sort_keys=True)) for g in entry["dates"]]
        _count(found, wanted, ((texts, slice(0, 1)), (values, slice(0, 2))))
        if Counter(found) != Counter(wanted):
            misses.append(f"{entry['id']}: found {found}, gold {wanted}")
    return {"dates": prf(*texts), "date_values": prf(*values)}


def _count(
    found: Sequence[tuple[Any, ...]],
    wanted: Sequence[tuple[Any, ...]],
    tallies: Iterable[tuple[list[int], slice]],
) -> None:
    """Add (right, found, gold) to each tally, comparing the fields its slice keeps: the
    whole finding, or only its first parts (a figure's value without its unit)."""
    for counts, key in tallies:
        system, gold = Counter(f[key] for f in found), Counter(f[key] for f in wanted)
        counts[0] += sum((system & gold).values())
        counts[1] += sum(system.values())
        counts[2] += sum(gold.values())


def _value(value: Any) -> Any:
    """A date's value as the gold writes it: an ISO string, {"low", "high"}, or null."""
    return value if value is None or isinstance(value, str) else value.to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    gold = json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))
    results: dict[str, Any] = {}
    misses: list[str] = []
    for split in ("dev", "check"):
        quote_scores, label_counts, resolved, named = [], [], [0, 0, 0], [0, 0, 0]
        for name, entry in gold.items():
            if entry["split"] != split:
                continue
            analysis = analysed(name)
            scored = score_quotes(entry["quotes"], system_quotes(analysis))
            quote_scores.append(scored)
            resolved[0] += sum(
                1
                for pair in scored["pairs"]
                if pair["speaker_match"] or (pair["gold_speaker"] is None is pair["system_speaker"])
            )
            named[0] += sum(1 for pair in scored["pairs"] if pair["speaker_match"])
            named[1] += sum(1 for quote in system_quotes(analysis) if quote.speaker)
            named[2] += sum(1 for quote in entry["quotes"] if quote["speaker"])
            resolved[1] += scored["content"]["predicted"]
            resolved[2] += scored["content"]["gold"]
            label_counts.append(score_labels(entry["labels"], analysis))
            misses += [f"{name}: missed {g['text']!r}" for g in scored["unmatched_gold"]]
        combined = combine_quote_scores(quote_scores)
        labels = prf(*(sum(c[k] for c in label_counts) for k in ("tp", "predicted", "gold")))
        results[split] = {
            "quotes": combined["content"],
            "speakers": combined["content_speaker"],
            "resolved": prf(*resolved),
            "named": prf(*named),
            "label_voices": labels,
            **score_figures(split, misses if split == "dev" else []),
            **score_dates(split, misses if split == "dev" else []),
        }
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for split, result in results.items():
        line = "  ".join(
            f"{what} P {_f(r['precision'])} R {_f(r['recall'])} F1 {_f(r['f1'])}"
            for what, r in result.items()
        )
        print(f"{split}: {line}")
    for miss in misses:
        print(miss)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    main()
