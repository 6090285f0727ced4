"""The few sentences a reader wants before any table, each tied to the words that bear it out.

Every sentence is built from what the comparison already found (points, only-in statements,
sources, labels, figures, copies), never from free text generation: a sentence says what was
counted or quotes the article, and its evidence is the statements it rests on, so a reader
can check it in one click.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from storydiff.compare.framing import VOICE_WORDING, actor_names
from storydiff.model import (
    Analysis,
    Article,
    Comparison,
    FigureRow,
    Finding,
    Point,
    Quantity,
    SourceCount,
    Statement,
    StatementRef,
    TermCount,
)

# Enough to say what differs without turning the summary into the report.
MAX_SHARED = 2
# Sentences about single articles (what only it reports, whom only it quotes) are written for
# this many articles at most; the report's tables cover the rest.
MAX_ARTICLES_NAMED = 4
# Speakers named in a sentence before the rest are counted ("A, B, C and 2 others").
MAX_SPEAKERS_NAMED = 3
MAX_QUOTED_TEXT = 160
MAX_LABEL_WORDS = 6
QUOTE_MARKS = "\"“”‘’'«» "
POINT_WORDING = {"agree": "agree", "framing": "differ in framing", "conflict": "conflict"}


def article_labels(analyses: Sequence[Analysis]) -> list[str]:
    """Short names for articles: the outlet, else the title, else the file name.

    Two articles from one outlet would be indistinguishable in a table, so repeated names get
    their position appended.
    """
    bases = [_base_label(a.article, i) for i, a in enumerate(analyses)]
    counts = Counter(bases)
    return [f"{b} (#{i + 1})" if counts[b] > 1 else b for i, b in enumerate(bases)]


def _base_label(article: Article, index: int) -> str:
    for candidate in (article.outlet, article.title, PurePath(article.source).name):
        if candidate and candidate.strip():
            return _clip(" ".join(candidate.split()), MAX_LABEL_WORDS)
    return f"Article {index + 1}"


def _clip(text: str, words: int) -> str:
    """The first words of a long name: a title makes a poor column head."""
    parts = text.split(" ")
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def summarize(comparison: Comparison) -> tuple[Finding, ...]:
    labels = dict(
        zip(
            (a.article.id for a in comparison.articles),
            article_labels(comparison.articles),
            strict=True,
        )
    )
    findings = [_overview(comparison, labels)]
    findings += _copies(comparison, labels)
    findings += _shared(comparison, labels)
    findings += _framing(comparison, labels)
    findings += _conflicts(comparison, labels)
    findings += _only_in(comparison, labels)
    findings += _sources(comparison, labels)
    return tuple(findings)


def join(items: Sequence[str]) -> str:
    """Items as an English list: A; A and B; A, B and C."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def join_some(items: Sequence[str], shown: int, other: str = "other") -> str:
    """The first ``shown`` items as an English list and a count of the rest: "A, B, C and 2
    others". One left over is named rather than counted: "A, B, C and D"."""
    named = named_of(items, shown)
    rest = len(items) - len(named)
    return join([*named, plural(rest, other)] if rest else named)


def named_of(items: Sequence[str], shown: int) -> Sequence[str]:
    """The items ``join_some`` names."""
    return items if len(items) <= shown + 1 else items[:shown]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _overview(comparison: Comparison, labels: dict[str, str]) -> Finding:
    points = comparison.points
    kinds = Counter(p.kind for p in points)
    detail = ", ".join(f"{kinds[k]} {w}" for k, w in POINT_WORDING.items() if kinds[k])
    shared = (
        f"they share {plural(len(points), 'point')} ({detail})" if points else "they share no point"
    )
    if comparison.related:
        related = len(comparison.related)
        shared += (
            f"; {related} more {'pair' if related == 1 else 'pairs'} of sentences may "
            f"report the same fact, not stated as shared"
        )
    names = list(labels.values())
    listed = f" ({join(names)})" if len(names) <= MAX_ARTICLES_NAMED else ""
    return Finding(f"{plural(len(names), 'article')}{listed}: {shared}.", "points")


def _copies(comparison: Comparison, labels: dict[str, str]) -> list[Finding]:
    return [
        Finding(
            f"{labels[c.article]} carries the same text as {labels[c.copy_of]} "
            f"({c.containment:.0%} of its word sequences), so it is counted once.",
            "articles",
        )
        for c in comparison.copies
    ]


def _everyone(comparison: Comparison, point: Point, labels: dict[str, str]) -> str:
    articles = list(dict.fromkeys(r.article for r in point.statements))
    compared = len(comparison.articles) - len(comparison.copies)
    if len(articles) == compared:
        return "Both" if compared == 2 else f"All {compared}"
    return join([labels[a] for a in articles])


