"""Linking the entities of several articles into actors: one Erdogan, one Turkey.

Outlets spell names differently ("Recep"/"Rejep", "Bashar al Assad"/"Bashar Assad") and name
governments by their capitals or seats ("Ankara called on ...", "the Kremlin said"). Names are
compared after folding accents, case and name particles, with one letter of slack in a
given name; places go through the metonymy table in ``places.py``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from storydiff.compare.places import CAPITALS, DEMONYMS, METONYMS
from storydiff.model import Actor, Analysis, Entity

# Particles that some spellings of a name keep and others drop ("al Assad" / "Assad").
NAME_PARTICLES = frozenset(
    "al el ad as ash de del della der di du la le van von da dos das".split()
)
PLACE_KINDS = {"GPE", "ORG", "NORP", "LOC", "FAC"}


def fold(name: str) -> list[str]:
    """Name tokens without accents, case, punctuation or particles."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    for mark in "-'’.":
        plain = plain.replace(mark, " ")
    return [t for t in plain.split() if t not in NAME_PARTICLES]


def _close(a: str, b: str) -> bool:
    """Equal, or one substitution apart in a word of four letters or more (Recep/Rejep)."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 5:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def same_person(a: list[str], b: list[str]) -> bool:
    """Same surname (after folding), and given names that agree where both are written, with
    one letter of slack in a given name of five letters or more (Recep/Rejep)."""
    if not a or not b or a[-1] != b[-1]:
        return False
    given_a, given_b = a[:-1], b[:-1]
    if not given_a or not given_b:
        return True
    return all(any(_close(x, y) for y in given_b) for x in given_a[:1])


def place_key(entity: Entity, acts: bool = False) -> str:
    """The country a seat of government, a nationality or another name of the country stands
    for, else its folded name. A capital stands for its government only when it acts, as the
    subject of a verb ("Ankara called on ..."); "a summit in Helsinki" is about the city."""
    name = entity.name
    if not acts and (name in CAPITALS or name.removeprefix("the ") in CAPITALS):
        return " ".join(fold(name))
    for table in (METONYMS, DEMONYMS):
        if name in table:
            return table[name].lower()
        bare = name.removeprefix("the ").removeprefix("The ")
        if bare in table:
            return table[bare].lower()
    return " ".join(fold(name))


def fullest_name(names: Iterable[str]) -> str:
    """The name a person is listed by: the one with most words, then letters ("Barack Obama",
    not "Obama")."""
    return max(names, key=lambda n: (len(n.split()), len(n)))


def country_name(key: str) -> str | None:
    """The country a place key stands for, as the metonymy tables write it ("Turkey" for
    "turkey"); None for a key that is no country."""
    return next((v for v in {**METONYMS, **DEMONYMS}.values() if v.lower() == key), None)


def link_entities(analyses: Sequence[Analysis]) -> list[Actor]:
    """Actors across articles, each with the entity ids it gathers in every article."""
    people: list[tuple[str, Entity, list[str]]] = []
    places: dict[str, list[tuple[str, Entity]]] = {}
    for analysis in analyses:
        for entity in analysis.entities:
            if entity.kind == "PERSON":
                people.append((analysis.article.id, entity, fold(entity.name)))
            elif entity.kind in PLACE_KINDS:
                key = place_key(entity, acts=entity.agent)
                places.setdefault(key, []).append((analysis.article.id, entity))
    groups = _people_groups(people)
    groups.extend(places.values())
    return [_actor(f"a{n}", members) for n, members in enumerate(groups, start=1)]


def _people_groups(people: list[tuple[str, Entity, list[str]]]) -> list[list[tuple[str, Entity]]]:
    """People grouped in order of first mention: each joins the first group holding the same
    person. Groups are looked up by surname, since ``same_person`` needs one, so a comparison
    of 200 articles does not test every person against every group."""
    groups: list[list[tuple[str, Entity]]] = []
    folded: list[list[list[str]]] = []  # each group's members' folded names
    by_surname: dict[str, set[int]] = {}
    for article_id, entity, tokens in people:
        candidates = sorted(by_surname.get(tokens[-1], ())) if tokens else []
        found = next(
            (n for n in candidates if any(same_person(m, tokens) for m in folded[n])), None
        )
        if found is None:
            found = len(groups)
            groups.append([])
            folded.append([])
        groups[found].append((article_id, entity))
        folded[found].append(tokens)
        if tokens:
            by_surname.setdefault(tokens[-1], set()).add(found)
    return groups


def _actor(actor_id: str, members: list[tuple[str, Entity]]) -> Actor:
    entities = [e for _, e in members]
    kind = Counter(e.kind for e in entities).most_common(1)[0][0]
    if kind == "PERSON":
        name = fullest_name(e.name for e in entities)
    else:
        known = country_name(place_key(entities[0], acts=entities[0].agent))
        name = known or Counter(e.name for e in entities).most_common(1)[0][0]
    by_article: dict[str, list[str]] = {}
    for article_id, entity in members:
        by_article.setdefault(article_id, []).append(entity.id)
    roles: dict[str, str] = {}
    for entity in entities:
        for role in entity.roles:
            roles.setdefault(role.casefold(), role)  # "Interior Minister" = "interior minister"
    mentions = {article_id: tuple(ids) for article_id, ids in by_article.items()}
    return Actor(actor_id, name, kind, tuple(roles.values()), mentions)


def actor_of(actors: Sequence[Actor], article_id: str, entity_id: str | None) -> Actor | None:
    """The actor an article's entity belongs to."""
    if entity_id is None:
        return None
    return next((a for a in actors if entity_id in a.members.get(article_id, ())), None)
