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
        page.click("details.finding > summary")
        page.wait_until("document.querySelector('.stmt.hl') !== null")
        ids = page.evaluate("document.querySelector('details.finding').dataset.evidence.split(' ')")
        lit = page.evaluate(
            "[...new Set([...document.querySelectorAll('.hl')].map(e => e.dataset.sid))]"
        )
        assert ids and sorted(lit) == sorted(ids)
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


# --- layout at a desk and on a phone -----------------------------------------------------------

WIDTHS = (1400, 400)

# Elements reaching past the window, other than inside a box that scrolls sideways on its own
# (a wide table) or hidden on purpose (the skip link, off screen until focused).
TOO_WIDE = """(() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll("*")].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1)
      && el.checkVisibility() && !scrolls(el) && !el.closest(".skip, .visually-hidden");
  });
  return JSON.stringify({
    page: document.documentElement.scrollWidth, width,
    wide: wide.slice(0, 5).map(el => el.tagName + "." + el.className + "#" + el.id),
  });
})()"""

# Each summary item: a list item whose first line holds the start of its sentence (where the
# bullet is drawn), and whose last line holds its link or sentence count.
SUMMARY_LAYOUT = """(() => JSON.stringify([...document.querySelectorAll("#summary > li")].map(li => {
  const text = li.querySelector(".finding-text");
  const tail = li.querySelector(".finding-count, a.more");
  const lines = [...text.getClientRects()];
  const atomic = [...li.querySelectorAll("*")].filter(el =>
    /^inline-(block|flex|grid)$/.test(getComputedStyle(el).display) &&
    el.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(el).lineHeight));
  const last = lines[lines.length - 1], end = tail.getBoundingClientRect();
  return {
    display: getComputedStyle(li).display,
    marker: getComputedStyle(li).listStyleType,
    startsOnFirstLine: Math.abs(lines[0].top - li.getBoundingClientRect().top) < 4,
    tailOnLastLine: Math.abs((end.top + end.bottom) / 2 - (last.top + last.bottom) / 2) < 8,
    tallInlineBoxes: atomic.length,
    top: li.getBoundingClientRect().top, bottom: li.getBoundingClientRect().bottom,
  };
})))()"""


def _crowded_comparison():
    """Twelve articles, the most a newsroom desk compares on one story, with a point between
    each article and the next, long outlet names and an address no line can break."""
    from storydiff.model import (
        Analysis,
        Article,
        Comparison,
        Evidence,
        Point,
        SourceCount,
        Statement,
        StatementRef,
    )

    first = "The minister said the bridge would reopen on Monday."
    second = "Traffic was diverted through https://example.org/" + "detour" * 40 + " for a week."
    analyses, points = [], []
    for k in range(12):
        text = f"{first}\n\n{second} Story {k}."
        statements = (
            Statement(0, len(first), first),
            Statement(len(first) + 2, len(text), text[len(first) + 2 :]),
        )
        article = Article(
            id=f"x{k}",
            source=f"crowded-{k}.txt",
            text=text,
            title=f"Bridge to reopen, says minister ({k})",
            outlet=f"The Evening Chronicle of County {k}",
        )
        analyses.append(Analysis(article, statements=statements))
    for k in range(11):
        refs = tuple(StatementRef(f"x{j}", 0, len(first), first) for j in (k, k + 1))
        points.append(Point("agree", refs, "", 0.9, Evidence(shared_actors=("minister",))))
    sources = {f"x{k}": (SourceCount("The Minister for Roads and Bridges", 1),) for k in range(12)}
    return Comparison(tuple(analyses), tuple(points), sources=sources)


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    from storydiff.compare.summary import summarize

    comparison = _crowded_comparison()
    comparison = type(comparison)(**{**comparison.__dict__, "summary": summarize(comparison)})
    path = tmp_path_factory.mktemp("crowded") / "report.html"
    path.write_text(render_comparison_html(comparison), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["report", "crowded"])
def test_no_element_is_wider_than_the_window(request, which, width):
    with open_page(request.getfixturevalue(which).as_uri()) as page:
        page.set_width(width)
        state = json.loads(page.evaluate(TOO_WIDE))
        assert state["page"] <= width and state["wide"] == [], state
        # And with every folded part open: the articles, the evidence, the outlet list.
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        state = json.loads(page.evaluate(TOO_WIDE))
        assert state["page"] <= width and state["wide"] == [], state


@pytest.mark.parametrize("width", WIDTHS)
def test_the_summary_is_a_list_with_each_bullet_on_its_first_line(report, width):
    with open_page(report.as_uri()) as page:
        page.set_width(width)
        items = json.loads(page.evaluate(SUMMARY_LAYOUT))
        assert len(items) >= 3
        for item in items:
            assert item["display"] == "list-item" and item["marker"] == "disc"
            assert item["startsOnFirstLine"] and item["tailOnLastLine"], item
            assert item["tallInlineBoxes"] == 0, item
        assert all(a["bottom"] <= b["top"] + 1 for a, b in zip(items, items[1:], strict=False))


FINDING = "#summary details.finding"
OPENED = """(() => {
  const finding = document.querySelector(%s);
  const evidence = finding.querySelector(".finding-evidence").getBoundingClientRect();
  const line = finding.querySelector("summary").getBoundingClientRect();
  const ids = finding.dataset.evidence.split(" ");
  return JSON.stringify({
    open: finding.open, gap: evidence.top - line.bottom, height: evidence.height,
    inView: evidence.top >= 0 && evidence.top < innerHeight,
    lit: ids.filter(id => document.querySelector('[data-sid="' + id + '"].hl')).length,
    ids: ids.length,
  });
})()"""


