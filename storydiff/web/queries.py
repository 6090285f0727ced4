"""What the web app asks a store, as typed rows: each page's question is a few SQL queries that
the store's indexes answer without reading every article, so a page of a 100,000-article store
answers in well under a second.

Every figure a page shows can be asked again as an ``EvidenceQuery``: the rows behind it
(labels, quotes or articles) with the sentence each comes from, so that a reader can check any
number against the words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from storydiff.clean.outlets import Outlet, outlet_of
from storydiff.model import Analysis
from storydiff.model.languages import Coverage as LanguageCoverage
from storydiff.store import summaries
from storydiff.store.aliases import StoredActor, get_actor
from storydiff.store.store import Store
from storydiff.store.summaries import ARTICLES_BY_ID
from storydiff.store.trends import PERIODS

PAGE_SIZE = 50
# How much text either side of a finding is read to find the sentence it is in.
CONTEXT_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")


@dataclass(frozen=True)
class StoryFilters:
    """Which stories the list shows: dates (ISO, inclusive), an outlet, its country or its
    ownership, words of the articles' full text; and where the page starts: the stories
    ``older`` or ``newer`` than the story with that id (keyset paging: a page far down the
    list costs what the first does), else page ``page``, counting from 1."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    country: str | None = None
    ownership: str | None = None
    search: str | None = None
    page: int = 1
    older: str | None = None
    newer: str | None = None

    def given(self) -> dict[str, str]:
        """The filters set, as the query string names them (``q`` for ``search``)."""
        named = {
            "since": self.since,
            "until": self.until,
            "outlet": self.outlet,
            "country": self.country,
            "ownership": self.ownership,
            "q": self.search,
        }
        return {k: v for k, v in named.items() if v}


@dataclass(frozen=True)
class OutletCount:
    """An outlet with its country and ownership (from the outlet registry, as the store
    recorded them) and how many articles it has in what is counted."""

    outlet: str
    country: str | None
    ownership: str | None
    articles: int


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str | None
    first: str | None
    last: str | None
    articles: int
    origins: int
    outlets: tuple[OutletCount, ...]


@dataclass(frozen=True)
class StoriesPage:
    """A page of stories; ``more``: there are older ones, ``newer``: there are newer ones."""

    stories: tuple[StoryRow, ...]
    filters: StoryFilters
    more: bool
    outlets: tuple[str, ...]
    countries: tuple[str, ...]
    ownerships: tuple[str, ...]
    newer: bool = False


@dataclass(frozen=True)
class StoryArticle:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    copy_of: str | None


@dataclass(frozen=True)
class Coverage:
    """Of the outlets with an article in the weeks a story ran (Monday to Sunday), those that
    covered it and those that did not."""

    since: str | None
    until: str | None
    covered: tuple[OutletCount, ...]
    missed: tuple[OutletCount, ...]


@dataclass(frozen=True)
class StoryDetail:
    story: StoryRow
    articles: tuple[StoryArticle, ...]
    coverage: Coverage
    analyses: tuple[Analysis, ...] = field(repr=False, compare=False)


@dataclass(frozen=True)
class PeriodCount:
    period: str
    articles: int
    stories: int


@dataclass(frozen=True)
class SpeakerCount:
    speaker: str
    quotes: int
    articles: int


@dataclass(frozen=True)
class LabelUse:
    """How often a term names a group in a voice; ``share`` is its part of all the labels of
    that group in the outlet (or in what is counted), ``corpus_share`` the same part in the
    whole store."""

    group: str | None
    term: str
    voice: str
    uses: int
    share: float
    corpus_share: float


@dataclass(frozen=True)
class Profile:
    """An outlet's profile: what the registry knows (with where each field came from) and
    what the store recorded for its articles."""

    name: str
    known: bool
    country: str | None
    ownership: str | None
    company: str | None
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    sources: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class OutletDetail:
    profile: Profile
    articles: int
    stories: int
    periods: tuple[PeriodCount, ...]
    speakers: tuple[SpeakerCount, ...]
    labels: tuple[LabelUse, ...]


@dataclass(frozen=True)
class AliasUse:
    outlet: str
    alias: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class VoiceUse:
    outlet: str
    term: str
    voice: str
    uses: int


