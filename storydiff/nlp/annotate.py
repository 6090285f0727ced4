"""From a clean article to its analysis: one spaCy pass, then plain objects.

The spaCy ``Doc`` never leaves this module: everything downstream works on the frozen model
objects, which serialise, compare and render without the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import groupby
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from storydiff.model import Analysis, Article, Entity, Label, Quantity, Quote, Span, Statement
from storydiff.model.languages import BEYOND_ENGLISH, FULL, Coverage
from storydiff.nlp.doctext import doc_text, make_doc
from storydiff.nlp.events import TokenEvents
from storydiff.nlp.extensions import typed
from storydiff.nlp.headline import as_headline, title_article
from storydiff.nlp.intervals import Intervals
from storydiff.nlp.lexicons import lexicons_for
from storydiff.nlp.pieces import parse_in_pieces, piece_size
from storydiff.nlp.quantities import normalise_dates
from storydiff.nlp.tone import TONE_METHOD, mean_tone, tone_of


def statements_of(
    doc: Doc,
    article: Article,
    quotes: Iterable[Quote],
    entities: Sequence[Entity] = (),
    labels: Sequence[Label] = (),
    quantities: Sequence[Quantity] = (),
    tone: bool = True,
) -> tuple[Statement, ...]:
    """Sentence-level units of the body (headings excluded): who each is attributed to (a
    quote's speaker when their words fill it, else None: the outlet's own voice), the entities,
    labels and quantities inside it, and its tone (None without ``tone``: the tone lexicon is
    English)."""
    text = doc_text(doc)
    headings = [(h.start, h.end) for h in article.headings]
    quotes = list(quotes)
    spans: list[tuple[int, int]] = []
    for sentence in doc.sents:
        raw = text[sentence.start_char : sentence.end_char]
        stripped = raw.strip()
        if not stripped or any(s <= sentence.start_char < e for s, e in headings):
            continue
        start = sentence.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        if spans and _continues_sentence(text, spans[-1][1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    mentions = _starting_at((m.start, e.id) for e in entities for m in e.mentions)
    label_starts = _starting_at((x.start, k) for k, x in enumerate(labels))
    quantity_starts = _starting_at((x.start, k) for k, x in enumerate(quantities))
    order = {e.id: k for k, e in enumerate(entities)}
    pieces = Intervals(
        _Ranged(p.start, p.end, k) for k, quote in enumerate(quotes) for p in quote.pieces
    )
    events = TokenEvents.of(doc)
    return tuple(
        Statement(
            start,
            end,
            text[start:end],
            _attribution(start, end, quotes, pieces),
            entities=tuple(sorted(set(_starting_in(mentions, start, end)), key=order.__getitem__)),
            labels=tuple(sorted(_starting_in(label_starts, start, end))),
            quantities=tuple(sorted(_starting_in(quantity_starts, start, end))),
            tone=tone_of(text[start:end]) if tone else None,
            **events.of_statement(doc, start, end, mentions),
        )
        for start, end in spans
        if end - start >= 3
    )


class _Ranged(NamedTuple):
    """A value and the stretch of text it covers (one character for a thing found by where it
    starts), so that each statement finds its own by bisection: statements times mentions
    would be quadratic in a long article."""

    start: int
    end: int
    value: Any


def _starting_at(items: Iterable[tuple[int, Any]]) -> Intervals[_Ranged]:
    return Intervals(_Ranged(offset, offset + 1, value) for offset, value in items)


def _starting_in(index: Intervals[_Ranged], start: int, end: int) -> list[Any]:
    return [item.value for item in index.overlapping(start, end)]


def with_tone(entities: Iterable[Entity], statements: Iterable[Statement]) -> tuple[Entity, ...]:
    """Each entity's tone: the mean tone of the statements that name it (an estimate)."""
    tones: dict[str, list[float]] = {}
    for statement in statements:
        if statement.tone is not None:
            for entity_id in dict.fromkeys(statement.entities):
                tones.setdefault(entity_id, []).append(statement.tone)
    return tuple(replace(e, tone=mean_tone(tones.get(e.id, []))) for e in entities)


def _continues_sentence(text: str, previous_end: int, start: int) -> bool:
    """The parser split a sentence inside a paragraph before ", X said.", a lower-case word or
    a lone closing quotation mark: one statement, not two."""
    if "\n\n" in text[previous_end:start]:
        return False
    first = text[start]
    return first in ',;:)"”’»' or first.islower()


