"""Linking every stored article's entities into the store's actors, as articles arrive.

The rules are those of a comparison (``storydiff.compare.actors``): a person is the same
person when the folded surnames agree and the given names agree where both are written; a
place, a nationality or a seat of government stands for its country. What changes is the
scale: a store links article by article, each new entity against the actors already stored,
and finds its candidates through an index on the folded surname (or place key), so that
ingest stays linear in the articles however many actors the store holds.

Each linked entity leaves its aliases: the entity's name, the other names its mentions use
("Mr Obama"), the descriptions the article resolved to it ("the president") and its titles
before its surname ("President Obama"). An alias and the article mentions it comes from are
rows (``actor_aliases``, ``actor_mentions``), so a name any outlet used finds the actor.

A mention made only of function words ("he", "I", "who", "many of whom") is how the article
refers back to the actor, not a name for it: taken as an alias it would make every "he" of the
store find one person. Such mentions, and lower-case ones that open with a function word other
than "the" ("his predecessor", "some of his advisers", "a spokesman"), which describe the actor
only relative to someone else or not at all, are left out. The function words are spaCy's stop
words for the article's language.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from storydiff.compare.actors import (
    PLACE_KINDS,
    country_name,
    fold,
    fullest_name,
    place_key,
    same_person,
)
from storydiff.compare.phrases import stop_words
from storydiff.model import Entity

PERSON = "PERSON"


def link_analyses(
    db: sqlite3.Connection, articles: Iterable[tuple[str, str | None, Iterable[Entity]]]
) -> int:
    """Link each ``(article id, language, entities)`` to the stored actors, making new actors
    for the entities no actor matches; runs inside the caller's transaction. Returns how many
    entities were linked."""
    linked = 0
    for article_id, language, entities in articles:
        function_words = stop_words(language)
        for entity in entities:
            if entity.kind != PERSON and entity.kind not in PLACE_KINDS:
                continue
            actor_id = _actor_for(db, entity)
            _record(db, article_id, aliases_of(entity, function_words), actor_id, entity.id)
            linked += 1
    return linked


def link_stored(db: sqlite3.Connection) -> int:
    """Link every article already in the store, oldest first (a store that had no actors, or
    whose actors are linked again from scratch)."""
    rows = db.execute(
        "SELECT id, language, json_extract(analysis, '$.entities') FROM articles "
        "ORDER BY published IS NULL, published, rowid"
    )
    return link_analyses(
        db,
        (
            (article_id, language, [Entity.from_dict(e) for e in json.loads(entities or "[]")])
            for article_id, language, entities in rows.fetchall()
        ),
    )


def forget_referring_aliases(db: sqlite3.Connection) -> int:
    """Remove the aliases an older storydiff took from mentions that only refer back ("He",
    "the who"), by the function words of every language the store holds; returns how many
    aliases went. Linking is left as it was: such aliases never decided it."""
    languages = [row[0] for row in db.execute("SELECT DISTINCT language FROM articles")]
    function_words = frozenset().union(*(stop_words(language) for language in languages or [None]))
    aliases = [row[0] for row in db.execute("SELECT DISTINCT alias FROM actor_aliases")]
    gone = [a for a in aliases if _alias_text(a.removeprefix("the "), function_words) is None]
    db.execute("CREATE TEMP TABLE referring (alias TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO referring VALUES (?)", ((a,) for a in gone))
    db.execute("DELETE FROM actor_mentions WHERE alias IN referring")
    db.execute("DELETE FROM actor_aliases WHERE alias IN referring")
    db.execute("DROP TABLE referring")
    return len(gone)


def _key(entity: Entity) -> str:
    """What the index finds an entity's candidates by: its folded surname, or its place key."""
    if entity.kind == PERSON:
        tokens = fold(entity.name)
        return tokens[-1] if tokens else entity.name.casefold()
    return place_key(entity, acts=entity.agent)