@dataclass(frozen=True)
class Sentence:
    """A finding in its sentence: the words before it, the finding, the words after."""

    before: str
    match: str
    after: str


@dataclass(frozen=True)
class EvidenceRow:
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None
    url: str | None
    detail: str | None
    sentence: Sentence | None
    # What the article's analysis left out ("Russian: quotes and figures only"); None when it
    # was analysed in full.
    note: str | None = None


@dataclass(frozen=True)
class QuoteRow:
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    text: str


@dataclass(frozen=True)
class ActorDetail:
    actor: StoredActor
    names: tuple[str, ...]
    aliases: tuple[AliasUse, ...]
    voices: tuple[VoiceUse, ...]
    quotes: tuple[QuoteRow, ...]


@dataclass(frozen=True)
class LabelCell:
    term: str
    outlet: str
    voice: str
    uses: int


@dataclass(frozen=True)
class LabelsPage:
    terms: tuple[str, ...]
    outlets: tuple[str, ...]
    cells: tuple[LabelCell, ...]
    page: int
    more: bool


EVIDENCE_KINDS = ("label", "quote", "article")


@dataclass(frozen=True)
class EvidenceQuery:
    """The rows behind a figure: ``kind`` says which (a label's uses, a speaker's quotes, or
    articles), the rest narrows them; ``period`` is a ``PERIODS`` period of ``by``, and
    ``word`` marks the sentence of an article where it first appears."""

    kind: str = "article"
    story: str | None = None
    outlet: str | None = None
    country: str | None = None
    ownership: str | None = None
    term: str | None = None
    voice: str | None = None
    group: str | None = None
    speaker: str | None = None
    actor: int | None = None
    word: str | None = None
    period: str | None = None
    by: str = "month"
    since: str | None = None
    until: str | None = None
    page: int = 1

    def given(self) -> dict[str, str]:
        values = {
            k: str(v) for k, v in self.__dict__.items() if v is not None and k not in {"page", "by"}
        }
        if self.period:
            values["by"] = self.by
        return values


# ------------------------------------------------------------------- stories


def stories(store: Store, filters: StoryFilters) -> StoriesPage:
    """Stories newest first (by their first article), ``PAGE_SIZE`` a page, with the
    outlets that covered each; the outlets, countries and ownerships there are to filter by."""
    where, parameters = ["1"], dict[str, Any]()
    if filters.since:
        where.append("s.last >= :since")
        parameters["since"] = filters.since
    if filters.until:
        where.append("s.first <= :until")
        parameters["until"] = filters.until + "\uffff"
    for column, value in (
        ("outlet", filters.outlet),
        ("outlet_country", filters.country),
        ("outlet_ownership", filters.ownership),
    ):
        if value:
            where.append(f"s.id IN (SELECT story_id FROM articles WHERE {column} = :{column})")
            parameters[column] = value
    if filters.search:
        where.append(
            "s.id IN (SELECT a.story_id FROM articles_fts f JOIN articles a "
            "ON a.rowid = f.rowid WHERE articles_fts MATCH :search)"
        )
        parameters["search"] = fts_phrase(filters.search)
    parameters["limit"] = PAGE_SIZE + 1
    parameters["offset"] = 0
    order = "s.first DESC, s.id DESC"
    cursor = _cursor(store, filters.newer or filters.older)
    if cursor is None:
        parameters["offset"] = (max(filters.page, 1) - 1) * PAGE_SIZE
    else:
        parameters["first"], parameters["id"] = cursor
        where.append(_NEWER if filters.newer else _OLDER)
        if filters.newer:  # read upwards from the cursor, then shown newest first
            order = "s.first ASC, s.id ASC"
    rows = store.query(
        "SELECT s.id, s.title, s.first, s.last, s.articles, s.origins FROM stories s "
        f"WHERE {' AND '.join(where)} ORDER BY {order} LIMIT :limit OFFSET :offset",
        parameters,
    )
    shown = rows[:PAGE_SIZE]
    beyond = len(rows) > PAGE_SIZE
    if cursor is not None and filters.newer:
        shown.reverse()
    if cursor is None:
        older, newer = beyond, filters.page > 1
    elif filters.newer:
        older, newer = True, beyond
    else:
        older, newer = beyond, True
    covering = _story_outlets(store, [row["id"] for row in shown])
    return StoriesPage(
        tuple(_story_row(row, covering.get(row["id"], ())) for row in shown),
        filters,
        older,
        _distinct(store, "outlet"),
        _distinct(store, "outlet_country"),
        _distinct(store, "outlet_ownership"),
        newer,
    )


