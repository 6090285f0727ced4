"""Story grouping against SEESAW, and how its time and memory grow with the corpus.

Why this exists: a corpus is only useful once its articles are grouped into stories, and the
grouping must be right (B-cubed against a gold partition) and must scale (near-linear time,
flat memory). SEESAW (``../shared/eval-data/seesaw``) has 609 articles in 203 stories, three
outlets each; each article gets its story's date (``story_time``) and its outlet from the meta
files. Articles are analysed as ``storydiff`` does (``--cache FILE`` keeps the analyses as
JSON Lines, outside the repository, so that reruns skip the three minutes of analysis).

SEESAW's own split decides what may be looked into: its train and valid stories (162) are the
development set, where errors are read and settings chosen; its test stories (41) are the
check set, scored only to report. Each set is grouped as a corpus of its own, and the whole
609 as well (the figures earlier versions reported).

Printed:

* for the whole corpus, the development set and the check set: B-cubed precision, recall and
  F1, and the number of stories, with the defaults, with the
  third article of each story moved two or three days later (a story that develops: outlets
  often report the next turn days apart), with the dates withheld (how much the time window
  does), with each opinion piece (its web address or title says so) moved two or three days
  later and five or six (an op-ed answers the news days after it), and, on the development
  set only, over a sweep of the join score and the actor weight (the settings
  ``stories.join_score`` and ``stories.entity_weight``);
* scaling: the SEESAW analyses replicated with dates shifted so that each copy is a new run
  of stories, grouped at N and 4N articles (and 1k/10k/100k for memory): CPU seconds, articles per
  second, and the peak memory the grouping allocates (tracemalloc), with closed stories handed
  out as a store would take them.

Usage (from the repository root)::

    python benchmarks/stories.py [--seesaw DIR] [--cache FILE] [--scale N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEESAW = REPO.parent / "shared" / "eval-data" / "seesaw"


SPLITS = ("all", "dev", "check")


def part_of(meta: dict[str, Any]) -> str:
    """The set a SEESAW story belongs to: its test split is the check set, the rest is
    development."""
    return "check" if meta.get("Split") == "test" else "dev"


def seesaw_documents(root: Path) -> tuple[list[Any], dict[str, str]]:
    """Every SEESAW article as a Document (title, outlet, web address and its story's date
    from the meta files), and each document source's gold story (``TRIPLET_k``, prefixed by
    its set: ``dev/TRIPLET_k`` or ``check/TRIPLET_k``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when loaded by path
    from compare_gold import read_triplet

    documents, story_of_source = [], {}
    for meta_path in sorted((root / "meta").glob("TRIPLET_*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        for article in read_triplet(root, meta_path.stem.removeprefix("TRIPLET_")):
            if article.text:
                story_of_source[article.source] = f"{part_of(meta)}/{meta_path.stem}"
                url = meta.get(f"Meta info for article {article.key}", {}).get("url")
                documents.append(replace(article.document(), url=url))
    return documents, story_of_source


def load_seesaw(root: Path, cache: Path | None) -> tuple[list[Any], dict[str, str]]:
    """The analysed articles and each article id's gold story."""
    from storydiff.api import analyze_stream, clean_documents
    from storydiff.model import Analysis

    documents, story_of_source = seesaw_documents(root)
    if cache and cache.exists():
        analyses = [Analysis.from_dict(json.loads(line)) for line in cache.open(encoding="utf-8")]
    else:
        analyses = [a for a in analyze_stream(clean_documents(documents)) if hasattr(a, "article")]
        if cache:
            with cache.open("w", encoding="utf-8") as stream:
                for analysis in analyses:
                    stream.write(json.dumps(analysis.to_dict()) + "\n")
    # The web address says whether a piece is opinion; an older cache may lack it.
    urls = {d.source: d.url for d in documents}
    analyses = [
        replace(a, article=replace(a.article, url=urls[a.article.source])) for a in analyses
    ]
    gold = {a.article.id: story_of_source[a.article.source] for a in analyses}
    return analyses, gold


def bcubed(stories: Sequence[Any], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision and recall (Bagga and Baldwin, 1998) over the gold's articles."""
    predicted = {article: s.id for s in stories for article in s.articles}
    members: dict[str, set[str]] = {}
    truth: dict[str, set[str]] = {}
    for article, story in predicted.items():
        members.setdefault(story, set()).add(article)
        truth.setdefault(gold[article], set()).add(article)
    precision = recall = 0.0
    for article, story in predicted.items():
        shared = len(members[story] & truth[gold[article]])
        precision += shared / len(members[story])
        recall += shared / len(truth[gold[article]])
    n = len(predicted)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "stories": len(members)}


def quality(analyses: list[Any], gold: dict[str, str]) -> dict[str, Any]:
    """Every row for the whole corpus and for each set grouped on its own; the sweep on the
    development set only, since settings are chosen there."""
    results: dict[str, Any] = {}
    for split in SPLITS:
        part = [a for a in analyses if split == "all" or gold[a.article.id].startswith(split)]
        results[split] = rows(part, gold, sweep=split == "dev")
    return results


def rows(analyses: list[Any], gold: dict[str, str], *, sweep: bool) -> dict[str, Any]:
    """The rows of one corpus (see the module's docstring)."""
    from storydiff.compare.opinion import is_opinion
    from storydiff.compare.stories import group_stories
    from storydiff.config import DEFAULTS

    undated = [replace(a, article=replace(a.article, published=None)) for a in analyses]
    started = time.perf_counter()
    default = bcubed(group_stories(analyses), gold)
    seconds = time.perf_counter() - started
    swept = [
        {
            "join_score": join,
            "entity_weight": weight,
            **bcubed(group_stories(analyses, DEFAULTS.with_values(_sweep(join, weight))), gold),
        }
        for join in (0.2, 0.3, 0.4, 0.5)
        for weight in (0.5, 0.8, 1.0)
        if sweep
    ]
    return {
        "articles": len(analyses),
        "gold_stories": len({gold[a.article.id] for a in analyses}),
        "default": default,
        "seconds": seconds,
        "developing": bcubed(group_stories(developing(analyses, gold)), gold),
        "opinion_pieces": sum(map(is_opinion, (a.article for a in analyses))),
        "opinion_later": bcubed(group_stories(opinion_later(analyses)), gold),
        "opinion_week": bcubed(group_stories(opinion_later(analyses, 5)), gold),
        "undated": bcubed(group_stories(undated), gold),
        "sweep": swept,
    }


def developing(analyses: list[Any], gold: dict[str, str]) -> list[Any]:
    """The analyses with the third article of each gold story dated two or three days after
    its story's date (alternately), as when a story develops over days."""
    seen: dict[str, int] = {}
    moved = []
    for analysis in analyses:
        story = gold[analysis.article.id]
        seen[story] = seen.get(story, 0) + 1
        published = analysis.article.published
        if seen[story] == 3 and published:
            days = 2 + len(seen) % 2
            later = (date.fromisoformat(published[:10]) + timedelta(days=days)).isoformat()
            analysis = replace(analysis, article=replace(analysis.article, published=later))
        moved.append(analysis)
    return moved


def opinion_later(analyses: list[Any], days: int = 2) -> list[Any]:
    """The analyses with each opinion piece dated ``days`` or one more days after its
    story's date (alternately), as an op-ed answering the news comes."""
    from storydiff.compare.opinion import is_opinion

    moved = []
    for analysis in analyses:
        published = analysis.article.published
        if is_opinion(analysis.article) and published:
            gap = days + len(moved) % 2
            later = (date.fromisoformat(published[:10]) + timedelta(days=gap)).isoformat()
            analysis = replace(analysis, article=replace(analysis.article, published=later))
        moved.append(analysis)
    return moved


def _sweep(join: float, weight: float) -> dict[str, float]:
    """One step of the sweep, as the settings it changes."""
    return {"stories.join_score": join, "stories.entity_weight": weight}


def replicated(analyses: list[Any], count: int) -> Iterator[Any]:
    """``count`` articles: copies of the corpus, each shifted past the previous copy's dates
    and with fresh ids, in date order."""
    ordered = sorted(analyses, key=lambda a: a.article.published or "")
    first = date.fromisoformat(ordered[0].article.published[:10])
    last = date.fromisoformat(ordered[-1].article.published[:10])
    span = (last - first).days + 10
    produced = 0
    copy = 0
    while produced < count:
        for analysis in ordered:
            if produced >= count:
                return
            day = date.fromisoformat(analysis.article.published[:10])
            shifted = (day + timedelta(days=copy * span)).isoformat()
            article = replace(
                analysis.article, id=f"{analysis.article.id}-{copy}", published=shifted
            )
            yield replace(analysis, article=article)
            produced += 1
        copy += 1


def scaling(analyses: list[Any], sizes: Sequence[int]) -> list[dict[str, Any]]:
    from storydiff.compare.stories import StoryGrouper

    rows = []
    for size in sizes:
        closed = 0

        def take(_story: Any) -> None:
            nonlocal closed
            closed += 1

        grouper = StoryGrouper(on_close=take)
        grouper.add_many(analyses[:8])  # load the embedding model outside the measurement
        grouper = StoryGrouper(on_close=take)
        closed = 0
        tracemalloc.start()
        # CPU time of this process: the ratio between sizes is what matters, and wall time
        # moves with whatever else the machine runs.
        started = time.process_time()
        batch: list[Any] = []
        for analysis in replicated(analyses, size):
            batch.append(analysis)
            if len(batch) == 256:
                grouper.add_many(batch)
                batch = []
        if batch:
            grouper.add_many(batch)
        grouper.close_all()
        seconds = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append(
            {
                "articles": size,
                "seconds": seconds,
                "per_second": size / seconds,
                "peak_mib": peak / 2**20,
                "stories": closed,
            }
        )
    return rows


NAMES = {"all": "SEESAW", "dev": "SEESAW development set", "check": "SEESAW check set"}


def report(results: dict[str, Any]) -> list[str]:
    quality_rows = results.get("quality")
    out = []
    if quality_rows:
        for split in SPLITS:
            out += quality_report(NAMES[split], quality_rows[split])
    else:
        out.append("SEESAW: not found, quality skipped")
    rows = results.get("scaling") or []
    if rows:
        out.append("")
        out.append("Scaling (grouping only; SEESAW analyses replicated with shifted dates):")
        out.append("  articles   CPU s  articles/s  peak MiB  stories")
        for r in rows:
            out.append(
                f"  {r['articles']:>8}  {r['seconds']:>6.1f}  {r['per_second']:>10.0f}  "
                f"{r['peak_mib']:>8.1f}  {r['stories']:>7}"
            )
        by_size = {r["articles"]: r for r in rows}
        for n in sorted(by_size):
            if 4 * n in by_size:
                ratio = by_size[4 * n]["seconds"] / by_size[n]["seconds"]
                out.append(
                    f"  time at {4 * n} / time at {n}: {ratio:.2f} (near-linear: at most 4.4)"
                )
    return out


def quality_report(name: str, q: dict[str, Any]) -> list[str]:
    """The rows of one corpus, and its sweep when it has one."""
    d, u, late = q["default"], q["undated"], q["developing"]
    op, week = q["opinion_later"], q["opinion_week"]
    out = [
        f"{name}: {q['articles']} articles, {q['gold_stories']} gold stories",
        f"  defaults: B-cubed P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}, "
        f"{d['stories']} stories, {q['seconds']:.1f} s",
        f"  third article 2-3 days later: P {late['precision']:.3f} R {late['recall']:.3f} "
        f"F1 {late['f1']:.3f}, {late['stories']} stories",
        f"  dates withheld: P {u['precision']:.3f} R {u['recall']:.3f} F1 {u['f1']:.3f}, "
        f"{u['stories']} stories",
        f"  the {q['opinion_pieces']} opinion pieces 2-3 days later: "
        f"P {op['precision']:.3f} R {op['recall']:.3f} F1 {op['f1']:.3f}, "
        f"{op['stories']} stories",
        f"  the opinion pieces 5-6 days later: P {week['precision']:.3f} "
        f"R {week['recall']:.3f} F1 {week['f1']:.3f}, {week['stories']} stories",
    ]
    if not q["sweep"]:
        return out
    out.append("  sweep (join score x actor weight): F1")
    joins = sorted({r["join_score"] for r in q["sweep"]})
    weights = sorted({r["entity_weight"] for r in q["sweep"]})
    out.append("    join  " + "  ".join(f"w={w:<4}" for w in weights))
    for join in joins:
        cells = [
            f"{r['f1']:.3f} "
            for w in weights
            for r in q["sweep"]
            if r["join_score"] == join and r["entity_weight"] == w
        ]
        out.append(f"    {join:<5} " + "  ".join(cells))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW)
    parser.add_argument("--cache", type=Path, help="keep the analyses here (outside the repo)")
    parser.add_argument(
        "--scale",
        type=int,
        nargs="*",
        default=[1000, 4000, 10000, 25000, 100000],
        help="corpus sizes to time (default: 1000 4000 10000 25000 100000)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.seesaw / "meta").is_dir():
        print(f"SEESAW not found at {args.seesaw}", file=sys.stderr)
        return 1
    analyses, gold = load_seesaw(args.seesaw, args.cache)
    results = {"quality": quality(analyses, gold), "scaling": scaling(analyses, args.scale)}
    print(json.dumps(results, indent=2) if args.json else "\n".join(report(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
