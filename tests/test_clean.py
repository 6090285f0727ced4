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
