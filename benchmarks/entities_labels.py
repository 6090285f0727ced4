"""Entity merging and label voice, measured on the seeds gold and on hand-annotated SEESAW.

Why this exists: issue 4 asks that every mention of one person become one entity with the
right canonical name and a role, and that every term an outlet uses for a group of actors
carry its voice (``own``, ``attributed`` or ``scare_quoted``). The seeds are the articles the
code was written against, so they flatter it; six SEESAW articles (two triplets from
``../shared/eval-data/seesaw``), annotated by the project's developers with offsets, are
where a rule that only fits the seeds shows up. Only the annotations live in this repository
(``benchmarks/data/seesaw_annotations.json``); the texts are read from ``../shared`` at run
time, built by ``seesaw_text`` exactly as the annotations were made.

Entities. Gold mentions are spans: SEESAW gives offsets; the seeds give mention strings,
located in the cleaned text (every occurrence, case-sensitive except for the first letter,
tolerant of white space and apostrophe style; an occurrence inside a longer occurrence for
the same person is dropped). Each gold mention is assigned to the system entity one of whose
mentions overlaps it best (highest overlap / union of the two spans), or to none. Merge
quality is then scored over the gold mentions only (system mentions that match no gold
mention are ignored; an unassigned gold mention is a singleton):

* B-cubed: per gold mention, precision = |system cluster & gold cluster| / |system cluster|
  and recall = |system cluster & gold cluster| / |gold cluster|, averaged over mentions.
* Pairwise: over pairs of gold mentions in one article, precision = pairs in one system
  entity that are one person / pairs in one system entity; recall = the same / pairs that
  are one person.

Per person, the system entity holding most of its gold mentions is its entity: the person
is "all merged" when that entity holds every located mention, "name right" when the entity's
name equals the gold name after case and space folding or holds all of its word tokens,
"with role" when the entity has any role ("role agrees": a content word of the gold role is
in one of them, a loose check).

Labels. SEESAW gold labels are spans with a voice; a gold label is found when a system label
overlaps it (the best-overlapping one is used); coverage = found / gold, accuracy = system
voice equal to gold voice among found (also own versus not-own), precision = system labels
overlapping a gold label / system labels. The seeds gold lists terms, not occurrences, per
voice (``own_voice``, ``attributed_or_scare_quoted``) for the armed groups in Idlib; each
term's word-bounded occurrences in the cleaned text are its gold occurrences. A term listed
as attributed must be attributed or scare-quoted at every occurrence, so it is scored per
occurrence; a term listed as own is the outlet's own word, but some of its occurrences sit
inside quotes (Sputnik's "terrorists" in Syromolotov's words), so it is scored per term:
right when at least one occurrence is labelled ``own``. Seed precision counts only system
labels that overlap a gold occurrence or use a listed term (singular/plural folded).

Usage (from the repository root)::

    python benchmarks/entities_labels.py [--json] [--check]

``--check`` only verifies that every SEESAW annotation offset still slices its text out of
the article (no pipeline is loaded). The exit status is 1 when an article cannot be read or
an annotation does not match its text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import _table, fold_space  # noqa: E402  (a sibling script, not a package)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "data" / "seeds.gold.json"
DEFAULT_SEEDS = REPO / "tests" / "data" / "seeds"
DEFAULT_ANNOTATIONS = REPO / "benchmarks" / "data" / "seesaw_annotations.json"
DEFAULT_SEESAW = REPO.parent / "shared" / "eval-data" / "seesaw" / "articles"

VOICES = ("own", "attributed", "scare_quoted")
NOT_OWN = frozenset({"attributed", "scare_quoted"})
SKY = "000_5988aafb84cd7969.txt"
SPUTNIK = "001_4776b1b0b6ff724a.txt"
_WORD = re.compile(r"\w+")
_APOSTROPHES = "'’"
_STOPWORDS = frozenset("a an the of to for in on at and or by with as his her its their".split())

Span = tuple[int, int]


# --------------------------------------------------------------------------- text helpers


def seesaw_text(data: Mapping[str, Any]) -> str:
    """A SEESAW article's text as the annotations were made on it: its non-blank sentences
    joined by blank lines. Offsets in the annotations are indices into this string, so the
    benchmark must build it the same way."""
    return "\n\n".join(s["text"] for s in data["text"] if s["text"].strip())


def overlap(a: Span, b: Span) -> int:
    """Characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def iou(a: Span, b: Span) -> float:
    """Overlap over union: prefers the span that fits, so that "Vladimir Putin" goes to the
    entity whose mention is exactly that and not to the one whose mention is "Vladimir Putin's
    spokesman"."""
    shared = overlap(a, b)
    return shared / (max(a[1], b[1]) - min(a[0], b[0])) if shared else 0.0


