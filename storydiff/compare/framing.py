"""How each outlet names the same actors: the labels per actor, per outlet, by voice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storydiff.model import ActorFraming, Analysis, TermCount

VOICES = ("own", "attributed", "scare_quoted")


def framing_table(analyses: Sequence[Analysis]) -> list[ActorFraming]:
    """One row per actor, contested actors first; cells count each term by voice.

    The term is the label's lemma ("rebel" for "rebels"), so that an outlet's singular and
    plural uses count together.
    """
    counts: dict[str, dict[str, Counter[tuple[str, str]]]] = {}
    contested: dict[str, bool] = {}
    for analysis in analyses:
        for label in analysis.labels:
            actor = label.actor
            per_article = counts.setdefault(actor, {})
            per_article.setdefault(analysis.article.id, Counter())[(label.term, label.voice)] += 1
            contested[actor] = contested.get(actor, False) or label.contested
    rows = []
    for actor, per_article in counts.items():
        rows.append(
            ActorFraming(
                actor,
                contested[actor],
                {
                    article_id: tuple(
                        TermCount(term, voice, n)
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
