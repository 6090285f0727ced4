"""Headlines are read like body sentences, apart from the body: their quotes, labels and
figures index the title, and every offset into the body stays what it was."""

from __future__ import annotations

from dataclasses import replace

from storydiff.compare.framing import framing_table
from storydiff.model import (
    Analysis,
    Article,
    Comparison,
    Headline,
    Label,
    Quantity,
    Quote,
    Span,
    Speaker,
)
from storydiff.nlp.annotate import annotate
from storydiff.nlp.headline import sentence_case
from storydiff.render import render_comparison_html, render_comparison_markdown

from .test_render import parse

SKY = "000_5988aafb84cd7969.txt"
SPUTNIK = "001_4776b1b0b6ff724a.txt"


def test_the_headline_is_analysed_with_offsets_into_the_title(seed_analyses):
    sky = seed_analyses[SKY]
    title, headline = sky.article.title, sky.headline
    assert title == "Kremlin says Syrian army ready to deal with 'pocket of terrorism' in Idlib"
    assert headline is not None
    (quote,) = headline.quotes
    assert quote.speaker.name == "Kremlin" and quote.speaker.entity.startswith("h")
    assert {(x.text, x.voice) for x in headline.labels} >= {("pocket of terrorism", "attributed")}
    for found in (*headline.labels, *(q.content for q in headline.quotes)):
        assert title[found.start : found.end] == found.text
    assert all(e.id.startswith("h") for e in headline.entities)
    (statement,) = headline.statements
    assert statement.text == title and statement.attributed_to == quote.speaker.entity


def test_a_title_case_headline_is_read_in_sentence_case_and_kept_as_written(seed_analyses):
    sputnik = seed_analyses[SPUTNIK]
    title = sputnik.article.title
    assert title.startswith("Russia Says Has to React to Aggression as Terrorists")
    (label,) = [x for x in sputnik.headline.labels if x.term == "terrorist"]
    assert label.text == "Terrorists" == title[label.start : label.end]
    assert label.voice == "own"  # the outlet's word, in its paraphrase of Russia


def test_sentence_case_keeps_names_and_every_offset():
    title = "Russia Says Has to React as Terrorists Entrench Positions in Idlib"
    cased = sentence_case(title, "Russia warned. Fighting in Idlib went on. NATO said so.")
    assert cased == "Russia says has to react as terrorists entrench positions in Idlib"
    assert len(cased) == len(title)
    assert sentence_case("Kremlin says the army is ready in Idlib", "") == (
        "Kremlin says the army is ready in Idlib"
    )
    assert sentence_case("NATO Warns Of New Risks", "") == "NATO warns of new risks"


def test_the_body_is_analysed_as_without_a_title(nlp, seed_analyses):
    """The title is parsed apart: the body's findings and offsets do not depend on it."""
    article = seed_analyses[SKY].article
    with_title, without = annotate([article, replace(article, title=None)], nlp)
    assert without.headline is None and with_title.headline is not None
    assert replace(with_title, headline=None, article=without.article) == without


def test_the_headline_goes_through_json_and_back(seed_analyses):
    sky = seed_analyses[SKY]
    document = sky.to_dict()
    assert set(document["headline"]) == {
        "entities",
        "quotes",
        "quantities",
        "labels",
        "dates",
        "statements",
    }
    assert Analysis.from_dict(document) == sky
    assert Analysis.from_dict({**document, "headline": None}).headline is None


def test_headline_labels_count_in_the_framing_table(seed_analyses):
    sky = seed_analyses[SKY]
    rows = {row.actor: row for row in framing_table([sky])}
    terms = {(t.text, t.voice): t for t in rows["armed groups"].labels[sky.article.id]}
    (used,) = [x for x in sky.headline.labels if x.text == "pocket of terrorism"]
    term = terms[(used.term, used.voice)]
    body = sum(1 for x in sky.labels if (x.term, x.voice) == (used.term, used.voice))
    assert term.headline == 1 and term.count == body + 1


