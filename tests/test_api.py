"""The library entry points on an HTML page: reader, cleaner and analysis together."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import storydiff
from storydiff.errors import Code, ConfigError, InputError

PAGE = Path(__file__).parent / "data" / "pages" / "dam-breach.html"


@pytest.fixture(scope="module")
def page_analysis():
    (analysis,) = storydiff.analyze([str(PAGE)])
    return analysis


def test_html_metadata_is_kept(page_analysis):
    article = page_analysis.article
    assert article.title == "Dam breach floods valley towns"
    assert article.outlet == "Example Herald"
    assert article.published == "2021-03-04"
    assert article.url == "https://www.exampleherald.com/world/dam-breach-floods-valley"


def test_furniture_inside_the_article_region_is_removed(page_analysis):
    removed = {r.text: r.reason for r in page_analysis.article.removed}
    assert removed["READ MORE: Why the region's dams are ageing fast"] == "teaser"
    assert removed["Sign up for our daily newsletter"] == "promo"
    assert "READ MORE" not in page_analysis.article.text


def test_quotes_on_the_page(page_analysis):
    said = [(q.speaker.name, q.content.text) for q in page_analysis.quotes]
    assert ("Ana Silva", "The water came in minutes, We lost everything.") in said
    assert ("Tomas Reyes", "the dam had been inspected last year and found to be safe") in said


def test_analyze_raises_the_first_bad_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError) as caught:
        storydiff.analyze([str(empty)])
    assert caught.value.source == str(empty)


def test_compare_accepts_analyses(page_analysis, seed_analyses):
    comparison = storydiff.compare([page_analysis, *seed_analyses.values()])
    assert len(comparison.articles) == 3
    assert set(comparison.sources) == {a.article.id for a in comparison.articles}


def test_analyze_accepts_a_path_or_a_single_string():
    from storydiff import analyze

    (by_path,) = analyze(PAGE)
    (by_string,) = analyze(str(PAGE))
    assert by_path == by_string


def test_analyze_accepts_a_single_article(page_analysis):
    (again,) = storydiff.analyze(page_analysis.article)
    assert again == page_analysis


def test_compare_returns_a_report_with_tables(seed_analyses):
    report = storydiff.compare(list(seed_analyses.values()))
    assert isinstance(report, storydiff.Report)
    assert len(report.articles) == 2  # the comparison's own attributes are there
    assert report._repr_html_().startswith('<div class="storydiff-report">')
    frames = report.frames()
    assert set(frames) == {
        "summary",
        "sources",
        "framing",
        "numbers",
        "points",
        "related",
        "only_in",
    }
    related = frames["related"]
    assert len(related) == 2 * len(report.related)
    assert related.score.between(0, 1).all() and set(related.kind) <= {"related"}
    summary = frames["summary"]
    assert list(summary.text) == [f.text for f in report.summary]
    assert summary.evidence.iloc[0] == 0 and (summary.evidence.iloc[1:] > 0).all()
    sources = frames["sources"]
    row = sources[
        (sources.outlet == "Sputnik International") & (sources.speaker == "Oleg Syromolotov")
    ]
    assert int(row.quotes.iloc[0]) >= 15
    framing = frames["framing"]
    sky_rebels = framing[(framing.outlet == "Sky News") & (framing.term == "rebel")]
    assert set(sky_rebels.voice) == {"own"}
    with pytest.raises(ValueError):
        report.rows("no such table")


def test_a_report_says_what_it_holds(seed_analyses):
    report = storydiff.compare(list(seed_analyses.values()))
    speakers = {(s.actor or s.speaker) for counts in report.sources.values() for s in counts}
    assert repr(report) == (
        "<Report: 2 articles (Sky News, Sputnik International), "
        f"{len(report.points)} points, {len(report.related)} possibly related pairs, "
        f"{len(speakers)} speakers>"
    )


def test_compare_takes_texts_in_memory():
    from .conftest import SKY, SPUTNIK

    sky, sputnik = (p.read_text(encoding="utf-8") for p in (SKY, SPUTNIK))
    report = storydiff.compare(
        [storydiff.Text(sky), storydiff.Text(sputnik, outlet="Sputnik", published="2018-09-07")]
    )
    first, second = (a.article for a in report.articles)
    assert (first.source, first.outlet) == ("<text 1>", "Sky News")  # detected, as for a file
    assert (second.source, second.outlet, second.published) == (
        "<text 2>",
        "Sputnik",
        "2018-09-07",
    )
    assert "Sputnik" in repr(report) and report.summary


def test_texts_paths_and_articles_mix_in_input_order(page_analysis):
    html = PAGE.read_text(encoding="utf-8")
    url = "https://example.org/dam"
    by_text, by_path, again = storydiff.analyze(
        [storydiff.Text(html, url=url, title="Given title"), PAGE, page_analysis.article]
    )
    assert by_text.article.title == "Given title" and by_text.article.url == url
    assert by_text.article.source == url and by_text.article.outlet == "Example Herald"
    assert by_path.article == again.article
    assert "A dam burst in the north" in by_text.article.text
    (alone,) = storydiff.analyze(storydiff.Text("Officials said the dam held.", outlet="Wire"))
    assert alone.article.outlet == "Wire" and alone.article.source == "<text 1>"


@pytest.mark.parametrize("text", ["Officials said\nthe dam held.", "word " * 60])
def test_a_text_given_as_a_plain_string_is_told_to_use_text(text):
    with pytest.raises(InputError) as caught:
        storydiff.compare([text, text])
    assert caught.value.code.name == "E022" and "storydiff.Text(" in str(caught.value)
    assert len(caught.value.source) < 50


def test_a_short_missing_path_is_still_file_not_found(tmp_path):
    with pytest.raises(InputError) as caught:
        storydiff.analyze([str(tmp_path / "missing.txt")])
    assert caught.value.code.name == "E001"


def test_an_empty_text_is_an_error_naming_it():
    with pytest.raises(InputError) as caught:
        storydiff.analyze([storydiff.Text("   ")])
    assert caught.value.source == "<text 1>" and caught.value.code.name == "E002"


def test_compare_tells_of_each_repeat_and_needs_two_distinct_articles(seed_analyses):
    sky, sputnik = seed_analyses.values()
    again = replace(sky, article=replace(sky.article, source="again.txt"))  # one text, one id
    repeats = []
    report = storydiff.compare(
        [sky, sputnik, again], on_repeat=lambda repeat, first: repeats.append((repeat, first))
    )
    assert [a.article.source for a in report.articles] == [
        sky.article.source,
        sputnik.article.source,
    ]
    assert repeats == [(again, sky)]
    with pytest.raises(ConfigError) as caught:
        storydiff.compare([sky, again])
    assert caught.value.code is Code.E012