def _shared(comparison: Comparison, labels: dict[str, str]) -> list[Finding]:
    agreeing = sorted(
        (p for p in comparison.points if p.kind != "conflict"), key=lambda p: -p.score
    )[:MAX_SHARED]
    findings = []
    for point in agreeing:
        how = ", with different words for the actors" if point.kind == "framing" else ""
        quoted = min(point.statements, key=lambda r: len(r.text))
        findings.append(
            Finding(
                f"{_everyone(comparison, point, labels)} report this{how}: "
                f"{_quoted(quoted.text)} ({labels[quoted.article]})",
                "points",
                point.statements,
            )
        )
    return findings


def _framing(comparison: Comparison, labels: dict[str, str]) -> list[Finding]:
    """The first contested group that outlets name differently in their own voice, each
    outlet's terms told by voice; its evidence is, for each term the sentence names, the first
    statement that uses it so."""
    by_id = {a.article.id: a for a in comparison.articles}
    names = actor_names(comparison.articles)
    for row in comparison.framing:
        own = {
            article_id: [t.text for t in terms if t.voice == "own"][:2]
            for article_id, terms in row.labels.items()
        }
        if not row.contested or len(own) < 2:
            continue
        if len({tuple(t) for t in own.values()}) < 2:
            continue
        clauses, evidence = [], []
        for article_id, terms in row.labels.items():
            named = _terms_by_voice(terms)
            parts = [f"{join(_in_marks(words))} {VOICE_WORDING[voice]}" for voice, words in named]
            if parts:
                clauses.append(f"{labels[article_id]} writes {join(parts)}")
            analysis = by_id[article_id]
            evidence += [
                _ref(analysis, statement)
                for voice, words in named
                for word in words
                for statement in _first_use(analysis, row.actor, word, voice, names)
            ]
        text = f"For {row.actor}, {'; '.join(clauses)}."
        return [Finding(text, "framing", tuple(dict.fromkeys(evidence)))]
    return []


# The order a sentence tells voices in, which is also which wins when a term is used in more
# than one: unquoted use is the outlet's own word, even if it quotes it elsewhere.
_VOICE_RANK = {"own": 0, "scare_quoted": 1, "attributed": 2}


def _terms_by_voice(terms: Sequence[TermCount]) -> list[tuple[str, list[str]]]:
    """An outlet's terms for a group, at most two a voice, each told in one voice: its own if
    it ever writes the term unquoted, else in scare quotes if it ever puts it so in its own
    sentence, else only when quoting someone."""
    voices: dict[str, str] = {}
    for term in terms:
        voice = term.voice if term.voice in _VOICE_RANK else "attributed"
        known = voices.get(term.text)
        if known is None or _VOICE_RANK[voice] < _VOICE_RANK[known]:
            voices[term.text] = voice
    grouped = []
    for voice in _VOICE_RANK:
        words = [text for text, v in voices.items() if v == voice][:2]
        if words:
            grouped.append((voice, words))
    return grouped


def _first_use(
    analysis: Analysis, actor: str, term: str, voice: str, names: dict[str, str]
) -> list[Statement]:
    """The first statement that uses ``term`` for ``actor`` in ``voice`` (none or one)."""
    for statement in analysis.statements:
        for k in statement.labels:
            label = analysis.labels[k]
            named = names.get(label.actor, label.actor)
            if named == actor and label.term == term and label.voice == voice:
                return [statement]
    return []


def _conflicts(comparison: Comparison, labels: dict[str, str]) -> list[Finding]:
    by_id = {a.article.id: a for a in comparison.articles}
    findings = []
    for row in comparison.numbers:
        if not row.conflict:
            continue
        values = [
            f"{labels[article_id]} gives {join(texts)}" for article_id, texts in row.values.items()
        ]
        evidence = tuple(
            ref for article_id in row.values for ref in _figure_refs(by_id[article_id], row)
        )
        findings.append(
            Finding(f"Figures disagree on {row.counts}: {'; '.join(values)}.", "numbers", evidence)
        )
    return findings


def _only_in(comparison: Comparison, labels: dict[str, str]) -> list[Finding]:
    """Each article's most telling statement that no other makes: one with a figure, a speaker
    only that outlet quotes, or actors no other names, before plain narration."""
    by_id = {a.article.id: a for a in comparison.articles}
    speakers = _speakers_by_article(comparison)
    findings: list[Finding] = []
    for article_id, statements in comparison.only_in.items():
        if not statements or len(findings) >= MAX_ARTICLES_NAMED:
            continue
        analysis = by_id[article_id]
        others = set().union(*(s for a, s in speakers.items() if a != article_id))
        best = max(statements, key=lambda s: _telling(analysis, s, others))
        findings.append(
            Finding(
                f"Only {labels[article_id]} reports: {_quoted(best.text)}",
                "only-in",
                (_ref(analysis, best),),
            )
        )
    return findings


def _telling(
    analysis: Analysis, statement: Statement, quoted_elsewhere: set[str]
) -> tuple[int, int]:
    """A figure, a source no other outlet quotes, and a named actor (a sentence that names who
    it is about reads on its own) count one each; the fuller statement wins a tie."""
    figures = any(analysis.quantities[k].counts for k in statement.quantities)
    speaker = statement.attributed_to
    entity = analysis.entity(speaker)
    name = (entity.name if entity else speaker) or ""
    own_source = bool(name) and name not in quoted_elsewhere
    return (figures + own_source + bool(statement.entities), len(statement.text))


