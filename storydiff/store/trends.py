"""Following an actor, a label or a speaker through a corpus: per outlet, per week or month.

Each question is one SQL query over the store's rows, so it runs in the database however large
the corpus, and its answer is a small table: one row per period, outlet (and voice, for
labels). Articles without a publication date cannot be placed in time and are left out; the
result says how many.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storydiff.errors import check_choice
from storydiff.store import summaries
from storydiff.store.aliases import find_actor, unknown_actor
from storydiff.store.store import Store
from storydiff.store.summaries import ARTICLES_BY_ID

PERIODS = {"week": "%Y-W%W", "month": "%Y-%m"}
SUBJECTS = ("actor", "label", "speaker")

# Articles published from :since to :until (ISO dates), either of them null for no bound.
_WITHIN = (
    "(:since IS NULL OR a.published >= :since) "
    "AND (:until IS NULL OR a.published < date(:until, '+1 day'))"
)
# One query per subject. ``period`` is the strftime pattern; every query takes the subject
# (case-insensitive; an actor as its id and its names, a JSON list) and yields rows of
# period, outlet, then its measures.
_QUERIES = {
    "speaker": f"""
        SELECT strftime(:period, a.published) AS period, coalesce(a.outlet, '') AS outlet,
               count(*) AS quotes, count(DISTINCT a.id) AS articles,
               count(DISTINCT a.story_id) AS stories
        FROM quotes q JOIN {ARTICLES_BY_ID} ON a.id = q.article_id
        WHERE q.speaker = :name COLLATE NOCASE AND a.published IS NOT NULL AND {_WITHIN}
        GROUP BY period, outlet ORDER BY period, outlet""",
    "label": f"""
        SELECT strftime(:period, a.published) AS period, coalesce(a.outlet, '') AS outlet,
               l.voice AS voice, count(*) AS uses, count(DISTINCT a.id) AS articles
        FROM labels l JOIN {ARTICLES_BY_ID} ON a.id = l.article_id
        WHERE (l.term = :name COLLATE NOCASE OR l.text = :name COLLATE NOCASE)
              AND a.published IS NOT NULL AND {_WITHIN}
        GROUP BY period, outlet, voice ORDER BY period, outlet, voice""",
    "actor": f"""
        WITH names(name) AS (SELECT lower(value) FROM json_each(:names)),
        named AS (
            SELECT article_id FROM actor_mentions WHERE actor_id = :actor
            UNION SELECT article_id FROM entities WHERE lower(name) IN names
            UNION SELECT article_id FROM labels WHERE lower(actor) IN names
        )
        SELECT strftime(:period, a.published) AS period, coalesce(a.outlet, '') AS outlet,
               count(*) AS articles, count(DISTINCT a.story_id) AS stories,
               sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id
                    AND lower(q.speaker) IN names)) AS quotes_by,
               sum((SELECT count(*) FROM labels l WHERE l.article_id = a.id
                    AND lower(l.actor) IN names AND l.voice = 'own')) AS labels_own,
               sum((SELECT count(*) FROM labels l WHERE l.article_id = a.id
                    AND lower(l.actor) IN names AND l.voice <> 'own')) AS labels_quoted
        FROM articles a
        WHERE a.published IS NOT NULL AND a.id IN named AND {_WITHIN}
        GROUP BY period, outlet ORDER BY period, outlet""",
}
_UNDATED = {
    "speaker": f"""SELECT count(DISTINCT a.id) FROM quotes q
                  JOIN {ARTICLES_BY_ID} ON a.id = q.article_id
                  WHERE q.speaker = :name COLLATE NOCASE AND a.published IS NULL""",
    "label": f"""SELECT count(DISTINCT a.id) FROM labels l
                JOIN {ARTICLES_BY_ID} ON a.id = l.article_id
                WHERE (l.term = :name COLLATE NOCASE OR l.text = :name COLLATE NOCASE)
                AND a.published IS NULL""",
    "actor": """
        WITH names(name) AS (SELECT lower(value) FROM json_each(:names))
        SELECT count(*) FROM articles a WHERE a.published IS NULL AND (
            a.id IN (SELECT article_id FROM actor_mentions WHERE actor_id = :actor)
            OR a.id IN (SELECT article_id FROM entities WHERE lower(name) IN names)
            OR a.id IN (SELECT article_id FROM labels WHERE lower(actor) IN names))""",
}


@dataclass(frozen=True)
class Trend:
    """The answer: column names, rows, and how many matching articles had no date."""

    subject: str
    name: str
    period: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    undated: int

    @property
    def measure(self) -> str:
        """The column a chart plots: the first count after period and outlet (and voice)."""
        return self.columns[3] if self.subject == "label" else self.columns[2]


def trend(
    store: Store,
    subject: str,
    name: str,
    period: str = "month",
    since: str | None = None,
    until: str | None = None,
) -> Trend:
    """The trend of a subject; ``since`` and ``until`` (ISO dates) keep the periods of the
    articles published between them (an actor's counted trend: the periods that hold those
    days)."""
    check_choice("subject", subject, SUBJECTS)
    check_choice("period", period, PERIODS)
    parameters: dict[str, Any] = {"name": name}
    if subject == "actor":
        parameters.update(_actor_names(store, name))
        if parameters["actor"] is not None and summaries.current(store):
            return _counted_actor_trend(store, name, period, parameters["actor"], since, until)
    rows = store.query(
        _QUERIES[subject],
        {**parameters, "period": PERIODS[period], "since": since, "until": until},
    )
    columns = tuple(rows[0].keys()) if rows else _columns(subject)
    undated = store.query(_UNDATED[subject], parameters)[0][0]
    return Trend(subject, name, period, columns, tuple(tuple(r) for r in rows), undated)


def counted_span(store: Store, actor_id: int, period: str) -> tuple[str, str] | None:
    """The first and last period of an actor's trend, read from the counts made at grouping
    without counting the trend; None when the counts are not current or hold none."""
    if not summaries.current(store):
        return None
    first, last = store.query(
        "SELECT min(period), max(period) FROM actor_periods "
        "WHERE actor_id = ? AND kind = ? AND period IS NOT NULL",
        (actor_id, period),
    )[0]
    return (first, last) if first is not None else None


def _counted_actor_trend(
    store: Store, name: str, period: str, actor_id: int, since: str | None, until: str | None
) -> Trend:
    """An actor's trend from the counts made when the store was last grouped, the same
    rows the query over every article gives (``summaries``)."""
    columns = _columns("actor")
    rows = store.query(
        f"SELECT {', '.join(columns)} FROM actor_periods WHERE actor_id = :actor "
        "AND kind = :kind AND period IS NOT NULL "
        "AND (:since IS NULL OR period >= strftime(:pattern, :since)) "
        "AND (:until IS NULL OR period <= strftime(:pattern, :until)) ORDER BY period, outlet",
        {
            "actor": actor_id,
            "kind": period,
            "pattern": PERIODS[period],
            "since": since,
            "until": until,
        },
    )
    undated = store.query(
        "SELECT coalesce(sum(articles), 0) FROM actor_periods "
        "WHERE actor_id = ? AND kind = ? AND period IS NULL",
        (actor_id, period),
    )[0][0]
    return Trend("actor", name, period, columns, tuple(tuple(r) for r in rows), undated)


def _actor_names(store: Store, name: str) -> dict[str, Any]:
    """The actor a name is an alias of and all its names, so that "Obama" also counts the
    articles, quotes and labels of "Barack Obama"; a name no actor has may still be a label's
    group ("armed groups"). E041, with the closest names, when it is neither."""
    actor = find_actor(store, name)
    if actor is not None:
        return {"actor": actor.id, "names": json.dumps([name, *actor.names])}
    if not store.query("SELECT 1 FROM labels WHERE actor = ? COLLATE NOCASE LIMIT 1", (name,)):
        groups = store.query("SELECT DISTINCT actor FROM labels WHERE actor IS NOT NULL")
        raise unknown_actor(store, name, tuple(row[0] for row in groups))
    return {"actor": None, "names": json.dumps([name])}


def _columns(subject: str) -> tuple[str, ...]:
    return {
        "speaker": ("period", "outlet", "quotes", "articles", "stories"),
        "label": ("period", "outlet", "voice", "uses", "articles"),
        "actor": (
            "period",
            "outlet",
            "articles",
            "stories",
            "quotes_by",
            "labels_own",
            "labels_quoted",
        ),
    }[subject]
