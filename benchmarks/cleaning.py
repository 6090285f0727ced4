"""The cleaner against text it was not written for: body kept, furniture removed, nothing lost.

Why this exists: a cleaner that keeps furniture puts captions and promos into every quote,
label and shared point downstream; one that drops body loses whole articles and biases every
per-outlet figure. Both are measured here, on two corpora:

* **Scrapes** (``../shared/eval-data/cleaning-dev``): plain-text scrapes of real pages from
  many sites, with the body paragraphs to keep (``with``) and the furniture lines to remove
  (``without``). A body paragraph is kept when its folded words appear, in order, in the
  cleaned text; a furniture line is removed when no paragraph of the cleaned text is that
  line (a line of three or more words also counts as left when a paragraph contains it).
  Scores are given by kind of furniture (``data/cleaning_kinds.json``, codebook beside it)
  and for two halves: ``tune`` (names starting with a digit), which the cleaner's rules may
  be fitted on, and ``check`` (names starting with a letter), which they are not.
* **One line per article** (SEESAW train articles, ``../shared/eval-data/seesaw``): the
  shape of many data sets and exports, the whole body in one paragraph with apostrophes and
  commas stripped, and with the site text a scraper glues on at either end. Counted: articles
  lost, body sentences kept, glued furniture removed.

Usage (from the repository root)::

    python benchmarks/cleaning.py [--errors N] [--json]

``--errors`` lists the misses of the ``tune`` half only, so the check half stays unseen.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "eval-data"
SCRAPES = SHARED / "cleaning-dev"
SEESAW = SHARED / "seesaw"
KINDS = REPO / "benchmarks" / "data" / "cleaning_kinds.json"
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Words only, case-folded: the gold's matching ignores spacing and punctuation."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def split_of(name: str) -> str:
    return "tune" if name[:1].isdigit() else "check"


@dataclass
class Tally:
    """Counts for one group of lines: kept and total body, removed and total furniture."""

    body: int = 0
    body_kept: int = 0
    furniture: int = 0
    furniture_removed: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    removed_by_kind: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Miss:
    name: str
    what: str
    text: str


def cleaned_paragraphs(document: object) -> tuple[list[str], str | None]:
    """The folded paragraphs of the cleaned article (none when the cleaner found no body)."""
    from storydiff.clean import clean
    from storydiff.errors import InputError

    try:
        article = clean(document)  # type: ignore[arg-type]
    except InputError:
        return [], None
    return [fold(p) for p in article.text.split("\n\n")], article.title


def left_in(line: str, paragraphs: Sequence[str]) -> bool:
    """A furniture line survives as a paragraph of its own, or inside one when it is long
    enough not to be there by chance."""
    if not line:
        return False
    if len(line.split()) >= 3:
        padded = f" {line} "
        return any(padded in f" {p} " for p in paragraphs)
    return line in paragraphs


def score_scrape(
    name: str, gold: dict, kinds: Sequence[str], misses: list[Miss]
) -> tuple[Tally, bool]:
    from storydiff.sources import read_text

    text = (SCRAPES / name).read_text(encoding="utf-8")
    paragraphs, _ = cleaned_paragraphs(read_text(text, name, kind="text"))
    whole = f" {' '.join(paragraphs)} "
    tally = Tally()
    for body in gold["with"]:
        folded = fold(body)
        tally.body += 1
        if f" {folded} " in whole:
            tally.body_kept += 1
        else:
            misses.append(Miss(name, "body lost", body))
    for n, line in enumerate(gold["without"]):
        kind = kinds[n] if n < len(kinds) else "unlabelled"
        tally.furniture += 1
        tally.by_kind[kind] += 1
        if left_in(fold(line), paragraphs):
            misses.append(Miss(name, f"{kind} left", line))
        else:
            tally.furniture_removed += 1
            tally.removed_by_kind[kind] += 1
    return tally, not paragraphs


def score_scrapes(root: Path) -> tuple[dict[str, Tally], int, list[Miss]]:
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    kinds = json.loads(KINDS.read_text(encoding="utf-8"))["kinds"] if KINDS.exists() else {}
    tallies = {"tune": Tally(), "check": Tally()}
    lost, misses = 0, []
    for name in sorted(gold):
        tally, empty = score_scrape(name, gold[name], kinds.get(name, []), misses)
        tallies[split_of(name)].add(tally)
        lost += empty
    return tallies, lost, [m for m in misses if split_of(m.name) == "tune"]


# Site text that scrapers glue to one end of a one-paragraph article. Generic shapes, in the
# wording many sites use; the benchmark cycles through them so every article gets one or two.
GLUED_BEFORE = (
    "Published {date}",
    "Posted on {date} by Staff Writer",
    "Updated {date}",
    "By Jane Roe and John Doe {date}",
    "Home News World",
)
GLUED_AFTER = (
    "Privacy Policy Cookie Policy",
    "Jane Roe contributed to this report.",
    "Share this article Share on Facebook Share on Twitter",
    "© 2019 All rights reserved.",
    "Sign up for our newsletter to get the latest news",
    "Reporting by Jane Roe; Editing by John Doe",
)


@dataclass(frozen=True)
class OneLine:
    """One SEESAW article as one line, and what was glued to it."""

    text: str
    sentences: tuple[str, ...]
    glued: tuple[str, ...]


def flatten(sentence: str) -> str:
    """One line, apostrophes and commas gone: the shape of many exported corpora."""
    return " ".join(sentence.replace("'", "").replace("’", "").replace(",", "").split())


def one_line_articles(root: Path) -> Iterator[OneLine]:
    for n, meta_path in enumerate(sorted((root / "meta").glob("TRIPLET_*.json"))):
        if json.loads(meta_path.read_text(encoding="utf-8")).get("Split") != "train":
            continue
        for key in ("0", "1", "2"):
            path = root / "articles" / f"{meta_path.stem}_DOCUMENT_{key}.json"
            data = json.loads(path.read_text(encoding="utf-8"))
            sentences = tuple(flatten(s["text"].strip()) for s in data["text"] if s["text"].strip())
            if not sentences:
                continue
            k = 3 * n + int(key)
            before = GLUED_BEFORE[k % len(GLUED_BEFORE)].format(date="June 4 2019 10:15 am")
            after = GLUED_AFTER[k % len(GLUED_AFTER)]
            glued = {0: (), 1: (before,), 2: (after,), 3: (before, after)}[k % 4]
            parts = [before] * (before in glued) + list(sentences) + [after] * (after in glued)
            yield OneLine(" ".join(parts), sentences, glued)


def score_one_line(root: Path) -> dict[str, int]:
    from storydiff.sources import read_text

    counts = Counter()
    for article in one_line_articles(root):
        paragraphs, _ = cleaned_paragraphs(read_text(article.text, "one-line", kind="text"))
        whole = f" {' '.join(paragraphs)} "
        counts["articles"] += 1
        counts["lost"] += not paragraphs
        counts["sentences"] += len(article.sentences)
        counts["sentences_kept"] += sum(f" {fold(s)} " in whole for s in article.sentences)
        counts["glued"] += len(article.glued)
        counts["glued_removed"] += sum(f" {fold(g)} " not in whole for g in article.glued)
    return dict(counts)


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def report(tallies: dict[str, Tally], lost: int, one_line: dict[str, int]) -> str:
    rows = ["scrapes       body kept        furniture removed"]
    for split, tally in tallies.items():
        rows.append(
            f"{split:<8} {ratio(tally.body_kept, tally.body):>6} of {tally.body:<5}"
            f"  {ratio(tally.furniture_removed, tally.furniture):>6} of {tally.furniture}"
        )
    rows.append(f"scrapes left with no body: {lost}")
    rows.append("\nfurniture removed by kind   tune            check")
    kinds = sorted(set(tallies["tune"].by_kind) | set(tallies["check"].by_kind))
    for kind in kinds:
        cells = [
            f"{ratio(t.removed_by_kind[kind], t.by_kind[kind]):>6} of {t.by_kind[kind]:<4}"
            for t in tallies.values()
        ]
        rows.append(f"  {kind:<24}" + "  ".join(cells))
    if one_line:
        rows.append(
            f"\none line per article (SEESAW train): {one_line['articles']} articles, "
            f"{one_line['lost']} lost; sentences kept "
            f"{ratio(one_line['sentences_kept'], one_line['sentences'])}; glued furniture "
            f"removed {ratio(one_line['glued_removed'], one_line['glued'])} "
            f"of {one_line['glued']}"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scrapes", type=Path, default=SCRAPES)
    parser.add_argument("--seesaw", type=Path, default=SEESAW)
    parser.add_argument("--errors", type=int, default=0, help="list this many tune misses")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    tallies, lost, misses = score_scrapes(args.scrapes)
    one_line = score_one_line(args.seesaw) if args.seesaw.exists() else {}
    if args.json:
        print(
            json.dumps(
                {
                    "scrapes": {
                        split: {
                            "body_kept": t.body_kept,
                            "body": t.body,
                            "furniture_removed": t.furniture_removed,
                            "furniture": t.furniture,
                            "by_kind": dict(t.by_kind),
                            "removed_by_kind": dict(t.removed_by_kind),
                        }
                        for split, t in tallies.items()
                    },
                    "scrapes_with_no_body": lost,
                    "one_line": one_line,
                },
                indent=1,
            )
        )
    else:
        print(report(tallies, lost, one_line))
        for miss in misses[: args.errors]:
            print(f"{miss.name}  {miss.what}: {miss.text[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
