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

T = TypeVar("T")


def analyze_batch(
    batch: Sequence[Article | InputError],
    nlp: Language,
    batch_size: int,
    *,
    progress: bool = False,
) -> Iterator[Analysis | InputError]:
    """The batch's analyses, errors in their place. If spaCy fails on the batch, its articles
    are retried one by one, so that only the article at fault is reported (E013)."""
    articles = [item for item in batch if isinstance(item, Article)]
    done: dict[int, Analysis | InputError]
    try:
        analyses = annotate(articles, nlp, batch_size, progress=progress)
        done = {id(a.article): a for a in analyses}
    except Exception:  # noqa: BLE001 — isolate the article at fault below
        done = {}
        for article in articles:
            try:
                done[id(article)] = next(annotate([article], nlp))
            except Exception as error:  # noqa: BLE001
                source = where(article.source, article.line)
                done[id(article)] = InputError(source, Code.E013, detail=repr(error))
    for item in batch:
        yield item if isinstance(item, InputError) else done[id(item)]


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
