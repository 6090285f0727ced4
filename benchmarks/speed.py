"""How much slower storydiff's analysis is than the bare spaCy pipeline it is built on.

Why a ratio and not a number: docs per second depend on the machine, the load on it and the
spaCy model, so an absolute figure cannot be compared from one run (or one laptop) to the
next. Timing raw ``spacy.load(<same pipeline>).pipe(texts)`` and storydiff's
cleaning plus ``annotate(articles, load_pipeline())`` on the same texts, in the same process,
alternating, cancels most of that out: the ratio says what storydiff's own work (furniture
removal, paragraph-aware sentences, entity clustering, quotes, statements) costs on top of
spaCy, and what it saves (``load_pipeline`` puts a memoised stand-in in the place of spaCy's
attribute ruler, ``storydiff/nlp/attribute_rules.py``). Raw spaCy gets the cleaned texts;
storydiff starts from the documents as read.

Method: the texts are the cleaned seed articles (or every ``.txt`` under ``--texts``, read and
cleaned the same way, or the SEESAW articles with ``--seesaw``, read from
``../shared/eval-data/seesaw`` at run time), repeated to about ``--docs`` documents when there
are fewer. Both sides get one warm-up pass over the distinct texts, then are timed alternately
``--repeat`` times (the order swaps each round so neither always runs on a warmer cache). The
share is the median over the rounds of raw spaCy's time over storydiff's in that round: the
two sides of a round run back to back under the same load, and the median drops a round that
a burst of other work hit; the best time of each side is reported too. Times are the
process's CPU seconds, which other work on the machine disturbs far less than the wall clock.
Both use the same batch size, storydiff's (32). Words are white-space separated words of the
texts, the same count for both sides.

Then, on the same documents, the rest of the table a corpus user needs:

* articles per day on this machine, extrapolated from the one-process rate and from the
  two-worker rate (``--workers 2``);
* local workers and the Ray engine with 1 and 2 workers: seconds and speed-up over one (Ray
  when it is installed; a local Ray is started once, and the seconds that took are a row of
  their own, as a cluster would already be running);
* peak memory (resident) of ``storydiff analyze`` on a JSON Lines file of ``--memory``
  articles (the documents repeated under ids of their own), e.g. 1k and 10k: analyses are
  written as they are made, so flat memory means the two are close;
* story grouping time at N and 4N articles (the documents' analyses replicated with
  shifted dates).

Usage (from the repository root)::

    python benchmarks/speed.py [--repeat N] [--texts DIR | --seesaw [DIR]] [--docs N]
        [--batch-size N] [--parallel-docs N] [--memory N ...] [--grouping N] [--no-ray]
        [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO / "tests" / "data" / "seeds"
DEFAULT_SEESAW = REPO.parent / "shared" / "eval-data" / "seesaw"


def load_documents(directory: Path) -> list[Any]:
    """Every ``.txt`` under ``directory``, read as storydiff would; inputs that fail to read
    or leave no article after cleaning are reported on standard error and left out."""
    from storydiff.clean import clean
    from storydiff.errors import InputError
    from storydiff.sources import read_inputs

    paths = [str(p) for p in sorted(directory.rglob("*.txt"))]
    documents = []
    for item in read_inputs(paths) if paths else ():
        try:
            if isinstance(item, InputError):
                raise item
            clean(item)
            documents.append(item)
        except InputError as error:
            print(f"skipped: {error}", file=sys.stderr)
    return documents


def benchmark_documents(texts: Path, seesaw: Path | None) -> list[Any]:
    """The SEESAW articles under ``seesaw`` (each with its title, outlet and story date, in
    the order of their files) when it is given, else the ``.txt`` articles under ``texts``."""
    if seesaw is None:
        return load_documents(texts)
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when loaded by path
    from stories import seesaw_documents

    return seesaw_documents(seesaw)[0]


def replicate(items: Sequence[Any], count: int) -> list[Any]:
    """``items`` repeated in order until there are ``count`` of them."""
    return (list(items) * math.ceil(count / len(items)))[:count]


def timed(run: Callable[[], None], clock: Callable[[], float] = time.perf_counter) -> float:
    start = clock()
    run()
    return clock() - start


def measure(documents: Sequence[Any], repeat: int, batch_size: int) -> dict[str, Any]:
    """Best-of-``repeat`` CPU seconds for raw spaCy and for storydiff on the same texts."""
    import spacy

    from storydiff.clean import clean
    from storydiff.nlp.annotate import annotate
    from storydiff.nlp.pipeline import load_pipeline, pipeline_name

    name = pipeline_name()
    raw_nlp = spacy.load(name)
    our_nlp = load_pipeline()
    texts = [clean(d).text for d in documents]

    def raw(texts: Sequence[str] = texts) -> None:
        for _ in raw_nlp.pipe(texts, batch_size=batch_size):
            pass

    def ours(documents: Sequence[Any] = documents) -> None:
        for _ in annotate((clean(d) for d in documents), our_nlp, batch_size):
            pass

    distinct = len({id(d) for d in documents})
    raw(texts[:distinct])  # warm-up: first-call allocations and lazy loading
    ours(documents[:distinct])

    times: dict[str, list[float]] = {"raw": [], "storydiff": []}
    for round_ in range(repeat):
        order = [("raw", raw), ("storydiff", ours)]
        for label, run in order if round_ % 2 == 0 else reversed(order):
            times[label].append(timed(run, time.process_time))

    words = sum(len(t.split()) for t in texts)
    sides = {}
    for label, seconds in times.items():
        best = min(seconds)
        sides[label] = {
            "best_seconds": best,
            "all_seconds": seconds,
            "docs_per_second": len(texts) / best,
            "words_per_second": words / best,
        }
    return {
        "pipeline": name,
        "pipeline_version": raw_nlp.meta.get("version"),
        "spacy_version": spacy.__version__,
        "raw_components": list(raw_nlp.pipe_names),
        "storydiff_components": list(our_nlp.pipe_names),
        "docs": len(texts),
        "distinct_texts": distinct,
        "words": words,
        "batch_size": batch_size,
        "repeat": repeat,
        "raw": sides["raw"],
        "storydiff": sides["storydiff"],
        "time_ratio": sides["storydiff"]["best_seconds"] / sides["raw"]["best_seconds"],
        "best_throughput_share": sides["raw"]["best_seconds"] / sides["storydiff"]["best_seconds"],
        # Each round times both sides back to back, under the same load: the share within a
        # round is what load cancels out of, and the median drops a round a burst of load hit.
        "round_shares": [
            raw / ours for raw, ours in zip(times["raw"], times["storydiff"], strict=True)
        ],
        "throughput_share": statistics.median(
            raw / ours for raw, ours in zip(times["raw"], times["storydiff"], strict=True)
        ),
    }


def parallel(documents: Sequence[Any], ray: bool) -> dict[str, Any]:
    """Seconds to analyse the documents with 1 and 2 local workers, and on Ray with 1 and 2."""
    rows: dict[str, Any] = {
        "local 1": engine_seconds(documents, "local", 1),
        "local 2": engine_seconds(documents, "local", 2),
    }
    if ray:
        try:
            rows.update(on_ray(documents))
        except Exception as error:  # noqa: BLE001 — Ray missing or failing: say so, go on
            rows["ray"] = f"not run: {error}"
    return rows


def engine_seconds(documents: Sequence[Any], name: str, workers: int) -> float:
    """Seconds to clean and analyse the documents on the engine named, with ``workers``."""
    from storydiff.api import clean_documents
    from storydiff.engines import EngineSettings, get_engine

    engine = get_engine(EngineSettings(name, workers=workers))
    return timed(lambda: _drain(engine.analyze(clean_documents(documents))))


def on_ray(documents: Sequence[Any]) -> dict[str, float]:
    """Seconds on a local Ray with 1 and 2 actors, and the seconds Ray took to start.

    Ray is started once, outside the timed runs, as a cluster is already running when a
    user points ``--address`` at it; each timed run still starts its actors and loads a
    pipeline in each, as every run does."""
    import logging

    import ray

    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    rows = {"ray start": time.perf_counter() - started}
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        for workers in (1, 2):
            rows[f"ray {workers}"] = engine_seconds(documents, "ray", workers)
    finally:
        ray.shutdown()
    return rows


def memory(sizes: Sequence[int], documents: Sequence[Any]) -> dict[int, float]:
    """Peak resident MiB of ``storydiff analyze`` (one process, as a user runs it) on a JSON
    Lines file of ``size`` articles, the documents repeated under ids of their own, written
    to a temporary directory and deleted after; the analyses go to the null device.

    Each run is started by a fresh wrapper process that reports its child's peak, so one
    size's peak never stands for another's."""
    import os
    import tempfile

    wrapper = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    peaks = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            path = Path(scratch) / f"{size}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for k in range(size):
                    out.write(json.dumps(_record(documents[k % len(documents)], k)) + "\n")
            command = [sys.executable, "-m", "storydiff", "analyze", str(path), "-o", os.devnull]
            done = subprocess.run(
                [sys.executable, "-c", wrapper, *command],
                capture_output=True,
                text=True,
                env=environment,
                check=True,
            )
            peaks[size] = float(done.stdout.strip().splitlines()[-1])
            path.unlink()
    return peaks


def _record(document: Any, number: int) -> dict[str, Any]:
    """A document as a JSON Lines record, with an id of its own."""
    fields = ("text", "title", "outlet", "published", "url")
    record = {name: getattr(document, name) for name in fields if getattr(document, name)}
    return {"id": f"copy-{number}", **record}


def grouping(documents: Sequence[Any], size: int) -> dict[str, float]:
    """Seconds to group ``size`` and ``4 * size`` replicated analyses into stories."""
    from dataclasses import replace

    from storydiff.api import analyze_stream, clean_documents
    from storydiff.compare.stories import StoryGrouper

    analyses = [a for a in analyze_stream(clean_documents(documents[:50])) if hasattr(a, "article")]

    def run(count: int) -> float:
        grouper = StoryGrouper(on_close=lambda _story: None)
        batch = []
        started = time.perf_counter()
        for k in range(count):
            base = analyses[k % len(analyses)]
            day = f"2020-{1 + (k // 600) % 12:02d}-{1 + (k // 20) % 28:02d}"
            article = replace(base.article, id=f"{base.article.id}-{k}", published=day)
            batch.append(replace(base, article=article))
            if len(batch) == 256:
                grouper.add_many(batch)
                batch = []
        grouper.add_many(batch)
        return time.perf_counter() - started

    run(64)  # load the model outside the timing
    return {"n": size, "seconds_n": run(size), "seconds_4n": run(4 * size)}


def _drain(items: Any) -> None:
    for _ in items:
        pass


def table(result: dict[str, Any]) -> str:
    """The one table: throughput, articles per day, workers, memory, grouping."""
    rate = result["storydiff"]["docs_per_second"]
    rows = [("analyze throughput / raw spaCy nlp.pipe", f"{result['throughput_share']:.2f}")]
    rows.append(("articles per day, 1 process (extrapolated)", f"{rate * 86400:,.0f}"))
    par = result.get("parallel") or {}
    if "local 1" in par:
        speedup = par["local 1"] / par["local 2"]
        rows.append(
            ("articles per day, 2 workers (extrapolated)", f"{rate * speedup * 86400:,.0f}")
        )
        rows.append(
            (
                f"local, {result['parallel_docs']:,} articles: 1 worker s / 2 workers s (speed-up)",
                f"{par['local 1']:.1f} / {par['local 2']:.1f} ({speedup:.2f}x)",
            )
        )
    if "ray 1" in par:
        rows.append(
            (
                f"Ray, {result['parallel_docs']:,} articles: 1 worker s / 2 workers s (speed-up)",
                f"{par['ray 1']:.1f} / {par['ray 2']:.1f} ({par['ray 1'] / par['ray 2']:.2f}x)",
            )
        )
        rows.append(("Ray: starting a local Ray, once a run (s)", f"{par['ray start']:.1f}"))
    elif "ray" in par:
        rows.append(("Ray", par["ray"]))
    peaks = result.get("memory") or {}
    for size, peak in sorted(peaks.items()):
        rows.append((f"peak memory analysing {size:,} articles (MiB)", f"{peak:.0f}"))
    if len(peaks) >= 2:
        sizes = sorted(peaks)
        rows.append(
            (
                f"memory at {sizes[-1]:,} / at {sizes[0]:,}",
                f"{peaks[sizes[-1]] / peaks[sizes[0]]:.2f}",
            )
        )
    g = result.get("grouping")
    if g:
        rows.append(
            (
                f"story grouping: {g['n']:,} / {4 * g['n']:,} articles (s)",
                f"{g['seconds_n']:.1f} / {g['seconds_4n']:.1f} "
                f"({g['seconds_4n'] / g['seconds_n']:.2f}x)",
            )
        )
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def report(result: dict[str, Any]) -> str:
    """A small plain-text table."""
    added = [c for c in result["storydiff_components"] if c not in result["raw_components"]]
    replaced = [c for c in result["raw_components"] if c not in result["storydiff_components"]]
    lines = [
        f"pipeline: {result['pipeline']} {result['pipeline_version']}"
        f" (spaCy {result['spacy_version']}); storydiff adds: {', '.join(added)}"
        + (f"; in place of: {', '.join(replaced)}" if replaced else ""),
        f"{result['docs']} docs ({result['distinct_texts']} distinct texts),"
        f" {result['words']:,} words; batch size {result['batch_size']};"
        f" best of {result['repeat']}",
        "",
        f"{'':<16}{'best s':>8}{'docs/s':>10}{'words/s':>11}   (CPU seconds)",
    ]
    for label, title in (("raw", "raw nlp.pipe"), ("storydiff", "storydiff")):
        side = result[label]
        lines.append(
            f"{title:<16}{side['best_seconds']:>8.3f}{side['docs_per_second']:>10.1f}"
            f"{side['words_per_second']:>11,.0f}"
        )
    lines += [
        "",
        f"storydiff time / raw time (best of each): {result['time_ratio']:.2f}x",
        f"storydiff throughput: {result['throughput_share']:.0%} of raw spaCy (median of the"
        f" rounds; best of each side: {result['best_throughput_share']:.0%})",
        "throughput share in each round: "
        + ", ".join(f"{share:.2f}" for share in result["round_shares"]),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds (best is kept)")
    parser.add_argument(
        "--texts", type=Path, default=DEFAULT_TEXTS, help="directory of .txt articles"
    )
    parser.add_argument(
        "--seesaw",
        type=Path,
        nargs="?",
        const=DEFAULT_SEESAW,
        help="the SEESAW articles instead of --texts (read from this directory, by default"
        " ../shared/eval-data/seesaw)",
    )
    parser.add_argument("--docs", type=int, default=200, help="documents per timed run")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument(
        "--memory",
        type=int,
        nargs="*",
        default=[1000, 10000],
        help="run storydiff analyze on this many articles for its peak memory",
    )
    parser.add_argument(
        "--parallel-docs",
        type=int,
        default=600,
        help="documents for the worker and Ray rows (a few minutes' work, as a corpus run is:"
        " a 20-second job mostly measures starting the workers); 0 leaves those rows out",
    )
    parser.add_argument("--grouping", type=int, default=10000, help="N for grouping at N, 4N")
    parser.add_argument("--no-ray", action="store_true", help="leave the Ray rows out")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    if min(args.repeat, args.docs, args.batch_size) < 1 or args.parallel_docs < 0:
        parser.error("--repeat, --docs and --batch-size must be at least 1")

    documents = benchmark_documents(args.texts, args.seesaw)
    if not documents:
        print(f"no usable articles under {args.seesaw or args.texts}", file=sys.stderr)
        return 1
    replicated = replicate(documents, args.docs)
    result = measure(replicated, args.repeat, args.batch_size)
    result["parallel_docs"] = args.parallel_docs
    result["parallel"] = (
        parallel(replicate(documents, args.parallel_docs), not args.no_ray)
        if args.parallel_docs
        else {}
    )
    result["memory"] = memory(args.memory, documents) if args.memory else {}
    result["grouping"] = grouping(documents, args.grouping) if args.grouping else None
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result))
        print()
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