# The stories after and before a story in the list's order (newest first, undated last).
_OLDER = (
    "(CASE WHEN :first IS NULL THEN s.first IS NULL AND s.id < :id "
    "ELSE s.first < :first OR (s.first = :first AND s.id < :id) OR s.first IS NULL END)"
)
_NEWER = (
    "(CASE WHEN :first IS NULL THEN s.first IS NOT NULL OR s.id > :id "
    "ELSE s.first > :first OR (s.first = :first AND s.id > :id) END)"
)


def _cursor(store: Store, story_id: str | None) -> tuple[str | None, str] | None:
    """Where a story stands in the list's order, its first date and id; None for none."""
    if not story_id:
        return None
    found = store.query("SELECT first, id FROM stories WHERE id = ?", (story_id,))
    return (found[0][0], found[0][1]) if found else None


def fts_phrase(text: str) -> str:
    """Words a reader typed as an FTS5 query that matches them all, whatever characters they
    hold (FTS5's own syntax would make ``"`` or ``-`` an error)."""
    words = text.split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words) or '""'


def _distinct(store: Store, column: str) -> tuple[str, ...]:
    """The values of an indexed article column, read from its index (a skip-scan)."""
    rows = store.query(f"SELECT DISTINCT {column} FROM articles WHERE {column} IS NOT NULL")
    return tuple(sorted(row[0] for row in rows))


def _story_outlets(store: Store, ids: Sequence[str]) -> dict[str, tuple[OutletCount, ...]]:
    found: dict[str, list[OutletCount]] = {}
    if not ids:
        return {}
    for row in store.query(
        "SELECT story_id, coalesce(outlet, '') AS outlet, max(outlet_country) AS country, "
        "max(outlet_ownership) AS ownership, count(*) AS n FROM articles "
        f"WHERE story_id IN ({','.join('?' * len(ids))}) GROUP BY story_id, outlet "
        "ORDER BY story_id, n DESC, outlet",
        list(ids),
    ):
        found.setdefault(row[0], []).append(OutletCount(row[1], row[2], row[3], row[4]))
    return {k: tuple(v) for k, v in found.items()}


def _story_row(row: Any, outlets: tuple[OutletCount, ...]) -> StoryRow:
    return StoryRow(
        row["id"], row["title"], row["first"], row["last"], row["articles"], row["origins"], outlets
    )


def story(store: Store, story_id: str) -> StoryDetail | None:
    """A story's articles (oldest first) and analyses, and its coverage; None for an unknown
    story."""
    rows = store.query(
        "SELECT id, title, first, last, articles, origins FROM stories WHERE id = ?", (story_id,)
    )
    if not rows:
        return None
    articles = store.query(
        "SELECT id, title, outlet, published, url, copy_of, analysis FROM articles "
        "WHERE story_id = ? ORDER BY published IS NULL, published, rowid",
        (story_id,),
    )
    row = _story_row(rows[0], _story_outlets(store, [story_id]).get(story_id, ()))
    return StoryDetail(
        row,
        tuple(StoryArticle(*a[:6]) for a in articles),
        coverage(store, row),
        tuple(Analysis.from_dict(json.loads(a["analysis"])) for a in articles),
    )


def coverage(store: Store, row: StoryRow) -> Coverage:
    since, until = _weeks(row.first, row.last)
    if since is None or until is None:
        return Coverage(None, None, row.outlets, ())
    covering = {o.outlet for o in row.outlets}
    active = store.query(
        "SELECT coalesce(outlet, '') AS outlet, max(outlet_country), max(outlet_ownership), "
        "count(*) FROM articles WHERE published >= ? AND published < ? "
        "GROUP BY outlet ORDER BY outlet_country IS NULL, outlet_country, outlet",
        (since, until),
    )
    missed = tuple(OutletCount(*a) for a in active if a[0] not in covering)
    return Coverage(since, until, tuple(sorted(row.outlets, key=_by_place)), missed)