def test_a_finding_opens_its_evidence_in_place_and_lights_it_in_the_articles(report):
    with open_page(report.as_uri()) as page:
        page.click(f"{FINDING} > summary")
        page.wait_until("document.querySelector('.stmt.hl') !== null")
        state = json.loads(page.evaluate(OPENED % json.dumps(FINDING)))
        # Open right under its sentence, which is still where the reader is: no jump away.
        assert state["open"] and state["inView"] and 0 <= state["gap"] < 20 and state["height"] > 0
        assert state["ids"] and state["lit"] == state["ids"]
        page.click(f"{FINDING} > summary")
        assert page.evaluate(f"document.querySelector('{FINDING}').open") is False
        page.wait_until("document.querySelectorAll('.hl').length === 0")
        assert problems(page.events) == []


def test_an_evidence_sentence_leads_to_its_place_in_the_article(report):
    with open_page(report.as_uri()) as page:
        page.click(f"{FINDING} > summary")
        target = page.evaluate(
            f"document.querySelector('{FINDING} .finding-evidence a').dataset.targets"
        )
        page.click(f"{FINDING} .finding-evidence a")
        box = json.loads(
            page.evaluate(
                f"JSON.stringify(document.getElementById('{target}').getBoundingClientRect())"
            )
        )
        assert 0 <= box["top"] < page.evaluate("innerHeight")
        assert page.evaluate(f"document.getElementById('{target}').classList.contains('hl')")


def test_many_articles_fold_stay_navigable_and_filter_by_outlet(crowded):
    with open_page(crowded.as_uri()) as page:
        page.set_width(1400)
        folds = "[...document.querySelectorAll('details.article-fold')]"
        assert page.evaluate(f"{folds}.every(d => !d.open)")
        # The index stays at the top of the window as the reader scrolls.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
        assert page.evaluate("document.querySelector('nav.index').getBoundingClientRect().top") == 0
        # Hiding an outlet hides its column everywhere.
        page.click("details.outlet-filter > summary")
        page.click('.outlet-filter input[data-col="a3"]')
        hidden = "[...document.querySelectorAll('[data-col=\"a3\"]:not(input)')]"
        assert page.evaluate(f"{hidden}.length") >= 3
        assert page.evaluate(f"{hidden}.every(el => !el.checkVisibility())")
        assert "11 of 12" in page.evaluate("document.getElementById('filter-count').textContent")
        # A point citing it opens it again, unfolded, with its sentence lit.
        page.click("#p2 button.point")
        assert page.evaluate("document.getElementById('a3').checkVisibility()")
        assert page.evaluate("document.querySelector('#a3 details.article-fold').open")
        assert page.evaluate("document.querySelector('#a3 .stmt.hl') !== null")
        assert problems(page.events) == []


def test_charts_are_drawn_for_the_phone_at_the_size_of_the_page_text(report):
    with open_page(report.as_uri()) as page:
        for width, shown in ((1400, "chart-quote-share"), (400, "chart-quote-share-narrow")):
            page.set_width(width)
            visible = page.evaluate(
                "[...document.querySelectorAll('svg.chart')]"
                ".filter(svg => svg.checkVisibility()).map(svg => svg.id)"
            )
            assert shown in visible and len(visible) == 2
            scale = page.evaluate(
                f"document.getElementById('{shown}').getBoundingClientRect().width / "
                f"document.getElementById('{shown}').viewBox.baseVal.width"
            )
            assert scale >= 0.9  # 13 px text stays about 13 px


def test_printing_drops_the_controls_and_shows_every_folded_part(report):
    with open_page(report.as_uri()) as page:
        page.emulate_media("print")
        assert not page.evaluate("document.querySelector('nav.index').checkVisibility()")
        assert page.evaluate(
            "[...document.querySelectorAll('.finding-evidence, .article-body, details.removed ul')]"
            ".every(el => el.checkVisibility())"
        )
        assert page.evaluate(
            "[...document.querySelectorAll('.article')].every(a => "
            "a.getBoundingClientRect().width >= document.documentElement.clientWidth - 2)"
        )


def test_a_summary_sentence_lights_the_headline_that_gives_its_figure(tmp_path):
    from .test_headline import FLOOD_TITLE, headline_conflict

    path = tmp_path / "report.html"
    path.write_text(render_comparison_html(headline_conflict()), encoding="utf-8")
    target = f"a0-h0-{len(FLOOD_TITLE)}"
    finding = f'details.finding[data-evidence~="{target}"]'
    with open_page(path.as_uri()) as page:
        page.click(f"{finding} > summary")
        page.wait_until("document.querySelector('.stmt.hl') !== null")
        ids = page.evaluate(f"document.querySelector('{finding}').dataset.evidence.split(' ')")
        lit = page.evaluate(
            "[...new Set([...document.querySelectorAll('.hl')].map(e => e.dataset.sid))]"
        )
        assert target in ids and sorted(lit) == sorted(ids)
        # Both copies of the title light: over its column and in the list of headlines.
        assert page.evaluate(f"document.querySelectorAll('[data-sid=\"{target}\"].hl').length") == 2
        assert page.evaluate(f"document.getElementById('{target}').closest('h3').id") == "a0-title"
        assert problems(page.events) == []
