"""Following an actor, a label or a speaker through a corpus: per outlet, per week or month.

Each question is one SQL query over the store's rows, so it runs in the database however large
the corpus, and its answer is a small table: one row per period, outlet (and voice, for
labels). Articles without a publication date cannot be placed in time and are left out; the
result says how many.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storydiff.errors import check_choice
from storydiff.store.store import Store

PERIODS = {"week": "%Y-W%W", "month": "%Y-%m"}
SUBJECTS = ("actor", "label", "speaker")

# One query per subject. ``period`` is the strftime pattern; every query takes the subject
# (case-insensitive) twice at most and yields rows of period, outlet, then its measures.
_QUERIES = {
    "speaker": """
        SELECT strftime(:period, a.published) AS period, coalesce(a.outlet, '') AS outlet,
               count(*) AS quotes, count(DISTINCT a.id) AS articles,
               count(DISTINCT a.story_id) AS stories
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.speaker = :name COLLATE NOCASE AND a.published IS NOT NULL
        GROUP BY period, outlet ORDER BY period, outlet""",
    "label": """
        SELECT strftime(:period, a.published) AS period, coalesce(a.outlet, '') AS outlet,
               l.voice AS voice, count(*) AS uses, count(DISTINCT a.id) AS articles
        FROM labels l JOIN articles a ON a.id = l.article_id
        WHERE (l.term = :name COLLATE NOCASE OR l.text = :name COLLATE NOCASE)
              AND a.published IS NOT NULL
        GROUP BY period, outlet, voice ORDER BY period, outlet, voice""",
    "actor": """
        WITH named AS (
            SELECT DISTINCT e.article_id FROM entities e WHERE e.name = :name COLLATE NOCASE
        )
        SELECT strftime(:period, a.published) AS period, coalesce(a.outlet, '') AS outlet,
               count(*) AS articles, count(DISTINCT a.story_id) AS stories,
               sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id
                    AND q.speaker = :name COLLATE NOCASE)) AS quotes_by,
               sum((SELECT count(*) FROM labels l WHERE l.article_id = a.id
                    AND l.actor = :name COLLATE NOCASE AND l.voice = 'own')) AS labels_own,
               sum((SELECT count(*) FROM labels l WHERE l.article_id = a.id
                    AND l.actor = :name COLLATE NOCASE AND l.voice <> 'own')) AS labels_quoted
        FROM articles a
        WHERE a.published IS NOT NULL
              AND (a.id IN (SELECT article_id FROM named)
                   OR a.id IN (SELECT article_id FROM labels WHERE actor = :name COLLATE NOCASE))
        GROUP BY period, outlet ORDER BY period, outlet""",
}
_UNDATED = {
    "speaker": """SELECT count(DISTINCT a.id) FROM quotes q JOIN articles a ON a.id = q.article_id
                  WHERE q.speaker = :name COLLATE NOCASE AND a.published IS NULL""",
    "label": """SELECT count(DISTINCT a.id) FROM labels l JOIN articles a ON a.id = l.article_id
                WHERE (l.term = :name COLLATE NOCASE OR l.text = :name COLLATE NOCASE)
                AND a.published IS NULL""",
    "actor": """SELECT count(*) FROM articles a WHERE a.published IS NULL AND (
                a.id IN (SELECT article_id FROM entities WHERE name = :name COLLATE NOCASE)
                OR a.id IN (SELECT article_id FROM labels WHERE actor = :name COLLATE NOCASE))""",
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


def trend(store: Store, subject: str, name: str, period: str = "month") -> Trend:
    check_choice("subject", subject, SUBJECTS)
    check_choice("period", period, PERIODS)
    parameters = {"name": name, "period": PERIODS[period]}
    rows = store.query(_QUERIES[subject], parameters)
    columns = tuple(rows[0].keys()) if rows else _columns(subject)
    undated = store.query(_UNDATED[subject], {"name": name})[0][0]
    return Trend(subject, name, period, columns, tuple(tuple(r) for r in rows), undated)


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
