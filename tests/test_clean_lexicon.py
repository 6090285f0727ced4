"""Furniture wording per language, read from data files, and lines judged by their neighbours
across blank lines on pages that set every line apart."""

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


def test_a_caption_line_after_a_credit_goes_when_every_line_stands_apart():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, "Photo: Jane Roe"]
        + ["Workers on the old bridge in March", CLOSE]
    )
    text, removed = _clean(page)
    assert removed["Workers on the old bridge in March"] == "caption"
    assert text == f"{LEDE}\n\n{CLOSE}"


def test_a_heading_after_a_promo_stays_when_every_line_stands_apart():
    page = "\n\n".join(
        ["Town votes to rebuild the old bridge", LEDE, "Sign up for our newsletter"]
        + ["What happens next", CLOSE]
    )
    text, removed = _clean(page)
    assert removed["Sign up for our newsletter"] == "promo"
    assert "What happens next" in text


def test_blocks_of_several_lines_keep_their_blank_lines_meaning():
    # The page groups its lines in blocks, so the blank line before the heading sets it apart
    # from the credit above it.
    page = "\n\n".join(
        [
            "Town votes to rebuild the old bridge",
            f"{LEDE}\nIt will cost four million euros, the council said.",
            "Photo: Jane Roe\nWorkers on the old bridge",
            "What happens next",
            f"{CLOSE}\nThe road stays open meanwhile, the council said.",
        ]
    )
    text, _ = _clean(page)
    assert "What happens next" in text
