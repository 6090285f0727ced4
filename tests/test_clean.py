"""The cleaner on the seeds (checked line by line against the gold) and on scrapes in other
outlets' styles, where it must keep every body sentence and drop the furniture too."""

from __future__ import annotations

import pytest

from storydiff.clean import classify_lines, clean
from storydiff.errors import Code, InputError
from storydiff.model import Document
from storydiff.sources import read_inputs

from .conftest import SEEDS


def _document(name: str) -> Document:
    (document,) = list(read_inputs([str(SEEDS / name)]))
    assert isinstance(document, Document)
    return document


@pytest.mark.parametrize("name", ["000_5988aafb84cd7969.txt", "001_4776b1b0b6ff724a.txt"])
def test_seed_lines_match_gold(gold, name):
    expected = gold["articles"][name]
    judged = classify_lines(_document(name))
    verdicts, outlet = judged.verdicts, judged.outlet
    removed = {n for n, v in verdicts.items() if v.role == "furniture"}
    headings = {n for n, v in verdicts.items() if v.role == "heading"}
    assert removed == set(expected["boilerplate_lines"])
    assert headings == set(expected["heading_lines"])
    assert outlet == expected["outlet"]
    title_lines = [n for n, v in verdicts.items() if v.role == "title"]
    assert title_lines == [expected["title_line"]]


@pytest.mark.parametrize("name", ["000_5988aafb84cd7969.txt", "001_4776b1b0b6ff724a.txt"])
def test_seed_article_fields(gold, name):
    expected = gold["articles"][name]
    article = clean(_document(name))
    assert article.title == expected["title"]
    assert article.outlet == expected["outlet"]
    assert "\xa0" not in article.text
    assert [h.text for h in article.headings] == [
        article.text[h.start : h.end] for h in article.headings
    ]
    assert all(
        r.reason
        in {"caption", "credit", "teaser", "promo", "navigation", "footer", "other-language"}
        for r in article.removed
    )


def test_sputnik_removal_reasons():
    article = clean(_document("001_4776b1b0b6ff724a.txt"))
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons[6] == "credit"
    assert reasons[7] == "caption"
    assert reasons[20] == "teaser"
    assert reasons[60] == "footer"
    assert reasons[62] == "other-language"


def test_sky_captions_repeated_with_prefix_are_captions():
    article = clean(_document("000_5988aafb84cd7969.txt"))
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons[5] == reasons[6] == "caption"
    assert reasons[26] == "navigation"


WIRE_SCRAPE = """Skip to main content
World
Politics

Flood waters rise across the delta as thousands flee their homes

WASHINGTON (Reuters) - Thousands of residents fled rising flood waters on Tuesday, officials said, as rivers across the delta burst their banks after a week of heavy rain.

Emergency crews evacuated two hospitals overnight.
A man wades through a flooded street in the city centre
A man wades through a flooded street in the city centre - Reuters
"We have never seen anything like this," said the mayor, who asked residents to stay indoors.

Relief efforts

The army has deployed 2,000 soldiers to help with the rescue, according to a statement from the defence ministry.

READ MORE: How the delta became a flood plain

Forecasters expect more rain later this week.

Reporting by Jane Doe; Editing by John Roe
Share this article
"""


def test_wire_style_scrape():
    document = Document(source="wire.txt", text=WIRE_SCRAPE, kind="text")
    article = clean(document)
    assert article.title == "Flood waters rise across the delta as thousands flee their homes"
    assert article.outlet == "Reuters"
    for sentence in (
        "Thousands of residents fled rising flood waters",
        "Emergency crews evacuated two hospitals overnight.",
        "We have never seen anything like this",
        "The army has deployed 2,000 soldiers",
        "Forecasters expect more rain later this week.",
    ):
        assert sentence in article.text
    assert [h.text for h in article.headings] == ["Relief efforts"]
    removed = {r.text: r.reason for r in article.removed}
    assert removed["READ MORE: How the delta became a flood plain"] == "teaser"
    assert removed["Share this article"] == "navigation"
    assert "A man wades through a flooded street in the city centre" in removed
    assert removed["Reporting by Jane Doe; Editing by John Roe"] == "footer"
    assert "Skip to main content" in removed


