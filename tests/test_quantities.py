"""Quantities and dates: each construction on its own sentence, then the seeds against the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import storydiff.nlp.quantities  # noqa: F401  (registers the storydiff_quantities factory)
from storydiff.clean import clean
from storydiff.model import Date, DateRange, Document, Quantity
from storydiff.nlp.pipeline import pipeline_name
from storydiff.nlp.quantities import normalise_dates, read_number, words_of

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"


@pytest.fixture(scope="module")
def quantity_nlp():
    nlp = spacy.load(pipeline_name())
    nlp.add_pipe("storydiff_entities")
    nlp.add_pipe("storydiff_quotes")
    nlp.add_pipe("storydiff_quantities")
    return nlp


def _quantities(nlp, text: str) -> list[Quantity]:
    doc = nlp(text)
    for quantity in doc._.quantities:
        assert doc.text[quantity.start : quantity.end] == quantity.text
    return doc._.quantities


def _only(nlp, text: str) -> Quantity:
    found = _quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]


def _reading(quantity: Quantity) -> str:
    """A quantity's value, or its range, and unit in one string: "1200", "24..99", "64 percent"."""
    if quantity.value is not None:
        number = str(quantity.value)
    else:
        number = f"{quantity.low}..{quantity.high}"
    return f"{number} {quantity.unit}" if quantity.unit else number


@pytest.mark.parametrize(
    ("sentence", "text", "reading"),
    [
        ("Police said 1,200 protesters gathered at the town hall.", "1,200 protesters", "1200"),
        ("Fifteen thousand runners took part in the race.", "Fifteen thousand runners", "15000"),
        ("The ministry plans to hire two million workers.", "two million workers", "2000000"),
        ("The council approved a budget of $3.5 billion.", "$3.5 billion", "3500000000 USD"),
        ("The bank lent £40m to the club.", "£40m", "40000000 GBP"),
        ("Turnout reached 64 percent in the capital.", "64 percent", "64 percent"),
        ("Support for the plan stands at 41.5% nationally.", "41.5%", "41.5 percent"),
        ("A third of pupils walk to school.", "A third of pupils", "0.3333 fraction"),
        ("Dozens of shops were looted overnight.", "Dozens of shops", "24..99"),
        ("Several ambulances raced to the scene.", "Several ambulances", "3..9"),
        ("A handful of fishermen refused to leave.", "A handful of fishermen", "2..6"),
        ("Thousands of fans queued for tickets.", "Thousands of fans", "1000..9999"),
        ("Tens of thousands of farmers marched.", "Tens of thousands of farmers", "20000..99999"),
        (
            "Hundreds of thousands of ducks migrate.",
            "Hundreds of thousands of ducks",
            "200000..999999",
        ),
        ("Between 40 and 60 boats joined the search.", "Between 40 and 60 boats", "40..60"),
        ("The lorry carried 20 tonnes of grain.", "20 tonnes of grain", "20 t"),
    ],
)
def test_quantity_kinds(quantity_nlp, sentence, text, reading):
    quantity = _only(quantity_nlp, sentence)
    assert quantity.text == text
    assert _reading(quantity) == reading


@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("About 300 homes lost power in the storm.", "About 300 homes", "about"),
        ("Around 70 volunteers cleared the beach.", "Around 70 volunteers", "about"),
        ("Some 45 lorries were stuck at the border.", "Some 45 lorries", "about"),
        ("Nearly 90 teachers signed the letter.", "Nearly 90 teachers", "almost"),
        ("Almost 500 flights were cancelled.", "Almost 500 flights", "almost"),
        ("More than 600 doctors went on strike.", "More than 600 doctors", "more than"),
        ("Over 250 cars were damaged by hail.", "Over 250 cars", "more than"),
        ("Fewer than 20 seats remain empty.", "Fewer than 20 seats", "less than"),
        ("Up to 80 trains a day will run.", "Up to 80 trains", "up to"),
        ("At least 14 miners were trapped underground.", "At least 14 miners", "at least"),
        ("No more than 30 guests may attend the wedding.", "No more than 30 guests", "at most"),
        ("Exactly 12 jurors heard the case.", "12 jurors", None),
    ],
)
def test_qualifiers_are_part_of_the_text_and_normalised(quantity_nlp, sentence, text, qualifier):
    quantity = _only(quantity_nlp, sentence)
    assert quantity.text == text
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        # subject of a copula: the noun and the complement
        (
            "Roughly 4,000 families are without clean water after the flood.",
            "families without clean water after the flood",
        ),
        # subject of a progressive: the participle and its object
        (
            "Hundreds of firefighters have been tackling the blaze since dawn.",
            "firefighters tackling the blaze since dawn",
        ),
        # subject of a passive: a relative clause
        (
            "Dozens of patients could be moved to other hospitals.",
            "patients who could be moved to other hospitals",
        ),
        # the noun's own modifiers stay with it
        (
            "Thousands of hospital workers walked out on Friday.",
            "hospital workers who walked out on Friday",
        ),
        # object of a verb: what the subject did to it
        (
            "Inspectors seized 60 crates of fireworks at the port.",
            "crates of fireworks that inspectors seized at the port",
        ),
        # "X is home to N": where they live
        (
            "The valley, which is home to about 90,000 farmers, flooded.",
            "farmers living in the valley",
        ),
        # the object of a noun's "of": the noun says what happened to them
        (
            "The evacuation of 300 tourists from the island took two days.",
            "evacuation of tourists from the island",
        ),
        # a measured amount with no counted noun: what the clause says it measures
        ("Unemployment fell to 4.2 percent in March.", "unemployment fell to"),
    ],
)
def test_counts_describe_the_counted_noun_in_its_clause(quantity_nlp, sentence, counts):
    assert _only(quantity_nlp, sentence).counts == counts


