"""How much of what a reader should learn from comparing the seeds the comparison finds.

Why this exists: the comparison is judged as a whole, not pair by pair — a point is useful when
it joins the sentences of both articles that tell one fact, and a flood of weak points hides
the good ones. This script runs ``compare`` on the seeds with each similarity backend (or those
named) and scores its output against ``comparison`` in the seeds gold:

* shared points found: a gold point is found when one output point holds a statement from the
  point's lines in one article and a statement from its lines in the other;
* only-in facts kept: a gold fact (its raw-file line numbers are written in its text, as
  "(lines 28, 30)") is kept when at least half of the statements on its lines are in
  ``only_in`` of its article (a fact told over several lines may share one of them);
* points in all, and how many of them pair no gold lines at all (spurious by the gold's
  reading; the gold lists what a reader must learn, not every shared sentence);
* sources: the speakers (actors, so "Bashar Assad" and "Bashar al Assad" are one) each outlet
  quotes against the gold list, as precision and recall of names.

With ``--sweep``, each backend is also run at thresholds from 0.10 to 0.60 around its own, to
show how wide the range is where it meets the bars (a default should not sit on a knife edge).

Usage (from the repository root)::

    python benchmarks/compare.py [--backend NAME ...] [--sweep] [--json]
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from similarity import backends_parser, line_statements  # noqa: E402

_LINE_NUMBERS = re.compile(r"\((?:lines?)\s+([\d,\s]+)\)")


def gold_lines(fact: str) -> list[int]:
    """The raw-file line numbers written into a gold fact's text."""
    numbers: list[int] = []
    for group in _LINE_NUMBERS.findall(fact):
        numbers += [int(n) for n in re.findall(r"\d+", group)]
    return numbers


def _name_tokens(name: str) -> set[str]:
    return {t for t in re.findall(r"[^\W\d_]+", name.casefold()) if len(t) > 2}


def _same_source(gold: str, system: str) -> bool:
    """Names agree when they share a surname-like token ("Bashar Assad" / "Bashar al Assad",
    "Kremlin" / "the Kremlin"); the last token of the gold name must be among the system's."""
    gold_tokens, system_tokens = _name_tokens(gold), _name_tokens(system)
    last = re.findall(r"[^\W\d_]+", gold.casefold())
    return bool(last) and last[-1] in system_tokens or gold_tokens == system_tokens != set()


def score(backend: str, gold: Mapping[str, Any], articles_dir: Path) -> dict[str, Any]:
    from storydiff import analyze
    from storydiff.compare import compare_analyses

    names = sorted(gold["articles"])
    prefixes = [name.split("_", 1)[0] for name in names]
    analyses = analyze([str(articles_dir / name) for name in names])
    comparison = compare_analyses(analyses, similarity=backend)
    raw = [(articles_dir / n).read_text(encoding="utf-8").split("\n") for n in names]
    ids = [a.article.id for a in analyses]

    def spans(side: int, lines: Sequence[int]) -> set[tuple[int, int]]:
        statements = analyses[side].statements
        found: set[tuple[int, int]] = set()
        for line in lines:
            for k in line_statements(analyses[side].article.text, raw[side][line - 1], statements):
                found.add((statements[k].start, statements[k].end))
        return found

    point_members = [
        [{(r.start, r.end) for r in p.statements if r.article == ids[side]} for side in (0, 1)]
        for p in comparison.points
    ]
    gold_spans = [set(), set()]
    points_found = []
    for point in gold["comparison"]["same_point"]:
        left, right = spans(0, point[prefixes[0]]), spans(1, point[prefixes[1]])
        gold_spans[0] |= left
        gold_spans[1] |= right
        hit = any(members[0] & left and members[1] & right for members in point_members)
        points_found.append({"point": point["point"], "found": hit})
    spurious = sum(
        not (members[0] & gold_spans[0] and members[1] & gold_spans[1]) for members in point_members
    )
    facts = []
    for side in (0, 1):
        only = {(s.start, s.end) for s in comparison.only_in.get(ids[side], ())}
        for fact in gold["comparison"][f"only_in_{prefixes[side]}"]:
            lines = spans(side, gold_lines(fact))
            kept = bool(lines) and 2 * len(lines & only) >= len(lines)
            facts.append({"article": prefixes[side], "fact": fact, "kept": kept})
    sources = []
    for side in (0, 1):
        expected = gold["comparison"]["sources_quoted"][prefixes[side]]
        quoted = [
            name
            for count in comparison.sources.get(ids[side], ())
            for name in {count.speaker or "", count.actor or ""} - {""}
        ]
        found = [g for g in expected if any(_same_source(g, s) for s in quoted)]
        extra = {
            count.actor or count.speaker or "(unnamed)"
            for count in comparison.sources.get(ids[side], ())
            if not any(
                _same_source(g, n) or _same_source(n, g)
                for g in expected
                for n in {count.speaker or "", count.actor or ""} - {""}
            )
        }
        sources.append(
            {
                "article": prefixes[side],
                "gold": len(expected),
                "found": len(found),
                "missing": [g for g in expected if g not in found],
                "extra": sorted(extra),
            }
        )
    return {
        "points": len(comparison.points),
        "kinds": [p.kind for p in comparison.points],
        "spurious": spurious,
        "shared_found": sum(p["found"] for p in points_found),
        "shared_gold": len(points_found),
        "shared": points_found,
        "only_in_kept": sum(f["kept"] for f in facts),
        "only_in_gold": len(facts),
        "only_in": facts,
        "sources": sources,
    }


