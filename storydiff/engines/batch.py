"""The one analysis step every engine runs: a batch of articles through a loaded pipeline.

In one process, in worker processes or in Ray actors, analysis is this function on batches
cut by ``chunked``; so every engine gives the same analyses, and reports the same errors in
the same places.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from spacy.language import Language

from storydiff.errors import Code, InputError
from storydiff.model import Analysis, Article, where
from storydiff.nlp.annotate import annotate
from storydiff.nlp.pipeline import Pipelines
from storydiff.nlp.reduced import reduced_analysis

T = TypeVar("T")


def analyze_batch(
    batch: Sequence[Article | InputError],
    pipelines: Pipelines,
    batch_size: int,
    *,
    progress: bool = False,
) -> Iterator[Analysis | InputError]:
    """The batch's analyses, errors in their place: each article through its language's
    pipeline, or the reduced analysis for a language without one. If spaCy fails on the
    batch, its articles are retried one by one, so that only the article at fault is
    reported (E013)."""
    articles = [item for item in batch if isinstance(item, Article)]
    done: dict[int, Analysis | InputError] = {}
    by_language: dict[str, list[Article]] = {}
    for article in articles:
        if pipelines.full(article.language):
            by_language.setdefault(article.language, []).append(article)
        else:
            done[id(article)] = reduced_analysis(article)
    for language, group in by_language.items():
        done.update(_analyzed(group, pipelines(language), batch_size, progress))
    for item in batch:
        yield item if isinstance(item, InputError) else done[id(item)]


def _analyzed(
    articles: list[Article], nlp: Language, batch_size: int, progress: bool
) -> dict[int, Analysis | InputError]:
    try:
        return {id(a.article): a for a in annotate(articles, nlp, batch_size, progress=progress)}
    except Exception:  # noqa: BLE001 — isolate the article at fault below
        done: dict[int, Analysis | InputError] = {}
        for article in articles:
            try:
                done[id(article)] = next(annotate([article], nlp))
            except Exception as error:  # noqa: BLE001
                source = where(article.source, article.line)
                done[id(article)] = InputError(source, Code.E013, detail=repr(error))
        return done


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """The items in lists of ``size`` (the last one shorter)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