def _actor_for(db: sqlite3.Connection, entity: Entity) -> int:
    """The stored actor the entity is, or a new one. A person with the same full name wins
    over one who only shares the surname; among equals the oldest actor does."""
    key = _key(entity)
    person = entity.kind == PERSON
    candidates = db.execute(
        "SELECT a.id, a.name, l.alias FROM actors a "
        "JOIN actor_aliases l ON l.actor_id = a.id AND l.is_name = 1 "
        "WHERE a.key = ? AND (a.kind = 'PERSON') = ? ORDER BY a.id",
        (key, person),
    ).fetchall()
    if candidates and not person:
        place: int = candidates[0][0]
        return place
    match = _same_person(candidates, fold(entity.name))
    if match is not None:
        actor_id, name = match
        fuller = fullest_name([name, entity.name])
        if fuller != name:
            db.execute("UPDATE actors SET name = ? WHERE id = ?", (fuller, actor_id))
        return actor_id
    name = entity.name if person else (country_name(key) or entity.name)
    cursor = db.execute(
        "INSERT INTO actors (name, kind, key) VALUES (?, ?, ?)", (name, entity.kind, key)
    )
    assert cursor.lastrowid is not None  # an INSERT always gives the row's id
    return cursor.lastrowid


def _same_person(
    candidates: list[tuple[int, str, str]], tokens: list[str]
) -> tuple[int, str] | None:
    """The actor, among ``(id, name, alias)`` rows, that a person's folded name is: one with
    the same full name first, else the oldest whose names agree. An actor known by given
    names must agree with one of them: "Michelle Obama" is not the "Barack Obama" that
    some article called plain "Obama"."""
    names: dict[tuple[int, str], list[list[str]]] = {}
    for actor_id, name, alias in candidates:
        names.setdefault((actor_id, name), []).append(fold(alias))
    for actor, folded in names.items():
        if tokens in folded:
            return actor
    for actor, folded in names.items():
        full = [f for f in folded if len(f) > 1]
        if len(tokens) > 1 and full:
            folded = full
        if any(same_person(f, tokens) for f in folded):
            return actor
    return None


def aliases_of(entity: Entity, function_words: frozenset[str]) -> dict[str, tuple[int, bool]]:
    """An entity's aliases, each with how many of its mentions use it and whether it is a
    name (rather than a description or a title): its name, its mentions' wording (a
    lower-case description read as "the president") and each title with its surname.
    Mentions that only refer back (see the module's docstring) are left out."""
    found: dict[str, tuple[int, bool]] = {entity.name: (0, True)}
    for mention in entity.mentions:
        text = _alias_text(mention.text, function_words)
        if text is None:
            continue
        folded = text.casefold()
        alias = next((a for a in found if a.casefold() == folded), text)
        count, is_name = found.get(alias, (0, text[0].isupper()))
        found[alias] = (count + 1, is_name)
    surname = entity.name.split()[-1] if entity.kind == PERSON and entity.name.split() else None
    for role in entity.roles if surname else ():
        if role[:1].isupper():
            found.setdefault(f"{role} {surname}", (0, False))
    return found


def _alias_text(text: str, function_words: frozenset[str]) -> str | None:
    """A mention's wording as an alias ("the president" for "president" or "The President"),
    or None for a mention that only refers back to the actor."""
    words = text.split()
    if not words or all(w.casefold() in function_words for w in words):
        return None
    if words[0].casefold() == "the":
        return " ".join(["the", *words[1:]])
    if not text[0].islower():
        return " ".join(words)
    if words[0].casefold() in function_words:
        return None
    return " ".join(["the", *words])


def _record(
    db: sqlite3.Connection,
    article_id: str,
    aliases: dict[str, tuple[int, bool]],
    actor_id: int,
    entity_id: str,
) -> None:
    for alias, (count, is_name) in aliases.items():
        db.execute(
            "INSERT INTO actor_mentions (article_id, entity_id, actor_id, alias, mentions) "
            "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            (article_id, entity_id, actor_id, alias, count),
        )
        db.execute(
            "INSERT INTO actor_aliases (actor_id, alias, is_name, articles, mentions) "
            "VALUES (?,?,?,1,?) ON CONFLICT (actor_id, alias) DO UPDATE SET "
            "articles = articles + 1, mentions = mentions + excluded.mentions, "
            "is_name = max(is_name, excluded.is_name)",
            (actor_id, alias, int(is_name), count),
        )
