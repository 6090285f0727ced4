"""Who each article quotes, and how often."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storydiff.compare.actors import actor_of
from storydiff.model import Actor, Analysis, SourceCount


def quoted_sources(analysis: Analysis, actors: Sequence[Actor] = ()) -> tuple[SourceCount, ...]:
    """Speakers by number of quotes, most quoted first; speakers the text never names are
    counted together under ``None``."""
    counts: Counter[tuple[str | None, str | None]] = Counter()
    for quote in analysis.quotes:
        counts[(quote.speaker.name, quote.speaker.entity)] += 1
    sources = []
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0] or ""))
    for (speaker, entity_id), n in ranked:
        entity = analysis.entity(entity_id)
        actor = actor_of(actors, analysis.article.id, entity_id)
        roles = actor.roles if actor else entity.roles if entity else ()
        sources.append(SourceCount(speaker, n, entity_id, roles, actor.name if actor else None))
    return tuple(sources)
