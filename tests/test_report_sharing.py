"""A report to send on: it names its inputs by file name or URL, never by a local path, and
every point, table and article has an anchor to link to."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from storydiff.compare import compare_analyses
from storydiff.compare.align import Thresholds
from storydiff.render import (
    md_escape,
    render_comparison_html,
    render_comparison_json,
    render_comparison_markdown,
)
from storydiff.render.common import shareable_source

from .conftest import SEEDS, SKY, SPUTNIK


class _Links(HTMLParser):
    """Every id on the page, and every in-page link of class ``anchor``."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and "anchor" in (found.get("class") or "").split():
            self.anchors.append((found.get("href") or "").removeprefix("#"))


@pytest.fixture(scope="module")
def comparison(seed_analyses):
    # Thresholds low enough that the seeds have shared points and possibly related pairs.
    found = compare_analyses(
        list(seed_analyses.values()), thresholds=Thresholds(point=0.25, related=0.05)
    )
    assert found.points and found.related
    return found


def test_the_seeds_were_read_by_absolute_path(comparison):
    assert {a.article.source for a in comparison.articles} == {str(SKY), str(SPUTNIK)}
    assert SEEDS.is_absolute()


@pytest.mark.parametrize(
    ("render", "written"),
    [
        (render_comparison_html, str),
        (render_comparison_markdown, md_escape),
        (render_comparison_json, str),
    ],
)
def test_no_report_format_shows_a_local_path(comparison, render, written):
    report = render(comparison)
    assert str(SEEDS) not in report and str(SEEDS.parent.parent) not in report
    assert written(SKY.name) in report and written(SPUTNIK.name) in report


def test_the_json_report_keeps_source_as_the_file_name(comparison):
    document = json.loads(render_comparison_json(comparison))
    assert [a["source"] for a in document["articles"]] == [SKY.name, SPUTNIK.name]
    # The comparison a program holds still knows where its articles were read from.
    assert comparison.articles[0].article.source == str(SKY)


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("/home/alice/leaks/a.txt", "a.txt"),
        ("cases/b.html", "b.html"),
        (r"C:\Users\alice\c.txt", "c.txt"),
        ("https://example.com/news/1?x=2#top", "https://example.com/news/1?x=2#top"),
        ("/data/crawl.warc.gz#https://example.com/a/b", "crawl.warc.gz#https://example.com/a/b"),
        ("/data/crawl.warc.gz#<urn:uuid:1/2>", "crawl.warc.gz#<urn:uuid:1/2>"),
        ("/data/feed.xml#3", "feed.xml#3"),
        ("<stdin>", "<stdin>"),
    ],
)
def test_shareable_source(source, shown):
    assert shareable_source(source) == shown


def test_every_point_table_and_article_has_an_anchor_and_a_link_to_it(comparison):
    links = _Links()
    links.feed(render_comparison_html(comparison))
    points = {f"p{n}" for n in range(len(comparison.points))}
    related = {f"r{n}" for n in range(len(comparison.related))}
    articles = {f"a{n}" for n in range(len(comparison.articles))}
    tables = {"sources-table", "framing-table", "numbers-table"}
    sections = {"headlines", "sources", "framing", "numbers", "points", "only-in", "articles"}
    assert points | related | articles | tables | sections <= links.ids
    assert set(links.anchors) == points | related | articles | sections
    assert len(links.anchors) == len(set(links.anchors))
