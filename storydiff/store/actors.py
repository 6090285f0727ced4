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
from storydiff.model import Entity

PERSON = "PERSON"


def link_analyses(db: sqlite3.Connection, articles: Iterable[tuple[str, Iterable[Entity]]]) -> int:
    """Link each ``(article id, entities)`` to the stored actors, making new actors for the
    entities no actor matches; runs inside the caller's transaction. Returns how many
    entities were linked."""
    linked = 0
    for article_id, entities in articles:
        for entity in entities:
            if entity.kind != PERSON and entity.kind not in PLACE_KINDS:
                continue
            actor_id = _actor_for(db, entity)
            _record(db, article_id, entity, actor_id)
            linked += 1
    return linked


def link_stored(db: sqlite3.Connection) -> int:
    """Link every article already in the store, oldest first (a store that had no actors)."""
    rows = db.execute(
        "SELECT id, json_extract(analysis, '$.entities') FROM articles "
        "ORDER BY published IS NULL, published, rowid"
    )
    return link_analyses(
        db,
        (
            (article_id, [Entity.from_dict(e) for e in json.loads(entities or "[]")])
            for article_id, entities in rows.fetchall()
        ),
    )


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


def aliases_of(entity: Entity) -> dict[str, tuple[int, bool]]:
    """An entity's aliases, each with how many of its mentions use it and whether it is a
    name (rather than a description or a title): its name, its mentions' wording (a
    lower-case description read as "the president") and each title with its surname."""
    found: dict[str, tuple[int, bool]] = {entity.name: (0, True)}
    for mention in entity.mentions:
        text = mention.text.strip()
        if not text:
            continue
        if text[0].islower():
            text = text if text.startswith("the ") else f"the {text}"
        folded = text.casefold()
        alias = next((a for a in found if a.casefold() == folded), text)
        count, is_name = found.get(alias, (0, text[0].isupper() and not text.startswith("the ")))
        found[alias] = (count + 1, is_name)
    surname = entity.name.split()[-1] if entity.kind == PERSON and entity.name.split() else None
    for role in entity.roles if surname else ():
        if role[:1].isupper():
            found.setdefault(f"{role} {surname}", (0, False))
    return found


def _record(db: sqlite3.Connection, article_id: str, entity: Entity, actor_id: int) -> None:
    for alias, (count, is_name) in aliases_of(entity).items():
        db.execute(
            "INSERT INTO actor_mentions (article_id, entity_id, actor_id, alias, mentions) "
            "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            (article_id, entity.id, actor_id, alias, count),
        )
        db.execute(
            "INSERT INTO actor_aliases (actor_id, alias, is_name, articles, mentions) "
            "VALUES (?,?,?,1,?) ON CONFLICT (actor_id, alias) DO UPDATE SET "
            "articles = articles + 1, mentions = mentions + excluded.mentions, "
            "is_name = max(is_name, excluded.is_name)",
            (actor_id, alias, int(is_name), count),
        )
