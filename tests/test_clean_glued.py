"""Articles delivered one to a line, the whole body in one paragraph: none may be lost for
its shape, and the site text glued to its ends is cut off with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydiff.clean import clean
from storydiff.clean.glued import leading_stamp
from storydiff.clean.lines import sentences
from storydiff.model import Document
from storydiff.sources import read_inputs, read_text

CORPUS = Path(__file__).parent / "data" / "one_paragraph_corpus.jsonl"
EXPECTED = {
    record["id"]: record
    for record in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())
}


def test_every_one_paragraph_article_keeps_its_body_and_loses_what_was_glued_on():
    documents = list(read_inputs([str(CORPUS)]))
    assert len(documents) == len(EXPECTED)
    for document in documents:
        assert isinstance(document, Document), document
        article = clean(document)
        expected = EXPECTED[document.id]
        assert article.text == expected["body"], document.id
        assert [cut.text for cut in article.removed] == expected["glued"], document.id
        assert all(cut.line == 1 and cut.reason for cut in article.removed)


def test_date_stamp_glued_to_the_body_gives_the_publication_date():
    (document,) = [d for d in read_inputs([str(CORPUS)]) if d.id == "a0"]
    assert clean(document).published == "2019-06-04"


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("Published June 4, 2019 10:15 am The council met.", "Published June 4, 2019 10:15 am "),
        ("Updated: 2020-05-05 09:30 BST Prices rose.", "Updated: 2020-05-05 09:30 BST "),
        ("By Jane Roe and John Doe June 4 2019 The vote", "By Jane Roe and John Doe June 4 2019 "),
        ("By Sunday, officials had left.", ""),
        ("By most accounts the law worked.", ""),
        ("Published reports say the law worked.", ""),
        ("Home News World Rain is due.", "Home News World "),
    ],
)
def test_leading_stamp(text, stamp):
    assert text[: leading_stamp(text)[0]] == stamp


def test_sentences_split_before_capitals_and_symbols_not_abbreviations_in_lower_case():
    assert sentences("He left. © 2020 Site. It rained e.g. often.") == [
        "He left.",
        "© 2020 Site.",
        "It rained e.g. often.",
    ]


def test_a_promo_in_the_middle_of_a_long_paragraph_does_not_remove_it():
    body = " ".join(
        [f"The report found that crop yields fell in region {n} last year." for n in range(3)]
        + ["It says you can subscribe to its data service."]
        + [f"Rainfall was below average in region {n} too." for n in range(3)]
    )
    article = clean(read_text(body, "mid-promo.txt", kind="text"))
    assert article.text == body
    assert not article.removed


def test_a_long_line_that_is_all_furniture_is_still_furniture():
    promo = " ".join(["Sign up for our newsletter. Follow us on Twitter."] * 8)
    text = f"A short title here\n\n{promo}\n\nThe body is one sentence that is long enough to stay."
    article = clean(read_text(text, "promo.txt", kind="text"))
    assert "newsletter" not in article.text
    assert [r.reason for r in article.removed if "newsletter" in r.text] == ["promo"]


@pytest.mark.parametrize(
    "text",
    [
        "Business travel is booming again this year.",
        "World news of the day was dominated by the storm.",
    ],
)
def test_section_words_that_start_a_sentence_are_not_a_menu(text):
    assert leading_stamp(text) == (0, "")


@pytest.mark.parametrize(
    "text",
    [
        "By Friday — the deadline set by the council — no deal had been reached at all.",
        "World Health Organization officials said on Monday that the outbreak was over.",
    ],
)
def test_dates_and_names_at_the_start_are_not_stamps(text):
    assert leading_stamp(text) == (0, "")


def test_runs_of_capitals_and_buttons_are_judged_quickly():
    # Patterns that could backtrack exponentially on these lines must answer at once.
    lines = ["By CHRISTOPHER TORCHIA ASSOCIATED PRESS for now", " ".join(["Share"] * 40)]
    text = "A title for the page\n\n" + "\n\n".join(lines) + "\n\nThe body is one long sentence."
    article = clean(read_text(text, "runs.txt", kind="text"))
    assert [r.reason for r in article.removed] == ["navigation"]
