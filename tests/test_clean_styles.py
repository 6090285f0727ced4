"""Scrapes in the house styles of other outlets (wire, public broadcaster, newspaper): every
body sentence kept, the furniture dropped, the speakers right. Written for the cleaner's
general rules, not copied from any outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff import analyze

STYLES = Path(__file__).parent / "data" / "styles"


@pytest.fixture(scope="module")
def styles():
    paths = sorted(STYLES.glob("*.txt"))
    return {Path(a.article.source).stem: a for a in analyze([str(p) for p in paths])}


def _removed(analysis) -> dict[str, str]:
    return {r.text: r.reason for r in analysis.article.removed}


def _quotes(analysis) -> set[tuple[str | None, str]]:
    return {(q.speaker.name, q.content.text) for q in analysis.quotes}


def test_broadcaster_labels_and_end_matter(styles):
    bbc = styles["bbc"]
    removed = _removed(bbc)
    assert removed["Image caption,"] == "caption"
    assert (
        removed["Waves crashed over the harbour wall in Newhaven on Thursday morning"] == "caption"
    )
    assert removed["Image source, Getty Images"] == "credit"
    assert removed["Published"] == "navigation"
    for end_matter in ("Related Topics", "Weather", "Devon", "More on this story", "Share"):
        assert end_matter in removed
    assert "The Met Office issued an amber warning for the south coast" in bbc.article.text
    assert bbc.article.published == "2023-11-02"


def test_caption_with_trailing_credit_and_related_label(styles):
    guardian = styles["guardian"]
    removed = _removed(guardian)
    assert (
        removed["Patients wait in a corridor at a hospital in London. Photograph: Jeff Moore/PA"]
        == "caption"
    )
    assert (
        removed["Related: NHS England waiting list rises to highest level since records began"]
        == "teaser"
    )
    assert "Health leaders say patients are paying the price" in guardian.article.text
    assert "Reuse this content" in removed


def test_wire_story_footer_and_dateline(styles):
    wire = styles["ap"]
    assert wire.article.outlet == "Associated Press"
    assert (
        _removed(wire)[
            "Associated Press writer Krutika Pathi in New Delhi contributed to this report."
        ]
        == "footer"
    )
    assert "Rescuers used their bare hands to dig through the rubble" in wire.article.text
    assert ("Namraj Bhattarai", "We are still trying to reach the remote areas,") in _quotes(wire)


def test_short_unpunctuated_paragraphs_are_kept(styles):
    short = styles["short"]
    assert short.article.removed == ()
    assert "Work is expected to begin in the spring" in short.article.text
    assert "The vote was close" in short.article.text


def test_prose_that_starts_like_furniture_is_kept(styles):
    misfire = styles["misfire"]
    text = misfire.article.text
    for sentence in (
        "Getty Images said it would appeal",
        "Copyright lawyers said the judgment",
        "Picture-perfect weather greeted the crowds",
        "More from the judge is expected",
        "If you sign up to these platforms, you give away your rights",
        "• Appeal likely",
        "Live updates from the court were posted",
    ):
        assert sentence in text
    assert list(_removed(misfire).values()) == ["duplicate"]


def test_pull_quote_repeat_goes_and_the_paragraph_stays(styles):
    pull = styles["pull"]
    assert 'the mayor, Anne Hill, said: "We will rebuild this town together."' in pull.article.text
    assert _removed(pull) == {'"We will rebuild this town together."': "duplicate"}
    assert "Analysis: the cost of the floods" in pull.article.text


def test_speakers_named_in_apposition_and_indefinite_descriptions(styles):
    quotes = _quotes(styles["spk"])
    assert ("Steve Barclay", "We are making progress on the longest waits.") in quotes
    assert ("Julian Hartley", "These figures show the scale of the challenge.") in quotes
    # A spokesperson the article never names is nobody's name; the words stay as the mention.
    (unnamed,) = [q.speaker for q in styles["spk"].quotes if q.speaker.name is None]
    assert unnamed.mention is not None and "Department of Health spokesperson" in unnamed.described


def test_acts_and_states_of_mind_are_not_quotes(styles):
    # Shelling, charging, ordering, expecting and fearing report no words; describing does.
    quotes = _quotes(styles["cues"])
    assert quotes == {
        (None, "the situation was under control"),  # "a government spokesperson" names nobody
        ("Maria Lopez", "the scenes as chaotic"),
    }


def test_quote_split_around_its_cue(styles):
    (quote,) = styles["split"].quotes
    assert quote.speaker.name == "Anne Hill"
    assert quote.content.text == "We will rebuild, and we will do it together."


def test_kicker_labels_bios_and_related_article_lines(styles):
    fox, cnn = styles["fox"], styles["cnn"]
    fox_removed = _removed(fox)
    assert fox_removed["FIRST ON FOX: Lawmakers demand answers over drone sightings"] == "teaser"
    assert fox_removed["Jane Roe is a politics reporter for Fox News Digital."] == "footer"
    assert "The bill now heads to the House" in fox.article.text
    assert fox.article.outlet == "Fox News"
    cnn_removed = _removed(cnn)
    assert cnn_removed["Related article"] == "navigation"
    assert cnn_removed["Brazil's president visits flood-hit state"] == "teaser"
    assert cnn.article.outlet == "CNN"
    flood = next(q for q in cnn.quotes if q.speaker.described == "officials")
    assert flood.content.text.startswith("Torrential rain")  # the dateline is not speech
