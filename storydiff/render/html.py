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
- ``a{i}-h{start}-{end}``: a statement of article ``i``'s headline, in the title over its
  column (offsets into the title); both copies of the title carry ``data-sid`` with it;
- ``sources``, ``framing``, ``numbers``, ``points``, ``only-in``, ``articles``: the sections
  (the three tables are also ``sources-table``, ``framing-table``, ``numbers-table``); each
  heading, each point and each article carries an ``a.anchor`` linking to its own id, for a
  reader to copy;
- ``p{n}``: the ``n``-th shared point; its ``button.point`` lists ``data-targets``, the
  statement ids to highlight, which get the class ``hl`` when it is selected;
- ``related`` and ``r{n}``: the collapsed list of possibly related pairs and its ``n``-th pair,
  a ``button.point`` like a point's;
- ``summary`` and ``f{n}``: the summary and its ``n``-th sentence; one with evidence is a
  ``details.finding`` whose ``data-evidence`` lists the statement ids it lights when opened,
  and whose links (``data-targets``) lead to each; ``doubt``: the warning that the articles
  may not tell one story;
- ``headlines``: each article's title, marked like the body (its marks carry no ids: the
  title is shown twice, there and over its column, which has the statements' ids);
- ``index``: the sticky index; its outlet filter's boxes, and every article column, only-in
  list and table cell of one article, carry ``data-col="a{i}"``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import jinja2
from markupsafe import Markup

