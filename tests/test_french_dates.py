"""French dates: found without a recogniser that labels them, from the ``[dates]`` table of
``fr.toml`` (CLDR's names and relative forms), and resolved against the publication date by
the same reading as English's. The sentences are our own."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from storydiff import api
from storydiff.model import Date, DateRange
from storydiff.nlp.datewords import ENGLISH_DATES, date_words_from
from storydiff.nlp.lexicons import lexicons_for
from storydiff.nlp.quantities import date_value, normalise_dates
from storydiff.store import Store, run_ingest

# A Wednesday.
PUBLISHED = "2021-03-10"


def _dates(nlp: Language, text: str) -> list[str]:
    return [d.text for d in nlp(text)._.dates]


def test_dates_are_found_in_french_text(fr):
    text = (
        "Le 3 mars 2018, le préfet a fermé la route. Mardi dernier, il y a deux semaines "
        "et la semaine dernière, les pluies ont repris, comme l'an dernier et en 2015."
    )
    assert _dates(fr, text) == [
        "3 mars 2018",
        "Mardi dernier",
        "il y a deux semaines",
        "la semaine dernière",
        "l'an dernier",
        "2015",
    ]


def test_a_weekday_before_a_day_and_month_is_one_date(fr):
    assert _dates(fr, "Le jeudi 4 mars, la préfecture a levé l'alerte.") == ["jeudi 4 mars"]


@pytest.mark.parametrize(
    "text",
    [
        "Sept personnes ont été blessées.",
        "La sonde doit atteindre Mars.",
        "Le bâtiment accuse deux ans de retard.",
        "Il y a des milliers de manifestants.",
        "La semaine a été longue.",
    ],
)
def test_what_is_no_date_is_not_found(fr, text):
    assert _dates(fr, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3 mars 2018", "2018-03-03"),
        ("1er mars", "2021-03-01"),
        ("hier", "2021-03-09"),
        ("avant-hier", "2021-03-08"),
        ("aujourd'hui", "2021-03-10"),
        ("Mardi dernier", "2021-03-09"),
        ("vendredi prochain", "2021-03-12"),
        ("lundi soir", "2021-03-08"),
        ("il y a deux semaines", "2021-02-24"),
        ("il y a quelques jours", DateRange("2021-03-05", "2021-03-08")),
        ("la semaine dernière", DateRange("2021-03-01", "2021-03-07")),
        ("la semaine prochaine", DateRange("2021-03-15", "2021-03-21")),
        ("l'an dernier", DateRange("2020-01-01", "2020-12-31")),
        ("cette année", DateRange("2021-01-01", "2021-12-31")),
        ("ces derniers mois", DateRange("2021-02-10", "2021-03-10")),
        ("juin 2016", DateRange("2016-06-01", "2016-06-30")),
        ("février", DateRange("2021-02-01", "2021-02-28")),
    ],
)
def test_french_dates_are_resolved_against_the_publication_date(text, value):
    (dated,) = normalise_dates([Date(0, len(text), text)], PUBLISHED, "fr")
    assert dated.value == value


def test_a_relative_date_without_a_publication_date_has_no_value():
    (dated,) = normalise_dates([Date(0, 4, "hier")], None, "fr")
    assert dated.value is None


def test_french_words_are_not_read_as_english():
    french = lexicons_for("fr")
    assert date_value("hier", None) is None
    assert date_value("la semaine dernière", None, french.dates or ENGLISH_DATES) is None
    assert date_value("3 mars", None) is None
    assert date_value("3 mars", None, french.dates or ENGLISH_DATES) == "--03-03"


def test_a_table_without_dates_gives_none_and_a_role_must_be_known():
    assert date_words_from(None) is None
    with pytest.raises(ValueError, match="no role"):
        date_words_from({"roles": {"dernier": "final"}})


def test_a_stored_french_article_is_redated_in_french(tmp_path):
    """A publication date filled in later resolves "hier" again, read as French."""
    text = (
        "Le maire de la commune a annoncé hier la réouverture du pont, fermé depuis les "
        "inondations. « Les travaux sont terminés », a déclaré le maire devant les habitants."
    )
    bare, dated = tmp_path / "bare.jsonl", tmp_path / "dated.jsonl"
    bare.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    dated.write_text(json.dumps({"text": text, "published": PUBLISHED}) + "\n", encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        for path in (bare, dated):
            run_ingest(api.read([str(path)]), store, api.analyze_stream)
        analysis = store.analysis(store.query("SELECT id FROM articles LIMIT 1")[0][0])
    assert analysis.article.language == "fr" and analysis.coverage.dates
    assert [(d.text, d.value) for d in analysis.dates] == [("hier", "2021-03-09")]
