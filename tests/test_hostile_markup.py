"""Hostile markup in every field of an article never runs, in headless Chromium: not in the
report, not in its notebook fragment (which has no Content-Security-Policy of its own to fall
back on), not in the Markdown rendered as HTML with raw HTML allowed. Each page is judged by a
marker only executed script could set, and by its DOM holding none of the payloads' markup;
a page with the payloads left raw shows that both checks catch them."""

from __future__ import annotations

import html
import json

import pytest
from markdown_it import MarkdownIt

from storydiff.compare import compare_analyses
from storydiff.render import (
    render_comparison_fragment,
    render_comparison_html,
    render_comparison_markdown,
)

from .browser import open_page, problems, requests
from .hostile import PAYLOADS, foreign_markup, hostile_analyses, ran
from .test_browser import HOST


@pytest.fixture(scope="module")
def comparison():
    return compare_analyses(hostile_analyses())


def _page(tmp_path, name: str, markup: str):
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return open_page(path.as_uri())


def _clicked_everything(page) -> None:
    """Every link and button clicked and every folded part opened, as a curious reader would:
    a payload that waits for a click (a javascript: link) gets its chance."""
    page.evaluate(
        "document.querySelectorAll('details').forEach(d => d.open = true);"
        "document.querySelectorAll('a, button, summary').forEach(el => el.click()); true"
    )


def test_the_report_runs_no_payload_and_holds_none_of_their_markup(tmp_path, comparison):
    report = render_comparison_html(comparison)
    assert all(p.text not in report for p in PAYLOADS if "<" in p.text)  # all escaped
    with _page(tmp_path, "report.html", report) as page:
        _clicked_everything(page)
        assert not ran(page)
        assert foreign_markup(page, scripts=1, styles=1) == []
        # Nothing was even tried and stopped by the page's policy, and nothing was fetched.
        assert problems(page.events) == []
        assert [url for url in requests(page.events) if not url.startswith("file:")] == []
        shown = page.evaluate("document.body.innerText")
    for payload in PAYLOADS:  # shown as the words they are
        assert " ".join(html.unescape(payload.text).split())[:20] in " ".join(shown.split())


def test_the_notebook_fragment_runs_no_payload_in_a_page_without_a_policy(tmp_path, comparison):
    fragment = render_comparison_fragment(comparison)
    with _page(tmp_path, "notebook.html", HOST % fragment) as page:
        _clicked_everything(page)
        assert not ran(page)
        assert foreign_markup(page, scripts=0, styles=2) == []
        assert problems(page.events) == []


def test_the_markdown_passes_no_raw_html_through(tmp_path, comparison):
    markdown = render_comparison_markdown(comparison)
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown)
    page_markup = (
        f"<!DOCTYPE html><html><head><meta charset=utf-8></head><body>{rendered}</body></html>"
    )
    with _page(tmp_path, "markdown.html", page_markup) as page:
        _clicked_everything(page)
        assert not ran(page)
        assert foreign_markup(page, scripts=0, styles=0) == []
        links = page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
        assert all(link.startswith(("http:", "https:", "file:")) for link in links)


def test_the_checks_catch_payloads_left_raw(tmp_path):
    raw = "".join(f"<div>{p.text}</div>" for p in PAYLOADS)
    with _page(tmp_path, "raw.html", f"<!DOCTYPE html><html><body>{raw}</body></html>") as page:
        _clicked_everything(page)
        assert ran(page)
        found = foreign_markup(page, scripts=0, styles=0)
    assert any("onerror" in f for f in found) and any("javascript:" in f for f in found)


def test_the_payload_corpus_is_importable_data():
    kinds = {p.kind for p in PAYLOADS}
    assert {"script tag", "event handler", "javascript: URL", "data: URL", "SVG", "CSS"} <= kinds
    assert any(k == "entity-encoded" for k in kinds)
    assert len({p.id for p in PAYLOADS}) == len(PAYLOADS)
    assert json.loads(json.dumps([p.text for p in PAYLOADS]))


def test_a_trend_chart_runs_no_payload(tmp_path):
    from storydiff.render import render_trend
    from storydiff.store import Store
    from storydiff.store.trends import trend

    with Store(tmp_path / "hostile.db") as store:
        store.add(hostile_analyses())
        result = trend(store, "speaker", PAYLOADS[0].text, "month")
    assert result.rows
    svg = tmp_path / "trend.svg"
    svg.write_text(render_trend(result, "svg"), encoding="utf-8")
    with open_page(svg.as_uri()) as page:
        assert not ran(page)
        assert foreign_markup(page, scripts=0, styles=0) == []
