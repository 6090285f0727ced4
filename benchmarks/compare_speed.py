"""How the comparison's time and memory grow with the articles compared.

Why this exists: ``storydiff compare`` scores pairs of statements from different articles,
and there are as many of those as statements squared. Candidate pairs are searched for a
block of statements at a time and pruned by a bound on the score
(``storydiff/compare/evidence.py``), so the time should grow with the pairs that share
something (far fewer than all pairs) and the memory with the statements; this measures both
on real articles.

Method: the first ``N`` SEESAW articles (in the order of their files: three outlets' tellings
of each story, story after story), read from ``../shared/eval-data/seesaw`` at run time and
analysed as ``storydiff analyze`` does (``--cache FILE`` keeps the analyses of every SEESAW
article outside the repository, in the file ``stories.py --cache`` keeps, so reruns skip
analysis). For each ``N`` of ``--sizes`` (2, 20, 40, 200 by default), ``compare_analyses`` is
timed ``--repeat`` times after a warm-up comparison (so the embedding model is loaded) and
the best CPU and wall seconds are kept; then one more run under
``tracemalloc`` gives the peak memory the comparison allocates (NumPy and SciPy arrays
included). CPU seconds are what to read on a shared machine: other work stretches the wall
clock, not the process's own time.

Usage (from the repository root)::

    python benchmarks/compare_speed.py [--seesaw DIR] [--cache FILE] [--sizes N ...]
        [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories import DEFAULT_SEESAW, load_seesaw, seesaw_documents  # noqa: E402


def seesaw_analyses(root: Path, count: int, cache: Path | None) -> list[Any]:
    """The first ``count`` SEESAW articles, analysed. With ``cache``, every article is
    analysed once and kept there, in the file ``stories.py --cache`` keeps (the two share
    it); without, only the first ``count``."""
    from storydiff.api import analyze_stream, clean_documents

    if cache:
        return load_seesaw(root, cache)[0][:count]
    documents = seesaw_documents(root)[0][:count]
    return [a for a in analyze_stream(clean_documents(documents)) if hasattr(a, "article")]


def measure(analyses: Sequence[Any], repeat: int) -> dict[str, Any]:
    """Best CPU and wall seconds of ``repeat`` comparisons, and the peak MiB one allocates."""
    from storydiff.compare import compare_analyses
    from storydiff.compare.align import distinct_statements

    cpu, wall = [], []
    for _ in range(repeat):
        started, clock = time.perf_counter(), time.process_time()
        comparison = compare_analyses(analyses)
        cpu.append(time.process_time() - clock)
        wall.append(time.perf_counter() - started)
    tracemalloc.start()
    compare_analyses(analyses)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {
        "articles": len(analyses),
        "statements": sum(len(distinct_statements(a.statements)) for a in analyses),
        "points": len(comparison.points),
        "related": len(comparison.related),
        "cpu_seconds": min(cpu),
        "wall_seconds": min(wall),
        "peak_mib": peak,
    }


def report(rows: Sequence[dict[str, Any]]) -> str:
    lines = [
        f"{'articles':>8} {'statements':>10} {'CPU s':>7} {'wall s':>7} {'peak MiB':>9}"
        f" {'MiB/1k st.':>10} {'points':>6} {'related':>7}"
    ]
    for row in rows:
        per_thousand = row["peak_mib"] / max(1, row["statements"]) * 1000
        lines.append(
            f"{row['articles']:>8} {row['statements']:>10,} {row['cpu_seconds']:>7.2f}"
            f" {row['wall_seconds']:>7.2f} {row['peak_mib']:>9.1f} {per_thousand:>10.1f}"
            f" {row['points']:>6} {row['related']:>7}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW)
    parser.add_argument("--cache", type=Path, help="keep the analyses here (outside the repo)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 20, 40, 200])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (best kept)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    if min(args.sizes) < 2 or args.repeat < 1:
        parser.error("every size must be at least 2 and --repeat at least 1")
    if not (args.seesaw / "articles").is_dir():
        print(f"no SEESAW articles under {args.seesaw}", file=sys.stderr)
        return 1
    analyses = seesaw_analyses(args.seesaw, max(args.sizes), args.cache)
    measure(analyses[:2], 1)  # load the embedding model outside the timings
    rows = [measure(analyses[:size], args.repeat) for size in sorted(args.sizes)]
    print(json.dumps(rows, indent=2) if args.json else report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