def _by_place(outlet: OutletCount) -> tuple[str, str, str]:
    return (outlet.country or "\uffff", outlet.ownership or "\uffff", outlet.outlet)


def _weeks(first: str | None, last: str | None) -> tuple[str | None, str | None]:
    """The Monday of the first article's week and the Monday after the last one's."""
    try:
        start = date.fromisoformat((first or "")[:10])
        end = date.fromisoformat((last or first or "")[:10])
    except ValueError:
        return None, None
    monday = start - timedelta(days=start.weekday())
    after = end + timedelta(days=7 - end.weekday())
    return monday.isoformat(), after.isoformat()


# ------------------------------------------------------------------- outlets

TOP_SPEAKERS = 20
TOP_LABELS = 40


def outlet(store: Store, name: str) -> OutletDetail | None:
    """An outlet's profile, its articles and stories month by month, whom it quotes most and
    the labels it uses for each group by voice beside the whole store's; None when no article
    has that outlet."""
    totals = store.query(
        "SELECT count(*), count(DISTINCT story_id), max(outlet_country), max(outlet_ownership) "
        "FROM articles WHERE outlet = ?",
        (name,),
    )[0]
    if not totals[0]:
        return None
    periods = store.query(
        "SELECT strftime('%Y-%m', published) AS period, count(*), count(DISTINCT story_id) "
        "FROM articles WHERE outlet = ? AND published IS NOT NULL GROUP BY period ORDER BY period",
        (name,),
    )
    counted = summaries.current(store)
    speakers = store.query(_COUNTED_SPEAKERS if counted else _SPEAKERS, (name, TOP_SPEAKERS))
    if counted:
        labels = _counted_label_uses(store, name)
    else:
        labels = label_uses(store, "a.outlet = ?", (name,))
    return OutletDetail(
        _profile(name, outlet_of(name), totals[2], totals[3]),
        totals[0],
        totals[1],
        tuple(PeriodCount(*p) for p in periods),
        tuple(SpeakerCount(*s) for s in speakers),
        labels,
    )


# An outlet's most quoted, from its quotes, or from the counts made at grouping (summaries).
_SPEAKERS = (
    "SELECT q.speaker, count(*) AS n, count(DISTINCT q.article_id) FROM articles a "
    "JOIN quotes q ON q.article_id = a.id WHERE a.outlet = ? AND q.speaker IS NOT NULL "
    "GROUP BY q.speaker ORDER BY n DESC, q.speaker LIMIT ?"
)
_COUNTED_SPEAKERS = (
    "SELECT speaker, quotes, articles FROM outlet_speakers WHERE outlet = ? "
    "ORDER BY quotes DESC, speaker LIMIT ?"
)


def _counted_label_uses(store: Store, name: str) -> tuple[LabelUse, ...]:
    """``label_uses`` of an outlet, from the counts made at grouping."""
    rows = store.query(
        "SELECT actor, term, voice, uses FROM outlet_labels WHERE outlet = ?", (name,)
    )
    return _shares(
        store,
        [tuple(r) for r in rows],
        "SELECT actor, term, voice, sum(uses) FROM outlet_labels WHERE actor IN ({marks}) "
        "GROUP BY actor, term, voice",
    )


def _profile(name: str, known: Outlet | None, country: str | None, owner: str | None) -> Profile:
    if known is None:
        return Profile(name, False, country, owner, None, (), (), {})
    return Profile(
        name,
        True,
        known.country or country,
        known.ownership or owner,
        known.company,
        known.aliases,
        known.domains,
        {f: known.source_of(f) for f in ("country", "ownership", "company") if known.source_of(f)},
    )