def test_attribution_is_not_part_of_what_is_counted(quantity_nlp):
    quantity = _only(
        quantity_nlp, "About 2,500 students are at risk of failing, according to the union."
    )
    assert quantity.counts == "students at risk of failing"


def test_claimed_by_the_speaker_of_the_quote_holding_the_number(quantity_nlp):
    text = (
        'The mayor, Ana Ruiz, said: "More than 10,000 homes have no heating." '
        "The city has 80 schools."
    )
    claimed, own = _quantities(quantity_nlp, text)
    assert claimed.text == "More than 10,000 homes"
    assert claimed.claimed_by == "Ana Ruiz"
    assert own.text == "80 schools"
    assert own.claimed_by is None


def test_reported_speech_is_claimed_too(quantity_nlp):
    quantity = _only(quantity_nlp, "The charity said that about 700 children had been rescued.")
    assert quantity.claimed_by == "The charity"


def test_without_quotes_every_number_is_the_outlets(quantity_nlp):
    with quantity_nlp.select_pipes(disable=["storydiff_quotes"]):
        doc = quantity_nlp('She said: "At least 40 shops have closed."')
    assert [(q.text, q.claimed_by) for q in doc._.quantities] == [("At least 40 shops", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge was opened in 1998 by the queen.",
        "The summit ended on 14 June with a joint statement.",
        "Marta Olsen, 47, of Bergen, was charged on Monday.",
        "The talks went to Working Group 2231 and then to Level I of the review.",
        "The F-35 jets landed at the base.",
        "She finished second in the final.",
        "The meeting starts at 9.30am.",
        "Lewis won the race for the seventh time.",
        "It is one of the oldest bridges in the country.",
    ],
)
def test_numbers_that_are_not_quantities_are_skipped(quantity_nlp, sentence):
    assert _quantities(quantity_nlp, sentence) == []


def test_dates_are_found_without_the_quantities(quantity_nlp):
    doc = quantity_nlp(
        "On 3 March the agency said that 25 workers had been hurt since January 19, "
        "and last week it closed the plant."
    )
    assert [d.text for d in doc._.dates] == ["3 March", "January 19", "last week"]
    assert [q.text for q in doc._.quantities] == ["25 workers"]
    for date in doc._.dates:
        assert doc.text[date.start : date.end] == date.text


def test_durations_and_codes_are_not_dates(quantity_nlp):
    doc = quantity_nlp("Over the years the rules of Committee 1267 have changed twice.")
    assert doc._.dates == []


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("3 March", "2021-03-10", "2021-03-03"),
        ("3 March", None, "--03-03"),
        ("December 30", "2021-01-04", "2020-12-30"),
        ("January 2", "2020-12-30", "2021-01-02"),
        ("March 3, 2019", "2021-03-10", "2019-03-03"),
        ("the 5th of May", "2021-06-01", "2021-05-05"),
        ("yesterday", "2021-03-10", "2021-03-09"),
        ("yesterday", None, None),
        ("on Tuesday", "2021-03-10", "2021-03-09"),
        ("last week", "2021-03-10", DateRange("2021-03-01", "2021-03-07")),
        ("last week", None, None),
        ("last month", "2021-03-10", DateRange("2021-02-01", "2021-02-28")),
        ("earlier this year", "2021-03-10", DateRange("2021-01-01", "2021-03-10")),
        ("two days ago", "2021-03-10", "2021-03-08"),
        ("2019", None, DateRange("2019-01-01", "2019-12-31")),
        ("September 2020", None, DateRange("2020-09-01", "2020-09-30")),
        ("the years", "2021-03-10", None),
    ],
)
def test_normalise_dates(text, published, value):
    dates = [Date(0, len(text), text)]
    (normalised,) = normalise_dates(dates, published)
    assert normalised.value == value
    assert normalised.text == text
    assert dates[0].value is None


