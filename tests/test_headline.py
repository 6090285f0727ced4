"""Headlines are read like body sentences, apart from the body: their quotes, labels and
figures index the title, and every offset into the body stays what it was."""

from __future__ import annotations

from dataclasses import replace

from storydiff.compare.framing import framing_table
from storydiff.compare.numbers import numbers_table
from storydiff.compare.summary import summarize
from storydiff.model import (
    Analysis,
    Article,
    Comparison,
    FigureRow,
    Headline,
    Label,
    Point,
    Quantity,
    Quote,
    Span,
    Speaker,
    Statement,
    StatementRef,
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


def _figure(text: str, where: str, counts: str | None, value: int) -> Quantity:
    start = where.index(text)
    return Quantity(start, start + len(text), text, value=value, counts=counts)


def _said(text: str, *quantities: int) -> Statement:
    return Statement(0, len(text), text, quantities=quantities)


def _article(
    key: str, body: str, title: str, body_figures: tuple[Quantity, ...], title_figures
) -> Analysis:
    headline = Headline(
        quantities=title_figures, statements=(_said(title, *range(len(title_figures))),)
    )
    return Analysis(
        Article(id=key, source=f"{key}.txt", text=body, title=title, outlet=f"Outlet {key}"),
        quantities=body_figures,
        statements=(_said(body, *range(len(body_figures))),),
        headline=headline,
    )


KILLED = "people killed by the flood"


def test_a_headline_figure_joins_the_row_of_the_body_figure_it_repeats():
    body_a, title_a = "The flood killed 300 people.", "Flood leaves 300 dead"
    body_b, title_b = "About 300 people died in the flood.", "Rain returns"
    body_c, title_c = "The river rose overnight.", "Flood: 500 killed"
    a = _article(
        "a",
        body_a,
        title_a,
        (_figure("300 people", body_a, KILLED, 300),),
        (_figure("300 dead", title_a, "dead", 300),),
    )
    b = _article("b", body_b, title_b, (_figure("About 300 people", body_b, KILLED, 300),), ())
    c = _article("c", body_c, title_c, (), (_figure("500 killed", title_c, KILLED, 500),))
    everything = Point(
        "agree", tuple(StatementRef.of(x.article.id, x.statements[0]) for x in (a, b, c)), "x", 0.9
    )
    rows = numbers_table([a, b, c], [everything])
    first, second = rows
    # The headline's 300 is the body's 300, told again: one row, which says so.
    assert first.values == {"a": ("300 people", "300 dead"), "b": ("About 300 people",)}
    assert first.headline == {"a": (False, True), "b": (False,)}
    # A headline is in no point: its 500 is set against nothing, in a row of its own.
    assert second.values == {"c": ("500 killed",)} and second.headline == {"c": (True,)}
    assert not any(row.conflict for row in rows)
    assert [FigureRow.from_dict(row.to_dict()) for row in rows] == rows


def test_a_headline_figure_that_says_nothing_of_what_it_counts_needs_one_body_figure_of_its_value():
    body, title = "Three ministers quit after 3 days of talks.", "3 quit"
    ministers = Quantity(0, 15, "Three ministers", value=3, counts="ministers who quit")
    days = _figure("3 days", body, "days of talks", 3)
    bare = _figure("3", title, None, 3)
    (alone,) = numbers_table([_article("a", body, title, (ministers,), (bare,))])
    assert alone.values == {"a": ("Three ministers", "3")} and alone.headline["a"] == (False, True)
    # With two body figures of that value either could be the one it repeats: left out.
    rows = numbers_table([_article("a", body, title, (ministers, days), (bare,))])
    assert [row.values for row in rows] == [{"a": ("Three ministers",)}, {"a": ("3 days",)}]


FLOOD_A, FLOOD_TITLE, FLOOD_B = (
    "The flood killed 300 people.",
    "Flood kills 300",
    "The flood killed 900 people.",
)


def headline_conflict() -> Comparison:
    """Two articles whose figures disagree in a shared point, the first giving its figure
    in its headline too, with the summary made from them."""
    a = _article(
        "a",
        FLOOD_A,
        FLOOD_TITLE,
        (_figure("300 people", FLOOD_A, KILLED, 300),),
        (_figure("300", FLOOD_TITLE, None, 300),),
    )
    b = _article("b", FLOOD_B, "Storm", (_figure("900 people", FLOOD_B, KILLED, 900),), ())
    point = Point(
        "conflict",
        (StatementRef.of("a", a.statements[0]), StatementRef.of("b", b.statements[0])),
        "x",
        0.9,
    )
    comparison = Comparison((a, b), points=(point,), numbers=tuple(numbers_table([a, b], [point])))
    return replace(comparison, summary=summarize(comparison))


def test_a_disagreement_cites_the_headline_that_gives_the_figure():
    body_a, title_a, body_b = FLOOD_A, FLOOD_TITLE, FLOOD_B
    comparison = headline_conflict()
    (row,) = comparison.numbers
    assert row.conflict and row.headline == {"a": (False, True), "b": (False,)}
    (finding,) = [f for f in comparison.summary if f.section == "numbers"]
    cited = [(ref.article, ref.headline, ref.text) for ref in finding.evidence]
    assert cited == [("a", False, body_a), ("a", True, title_a), ("b", False, body_b)]
    (into_title,) = [ref for ref in finding.evidence if ref.headline]
    assert (into_title.start, into_title.end) == (0, len(title_a))
    assert StatementRef.from_dict(into_title.to_dict()) == into_title
    # A body's reference is written as before the field existed.
    assert "headline" not in finding.evidence[0].to_dict()

    tree = parse(render_comparison_html(comparison))
    target = f"a0-h0-{len(title_a)}"
    (heading,) = [e for e in tree.find("h3") if e.attrs.get("id") == "a0-title"]
    (marked,) = [e for e in tree.elements if e.attrs.get("id") == target]
    assert id(heading) in marked.ancestors and marked.text == title_a
    # The list of headlines lights the same statement, without a second id.
    assert len([e for e in tree.elements if e.attrs.get("data-sid") == target]) == 2
    links = [e for e in tree.find("a") if e.attrs.get("href") == f"#{target}"]
    assert [e.text for e in links] == [title_a]
    cells = [e.text for e in tree.find("td") if "(in the headline)" in e.text]
    assert cells == ["300 people300 (in the headline)"]

    markdown = render_comparison_markdown(comparison)
    assert f"*Outlet a (headline)*: {title_a}" in markdown
    assert "300 people; 300 (in the headline)" in markdown