def _pattern(phrase: str) -> str:
    """A regex for a phrase that tolerates white space (no-break spaces too) and apostrophe
    style, the two ways a gold string and a cleaned text differ without differing in words."""
    parts = []
    for char in phrase:
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def find_mention(text: str, mention: str) -> list[Span]:
    """Every occurrence of a gold mention string, case-sensitive except for its first letter
    ("The diplomat" opens a sentence where "the diplomat" sits mid-sentence) and word-bounded
    so that "Assad" does not match inside another word."""
    if not mention.strip():
        return []
    first, rest = mention[0], mention[1:]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else ""
    body = _pattern(rest) if head else _pattern(mention)
    regex = re.compile(rf"(?<!\w){head}{body}(?!\w)")
    return [(m.start(), m.end()) for m in regex.finditer(text)]


def find_term(text: str, term: str) -> list[Span]:
    """Every word-bounded, case-insensitive occurrence of a label term."""
    regex = re.compile(rf"(?<!\w){_pattern(term)}(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in regex.finditer(text)]


def maximal(spans: Iterable[Span]) -> list[Span]:
    """The spans not nested inside another (distinct) span: "Donald Trump" inside "US
    President Donald Trump" is one mention, not two."""
    unique = sorted(set(spans))
    return [s for s in unique if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in unique)]


def name_tokens(name: str | None) -> list[str]:
    """Lowercase word tokens of a name ("Bashar al-Assad" -> bashar, al, assad)."""
    return _WORD.findall(fold_space(name).casefold())


def name_right(gold: str, system: str | None) -> bool:
    """The system's canonical name is the gold one: equal after folding, or holding every
    word of it (a middle initial or a title in the system name is no error)."""
    if system is None:
        return False
    if fold_space(gold).casefold() == fold_space(system).casefold():
        return True
    have = set(name_tokens(system))
    return bool(name_tokens(gold)) and all(t in have for t in name_tokens(gold))


def role_agrees(gold_role: str | None, roles: Sequence[str]) -> bool:
    """Loose: some content word of the gold role appears in a system role ("US President"
    and "president" agree). Says a role is about the right thing, not that it is complete."""
    wanted = {t for t in name_tokens(gold_role) if t not in _STOPWORDS and len(t) > 2}
    have = {t for role in roles for t in name_tokens(role)}
    return bool(wanted & have)


def singular(word: str) -> str:
    """Plural folded to singular for label terms (rebels -> rebel, militias -> militia)."""
    word = word.casefold()
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def term_key(text: str) -> tuple[str, ...]:
    """A label term as compared across gold and system: its words, singular, lowercase."""
    return tuple(singular(w) for w in _WORD.findall(fold_space(text)))


# --------------------------------------------------------------------------- system output


@dataclass(frozen=True)
class SystemEntity:
    id: str
    name: str
    kind: str
    roles: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class SystemLabel:
    start: int
    end: int
    text: str
    voice: str | None


def _get(item: Any, key: str, default: Any = None) -> Any:
    return item.get(key, default) if isinstance(item, Mapping) else getattr(item, key, default)


def system_entities(analysis: Any) -> list[SystemEntity]:
    """The analysis's entities as plain data."""
    out = []
    for entity in getattr(analysis, "entities", ()) or ():
        mentions = tuple((_get(m, "start"), _get(m, "end")) for m in _get(entity, "mentions", ()))
        out.append(
            SystemEntity(
                str(_get(entity, "id")),
                str(_get(entity, "name")),
                str(_get(entity, "kind")),
                tuple(_get(entity, "roles", ()) or ()),
                mentions,
            )
        )
    return out


def system_labels(analysis: Any) -> list[SystemLabel]:
    """The analysis's labels as plain data; an analysis without labels (the component not
    there yet, or an older Analysis) gives none rather than an error."""
    out = []
    for label in getattr(analysis, "labels", None) or ():
        start, end = _get(label, "start"), _get(label, "end")
        if isinstance(start, int) and isinstance(end, int):
            out.append(SystemLabel(start, end, str(_get(label, "text", "")), _get(label, "voice")))
    return out


# --------------------------------------------------------------------------- entity scoring


@dataclass(frozen=True)
class GoldMention:
    person: str
    start: int
    end: int
    text: str


