"""The outlet registry on pages it was not built from: what it recognises, and whether rightly.

Why this exists: the registry holds about 1,100 state-affiliated outlets derived from a data
set (``scripts/state_media.py``) beside the hand list, and a name or a domain that matches
the wrong thing mislabels an article's outlet, its country and its ownership, and makes the
cleaner take a heading that names it for a promo. Two checks, on corpora from many sites
(``../shared/eval-data``: the cleaning-dev scrapes, SEESAW, PolNeAR dev):

* **Names in running text**: every line of the corpora searched for the names the data adds
  (the hand list's are older and measured by ``cleaning.py``); each hit is printed with its
  line, for a person to judge. Outlets of the data are rare in these corpora, so this
  measures precision: a hit that is not the outlet is a false recognition.
* **URLs**: every SEESAW article's URL looked up; printed, how many are recognised and as
  what, beside the outlet SEESAW names. A URL recognised as an outlet other than SEESAW's is
  a false recognition.

Usage (from the repository root)::

    python benchmarks/outlets.py [--eval-data DIR]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval-data"


def corpus_lines(root: Path) -> Iterator[str]:
    for path in sorted((root / "cleaning-dev").glob("*.txt")):
        yield from path.read_text(encoding="utf-8").splitlines()
    for path in sorted((root / "seesaw" / "articles").glob("*.json")):
        yield from (s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["text"])
    for path in sorted((root / "polnear-dev" / "text").glob("*.txt")):
        yield from path.read_text(encoding="utf-8").splitlines()


def data_name_hits(root: Path) -> tuple[int, list[tuple[str, str, str]]]:
    """How many lines were searched, and each (name, outlet, line) where a name only the
    state-media data gives is found."""
    from storydiff.clean.outlets import OUTLETS, find_outlet_name, outlet_by_name

    hand = {n.casefold() for o in OUTLETS for n in (o.name, *o.aliases)}
    searched, hits = 0, []
    for line in corpus_lines(root):
        searched += 1
        rest = line
        while found := find_outlet_name(rest):
            if found.casefold() not in hand:
                hits.append((found, outlet_by_name(found).name, line.strip()[:100]))
            rest = rest[rest.index(found) + len(found) :]
    return searched, hits


def seesaw_urls(root: Path) -> Counter[tuple[str, str | None]]:
    """(SEESAW's outlet, the registry's) for every SEESAW article URL."""
    from storydiff.clean.outlets import outlet_by_url

    pairs: Counter[tuple[str, str | None]] = Counter()
    for path in sorted((root / "seesaw" / "meta").glob("TRIPLET_*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        for key in ("0", "1", "2"):
            info = meta[f"Meta info for article {key}"]
            outlet = outlet_by_url(info["url"]) if info.get("url") else None
            pairs[(info["source"], outlet.name if outlet else None)] += 1
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-data", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    from storydiff.clean.outlets import registry

    outlets = registry().outlets()
    print(
        f"registry: {len(outlets)} outlets of {len({o.country for o in outlets})} countries, "
        f"{sum(len(o.domains) for o in outlets)} domains"
    )
    searched, hits = data_name_hits(args.eval_data)
    print(f"\nnames from the state-media data in {searched:,} lines: {len(hits)} hits")
    for name, outlet, line in hits:
        print(f"  {name!r} ({outlet}): {line}")
    pairs = seesaw_urls(args.eval_data)
    recognised = sum(n for (_, found), n in pairs.items() if found)
    print(f"\nSEESAW URLs: {sum(pairs.values())}, recognised {recognised}")
    for (source, found), count in sorted(pairs.items(), key=lambda item: -item[1]):
        if found:
            print(f"  {count:4d}  {source} -> {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
