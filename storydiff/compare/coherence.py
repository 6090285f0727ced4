"""Whether the articles of a comparison tell one story at all.

A comparison of articles about different events still fills every table: each outlet quotes
someone, names some group, gives some figures. The reader must be told before reading them
that the articles may not be comparable, and that is judged from the comparison itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from storydiff.compare.summary import article_labels, join_some, plural
from storydiff.model import Comparison, Point

# A possibly related pair ties its two articles together only from this score on, and only
# when they name an actor in common: below it, such pairs join articles of different stories
# about as often as articles of one. On SEESAW, 2 of the 51 articles of 17 triplets are
# flagged (each shares no point and only a weak pair with the others), and so is every
# article set among others of another story, in 20 mixed sets.
RELATED_TIE = 0.3
NAMED_AT_MOST = 3


def story_doubt(comparison: Comparison) -> str | None:
    """A sentence saying that the articles may not be about one story, or None when they are.

    The rule: articles that share a point are in one group, and so are a copy and its origin.
    A possibly related pair that scores at least ``RELATED_TIE`` and names an actor in both
    articles is a weaker tie: it brings an article that is still alone into the other's
    group, but never joins two groups (two stories that each hold together are not made one
    by a sentence or two about the same people). The articles tell one story when they end
    in one group. The count of points is not asked for itself, so that two articles telling
    one event in different words (which share only possibly related pairs) are not flagged.
    """
    ids = list(dict.fromkeys(a.article.id for a in comparison.articles))
    if len(ids) < 2:
        return None
    groups = _Groups(ids)
    for first, second in _strong_ties(comparison):
        groups.join(first, second)
    for first, second in _weak_ties(comparison):
        if groups.alone(first) or groups.alone(second):
            groups.join(first, second)
    found = groups.members()
    if len(found) == 1:
        return None
    return f"These articles may not be about one story: {_why(comparison, ids, found)}."


def _why(comparison: Comparison, ids: list[str], found: list[list[str]]) -> str:
    largest = max(found, key=len)
    if len(largest) == 1:
        return "no two of them share a point or a closely related sentence"
    if any(len(group) > 1 for group in found if group is not largest):
        return (
            f"they fall into {len(found)} groups with no point in common between them; the "
            f"largest has {plural(len(largest), 'article')}"
        )
    labels = dict(
        zip(
            (a.article.id for a in comparison.articles),
            article_labels(comparison.articles),
            strict=True,
        )
    )
    apart = [labels[a] for a in ids if a not in largest]
    verb = "shares" if len(apart) == 1 else "share"
    return (
        f"{join_some(apart, NAMED_AT_MOST)} {verb} no point or closely related sentence with "
        f"the other {plural(len(largest), 'article')}"
    )


class _Groups:
    """Articles joined into groups (union-find)."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._parent = {article: article for article in ids}
        self._size = dict.fromkeys(self._parent, 1)

    def _root(self, article: str) -> str:
        while self._parent[article] != article:
            article = self._parent[article]
        return article

    def alone(self, article: str) -> bool:
        return article in self._parent and self._size[self._root(article)] == 1

    def join(self, first: str, second: str) -> None:
        if first not in self._parent or second not in self._parent:
            return
        a, b = self._root(first), self._root(second)
        if a != b:
            self._parent[b] = a
            self._size[a] += self._size.pop(b)

    def members(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for article in self._parent:
            found.setdefault(self._root(article), []).append(article)
        return list(found.values())


def _strong_ties(comparison: Comparison) -> Iterable[tuple[str, str]]:
    for point in comparison.points:
        yield from _pairs(point)
    for copy in comparison.copies:
        yield copy.article, copy.copy_of


def _weak_ties(comparison: Comparison) -> Iterable[tuple[str, str]]:
    for pair in comparison.related:
        if pair.score >= RELATED_TIE and pair.evidence.shared_actors:
            yield from _pairs(pair)


def _pairs(point: Point) -> Iterable[tuple[str, str]]:
    articles = list(dict.fromkeys(ref.article for ref in point.statements))
    return zip(articles, articles[1:], strict=False)