def label_uses(store: Store, where: str, parameters: Sequence[Any]) -> tuple[LabelUse, ...]:
    """The commonest (group, term, voice) of the labels of the articles ``where`` selects,
    each with its share of the group's labels there and in the whole store."""
    rows = store.query(
        "SELECT l.actor, l.term, l.voice, count(*) AS n FROM articles a "
        f"JOIN labels l ON l.article_id = a.id WHERE {where} "
        "GROUP BY l.actor, l.term, l.voice",
        parameters,
    )
    return _shares(
        store,
        [tuple(r) for r in rows],
        "SELECT actor, term, voice, count(*) FROM labels WHERE actor IN ({marks}) "
        "GROUP BY actor, term, voice",
    )


def _shares(
    store: Store, rows: Sequence[tuple[Any, ...]], corpus_query: str
) -> tuple[LabelUse, ...]:
    """The commonest of ``(group, term, voice, uses)`` rows, each with its share of its
    group's uses in them and, by ``corpus_query`` (a query with ``{marks}`` for the groups),
    in the whole store."""
    group_totals: dict[str | None, int] = {}
    for row in rows:
        group_totals[row[0]] = group_totals.get(row[0], 0) + row[3]
    top = sorted(rows, key=lambda r: (-r[3], r[0] or "", r[1], r[2]))[:TOP_LABELS]
    groups = sorted({row[0] for row in top if row[0] is not None})
    corpus: dict[tuple[str | None, str, str], int] = {}
    corpus_totals: dict[str | None, int] = {}
    for chunk in _chunks(groups, 500):
        for group, term, voice, uses in store.query(
            corpus_query.format(marks=",".join("?" * len(chunk))), chunk
        ):
            corpus[(group, term, voice)] = uses
            corpus_totals[group] = corpus_totals.get(group, 0) + uses
    return tuple(
        LabelUse(
            r[0],
            r[1],
            r[2],
            r[3],
            r[3] / group_totals[r[0]],
            corpus.get((r[0], r[1], r[2]), 0) / corpus_totals[r[0]] if r[0] in corpus_totals else 0,
        )
        for r in top
    )


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[k : k + size] for k in range(0, len(items), size)]


# -------------------------------------------------------------------- actors

TOP_QUOTES = 50


def actor(store: Store, actor_id: int) -> ActorDetail | None:
    """An actor: what each outlet calls it (every alias, by outlet), the labels outlets give it
    by voice, and what it is quoted saying, newest first."""
    found = get_actor(store, actor_id)
    if found is None:
        return None
    names = actor_names(found)
    marks = ",".join("?" * len(names))
    aliases = store.query(_COUNTED_ALIASES if summaries.current(store) else _ALIASES, (actor_id,))
    voices = store.query(
        "SELECT coalesce(a.outlet, '') AS outlet, l.term, l.voice, count(*) AS n FROM labels l "
        f"JOIN {ARTICLES_BY_ID} ON a.id = l.article_id WHERE l.actor IN ({marks}) "
        "GROUP BY outlet, l.term, l.voice ORDER BY outlet, n DESC, l.term",
        names,
    )
    # The newest quotes are picked from the index first; only those fifty read their text.
    quotes = store.query(
        "WITH newest AS (SELECT q.rowid AS quote, a.rowid AS article, a.published, q.number "
        f"FROM quotes q JOIN {ARTICLES_BY_ID} ON a.id = q.article_id "
        f"WHERE q.speaker IN ({marks}) "
        "ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC, q.number LIMIT ?) "
        "SELECT a.id, a.title, a.outlet, a.published, q.text FROM newest n "
        "JOIN quotes q ON q.rowid = n.quote JOIN articles a ON a.rowid = n.article "
        "ORDER BY n.published IS NULL, n.published DESC, n.article DESC, n.number",
        (*names, TOP_QUOTES),
    )
    return ActorDetail(
        found,
        names,
        tuple(AliasUse(*a) for a in aliases),
        tuple(VoiceUse(*v) for v in voices),
        tuple(QuoteRow(*q) for q in quotes),
    )


