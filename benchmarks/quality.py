"""How well storydiff cleans articles and finds quotes, measured against hand annotations.

Why this exists: the cleaner and the quote finder are tuned by reading articles, and a change
that fixes one article can quietly break another. This script turns the gold annotations
(``tests/data/seeds.gold.json`` by default) into numbers that can be compared from one commit
to the next, and prints every miss so that a drop in a number can be traced to a line.

What is measured, per article and in total (totals are micro-averaged: counts are summed
before precision and recall are taken, so a long article weighs more than a short one):

* Cleaning, by raw line number. A removed line is a line whose verdict is furniture; the
  title line is neither removed nor body. Body lines kept counts every non-blank line that is
  neither boilerplate nor the title, and lists the ones the cleaner lost. Title and outlet are
  exact matches after folding white space; headings are scored like removals.
* Quotes. A system quote matches a gold quote when their token sequences share at least half
  of the gold's tokens (longest common subsequence of lowercase ``\\w+`` tokens, so word order
  counts and a quote that merely shares common words with another does not match). Matching
  is one-to-one, greedy by overlap. Scored three ways: content only; content plus speaker; and
  per gold kind (direct, indirect, mixed). Each system quote counts once (the extractor gives a
  quote that runs over several paragraphs as one quote a paragraph, as the gold does).

The scoring functions (``score_quotes``, ``system_quotes``, ``combine_quote_scores``,
``prf``) take plain data so that other benchmarks can reuse them: a script next to this one
can ``from quality import score_quotes``.

Usage (from the repository root)::

    python benchmarks/quality.py [--gold PATH] [--articles DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "data" / "seeds.gold.json"
DEFAULT_ARTICLES = REPO / "tests" / "data" / "seeds"

KINDS = ("direct", "indirect", "mixed")
_TOKEN = re.compile(r"\w+")


# --------------------------------------------------------------------------- text helpers


def fold_space(text: str | None) -> str:
    """Collapse every run of white space (no-break spaces included) to one ordinary space."""
    return " ".join((text or "").replace("\u00a0", " ").split())


def fold_name(text: str | None) -> str:
    """Case- and space-insensitive form of a speaker name."""
    return fold_space(text).casefold()


def tokens(text: str | None) -> list[str]:
    """The tokens quotes are compared by: lowercase ``\\w+`` runs after folding white space."""
    return _TOKEN.findall(fold_space(text).lower())


def overlap(gold: Sequence[str], system: Sequence[str]) -> int:
    """Tokens the two sequences share in order (longest common subsequence length).

    Order-preserving, unlike a bag of words: two different sentences about Idlib share many
    words but not half of either in the same order.
    """
    if not gold or not system:
        return 0
    previous = [0] * (len(system) + 1)
    for g in gold:
        current = [0]
        for j, s in enumerate(system, 1):
            current.append(previous[j - 1] + 1 if g == s else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def prf(tp: int, predicted: int, gold: int) -> dict[str, Any]:
    """Precision, recall and F1 from counts; a ratio with nothing to divide by is None."""
    precision = tp / predicted if predicted else None
    recall = tp / gold if gold else None
    # F1 = 2PR / (P + R) = 2tp / (predicted + gold); None only when there was nothing at all.
    f1 = 2 * tp / (predicted + gold) if predicted + gold else None
    return {
        "tp": tp,
        "predicted": predicted,
        "gold": gold,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class SystemQuote:
    """One prediction to score: a quote's text (or one of its pieces) and who said it.

    ``names`` holds every folded name the speaker is known by in the analysis (the speaker's
    name, its entity's name and the entity's mentions), for speaker matching.
    """

    text: str
    kind: str
    speaker: str | None
    names: frozenset[str] = frozenset()


def system_quotes(analysis: Any) -> list[SystemQuote]:
    """The predictions of one ``storydiff.model.Analysis``, one per quote. A quote split around
    its cue is one quote; one that runs over paragraphs is one quote a paragraph, as the gold
    has it."""
    predictions = []
    for quote in analysis.quotes:
        names = {fold_name(quote.speaker.name)}
        entity = analysis.entity(quote.speaker.entity) if quote.speaker.entity else None
        if entity is not None:
            names.add(fold_name(entity.name))
            names.update(fold_name(m.text) for m in entity.mentions)
        names.discard("")
        predictions.append(
            SystemQuote(quote.content.text, quote.kind, quote.speaker.name, frozenset(names))
        )
    return predictions


def speaker_match(gold_speaker: str | None, prediction: SystemQuote) -> str | None:
    """How the speakers match: ``"name"`` (the speaker's name equals the gold's canonical
    name after case and space folding), ``"entity"`` (the name or a mention of the speaker's
    entity equals it), or None."""
    wanted = fold_name(gold_speaker)
    if not wanted:
        return None
    if fold_name(prediction.speaker) == wanted:
        return "name"
    if wanted in prediction.names:
        return "entity"
    return None


def match_quotes(
    gold_quotes: Sequence[Mapping[str, Any]],
    predictions: Sequence[SystemQuote],
    more_than: float | None = None,
) -> list[tuple[int, int, int]]:
    """One-to-one (gold index, prediction index, overlap) pairs, greedy by overlap.

    A pair qualifies when the overlap covers at least half of the gold's tokens, or, with
    ``more_than``, more than that share of them (the Gender Gap Tracker scores itself with
    more than 0.3). Ties go to the tighter pair (higher Dice coefficient), then to text order.
    """
    gold_tokens = [tokens(g.get("text")) for g in gold_quotes]
    system_tokens = [tokens(p.text) for p in predictions]
    candidates = []
    for gi, gt in enumerate(gold_tokens):
        for si, st in enumerate(system_tokens):
            shared = overlap(gt, st)
            enough = 2 * shared >= len(gt) if more_than is None else shared > more_than * len(gt)
            if gt and shared and enough:
                dice = 2 * shared / (len(gt) + len(st))
                candidates.append((-shared, -dice, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for negative_shared, _, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si, -negative_shared))
    return sorted(pairs)


def score_quotes(
    gold_quotes: Sequence[Mapping[str, Any]],
    predictions: Sequence[SystemQuote],
    more_than: float | None = None,
) -> dict[str, Any]:
    """Score predictions against gold quotes (mappings with ``text``, ``speaker``, ``kind``
    and optionally ``line``).

    Returns content-only and content+speaker P/R/F1, per-kind content P/R/F1 (a matched
    prediction counts for the gold's kind, an unmatched one for its own), kind accuracy and
    confusion on matched pairs, and the pairs and leftovers themselves for error reading.
    """
    pairs = match_quotes(gold_quotes, predictions, more_than)
    matched_gold = {gi for gi, _, _ in pairs}
    matched_system = {si for _, si, _ in pairs}

    routes: Counter[str] = Counter()
    pair_rows = []
    kind_correct = 0
    confusion: dict[str, Counter[str]] = {}
    kind_tp: Counter[str] = Counter()
    kind_predicted: Counter[str] = Counter()
    for gi, si, shared in pairs:
        gold, prediction = gold_quotes[gi], predictions[si]
        route = speaker_match(gold.get("speaker"), prediction)
        routes[route or "mismatch"] += 1
        gold_kind = str(gold.get("kind"))
        kind_correct += prediction.kind == gold_kind
        confusion.setdefault(gold_kind, Counter())[prediction.kind] += 1
        kind_tp[gold_kind] += 1
        kind_predicted[gold_kind] += 1
        pair_rows.append(
            {
                "system_index": si,
                "gold_index": gi,
                "line": gold.get("line"),
                "gold_text": gold.get("text"),
                "system_text": prediction.text,
                "overlap": shared,
                "gold_tokens": len(tokens(gold.get("text"))),
                "gold_speaker": gold.get("speaker"),
                "system_speaker": prediction.speaker,
                "speaker_match": route,
                "gold_kind": gold_kind,
                "system_kind": prediction.kind,
            }
        )
    for si, prediction in enumerate(predictions):
        if si not in matched_system:
            kind_predicted[prediction.kind] += 1
    kind_gold = Counter(str(g.get("kind")) for g in gold_quotes)

    speaker_tp = routes["name"] + routes["entity"]
    kinds = list(KINDS) + sorted(set(kind_gold) | set(kind_predicted) - set(KINDS))
    return {
        "content": prf(len(pairs), len(predictions), len(gold_quotes)),
        "content_speaker": {
            **prf(speaker_tp, len(predictions), len(gold_quotes)),
            "matched_by": {"name": routes["name"], "entity": routes["entity"]},
            "mismatched": routes["mismatch"],
        },
        "by_kind": {k: prf(kind_tp[k], kind_predicted[k], kind_gold[k]) for k in kinds},
        "kind_accuracy": {
            "correct": kind_correct,
            "pairs": len(pairs),
            "accuracy": kind_correct / len(pairs) if pairs else None,
        },
        "kind_confusion": {g: dict(c) for g, c in sorted(confusion.items())},
        "pairs": pair_rows,
        "unmatched_gold": [
            {
                "line": g.get("line"),
                "speaker": g.get("speaker"),
                "kind": g.get("kind"),
                "text": g.get("text"),
            }
            for gi, g in enumerate(gold_quotes)
            if gi not in matched_gold
        ],
        "unmatched_system": [
            {"speaker": p.speaker, "kind": p.kind, "text": p.text}
            for si, p in enumerate(predictions)
            if si not in matched_system
        ],
    }


def combine_quote_scores(scores: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro-average several ``score_quotes`` results: sum the counts, recompute the ratios.
    The pair and leftover lists are not carried over (read them per article)."""
    scores = list(scores)

    def summed(pick: Any) -> dict[str, Any]:
        parts = [pick(s) for s in scores]
        return prf(*(sum(p[key] for p in parts) for key in ("tp", "predicted", "gold")))

    kinds: list[str] = []
    for s in scores:
        kinds += [k for k in s["by_kind"] if k not in kinds]
    confusion: dict[str, Counter[str]] = {}
    for s in scores:
        for gold_kind, row in s["kind_confusion"].items():
            confusion.setdefault(gold_kind, Counter()).update(row)
    correct = sum(s["kind_accuracy"]["correct"] for s in scores)
    pairs = sum(s["kind_accuracy"]["pairs"] for s in scores)
    return {
        "content": summed(lambda s: s["content"]),
        "content_speaker": {
            **summed(lambda s: s["content_speaker"]),
            "matched_by": {
                route: sum(s["content_speaker"]["matched_by"][route] for s in scores)
                for route in ("name", "entity")
            },
            "mismatched": sum(s["content_speaker"]["mismatched"] for s in scores),
        },
        "by_kind": {
            k: summed(lambda s, k=k: s["by_kind"].get(k, {"tp": 0, "predicted": 0, "gold": 0}))
            for k in kinds
        },
        "kind_accuracy": {
            "correct": correct,
            "pairs": pairs,
            "accuracy": correct / pairs if pairs else None,
        },
        "kind_confusion": {g: dict(c) for g, c in sorted(confusion.items())},
    }


# --------------------------------------------------------------------------- cleaning


def score_cleaning(
    gold: Mapping[str, Any],
    lines: Sequence[Any],
    verdicts: Mapping[int, Any],
    title: str | None,
    outlet: str | None,
) -> dict[str, Any]:
    """Score one article's line verdicts, title and outlet against its gold entry.

    ``lines`` are the cleaner's lines (``number`` and ``blank``), ``verdicts`` its verdicts
    by line number (``role``).
    """
    boilerplate = set(gold.get("boilerplate_lines", []))
    headings = set(gold.get("heading_lines", []))
    title_line = gold.get("title_line")
    removed = {n for n, v in verdicts.items() if v.role == "furniture"}
    found_headings = {n for n, v in verdicts.items() if v.role == "heading"}
    system_title_lines = sorted(n for n, v in verdicts.items() if v.role == "title")

    body = [
        line.number
        for line in lines
        if not line.blank and line.number not in boilerplate and line.number != title_line
    ]
    kept = [n for n in body if n in verdicts and verdicts[n].role in ("body", "heading")]
    return {
        "removed": {
            **prf(len(removed & boilerplate), len(removed), len(boilerplate)),
            "wrongly_removed": sorted(removed - boilerplate),
            "missed": sorted(boilerplate - removed),
        },
        "body_kept": {
            "kept": len(kept),
            "total": len(body),
            "lost": sorted(set(body) - set(kept)),
        },
        "title": {
            "match": fold_space(title) == fold_space(gold.get("title")),
            "system": title,
            "gold": gold.get("title"),
            "system_lines": system_title_lines,
            "gold_line": title_line,
        },
        "outlet": {
            "match": fold_space(outlet) == fold_space(gold.get("outlet")),
            "system": outlet,
            "gold": gold.get("outlet"),
        },
        "headings": {
            **prf(len(found_headings & headings), len(found_headings), len(headings)),
            "wrong": sorted(found_headings - headings),
            "missed": sorted(headings - found_headings),
        },
    }


def combine_cleaning_scores(scores: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro-average per-article cleaning scores."""
    scores = list(scores)

    def summed(key: str) -> dict[str, Any]:
        return prf(*(sum(s[key][c] for s in scores) for c in ("tp", "predicted", "gold")))

    return {
        "removed": summed("removed"),
        "body_kept": {
            "kept": sum(s["body_kept"]["kept"] for s in scores),
            "total": sum(s["body_kept"]["total"] for s in scores),
        },
        "title": {"matches": sum(s["title"]["match"] for s in scores), "articles": len(scores)},
        "outlet": {"matches": sum(s["outlet"]["match"] for s in scores), "articles": len(scores)},
        "headings": summed("headings"),
    }


# --------------------------------------------------------------------------- running


def evaluate(gold_path: Path, articles_dir: Path) -> dict[str, Any]:
    """Read, clean and analyse every gold article, then score it. An article that cannot be
    read or cleaned is reported with its error and scored as if nothing had been found."""
    from storydiff.clean import classify_lines, clean
    from storydiff.errors import InputError
    from storydiff.nlp.annotate import annotate
    from storydiff.nlp.pipeline import load_pipeline, pipeline_name
    from storydiff.sources import read_inputs

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    results: dict[str, dict[str, Any]] = {}
    cleaned = {}
    for name, entry in gold["articles"].items():
        path = articles_dir / name
        result: dict[str, Any] = {"error": None}
        items = list(read_inputs([str(path)]))
        document = items[0] if len(items) == 1 else None
        if isinstance(document, InputError) or document is None:
            result["error"] = str(document) if document is not None else f"{len(items)} items"
            lines = _raw_lines(path)
            verdicts, title, outlet = {}, None, None
        else:
            judged = classify_lines(document)
            lines, verdicts, outlet = judged.lines, judged.verdicts, judged.outlet
            title = None
            try:
                article = clean(document)
                cleaned[name] = article
                title, outlet = article.title, article.outlet
            except InputError as error:
                result["error"] = str(error)
        result["cleaning"] = score_cleaning(entry, lines, verdicts, title, outlet)
        results[name] = result

    nlp = load_pipeline()
    analyses = dict(zip(cleaned, annotate(cleaned.values(), nlp), strict=True))
    for name, entry in gold["articles"].items():
        predictions = system_quotes(analyses[name]) if name in analyses else []
        results[name]["quotes"] = score_quotes(entry.get("quotes", []), predictions)

    return {
        "gold": _shown(gold_path),
        "articles_dir": _shown(articles_dir),
        "pipeline": pipeline_name(),
        "quote_matching": (
            "content: longest common token subsequence >= half of the gold's tokens, "
            "one-to-one, greedy by overlap; speaker: system speaker name (route 'name') or a "
            "name/mention of the speaker's entity (route 'entity') equals the gold speaker "
            "after case and space folding"
        ),
        "articles": results,
        "total": {
            "cleaning": combine_cleaning_scores(r["cleaning"] for r in results.values()),
            "quotes": combine_quote_scores(r["quotes"] for r in results.values()),
        },
    }


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class _RawLine:
    number: int
    blank: bool


def _raw_lines(path: Path) -> list[_RawLine]:
    """Lines of a file the reader rejected, so that its body lines still count as lost."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [_RawLine(i, not t.strip()) for i, t in enumerate(text.split("\n"), 1)]


# --------------------------------------------------------------------------- printing


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _prf_cells(score: Mapping[str, Any], f1: bool = True) -> list[str]:
    keys = ("precision", "recall", "f1") if f1 else ("precision", "recall")
    return [_num(score[k]) for k in keys]


def _short(text: str | None, width: int = 80) -> str:
    text = fold_space(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Columns padded to their widest cell: the first left-aligned, the rest right-aligned."""
    cells = [[str(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in cells
    ]


def _cleaning_lines(names: Sequence[str], results: Mapping[str, Any]) -> list[str]:
    articles, total = results["articles"], results["total"]["cleaning"]
    header = ["article", "rm P", "rm R", "rm F1", "body kept", "title", "outlet", "hd P", "hd R"]
    rows = []
    for name in names:
        c = articles[name]["cleaning"]
        rows.append(
            [
                name,
                *_prf_cells(c["removed"]),
                f"{c['body_kept']['kept']}/{c['body_kept']['total']}",
                _yes(c["title"]["match"]),
                _yes(c["outlet"]["match"]),
                *_prf_cells(c["headings"], f1=False),
            ]
        )
    rows.append(
        [
            "total",
            *_prf_cells(total["removed"]),
            f"{total['body_kept']['kept']}/{total['body_kept']['total']}",
            f"{total['title']['matches']}/{total['title']['articles']}",
            f"{total['outlet']['matches']}/{total['outlet']['articles']}",
            *_prf_cells(total["headings"], f1=False),
        ]
    )
    out = [
        "Cleaning (raw-file line numbers; rm = removed lines vs boilerplate, hd = headings)",
        *_table(header, rows),
    ]
    for name in names:
        c = articles[name]["cleaning"]
        problems = [
            ("lost body lines", c["body_kept"]["lost"]),
            ("wrongly removed", c["removed"]["wrongly_removed"]),
            ("boilerplate kept", c["removed"]["missed"]),
            ("wrong headings", c["headings"]["wrong"]),
            ("missed headings", c["headings"]["missed"]),
        ]
        for label, numbers in problems:
            if numbers:
                out.append(f"  {name}: {label}: {', '.join(map(str, numbers))}")
        for key in ("title", "outlet"):
            if not c[key]["match"]:
                found, wanted = c[key]["system"], c[key]["gold"]
                out.append(f"  {name}: {key} {found!r} (gold {wanted!r})")
    return out


def _quote_lines(names: Sequence[str], results: Mapping[str, Any]) -> list[str]:
    articles, total = results["articles"], results["total"]["quotes"]
    header = ["article", "gold", "sys", "P", "R", "F1", "+spk P", "+spk R", "+spk F1", "kind acc"]
    rows = [
        [
            name,
            q["content"]["gold"],
            q["content"]["predicted"],
            *_prf_cells(q["content"]),
            *_prf_cells(q["content_speaker"]),
            _num(q["kind_accuracy"]["accuracy"]),
        ]
        for name, q in [(n, articles[n]["quotes"]) for n in names] + [("total", total)]
    ]
    routes = total["content_speaker"]["matched_by"]
    out = [
        "Quotes (P/R/F1: content only; +spk: content and speaker)",
        f"  matching: {results['quote_matching']}",
        *_table(header, rows),
        f"speaker on matched pairs: {routes['name']} by name, {routes['entity']} by entity"
        f" name/mention, {total['content_speaker']['mismatched']} mismatched",
        "",
        "Quotes by gold kind (total; a matched system quote counts for the gold's kind)",
    ]
    out += _table(
        ["kind", "gold", "sys", "tp", "P", "R", "F1"],
        [
            [kind, s["gold"], s["predicted"], s["tp"], *_prf_cells(s)]
            for kind, s in total["by_kind"].items()
        ],
    )
    confusion = ", ".join(
        f"{g}->{s} {n}"
        for g, row in total["kind_confusion"].items()
        for s, n in sorted(row.items())
    )
    out.append(f"kind on matched pairs (gold->system): {confusion or 'none'}")

    for name in names:
        q = articles[name]["quotes"]
        mismatched = [p for p in q["pairs"] if p["speaker_match"] is None]
        wrong_kind = [p for p in q["pairs"] if p["gold_kind"] != p["system_kind"]]
        if not (q["unmatched_gold"] or q["unmatched_system"] or mismatched or wrong_kind):
            continue
        out += ["", f"Quote errors in {name}"]
        for g in q["unmatched_gold"]:
            where = f"l.{g['line']} [{g['kind']}] {g['speaker']}"
            out.append(f"  unmatched gold   {where}: {_short(g['text'])}")
        for s in q["unmatched_system"]:
            out.append(f"  unmatched system [{s['kind']}] {s['speaker']}: {_short(s['text'])}")
        for p in mismatched:
            said = f"{p['system_speaker']!r} (gold {p['gold_speaker']!r})"
            out.append(f"  wrong speaker    l.{p['line']} {said}: {_short(p['gold_text'], 60)}")
        for p in wrong_kind:
            said = f"{p['system_kind']} (gold {p['gold_kind']})"
            out.append(f"  wrong kind       l.{p['line']} {said}: {_short(p['gold_text'], 60)}")
    return out


def report(results: Mapping[str, Any]) -> str:
    """The plain-text tables, then every error the scores count."""
    names = list(results["articles"])
    out = [
        f"storydiff quality: {len(names)} gold articles",
        f"gold: {results['gold']}",
        f"pipeline: {results['pipeline']}",
    ]
    for name in names:
        if results["articles"][name]["error"]:
            out.append(f"ERROR {name}: {results['articles'][name]['error']}")
    out += ["", *_cleaning_lines(names, results), "", *_quote_lines(names, results)]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold annotations")
    parser.add_argument(
        "--articles", type=Path, default=DEFAULT_ARTICLES, help="directory of the gold's files"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    results = evaluate(args.gold, args.articles)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(report(results))
    # An unreadable article scores zero but is a broken set-up, not a result: say so.
    return 1 if any(r["error"] for r in results["articles"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
