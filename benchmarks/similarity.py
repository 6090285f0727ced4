"""How well each similarity backend tells statements that say the same thing from the rest.

Why this exists: alignment pairs statements across articles by similarity, strongest first, so
a backend is good when the pairs the gold calls the same point score above the other
cross-article pairs. This script measures every registered backend (or those named) the same
way, on local files only, so that the default can be chosen by the figures.

Seeds (``tests/data/seeds.gold.json``, ``comparison.same_point``): each gold point names raw-file
line numbers in each article. The articles are read, cleaned and analysed as ``storydiff``
does; a line's statements are those whose offsets overlap the line's text in the cleaned
article. A gold pair is a statement of one article and a statement of the other that belong to
the same point. Every statement of both articles is given to the backend at once, as
``align`` does, and the cross-article block is scored:

* ROC AUC of gold pairs against the other cross-article pairs (ties count half);
* how many gold pairs score above the median cross-article pair;
* the mean and median rank of gold pairs among all cross-article pairs (1 = most similar),
  and per point the rank of its best pair (alignment needs one strong pair a point);
* score quantiles: each backend has its own scale.

SEESAW (optional; ``../shared/eval-data/seesaw`` when present): the first N triplets (three
outlets on one story) by name. For every pair of their articles, the backend scores the two
articles' sentences together, and the pair's score is the mean of its three highest
cross-article sentence similarities. ROC AUC of same-story pairs against different-story pairs.

Usage (from the repository root)::

    python benchmarks/similarity.py [--backend NAME ...] [--seesaw DIR] [--triplets N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "data" / "seeds.gold.json"
DEFAULT_ARTICLES = REPO / "tests" / "data" / "seeds"
DEFAULT_SEESAW = REPO.parent / "shared" / "eval-data" / "seesaw"

Backend = Callable[[Sequence[str]], list[list[float]]]


# --------------------------------------------------------------------------- measures


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float | None:
    """Chance that a random positive outscores a random negative, ties counting half
    (the Mann-Whitney U statistic over its maximum). None when either side is empty."""
    if not positives or not negatives:
        return None
    ranked = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2  # ranks i+1 .. j share their mean
        rank_sum += average_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def descending_ranks(scores: Sequence[float]) -> list[float]:
    """Rank of each score from the top (1 = highest), ties sharing their mean rank."""
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            j += 1
        for k in order[i:j]:
            ranks[k] = (i + 1 + j) / 2
        i = j
    return ranks


def quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# --------------------------------------------------------------------------- seeds


def line_statements(text: str, raw_line: str, statements: Sequence[Any]) -> list[int]:
    """Indices of the statements that overlap one raw line's text in the cleaned article."""
    needle = raw_line.strip()
    if not needle:
        return []
    start = text.find(needle)
    if start >= 0:
        end = start + len(needle)
        return [k for k, s in enumerate(statements) if s.start < end and s.end > start]
    # The cleaner changed the line: fall back to statements whose words lie inside it.
    folded = " ".join(needle.split())
    return [k for k, s in enumerate(statements) if " ".join(s.text.split()) in folded]


def load_seeds(gold_path: Path, articles_dir: Path) -> dict[str, Any]:
    """The two seed articles' statements and the gold pairs between them, by index."""
    from storydiff import analyze

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = sorted(gold["articles"])
    if len(names) != 2:
        raise SystemExit(f"expected two gold articles, found {len(names)}")
    analyses = analyze([str(articles_dir / name) for name in names])
    prefixes = [name.split("_", 1)[0] for name in names]
    statements = [list(a.statements) for a in analyses]
    raw = [(articles_dir / n).read_text(encoding="utf-8").split("\n") for n in names]

    def members(side: int, lines: Sequence[int]) -> set[int]:
        found: set[int] = set()
        for line in lines:
            found.update(
                line_statements(analyses[side].article.text, raw[side][line - 1], statements[side])
            )
        return found

    points = []
    for point in gold["comparison"]["same_point"]:
        left = members(0, point[prefixes[0]])
        right = members(1, point[prefixes[1]])
        points.append(
            {"point": point["point"], "pairs": sorted((i, j) for i in left for j in right)}
        )
    return {
        "names": names,
        "texts": [[s.text for s in side] for side in statements],
        "points": points,
    }


def score_seeds(backend: Backend, seeds: Mapping[str, Any]) -> dict[str, Any]:
    left, right = seeds["texts"]
    started = time.perf_counter()
    matrix = backend([*left, *right])
    seconds = time.perf_counter() - started
    offset = len(left)
    cross = {(i, j): matrix[i][offset + j] for i in range(len(left)) for j in range(len(right))}
    gold = sorted({pair for point in seeds["points"] for pair in point["pairs"]})
    gold_set = set(gold)
    keys = list(cross)
    rank_of = dict(zip(keys, descending_ranks([cross[k] for k in keys]), strict=True))
    median = statistics.median(cross.values())
    gold_scores = [cross[p] for p in gold]
    others = [cross[k] for k in keys if k not in gold_set]
    gold_ranks = [rank_of[p] for p in gold]
    return {
        "seconds": seconds,
        "cross_pairs": len(cross),
        "gold_pairs": len(gold),
        "auc": roc_auc(gold_scores, others),
        "above_median": sum(s > median for s in gold_scores),
        "mean_rank": statistics.mean(gold_ranks) if gold_ranks else None,
        "median_rank": statistics.median(gold_ranks) if gold_ranks else None,
        "point_best_rank": [
            {
                "point": point["point"],
                "best_rank": min((rank_of[p] for p in point["pairs"]), default=None),
                "pairs": len(point["pairs"]),
            }
            for point in seeds["points"]
        ],
        "scores": {
            "gold_min": min(gold_scores, default=None),
            "gold_median": statistics.median(gold_scores) if gold_scores else None,
            "gold_max": max(gold_scores, default=None),
            "cross_median": median,
            "cross_p90": quantile(list(cross.values()), 0.90),
            "cross_p99": quantile(list(cross.values()), 0.99),
        },
    }


