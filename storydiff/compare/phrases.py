"""Quoted phrases: the runs of words an article quotes, as evidence that two articles report
one event.

Outlets that cover one event quote the same people saying the same words, and quote them
verbatim; two stories on one topic, days or months apart, rarely share a run of six quoted
words. On SEESAW's development set, 202 of the 486 pairs of articles of one story share such a
run, and 61 of the 117,369 pairs of different stories do (``benchmarks/stories.py`` measures
what it does to the grouping). A run made mostly of function words ("I don't think it's") or
a stock phrase is said by everyone, so a run counts only when it holds ``content_words``
words that are not stop words.
"""

from __future__ import annotations

import re
from functools import cache

from storydiff.model import Analysis

# Quotes that reproduce the speaker's words: a paraphrase ("indirect") is the outlet's wording.
VERBATIM = frozenset({"direct", "mixed"})
_WORD = re.compile(r"[^\W_]+")


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words for ``language``, English's when spaCy has none for it."""
    from spacy.util import get_lang_class

    try:
        words = get_lang_class(language or "en").Defaults.stop_words
    except ImportError:
        words = get_lang_class("en").Defaults.stop_words
    return frozenset(words)


def quoted_phrases(analysis: Analysis, words: int, content_words: int) -> frozenset[str]:
    """Every run of ``words`` words inside the article's verbatim quotes that holds at least
    ``content_words`` words other than stop words, folded to lower case."""
    function_words = stop_words(analysis.article.language)
    found = set()
    for quote in analysis.quotes:
        if quote.kind not in VERBATIM:
            continue
        for piece in quote.pieces or (quote.content,):
            tokens = _WORD.findall(piece.text.casefold())
            # How many content words each run holds, kept as the run slides one word on.
            content = [token not in function_words for token in tokens]
            held = sum(content[:words])
            for start in range(len(tokens) - words + 1):
                if start:
                    held += content[start + words - 1] - content[start - 1]
                if held >= content_words:
                    found.add(" ".join(tokens[start : start + words]))
    return frozenset(found)