# What each outlet calls an actor, from its mentions, or from the counts made at grouping.
_ALIASES = (
    "SELECT coalesce(a.outlet, '') AS outlet, m.alias, count(DISTINCT m.article_id) AS n, "
    f"sum(m.mentions) FROM actor_mentions m JOIN {ARTICLES_BY_ID} ON a.id = m.article_id "
    "WHERE m.actor_id = ? GROUP BY outlet, m.alias ORDER BY outlet, n DESC, m.alias"
)
_COUNTED_ALIASES = (
    "SELECT outlet, alias, articles, mentions FROM actor_outlet_aliases WHERE actor_id = ? "
    "ORDER BY outlet, articles DESC, alias"
)


def actor_names(found: StoredActor) -> tuple[str, ...]:
    """The names quotes' speakers and labels' groups write the actor by."""
    return tuple(dict.fromkeys((found.name, *found.names)))


# -------------------------------------------------------------------- labels

LABEL_TERMS = 40
LABEL_OUTLETS = 12


# The commonest terms and their uses by outlet and voice, from the labels, or from the
# counts made at grouping (summaries).
_LABEL_TERMS = "SELECT term FROM labels GROUP BY term ORDER BY count(*) DESC, term LIMIT ? OFFSET ?"
_COUNTED_LABEL_TERMS = (
    "SELECT term FROM outlet_labels GROUP BY term ORDER BY sum(uses) DESC, term LIMIT ? OFFSET ?"
)
_LABEL_CELLS = (
    "SELECT l.term, coalesce(a.outlet, '') AS outlet, l.voice, count(*) FROM labels l "
    f"JOIN {ARTICLES_BY_ID} ON a.id = l.article_id WHERE l.term IN ({{marks}}) "
    "GROUP BY l.term, outlet, l.voice"
)
_COUNTED_LABEL_CELLS = (
    "SELECT term, outlet, voice, sum(uses) FROM outlet_labels WHERE term IN ({marks}) "
    "GROUP BY term, outlet, voice"
)


def labels(store: Store, page: int = 1) -> LabelsPage:
    """The commonest terms (``LABEL_TERMS`` a page) by the outlets with most labels, each
    cell a term's uses by an outlet in one voice."""
    offset = (max(page, 1) - 1) * LABEL_TERMS
    counted = summaries.current(store)
    terms = [
        row[0]
        for row in store.query(
            _COUNTED_LABEL_TERMS if counted else _LABEL_TERMS, (LABEL_TERMS + 1, offset)
        )
    ]
    shown = terms[:LABEL_TERMS]
    if not shown:
        return LabelsPage((), (), (), page, False)
    marks = ",".join("?" * len(shown))
    cells = [
        LabelCell(*row)
        for row in store.query(
            (_COUNTED_LABEL_CELLS if counted else _LABEL_CELLS).format(marks=marks), shown
        )
    ]
    totals: dict[str, int] = {}
    for cell in cells:
        totals[cell.outlet] = totals.get(cell.outlet, 0) + cell.uses
    outlets = tuple(sorted(totals, key=lambda o: (-totals[o], o))[:LABEL_OUTLETS])
    kept = tuple(c for c in cells if c.outlet in outlets)
    return LabelsPage(tuple(shown), outlets, kept, page, len(terms) > LABEL_TERMS)


# ------------------------------------------------------------------ evidence

EVIDENCE_PAGE = 50


def evidence(store: Store, query: EvidenceQuery) -> tuple[tuple[EvidenceRow, ...], bool]:
    """The rows behind a figure, newest first, ``EVIDENCE_PAGE`` a page, each with its
    sentence; and whether there are more."""
    where, parameters = _article_filters(store, query)
    if query.kind == "label":
        table, detail = "labels f", "f.voice"
        if query.term:
            where.append("(f.term = ? OR f.text = ?)")
            parameters += [query.term, query.term]
        if query.voice:
            where.append("f.voice = ?")
            parameters.append(query.voice)
        if query.group:
            where.append("f.actor = ?")
            parameters.append(query.group)
    elif query.kind == "quote":
        table, detail = "quotes f", "f.speaker"
        if query.speaker:
            where.append("f.speaker = ?")
            parameters.append(query.speaker)
    else:
        table, detail = "", "NULL"
    offset = (max(query.page, 1) - 1) * EVIDENCE_PAGE
    span = "f.start, f.end" if table else "NULL, NULL"
    joined = f"FROM {table} JOIN articles a ON a.id = f.article_id" if table else "FROM articles a"
    rows = store.query(
        f"SELECT a.id, a.title, a.outlet, a.published, a.story_id, a.url, {detail}, {span} "
        f"{joined} WHERE {' AND '.join(where) or '1'} "
        "ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC LIMIT ? OFFSET ?",
        (*parameters, EVIDENCE_PAGE + 1, offset),
    )
    shown = rows[:EVIDENCE_PAGE]
    notes = stored_notes(store, sorted({row[0] for row in shown}))
    return tuple(
        EvidenceRow(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            _sentence(store, row[0], row[7], row[8], query.word),
            notes.get(row[0]),
        )
        for row in shown
    ), len(rows) > EVIDENCE_PAGE


