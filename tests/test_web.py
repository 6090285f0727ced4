"""The web app over a store, through Datasette's own test client: every page and its JSON,
the filters and links between pages, the numbers' evidence, escaping, and that the store is
never written. The browser tests are in test_web_browser.py."""

from __future__ import annotations

import asyncio
import hashlib
import html
import re
import sqlite3
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest

from storydiff.errors import Code, ConfigError, StorydiffError
from storydiff.store import VERSION, Store
from storydiff.store.schema import MIGRATIONS, SchemaError, _statements, add_functions
from storydiff.web.app import check_store, datasette_for
from storydiff.web.queries import fts_phrase, sentence_of

from .hostile import PAYLOADS
from .webapp import OTHER_OUTLET, SEED_DATE, make_store, serving


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, seed_analyses):
    return make_store(tmp_path_factory.mktemp("web") / "corpus.db", list(seed_analyses.values()))


@pytest.fixture(scope="module")
def get(store_path):
    """GET a path of the app: (status, body text, JSON when the path is .json)."""
    datasette = datasette_for([store_path])
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())

    def fetch(path: str, **query: object) -> tuple[int, str, object]:
        address = f"/corpus/-/{path}" + (f"?{urlencode(query)}" if query else "")
        response = loop.run_until_complete(datasette.client.get(address))
        data = response.json() if ".json" in path.split("?")[0] else None
        return response.status_code, response.text, data

    yield fetch
    loop.close()


def _ids(store_path, sql, *parameters):
    with Store(store_path, read_only=True) as store:
        return [row[0] for row in store.query(sql, parameters)]


@pytest.fixture(scope="module")
def seed_story(store_path):
    return _ids(store_path, "SELECT story_id FROM articles WHERE outlet = 'Sky News'")[0]


@pytest.fixture(scope="module")
def pages(store_path, seed_story):
    """Every page with a subject of the seed story: the URL's path and query."""
    trump = _ids(store_path, "SELECT id FROM actors WHERE name = 'Donald Trump'")[0]
    return [
        ("stories", {}),
        ("story", {"id": seed_story}),
        ("outlet", {"name": "Sky News"}),
        ("actor", {"id": trump}),
        ("labels", {}),
        ("trends", {"subject": "speaker", "name": "Dmitry Peskov", "period": "week"}),
        ("evidence", {"kind": "quote", "speaker": "Dmitry Peskov"}),
    ]


def test_every_page_answers_in_html_and_as_json(get, pages):
    for page, query in pages:
        status, body, _ = get(page, **query)
        assert status == 200, (page, body[:2000])
        assert "<h1>" in body and 'href="/corpus/-/stories"' in body
        status, _, data = get(f"{page}.json", **query)
        assert status == 200 and data["schema"] == "storydiff/1" and data["page"] == page


def test_pages_set_a_policy_that_loads_nothing_from_elsewhere(store_path):
    datasette = datasette_for([store_path])

    async def headers():
        await datasette.invoke_startup()
        return (await datasette.client.get("/corpus/-/stories")).headers

    policy = asyncio.run(headers())["content-security-policy"]
    assert "default-src 'none'" in policy and "http" not in policy


def test_the_stories_list_newest_first_with_outlets_countries_and_origins(get, seed_story):
    _, _, data = get("stories.json")
    stories = data["result"]["stories"]
    firsts = [s["first"] for s in stories if s["first"]]
    assert firsts == sorted(firsts, reverse=True)
    seeds = next(s for s in stories if s["id"] == seed_story)
    assert seeds["origins"] == 2 and seeds["first"].startswith(SEED_DATE)
    assert {(o["outlet"], o["country"]) for o in seeds["outlets"]} == {
        ("Sky News", "GB"),
        ("Sputnik International", "RU"),
    }
    assert (
        "RU" in data["result"]["countries"] and "state-controlled" in data["result"]["ownerships"]
    )


@pytest.mark.parametrize(
    ("query", "has_seeds"),
    [
        ({"outlet": "Sky News"}, True),
        ({"outlet": OTHER_OUTLET}, False),
        ({"country": "RU"}, True),
        ({"ownership": "state-controlled"}, True),
        ({"q": "Idlib"}, True),
        ({"q": "cup final"}, False),
        ({"q": 'Idlib" OR -'}, False),
        ({"since": "2018-09-01", "until": "2018-09-30"}, True),
        ({"since": "2019-01-01"}, False),
    ],
)
def test_the_filters_narrow_the_stories(get, seed_story, query, has_seeds):
    status, _, data = get("stories.json", **query)
    assert status == 200
    ids = [s["id"] for s in data["result"]["stories"]]
    assert (seed_story in ids) is has_seeds
    assert data["filters"] == query


def test_the_full_text_search_takes_any_characters_as_words():
    assert fts_phrase('Idlib" OR -x') == '"Idlib""" "OR" "-x"'
    assert fts_phrase("  ") == '""'


