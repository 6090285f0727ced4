"""Who each article quotes, and how often."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storydiff.compare.actors import actor_of, fold, same_person
from storydiff.model import Actor, Analysis, SourceCount


def quoted_sources(analysis: Analysis, actors: Sequence[Actor] = ()) -> tuple[SourceCount, ...]:
    """Speakers by number of quotes, the headline's among them, most quoted first; speakers
    the text never names are counted together under ``None``. A headline's speaker is the
    body's entity of that name, so that "Trump" quoted in the headline and "Donald Trump" in
    the body are one row."""
    counts: Counter[tuple[str | None, str | None]] = Counter()
    for quote in analysis.quotes:
        counts[(quote.speaker.name, quote.speaker.entity)] += 1
    in_headline: Counter[tuple[str | None, str | None]] = Counter()
    for quote in analysis.headline.quotes if analysis.headline else ():
        in_headline[_in_body(analysis, quote.speaker.name)] += 1
    counts.update(in_headline)
    sources = []
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0] or ""))
    for key, n in ranked:
        speaker, entity_id = key
        entity = analysis.entity(entity_id)
        actor = actor_of(actors, analysis.article.id, entity_id)
        roles = actor.roles if actor else entity.roles if entity else ()
        sources.append(
            SourceCount(
                speaker, n, entity_id, roles, actor.name if actor else None, in_headline[key]
            )
        )
    return tuple(sources)


def _in_body(analysis: Analysis, name: str | None) -> tuple[str | None, str | None]:
    """The speaker key (name, entity id) of the body's entity a headline names: a person by
    surname and given names (``same_person``), anyone else by the whole name; the headline's
    own name, with no entity, when the body has no such entity."""
    if not name:
        return None, None
    folded = fold(name)
    for entity in analysis.entities:
        person = entity.kind == "PERSON"
        if (person and same_person(fold(entity.name), folded)) or fold(entity.name) == folded:
            said = next(
                (q.speaker.name for q in analysis.quotes if q.speaker.entity == entity.id), None
            )
            return said or entity.name, entity.id
    return name, None
