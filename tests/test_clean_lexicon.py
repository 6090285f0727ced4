"""Furniture wording per language, read from data files, and lines judged by their neighbours
across blank lines: a list header's teasers, a bare credit's caption."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files

from storydiff.clean import clean
from storydiff.clean.lexicon import (
    UNIVERSAL,
    Lexicon,
    available_languages,
    lexicon_for,
    wording_file,
)
from storydiff.compare.opinion import is_opinion
from storydiff.model import Document

LEDE = "The council voted on Tuesday to rebuild the old bridge over the river, officials said."
CLOSE = "The work will start in spring and take two years, the mayor told reporters."


def _clean(text: str) -> tuple[str, dict[str, str]]:
    article = clean(Document(source="page.txt", text=text, kind="text"))
    return article.text, {removed.text: removed.reason for removed in article.removed}


def test_every_wording_file_names_its_sources_and_knows_its_kinds():
    folder = files("storydiff.clean").joinpath("data/furniture")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    assert {"universal.toml", "en.toml", "de.toml"} <= set(names)
    for name in names:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        assert text.startswith("#"), name
        assert "Where the wording comes from" in text, name
        kinds = tomllib.loads(text).get("furniture", {})
        assert kinds and set(kinds) <= set(Lexicon.__dataclass_fields__), name


def test_fragments_are_filled_in_and_every_pattern_compiles():
    for language in available_languages() | {UNIVERSAL}:
        lexicon = wording_file(language).lexicon
        for kind in Lexicon.__dataclass_fields__:
            for pattern in getattr(lexicon, kind):
                assert not re.search(r"\{[a-z_]+\}", pattern), (language, pattern)
                re.compile(pattern)


def test_the_detected_language_picks_its_own_wording_on_top_of_english():
    english = lexicon_for("en")
    german = lexicon_for("de")
    assert set(english.promo_patterns) < set(german.promo_patterns)
    assert lexicon_for("xx") == english
    assert lexicon_for(None) == english


def test_a_portuguese_reading_time_stamp_goes():
    page = "\n\n".join(
        [
            "Uma nova biblioteca abre as portas no centro da cidade",
            "Tempo de leitura: 3 minutos",
            "A nova biblioteca municipal abriu as portas nesta segunda-feira com mais de "
            "vinte mil livros, disse a prefeitura.",
            "O prédio foi reformado durante dois anos e recebeu um novo jardim para as "
            "crianças da região.",
        ]
    )
    text, removed = _clean(page)
    assert removed["Tempo de leitura: 3 minutos"] == "metadata"
    assert "vinte mil livros" in text


def test_recipe_buttons_and_a_bare_web_address_are_furniture():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", "Jump to Recipe Print Recipe", LEDE]
        + ["www.example.org", CLOSE]
    )
    text, removed = _clean(page)
    assert removed["Jump to Recipe Print Recipe"] == "navigation"
    assert removed["www.example.org"] == "navigation"
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_a_heading_after_a_promo_stays_when_every_line_stands_apart():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, "Sign up for our newsletter"]
        + ["What happens next", CLOSE]
    )
    text, removed = _clean(page)
    assert removed["Sign up for our newsletter"] == "promo"
    assert "What happens next" in text


def test_a_bare_credit_in_a_block_of_its_own_leaves_the_paragraph_above_it():
    # The page groups its lines in blocks, so the blank line above the credit sets it apart
    # from the paragraph: the credit's caption is not above it.
    paragraph = "The mayor walked across the old bridge with engineers on Monday."
    page = "\n\n".join(
        [
            "Town votes to rebuild the old bridge",
            f"{LEDE}\nIt will cost four million euros, the council said.",
            paragraph,
            "Jane Roe | Reuters",
            f"{CLOSE}\nThe road stays open meanwhile, the council said.",
        ]
    )
    text, removed = _clean(page)
    assert removed["Jane Roe | Reuters"] == "credit"
    assert paragraph in text


def test_the_short_lines_under_a_list_header_are_teasers_to_the_page_end():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, CLOSE, "You may also like"]
        + ["Who will run the ferry next year?", "Five bridges that fell down", "Rates rise again"]
    )
    text, removed = _clean(page)
    assert removed["You may also like"] == "navigation"
    assert removed["Who will run the ferry next year?"] == "teaser"
    assert removed["Five bridges that fell down"] == "teaser"
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_a_list_header_followed_by_more_body_is_not_a_teaser_list():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, "Related", "What happens next", CLOSE]
    )
    text, removed = _clean(page)
    assert removed["Related"] == "navigation"
    assert "What happens next" in text


def test_a_headline_in_capitals_is_a_teaser_and_a_short_crosshead_stays():
    teaser = "MAYOR SAYS THE NEW BRIDGE WILL OPEN TWO YEARS EARLY"
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, teaser, "WHAT COMES NEXT", CLOSE]
    )
    text, removed = _clean(page)
    assert removed[teaser] == "teaser"
    assert "WHAT COMES NEXT" in text


def test_a_portrait_caption_of_names_and_a_year_goes_and_a_sentence_stays():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, "Jane Roe and John Doe in 2002."]
        + ["The old bridge opened in 1902.", CLOSE]
    )
    text, removed = _clean(page)
    assert removed["Jane Roe and John Doe in 2002."] == "caption"
    assert "The old bridge opened in 1902." in text


def test_the_line_above_a_bare_credit_is_its_caption():
    caption = "The mayor, centre, walks across the old bridge with engineers on Monday."
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, caption, "Jane Roe | Reuters", CLOSE]
    )
    text, removed = _clean(page)
    assert removed["Jane Roe | Reuters"] == "credit"
    assert removed[caption] == "caption"
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_a_labelled_credit_leaves_the_paragraph_above_it():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, "© Jane Roe / Reuters"]
        + ["Image caption The old bridge in March", CLOSE]
    )
    text, removed = _clean(page)
    assert "© Jane Roe / Reuters" in removed
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_a_line_that_is_only_a_date_is_metadata():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, CLOSE, "Tuesday, Nov. 19, 2019 10:15 AM"]
    )
    text, removed = _clean(page)
    assert removed["Tuesday, Nov. 19, 2019 10:15 AM"] == "metadata"
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_a_french_page_loses_its_own_furniture_and_keeps_its_body():
    body = [
        "Le conseil municipal a voté mardi la reconstruction du vieux pont sur la rivière, "
        "ont indiqué les services de la mairie.",
        "Les travaux commenceront au printemps et dureront deux ans, a précisé le maire "
        "devant la presse.",
    ]
    furniture = {
        "Publié le 12 mars 2024 à 10h15": "metadata",
        "Temps de lecture : 3 min": "metadata",
        "Lire aussi : Le pont fermé pour travaux": "teaser",
        "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.": "promo",
    }
    text, removed = _clean(_page("Le pont sera reconstruit", list(furniture), 3, body))
    assert all(line in text for line in body)
    assert {line: removed.get(line) for line in furniture} == furniture


def _page(title: str, furniture: list[str], above: int, body: list[str], *tail: str) -> str:
    """A page of lines set apart: the title, the first ``above`` furniture lines, the body, the
    rest of the furniture, then ``tail``."""
    return "\n\n".join([title, *furniture[:above], *body, *furniture[above:], *tail])


def test_a_row_of_tags_after_the_last_paragraph_is_metadata():
    tags = "bridges river transport city council"
    page = "\n\n".join(["Town votes to rebuild the old bridge", LEDE, CLOSE, tags])
    text, removed = _clean(page)
    assert removed[tags] == "metadata"
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_a_lower_case_line_inside_the_body_or_with_punctuation_stays():
    inside = "salt and pepper to taste"
    last = "a bridge, a river and a ferry that runs every hour"
    page = "\n\n".join(["Town votes to rebuild the old bridge", LEDE, inside, CLOSE, last])
    text, _ = _clean(page)
    assert inside in text
    assert last in text


DE_LEDE = (
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen, "
    "teilte die Verwaltung mit."
)
DE_CLOSE = (
    "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, sagte die Bürgermeisterin "
    "den Reportern."
)


def test_german_dates_captions_paywall_prompts_and_list_headers_go():
    furniture = {
        "19. November 2019, 14:30 Uhr": "metadata",
        "Symbolbild: Eine Brücke im Nebel": "caption",
        "Die Bürgermeisterin (v. l.) und der Baudezernent an der Brücke": "caption",
        "Bereits Abonnent? Melden Sie sich an, um den Artikel weiter zu lesen.": "promo",
        "Ähnliche Beiträge": "navigation",
    }
    teasers = ("Fähren fahren bald im Takt", "Der Hafen wird größer")
    page = _page(
        "Stadt baut die alte Brücke neu", list(furniture), 3, [DE_LEDE, DE_CLOSE], *teasers
    )
    text, removed = _clean(page)
    assert {line: removed[line] for line in furniture} == furniture
    assert removed["Fähren fahren bald im Takt"] == "teaser"
    assert text == f"{DE_LEDE}\n\n{DE_CLOSE}"


def test_a_writers_one_sentence_bio_after_the_body_goes_and_inside_it_stays():
    bio = "Jane Roe is a freelance writer based in Lisbon."
    news = "John Doe is a reporter who crossed the bridge every day for ten years."
    page = "\n\n".join(["Town votes to rebuild the old bridge", LEDE, news, CLOSE, bio, "Share"])
    text, removed = _clean(page)
    assert removed[bio] == "footer"
    assert text == f"{LEDE}\n\n{news}\n\n{CLOSE}"


def test_news_that_ends_on_a_photographer_or_mentions_a_trial_or_members_stays():
    last = "The man killed in the strike is a local freelance photographer."
    nato = "Turkey, which is already a member of NATO, said it would not block the vote."
    trial = "The company said new users could get a free trial of the service for a month."
    video = "The broadcaster said the video is unavailable in some countries for legal reasons."
    page = "\n\n".join(["Town votes to rebuild the old bridge", LEDE, nato, trial, video, last])
    text, removed = _clean(page)
    assert removed == {}
    assert text == "\n\n".join([LEDE, nato, trial, video, last])


def test_the_prompts_those_sentences_resemble_still_go():
    prompts = [
        "Already a subscriber? Log in here.",
        "Start your free trial today.",
        "Video unavailable",
    ]
    page = "\n\n".join(["Town votes to rebuild the old bridge", LEDE, *prompts, CLOSE])
    text, removed = _clean(page)
    assert set(prompts) <= set(removed)
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_an_opinion_pieces_labelled_headline_is_its_title():
    title = "Opinion | Why the bridge vote matters to the whole town"
    article = clean(
        Document(source="page.txt", text="\n\n".join([title, LEDE, CLOSE]), kind="text")
    )
    assert article.title == title
    assert is_opinion(article)