def stored_notes(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Article id -> what its analysis left out, for the given articles analysed in part: a
    reader of the evidence must not take a finding that was never looked for in a Russian
    article as one it lacks. Only the analysis' ``analysis`` block is read, not the whole."""
    if not ids:
        return {}
    rows = store.query(
        "SELECT id, language, json_extract(analysis, '$.analysis') FROM articles "
        f"WHERE id IN ({', '.join('?' * len(ids))})",
        tuple(ids),
    )
    notes = {}
    for article, language, block in rows:
        note = LanguageCoverage.from_dict(json.loads(block) if block else None).note(
            language or "en"
        )
        if note is not None:
            notes[article] = note
    return notes


def _article_filters(store: Store, query: EvidenceQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    parameters: list[Any] = []
    for column, value in (
        ("a.story_id", query.story),
        ("a.outlet", query.outlet),
        ("a.outlet_country", query.country),
        ("a.outlet_ownership", query.ownership),
    ):
        if value is not None:
            where.append(f"{column} = ?" if value else f"({column} IS NULL OR {column} = '')")
            parameters.extend([value] if value else [])
    if query.period:
        where.append(f"strftime('{PERIODS[query.by]}', a.published) = ?")
        parameters.append(query.period)
    if query.since:
        where.append("a.published >= ?")
        parameters.append(query.since)
    if query.until:
        where.append("a.published < ?")
        parameters.append(query.until)
    if query.actor is not None:
        found = get_actor(store, query.actor)
        names = list(actor_names(found)) if found else []
        if query.kind == "quote" and not query.speaker:
            where.append(f"f.speaker IN ({','.join('?' * len(names)) or 'NULL'})")
            parameters.extend(names)
        elif query.kind == "label" and not query.group:
            where.append(f"f.actor IN ({','.join('?' * len(names)) or 'NULL'})")
            parameters.extend(names)
        else:
            where.append(
                "a.id IN (SELECT article_id FROM actor_mentions WHERE actor_id = ?"
                + (" AND alias = ?)" if query.word else ")")
            )
            parameters.extend([query.actor, query.word] if query.word else [query.actor])
    return where, parameters


def _sentence(
    store: Store, article_id: str, start: int | None, end: int | None, word: str | None
) -> Sentence | None:
    """The sentence of a finding (its span), or of the first use of ``word`` (any case);
    only the text around it is read from the store."""
    if start is None or end is None:
        if not word:
            return None
        found = store.query(
            "SELECT instr(lower(text), lower(?)) - 1 FROM articles WHERE id = ?",
            (word, article_id),
        )
        if not found or found[0][0] < 0:
            return None
        start = found[0][0]
        end = start + len(word)
    first = max(start - CONTEXT_CHARS, 0)
    window = store.query(
        "SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
        (first + 1, end - first + CONTEXT_CHARS, article_id),
    )[0][0]
    return sentence_of(window, start - first, end - first)


def sentence_of(text: str, start: int, end: int) -> Sentence:
    """The sentence of ``text`` holding ``text[start:end]``, split around it (from the end of
    the sentence before, or the text's start, to the end of its own, or the text's end)."""
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    begin = ends_before[-1] if ends_before else 0
    after = _SENTENCE_END.search(text, end)
    stop = after.start() + 1 if after else len(text)
    return Sentence(text[begin:start].lstrip(), text[start:end], text[end:stop].rstrip())