def test_a_story_shows_the_comparison_and_who_covered_it_that_week(get, seed_story):
    status, body, _ = get("story", id=seed_story)
    assert status == 200
    assert 'class="storydiff-report"' in body and "Who each outlet quotes" in body
    _, _, data = get("story.json", id=seed_story)
    coverage = data["result"]["coverage"]
    assert [o["outlet"] for o in coverage["covered"]] == ["Sky News", "Sputnik International"]
    assert [o["outlet"] for o in coverage["missed"]] == [OTHER_OUTLET]
    assert coverage["since"] == "2018-09-03" and coverage["until"] == "2018-09-10"
    comparison = data["comparison"]
    assert comparison["schema"] == "storydiff/1" and len(comparison["articles"]) == 2
    assert "analyses" not in data["result"]


def test_a_story_the_store_does_not_have_is_a_404(get):
    status, body, _ = get("story", id="nope")
    assert status == 404 and "no story &#39;nope&#39;" in body
    assert get("story.json", id="nope")[0] == 404


def test_an_outlet_has_its_profile_with_sources_speakers_and_labels(get):
    _, _, data = get("outlet.json", name="Sputnik International")
    result = data["result"]
    assert result["profile"]["country"] == "RU" and result["profile"]["known"]
    assert result["profile"]["sources"]["ownership"]
    assert result["articles"] == 1 and result["periods"][0]["period"] == SEED_DATE[:7]
    assert result["speakers"][0]["speaker"] == "Oleg Syromolotov"
    assert all(0 < use["share"] <= 1 for use in result["labels"])
    assert get("outlet", name="No Such Outlet")[0] == 404


def test_an_actor_has_its_names_by_outlet_and_what_it_is_quoted_saying(get, pages):
    trump = dict(pages)["actor"]["id"]
    status, body, data = get("actor.json", id=trump)
    result = data["result"]
    assert result["actor"]["name"] == "Donald Trump"
    assert {a["alias"] for a in result["aliases"]} >= {"Donald Trump"}
    assert result["quotes"] and all(q["text"] for q in result["quotes"])
    assert get("actor", id=trump)[1].count("<svg") >= 1
    assert get("actor", id=999999)[0] == 404


def test_every_label_count_links_to_the_sentences_behind_it(get):
    _, body, _ = get("labels")
    links = re.findall(r'href="(/corpus/-/evidence\?[^"]+)">(\d+)</a>', body)
    assert links
    for link, count in links[:10]:
        query = html.unescape(link).split("?", 1)[1]
        _, _, data = get(f"evidence.json?{query}")
        rows = data["result"]
        assert len(rows) == int(count)
        term = data["query"]["term"]
        for row in rows:
            sentence = row["sentence"]
            assert term.casefold() in sentence["match"].casefold() or sentence["match"]
            assert sentence["match"] in sentence["before"] + sentence["match"] + sentence["after"]


def test_a_trend_charts_inline_and_links_each_count_to_its_quotes(get):
    status, body, _ = get("trends", subject="speaker", name="Dmitry Peskov", period="week")
    assert status == 200 and "<svg" in body
    link = re.search(r'href="(/corpus/-/evidence\?[^"]+)">(\d+)</a>', body)
    query = html.unescape(link.group(1)).split("?", 1)[1]
    _, _, data = get(f"evidence.json?{query}")
    assert len(data["result"]) == int(link.group(2)) == 5
    assert all(row["detail"] == "Dmitry Peskov" for row in data["result"])


def test_a_trend_shows_the_stretch_of_time_asked_for(get):
    _, _, whole = get("trends.json", subject="speaker", name="Dmitry Peskov", period="week")
    assert whole["result"]["rows"] and whole["window"]["earlier"] is None
    assert whole["window"]["first"] <= SEED_DATE <= whole["window"]["last"]
    status, body, later = get(
        "trends", subject="speaker", name="Dmitry Peskov", period="week", since="2019-01-01"
    )
    assert status == 200 and "from 2019-01-01 to" in body and 'class="chart"' not in body
    _, _, later = get(
        "trends.json", subject="speaker", name="Dmitry Peskov", period="week", since="2019-01-01"
    )
    assert later["result"]["rows"] == [] and later["window"]["earlier"] == "2018-12-31"


def test_an_unknown_actor_in_a_trend_is_its_coded_error(get):
    status, body, _ = get("trends", subject="actor", name="Vladimir Putn")
    assert status == 400 and "E041" in body and "Vladimir Putin" in body
    _, _, data = get("trends.json", subject="actor", name="Vladimir Putn")
    assert data["code"] == "E041"


def test_evidence_shows_each_finding_in_its_sentence(get):
    _, body, data = get("evidence.json", kind="quote", speaker="Oleg Syromolotov")
    assert data["result"] and data["query"] == {"kind": "quote", "speaker": "Oleg Syromolotov"}
    assert get("evidence", kind="nonsense")[0] == 400


