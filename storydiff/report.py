"""A comparison as a notebook and a script want it: rendered, exported, or as tables.

``storydiff.compare`` returns a ``Report``: it shows itself as the HTML report in Jupyter
(a fragment whose styles touch only itself) and says what it holds in a console,
writes HTML, Markdown or JSON, and gives its tables (who each outlet quotes, how each names
the actors, the figures, the shared points, what only one says) as lists of rows or, when
pandas is installed, as DataFrames. Every attribute of the underlying ``Comparison``
(``points``, ``articles`` …) is there too.
"""

from __future__ import annotations

from typing import Any

from storydiff.compare.summary import article_labels, plural
from storydiff.errors import Code, ConfigError, check_choice
from storydiff.model import Comparison
from storydiff.render import (
    get_renderer,
    render_comparison_fragment,
    render_comparison_html,
    render_comparison_json,
    render_comparison_markdown,
)
from storydiff.render.common import speaker_rows

TABLES = ("summary", "sources", "framing", "numbers", "points", "related", "only_in")


class Report:
    """A ``Comparison`` with ways to look at it."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison

    def __getattr__(self, name: str) -> Any:
        return getattr(self.comparison, name)

    def __repr__(self) -> str:
        """What it holds, for a console or a notebook cell: the articles by outlet, how many
        shared points, possibly related pairs and speakers."""
        count = len(self.comparison.articles)
        outlets = ", ".join(article_labels(self.comparison.articles))
        return (
            f"<Report: {plural(count, 'article')} ({outlets}), "
            f"{plural(len(self.comparison.points), 'point')}, "
            f"{plural(len(self.comparison.related), 'possibly related pair')}, "
            f"{plural(len(speaker_rows(self.comparison)), 'speaker')}>"
        )

    def _repr_html_(self) -> str:
        """A fragment, not a page: a notebook shows it inside its own page, whose look the
        report's styles (scoped to the fragment's root element) leave alone."""
        return render_comparison_fragment(self.comparison)

    def to_html(self) -> str:
        return render_comparison_html(self.comparison)

    def to_markdown(self) -> str:
        return render_comparison_markdown(self.comparison)

    def to_json(self) -> str:
        return render_comparison_json(self.comparison)

    def render(self, name: str) -> str:
        """The report as a registered renderer writes it: ``html``, ``md``, ``json``, or the
        name of a renderer another package registered."""
        return get_renderer(name)(self.comparison)

    def rows(self, table: str) -> list[dict[str, Any]]:
        """One of ``TABLES`` as flat rows, one per outlet and item, ready for any dataframe."""
        check_choice("table", table, TABLES)
        return list(getattr(self, f"_{table}_rows")())

    def frames(self) -> dict[str, Any]:
        """Every table as a pandas DataFrame (``pip install pandas``)."""
        try:
            import pandas
        except ImportError:
            raise ConfigError(
                Code.E025,
                feature="tables as DataFrames",
                package="pandas",
                install="pandas (or use .rows(table))",
            ) from None
        return {table: pandas.DataFrame(self.rows(table)) for table in TABLES}

    def _outlets(self) -> dict[str, str | None]:
        return {a.article.id: a.article.outlet for a in self.comparison.articles}

    def _summary_rows(self) -> Any:
        for number, finding in enumerate(self.comparison.summary, start=1):
            yield {
                "sentence": number,
                "text": finding.text,
                "section": finding.section,
                "evidence": len(finding.evidence),
            }

    def _sources_rows(self) -> Any:
        outlets = self._outlets()
        for article_id, sources in self.comparison.sources.items():
            for source in sources:
                yield {"article": article_id, "outlet": outlets[article_id], **source.to_dict()}

    def _framing_rows(self) -> Any:
        outlets = self._outlets()
        for row in self.comparison.framing:
            for article_id, terms in row.labels.items():
                for term in terms:
                    yield {
                        "actor": row.actor,
                        "contested": row.contested,
                        "article": article_id,
                        "outlet": outlets[article_id],
                        "term": term.text,
                        "voice": term.voice,
                        "count": term.count,
                        "headline": term.headline,
                    }

    def _numbers_rows(self) -> Any:
        outlets = self._outlets()
        for row in self.comparison.numbers:
            for article_id, values in row.values.items():
                for number, value in enumerate(values):
                    yield {
                        "counts": row.counts,
                        "conflict": row.conflict,
                        "article": article_id,
                        "outlet": outlets[article_id],
                        "value": value,
                        "headline": row.in_headline(article_id, number),
                    }

    def _points_rows(self) -> Any:
        return self._point_rows(self.comparison.points)

    def _related_rows(self) -> Any:
        return self._point_rows(self.comparison.related)

    def _point_rows(self, points: Any) -> Any:
        """Shared points or possibly related pairs: one row per statement, with the point's
        score."""
        outlets = self._outlets()
        for number, point in enumerate(points, start=1):
            for statement in point.statements:
                yield {
                    "point": number,
                    "kind": point.kind,
                    "score": round(point.score, 4),
                    "article": statement.article,
                    "outlet": outlets[statement.article],
                    "start": statement.start,
                    "end": statement.end,
                    "text": statement.text,
                }

    def _only_in_rows(self) -> Any:
        outlets = self._outlets()
        for article_id, statements in self.comparison.only_in.items():
            for statement in statements:
                yield {
                    "article": article_id,
                    "outlet": outlets[article_id],
                    "start": statement.start,
                    "end": statement.end,
                    "text": statement.text,
                }
