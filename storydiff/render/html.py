"""The comparison as one self-contained HTML page, or as a fragment for a notebook.

Article text, titles, names and reasons all come from scraped pages, so the page is built to
survive hostile input: Jinja2 escapes everything it is given, the one piece of pre-built markup
(the annotated article text) is escaped by ``annotate_html``, and a Content-Security-Policy lets
the browser run only the script and style this module wrote (pinned by hash) and fetch nothing.

Element ids the page promises to scripts and browser tests:

- ``a{i}``: article column ``i`` (position in ``Comparison.articles``);
- ``a{i}-s{start}-{end}``: a statement in article ``i``; every fragment of it (a statement cut
  by a quote or a paragraph break is several elements) carries ``data-sid`` with that id;
- ``a{i}-q{n}``: the ``n``-th quote of article ``i``; fragments carry ``data-qid``;
- ``sources``, ``framing``, ``numbers``, ``points``, ``only-in``, ``articles``: the sections
  (the three tables are also ``sources-table``, ``framing-table``, ``numbers-table``); each
  heading, each point and each article carries an ``a.anchor`` linking to its own id, for a
  reader to copy;
- ``p{n}``: the ``n``-th shared point; its ``button.point`` lists ``data-targets``, the
  statement ids to highlight, which get the class ``hl`` when it is selected;
- ``related`` and ``r{n}``: the collapsed list of possibly related pairs and its ``n``-th pair,
  a ``button.point`` like a point's.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import jinja2
from markupsafe import Markup

from storydiff.compare.summary import article_labels
from storydiff.model import (
    Analysis,
    Comparison,
    Copy,
    Point,
    RemovedLine,
    Statement,
    StatementRef,
)
from storydiff.render.annotate import Annotation, annotate_html
from storydiff.render.charts import labels_by_voice_chart, quote_share_chart
from storydiff.render.common import (
    SpeakerRow,
    article_positions,
    evidence_line,
    framing_rows,
    numbers_rows,
    point_kind,
    shareable,
    speaker_name,
    speaker_rows,
)

QUOTE_KINDS = ("direct", "indirect", "mixed")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?\Z")
_RENDERED_ID = re.compile(r' id="([^"]+)"')


def statement_id(article: int, start: int, end: int) -> str:
    return f"a{article}-s{start}-{end}"


def quote_id(article: int, number: int) -> str:
    return f"a{article}-q{number}"


@dataclass(frozen=True)
class ArticleView:
    index: int
    label: str
    analysis: Analysis
    date_attr: str | None
    body: Markup
    ids: frozenset[str]

    @property
    def anchor(self) -> str:
        return f"a{self.index}"

    @property
    def removed(self) -> tuple[RemovedLine, ...]:
        return self.analysis.article.removed


@dataclass(frozen=True)
class Citation:
    """A statement as a list shows it: where it is from, its words, and its id if on the page."""

    label: str
    text: str
    target: str | None


@dataclass(frozen=True)
class PointView:
    anchor: str
    kind: str
    raw_kind: str
    summary: str
    citations: tuple[Citation, ...]
    evidence: str

    @property
    def targets(self) -> str:
        return " ".join(c.target for c in self.citations if c.target)


@dataclass(frozen=True)
class FindingView:
    """A summary sentence: selecting it highlights its evidence; without evidence on the page
    it links to the section that tells more."""

    text: str
    section: str
    targets: str


@dataclass(frozen=True)
class OnlyInView:
    article: ArticleView
    citations: tuple[Citation, ...]


def render_comparison_html(comparison: Comparison) -> str:
    """The report as one HTML file that opens anywhere, offline, with nothing to install.

    Inputs are named by file name or URL (``shareable``), so the file can be sent on."""
    return _render(comparison, "report.html.j2", interactive=True)


def render_comparison_fragment(comparison: Comparison) -> str:
    """The report as one ``<div class="storydiff-report">`` to show inside another page (a
    Jupyter notebook): its style scoped to that element, so the host page keeps its own look,
    and no script, which a notebook may not run; the page's selecting and highlighting needs
    ``render_comparison_html``."""
    return _render(comparison, "report_fragment.html.j2", interactive=False)


def _render(comparison: Comparison, template_name: str, *, interactive: bool) -> str:
    comparison = shareable(comparison)
    labels = article_labels(comparison.articles)
    articles = [
        _article_view(i, a, comparison, labels[i]) for i, a in enumerate(comparison.articles)
    ]
    on_page = frozenset(i for article in articles for i in article.ids)
    style, script = _asset("report.css"), _asset("report.js")
    template = _environment().get_template(template_name)
    speakers, framing = speaker_rows(comparison), framing_rows(comparison)
    return template.render(
        title=_page_title(comparison),
        quote_chart=quote_share_chart(speakers, labels),
        labels_chart=labels_by_voice_chart(framing, labels),
        findings=_finding_views(comparison, on_page),
        copies=_copies(comparison, labels),
        labels=labels,
        articles=articles,
        rows=speakers,
        only_one_label=lambda row: _only_one_label(row, labels),
        points=_point_views(comparison, comparison.points, "p", labels, on_page),
        related=_point_views(comparison, comparison.related, "r", labels, on_page),
        only_in=_only_in_views(comparison, articles, on_page),
        framing=framing,
        numbers=numbers_rows(comparison),
        style=style,
        script=script,
        csp=_content_security_policy(style, script),
        interactive=interactive,
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storydiff.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _asset(name: str) -> Markup:
    """Inline CSS or JS, trusted (it is ours) and checked not to end its own element early."""
    environment = _environment()
    assert environment.loader is not None
    source = environment.loader.get_source(environment, name)[0]
    if re.search(r"</(script|style)", source, re.IGNORECASE):
        raise ValueError(f"{name} must not contain a closing script or style tag")
    return Markup(source)


def _content_security_policy(style: str, script: str) -> str:
    """Allow exactly our inline style and script and nothing else: no fetches, no plugins."""

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    return (
        f"default-src 'none'; style-src 'sha256-{digest(style)}'; "
        f"script-src 'sha256-{digest(script)}'; connect-src 'none'; img-src 'none'; "
        "font-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
        "worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _page_title(comparison: Comparison) -> str:
    titles = [a.article.title for a in comparison.articles if a.article.title]
    count = len(comparison.articles)
    story = " ".join(titles[0].split()) if titles else "story"
    return f"storydiff: {story} ({count} article{'s' if count != 1 else ''})"


def _only_one_label(row: SpeakerRow, labels: list[str]) -> str:
    return f"only {labels[row.only_index]}" if row.only_index is not None else ""


def _article_view(
    index: int, analysis: Analysis, comparison: Comparison, label: str
) -> ArticleView:
    article = analysis.article
    annotations = [
        *(Annotation(h.start, h.end, "heading") for h in article.headings),
        *_statement_annotations(index, analysis, comparison),
        *_quote_annotations(index, analysis),
    ]
    body = annotate_html(article.text, annotations)
    published = (article.published or "").strip()
    return ArticleView(
        index=index,
        label=label,
        analysis=analysis,
        date_attr=published if _ISO_DATE.match(published) else None,
        body=body,
        ids=frozenset(_RENDERED_ID.findall(body)),
    )


def _statement_annotations(
    index: int, analysis: Analysis, comparison: Comparison
) -> list[Annotation]:
    """Every statement the page may point at, marked shared or only-here for the reader."""
    article_id = analysis.article.id
    classes: dict[tuple[int, int], set[str]] = {}
    for statement in analysis.statements:
        classes.setdefault((statement.start, statement.end), set())
    for point in comparison.points:
        for ref in point.statements:
            if ref.article == article_id:
                classes.setdefault((ref.start, ref.end), set()).add("shared")
    for statement in comparison.only_in.get(article_id, ()):
        classes.setdefault((statement.start, statement.end), set()).add("only")
    annotations = []
    for (start, end), extra in sorted(classes.items()):
        sid = statement_id(index, start, end)
        attrs = {"class": " ".join(sorted(extra)), "id": sid, "data-sid": sid}
        annotations.append(Annotation(start, end, "stmt", attrs))
    return annotations


def _quote_annotations(index: int, analysis: Analysis) -> list[Annotation]:
    annotations = []
    for number, quote in enumerate(analysis.quotes):
        qid = quote_id(index, number)
        name = speaker_name(quote)
        kind = quote.kind if quote.kind in QUOTE_KINDS else "other"
        attrs = {
            "class": f"quote-{kind}",
            "id": qid,
            "data-qid": qid,
            "data-speaker": name,
            "title": name,
        }
        for piece_number, piece in enumerate(quote.pieces or (quote.content,)):
            label = name if piece_number == 0 else None
            annotations.append(Annotation(piece.start, piece.end, "quote", attrs, "mark", label))
    return annotations


def _point_views(
    comparison: Comparison,
    points: Sequence[Point],
    prefix: str,
    labels: list[str],
    on_page: frozenset[str],
) -> list[PointView]:
    """Shared points (anchors p0, p1, ...) or possibly related pairs (r0, r1, ...)."""
    positions = article_positions(comparison)
    return [
        PointView(
            anchor=f"{prefix}{number}",
            kind=point_kind(point.kind),
            raw_kind=point.kind,
            summary=point.summary,
            citations=tuple(_point_citations(point, comparison, positions, labels, on_page)),
            evidence=evidence_line(point),
        )
        for number, point in enumerate(points)
    ]


def _point_citations(
    point: Point,
    comparison: Comparison,
    positions: dict[str, int],
    labels: list[str],
    on_page: frozenset[str],
) -> Iterable[Citation]:
    for ref in point.statements:
        index = positions.get(ref.article)
        if index is None:
            yield Citation("unknown article", ref.text, None)
            continue
        article = comparison.articles[index].article
        text = ref.text or article.text[max(ref.start, 0) : max(ref.end, 0)]
        yield Citation(labels[index], text, _ref_target(ref, positions, on_page))


def _ref_target(
    ref: StatementRef, positions: dict[str, int], on_page: frozenset[str]
) -> str | None:
    index = positions.get(ref.article)
    if index is None:
        return None
    return _on_page(statement_id(index, ref.start, ref.end), on_page)


def _finding_views(comparison: Comparison, on_page: frozenset[str]) -> list[FindingView]:
    positions = article_positions(comparison)
    views = []
    for finding in comparison.summary:
        targets = (_ref_target(ref, positions, on_page) for ref in finding.evidence)
        views.append(
            FindingView(
                finding.text,
                finding.section,
                " ".join(dict.fromkeys(t for t in targets if t)),
            )
        )
    return views


def _only_in_views(
    comparison: Comparison, articles: list[ArticleView], on_page: frozenset[str]
) -> list[OnlyInView]:
    views = []
    for view in articles:
        article = view.analysis.article
        statements = comparison.only_in.get(article.id, ())
        citations = tuple(_only_in_citation(view, s, on_page) for s in statements)
        views.append(OnlyInView(view, citations))
    return views


def _only_in_citation(view: ArticleView, statement: Statement, on_page: frozenset[str]) -> Citation:
    text = statement.text or view.analysis.article.text[statement.start : statement.end]
    sid = statement_id(view.index, statement.start, statement.end)
    return Citation(view.label, text, _on_page(sid, on_page))


def _on_page(target: str, on_page: frozenset[str]) -> str | None:
    """A target only if its element exists, so no link or highlight points at nothing."""
    return target if target in on_page else None


__all__ = ["render_comparison_fragment", "render_comparison_html", "statement_id", "quote_id"]


def _copies(comparison: Comparison, labels: list[str]) -> dict[str, tuple[str, Copy]]:
    """Each copied article, with the label of the article it copies and the copy finding."""
    positions = article_positions(comparison)
    return {c.article: (labels[positions[c.copy_of]], c) for c in comparison.copies}