def _quote(name: str | None, entity: str | None, at: int = 0) -> Quote:
    return Quote(Speaker(name, entity), Span(at, at + 5, "words"), "direct")


def test_a_headline_quote_counts_for_the_speaker_the_body_names():
    from storydiff.compare.sources import quoted_sources
    from storydiff.model import Entity
    from storydiff.render.common import speaker_rows

    body = "Donald Trump spoke. Then the minister spoke."
    trump = Entity("e1", "Donald Trump", "PERSON", (Span(0, 12, "Donald Trump"),))
    headline = Headline(quotes=(_quote("Trump", "h1"), _quote("Angela Merkel", "h2")))
    article = Article(id="x", source="x.txt", text=body, title="Trump: 'words'", outlet="Daily")
    analysis = Analysis(
        article, entities=(trump,), quotes=(_quote("Donald Trump", "e1"),) * 2, headline=headline
    )
    sources = {(s.speaker, s.entity): (s.quotes, s.headline) for s in quoted_sources(analysis)}
    # One row for Trump, with the headline's quote among his three; Merkel, whom only the
    # headline quotes, is a row of her own.
    assert sources == {("Donald Trump", "e1"): (3, 1), ("Angela Merkel", None): (1, 1)}
    other = Analysis(Article(id="y", source="y.txt", text="Other.", outlet="Herald"))
    comparison = Comparison((analysis, other), sources={"x": quoted_sources(analysis), "y": ()})
    (row,) = [r for r in speaker_rows(comparison) if r.speaker == "Donald Trump"]
    assert row.cell(0) == "3 (1 in the headline)" and row.cell(1) == "0"
    assert "3 (1 in the headline)" in render_comparison_markdown(comparison)


HOSTILE = '<b>Rebels</b> say "800 dead"'


def _hostile_headline() -> Comparison:
    start = HOSTILE.index("Rebels")
    label = Label(
        start,
        start + 6,
        "Rebels",
        term="rebel",
        category="armed groups",
        contested=False,
        actor="armed groups",
        voice="own",
    )
    figure_start = HOSTILE.index("800 dead")
    figure = Quantity(figure_start, figure_start + 8, "800 dead", counts="dead")
    quote = Quote(
        Speaker("Rebels <i>", "h1"),
        Span(figure_start - 1, figure_start + 9, '"800 dead"'),
        "direct",
    )
    headline = Headline(quotes=(quote,), labels=(label,), quantities=(figure,))
    article = Article(id="x", source="x.txt", text="Body.", title=HOSTILE, outlet="Daily")
    other = Article(id="y", source="y.txt", text="Other.", title="Plain", outlet="Herald")
    return Comparison((Analysis(article, headline=headline), Analysis(other)))


def test_the_report_shows_the_headline_marked_and_escaped():
    page = render_comparison_html(_hostile_headline())
    assert "<b>Rebels" not in page and "<i>" not in page
    tree = parse(page)
    ids = [e.attrs["id"] for e in tree.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))  # the headline is shown twice, its marks without ids
    (title,) = [e for e in tree.find("h3") if e.attrs.get("id") == "a0-title"]
    assert title.text.replace("Rebels <i>", "", 1) == HOSTILE
    inside = [e for e in tree.elements if id(title) in e.ancestors]
    assert {"term-use", "voice-own"} <= next(e.classes for e in inside if e.text == "Rebels")
    assert any("figure" in e.classes and e.text == "800 dead" for e in inside)
    assert any(e.tag == "mark" and e.attrs.get("data-speaker") == "Rebels <i>" for e in inside)
    notes = [e.text for e in tree.find(cls="headline-notes")]
    assert notes == ["quotes Rebels <i> · terms: “Rebels” own (armed groups) · figures: 800 dead"]
    markdown = render_comparison_markdown(_hostile_headline())
    assert '- *Daily*: \\<b\\>Rebels\\</b\\> say "800 dead" (quotes Rebels \\<i\\>;' in markdown
