"""Screenshots of the web app's main pages for the README, made with headless Chromium.

The store is made from the repository's own articles (the bundled example pair, dated so
that their story has a week, and the style samples of tests/data/styles), so the pictures
can be remade anywhere: ``storydiff ingest`` into a temporary store, ``storydiff serve`` on
a free port, then ``chromium --headless --screenshot`` of each page into docs/screenshots/.

Usage (from the repository root)::

    python scripts/screenshots.py [--out docs/screenshots] [--width 1280] [--height 1500]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / "seeds", ROOT / "tests" / "data" / "styles"]
# The example pair ran on one day; the style samples are spread over the weeks after it.
FIRST_DAY = "2018-09-04"


def corpus(folder: Path) -> Path:
    """The articles as JSON Lines with an outlet's name and a date for each."""
    lines = []
    for number, path in enumerate(sorted(p for s in SOURCES for p in s.glob("*.txt"))):
        day = FIRST_DAY if path.parent.name == "seeds" else f"2018-09-{5 + number % 20:02d}"
        lines.append(json.dumps({"text": path.read_text(encoding="utf-8"), "published": day}))
    out = folder / "articles.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def storydiff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storydiff", *args], check=True, capture_output=True, text=True
    )


def pages(store: Path) -> list[tuple[str, str, dict[str, object]]]:
    """A file name, a page and its query for each screenshot, subjects read from the store."""
    from storydiff.store import Store

    with Store(store, read_only=True) as opened:

        def first(sql: str) -> object:
            return opened.query(sql)[0][0]

        story = first("SELECT id FROM stories ORDER BY origins DESC, first LIMIT 1")
        outlet = first("SELECT outlet FROM articles WHERE outlet_country = 'RU' LIMIT 1")
        actor = first(
            "SELECT actor_id FROM actor_mentions m JOIN actors a ON a.id = m.actor_id "
            "WHERE a.kind = 'PERSON' GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1"
        )
        speaker = first(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL "
            "GROUP BY speaker ORDER BY count(*) DESC LIMIT 1"
        )
    return [
        ("stories", "stories", {}),
        ("story", "story", {"id": story}),
        ("outlet", "outlet", {"name": outlet}),
        ("actor", "actor", {"id": actor}),
        ("labels", "labels", {}),
        ("trends", "trends", {"subject": "speaker", "name": speaker, "period": "week"}),
        ("evidence", "evidence", {"kind": "quote", "speaker": speaker}),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1500)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("screenshots need Chromium: apt-get install chromium")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "corpus.db"
        storydiff("ingest", str(corpus(Path(folder))), "--store", str(store))
        server = subprocess.Popen(
            [sys.executable, "-m", "storydiff", "serve", "--store", str(store)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert server.stdout is not None
            root = server.stdout.readline().strip().rsplit("/", 1)[0]
            for name, page, query in pages(store):
                url = f"{root}/{page}" + (f"?{urlencode(query)}" if query else "")
                target = args.out / f"{name}.png"
                subprocess.run(
                    [
                        chromium,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        f"--user-data-dir={folder}/chromium",
                        f"--window-size={args.width},{args.height}",
                        f"--screenshot={target}",
                        url,
                    ],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
                print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
