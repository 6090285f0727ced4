"""Quote extraction measured on the seeds gold and on the PolNeAR dev split.

Why this exists: the seeds are the articles the extractor was first written against, so their
figures flatter it. PolNeAR (Newell, Margolin and Ruths, LREC 2018) is political news from
many outlets, annotated by people who never saw storydiff; its dev split is where a rule that
only fits the seeds shows up. The PolNeAR test split is held out and never read here.

PolNeAR gold, per article (one annotator file per article, the first in sorted order):
``T`` lines are spans (Source, Cue, Content; a discontinuous span lists ``start end;start
end``), ``E`` lines tie one attribution's spans together. PolNeAR counts every attribution,
beliefs and poll findings included, not only speech, which bounds recall for a speech
extractor. A gold quote's kind is read off its text: all inside quotation marks is
``direct``, some quoted words ``mixed``, none ``indirect``.

Matching (both corpora): a system quote matches a gold one when they share at least half of
the gold's tokens (``quality.match_quotes``). On PolNeAR the speaker is right when the
system's speaker mention overlaps the gold Source span (both are offsets into the same text);
on the seeds when the resolved name equals the gold's canonical name.

Usage (from the repository root)::

    python benchmarks/quotes.py [--polnear DIR] [--limit N] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import (  # noqa: E402  (a sibling script, not a package)
    SystemQuote,
    combine_quote_scores,
    evaluate,
    score_quotes,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = ROOT.parent / "shared" / "eval-data" / "polnear-dev"
_QUOTE_MARKS = '"“”«»„'


def read_annotations(path: Path) -> list[dict[str, Any]]:
    """One dict per attribution: content pieces, source spans, cue spans (character offsets)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in pieces])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    attributions = []
    for relation in relations:
        roles = {role: spans[t][1] for role, t in relation.items() if t in spans}
        if "Content" in roles:
            attributions.append(
                {
                    "content": roles["Content"],
                    "source": roles.get("Source", []),
                    "cue": roles.get("Cue", []),
                }
            )
    return attributions


def gold_kind(text: str) -> str:
    stripped = text.strip().rstrip(".,")
    if stripped[:1] in _QUOTE_MARKS and stripped[-1:] in _QUOTE_MARKS and stripped.count("“") <= 1:
        return "direct"
    return "mixed" if any(mark in text for mark in _QUOTE_MARKS) else "indirect"


