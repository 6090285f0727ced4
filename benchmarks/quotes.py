"""Quote extraction measured on the seeds gold and on the PolNeAR dev split.

Why this exists: the seeds are the articles the extractor was first written against, so their
figures flatter it. PolNeAR (Newell, Margolin and Ruths, LREC 2018) is political news from
many outlets, annotated by people who never saw storydiff; its dev split is where a rule that
only fits the seeds shows up. The PolNeAR test split is held out and never read here.

PolNeAR gold, per article (one annotator file per article, the first in sorted order):
``T`` lines are spans (Source, Cue, Content; a discontinuous span lists ``start end;start
end``), ``E`` lines tie one attribution's spans together. PolNeAR counts every attribution,
beliefs and poll findings included, not only speech, which bounds recall for a speech
extractor. A gold quote's kind is read off its text: all inside quotation marks is
``direct``, some quoted words ``mixed``, none ``indirect``.

Matching (both corpora): a system quote matches a gold one when they share at least half of
the gold's tokens (``quality.match_quotes``). On PolNeAR the speaker is right when the
system's speaker mention overlaps the gold Source span (both are offsets into the same text);
on the seeds when the resolved name equals the gold's canonical name.

Usage (from the repository root)::

    python benchmarks/quotes.py [--polnear DIR] [--limit N] [--errors N]
        [--splits dev dev2 check] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import (  # noqa: E402  (a sibling script, not a package)
    SystemQuote,
    combine_quote_scores,
    evaluate,
    fold_name,
    score_quotes,
)

from storydiff.nlp.cues import ATTRIBUTION_NOUNS, EVIDENCE_NOUNS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = ROOT.parent / "shared" / "eval-data" / "polnear-dev"
QUOTES_GOLD = ROOT / "benchmarks" / "data" / "quotes_gold"
# The SEESAW gold splits whose errors may be read; ``check`` is scored only.
TUNING_SPLITS = ("dev", "dev2")
_QUOTE_MARKS = '"“”«»„'
_PRONOUNS = frozenset("he she they it we i you him her them his hers their its".split())


def read_annotations(path: Path) -> list[dict[str, Any]]:
    """One dict per attribution: content pieces, source spans, cue spans (character offsets)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in pieces])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    attributions = []
    for relation in relations:
        roles = {role: spans[t][1] for role, t in relation.items() if t in spans}
        if "Content" in roles:
            attributions.append(
                {
                    "content": roles["Content"],
                    "source": roles.get("Source", []),
                    "cue": roles.get("Cue", []),
                }
            )
    return attributions


def gold_kind(text: str) -> str:
    stripped = text.strip().rstrip(".,")
    if stripped[:1] in _QUOTE_MARKS and stripped[-1:] in _QUOTE_MARKS and stripped.count("“") <= 1:
        return "direct"
    return "mixed" if any(mark in text for mark in _QUOTE_MARKS) else "indirect"


@dataclass(frozen=True)
class Convention:
    """How predicted and gold quotes are paired. ``per_piece``: each quoted stretch on its own
    (a quote split around its cue is two), as the Gender Gap Tracker counts; otherwise one
    unit per utterance. ``more_than``: a pair needs more than this share of the gold's words
    (None: at least half)."""

    name: str
    per_piece: bool
    more_than: float | None


CONVENTIONS = (
    Convention("per utterance, half the gold's words", False, None),
    Convention("per utterance, over 30% (Tracker)", False, 0.3),
    Convention("per piece, over 30% (Tracker)", True, 0.3),
)


