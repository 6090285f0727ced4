"""The repetition pass: which copy of a repeated line goes, and why, however many copies a page
prints. The verdicts are those the pass gave when it compared every pair of lines; it now works
per distinct text, so thousands of copies must give the same verdicts as a handful."""

from __future__ import annotations

from storydiff.clean import clean
from storydiff.clean.furniture import wording_for
from storydiff.clean.lines import split_lines
from storydiff.clean.repetition import CAPTION_MAX_COPIES, by_repetition
from storydiff.sources import read_text

SENTENCE = "The talks will resume in Geneva next week, officials said."
CAPTION = "Rescue teams at the flooded bridge"
PULL = '"We will rebuild this town together."'
PARAGRAPH = f"Speaking in the square, the mayor, Anne Hill, said: {PULL}"


def _reasons(text: str, site_names: frozenset[str] = frozenset()) -> dict[int, str | None]:
    verdicts = by_repetition(split_lines(text), set(site_names), wording_for("en"))
    return {number: verdict.reason for number, verdict in sorted(verdicts.items())}


def test_a_repeated_sentence_keeps_its_first_copy():
    assert _reasons("\n\n".join([SENTENCE] * 5)) == {n: "duplicate" for n in (3, 5, 7, 9)}


def test_thousands_of_copies_of_a_sentence_keep_the_first():
    copies = 3000
    reasons = _reasons("\n\n".join([SENTENCE] * copies))
    assert sorted(reasons) == list(range(3, 2 * copies, 2))
    assert set(reasons.values()) == {"duplicate"}
    article = clean(read_text("\n\n".join([SENTENCE] * copies)))
    assert article.text == SENTENCE
    assert len(article.removed) == copies - 1


def test_every_copy_of_a_repeated_caption_goes():
    copies = CAPTION_MAX_COPIES
    assert _reasons("\n".join([CAPTION] * copies)) == {n: "caption" for n in range(1, copies + 1)}
    assert _reasons("\n\n".join([CAPTION] * 2)) == {1: "caption", 3: "caption"}


def test_a_line_printed_more_often_than_a_caption_is_a_row_label_and_stays():
    # A meal plan prints "Eat every two hours" under each of its meals: no gallery repeats a
    # caption that often.
    plan = "\n\n".join(
        f"Meal {n}\n\nEat every two hours\n\nOne cup of oats and a pear" for n in range(6)
    )
    assert _reasons("\n".join([CAPTION] * (CAPTION_MAX_COPIES + 1))) == {}
    assert _reasons("\n".join([CAPTION] * 4000)) == {}
    assert "Eat every two hours" in clean(read_text(plan)).text


def test_caption_copies_with_a_label_a_glued_credit_or_the_site_stamp():
    text = "\n".join(
        [
            CAPTION,
            f"Image: {CAPTION}",
            f"© Reuters / Jane Roe{CAPTION}",
            f"{CAPTION} - Sky News",
        ]
    )
    assert _reasons(text, frozenset({"Sky News"})) == {
        1: "caption",
        2: "caption",
        3: "credit",
        4: "caption",
    }


def test_a_pull_quote_goes_wherever_it_stands_and_the_paragraph_stays():
    text = "\n\n".join([PULL, PARAGRAPH, "Other words here.", PULL])
    assert _reasons(text) == {1: "duplicate", 7: "duplicate"}


def test_lines_that_end_one_another():
    text = "\n".join(("word " * count).strip() for count in range(1, 8))
    assert _reasons(text) == {n: "caption" for n in range(3, 8)}
    # Five thousand lines of 1 to 200 words: a line of sixteen words or more reads as prose,
    # so each shorter line that ends it is its pull quote; the longest, repeated without a
    # full stop 25 times, more often than any caption is, are left alone; lines of one or two
    # words are never compared.
    words = {number: count % 200 + 1 for number, count in enumerate(range(5000), 1)}
    reasons = _reasons("\n".join(("word " * count).strip() for count in words.values()))
    assert reasons == {number: "duplicate" for number, count in words.items() if 3 <= count < 200}


def test_a_copy_is_judged_by_the_last_comparison_that_meets_it():
    text = "\n".join(
        [
            "Rebels hold the hill road",
            "Rebels hold the hill road.",
            "Witnesses said that rebels hold the hill road",
            "Rebels hold the hill road",
            "Image: Rebels hold the hill road",
        ]
    )
    assert _reasons(text) == {1: "caption", 4: "caption", 5: "caption"}
