"""How many uses of loaded words get a label, on the SEESAW train articles.

Why this exists: the label gold (``entities_labels.py``) holds 117 uses, too few to show
which patterns the labeller misses. Every lower-case use of a loaded stem ("terror…",
"rebel…", …) in running text is a use the labeller should see, whatever its form ("a terror
attack", "terrorist rocket attacks", "so-called rebels"), so the share of such uses that fall
inside a label span is a recall figure that needs no annotation. Lower case only: a
capitalised use is mostly a name ("the Islamic State", "Rebel Media"), which is not a label.
Uses after a hyphen ("counter-terrorism", "anti-terror") name the fight against a group, not
the group, and are not counted.

A high coverage bought by labelling loosely would blur what tells outlets apart, so the
script also checks the camp signal: over the articles that use a loaded stem, how well the
number of loaded labels in the outlet's own voice separates right-leaning from left-leaning
outlets (AllSides ``bias_label`` 3-4 against 0-1), as ROC AUC, beside the same AUC for the
raw count of the loaded words.

Only articles whose story's meta ``Split`` is ``train`` are read, cleaned as ``storydiff
analyze`` cleans them; the regex runs on the cleaned text.

Usage (from the repository root)::

    python benchmarks/labels_coverage.py [--seesaw DIR] [--misses N] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEESAW = REPO.parent / "shared" / "eval-data" / "seesaw"

# The loaded stems of the stylebooks' contested-terms entries (AP "terrorism", "militant";
# Reuters "Terrorism"; BBC "the language of conflict"), with the descriptive terms they
# recommend instead, as prefixes of lower-case words.
STEMS = ("terror", "rebel", "militant", "insurgent", "jihad", "extremis", "regime", "radical")
LEFT, RIGHT = frozenset({0, 1}), frozenset({3, 4})


def stem_regex(stem: str) -> re.Pattern[str]:
    """Lower-case words starting with the stem, not after a hyphen or inside a word."""
    return re.compile(rf"(?<![\w-]){stem}\w*")


@dataclass
class StemCount:
    """Uses of one stem, those inside a label, the voices of those labels, the misses."""

    uses: int = 0
    covered: int = 0
    voices: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleSignal:
    """One article's camp and its counts of loaded words and own-voice loaded labels."""

    bias: int
    raw: int
    own_loaded: int


def train_documents(root: Path) -> tuple[list[Any], dict[str, int]]:
    """The train split's articles as Documents, and each source's AllSides bias label."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from compare_gold import read_triplet

    documents, bias = [], {}
    for meta_path in sorted((root / "meta").glob("TRIPLET_*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("Split") != "train":
            continue
        triplet = meta_path.stem.removeprefix("TRIPLET_")
        for article in read_triplet(root, triplet):
            if article.text:
                documents.append(article.document())
                info = meta.get(f"Meta info for article {article.key}", {})
                bias[article.source] = int(info.get("bias_label", 2))
    return documents, bias


def auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """ROC AUC: the chance that a random positive scores above a random negative (ties 1/2)."""
    if not positive or not negative:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def measure(analyses: Sequence[Any], bias: dict[str, int]) -> dict[str, Any]:
    """Coverage per stem, voices, and the camp signal over the analysed articles."""
    counts = {stem: StemCount() for stem in STEMS}
    signals = []
    for analysis in analyses:
        text = analysis.article.text
        labels = analysis.labels
        raw = 0
        for stem in STEMS:
            count = counts[stem]
            for match in stem_regex(stem).finditer(text):
                raw += 1
                count.uses += 1
                inside = [x for x in labels if x.start <= match.start() < x.end]
                if inside:
                    count.covered += 1
                    count.voices[inside[0].voice] += 1
                else:
                    left = text[max(0, match.start() - 50) : match.start()].replace("\n", " ")
                    right = text[match.end() : match.end() + 40].replace("\n", " ")
                    count.misses.append(f"{left}[{match.group(0)}]{right}")
        own_loaded = sum(x.voice == "own" and x.contested for x in labels)
        if raw:
            signals.append(ArticleSignal(bias[analysis.article.source], raw, own_loaded))
    right = [s for s in signals if s.bias in RIGHT]
    left = [s for s in signals if s.bias in LEFT]
    return {
        "articles": len(analyses),
        "stems": {
            stem: {
                "uses": c.uses,
                "covered": c.covered,
                "coverage": c.covered / c.uses if c.uses else None,
                "voices": dict(c.voices),
                "misses": c.misses,
            }
            for stem, c in counts.items()
        },
        "camp_signal": {
            "articles": {"right": len(right), "left": len(left)},
            "auc_raw_count": auc([s.raw for s in right], [s.raw for s in left]),
            "auc_own_loaded_labels": auc(
                [s.own_loaded for s in right], [s.own_loaded for s in left]
            ),
        },
    }


def report(result: dict[str, Any], misses: int) -> str:
    """One row per stem, then the camp signal, then the first misses of each stem."""
    out = [
        f"SEESAW train: {result['articles']} articles; lower-case uses of each stem inside a label",
        f"{'stem':<10} {'uses':>5} {'labelled':>8} {'coverage':>8}  voices",
    ]
    for stem, row in result["stems"].items():
        share = "-" if row["coverage"] is None else f"{row['coverage']:.2f}"
        voices = ", ".join(f"{v} {n}" for v, n in sorted(row["voices"].items()))
        out.append(f"{stem:<10} {row['uses']:>5} {row['covered']:>8} {share:>8}  {voices}")
    signal = result["camp_signal"]

    def shown(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    out.append(
        f"camp signal (right {signal['articles']['right']} vs left {signal['articles']['left']}"
        f" articles using a stem), ROC AUC: own-voice loaded labels "
        f"{shown(signal['auc_own_loaded_labels'])}, raw count of the words "
        f"{shown(signal['auc_raw_count'])}"
    )
    for stem, row in result["stems"].items():
        for miss in row["misses"][:misses]:
            out.append(f"  miss {stem}: {miss}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW, help="SEESAW root")
    parser.add_argument("--misses", type=int, default=0, help="misses to list per stem")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    from storydiff.api import analyze_stream, clean_documents

    documents, bias = train_documents(args.seesaw)
    analyses = [a for a in analyze_stream(clean_documents(documents)) if hasattr(a, "article")]
    result = measure(analyses, bias)
    print(json.dumps(result, indent=2) if args.json else report(result, args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