def _sources(comparison: Comparison, labels: dict[str, str]) -> list[Finding]:
    by_id = {a.article.id: a for a in comparison.articles}
    speakers = _speakers_by_article(comparison)
    clauses, evidence = [], []
    outlets = list(comparison.sources.items())
    for article_id, counts in outlets[:MAX_ARTICLES_NAMED]:
        named = [c for c in counts if c.speaker]
        if not named:
            clauses.append(f"{labels[article_id]} quotes no named speaker")
            continue
        # Counted as the table counts them: one speaker per actor ("the Kremlin" and
        # "Russia" are one), with the quotes of all its names.
        quotes: Counter[str] = Counter()
        for count in named:
            quotes[_speaker(count)] += count.quotes
        top_name, top_quotes = max(quotes.items(), key=lambda item: item[1])
        clauses.append(
            f"{labels[article_id]} quotes {plural(len(quotes), 'speaker')}, most often "
            f"{top_name} ({plural(top_quotes, 'quote')})"
        )
        evidence += _first_quoted(by_id[article_id], named, top_name)
    if len(outlets) > MAX_ARTICLES_NAMED:
        clauses.append(f"{plural(len(outlets) - MAX_ARTICLES_NAMED, 'more article')} in the table")
    findings = [Finding("; ".join(clauses) + ".", "sources", tuple(evidence))] if clauses else []
    for article_id, counts in outlets:
        if len(findings) > MAX_ARTICLES_NAMED:
            break
        others = set().union(*(s for a, s in speakers.items() if a != article_id))
        alone = list(
            dict.fromkeys(_speaker(c) for c in counts if c.speaker and _speaker(c) not in others)
        )
        if alone and len(comparison.sources) > 1:
            findings.append(
                Finding(
                    f"Only {labels[article_id]} quotes {join_some(alone, MAX_SPEAKERS_NAMED)}.",
                    "sources",
                    tuple(
                        ref
                        for name in named_of(alone, MAX_SPEAKERS_NAMED)
                        for ref in _first_quoted(by_id[article_id], counts, name)
                    ),
                )
            )
    return findings


def _speakers_by_article(comparison: Comparison) -> dict[str, set[str]]:
    return {
        article_id: {_speaker(c) for c in counts if c.speaker}
        for article_id, counts in comparison.sources.items()
    }


def _speaker(count: SourceCount) -> str:
    """The name the speaker goes by across outlets (the linked actor), else as written."""
    return _clip(count.actor or count.speaker or "", MAX_LABEL_WORDS)


def _first_quoted(
    analysis: Analysis, counts: Sequence[SourceCount], name: str
) -> list[StatementRef]:
    """The first statement the article attributes to the speaker the summary calls ``name``
    (none when no statement holds their words): one sentence shows that the outlet quotes
    them and the table counts how often, where all their statements would light up most of
    an article that quotes one person throughout."""
    said = {key for c in counts if _speaker(c) == name for key in (c.entity, c.speaker) if key}
    first = next((s for s in analysis.statements if s.attributed_to in said), None)
    return [_ref(analysis, first)] if first else []


def _figure_refs(analysis: Analysis, row: FigureRow) -> list[StatementRef]:
    """The statements that give an article's figures in a row: its body's, and its
    headline's (cited as such) for the figures the row has from the headline."""
    article_id = analysis.article.id
    texts: dict[bool, set[str]] = {False: set(), True: set()}
    for number, text in enumerate(row.values.get(article_id, ())):
        texts[row.in_headline(article_id, number)].add(text)
    refs = [
        _ref(analysis, s)
        for s in _statements_with_figures(analysis.statements, analysis.quantities, texts[False])
    ]
    headline = analysis.headline
    if headline:
        refs += [
            StatementRef.of(article_id, s, headline=True)
            for s in _statements_with_figures(headline.statements, headline.quantities, texts[True])
        ]
    return refs


def _statements_with_figures(
    statements: Sequence[Statement], quantities: Sequence[Quantity], texts: set[str]
) -> list[Statement]:
    return [s for s in statements if any(quantities[k].text in texts for k in s.quantities)]


def _ref(analysis: Analysis, statement: Statement) -> StatementRef:
    return StatementRef.of(analysis.article.id, statement)


def _in_marks(terms: Sequence[str]) -> list[str]:
    return [f"“{t}”" for t in terms]


def _quoted(text: str) -> str:
    """A statement as the summary quotes it: in quotation marks, cut at a word if long."""
    text = " ".join(text.split()).strip(QUOTE_MARKS)
    if len(text) > MAX_QUOTED_TEXT:
        text = text[:MAX_QUOTED_TEXT].rsplit(" ", 1)[0] + " …"
    return f"“{text}”"