def test_copyright_and_newsletter_promos_are_removed_but_prose_about_them_is_kept():
    text = (
        "Council votes to close the old library\n\n"
        "The council voted on Monday to close the library after a decade of falling visits.\n\n"
        "Residents said they would sign up for a campaign to keep it open.\n\n"
        "Sign up to our morning newsletter\n\n"
        "© 2024 Riverside Gazette\n"
    )
    article = clean(Document(source="local.txt", text=text, kind="text"))
    assert "Residents said they would sign up for a campaign" in article.text
    removed = {r.text: r.reason for r in article.removed}
    assert removed["Sign up to our morning newsletter"] == "promo"
    assert "© 2024 Riverside Gazette" in removed
    assert article.outlet == "Riverside Gazette"


def test_hard_wrapped_paragraph_is_joined():
    text = (
        "Storm closes schools\n\n"
        "Schools across the region were closed on Friday as the\n"
        "storm brought winds of up to 100 miles an hour to the coast.\n"
    )
    article = clean(Document(source="wrapped.txt", text=text, kind="text"))
    assert article.text == (
        "Schools across the region were closed on Friday as the storm brought winds of up to "
        "100 miles an hour to the coast."
    )


def test_given_metadata_is_used_as_is():
    text = "Breaking headline here today\n\nThe body of the story is one sentence long."
    document = Document(
        source="x.jsonl",
        text=text,
        kind="jsonl",
        title="Breaking headline here today",
        outlet="Example Times",
        published="2020-01-02",
    )
    article = clean(document)
    assert (article.title, article.outlet, article.published) == (
        "Breaking headline here today",
        "Example Times",
        "2020-01-02",
    )
    assert article.text == "The body of the story is one sentence long."


def test_published_line_is_detected():
    text = "Markets fall on rate fears\n\nPublished: 7 September 2018\n\nShares fell sharply on Friday as investors weighed the outlook for rates."
    article = clean(Document(source="d.txt", text=text, kind="text"))
    assert article.published == "2018-09-07"
    assert "Published" not in article.text


def test_page_with_only_furniture_is_an_error():
    text = "Home\nWorld\nShare this article\nSubscribe to our newsletter\n"
    with pytest.raises(InputError) as caught:
        clean(Document(source="menu.txt", text=text, kind="text"))
    assert caught.value.code is Code.E010


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le président a dit que la situation est grave et que les forces sont prêtes.", "fr"),
        ("Президент сказал, что ситуация в стране не простая и что это важно.", "ru"),
        ("Der Präsident sagte, dass die Lage ernst ist und die Truppen bereit sind.", "de"),
        ("The president said that the situation was serious and the troops were ready.", "en"),
    ],
)
def test_article_language_is_detected(text, language):
    article = clean(Document(source="x.txt", text=f"A headline here\n\n{text}", kind="text"))
    assert article.language == language


GERMAN_PAGE = """Stadtrat beschließt Sanierung der Hafenbrücke

Aktualisiert: 12.03.2020, 14:05 Uhr

Von Anna Beispiel und Jonas Muster

Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für mehrere Monate zu sperren. Ingenieure hatten im vergangenen Monat Risse an zwei Pfeilern entdeckt.

Foto: dpa

Lesen Sie auch: Neue Fähren für den Hafen

Die Bürgermeisterin sagte, die Arbeiten würden mindestens sechs Monate dauern und rund vier Millionen Euro kosten. Während der Sperrung sollen Fähren im Zwanzig-Minuten-Takt fahren.

Jetzt den Newsletter abonnieren und keine Nachricht verpassen.

Teilen
"""


def test_german_furniture_is_removed_by_the_german_lexicon():
    article = clean(Document(source="de.txt", text=GERMAN_PAGE, kind="text"))
    assert article.language == "de"
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons == {
        "Aktualisiert: 12.03.2020, 14:05 Uhr": "metadata",
        "Von Anna Beispiel und Jonas Muster": "byline",
        "Foto: dpa": "caption",
        "Lesen Sie auch: Neue Fähren für den Hafen": "teaser",
        "Jetzt den Newsletter abonnieren und keine Nachricht verpassen.": "promo",
        "Teilen": "navigation",
    }
    assert article.text.count("\n\n") == 1


