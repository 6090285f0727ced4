"""The report in a real browser: it loads clean, fetches nothing, and points highlight their
sentences when a reader clicks them or uses the keyboard."""

from __future__ import annotations

import json

import pytest

from storydiff.compare import compare_analyses
from storydiff.compare.align import Thresholds
from storydiff.render import render_comparison_fragment, render_comparison_html

from .browser import open_page, problems, requests

HIGHLIGHTED = """(() => {
  const control = document.querySelector(%s);
  const ids = control.getAttribute("data-targets").split(/\\s+/);
  return JSON.stringify({
    pressed: control.getAttribute("aria-pressed"),
    targets: ids,
    lit: ids.filter(id => document.querySelector('[data-sid="' + id + '"].hl') !== null),
    all: [...new Set([...document.querySelectorAll(".hl")].map(e => e.dataset.sid))],
  });
})()"""


@pytest.fixture(scope="module")
def report(tmp_path_factory, seed_analyses):
    # Thresholds low enough that the seeds have both tiers: what is tested here is the page.
    thresholds = Thresholds(point=0.25, related=0.05)
    comparison = compare_analyses(list(seed_analyses.values()), thresholds=thresholds)
    assert len(comparison.points) >= 2 and comparison.related
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_comparison_html(comparison), encoding="utf-8")
    return path


def _state(page, selector: str) -> dict:
    return json.loads(page.evaluate(HIGHLIGHTED % json.dumps(selector)))


def test_the_report_loads_with_no_console_error_and_fetches_nothing(report):
    with open_page(report.as_uri()) as page:
        assert page.evaluate("document.querySelectorAll('button.point').length") > 0
        assert problems(page.events) == []
        assert [url for url in requests(page.events) if not url.startswith("file:")] == []


def test_clicking_a_point_highlights_its_sentences_in_every_article(report):
    with open_page(report.as_uri()) as page:
        page.click("#p1 button.point")
        state = _state(page, "#p1 button.point")
        assert state["pressed"] == "true"
        assert state["targets"] and state["lit"] == state["targets"]
        assert set(state["all"]) == set(state["targets"])
        articles = {target.split("-", 1)[0] for target in state["targets"]}
        assert len(articles) == 2
        assert problems(page.events) == []


def test_the_keyboard_selects_a_point_and_escape_clears_it(report):
    with open_page(report.as_uri()) as page:
        page.evaluate("document.querySelector('#p0 button.point').focus()")
        page.press("Enter", "Enter", 13, "\r")
        state = _state(page, "#p0 button.point")
        assert state["pressed"] == "true" and state["lit"] == state["targets"]
        page.press("Escape", "Escape", 27)
        state = _state(page, "#p0 button.point")
        assert state["pressed"] == "false" and state["all"] == []


def test_a_summary_sentence_highlights_its_evidence(report):
    with open_page(report.as_uri()) as page:
        page.click("button.finding")
        state = _state(page, "button.finding")
        assert state["targets"] and state["lit"] == state["targets"]
        assert problems(page.events) == []


def test_possibly_related_pairs_are_collapsed_until_opened_and_then_highlight(report):
    with open_page(report.as_uri()) as page:
        assert page.evaluate("document.querySelector('details.related').open") is False
        assert (
            page.evaluate("document.querySelector('#r0 button.point').checkVisibility()") is False
        )
        page.click("details.related > summary")
        page.click("#r0 button.point")
        state = _state(page, "#r0 button.point")
        assert state["pressed"] == "true" and state["lit"] == state["targets"]
        assert len({target.split("-", 1)[0] for target in state["targets"]}) == 2
        assert problems(page.events) == []


HOST = """<!DOCTYPE html><html><head><style>body { margin: 8px; }</style></head><body>
<h1 id="h">A notebook</h1><h2 id="h2">Cell</h2><p id="p"><a id="link" href="#h">text</a></p>
<table id="t"><tr><td id="td">1</td></tr></table><button id="b">Run</button>
%s
</body></html>"""
HOST_STYLE = """JSON.stringify(["body", "h", "h2", "p", "link", "t", "td", "b"].map(id => {
  const el = id === "body" ? document.body : document.getElementById(id);
  const style = getComputedStyle(el);
  return ["font", "color", "background-color", "margin", "padding", "border", "box-sizing",
          "text-decoration", "display"].map(name => style.getPropertyValue(name));
}))"""


def test_the_notebook_fragment_leaves_the_host_page_as_it_was(tmp_path, report, seed_analyses):
    comparison = compare_analyses(list(seed_analyses.values()))
    looks = []
    for inside in ("", render_comparison_fragment(comparison)):
        path = tmp_path / f"host{len(looks)}.html"
        path.write_text(HOST % inside, encoding="utf-8")
        with open_page(path.as_uri()) as page:
            looks.append(json.loads(page.evaluate(HOST_STYLE)))
            if inside:
                # The report inside it is styled: its headings are the report's, not the host's.
                assert (
                    page.evaluate(
                        "getComputedStyle(document.querySelector('.storydiff-report h2'))"
                        ".borderBottomStyle"
                    )
                    == "solid"
                )
                assert problems(page.events) == []
    assert looks[0] == looks[1]
