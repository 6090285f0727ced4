"""How long the cleaner takes on big articles of awkward shapes, at 1 MB and 3 MB.

Why: an article may be as large as ``--max-bytes`` (10 MB by default), and a cleaner that
compares every line with every other is fast on a news page and takes minutes on a page that
repeats itself. The shapes below are the ones that made it quadratic (one paragraph or one line
printed thousands of times, lines of thousands of distinct lengths, lines that end one
another) next to plain ones. Growth is what to read: seconds for 3 MB should be about three
times those for 1 MB, not nine. A timing is not a test (it depends on the machine); the tests
check that the verdicts stay the same.

Each figure is the time of ``clean(read_text(text))``, the path every plain-text article
takes, best of ``--repeat`` runs.

Usage (from the repository root)::

    python benchmarks/cleaning_speed.py [--mb 1 3] [--shape NAME ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

PARAGRAPH = (
    "The minister said on Tuesday that the talks would resume next week, according to "
    "officials who spoke on condition of anonymity."
)


def _repeat(piece: str, separator: str, size: int) -> str:
    return separator.join([piece] * (size // (len(piece) + len(separator))))


def _until(size: int, make: Callable[[int], str], separator: str) -> str:
    """Pieces ``make(0)``, ``make(1)``, ... joined until the text is ``size`` characters."""
    pieces, total, index = [], 0, 0
    while total < size:
        pieces.append(make(index))
        total += len(pieces[-1]) + len(separator)
        index += 1
    return separator.join(pieces)


SHAPES: dict[str, Callable[[int], str]] = {
    "repeated paragraph": lambda size: _repeat(PARAGRAPH, "\n\n", size),
    "repeated line": lambda size: _repeat("Breaking news from the capital today", "\n", size),
    "distinct short lines": lambda size: _until(size, lambda i: f"Short line number {i}", "\n"),
    "numbered paragraphs": lambda size: _until(
        size, lambda i: f"Line number {i} of the page.", "\n\n"
    ),
    "lines ending lines": lambda size: _until(size, lambda i: "word " * (i % 200 + 1), "\n"),
    "many lengths": lambda size: _until(
        size, lambda i: "The " + "very " * (i % 500) + f"long sentence {i}.", "\n\n"
    ),
    "one long line": lambda size: "word " * (size // 5),
    "article": lambda size: _until(size, lambda i: f"Paragraph {i}: {PARAGRAPH}", "\n\n"),
}


def seconds_to_clean(text: str, repeat: int) -> float:
    """Best time of ``repeat`` runs; a page found to be all furniture (E010, as a line
    repeated on every line is) has been cleaned all the same."""
    from storydiff.clean import clean
    from storydiff.errors import InputError
    from storydiff.sources import read_text

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(InputError):
            clean(read_text(text))
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0, 3.0])
    parser.add_argument("--shape", choices=sorted(SHAPES), nargs="+", default=list(SHAPES))
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [int(mb * 1_000_000) for mb in args.mb]
    print(f"{'shape':22}" + "".join(f"{size / 1e6:>9g} MB" for size in sizes))
    for name in args.shape:
        row = [seconds_to_clean(SHAPES[name](size), args.repeat) for size in sizes]
        print(f"{name:22}" + "".join(f"{seconds:>10.2f}s" for seconds in row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
