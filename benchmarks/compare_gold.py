"""SEESAW articles as the benchmarks read them, the comparison gold for its triplets
(``benchmarks/data/compare_gold``), and a check that the gold is complete.

Why this exists: the gold stores sentence ids only, never article text, so every use of it
needs the same reconstruction of each article (its non-empty SEESAW sentences joined by blank
lines) and the same map from a character offset back to a sentence id. Keeping both here means
the benchmark and the check cannot drift apart.

Usage (from the repository root)::

    python benchmarks/compare_gold.py [TRIPLET_k.json ...]   # check the gold files
"""

from __future__ import annotations

import bisect
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "benchmarks" / "data" / "compare_gold"
DEFAULT_SEESAW = REPO.parent / "shared" / "eval-data" / "seesaw"
ARTICLE_KEYS = ("0", "1", "2")


@dataclass(frozen=True)
class SeesawArticle:
    """One SEESAW article as the comparison sees it, with each sentence's place in the text."""

    key: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    sentence_ids: tuple[int, ...]
    sentence_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]

    def document(self) -> Any:
        """The article as storydiff reads it: text, title, outlet and its story's date."""
        from storydiff.model import Document

        return Document(
            source=self.source,
            text=self.text,
            kind="text",
            title=self.title,
            outlet=self.outlet,
            published=self.published,
        )

    def sentences_in(self, start: int, end: int) -> set[int]:
        """The ids of the sentences that the span [start, end) overlaps."""
        first = max(0, bisect.bisect_right(self.sentence_starts, start) - 1)
        found = set()
        for k in range(first, len(self.sentence_ids)):
            if self.sentence_starts[k] >= end:
                break
            if self.sentence_ends[k] > start:
                found.add(self.sentence_ids[k])
        return found


def read_article(root: Path, triplet: str, key: str, meta: dict[str, Any]) -> SeesawArticle:
    path = root / "articles" / f"TRIPLET_{triplet}_DOCUMENT_{key}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    ids, starts, ends, parts = [], [], [], []
    offset = 0
    for sentence in data["text"]:
        text = sentence["text"].strip()
        if not text:
            continue
        if parts:
            offset += 2
        ids.append(int(sentence["id"]))
        starts.append(offset)
        ends.append(offset + len(text))
        parts.append(text)
        offset += len(text)
    info = meta.get(f"Meta info for article {key}", {})
    return SeesawArticle(
        key=key,
        source=f"seesaw/{path.stem}",
        title=data.get("title") or info.get("title"),
        outlet=info.get("source"),
        published=meta.get("story_time"),
        text="\n\n".join(parts),
        sentence_ids=tuple(ids),
        sentence_starts=tuple(starts),
        sentence_ends=tuple(ends),
    )


def read_triplet(root: Path, triplet: str) -> list[SeesawArticle]:
    meta = json.loads((root / "meta" / f"TRIPLET_{triplet}.json").read_text(encoding="utf-8"))
    return [read_article(root, triplet, key, meta) for key in ARTICLE_KEYS]


def gold_files(names: Sequence[str] = ()) -> list[Path]:
    if names:
        return [Path(n) if "/" in n else GOLD_DIR / n for n in names]
    return sorted(GOLD_DIR.glob("TRIPLET_*.json"))


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def problems(gold: dict[str, Any], articles: Sequence[SeesawArticle]) -> list[str]:
    """Everything that makes a gold file incomplete or inconsistent with the texts."""
    found: list[str] = []
    known = {a.key: set(a.sentence_ids) for a in articles}
    covered: dict[str, set[int]] = {key: set() for key in known}

    def take(where: str, key: str, ids: Sequence[int]) -> None:
        if key not in known:
            found.append(f"{where}: no article {key!r}")
            return
        for sid in ids:
            if sid not in known[key]:
                found.append(f"{where}: article {key} has no sentence {sid}")
            covered[key].add(sid)

    if gold.get("split") not in ("dev", "check"):
        found.append("split must be 'dev' or 'check'")
    seen_ids = set()
    for point in gold.get("points", []):
        pid = point.get("id")
        if pid in seen_ids:
            found.append(f"point id {pid} used twice")
        seen_ids.add(pid)
        if point.get("kind") not in ("agree", "framing", "conflict"):
            found.append(f"point {pid}: kind {point.get('kind')!r}")
        if not point.get("gist"):
            found.append(f"point {pid}: no gist")
        sentences = point.get("sentences", {})
        if sum(bool(ids) for ids in sentences.values()) < 2:
            found.append(f"point {pid}: sentences from fewer than two articles")
        for key, ids in sentences.items():
            take(f"point {pid}", key, ids)
    for key, facts in gold.get("only_in", {}).items():
        for n, fact in enumerate(facts):
            if not fact.get("sentences"):
                found.append(f"only_in {key}[{n}]: no sentences")
            take(f"only_in {key}[{n}]", key, fact.get("sentences", []))
    for key, ids in gold.get("no_fact", {}).items():
        take("no_fact", key, ids)
    for key, ids in known.items():
        missing = sorted(ids - covered[key])
        if missing:
            found.append(f"article {key}: sentences in no point, fact or no_fact: {missing}")
    for n, figure in enumerate(gold.get("figures", [])):
        if figure.get("relation") not in ("agree", "conflict", "different"):
            found.append(f"figures[{n}]: relation {figure.get('relation')!r}")
        for mention in figure.get("mentions", []):
            take(f"figures[{n}]", str(mention.get("article")), [mention.get("sentence", -1)])
    for key in ARTICLE_KEYS:
        if key not in gold.get("sources_quoted", {}):
            found.append(f"sources_quoted: no list for article {key}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    names = list(sys.argv[1:] if argv is None else argv)
    failed = 0
    for path in gold_files(names):
        gold = load_gold(path)
        issues = problems(gold, read_triplet(DEFAULT_SEESAW, gold["triplet"]))
        status = "ok" if not issues else f"{len(issues)} problem(s)"
        print(f"{path.name}: {status}")
        for issue in issues:
            print(f"  {issue}")
        failed += bool(issues)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