def assign_mentions(
    gold: Sequence[GoldMention], entities: Sequence[SystemEntity]
) -> list[str | None]:
    """For each gold mention, the id of the system entity one of whose mentions fits it best
    (highest overlap over union), or None when no system mention overlaps it."""
    assigned: list[str | None] = []
    for mention in gold:
        span = (mention.start, mention.end)
        best, best_fit = None, 0.0
        for entity in entities:
            fit = max((iou(span, m) for m in entity.mentions), default=0.0)
            if fit > best_fit:
                best, best_fit = entity.id, fit
        assigned.append(best)
    return assigned


def _clusters(gold: Sequence[str], system: Sequence[str | None]) -> list[str]:
    """System cluster keys with each unassigned mention in a cluster of its own."""
    return [s if s is not None else f"\0unassigned-{i}" for i, s in enumerate(system)]


def bcubed(gold: Sequence[str], system: Sequence[str | None]) -> dict[str, Any]:
    """B-cubed over gold mentions: sums of per-mention precision and recall, and the count,
    so that articles can be pooled by adding (``combine_entity_scores``)."""
    keys = _clusters(gold, system)
    p_sum = r_sum = 0.0
    for i in range(len(gold)):
        same_system = [j for j in range(len(gold)) if keys[j] == keys[i]]
        same_gold = [j for j in range(len(gold)) if gold[j] == gold[i]]
        both = sum(1 for j in same_system if gold[j] == gold[i])
        p_sum += both / len(same_system)
        r_sum += both / len(same_gold)
    return {"p_sum": p_sum, "r_sum": r_sum, "mentions": len(gold)}


def pairwise(gold: Sequence[str], system: Sequence[str | None]) -> dict[str, int]:
    """Pair counts: pairs of gold mentions put in one system entity, pairs that are one
    person, and pairs that are both (unassigned mentions pair with nothing)."""
    keys = _clusters(gold, system)
    same_system = same_gold = both = 0
    for i, j in combinations(range(len(gold)), 2):
        s, g = keys[i] == keys[j], gold[i] == gold[j]
        same_system += s
        same_gold += g
        both += s and g
    return {"same_system": same_system, "same_gold": same_gold, "both": both}


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def score_entities(
    people: Mapping[str, Mapping[str, Any]],
    gold: Sequence[GoldMention],
    entities: Sequence[SystemEntity],
) -> dict[str, Any]:
    """Merge scores for one article, and per person whether it is fully merged, well named
    and given a role, with every mention that went elsewhere."""
    assigned = assign_mentions(gold, entities)
    persons = [m.person for m in gold]
    by_id = {e.id: e for e in entities}
    result: dict[str, Any] = {
        "bcubed": bcubed(persons, assigned),
        "pairwise": pairwise(persons, assigned),
        "people": {},
    }
    for person, entry in people.items():
        mine = [(m, a) for m, a in zip(gold, assigned, strict=True) if m.person == person]
        counts = Counter(a for _, a in mine if a is not None)
        main = by_id[counts.most_common(1)[0][0]] if counts else None
        elsewhere = [
            {
                "text": m.text,
                "start": m.start,
                "went_to": by_id[a].name if a is not None else None,
            }
            for m, a in mine
            if main is None or a != main.id
        ]
        result["people"][person] = {
            "gold_role": entry.get("role"),
            "named_in_full": entry.get("named_in_full", True),
            "mentions": len(mine),
            "merged": counts[main.id] if main else 0,
            "all_merged": bool(mine) and main is not None and not elsewhere,
            "entity": main.name if main else None,
            "kind": main.kind if main else None,
            "roles": list(main.roles) if main else [],
            "name_right": name_right(person, main.name if main else None),
            "has_role": bool(main and main.roles),
            "role_agrees": bool(main) and role_agrees(entry.get("role"), main.roles),
            "elsewhere": elsewhere,
        }
    return result