def test_a_sentence_is_cut_at_the_sentences_around_it():
    text = "First one. The rebels advanced on Monday. Last one."
    start = text.index("rebels")
    assert sentence_of(text, start, start + 6) == sentence_of(text, start, start + 6)
    found = sentence_of(text, start, start + 6)
    assert (found.before, found.match, found.after) == ("The ", "rebels", " advanced on Monday.")


def test_no_payload_reaches_any_page_as_markup(get, store_path):
    hostile_story = _ids(store_path, "SELECT story_id FROM articles WHERE published = '2024-05-01'")
    outlet = _ids(store_path, "SELECT outlet FROM articles WHERE published = '2024-05-01'")[0]
    label = _ids(store_path, "SELECT term FROM labels WHERE term LIKE '%script%'")[0]
    actor = _ids(store_path, "SELECT id FROM actors WHERE name LIKE '%<%'")[0]
    bodies = [
        get("stories")[1],
        get("story", id=hostile_story[0])[1],
        get("outlet", name=outlet)[1],
        get("actor", id=actor)[1],
        get("labels")[1],
        get("trends", subject="label", name=label)[1],
        get("evidence", kind="label", term=label)[1],
        get("evidence", kind="article", story=hostile_story[0])[1],
    ]
    marked = [p for p in PAYLOADS if "<" in p.text]
    for body in bodies:
        assert [p.id for p in marked if p.text in body] == []
        assert _markup_that_runs(body) == []


_LINKS = {"href", "src", "action", "formaction", "data", "xlink:href"}


class _Markup(HTMLParser):
    """What of a page, as a browser parses it, could run script: an event handler, a link to
    script or data, a script that is not the page's own."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            link = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            runs = link.startswith(("javascript:", "data:", "vbscript:"))
            if name.startswith("on") or (name in _LINKS and runs):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "storydiffHostile" in data:
            self.found.append(f"<script>{data[:80]}")


def _markup_that_runs(body: str) -> list[str]:
    parser = _Markup()
    parser.feed(body)
    return parser.found


def test_visiting_every_page_leaves_the_store_as_it_was(store_path, get, pages):
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    for page, query in pages:
        get(page, **query)
        get(f"{page}.json", **query)
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before


def test_a_database_that_is_not_a_store_has_no_pages(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.close()
    datasette = datasette_for([other])

    async def status():
        await datasette.invoke_startup()
        return (await datasette.client.get("/other/-/stories")).status_code

    assert asyncio.run(status()) == 404


def test_a_missing_unreadable_or_old_store_is_a_coded_error(tmp_path):
    with pytest.raises(StorydiffError) as caught:
        check_store(tmp_path / "missing.db")
    assert caught.value.code is Code.E042 and "missing.db" in str(caught.value)
    old = tmp_path / "old.db"
    db = sqlite3.connect(old, isolation_level=None)
    add_functions(db)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.close()
    with pytest.raises(StorydiffError) as caught:
        check_store(old)
    assert caught.value.code is Code.E042 and "older than" in str(caught.value)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.close()
    with pytest.raises(SchemaError):
        check_store(other)


def test_without_datasette_serving_says_which_extra_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    with pytest.raises(ConfigError) as caught:
        datasette_for([tmp_path / "corpus.db"])
    assert caught.value.code is Code.E025 and "storydiff[web]" in str(caught.value)


def test_serve_on_a_missing_store_is_one_line_naming_it(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "storydiff", "serve", "--store", str(tmp_path / "gone.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "[E042]" in done.stderr and "gone.db" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_prints_the_url_of_a_free_loopback_port(store_path):
    with serving(store_path) as (url, process):
        assert url.startswith("http://127.0.0.1:") and url.endswith("/corpus/-/stories")
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200 and b"Stories in corpus" in response.read()


def test_serving_beyond_loopback_is_warned_of(store_path):
    with serving(store_path, "--host", "0.0.0.0") as (url, process):
        assert url.startswith("http://0.0.0.0:")
    assert "warning: serving on 0.0.0.0" in process.stderr.read()


def test_storydiff_is_a_datasette_plugin_with_its_pages():
    from storydiff.web import plugin

    patterns = [pattern for pattern, _ in plugin.register_routes()]
    assert any("stories" in p and "evidence" in p for p in patterns)


def test_a_version_5_store_gets_the_web_apps_indexes(tmp_path):
    path = tmp_path / "v5.db"
    with Store(path):
        pass
    db = sqlite3.connect(path)
    db.executescript(
        "DROP INDEX stories_first; DROP INDEX articles_outlet_published; "
        "DROP INDEX articles_country; DROP INDEX articles_ownership; "
        "DROP INDEX labels_actor_voice; PRAGMA user_version = 5;"
    )
    db.close()
    with Store(path) as store:
        assert store.query("PRAGMA user_version")[0][0] == VERSION == 7
        indexes = {row[0] for row in store.query("SELECT name FROM sqlite_master")}
    assert {"stories_first", "articles_country", "labels_actor_voice"} <= indexes
