"""Comparing analysed articles: shared points, what only one says, who each quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storydiff.compare.actors import link_entities
from storydiff.compare.align import Alignment, Thresholds, align
from storydiff.compare.coherence import story_doubt
from storydiff.compare.copies import find_copies
from storydiff.compare.framing import framing_table
from storydiff.compare.languages import aligned_by_language, languages_warning
from storydiff.compare.numbers import numbers_table
from storydiff.compare.similarity import get_backend
from storydiff.compare.sources import quoted_sources
from storydiff.compare.summary import summarize
from storydiff.config import DEFAULTS, Config
from storydiff.errors import Code, ConfigError
from storydiff.model import Analysis, Comparison, Finding


def distinct(
    analyses: Sequence[Analysis],
) -> tuple[list[Analysis], list[tuple[Analysis, Analysis]]]:
    """The analyses with each article once, and (repeat, first copy) pairs for the rest: an
    article's id is the hash of its text, so the same article read twice is one article."""
    first: dict[str, Analysis] = {}
    repeats = []
    for analysis in analyses:
        original = first.setdefault(analysis.article.id, analysis)
        if original is not analysis:
            repeats.append((analysis, original))
    return list(first.values()), repeats


def compare_analyses(
    analyses: Sequence[Analysis],
    similarity: str | None = None,
    thresholds: Thresholds | None = None,
    *,
    config: Config = DEFAULTS,
) -> Comparison:
    """Compare two or more distinct analysed articles (raises ``ConfigError`` E012 for fewer).

    Copies of one text (wire stories, syndication) are aligned once, through their origin.
    ``similarity`` (a backend's name) and ``thresholds`` (``AlignmentSettings``), when given,
    stand for the similarity and alignment sections of ``config``."""
    if similarity is not None:
        config = config.with_values({"similarity.backend": similarity})
    if thresholds is not None:
        config = replace(config, alignment=thresholds)
    backend = get_backend(config.similarity.backend)
    analyses, _ = distinct(analyses)
    if len(analyses) < 2:
        raise ConfigError(Code.E012, count=len(analyses))
    actors = link_entities(analyses)
    copies = find_copies(analyses, config)
    copied = {c.article for c in copies}
    origins = [a for a in analyses if a.article.id not in copied]
    alignment = (
        aligned_by_language(
            origins, lambda group: align(group, backend, actors, config.alignment, config.figures)
        )
        if len(origins) > 1
        else Alignment((), (), {})
    )
    comparison = Comparison(
        articles=tuple(analyses),
        points=alignment.points,
        related=alignment.related,
        only_in={a.article.id: alignment.only_in.get(a.article.id, ()) for a in analyses},
        sources={a.article.id: quoted_sources(a, actors) for a in analyses},
        framing=tuple(framing_table(analyses)),
        numbers=tuple(numbers_table(analyses, alignment.points, config)),
        actors=tuple(actors),
        copies=tuple(copies),
    )
    summary = summarize(comparison)
    doubt = story_doubt(comparison)
    if doubt:
        # Said right after the count of articles and points: every table below has to be
        # read knowing it.
        summary = (summary[0], Finding(doubt, "points"), *summary[1:])
    mixed = languages_warning(analyses)
    if mixed:
        summary = (summary[0], Finding(mixed[0].upper() + mixed[1:] + ".", "points"), *summary[1:])
    return replace(comparison, summary=summary)