def combine_entity_scores(scores: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Pool articles: B-cubed averaged over all gold mentions, pair counts summed, person
    counts summed."""
    p_sum = r_sum = 0.0
    mentions = same_system = same_gold = both = 0
    people = Counter()
    for score in scores:
        p_sum += score["bcubed"]["p_sum"]
        r_sum += score["bcubed"]["r_sum"]
        mentions += score["bcubed"]["mentions"]
        same_system += score["pairwise"]["same_system"]
        same_gold += score["pairwise"]["same_gold"]
        both += score["pairwise"]["both"]
        for person in score["people"].values():
            people["persons"] += 1
            people["mentions"] += person["mentions"]
            people["merged"] += person["merged"]
            for flag in ("all_merged", "name_right", "has_role", "role_agrees"):
                people[flag] += bool(person[flag])
            people["person_kind"] += person["kind"] == "PERSON"
    return {
        "mentions": mentions,
        "bcubed_precision": _ratio(p_sum, mentions),
        "bcubed_recall": _ratio(r_sum, mentions),
        "pairwise_precision": _ratio(both, same_system),
        "pairwise_recall": _ratio(both, same_gold),
        **dict(people),
    }


# --------------------------------------------------------------------------- label scoring


def best_label(span: Span, labels: Sequence[SystemLabel]) -> SystemLabel | None:
    """The system label that overlaps a gold span most, if any."""
    best, best_shared = None, 0
    for label in labels:
        shared = overlap(span, (label.start, label.end))
        if shared > best_shared:
            best, best_shared = label, shared
    return best


def in_project_convention(text: str, gold: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The annotations mark a term in reported speech ``attributed`` even when the outlet
    paraphrases ("officials said the rebels had fled"). storydiff keeps the speaker's voice for
    their quoted words and counts a paraphrase's words as the outlet's own choice (with
    ``in_speech_of`` set), the convention under which the seeds gold puts Sky's "rebels" in its
    own voice. Here a gold ``attributed`` outside quotation marks becomes ``own``."""
    from storydiff.nlp.quotemarks import find_quoted

    quoted = [(q.start, q.end) for q in find_quoted(text)]
    converted = []
    for item in gold:
        inside = any(s <= item["start"] and item["end"] <= e for s, e in quoted)
        voice = item["voice"]
        if voice == "attributed" and not inside:
            voice = "own"
        converted.append({**item, "voice": voice, "annotated_voice": item["voice"]})
    return converted


def score_labels(gold: Sequence[Mapping[str, Any]], labels: Sequence[SystemLabel]) -> dict:
    """Offset gold (SEESAW): coverage, voice accuracy (exact and own/not-own) over the gold
    labels found, precision of system labels, the voice confusion, and every error."""
    found = correct = correct_side = 0
    confusion: Counter[str] = Counter()
    missed, wrong = [], []
    for item in gold:
        label = best_label((item["start"], item["end"]), labels)
        if label is None:
            missed.append({"start": item["start"], "text": item["text"], "voice": item["voice"]})
            continue
        found += 1
        correct += label.voice == item["voice"]
        correct_side += (label.voice == "own") == (item["voice"] == "own")
        confusion[f"{item['voice']}->{label.voice}"] += 1
        if label.voice != item["voice"]:
            wrong.append(
                {
                    "start": item["start"],
                    "text": item["text"],
                    "gold": item["voice"],
                    "system": label.voice,
                    "system_text": label.text,
                }
            )
    spurious = [
        {"start": s.start, "text": s.text, "voice": s.voice}
        for s in labels
        if not any(overlap((s.start, s.end), (g["start"], g["end"])) for g in gold)
    ]
    return {
        "gold": len(gold),
        "found": found,
        "correct": correct,
        "correct_side": correct_side,
        "system": len(labels),
        "system_matching": len(labels) - len(spurious),
        "confusion": dict(confusion),
        "missed": missed,
        "wrong_voice": wrong,
        "spurious": spurious,
    }


def seed_label_occurrences(text: str, lists: Mapping[str, Sequence[str]]) -> list[dict]:
    """Gold occurrences of the seeds' listed terms: every word-bounded occurrence, the
    longest listed term winning where terms nest ("pocket of terrorism" over "terrorism")."""
    found: dict[Span, tuple[str, str]] = {}
    for voice_list, terms in lists.items():
        for term in terms:
            for span in find_term(text, term):
                found[span] = (voice_list, term)
    return [
        {
            "start": s,
            "end": e,
            "text": text[s:e],
            "list": found[(s, e)][0],
            "term": found[(s, e)][1],
        }
        for s, e in maximal(found)
    ]


def score_seed_labels(
    occurrences: Sequence[Mapping[str, Any]],
    labels: Sequence[SystemLabel],
    terms: Iterable[str],
) -> dict[str, Any]:
    """Term-list gold (seeds): coverage per occurrence; accuracy per occurrence for the
    attributed list (every use must be attributed or scare-quoted) and per term for the own
    list (right when some occurrence is own); precision over system labels that overlap a
    gold occurrence or use a listed term."""
    found = attributed_gold = attributed_right = 0
    per_term: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    missed, wrong = [], []
    for item in occurrences:
        label = best_label((item["start"], item["end"]), labels)
        key = (item["list"], item["term"])
        per_term.setdefault(key, [])
        if label is None:
            missed.append({"start": item["start"], "text": item["text"], "list": item["list"]})
            continue
        found += 1
        per_term[key].append(label.voice)
        if item["list"] == "attributed_or_scare_quoted":
            attributed_gold += 1
            attributed_right += label.voice in NOT_OWN
            if label.voice not in NOT_OWN:
                wrong.append(
                    {
                        "start": item["start"],
                        "text": item["text"],
                        "gold": item["list"],
                        "system": label.voice,
                    }
                )
    term_right = {}
    for (voice_list, term), voices in per_term.items():
        if voice_list == "own_voice":
            term_right[term] = "own" in voices
        else:
            term_right[term] = bool(voices) and all(v in NOT_OWN for v in voices)
    keys = {term_key(t) for t in terms}
    considered = matching = 0
    for label in labels:
        on_gold = any(
            overlap((label.start, label.end), (o["start"], o["end"])) for o in occurrences
        )
        if on_gold or term_key(label.text) in keys:
            considered += 1
            matching += on_gold
    return {
        "gold": len(occurrences),
        "found": found,
        "attributed_gold_found": attributed_gold,
        "attributed_right": attributed_right,
        "terms": len(term_right),
        "terms_right": sum(term_right.values()),
        "term_right": term_right,
        "term_voices": {term: voices for (_, term), voices in per_term.items()},
        "system_considered": considered,
        "system_matching": matching,
        "missed": missed,
        "wrong_voice": wrong,
    }


def seed_bars(texts: Mapping[str, str], labels: Mapping[str, Sequence[SystemLabel]]) -> list:
    """The three label checks of issue 4's seed bar, each (name, passed, detail).

    Uses are word-bounded and not after a hyphen ("counter-terrorist operations" names no
    actor). Sky's "rebel(s)" passes when some use is ``own`` (one sits in Assad's reported
    vow, where ``attributed`` is right); every Sky "terrorist(s)/terrorism" must be found and
    be ``attributed`` or ``scare_quoted``; Sputnik's "terrorists" passes when some use is
    ``own`` (others are inside Syromolotov's direct quotes)."""
    bars = []

    def voices_of(name: str, regex: str) -> list[tuple[str, str | None]]:
        text = texts.get(name, "")
        out = []
        for match in re.finditer(regex, text, re.IGNORECASE):
            label = best_label(match.span(), labels.get(name, ()))
            out.append((match.group(0), label.voice if label else None))
        return out

    rebels = voices_of(SKY, r"(?<![\w-])rebels?\b")
    bars.append(
        (
            "Sky's 'rebel(s)' is own",
            any(v == "own" for _, v in rebels),
            f"voices of {len(rebels)} uses: {_voice_counts(rebels)}",
        )
    )
    terror = voices_of(SKY, r"(?<![\w-])terror(?:ists?|ism)\b")
    bars.append(
        (
            "every Sky 'terrorist(s)/terrorism' is attributed or scare_quoted",
            bool(terror) and all(v in NOT_OWN for _, v in terror),
            f"voices of {len(terror)} uses: {_voice_counts(terror)}",
        )
    )
    sputnik = voices_of(SPUTNIK, r"(?<![\w-])terrorists\b")
    bars.append(
        (
            "Sputnik's 'terrorists' is own",
            any(v == "own" for _, v in sputnik),
            f"voices of {len(sputnik)} uses: {_voice_counts(sputnik)}",
        )
    )
    return bars


def _voice_counts(pairs: Sequence[tuple[str, str | None]]) -> str:
    counts = Counter(v or "not found" for _, v in pairs)
    return ", ".join(f"{v} {n}" for v, n in sorted(counts.items())) or "none"


def combine_label_scores(scores: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Pool SEESAW articles by summing counts."""
    total: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    for score in scores:
        for key in ("gold", "found", "correct", "correct_side", "system", "system_matching"):
            total[key] += score[key]
        confusion.update(score["confusion"])
    return {
        **dict(total),
        "coverage": _ratio(total["found"], total["gold"]),
        "accuracy": _ratio(total["correct"], total["found"]),
        "own_vs_not_accuracy": _ratio(total["correct_side"], total["found"]),
        "precision": _ratio(total["system_matching"], total["system"]),
        "confusion": dict(confusion),
    }


def combine_seed_label_scores(scores: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Pool the seeds by summing counts."""
    total: Counter[str] = Counter()
    for score in scores:
        for key in (
            "gold",
            "found",
            "attributed_gold_found",
            "attributed_right",
            "terms",
            "terms_right",
            "system_considered",
            "system_matching",
        ):
            total[key] += score[key]
    return {
        **dict(total),
        "coverage": _ratio(total["found"], total["gold"]),
        "attributed_accuracy": _ratio(total["attributed_right"], total["attributed_gold_found"]),
        "term_accuracy": _ratio(total["terms_right"], total["terms"]),
        "precision": _ratio(total["system_matching"], total["system_considered"]),
    }


# --------------------------------------------------------------------------- gold reading


def seed_gold_mentions(
    text: str, people: Mapping[str, Mapping[str, Any]]
) -> tuple[list[GoldMention], list[dict]]:
    """Locate the seeds' mention strings; also the strings that were not found at all."""
    mentions, unlocated = [], []
    for person, entry in people.items():
        spans = []
        for string in entry["mentions"]:
            found = find_mention(text, string)
            if not found:
                unlocated.append({"person": person, "text": string})
            spans += found
        mentions += [GoldMention(person, s, e, text[s:e]) for s, e in maximal(spans)]
    return sorted(mentions, key=lambda m: (m.start, m.end)), unlocated


def annotation_mentions(people: Mapping[str, Mapping[str, Any]]) -> list[GoldMention]:
    """SEESAW mentions as given."""
    return sorted(
        (
            GoldMention(person, m["start"], m["end"], m["text"])
            for person, entry in people.items()
            for m in entry["mentions"]
        ),
        key=lambda m: (m.start, m.end),
    )


def check_annotations(article: Mapping[str, Any], text: str) -> list[str]:
    """Every stored span must slice exactly its text out of the article; a mismatch means the
    data or the text construction changed, and every figure would be wrong."""
    problems = []
    spans = [m for e in article["people"].values() for m in e["mentions"]]
    for span in [*spans, *article["labels"]]:
        if text[span["start"] : span["end"]] != span["text"]:
            got = text[span["start"] : span["end"]]
            problems.append(f"{span['start']}-{span['end']}: {span['text']!r} != {got!r}")
    for label in article["labels"]:
        if label["voice"] not in VOICES:
            problems.append(f"{label['start']}: unknown voice {label['voice']!r}")
    return problems


def load_seesaw(annotations_path: Path, texts_dir: Path) -> tuple[dict, dict, list[str]]:
    """The annotations, the texts they were made on, and any problem reading or matching."""
    annotations = json.loads(annotations_path.read_text(encoding="utf-8"))
    texts, problems = {}, []
    for name, article in annotations["articles"].items():
        path = texts_dir / name
        try:
            text = seesaw_text(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as error:
            problems.append(f"{name}: cannot read {path}: {error}")
            continue
        texts[name] = text
        problems += [f"{name}: {p}" for p in check_annotations(article, text)]
    return annotations, texts, problems


# --------------------------------------------------------------------------- evaluation


def camp_signal(analysis: Any) -> dict[str, Any]:
    """What tells outlets of opposing camps apart: the share of loaded labels an article uses
    in its own voice, against the raw count of those words, which both camps use."""
    from storydiff.compare.framing import own_voice_share

    loaded = [x for x in analysis.labels if x.contested]
    return {"own_voice_share": own_voice_share(analysis), "raw_count": len(loaded)}


def evaluate_seeds(gold_path: Path, seeds_dir: Path) -> dict[str, Any]:
    """Clean and analyse the seeds through ``storydiff.analyze`` and score them."""
    import storydiff

    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    names = list(gold)
    analyses = storydiff.analyze([str(seeds_dir / name) for name in names])
    articles, texts, labels = {}, {}, {}
    for name, analysis in zip(names, analyses, strict=True):
        entry = gold[name]
        text = analysis.article.text
        mentions, unlocated = seed_gold_mentions(text, entry["people"])
        system = system_labels(analysis)
        lists = entry.get("labels_for_idlib_armed_groups", {})
        terms = [t for ts in lists.values() for t in ts]
        texts[name], labels[name] = text, system
        articles[name] = {
            "outlet": entry.get("outlet"),
            "camp_signal": camp_signal(analysis),
            "entities": score_entities(entry["people"], mentions, system_entities(analysis)),
            "unlocated_mentions": unlocated,
            "labels": score_seed_labels(seed_label_occurrences(text, lists), system, terms),
        }
    return {
        "articles": articles,
        "entities": combine_entity_scores(a["entities"] for a in articles.values()),
        "labels": combine_seed_label_scores(a["labels"] for a in articles.values()),
        "bars": [
            {"check": name, "passed": passed, "detail": detail}
            for name, passed, detail in seed_bars(texts, labels)
        ],
    }


def evaluate_seesaw(annotations: Mapping[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """Analyse the SEESAW texts as they are (already clean: no cleaning step) and score them."""
    from storydiff.model import Article, article_id
    from storydiff.nlp.annotate import analysis_of
    from storydiff.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    articles = {}
    for name, gold in annotations["articles"].items():
        if name not in texts:
            continue
        text = texts[name]
        article = Article(id=article_id(text), source=name, text=text, outlet=gold["outlet"])
        analysis = analysis_of(nlp(text), article)
        articles[name] = {
            "outlet": gold["outlet"],
            "entities": score_entities(
                gold["people"], annotation_mentions(gold["people"]), system_entities(analysis)
            ),
            "labels": score_labels(
                in_project_convention(text, gold["labels"]), system_labels(analysis)
            ),
        }
    return {
        "articles": articles,
        "entities": combine_entity_scores(a["entities"] for a in articles.values()),
        "labels": combine_label_scores(a["labels"] for a in articles.values()),
    }


# --------------------------------------------------------------------------- printing


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _entity_row(name: str, score: Mapping[str, Any]) -> list[str]:
    return [
        name,
        str(score.get("persons", 0)),
        str(score["mentions"]),
        _num(score["bcubed_precision"]),
        _num(score["bcubed_recall"]),
        _num(score["pairwise_precision"]),
        _num(score["pairwise_recall"]),
        f"{score.get('all_merged', 0)}/{score.get('persons', 0)}",
        f"{score.get('name_right', 0)}/{score.get('persons', 0)}",
        f"{score.get('has_role', 0)}/{score.get('persons', 0)}",
        f"{score.get('role_agrees', 0)}/{score.get('persons', 0)}",
        f"{score.get('person_kind', 0)}/{score.get('persons', 0)}",
    ]


_ENTITY_HEADER = [
    "article",
    "persons",
    "mentions",
    "B3 P",
    "B3 R",
    "pair P",
    "pair R",
    "all merged",
    "name right",
    "with role",
    "role agrees",
    "kind PERSON",
]


def _entity_lines(corpus: Mapping[str, Any]) -> list[str]:
    rows = []
    for name, article in corpus["articles"].items():
        rows.append(_entity_row(name, combine_entity_scores([article["entities"]])))
    rows.append(_entity_row("total", corpus["entities"]))
    out = _table(_ENTITY_HEADER, rows)
    misses = []
    for name, article in corpus["articles"].items():
        for item in article.get("unlocated_mentions", []):
            misses.append(f"  {name}: gold mention not in text: {item['person']}: {item['text']!r}")
        for person, p in article["entities"]["people"].items():
            problems = []
            if p["elsewhere"]:
                went = ", ".join(
                    f"{m['text']!r}@{m['start']}->{m['went_to'] or 'none'}" for m in p["elsewhere"]
                )
                problems.append(f"{p['merged']}/{p['mentions']} merged; {went}")
            if not p["name_right"]:
                full = "" if p["named_in_full"] else " (article never gives the full name)"
                problems.append(f"named {p['entity']!r}{full}")
            if not p["has_role"]:
                problems.append(f"no role (gold {p['gold_role']!r})")
            elif not p["role_agrees"]:
                problems.append(f"roles {p['roles']} (gold {p['gold_role']!r})")
            if problems:
                misses.append(f"  {name}: {person} [{p['kind']}]: " + "; ".join(problems))
    return out + (["misses:", *misses] if misses else ["misses: none"])


def _seesaw_label_lines(corpus: Mapping[str, Any]) -> list[str]:
    rows = []
    for name, article in [*corpus["articles"].items(), ("total", None)]:
        score = corpus["labels"] if article is None else combine_label_scores([article["labels"]])
        rows.append(
            [
                name,
                score.get("gold", 0),
                score.get("found", 0),
                _num(score["coverage"]),
                _num(score["accuracy"]),
                _num(score["own_vs_not_accuracy"]),
                score.get("system", 0),
                _num(score["precision"]),
            ]
        )
    header = [
        "article",
        "gold",
        "found",
        "coverage",
        "voice acc",
        "own/not acc",
        "system",
        "precision",
    ]
    out = _table(header, rows)
    confusion = corpus["labels"]["confusion"]
    out.append(
        "confusion (gold->system): "
        + (", ".join(f"{k} {v}" for k, v in sorted(confusion.items())) or "none")
    )
    for name, article in corpus["articles"].items():
        labels = article["labels"]
        if labels["missed"]:
            shown = ", ".join(f"{m['text']!r}@{m['start']} {m['voice']}" for m in labels["missed"])
            out.append(f"  {name}: not found ({len(labels['missed'])}): {shown}")
        for w in labels["wrong_voice"]:
            out.append(
                f"  {name}: wrong voice {w['text']!r}@{w['start']}: {w['system']} "
                f"(gold {w['gold']})"
            )
        if labels["spurious"]:
            shown = ", ".join(f"{s['text']!r}@{s['start']}" for s in labels["spurious"])
            out.append(f"  {name}: not in gold ({len(labels['spurious'])}): {shown}")
    return out


def _seed_label_lines(corpus: Mapping[str, Any]) -> list[str]:
    rows = []
    for name, article in [*corpus["articles"].items(), ("total", None)]:
        score = (
            corpus["labels"] if article is None else combine_seed_label_scores([article["labels"]])
        )
        rows.append(
            [
                name,
                score.get("gold", 0),
                score.get("found", 0),
                _num(score["coverage"]),
                _num(score["attributed_accuracy"]),
                f"{score.get('terms_right', 0)}/{score.get('terms', 0)}",
                score.get("system_considered", 0),
                _num(score["precision"]),
            ]
        )
    header = [
        "article",
        "gold uses",
        "found",
        "coverage",
        "attrib acc",
        "terms right",
        "system",
        "precision",
    ]
    out = _table(header, rows)
    for name, article in corpus["articles"].items():
        labels = article["labels"]
        for term, right in labels["term_right"].items():
            if not right:
                voices = labels["term_voices"].get(term) or ["not found"]
                out.append(f"  {name}: term {term!r} wrong: system voices {voices}")
        for w in labels["wrong_voice"]:
            out.append(f"  {name}: {w['text']!r}@{w['start']} is {w['system']} (gold {w['gold']})")
    for bar in corpus["bars"]:
        out.append(f"{'PASS' if bar['passed'] else 'FAIL'}  {bar['check']}  ({bar['detail']})")
    return out


def report(results: Mapping[str, Any]) -> str:
    """Plain-text tables, then every miss the figures count."""
    out = [
        "storydiff entities and labels",
        f"pipeline: {results['pipeline']}",
        "entity merge: B-cubed and pairwise over gold mentions (see the module docstring)",
    ]
    for problem in results["problems"]:
        out.append(f"ERROR {problem}")
    seeds, seesaw = results.get("seeds"), results.get("seesaw")
    if seeds:
        out += ["", "== seeds: entity merge", *_entity_lines(seeds)]
        out += ["", "== seeds: label voice (Idlib armed groups)", *_seed_label_lines(seeds)]
    if seesaw:
        out += [
            "",
            f"== SEESAW ({len(seesaw['articles'])} articles): entity merge",
            *_entity_lines(seesaw),
        ]
        out += ["", "== SEESAW: label voice", *_seesaw_label_lines(seesaw)]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="seeds gold")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="seed articles")
    parser.add_argument(
        "--annotations", type=Path, default=DEFAULT_ANNOTATIONS, help="SEESAW annotations"
    )
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW, help="SEESAW articles")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument(
        "--check", action="store_true", help="only verify the SEESAW annotation offsets"
    )
    args = parser.parse_args(argv)
    annotations, texts, problems = load_seesaw(args.annotations, args.seesaw)
    if args.check:
        spans = sum(
            len(a["labels"]) + sum(len(p["mentions"]) for p in a["people"].values())
            for a in annotations["articles"].values()
        )
        print("\n".join(problems) or f"{spans} spans in {len(texts)} articles: all match")
        return 1 if problems else 0

    from storydiff.nlp.pipeline import pipeline_name

    results: dict[str, Any] = {"pipeline": pipeline_name(), "problems": problems}
    results["seeds"] = evaluate_seeds(args.gold, args.seeds)
    # Scoring against annotations that no longer fit their text would be meaningless.
    results["seesaw"] = evaluate_seesaw(annotations, texts) if not problems else None
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(report(results))
        print("\n== seeds: loaded labels, own-voice share vs raw count")
        for article in results["seeds"]["articles"].values():
            signal = article["camp_signal"]
            share = signal["own_voice_share"]
            shown = "-" if share is None else f"{share:.2f}"
            print(
                f"{article['outlet']:<24} own-voice share {shown}   raw count {signal['raw_count']}"
            )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