def polnear_articles(directory: Path, limit: int | None) -> list[tuple[str, str, list[dict]]]:
    """(name, text, gold quotes) per article; each gold quote carries its content pieces and
    source spans."""
    files: dict[str, Path] = {}
    for path in sorted((directory / "attributions").glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        files.setdefault(article, path)
    articles = []
    for article, path in sorted(files.items())[:limit]:
        text = (directory / "text" / f"{article}.txt").read_text(encoding="utf-8")
        gold = []
        for attribution in read_annotations(path):
            pieces = [text[a:b] for a, b in attribution["content"]]
            content = " ".join(pieces)
            gold.append(
                {
                    "text": content,
                    "pieces": pieces,
                    "kind": gold_kind(content),
                    "source": attribution["source"],
                }
            )
        articles.append((article, text, gold))
    return articles


def speaker_spans(quote: Any) -> list[tuple[int, int]]:
    mention = quote.speaker.mention
    return [(mention.start, mention.end)] if mention else []


def mention_form(quote: Any) -> str:
    """What the system took as the speaker: a pronoun, a description, a name, or nothing."""
    mention = quote.speaker.mention
    if mention is None:
        return "no mention"
    words = mention.text.split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    if mention.text[:1].islower() or words[0].lower() in ("the", "a", "an"):
        return "description"
    return "name"


def score_article(gold: list[dict], quotes: Sequence[Any], convention: Convention) -> dict:
    """Content scores via ``score_quotes``; speaker right when the mention overlaps the gold
    Source span (each prediction is given, as its names, the gold quotes whose source its
    mention overlaps). Under ``per_piece`` every gold piece and every system piece is a unit
    of its own, with its quote's speaker."""
    units = [
        (piece if convention.per_piece else None, item)
        for item in gold
        for piece in (item["pieces"] if convention.per_piece else [None])
    ]
    scored_gold = [
        {**item, "text": piece or item["text"], "speaker": f"gold-source-{id(item)}"}
        for piece, item in units
    ]
    named, forms = [], []
    for quote in quotes:
        mentions = speaker_spans(quote)
        names = frozenset(
            f"gold-source-{id(item)}"
            for item in gold
            if any(a < d and c < b for a, b in mentions for c, d in item["source"])
        )
        texts = [p.text for p in quote.pieces] if convention.per_piece else [quote.content.text]
        for text in texts or [quote.content.text]:
            named.append(SystemQuote(text, quote.kind, None, names))
            forms.append(mention_form(quote))
    score = score_quotes(scored_gold, named, convention.more_than)
    wrong: Counter[str] = Counter()
    for pair in score["pairs"]:
        if pair["speaker_match"] is None:
            wrong[forms[pair["system_index"]]] += 1
    score["wrong_speaker_by_form"] = dict(wrong)
    return score


def evaluate_polnear(directory: Path, limit: int | None) -> dict[str, Any]:
    from storydiff.nlp.pipeline import load_pipeline, pipeline_name

    nlp = load_pipeline()
    articles = polnear_articles(directory, limit)
    started = time.perf_counter()
    docs = nlp.pipe([text for _, text, _ in articles], batch_size=16)
    per_convention: dict[str, dict[str, Any]] = {c.name: {} for c in CONVENTIONS}
    for (name, _, gold), doc in zip(articles, docs, strict=True):
        for convention in CONVENTIONS:
            per_convention[convention.name][name] = score_article(gold, doc._.quotes, convention)
    totals = {}
    for convention, per_article in per_convention.items():
        total = combine_quote_scores(per_article.values())
        wrong: Counter[str] = Counter()
        for score in per_article.values():
            wrong.update(score["wrong_speaker_by_form"])
        total["wrong_speaker_by_form"] = dict(wrong)
        totals[convention] = total
    return {
        "pipeline": pipeline_name(),
        "articles": len(articles),
        "seconds": time.perf_counter() - started,
        "totals": totals,
        "per_article": per_convention[CONVENTIONS[0].name],
    }


def same_name(system: str | None, gold: str | None) -> bool:
    """A resolved name is right when it is the gold's (case and spacing aside), or the same
    person written shorter or longer ("John Boehner", "John A. Boehner"); an honest None is
    right when the gold names nobody either."""
    if system is None or gold is None:
        return system is None and gold is None
    ours, theirs = fold_name(system).split(), fold_name(gold).split()
    if ours == theirs:
        return True
    return (
        bool(ours)
        and ours[-1] == theirs[-1]
        and (set(ours) <= set(theirs) or set(theirs) <= set(ours))
    )


# The last word of a mention that makes it a document rather than a person ("the suit").
_DOCUMENT_WORDS = ATTRIBUTION_NOUNS | EVIDENCE_NOUNS | {"resolution", "suit", "lawsuit", "bill"}


def error_kind(quote: Any, gold: dict[str, Any], mention_right: bool | None) -> str:
    """Why a matched quote's resolved name is wrong, in the kinds the errors fall into: the
    mention was a pronoun, a description or a document; two speakers joined by "and"; the
    right mention but the wrong name taken from it; another named entity; a name where the
    gold names nobody."""
    form = mention_form(quote)
    mention = quote.speaker.mention
    words = mention.text.lower().split() if mention is not None else []
    if gold["speaker"] is None:
        return "a name where the gold names nobody"
    if form == "no mention":
        return "no speaker"
    if "and" in words:
        return "conjoined speakers"
    if form == "pronoun":
        return "pronoun resolved to someone else" if quote.speaker.name else "pronoun unresolved"
    if words[-1].strip(".,'’s") in _DOCUMENT_WORDS:
        return "a document as the speaker"
    if form == "description" and quote.speaker.name is None:
        return "description unresolved"
    if mention_right:
        return "right mention, wrong name from it"
    return "another entity" if form == "name" else "description resolved to someone else"


@dataclass
class SpeakerTally:
    """Speaker accuracy on matched quotes: the mention (where the gold has one) and the name,
    and the wrong names by what the system took as the speaker and by kind of error."""

    mentions: int = 0
    mentions_right: int = 0
    names: int = 0
    names_right: int = 0
    wrong_names: Counter[str] = field(default_factory=Counter)
    error_kinds: Counter[str] = field(default_factory=Counter)
    spurious_labels: int = 0
    # Each wrong name with its kind, the gold's and ours, for reading (``--errors``).
    wrong: list[str] = field(default_factory=list)

    def add(self, other: SpeakerTally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score_seesaw_article(
    text: str, gold: list[dict[str, Any]], quotes: Sequence[Any], convention: Convention
) -> tuple[dict[str, Any], SpeakerTally]:
    """Content as on PolNeAR; then, on each matched pair, whether the system's mention
    overlaps the gold mention and whether its resolved name is the gold speaker's."""
    units = [
        (item, [piece] if convention.per_piece else item["pieces"])
        for item in gold
        for piece in (item["pieces"] if convention.per_piece else [None])
    ]
    scored_gold = [
        {"text": " ".join(text[a:b] for a, b in spans), "kind": item["kind"]}
        for item, spans in units
    ]
    predictions, owners = [], []
    for quote in quotes:
        texts = [p.text for p in quote.pieces] if convention.per_piece else [quote.content.text]
        for piece_text in texts or [quote.content.text]:
            predictions.append(SystemQuote(piece_text, quote.kind, quote.speaker.name))
            owners.append(quote)
    score = score_quotes(scored_gold, predictions, convention.more_than)
    tally = SpeakerTally()
    for pair in score["pairs"]:
        item, quote = units[pair["gold_index"]][0], owners[pair["system_index"]]
        right = None
        if item["mention"] is not None:
            tally.mentions += 1
            mention = quote.speaker.mention
            a, b = item["mention"]
            right = mention is not None and mention.start < b and a < mention.end
            tally.mentions_right += right
        tally.names += 1
        if same_name(quote.speaker.name, item["speaker"]):
            tally.names_right += 1
        else:
            kind = error_kind(quote, item, right)
            tally.wrong_names[mention_form(quote)] += 1
            tally.error_kinds[kind] += 1
            mention = quote.speaker.mention.text if quote.speaker.mention else None
            tally.wrong.append(
                f"{kind}: gold {item['speaker']!r}, ours {quote.speaker.name!r} "
                f"(mention {mention!r}): {quote.content.text[:80]!r}"
            )
    matched = {pair["system_index"] for pair in score["pairs"]}
    # A run-in head read as a speaker label ("KEEPING SCORE: ...") gives a quote of its own.
    tally.spurious_labels = sum(
        1
        for index, quote in enumerate(owners)
        if index not in matched and quote.cue is not None and quote.cue.text == ":"
    )
    return score, tally


def evaluate_seesaw(split: str) -> dict[str, Any]:
    """The SEESAW quotes gold of one split, under every convention."""
    from compare_gold import DEFAULT_SEESAW, read_triplet

    from storydiff.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    files = sorted(QUOTES_GOLD.glob("TRIPLET_*.json"))
    entries = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    articles = [
        (f"{entry['triplet']}/{article.key}", article.text, entry["articles"][article.key])
        for entry in entries
        if entry["split"] == split
        for article in read_triplet(DEFAULT_SEESAW, entry["triplet"])
    ]
    docs = list(nlp.pipe([text for _, text, _ in articles], batch_size=16))
    results = {}
    for convention in CONVENTIONS:
        scores, tally = {}, SpeakerTally()
        for (name, text, gold), doc in zip(articles, docs, strict=True):
            score, speakers = score_seesaw_article(text, gold, doc._.quotes, convention)
            scores[name] = score
            tally.add(speakers)
        results[convention.name] = {
            "total": combine_quote_scores(scores.values()),
            "speakers": tally,
            "per_article": scores,
        }
    return {"articles": len(articles), "conventions": results}


def seesaw_report(split: str, result: dict[str, Any]) -> list[str]:
    lines = []
    for convention, scored in result["conventions"].items():
        total, tally = scored["total"], scored["speakers"]
        lines += [
            f"\nSEESAW quotes gold, {split}, {result['articles']} articles, {convention}",
            f"{'':<22} {'tp':>5} {'sys':>5} {'gold':>5}  P      R      F1",
            _row("content", total["content"]),
            *(_row(f"  {kind}", score) for kind, score in total["by_kind"].items()),
            f"speaker mention right: {_ratio(tally.mentions_right, tally.mentions)}; "
            f"resolved name right: {_ratio(tally.names_right, tally.names)}",
        ]
        if tally.wrong_names:
            cells = ", ".join(f"{k} {n}" for k, n in tally.wrong_names.most_common())
            lines.append(f"wrong names by what the system took as the speaker: {cells}")
        lines.append("errors by kind:")
        lines += [f"  {kind:<40} {n:>4}" for kind, n in tally.error_kinds.most_common()]
        lines.append(f"  {'section head read as a speaker':<40} {tally.spurious_labels:>4}")
        lines.append(
            f"  {'missed quotes':<40} {total['content']['gold'] - total['content']['tp']:>4}"
        )
        lines.append(
            f"  {'spurious quotes':<40} {total['content']['predicted'] - total['content']['tp']:>4}"
        )
    return lines


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "-"


def component_overhead(texts: Sequence[str], repeat: int = 2) -> dict[str, float]:
    """How much storydiff's components add to the spaCy pipeline's own time on the same texts:
    best of ``repeat`` alternating runs of the bare pipeline and of the pipeline with
    ``storydiff_paragraphs``, ``storydiff_entities`` and ``storydiff_quotes``."""
    import spacy

    from storydiff.nlp.pipeline import load_pipeline, pipeline_name

    bare, ours = spacy.load(pipeline_name()), load_pipeline()
    best = {"bare": float("inf"), "storydiff": float("inf")}
    for _ in range(repeat):
        for label, nlp in (("bare", bare), ("storydiff", ours)):
            started = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
            best[label] = min(best[label], time.perf_counter() - started)
    return {**best, "ratio": best["storydiff"] / best["bare"]}


def _f(value: Any) -> str:
    return "   -" if value is None else f"{value:.3f}"


def _row(label: str, score: dict[str, Any]) -> str:
    return (
        f"{label:<22} {score['tp']:>5} {score['predicted']:>5} {score['gold']:>5}  "
        f"{_f(score['precision'])}  {_f(score['recall'])}  {_f(score['f1'])}"
    )


def report(name: str, total: dict[str, Any]) -> list[str]:
    lines = [f"\n{name}", f"{'':<22} {'tp':>5} {'sys':>5} {'gold':>5}  P      R      F1"]
    lines.append(_row("content", total["content"]))
    lines.append(_row("content + speaker", total["content_speaker"]))
    for kind, score in total["by_kind"].items():
        lines.append(_row(f"  {kind}", score))
    matched, right = total["content"]["tp"], total["content_speaker"]["tp"]
    if matched:
        lines.append(f"speaker right on matched quotes: {right / matched:.3f} ({right}/{matched})")
    if wrong := total.get("wrong_speaker_by_form"):
        cells = ", ".join(f"{form} {n}" for form, n in sorted(wrong.items(), key=lambda x: -x[1]))
        lines.append(f"wrong speakers by what the system took as the speaker: {cells}")
    return lines


def errors(per_article: dict[str, Any], count: int) -> list[str]:
    """A sample of misses, to read when a figure moves."""
    missed: dict[str, list[str]] = defaultdict(list)
    for name, score in per_article.items():
        for item in score.get("unmatched_gold", []):
            missed["missed gold"].append(f"{name[:40]}: {item['text'][:100]!r}")
        for item in score.get("unmatched_system", []):
            missed["spurious"].append(f"{name[:40]}: {item['text'][:100]!r}")
    lines = []
    for label, items in missed.items():
        lines.append(f"\n{label} ({len(items)}), first {count}:")
        lines.extend(f"  {item}" for item in items[:count])
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        help="print N sample misses of each kind (PolNeAR dev, SEESAW dev and dev2; never check)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--splits",
        nargs="*",
        default=["dev"],
        help="splits of the SEESAW quotes gold to score (dev, dev2; check once tuning is done)",
    )
    args = parser.parse_args(argv)

    seeds = evaluate(ROOT / "tests" / "data" / "seeds.gold.json", ROOT / "tests" / "data" / "seeds")
    results: dict[str, Any] = {"seeds": seeds["total"]["quotes"]}
    if args.polnear.is_dir():
        polnear = evaluate_polnear(args.polnear, args.limit)
        results["polnear_dev"] = polnear["totals"]
        results["polnear_articles"] = polnear["articles"]
    else:
        print(f"PolNeAR dev not found at {args.polnear}; scoring the seeds only", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return 0
    lines = report("Seeds gold (speaker = resolved canonical name)", results["seeds"])
    if "polnear_dev" in results:
        for convention, total in results["polnear_dev"].items():
            title = (
                f"PolNeAR dev, {results['polnear_articles']} articles, {convention} "
                "(speaker = mention overlaps gold Source)"
            )
            lines += report(title, total)
        if args.errors:
            lines += errors(polnear["per_article"], args.errors)
        texts = [text for _, text, _ in polnear_articles(args.polnear, args.limit)]
        speed = component_overhead(texts)
        lines.append(
            f"\nspeed on the same {len(texts)} articles: bare spaCy {speed['bare']:.2f} s, "
            f"with storydiff's components {speed['storydiff']:.2f} s "
            f"(x{speed['ratio']:.2f}, +{(speed['ratio'] - 1) * 100:.0f}%)"
        )
    if QUOTES_GOLD.is_dir():
        for split in args.splits:
            result = evaluate_seesaw(split)
            lines += seesaw_report(split, result)
            if args.errors and split in TUNING_SPLITS:
                # Errors are read on the tuning splits only: check is scored, never looked into.
                tracker = result["conventions"][CONVENTIONS[1].name]
                lines += errors(tracker["per_article"], args.errors)
                wrong = tracker["speakers"].wrong
                lines.append(f"\nwrong names ({len(wrong)}), first {args.errors}:")
                lines.extend(f"  {item}" for item in wrong[: args.errors])
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
