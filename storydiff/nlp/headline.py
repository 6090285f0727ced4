"""The title analysed like a paragraph of the body, kept apart from it.

A headline is where an outlet's choice of words shows first ("Minister: police ready to deal
with 'gang of thugs'"), so it gets the same quotes, labels, figures and statements as a body
sentence. It is not put in front of the body, which would move every offset of the analysis
(and every highlight built on them): the title is parsed by the same pipeline as a document
of its own, its findings index ``Article.title``, and its entities are renamed ``h1``, ``h2``, …
so that no id of the headline is ever taken for one of the body's.

Many outlets write headlines in Title Case ("Mayor Says City Will Fight
Rioters in Court"), where every word looks like part of a name to the parser and the labels: such a
title is parsed in sentence case, each word kept capitalised only when the body writes it so
in mid-sentence (a name: "Lyon", "Smith"), and the findings then carry the title's own words
again. Lower-casing a word keeps its length, so every offset holds for the title as written.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from storydiff.model import (
    Analysis,
    Article,
    Date,
    Entity,
    Headline,
    Label,
    Quantity,
    Quote,
    Span,
    Speaker,
    Statement,
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A title is in Title Case when this share of its words of four letters or more are
# capitalised; sentence-case titles capitalise their names only, well under half.
TITLE_CASE_SHARE = 0.6
# A finding that quotes the words at its offsets.
Found = TypeVar("Found", Quantity, Label, Date)


def title_article(article: Article) -> Article | None:
    """The title as an article of its own to analyse (same date, so that "Monday" in a
    headline is read against it), in sentence case if it is in Title Case; None when the
    article has no title."""
    title = article.title
    if not title or not title.strip():
        return None
    return replace(article, text=sentence_case(title, article.text), removed=(), headings=())


def sentence_case(title: str, body: str) -> str:
    """A Title Case title with every word after the first lower-cased unless the body writes
    it capitalised in mid-sentence, or it is in capitals (an acronym); any other title as it
    is. Each word keeps its length, so offsets into the result are offsets into ``title``."""
    words = list(_WORD.finditer(title))
    long = [w.group() for w in words if len(w.group()) >= 4]
    if not long or sum(w[0].isupper() for w in long) < TITLE_CASE_SHARE * len(long):
        return title
    names = {
        m.group()
        for m in _WORD.finditer(body)
        if m.group()[0].isupper() and not _starts_sentence(body, m.start())
    }
    out = list(title)
    for word in words[1:]:
        text = word.group()
        lowered = text[0].lower() + text[1:]
        if text in names or text.isupper() or len(lowered) != len(text):
            continue
        out[word.start()] = lowered[0]
    return "".join(out)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def as_headline(analysis: Analysis, article: Article) -> Headline:
    """The analysis of ``title_article(article)`` as the article's headline: its entity ids
    renamed into the headline's own, and its findings in the title's own words."""
    ids = {entity.id: f"h{number}" for number, entity in enumerate(analysis.entities, 1)}
    words = _Words(analysis.article.text, article.title or "")
    return Headline(
        entities=tuple(_entity(e, ids, words) for e in analysis.entities),
        quotes=tuple(_quote(q, ids, words) for q in analysis.quotes),
        statements=tuple(_statement(s, ids, words) for s in analysis.statements),
        quantities=tuple(words.found(q) for q in analysis.quantities),
        labels=tuple(words.found(x) for x in analysis.labels),
        dates=tuple(words.found(d) for d in analysis.dates),
    )


class _Words:
    """The title as written, for the findings made on it in sentence case."""

    def __init__(self, parsed: str, title: str) -> None:
        self.parsed, self.title = parsed, title

    def text(self, start: int, end: int, text: str) -> str:
        return self.title[start:end] if text == self.parsed[start:end] else text

    def span(self, span: Span) -> Span:
        return replace(span, text=self.text(span.start, span.end, span.text))

    def found(self, item: Found) -> Found:
        return replace(item, text=self.text(item.start, item.end, item.text))


def _entity(entity: Entity, ids: dict[str, str], words: _Words) -> Entity:
    return replace(entity, id=ids[entity.id], mentions=tuple(map(words.span, entity.mentions)))


def _quote(quote: Quote, ids: dict[str, str], words: _Words) -> Quote:
    speaker = quote.speaker
    entity = ids.get(speaker.entity, speaker.entity) if speaker.entity else None
    mention = words.span(speaker.mention) if speaker.mention else None
    return replace(
        quote,
        speaker=Speaker(speaker.name, entity, mention),
        content=words.span(quote.content),
        cue=words.span(quote.cue) if quote.cue else None,
        pieces=tuple(map(words.span, quote.pieces)),
    )


def _statement(statement: Statement, ids: dict[str, str], words: _Words) -> Statement:
    said = statement.attributed_to
    return replace(
        statement,
        text=words.text(statement.start, statement.end, statement.text),
        attributed_to=ids.get(said, said) if said else None,
        entities=tuple(ids.get(e, e) for e in statement.entities),
        agents=tuple(ids.get(e, e) for e in statement.agents),
    )