def test_publication_date_with_a_time_is_used(quantity_nlp):
    (normalised,) = normalise_dates([Date(0, 5, "today")], "2021-03-10T08:15:00Z")
    assert normalised.value == "2021-03-10"


@pytest.mark.parametrize(
    ("phrase", "value", "low", "high"),
    [
        ("three hundred and fifty", 350, None, None),
        ("twenty-one", 21, None, None),
        ("half a million", 500000, None, None),
        ("1.2 million", 1200000, None, None),
        ("a dozen", 12, None, None),
        ("several hundred", None, 300, 999),
        ("two to three million", None, 2000000, 3000000),
    ],
)
def test_read_number(phrase, value, low, high):
    reading = read_number(words_of(phrase))
    assert (reading.value, reading.low, reading.high) == (value, low, high)


def test_a_score_is_not_a_range():
    assert read_number(words_of("52-48")) is None


# --- the seeds ---------------------------------------------------------------------------------


def _gold() -> dict:
    return json.loads((DATA / "seeds.gold.json").read_text(encoding="utf-8"))


def _seed_doc(nlp, name: str):
    raw = (SEEDS / name).read_text(encoding="utf-8").replace("\xa0", " ")
    article = clean(Document(source=str(SEEDS / name), text=raw, kind="text"))
    return nlp(article.text)


def _head_noun(nlp, counts: str) -> str:
    """The head noun of a gold "counts" paraphrase: the root of its first noun chunk
    ("people who ...", "chlorine containers delivered ..." gives "containers")."""
    doc = nlp(counts)
    chunk = next(iter(doc.noun_chunks))
    return chunk.root.text


@pytest.mark.parametrize("name", ["000_5988aafb84cd7969.txt", "001_4776b1b0b6ff724a.txt"])
def test_seed_quantities_and_dates_match_the_gold(quantity_nlp, name):
    gold = _gold()["articles"][name]
    doc = _seed_doc(quantity_nlp, name)
    found = {q.text: q for q in doc._.quantities}
    for wanted in gold["quantities"]:
        assert wanted["text"] in found, (wanted["text"], list(found))
        counts = found[wanted["text"]].counts
        assert counts and any(c.isalpha() for c in counts)
        head = _head_noun(quantity_nlp, wanted["counts"])
        if head == "population":  # "population of the area": the people who live there
            head = "people"
        assert head in counts, (head, counts)
    dates = [d.text for d in doc._.dates]
    for wanted in gold["dates"]:
        assert wanted["text"] in dates


def test_seed_values_qualifiers_and_claims(quantity_nlp):
    doc = _seed_doc(quantity_nlp, "000_5988aafb84cd7969.txt")
    found = {q.text: q for q in doc._.quantities}
    about = found["About 800,000 people"]
    assert (about.value, about.qualifier, about.claimed_by) == (
        800000,
        "about",
        "UN officials",
    )
    vague = found["Hundreds of thousands of people"]
    assert (vague.value, vague.low, vague.high) == (None, 200000, 999999)
    assert vague.claimed_by == "Donald Trump"
    assert found["more than three million people"].value == 3000000
    assert found["more than three million people"].qualifier == "more than"
    assert found["Almost two million people"].qualifier == "almost"
    assert found["Thousands of government troops"].claimed_by is None


def test_matching_runs_finds_what_matching_the_whole_text_finds(quantity_nlp):
    from spacy.matcher import Matcher

    from storydiff.nlp.quantities import MATCHER_PATTERNS, RunMatcher

    whole = Matcher(quantity_nlp.vocab)
    whole.add("QUANTITY", MATCHER_PATTERNS)
    runs = RunMatcher(quantity_nlp.vocab, MATCHER_PATTERNS)
    texts = [
        clean(Document(str(p), p.read_text(encoding="utf-8"), kind="text")).text
        for p in SEEDS.iterdir()
    ]
    texts += [p.read_text(encoding="utf-8") for p in (DATA / "styles").iterdir()]
    texts.append("Between 40 and 60 boats, a few dozen of them, and half a million people: 3-4.")
    found = 0
    for doc in quantity_nlp.pipe(texts):
        expected = sorted((start, end) for _, start, end in whole(doc))
        assert sorted(runs(doc)) == expected
        found += len(expected)
    assert found > 20


def test_a_pattern_testing_other_attributes_is_refused(quantity_nlp):
    from storydiff.nlp.quantities import RunMatcher

    with pytest.raises(ValueError, match="more than words and numbers"):
        RunMatcher(quantity_nlp.vocab, [[{"POS": "NUM"}]])