def sweep(backend: str, gold: Mapping[str, Any], articles_dir: Path) -> list[dict[str, Any]]:
    """The seeds scores at each threshold, the backend's own restored afterwards."""
    from storydiff.compare.similarity import BACKENDS

    original = BACKENDS[backend]
    rows = []
    try:
        for step in range(10, 61, 5):
            BACKENDS[backend] = replace(original, min_similarity=step / 100)
            result = score(backend, gold, articles_dir)
            rows.append(
                {
                    "threshold": step / 100,
                    **{k: result[k] for k in ("shared_found", "only_in_kept", "points")},
                }
            )
    finally:
        BACKENDS[backend] = original
    return rows


def report(results: Mapping[str, Any]) -> list[str]:
    out = []
    for backend, r in results.items():
        out += [
            f"== {backend} (threshold {r['threshold']})",
            f"  shared points found {r['shared_found']}/{r['shared_gold']}; "
            f"only-in facts kept {r['only_in_kept']}/{r['only_in_gold']}; "
            f"points {r['points']} ({r['spurious']} pair no gold lines; "
            f"{r['kinds'].count('framing')} framing, {r['kinds'].count('conflict')} conflict)",
        ]
        out += [f"    missed point: {p['point']}" for p in r["shared"] if not p["found"]]
        out += [f"    lost only-in: {f['fact']}" for f in r["only_in"] if not f["kept"]]
        for s in r["sources"]:
            out.append(
                f"  sources {s['article']}: {s['found']}/{s['gold']} gold speakers"
                + (f"; missing {', '.join(s['missing'])}" if s["missing"] else "")
                + (f"; not in gold {', '.join(s['extra'])}" if s["extra"] else "")
            )
        if r.get("sweep"):
            out.append("  threshold  shared  only-in  points")
            out += [
                f"  {row['threshold']:9.2f}  {row['shared_found']:6}  {row['only_in_kept']:7}  "
                f"{row['points']:6}"
                for row in r["sweep"]
            ]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from storydiff.compare.similarity import BACKENDS

    parser = backends_parser(__doc__)
    parser.add_argument("--sweep", action="store_true", help="also try thresholds 0.10-0.60")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    results = {}
    for name in args.backend or sorted(BACKENDS):
        results[name] = score(name, gold, args.articles)
        results[name]["threshold"] = BACKENDS[name].min_similarity
        if args.sweep:
            results[name]["sweep"] = sweep(name, gold, args.articles)
    print(json.dumps(results, indent=2) if args.json else "\n".join(report(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
