"""How much slower storydiff's analysis is than the bare spaCy pipeline it is built on.

Why a ratio and not a number: docs per second depend on the machine, the load on it and the
spaCy model, so an absolute figure cannot be compared from one run (or one laptop) to the
next. Timing raw ``spacy.load(<same pipeline>).pipe(texts)`` and storydiff's
cleaning plus ``annotate(articles, load_pipeline())`` on the same texts, in the same process,
alternating, cancels most of that out: the ratio says what storydiff's own work (furniture
removal, paragraph-aware sentences, entity clustering, quotes, statements) costs on top of
spaCy. Raw spaCy gets the cleaned texts; storydiff starts from the scraped documents.

Method: the texts are the cleaned seed articles (or every ``.txt`` under ``--texts``, read and
cleaned the same way), repeated to about ``--docs`` documents. Both sides get one warm-up
pass, then are timed alternately ``--repeat`` times (the order swaps each round so neither
always runs on a warmer cache); the best time of each is reported. Both use the same batch
size. Words are white-space separated words of the texts, the same count for both sides.

Usage (from the repository root)::

    python benchmarks/speed.py [--repeat N] [--texts DIR] [--docs N] [--batch-size N]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO / "tests" / "data" / "seeds"


def load_documents(directory: Path) -> list[Any]:
    """Every ``.txt`` under ``directory``, read as storydiff would; inputs that fail to read
    or leave no article after cleaning are reported on standard error and left out."""
    from storydiff.clean import clean
    from storydiff.errors import InputError
    from storydiff.sources import read_inputs

    paths = [str(p) for p in sorted(directory.rglob("*.txt"))]
    documents = []
    for item in read_inputs(paths) if paths else ():
        try:
            if isinstance(item, InputError):
                raise item
            clean(item)
            documents.append(item)
        except InputError as error:
            print(f"skipped: {error}", file=sys.stderr)
    return documents


def replicate(items: Sequence[Any], count: int) -> list[Any]:
    """``items`` repeated in order until there are ``count`` of them."""
    return (list(items) * math.ceil(count / len(items)))[:count]


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure(documents: Sequence[Any], repeat: int, batch_size: int) -> dict[str, Any]:
    """Best-of-``repeat`` seconds for raw spaCy and for storydiff on the same texts."""
    import spacy

    from storydiff.clean import clean
    from storydiff.nlp.annotate import annotate
    from storydiff.nlp.pipeline import load_pipeline, pipeline_name

    name = pipeline_name()
    raw_nlp = spacy.load(name)
    our_nlp = load_pipeline()
    texts = [clean(d).text for d in documents]

    def raw(texts: Sequence[str] = texts) -> None:
        for _ in raw_nlp.pipe(texts, batch_size=batch_size):
            pass

    def ours(documents: Sequence[Any] = documents) -> None:
        for _ in annotate((clean(d) for d in documents), our_nlp, batch_size):
            pass

    distinct = len({id(d) for d in documents})
    raw(texts[:distinct])  # warm-up: first-call allocations and lazy loading
    ours(documents[:distinct])

    times: dict[str, list[float]] = {"raw": [], "storydiff": []}
    for round_ in range(repeat):
        order = [("raw", raw), ("storydiff", ours)]
        for label, run in order if round_ % 2 == 0 else reversed(order):
            times[label].append(timed(run))

    words = sum(len(t.split()) for t in texts)
    sides = {}
    for label, seconds in times.items():
        best = min(seconds)
        sides[label] = {
            "best_seconds": best,
            "all_seconds": seconds,
            "docs_per_second": len(texts) / best,
            "words_per_second": words / best,
        }
    return {
        "pipeline": name,
        "pipeline_version": raw_nlp.meta.get("version"),
        "spacy_version": spacy.__version__,
        "raw_components": list(raw_nlp.pipe_names),
        "storydiff_components": list(our_nlp.pipe_names),
        "docs": len(texts),
        "distinct_texts": distinct,
        "words": words,
        "batch_size": batch_size,
        "repeat": repeat,
        "raw": sides["raw"],
        "storydiff": sides["storydiff"],
        "time_ratio": sides["storydiff"]["best_seconds"] / sides["raw"]["best_seconds"],
        "throughput_share": sides["raw"]["best_seconds"] / sides["storydiff"]["best_seconds"],
    }


def report(result: dict[str, Any]) -> str:
    """A small plain-text table."""
    added = [c for c in result["storydiff_components"] if c not in result["raw_components"]]
    lines = [
        f"pipeline: {result['pipeline']} {result['pipeline_version']}"
        f" (spaCy {result['spacy_version']}); storydiff adds: {', '.join(added)}",
        f"{result['docs']} docs ({result['distinct_texts']} distinct texts),"
        f" {result['words']:,} words; batch size {result['batch_size']};"
        f" best of {result['repeat']}",
        "",
        f"{'':<16}{'best s':>8}{'docs/s':>10}{'words/s':>11}",
    ]
    for label, title in (("raw", "raw nlp.pipe"), ("storydiff", "storydiff")):
        side = result[label]
        lines.append(
            f"{title:<16}{side['best_seconds']:>8.3f}{side['docs_per_second']:>10.1f}"
            f"{side['words_per_second']:>11,.0f}"
        )
    lines += [
        "",
        f"storydiff time / raw time: {result['time_ratio']:.2f}x",
        f"storydiff throughput: {result['throughput_share']:.0%} of raw spaCy",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds (best is kept)")
    parser.add_argument(
        "--texts", type=Path, default=DEFAULT_TEXTS, help="directory of .txt articles"
    )
    parser.add_argument("--docs", type=int, default=200, help="documents per timed run")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    if min(args.repeat, args.docs, args.batch_size) < 1:
        parser.error("--repeat, --docs and --batch-size must be at least 1")

    documents = load_documents(args.texts)
    if not documents:
        print(f"no usable .txt articles under {args.texts}", file=sys.stderr)
        return 1
    result = measure(replicate(documents, args.docs), args.repeat, args.batch_size)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
