"""Finding a store's actors by any of their names, and listing them.

Outlets name one person many ways ("Obama", "Barack Obama", "President Obama"): a question
about an actor takes any alias the store holds and means the actor, so ``trends`` and
``export`` find every article of the actor whichever name the asker used. A name the store
does not hold is an error with the closest aliases (E041), never an empty answer that looks
like "no outlet mentioned them".
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from storydiff.errors import Code, StorydiffError
from storydiff.store.store import Store

SUGGESTIONS = 3


@dataclass(frozen=True)
class Alias:
    """One name of an actor, in how many articles and mentions it is used. ``is_name`` is
    False for a description ("the president") or a title with a surname ("President Obama")."""

    alias: str
    is_name: bool
    articles: int
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "alias": self.alias,
            "is_name": self.is_name,
            "articles": self.articles,
            "mentions": self.mentions,
        }


@dataclass(frozen=True)
class StoredActor:
    """An actor of the whole store: the articles it is named in, its mentions, its aliases
    (most used first)."""

    id: int
    name: str
    kind: str
    articles: int
    mentions: int
    aliases: tuple[Alias, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The aliases that are names, as quotes' speakers and labels' actors are written."""
        return tuple(a.alias for a in self.aliases if a.is_name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "articles": self.articles,
            "mentions": self.mentions,
            "aliases": [a.to_dict() for a in self.aliases],
        }


class UnknownActorError(StorydiffError, LookupError):
    """No actor of the store has the alias asked for (E041); ``suggestions`` holds the
    closest aliases."""

    def __init__(self, name: str, store: str, suggestions: list[str]) -> None:
        self.suggestions = suggestions
        hint = (
            f"; did you mean {', '.join(map(repr, suggestions))}?"
            if suggestions
            else f"; storydiff actors --store {store} lists the actors"
        )
        super().__init__(Code.E041, name=name, store=store, hint=hint)


_ACTORS = """
    SELECT a.id, a.name, a.kind,
           (SELECT count(DISTINCT m.article_id) FROM actor_mentions m
            WHERE m.actor_id = a.id) AS articles,
           (SELECT coalesce(sum(l.mentions), 0) FROM actor_aliases l
            WHERE l.actor_id = a.id) AS mentions
    FROM actors a
    WHERE (:id IS NULL OR a.id = :id)
      AND (:kind IS NULL OR a.kind = :kind COLLATE NOCASE)
      AND (:search IS NULL OR EXISTS (
           SELECT 1 FROM actor_aliases l WHERE l.actor_id = a.id
           AND instr(lower(l.alias), lower(:search)) > 0))
    ORDER BY articles DESC, mentions DESC, a.id"""


def list_actors(
    store: Store, kind: str | None = None, search: str | None = None
) -> list[StoredActor]:
    """The store's actors, those in most articles first; ``kind`` keeps one kind (PERSON,
    GPE, ORG, ...), ``search`` those with an alias containing it (case-insensitive)."""
    return _actors(store, kind, search)


def find_actor(store: Store, name: str) -> StoredActor | None:
    """The actor an alias names, case-insensitively; when several share it ("the president"
    in different years), the one it names in most articles."""
    row = store.query(
        "SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE "
        "ORDER BY is_name DESC, articles DESC, actor_id LIMIT 1",
        (name,),
    )
    if not row:
        return None
    return _actors(store, None, None, row[0][0])[0]


def get_actor(store: Store, actor_id: int) -> StoredActor | None:
    """The actor with this id, as a link to it names it."""
    found = _actors(store, None, None, actor_id)
    return found[0] if found else None


def resolve_actor(store: Store, name: str, others: tuple[str, ...] = ()) -> StoredActor:
    """The actor an alias names; E041 with the closest of the store's aliases (and of
    ``others``, further names a question may take) when no actor has it."""
    actor = find_actor(store, name)
    if actor is None:
        raise unknown_actor(store, name, others)
    return actor


def unknown_actor(store: Store, name: str, others: tuple[str, ...] = ()) -> UnknownActorError:
    """E041 for ``name``, suggesting the closest aliases and ``others`` (difflib's ratio,
    ignoring case)."""
    rows = store.query("SELECT DISTINCT alias FROM actor_aliases")
    known = {alias.casefold(): alias for alias in (*others, *(r[0] for r in rows))}
    close = difflib.get_close_matches(name.casefold(), list(known), n=SUGGESTIONS)
    return UnknownActorError(name, store.path.name, [known[c] for c in close])


def _actors(
    store: Store, kind: str | None, search: str | None, actor_id: int | None = None
) -> list[StoredActor]:
    rows = store.query(_ACTORS, {"kind": kind, "search": search, "id": actor_id})
    aliases: dict[int, list[Alias]] = {}
    ids = [row["id"] for row in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in store.query(
            f"SELECT actor_id, alias, is_name, articles, mentions FROM actor_aliases "
            f"WHERE actor_id IN ({','.join('?' * len(chunk))}) "
            f"ORDER BY articles DESC, mentions DESC, alias",
            chunk,
        ):
            aliases.setdefault(row[0], []).append(Alias(row[1], bool(row[2]), row[3], row[4]))
    return [
        StoredActor(
            row["id"],
            row["name"],
            row["kind"],
            row["articles"],
            row["mentions"],
            tuple(aliases.get(row["id"], ())),
        )
        for row in rows
    ]