def _attribution(
    start: int, end: int, quotes: list[Quote], pieces: Intervals[_Ranged]
) -> str | None:
    """The speaker whose words fill most of the sentence: a third of it, or any part when the
    sentence also holds the cue ("'...,' he told reporters outside the court")."""
    overlaps: dict[int, int] = {}
    for p in pieces.overlapping(start, end):
        overlaps[p.value] = overlaps.get(p.value, 0) + min(end, p.end) - max(start, p.start)
    best, best_share = None, 0.0
    for index in sorted(overlaps):
        quote, overlap = quotes[index], overlaps[index]
        cue_here = quote.cue is not None and start <= quote.cue.start < end
        share = overlap / (end - start)
        if overlap and (share * 3 >= 1 or cue_here) and share > best_share:
            best, best_share = quote.speaker.attribution, share
    return best


def with_speaker_mentions(
    entities: Iterable[Entity], quotes: Iterable[Quote]
) -> tuple[Entity, ...]:
    """The entities, each with the places where a quote's speaker was resolved to it ("He",
    "the diplomat") among its mentions: the pronoun is a mention too."""
    extra: dict[str, list[Span]] = {}
    for quote in quotes:
        mention = quote.speaker.mention
        if quote.speaker.entity and mention is not None:
            extra.setdefault(quote.speaker.entity, []).append(mention)
    merged = []
    for entity in entities:
        added = [
            m
            for m in extra.get(entity.id, [])
            if not any(k.start < m.end and m.start < k.end for k in entity.mentions)
        ]
        if added:
            mentions = tuple(sorted({*entity.mentions, *added}, key=lambda m: m.start))
            entity = replace(entity, mentions=mentions)
        merged.append(entity)
    return tuple(merged)


def analysis_of(doc: Doc, article: Article) -> Analysis:
    found = typed(doc)._
    quotes = tuple(found.quotes or ())
    entities = with_speaker_mentions(found.entities or (), quotes)
    labels = tuple(found.labels or ())
    quantities = tuple(found.quantities or ())
    # VADER's lexicon is English: in another language its tone would be noise.
    english = doc.lang_ == "en"
    statements = statements_of(doc, article, quotes, entities, labels, quantities, english)
    return Analysis(
        article=article,
        entities=with_tone(entities, statements),
        quotes=quotes,
        statements=statements,
        labels=labels,
        quantities=quantities,
        dates=tuple(normalise_dates(found.dates or (), article.published, doc.lang_)),
        tone_method=TONE_METHOD if english else None,
        coverage=FULL if english else _beyond_english(doc.lang_),
    )


def _beyond_english(language: str) -> Coverage:
    """Everything but tone, figures in words when the language's word lists hold them, and
    dates when they hold date words."""
    found = lexicons_for(language)
    return replace(BEYOND_ENGLISH, number_words=found.numbers.words, dates=found.dates is not None)


def annotate(
    articles: Iterable[Article], nlp: Language, batch_size: int = 32, *, progress: bool = False
) -> Iterator[Analysis]:
    """Analyse articles in input order, streaming them through ``nlp.pipe``; an article longer
    than one pass takes goes through in pieces (``pieces.py``), with a progress bar of its
    own when ``progress`` is set, since it can take minutes. Each title goes through the same
    pipeline as a text of its own, right after its article's body (``headline.py``)."""
    size = piece_size(nlp)
    for long, run in groupby(articles, key=lambda article: len(article.text) > size):
        if long:
            for article in run:
                doc = parse_in_pieces(nlp, article.text, article.source, progress=progress)
                title = _title(article, size)
                headline = analysis_of(nlp(make_doc(nlp, title.text)), title) if title else None
                yield _with_headline(analysis_of(doc, article), headline, article)
            continue
        body: Analysis | None = None
        for doc, (article, title) in nlp.pipe(
            _bodies_and_titles(nlp, run, size), as_tuples=True, batch_size=batch_size
        ):
            if title is None:
                body = analysis_of(doc, article)
                if _title(article, size) is None:
                    yield body
            elif body is not None:
                yield _with_headline(body, analysis_of(doc, title), article)


def _bodies_and_titles(
    nlp: Language, articles: Iterable[Article], size: int
) -> Iterator[tuple[Doc, tuple[Article, Article | None]]]:
    """Each article's body, then its title (as an article of its own) when it has one."""
    for article in articles:
        yield make_doc(nlp, article.text), (article, None)
        title = _title(article, size)
        if title is not None:
            yield make_doc(nlp, title.text), (article, title)


def _title(article: Article, size: int) -> Article | None:
    """The title to analyse: none past one pass of the parser (no headline is that long; a
    record that says so has its text in the wrong field)."""
    title = title_article(article)
    return title if title is not None and len(title.text) <= size else None


def _with_headline(body: Analysis, title: Analysis | None, article: Article) -> Analysis:
    return replace(body, headline=as_headline(title, article)) if title is not None else body