from storydiff.compare.coherence import story_doubt
from storydiff.compare.framing import actor_names
from storydiff.compare.summary import article_labels
from storydiff.model import (
    Analysis,
    Comparison,
    Copy,
    Finding,
    Label,
    Point,
    Quote,
    RemovedLine,
    Statement,
    StatementRef,
)
from storydiff.render.annotate import Annotation, annotate_html, annotate_line
from storydiff.render.charts import NARROW, labels_by_voice_chart, quote_share_chart
from storydiff.render.common import (
    VOICE_LABELS,
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
from storydiff.render.headlines import headline_notes

QUOTE_KINDS = ("direct", "indirect", "mixed")
# The report's sections in page order, each with its heading as the index names it.
SECTION_TITLES = {
    "headlines": "Headlines",
    "sources": "Who each outlet quotes",
    "framing": "How each names the actors",
    "numbers": "Figures",
    "points": "Shared points",
    "related": "Possibly related",
    "only-in": "Only in one article",
    "articles": "The articles",
}
# Up to this many articles are shown side by side, open; more start folded, each opened by
# the reader (or by selecting a point that cites it), so twenty columns stay navigable.
MAX_OPEN_ARTICLES = 4
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?\Z")
_RENDERED_ID = re.compile(r' id="([^"]+)"')


def statement_id(article: int, start: int, end: int) -> str:
    return f"a{article}-s{start}-{end}"


def headline_statement_id(article: int, start: int, end: int) -> str:
    return f"a{article}-h{start}-{end}"


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
    headline: Markup | None = None
    headline_listed: Markup | None = None
    headline_notes: tuple[str, ...] = ()

    @property
    def coverage_note(self) -> str | None:
        """ "Russian: quotes and figures only" for an article analysed in part."""
        return self.analysis.coverage.note(self.analysis.article.language)

    @property
    def title(self) -> str | Markup:
        """The title as the column heads it: annotated like the body when it was analysed."""
        return self.headline or self.analysis.article.title or "(untitled)"

    @property
    def listed_title(self) -> str | Markup:
        """The title as the list of headlines shows it: marked as over the column, without
        ids."""
        return self.headline_listed or self.title

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
    """A summary sentence with the statements that bear it out, shown under it when it is
    opened (and highlighted in the articles), and the section that tells more."""

    anchor: str
    text: str
    section: str
    citations: tuple[Citation, ...]

    @property
    def section_title(self) -> str:
        return SECTION_TITLES.get(self.section, self.section)

    @property
    def targets(self) -> str:
        return " ".join(dict.fromkeys(c.target for c in self.citations if c.target))


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
    names = actor_names(comparison.articles)
    articles = [
        _article_view(i, a, comparison, labels[i], names) for i, a in enumerate(comparison.articles)
    ]
    on_page = frozenset(i for article in articles for i in article.ids)
    style, script = _asset("report.css"), _asset("report.js")
    template = _environment().get_template(template_name)
    speakers, framing = speaker_rows(comparison), framing_rows(comparison)
    doubt = story_doubt(comparison)
    # The doubt is one of the summary's sentences; the page shows it apart, above them all.
    findings = [f for f in comparison.summary if not (doubt and f.text == doubt)]
    points = _point_views(comparison, comparison.points, "p", labels, on_page)
    related = _point_views(comparison, comparison.related, "r", labels, on_page)
    return template.render(
        title=_page_title(comparison),
        doubt=doubt,
        sections=_sections(points, related),
        quote_chart=quote_share_chart(speakers, labels)
        + quote_share_chart(speakers, labels, NARROW),
        labels_chart=labels_by_voice_chart(framing, labels)
        + labels_by_voice_chart(framing, labels, NARROW),
        findings=_finding_views(comparison, labels, findings, on_page),
        copies=_copies(comparison, labels),
        labels=labels,
        articles=articles,
        rows=speakers,
        only_one_label=lambda row: _only_one_label(row, labels),
        points=points,
        related=related,
        open_articles=len(articles) <= MAX_OPEN_ARTICLES,
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


def _sections(points: Sequence[PointView], related: Sequence[PointView]) -> list[tuple[str, str]]:
    """The index: every section, the lists with their lengths; the related pairs only when
    there are some."""
    counted = {"points": len(points), "related": len(related)}
    return [
        (anchor, f"{title} ({counted[anchor]})" if anchor in counted else title)
        for anchor, title in SECTION_TITLES.items()
        if anchor != "related" or related
    ]


def _only_one_label(row: SpeakerRow, labels: list[str]) -> str:
    return f"only {labels[row.only_index]}" if row.only_index is not None else ""


def _article_view(
    index: int, analysis: Analysis, comparison: Comparison, label: str, names: dict[str, str]
) -> ArticleView:
    article = analysis.article
    annotations = [
        *(Annotation(h.start, h.end, "heading") for h in article.headings),
        *_statement_annotations(index, analysis, comparison),
        *_quote_annotations(analysis.quotes, lambda number: quote_id(index, number)),
    ]
    body = annotate_html(article.text, annotations)
    headline = _headline_markup(index, analysis, with_ids=True)
    published = (article.published or "").strip()
    return ArticleView(
        index=index,
        label=label,
        analysis=analysis,
        date_attr=published if _ISO_DATE.match(published) else None,
        body=body,
        ids=frozenset(_RENDERED_ID.findall(body + (headline or ""))),
        headline=headline,
        headline_listed=_headline_markup(index, analysis, with_ids=False),
        headline_notes=tuple(headline_notes(analysis.headline, names)),
    )


def _headline_markup(index: int, analysis: Analysis, *, with_ids: bool) -> Markup | None:
    """The title with what its analysis found marked as in the body: its statements (for
    the summary to point at), quotes with their speaker, and the terms for groups and the
    figures it uses. The title is shown twice, in the list of headlines and over its column:
    only the column's statements carry ids (``with_ids``), and no quote does."""
    title, headline = analysis.article.title, analysis.headline
    if not title or headline is None:
        return None
    quotes = _quote_annotations(headline.quotes, lambda number: f"a{index}-hq{number}")
    statements = []
    for statement in headline.statements:
        sid = headline_statement_id(index, statement.start, statement.end)
        attrs = {"id": sid, "data-sid": sid} if with_ids else {"data-sid": sid}
        statements.append(Annotation(statement.start, statement.end, "stmt", attrs))
    annotations = [
        *statements,
        *(q._replace(attrs={k: v for k, v in q.attrs.items() if k != "id"}) for q in quotes),
        *(
            Annotation(x.start, x.end, "term-use", {"class": f"voice-{_voice(x)}"})
            for x in headline.labels
        ),
        *(Annotation(q.start, q.end, "figure") for q in headline.quantities),
    ]
    return annotate_line(title, annotations)


def _voice(label: Label) -> str:
    """A label's voice as a CSS class: one of the known three, else ``other``."""
    return label.voice if label.voice in VOICE_LABELS else "other"


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


def _quote_annotations(quotes: Sequence[Quote], qid_of: Callable[[int], str]) -> list[Annotation]:
    annotations = []
    for number, quote in enumerate(quotes):
        qid = qid_of(number)
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
        yield _cite(ref, comparison, positions, labels, on_page)


def _cite(
    ref: StatementRef,
    comparison: Comparison,
    positions: dict[str, int],
    labels: list[str],
    on_page: frozenset[str],
) -> Citation:
    index = positions.get(ref.article)
    if index is None:
        return Citation("unknown article", ref.text, None)
    article = comparison.articles[index].article
    cited = (article.title or "") if ref.headline else article.text
    text = ref.text or cited[max(ref.start, 0) : max(ref.end, 0)]
    label = f"{labels[index]} (headline)" if ref.headline else labels[index]
    return Citation(label, text, _ref_target(ref, positions, on_page))


def _ref_target(
    ref: StatementRef, positions: dict[str, int], on_page: frozenset[str]
) -> str | None:
    index = positions.get(ref.article)
    if index is None:
        return None
    of = headline_statement_id if ref.headline else statement_id
    return _on_page(of(index, ref.start, ref.end), on_page)


def _finding_views(
    comparison: Comparison, labels: list[str], findings: Sequence[Finding], on_page: frozenset[str]
) -> list[FindingView]:
    positions = article_positions(comparison)
    return [
        FindingView(
            f"f{number}",
            finding.text,
            finding.section,
            tuple(_cite(ref, comparison, positions, labels, on_page) for ref in finding.evidence),
        )
        for number, finding in enumerate(findings)
    ]


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


__all__ = [
    "headline_statement_id",
    "quote_id",
    "render_comparison_fragment",
    "render_comparison_html",
    "statement_id",
]


def _copies(comparison: Comparison, labels: list[str]) -> dict[str, tuple[str, Copy]]:
    """Each copied article, with the label of the article it copies and the copy finding."""
    positions = article_positions(comparison)
    return {c.article: (labels[positions[c.copy_of]], c) for c in comparison.copies}
