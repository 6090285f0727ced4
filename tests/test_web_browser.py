"""The web app in a real browser (headless Chromium, driven by tests/browser.py) against
``storydiff serve``: every page loads with no console error and fetches nothing from
elsewhere; a reader follows a story to its comparison, searches, filters, and finds the
sentence behind a number; and no hostile payload runs or leaves markup on any page."""

from __future__ import annotations

import json
from urllib.parse import urlencode, urlsplit

import pytest

from storydiff.store import Store

from .browser import open_page, problems, requests
from .hostile import foreign_markup, ran
from .webapp import make_store, serving

# The forms the app writes itself (filters, the trend's question), which FOREIGN_MARKUP would
# otherwise count as a payload's.
OWN_FORMS = "document.querySelectorAll('form.sd-filters').forEach(f => f.remove())"


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_analyses):
    path = make_store(tmp_path_factory.mktemp("web") / "corpus.db", list(seed_analyses.values()))
    with serving(path) as (url, _):
        yield url, path


def _pages(path):
    with Store(path, read_only=True) as store:

        def first(sql):
            return store.query(sql)[0][0]

        seeds = first("SELECT story_id FROM articles WHERE outlet = 'Sky News'")
        hostile = first("SELECT story_id FROM articles WHERE published = '2024-05-01'")
        hostile_outlet = first("SELECT outlet FROM articles WHERE published = '2024-05-01'")
        hostile_actor = first("SELECT id FROM actors WHERE name LIKE '%<%'")
        hostile_label = first("SELECT term FROM labels WHERE term LIKE '%<script%'")
        trump = first("SELECT id FROM actors WHERE name = 'Donald Trump'")
    return [
        ("stories", {}),
        ("stories", {"q": "Idlib"}),
        ("story", {"id": seeds}),
        ("story", {"id": hostile}),
        ("outlet", {"name": "Sky News"}),
        ("outlet", {"name": hostile_outlet}),
        ("actor", {"id": trump}),
        ("actor", {"id": hostile_actor}),
        ("labels", {}),
        ("trends", {"subject": "actor", "name": "Donald Trump", "period": "week"}),
        ("trends", {"subject": "label", "name": hostile_label}),
        ("evidence", {"kind": "label", "term": hostile_label}),
        ("evidence", {"kind": "article", "story": hostile}),
    ]


def _address(url: str, page: str, query: dict) -> str:
    root = url.rsplit("/", 1)[0]
    return f"{root}/{page}" + (f"?{urlencode(query)}" if query else "")


def _navigate(page, action: str) -> None:
    """Run ``action`` (a click, a submit) and wait for the page it leads to to load."""
    page.events.clear()
    page.evaluate(action)
    page.wait_for("Page.loadEventFired")


def test_every_page_loads_clean_fetching_nothing_and_running_no_payload(server):
    url, path = server
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    for name, query in _pages(path):
        with open_page(_address(url, name, query)) as page:
            assert page.evaluate("document.querySelector('h1') !== null"), name
            assert problems(page.events) == [], (name, query)
            # data: URLs are in Datasette's own style sheet (an icon), not fetched.
            assert [u for u in requests(page.events) if not u.startswith((origin, "data:"))] == []
            assert not ran(page), (name, query)
            page.evaluate(OWN_FORMS)
            scripts = page.evaluate("document.scripts.length")
            assert scripts == 1, (name, scripts)  # Datasette's menu closer
            styles = 2 if name == "story" else 1  # ours, and the report's scoped one
            assert foreign_markup(page, scripts, styles) == [], (name, query)


def test_a_reader_follows_a_story_to_its_comparison(server):
    url, _ = server
    with open_page(url) as page:
        title = page.evaluate(
            "[...document.querySelectorAll('a.story')].find(a => a.textContent.includes("
            "'Kremlin')).textContent"
        )
        _navigate(
            page,
            "[...document.querySelectorAll('a.story')].find(a => a.textContent.includes("
            "'Kremlin')).click()",
        )
        assert page.evaluate("document.querySelector('h1').textContent") == title
        assert page.evaluate("document.querySelector('.storydiff-report #sources') !== null")
        assert page.evaluate("document.querySelector('#missed').textContent").count("Reuters")
        assert problems(page.events) == []


def test_a_reader_searches_then_filters_by_country(server):
    url, _ = server
    with open_page(url) as page:
        before = page.evaluate("document.querySelectorAll('a.story').length")
        assert before == 3
        _navigate(
            page,
            "document.querySelector('input[name=q]').value = 'cup final';"
            "document.querySelector('#filters').submit()",
        )
        assert "q=cup+final" in page.evaluate("location.search")
        assert page.evaluate(
            "[...document.querySelectorAll('a.story')].map(a => a.textContent)"
        ) == ["Cup final drawn"]
        _navigate(
            page,
            "document.querySelector('input[name=q]').value = '';"
            "document.querySelector('select[name=country]').value = 'RU';"
            "document.querySelector('#filters').submit()",
        )
        titles = page.evaluate("[...document.querySelectorAll('a.story')].map(a => a.textContent)")
        assert len(titles) == 1 and "Kremlin" in titles[0]
        assert problems(page.events) == []


def test_a_reader_finds_the_sentence_behind_a_number(server):
    url, _ = server
    with open_page(_address(url, "outlet", {"name": "Sputnik International"})) as page:
        speaker, count = json.loads(
            page.evaluate(
                "(() => { const row = document.querySelector('#speakers-table tbody tr');"
                " return JSON.stringify([row.cells[0].textContent, row.cells[1].textContent]); })()"
            )
        )
        _navigate(page, "document.querySelector('#speakers-table tbody tr a').click()")
        sentences = page.evaluate(
            "[...document.querySelectorAll('li.evidence')].map(li => li.textContent)"
        )
        assert len(sentences) == int(count)
        assert all(speaker in s for s in sentences)
        assert page.evaluate("document.querySelectorAll('li.evidence mark').length") == int(count)
        assert problems(page.events) == []
