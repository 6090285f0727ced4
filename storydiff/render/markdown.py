"""The comparison and the per-article analyses as Markdown, for notes, tickets and diffs.

Untrusted text is flattened to one line and has every character escaped that Markdown (or the
HTML a Markdown viewer renders it to) would read as structure: emphasis, links, code, tables and
raw HTML. A scraped ``<script>`` therefore shows as text wherever the Markdown is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from storydiff.compare.framing import actor_names
from storydiff.compare.summary import article_labels, plural
from storydiff.model import Analysis, Article, Comparison, Point, RemovedLine
from storydiff.render.common import (
    FramingTerm,
    article_positions,
    evidence_line,
    framing_rows,
    numbers_rows,
    point_kind,
    quote_text,
    shareable,
    span_text,
    speaker_name,
    speaker_rows,
)
from storydiff.render.headlines import headline_notes

_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_START = re.compile(r"\d{1,9}(?=[.)](?:\s|$))|(?=[#+-])")


def md_escape(text: str | None) -> str:
    """One line of literal text, safe inside a paragraph, a list item or a table cell.

    Besides inline syntax, a leading ``#``, ``-``, ``+`` or ``1.`` is escaped: at the start of
    a list item it would open a heading, a rule or a nested list.
    """
    escaped = _SIGNIFICANT.sub(r"\\\1", " ".join((text or "").split()))
    start = _BLOCK_START.match(escaped)
    if start:
        escaped = escaped[: start.end()] + "\\" + escaped[start.end() :]
    return escaped


def render_comparison_markdown(comparison: Comparison) -> str:
    """The report of ``render_comparison_html``, for places that show Markdown; inputs named
    by file name or URL, as there."""
    comparison = shareable(comparison)
    labels = article_labels(comparison.articles)
    count = len(comparison.articles)
    lines = [f"# How {count} article{'s' if count != 1 else ''} tell the story", ""]
    lines += _summary(comparison, labels)
    lines += _headlines(comparison, labels)
    lines += _articles_list(comparison, labels)
    lines += _sources_table(comparison, labels)
    lines += _framing_table(comparison, labels)
    lines += _numbers_table(comparison, labels)
    lines += _points(comparison, labels)
    lines += _only_in(comparison, labels)
    for label, analysis in zip(labels, comparison.articles, strict=True):
        lines += _article_quotes_and_removed(label, analysis)
    return _finish(lines)


def render_analyses_markdown(analyses: Iterable[Analysis]) -> str:
    """What ``analyze --format md`` prints: one section per article."""
    return "".join(analyses_markdown(analyses))


def analyses_markdown(analyses: Iterable[Analysis]) -> Iterator[str]:
    """``render_analyses_markdown`` a section at a time, each as its analysis comes, so that
    ``analyze`` holds one article's analysis, not the corpus's (a section is written once the
    next has begun: only the last loses its trailing blank lines)."""
    previous: list[str] | None = None
    for analysis in analyses:
        if previous is not None:
            yield "\n".join(previous) + "\n"
        previous = _analysis_section(analysis)
    yield _finish(previous or [])


def _finish(lines: list[str]) -> str:
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _meta(article: Article) -> str:
    parts = [
        md_escape(article.outlet) or "unknown outlet",
        md_escape(article.published) or "undated",
        md_escape(article.source),
    ]
    if article.line is not None:
        parts[-1] += f", line {article.line}"
    if article.url:
        parts.append(md_escape(article.url))
    return " · ".join(p for p in parts if p)


def _coverage_note(analysis: Analysis) -> list[str]:
    """ "*Russian: quotes and figures only*" for an article analysed in part."""
    note = analysis.coverage.note(analysis.article.language)
    return [f"*{md_escape(note)}*", ""] if note else []


def _title(article: Article) -> str:
    return md_escape(article.title) or "(untitled)"


# A summary sentence shows this many of the statements that bear it out; the JSON has all.
SUMMARY_EVIDENCE = 3


def _summary(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    """Each summary sentence with the first statements that bear it out, so that a reader of
    plain text can check it too."""
    label_of = dict(zip((a.article.id for a in comparison.articles), labels, strict=True))
    lines = ["## Summary", ""]
    for finding in comparison.summary:
        lines.append(f"- {md_escape(finding.text)}")
        # A sentence that quotes its one statement needs no second copy of it.
        quoted = len(finding.evidence) == 1 and finding.evidence[0].text[:40] in finding.text
        for ref in () if quoted else finding.evidence[:SUMMARY_EVIDENCE]:
            label = label_of.get(ref.article, ref.article) + (" (headline)" if ref.headline else "")
            lines.append(f"  - *{md_escape(label)}*: {md_escape(ref.text)}")
        if len(finding.evidence) > SUMMARY_EVIDENCE:
            lines.append(
                f"  - and {plural(len(finding.evidence) - SUMMARY_EVIDENCE, 'more sentence')}"
            )
    return [*lines, ""]


def _headlines(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    """Each title with what reading it like a sentence of its article found in it."""
    names = actor_names(comparison.articles)
    lines = ["## Headlines", ""]
    for label, analysis in zip(labels, comparison.articles, strict=True):
        notes = headline_notes(analysis.headline, names)
        found = f" ({md_escape('; '.join(notes))})" if notes else ""
        lines.append(f"- *{md_escape(label)}*: {_title(analysis.article)}{found}")
    return [*lines, ""]


def _articles_list(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    lines = ["## Articles", ""]
    copy_of = {c.article: c for c in comparison.copies}
    positions = article_positions(comparison)
    for number, (label, analysis) in enumerate(zip(labels, comparison.articles, strict=True), 1):
        article = analysis.article
        line = f"{number}. **{md_escape(label)}**: {_title(article)} ({_meta(article)})"
        if note := analysis.coverage.note(article.language):
            line += f" — *{md_escape(note)}*"
        copy = copy_of.get(article.id)
        if copy is not None:
            origin = md_escape(labels[positions[copy.copy_of]])
            line += f"; a copy of {origin} ({copy.containment:.0%} shared), counted once"
        lines.append(line)
    return [*lines, ""]


def _table(
    heading: str,
    first_column: str,
    labels: Sequence[str],
    rows: Sequence[tuple[str, Sequence[str]]],
    empty: str,
    intro: Sequence[str] = (),
    align: str = "---",
) -> list[str]:
    """A section with one row per item and one column per article."""
    lines = [f"## {heading}", ""]
    if not rows:
        return [*lines, empty, ""]
    if intro:
        lines += [*intro, ""]
    lines.append(f"| {first_column} | " + " | ".join(md_escape(label) for label in labels) + " |")
    lines.append("| --- | " + " | ".join(align for _ in labels) + " |")
    lines += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows]
    return [*lines, ""]


def _sources_table(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    rows = []
    for row in speaker_rows(comparison):
        name = md_escape(row.speaker)
        if row.only_index is not None:
            name += f" (only {md_escape(labels[row.only_index])})"
        rows.append((name, [row.cell(k) for k in range(len(row.counts))]))
    return _table(
        "Who each outlet quotes",
        "Speaker",
        labels,
        rows,
        "No quotes were found in any article.",
        align="---:",
    )


def _framing_table(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    rows = [
        (
            md_escape(row.actor) + (" (loaded terms)" if row.contested else ""),
            [
                "; ".join(
                    f"{md_escape(t.text)} {t.voice_label} ×{t.count}{_in_headline(t)}" for t in cell
                )
                or "—"
                for cell in row.cells
            ],
        )
        for row in framing_rows(comparison)
    ]
    intro = (
        "Voices: own (the outlet's narration), attributed (someone's quoted words),",
        "scare-quoted (in quotation marks in the outlet's own sentence).",
    )
    return _table(
        "How each outlet names the actors",
        "Actor",
        labels,
        rows,
        "No terms for groups of actors were found.",
        intro,
    )


def _in_headline(term: FramingTerm) -> str:
    return f" ({term.headline} in the headline)" if term.headline else ""


def _numbers_table(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    rows = [
        (
            md_escape(row.counts) + (" (disagree)" if row.conflict else ""),
            ["; ".join(md_escape(v.shown) for v in cell) or "—" for cell in row.cells],
        )
        for row in numbers_rows(comparison)
    ]
    return _table("Figures", "What is counted", labels, rows, "No figures were found.")


def _points(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    lines = ["## Shared points", ""]
    if not comparison.points:
        lines += ["The articles share no points.", ""]
    lines += _point_items(comparison, comparison.points, labels)
    if comparison.related:
        lines += [
            f"## Possibly related ({len(comparison.related)})",
            "",
            "Sentences that may report the same fact, not stated as shared (their evidence is "
            "too weak, or the sentence would join a point whose other sentences it does not "
            "match): not counted as shared and not used in the summary.",
            "",
            *_point_items(comparison, comparison.related, labels),
        ]
    return lines


def _point_items(
    comparison: Comparison, points: Sequence[Point], labels: Sequence[str]
) -> list[str]:
    if not points:
        return []
    lines = []
    positions = article_positions(comparison)
    for number, point in enumerate(points, 1):
        kind = md_escape(point.kind) if point_kind(point.kind) == "other" else point.kind
        summary_text = f" {md_escape(point.summary)}" if point.summary else ""
        lines.append(f"{number}. **{kind}**{summary_text}")
        for ref in point.statements:
            index = positions.get(ref.article)
            label = md_escape(labels[index]) if index is not None else "unknown article"
            lines.append(f"   - *{label}*: {md_escape(ref.text)}")
        lines.append(f"   - Evidence: {md_escape(evidence_line(point))}")
    return [*lines, ""]


def _only_in(comparison: Comparison, labels: Sequence[str]) -> list[str]:
    lines: list[str] = []
    for label, analysis in zip(labels, comparison.articles, strict=True):
        statements = comparison.only_in.get(analysis.article.id, ())
        lines += [f"## Only in {md_escape(label)} ({len(statements)})", ""]
        if not statements:
            lines.append("No statement that the other articles do not also report.")
        lines += [
            f"- {md_escape(s.text or analysis.article.text[s.start : s.end])}" for s in statements
        ]
        lines.append("")
    return lines


def _article_quotes_and_removed(label: str, analysis: Analysis) -> list[str]:
    article = analysis.article
    lines = [f"## {md_escape(label)}: {_title(article)}", "", _meta(article), ""]
    lines += _coverage_note(analysis)
    lines += ["### Quotes", "", *_quote_items(analysis), ""]
    lines += ["### Removed page furniture", "", *_removed_items(article.removed), ""]
    return lines


def _analysis_section(analysis: Analysis) -> list[str]:
    article = analysis.article
    lines = [f"## {_title(article)}", "", _meta(article), ""]
    lines += _coverage_note(analysis)
    lines += ["### Quotes", "", *_quote_items(analysis), ""]
    lines += ["### Entities", "", *_entity_items(analysis), ""]
    lines += ["### Removed lines", "", *_removed_items(article.removed), ""]
    return lines


def _quote_items(analysis: Analysis) -> list[str]:
    article = analysis.article
    items = [
        f"- **{md_escape(speaker_name(q))}** ({md_escape(q.kind)}): "
        f"{md_escape(quote_text(article, q))}"
        for q in analysis.quotes
    ]
    return items or ["None found."]


def _entity_items(analysis: Analysis) -> list[str]:
    items = []
    for entity in analysis.entities:
        roles = f"; {md_escape(', '.join(entity.roles))}" if entity.roles else ""
        mentions = _distinct(span_text(analysis.article, m) for m in entity.mentions)
        named = f": {md_escape(', '.join(mentions))}" if mentions else ""
        items.append(
            f"- **{md_escape(entity.name)}** ({md_escape(entity.kind)}{roles}), "
            f"{len(entity.mentions)} mention{'s' if len(entity.mentions) != 1 else ''}{named}"
        )
    return items or ["None found."]


def _removed_items(removed: Sequence[RemovedLine]) -> list[str]:
    items = []
    for line in removed:
        where = f" (line {line.line})" if line.line is not None else ""
        items.append(f"- *{md_escape(line.reason)}*{where}: {md_escape(line.text)}")
    return items or ["Nothing removed."]


def _distinct(texts: Iterable[str]) -> list[str]:
    """Each way of naming an entity once, in order of first use."""
    return list(dict.fromkeys(" ".join(t.split()) for t in texts if t.strip()))
