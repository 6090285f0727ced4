"""Check the SEESAW quotes gold (``benchmarks/data/quotes_gold``) against the article texts.

Why this exists: the gold stores character offsets, speaker names and kinds only, never article
text, so an offset that is off by one, or a text that is rebuilt differently, goes unnoticed
until a score looks wrong. This check rebuilds each article exactly as the comparison gold does
(``compare_gold.read_triplet``) and verifies every span; ``--show`` prints what each span covers
so that a person can review the annotations against the article.

Usage (from the repository root)::

    python benchmarks/quotes_gold.py [--show] [TRIPLET_k.json ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_gold import (  # noqa: E402  (a sibling script, not a package)
    ARTICLE_KEYS,
    DEFAULT_SEESAW,
    SeesawArticle,
    read_triplet,
)

GOLD_DIR = Path(__file__).resolve().parent / "data" / "quotes_gold"
KINDS = ("direct", "indirect", "mixed")

Span = Sequence[int]


def sentence_index(article: SeesawArticle, span: Span) -> int | None:
    """The index of the sentence that holds the whole span, or None if no single one does."""
    start, end = span
    for k, (first, last) in enumerate(
        zip(article.sentence_starts, article.sentence_ends, strict=True)
    ):
        if first <= start and end <= last:
            return k
    return None


def span_problems(article: SeesawArticle, span: Any, what: str) -> list[str]:
    """Why a [start, end] span is malformed or out of range, if it is."""
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        return [f"{what}: not a [start, end] pair"]
    start, end = span
    if not 0 <= start < end <= len(article.text):
        return [f"{what}: [{start}, {end}] out of range (text has {len(article.text)} chars)"]
    return []


def quote_problems(article: SeesawArticle, quote: dict[str, Any], where: str) -> list[str]:
    """Everything wrong with one quote: spans, piece edges, where its cue and mention sit."""
    found = []
    if quote.get("kind") not in KINDS:
        found.append(f"{where}: kind {quote.get('kind')!r}")
    speaker = quote.get("speaker")
    if speaker is not None and not (isinstance(speaker, str) and speaker.strip() == speaker):
        found.append(f"{where}: speaker {speaker!r}")
    pieces = quote.get("pieces") or []
    if not pieces:
        return [*found, f"{where}: no pieces"]
    for n, piece in enumerate(pieces):
        issues = span_problems(article, piece, f"{where} piece {n}")
        found += issues
        if issues:
            continue
        text = article.text[piece[0] : piece[1]]
        if text != text.strip():
            found.append(f"{where} piece {n}: leading or trailing white space")
        if n and piece[0] < pieces[n - 1][1]:
            found.append(f"{where} piece {n}: overlaps or precedes piece {n - 1}")
    if found:
        return found
    homes = {sentence_index(article, piece) for piece in pieces}
    first = homes.pop()
    if homes or first is None:
        return [f"{where}: pieces are not all in one sentence"]
    for field in ("cue", "mention"):
        span = quote.get(field)
        if span is None:
            continue
        issues = span_problems(article, span, f"{where} {field}")
        found += issues
        if not issues and sentence_index(article, span) not in (first, first - 1):
            found.append(f"{where} {field}: not in the sentence of the pieces or the one before")
    return found


def file_problems(gold: dict[str, Any], articles: Sequence[SeesawArticle]) -> list[str]:
    """Everything wrong with one gold file."""
    found = []
    if gold.get("split") not in ("dev", "dev2", "check"):
        found.append("split must be 'dev', 'dev2' or 'check'")
    quotes = gold.get("articles", {})
    if sorted(quotes) != sorted(ARTICLE_KEYS):
        found.append(f"articles must be {list(ARTICLE_KEYS)}, not {sorted(quotes)}")
    for article in articles:
        for n, quote in enumerate(quotes.get(article.key, [])):
            found += quote_problems(article, quote, f"article {article.key} quote {n}")
    return found


def show(article: SeesawArticle, quotes: Sequence[dict[str, Any]]) -> None:
    """Print what each quote's spans cover, for review against the article."""

    def cut(span: Span | None) -> str | None:
        return None if span is None else article.text[span[0] : span[1]]

    for n, quote in enumerate(quotes):
        first = sentence_index(article, quote["pieces"][0])
        print(
            f"  [{article.key}.{n}] s{first} {quote['kind']} speaker={quote['speaker']!r}"
            f" mention={cut(quote['mention'])!r} cue={cut(quote['cue'])!r}"
        )
        for piece in quote["pieces"]:
            print(f"      | {cut(piece)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="gold files (default: all in quotes_gold)")
    parser.add_argument("--show", action="store_true", help="print each quote's spans")
    args = parser.parse_args(argv)
    paths = [Path(n) if "/" in n else GOLD_DIR / n for n in args.files]
    failed = 0
    for path in paths or sorted(GOLD_DIR.glob("TRIPLET_*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles = read_triplet(DEFAULT_SEESAW, gold["triplet"])
        issues = file_problems(gold, articles)
        counts = {a.key: len(gold.get("articles", {}).get(a.key, [])) for a in articles}
        status = "ok" if not issues else f"{len(issues)} problem(s)"
        print(f"{path.name} ({gold.get('split')}): quotes {counts}, {status}")
        for issue in issues:
            print(f"  {issue}")
        if args.show and not issues:
            for article in articles:
                show(article, gold["articles"][article.key])
        failed += bool(issues)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