def polnear_articles(directory: Path, limit: int | None) -> list[tuple[str, str, list[dict]]]:
    """(name, text, gold quotes) per article; each gold quote carries its source spans."""
    files: dict[str, Path] = {}
    for path in sorted((directory / "attributions").glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        files.setdefault(article, path)
    articles = []
    for article, path in sorted(files.items())[:limit]:
        text = (directory / "text" / f"{article}.txt").read_text(encoding="utf-8")
        gold = []
        for attribution in read_annotations(path):
            content = " ".join(text[a:b] for a, b in attribution["content"])
            gold.append(
                {"text": content, "kind": gold_kind(content), "source": attribution["source"]}
            )
        articles.append((article, text, gold))
    return articles


def speaker_spans(quote: Any) -> list[tuple[int, int]]:
    mention = quote.speaker.mention
    return [(mention.start, mention.end)] if mention else []


def score_article(gold: list[dict], quotes: Sequence[Any]) -> dict[str, Any]:
    """Content scores via ``score_quotes``; speaker right when the mention overlaps the gold
    Source span. The speaker route of ``score_quotes`` is given a token that only matches
    when the spans overlap."""
    predictions = []
    mention_of: list[list[tuple[int, int]]] = []
    for quote in quotes:
        predictions.append(SystemQuote(quote.content.text, quote.kind, None))
        mention_of.append(speaker_spans(quote))
    scored_gold = []
    for index, item in enumerate(gold):
        scored_gold.append({**item, "speaker": f"gold-source-{index}"})
    # Give each prediction the names of the gold quotes whose source its mention overlaps.
    named = []
    for prediction, mentions in zip(predictions, mention_of, strict=True):
        names = {
            f"gold-source-{index}"
            for index, item in enumerate(gold)
            if any(a < d and c < b for a, b in mentions for c, d in item["source"])
        }
        named.append(SystemQuote(prediction.text, prediction.kind, None, frozenset(names)))
    return score_quotes(scored_gold, named)


def evaluate_polnear(directory: Path, limit: int | None) -> dict[str, Any]:
    from storydiff.nlp.pipeline import load_pipeline, pipeline_name

    nlp = load_pipeline()
    articles = polnear_articles(directory, limit)
    started = time.perf_counter()
    docs = nlp.pipe([text for _, text, _ in articles], batch_size=16)
    per_article = {}
    for (name, _, gold), doc in zip(articles, docs, strict=True):
        per_article[name] = score_article(gold, doc._.quotes)
    return {
        "pipeline": pipeline_name(),
        "articles": len(articles),
        "seconds": time.perf_counter() - started,
        "total": combine_quote_scores(per_article.values()),
        "per_article": per_article,
    }


def component_overhead(texts: Sequence[str], repeat: int = 2) -> dict[str, float]:
    """How much storydiff's components add to the spaCy pipeline's own time on the same texts:
    best of ``repeat`` alternating runs of the bare pipeline and of the pipeline with
    ``storydiff_paragraphs``, ``storydiff_entities`` and ``storydiff_quotes``."""
    import spacy

    from storydiff.nlp.pipeline import load_pipeline, pipeline_name

    bare, ours = spacy.load(pipeline_name()), load_pipeline()
    best = {"bare": float("inf"), "storydiff": float("inf")}
    for _ in range(repeat):
        for label, nlp in (("bare", bare), ("storydiff", ours)):
            started = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
            best[label] = min(best[label], time.perf_counter() - started)
    return {**best, "ratio": best["storydiff"] / best["bare"]}


def _f(value: Any) -> str:
    return "   -" if value is None else f"{value:.3f}"


def _row(label: str, score: dict[str, Any]) -> str:
    return (
        f"{label:<22} {score['tp']:>5} {score['predicted']:>5} {score['gold']:>5}  "
        f"{_f(score['precision'])}  {_f(score['recall'])}  {_f(score['f1'])}"
    )


def report(name: str, total: dict[str, Any]) -> list[str]:
    lines = [f"\n{name}", f"{'':<22} {'tp':>5} {'sys':>5} {'gold':>5}  P      R      F1"]
    lines.append(_row("content", total["content"]))
    lines.append(_row("content + speaker", total["content_speaker"]))
    for kind, score in total["by_kind"].items():
        lines.append(_row(f"  {kind}", score))
    return lines


def errors(per_article: dict[str, Any], count: int) -> list[str]:
    """A sample of misses, to read when a figure moves."""
    missed: dict[str, list[str]] = defaultdict(list)
    for name, score in per_article.items():
        for item in score.get("unmatched_gold", []):
            missed["missed gold"].append(f"{name[:40]}: {item['text'][:100]!r}")
        for item in score.get("unmatched_system", []):
            missed["spurious"].append(f"{name[:40]}: {item['text'][:100]!r}")
    lines = []
    for label, items in missed.items():
        lines.append(f"\n{label} ({len(items)}), first {count}:")
        lines.extend(f"  {item}" for item in items[:count])
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print N sample misses of each kind")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    seeds = evaluate(ROOT / "tests" / "data" / "seeds.gold.json", ROOT / "tests" / "data" / "seeds")
    results: dict[str, Any] = {"seeds": seeds["total"]["quotes"]}
    if args.polnear.is_dir():
        polnear = evaluate_polnear(args.polnear, args.limit)
        results["polnear_dev"] = polnear["total"]
        results["polnear_articles"] = polnear["articles"]
    else:
        print(f"PolNeAR dev not found at {args.polnear}; scoring the seeds only", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return 0
    lines = report("Seeds gold (speaker = resolved canonical name)", results["seeds"])
    if "polnear_dev" in results:
        title = (
            f"PolNeAR dev, {results['polnear_articles']} articles "
            "(speaker = mention overlaps gold Source)"
        )
        lines += report(title, results["polnear_dev"])
        if args.errors:
            lines += errors(polnear["per_article"], args.errors)
        texts = [text for _, text, _ in polnear_articles(args.polnear, args.limit)]
        speed = component_overhead(texts)
        lines.append(
            f"\nspeed on the same {len(texts)} articles: bare spaCy {speed['bare']:.2f} s, "
            f"with storydiff's components {speed['storydiff']:.2f} s "
            f"(x{speed['ratio']:.2f}, +{(speed['ratio'] - 1) * 100:.0f}%)"
        )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