# --------------------------------------------------------------------------- SEESAW


def load_seesaw(root: Path, triplets: int) -> list[tuple[str, list[str]]]:
    """(story, sentences) for each article of the first complete triplets by name."""
    articles = []
    for meta in sorted((root / "meta").glob("TRIPLET_*.json")):
        story = meta.stem
        group = []
        for d in range(3):
            path = root / "articles" / f"{story}_DOCUMENT_{d}.json"
            if not path.exists():
                break
            sentences = [s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["text"]]
            sentences = [s for s in sentences if s.strip()]
            if not sentences:
                break
            group.append((story, sentences))
        if len(group) == 3:
            articles.extend(group)
        if len(articles) >= 3 * triplets:
            break
    return articles


def score_seesaw(backend: Backend, articles: Sequence[tuple[str, list[str]]]) -> dict[str, Any]:
    same, different = [], []
    started = time.perf_counter()
    for (story_a, a), (story_b, b) in combinations(articles, 2):
        matrix = backend([*a, *b])
        cross = sorted(matrix[i][len(a) + j] for i in range(len(a)) for j in range(len(b)))
        top = cross[-3:]
        score = sum(top) / len(top)
        (same if story_a == story_b else different).append(score)
    return {
        "seconds": time.perf_counter() - started,
        "articles": len(articles),
        "same_story_pairs": len(same),
        "different_story_pairs": len(different),
        "auc": roc_auc(same, different),
        "same_median": statistics.median(same) if same else None,
        "different_median": statistics.median(different) if different else None,
    }


# --------------------------------------------------------------------------- running


def evaluate(
    names: Sequence[str], gold: Path, articles: Path, seesaw: Path | None, triplets: int
) -> dict[str, Any]:
    from storydiff.compare.similarity import get_backend
    from storydiff.errors import ConfigError

    seeds = load_seeds(gold, articles)
    seesaw_articles = load_seesaw(seesaw, triplets) if seesaw and seesaw.is_dir() else []
    results: dict[str, Any] = {}
    for name in names:
        backend = get_backend(name)
        entry: dict[str, Any] = {"error": None}
        started = time.perf_counter()
        try:
            backend(["warm up", "load the model once"])
        except ConfigError as error:  # an optional backend whose package is missing
            results[name] = {"error": str(error)}
            continue
        entry["load_seconds"] = time.perf_counter() - started
        entry["seeds"] = score_seeds(backend, seeds)
        entry["seesaw"] = score_seesaw(backend, seesaw_articles) if seesaw_articles else None
        results[name] = entry
    return {
        "seeds": {"articles": seeds["names"], "statements": [len(t) for t in seeds["texts"]]},
        "seesaw": str(seesaw) if seesaw_articles else None,
        "backends": results,
    }


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def report(results: Mapping[str, Any]) -> list[str]:
    seeds = results["seeds"]
    out = [
        f"Seeds: {' vs '.join(seeds['articles'])} "
        f"({' x '.join(map(str, seeds['statements']))} statements)",
    ]
    for name, entry in results["backends"].items():
        out.append("")
        out.append(f"== {name}")
        if entry.get("error"):
            out.append(f"  not run: {entry['error']}")
            continue
        s = entry["seeds"]
        sc = s["scores"]
        out += [
            f"  first call (load + 2 texts): {entry['load_seconds']:.2f} s; "
            f"seeds matrix: {s['seconds'] * 1000:.0f} ms",
            f"  seeds: ROC AUC {_num(s['auc'])}; gold pairs above the median cross pair: "
            f"{s['above_median']}/{s['gold_pairs']}; gold pair rank mean "
            f"{_num(s['mean_rank'], 1)}, median {_num(s['median_rank'], 1)} of {s['cross_pairs']}",
            f"  scores: gold min/median/max {_num(sc['gold_min'])}/{_num(sc['gold_median'])}/"
            f"{_num(sc['gold_max'])}; cross median {_num(sc['cross_median'])}, "
            f"p90 {_num(sc['cross_p90'])}, p99 {_num(sc['cross_p99'])}",
            "  best rank per gold point:",
        ]
        for p in s["point_best_rank"]:
            out.append(f"    {_num(p['best_rank'], 1):>6}  ({p['pairs']} pairs) {p['point']}")
        w = entry["seesaw"]
        if w:
            out.append(
                f"  SEESAW: {w['articles']} articles, ROC AUC {_num(w['auc'])} "
                f"(same-story {w['same_story_pairs']} pairs, median {_num(w['same_median'])}; "
                f"different-story {w['different_story_pairs']} pairs, median "
                f"{_num(w['different_median'])}); {w['seconds']:.1f} s"
            )
    if not results["seesaw"]:
        out.append("")
        out.append("SEESAW: not found, skipped")
    return out


def backends_parser(doc: str) -> argparse.ArgumentParser:
    """The options every backend benchmark on the seeds takes."""
    from storydiff.compare.similarity import backend_names

    parser = argparse.ArgumentParser(description=doc.split("\n\n", 1)[0])
    parser.add_argument(
        "--backend", action="append", choices=backend_names(), help="default: every backend"
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from storydiff.compare.similarity import backend_names

    parser = backends_parser(__doc__)
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW)
    parser.add_argument("--triplets", type=int, default=20)
    args = parser.parse_args(argv)
    results = evaluate(
        args.backend or backend_names(), args.gold, args.articles, args.seesaw, args.triplets
    )
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print("\n".join(report(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
