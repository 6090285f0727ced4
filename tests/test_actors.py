"""Linking entities across articles: spellings, particles and metonymy."""

from __future__ import annotations

from storydiff.compare.actors import fold, link_entities, same_person
from storydiff.compare.framing import framing_table, own_voice_share
from storydiff.model import Analysis, Article, Entity, Span


def _analysis(
    article_id: str, *entities: tuple[str, str], agents: tuple[str, ...] = ()
) -> Analysis:
    article = Article(id=article_id, source=f"{article_id}.txt", text="x")
    return Analysis(
        article=article,
        entities=tuple(
            Entity(f"e{i}", name, kind, (Span(0, 1, name),), agent=name in agents)
            for i, (name, kind) in enumerate(entities)
        ),
    )


def test_spelling_variants_and_particles():
    assert same_person(fold("Recep Tayyip Erdogan"), fold("Rejep Tayyip Erdoğan"))
    assert same_person(fold("Bashar al-Assad"), fold("Bashar Assad"))
    assert same_person(fold("Assad"), fold("Bashar al Assad"))
    assert not same_person(fold("Hillary Clinton"), fold("Bill Clinton"))
    assert not same_person(fold("Mark Kelly"), fold("Mary Kelly"))
    assert not same_person(fold("John Hall"), fold("John Hill"))
    assert not same_person(fold("Mohammed bin Salman"), fold("King Salman"))


def test_capitals_and_seats_stand_for_their_country():
    first = _analysis(
        "a", ("Ankara", "GPE"), ("Kremlin", "ORG"), ("Helsinki", "GPE"), agents=("Ankara",)
    )
    second = _analysis(
        "b", ("Turkey", "GPE"), ("Russia", "GPE"), ("Turkish", "NORP"), ("Finland", "GPE")
    )
    actors = {a.name: a.members for a in link_entities([first, second])}
    assert actors["Turkey"] == {"a": ("e0",), "b": ("e0", "e2")}
    assert actors["Russia"] == {"a": ("e1",), "b": ("e1",)}
    # A capital that is only where something happened stays a city.
    assert actors["Helsinki"] == {"a": ("e2",)} and actors["Finland"] == {"b": ("e3",)}


def test_people_link_across_articles_only_when_names_agree():
    first = _analysis("a", ("Bashar al Assad", "PERSON"), ("Hillary Clinton", "PERSON"))
    second = _analysis("b", ("Bashar Assad", "PERSON"), ("Bill Clinton", "PERSON"))
    linked = [a for a in link_entities([first, second]) if len(a.members) == 2]
    assert [a.name for a in linked] == ["Bashar al Assad"]


def test_framing_counts_terms_by_voice(seed_analyses):
    sky = seed_analyses["000_5988aafb84cd7969.txt"]
    sputnik = seed_analyses["001_4776b1b0b6ff724a.txt"]
    rows = {row.actor: row for row in framing_table([sky, sputnik])}
    armed = rows["armed groups"].labels
    sky_cells = {(c.text, c.voice) for c in armed[sky.article.id]}
    sputnik_cells = {(c.text, c.voice) for c in armed[sputnik.article.id]}
    assert ("rebel", "own") in sky_cells and ("terrorist", "own") not in sky_cells
    assert ("terrorist", "own") in sputnik_cells
    assert own_voice_share(sputnik) > own_voice_share(sky)