def test_english_pages_are_not_judged_by_german_wording():
    text = "A title for the page\n\nMehr Licht was the motto of the exhibition, its curator said.\n"
    assert "Mehr Licht" in clean(Document(source="en.txt", text=text, kind="text")).text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("A trader works on the floor of the exchange. (AP Photo/Jane Roe, File)", "caption"),
        ("A trader works on the floor of the exchange. REUTERS/Jane Roe", "caption"),
        ("The mayor speaks at city hall on May 5, 2020. Jane Roe / AP file", "caption"),
        ("A map of the moon's craters. ( NASA/JPL/ASU )", "caption"),
        ("In this Monday, May 4, 2020, photo, a man walks past the shop.", "caption"),
        ("Image caption The mayor opened the bridge on Monday", "caption"),
        ("By JANE ROE, JOHN DOE and MARY MAJOR", "byline"),
        ("Updated at 1:23 p.m.", "metadata"),
        ("Posted: 18 Nov 2019 8:11 pm", "metadata"),
        ("Share this article Share on Facebook Share on Twitter", "navigation"),
        ("Jane Roe may be reached at jroe@example.com.", "footer"),
        ("Tell us what you think...", "promo"),
        ("On example.com: The ten best bridges of the year", "teaser"),
        ("A trader works on the floor. (Photo by Jane Roe/Getty Images)", "caption"),
        ("Written by Jane Roe and John Doe", "byline"),
        ("Facebook Twitter WhatsApp Email", "navigation"),
        ("Continue reading the main story", "navigation"),
        ("You might also like", "navigation"),
        ("READ NEXT: The ten best bridges of the year", "teaser"),
        ("Already a subscriber? Log in to keep reading this story.", "promo"),
        ("This article is only available to subscribers.", "promo"),
        ("Ferries return to the harbour | 3 hours ago", "metadata"),
        ("Sponsored by Example Bank", "navigation"),
        ("Your email address will not be published. Required fields are marked *", "footer"),
        ("« Previous Post", "navigation"),
        ("Credit...Jane Roe for Example News", "credit"),
        ("— With assistance from Jane Roe", "footer"),
        ("___", "navigation"),
        ("Buyer's Guide: Electric Bikes (Buy Now)", "promo"),
        ("Jane Roe, left, and John Doe open the bridge in Porto on Monday.", "caption"),
        ("From left: Jane Roe, John Doe and Mary Major at the harbour.", "caption"),
        ("FILE - A ferry crosses the river in Porto, Portugal, on May 5, 2020.", "caption"),
        ("Handout", "credit"),
        ("PHOTOS: Scenes from the harbour festival", "teaser"),
        ("More from Example: The ten best bridges", "teaser"),
        ("Your browser does not support the video tag.", "footer"),
        ("Up next", "navigation"),
    ],
)
def test_furniture_line_shapes(line, reason):
    body = "The council voted on Tuesday to close the bridge for six months of repairs."
    text = f"A title for the page\n\n{body}\n\n{line}\n\n{body.replace('six', 'eight')}\n"
    article = clean(Document(source="shapes.txt", text=text, kind="text"))
    assert [(r.text, r.reason) for r in article.removed] == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "By Sunday, officials had left the city.",
        "Also, the council said the ferries would run every twenty minutes.",
        "Updated figures show the repairs will cost more than planned.",
        "The photo agency said it would appeal the ruling on Monday.",
        "Facebook",
        "The ferry left the harbour 3 hours ago.",
        "Jane Roe (left) said the bridge would open in spring, and the council agreed.",
        "The ferry turned left, then right, and docked at the old pier on Monday.",
        "Handout payments rose sharply last year, the ministry said.",
        "Opinion is divided on the plan, the council said.",
        "The paper said its subscribers would keep reading the print edition.",
    ],
)
def test_body_lines_that_start_like_furniture_are_kept(line):
    text = f"A title for the page\n\n{line}\n\nThe council voted on Tuesday to close the bridge.\n"
    assert line in clean(Document(source="body.txt", text=text, kind="text")).text


@pytest.mark.parametrize(
    "line", ["Which would you rather be (cat/dog)", "said a spokeswoman, jane doe/ap"]
)
def test_lower_case_slashes_are_not_credits(line):
    text = f"A title for the page\n\n{line}\n\nThe council voted on Tuesday to close the bridge.\n"
    assert line in clean(Document(source="slash.txt", text=text, kind="text")).text
