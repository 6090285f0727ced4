"""How each outlet names the same actors: the labels per actor, per outlet, by voice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from storydiff.model import ActorFraming, Analysis, Label, TermCount
from storydiff.nlp.labels_data import STATE_FORCES

VOICES = ("own", "attributed", "scare_quoted")
# How a sentence says where an outlet uses a term, voice by voice: quoting someone and putting
# a word in scare quotes in its own sentence are two different things.
VOICE_WORDING = {
    "own": "in its own voice",
    "attributed": "only when quoting someone",
    "scare_quoted": "in scare quotes",
}
# Categories whose members each belong to one state.
ONE_PER_STATE = frozenset({STATE_FORCES})


def actor_names(analyses: Sequence[Analysis]) -> dict[str, str]:
    """The one name the comparison gives each group a label is about, for every table and
    sentence to use.

    A state has one army, one police: when the comparison names the state forces of exactly
    one state ("Syrian state forces", from "the Syrian army"), a bare "the army" or
    "government troops" (``state forces``) is that state's, and takes its name. With two
    ("Syrian" and "Russian state forces") a bare "the army" could be either and keeps the
    category's name. Other categories are never narrowed so: "Islamist groups" are some of
    the "rebels", not all of them. Returns a label's actor to the name to show; an actor left
    out keeps its own.
    """
    narrower: dict[str, set[str]] = {}
    for analysis in analyses:
        for label, _ in label_uses(analysis):
            category, actor = label.category, label.actor
            if category in ONE_PER_STATE and actor != category:
                narrower.setdefault(category, set()).add(actor)
    return {category: next(iter(names)) for category, names in narrower.items() if len(names) == 1}


def label_uses(analysis: Analysis) -> Iterator[tuple[Label, bool]]:
    """Every label the article uses, in its body and in its headline, each with whether it
    is the headline's: a headline names the actors as much as the body does."""
    for label in analysis.labels:
        yield label, False
    for label in analysis.headline.labels if analysis.headline else ():
        yield label, True


def framing_table(analyses: Sequence[Analysis]) -> list[ActorFraming]:
    """One row per actor, contested actors first; cells count each term by voice.

    A cell's ``TermCount.count`` is a term's uses in all, its ``headline`` those of them in the
    article's headline. The term is the label's lemma ("rebel" for "rebels"), so that an
    outlet's singular and plural uses count together; the actor is named as ``actor_names``
    names it.
    """
    names = actor_names(analyses)
    counts: dict[str, dict[str, Counter[tuple[str, str]]]] = {}
    in_headline: Counter[tuple[str, str, str, str]] = Counter()
    contested: dict[str, bool] = {}
    for analysis in analyses:
        for label, headline in label_uses(analysis):
            actor = names.get(label.actor, label.actor)
            use = (label.term, label.voice)
            per_article = counts.setdefault(actor, {})
            per_article.setdefault(analysis.article.id, Counter())[use] += 1
            in_headline[(actor, analysis.article.id, *use)] += headline
            contested[actor] = contested.get(actor, False) or label.contested
    rows = []
    for actor, per_article in counts.items():
        rows.append(
            ActorFraming(
                actor,
                contested[actor],
                {
                    article_id: tuple(
                        TermCount(term, voice, n, in_headline[(actor, article_id, term, voice)])
                        for (term, voice), n in sorted(
                            cell.items(), key=lambda item: (-item[1], VOICES.index(item[0][1]))
                        )
                    )
                    for article_id, cell in per_article.items()
                },
            )
        )
    total = {row.actor: sum(sum(c.values()) for c in counts[row.actor].values()) for row in rows}
    return sorted(rows, key=lambda row: (not row.contested, -total[row.actor], row.actor))


def own_voice_share(analysis: Analysis, contested_only: bool = True) -> float | None:
    """Share of an article's (contested) labels used in its own voice: how far the outlet
    adopts the terms rather than reporting them."""
    labels = [x for x in analysis.labels if x.contested or not contested_only]
    if not labels:
        return None
    return sum(x.voice == "own" for x in labels) / len(labels)
