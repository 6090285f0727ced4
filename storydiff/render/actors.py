"""A store's actors as a table a person reads: one line an actor, its best-used aliases
after it, so that the names to ask ``trends`` or ``export`` for are in view."""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.store.aliases import StoredActor

# Aliases shown per actor; the JSON has them all.
SHOWN_ALIASES = 6


def render_actors(actors: Sequence[StoredActor]) -> str:
    if not actors:
        return "No actor matches.\n"
    header = ("id", "actor", "kind", "articles", "mentions", "aliases")
    rows = [
        (
            str(a.id),
            a.name,
            a.kind,
            str(a.articles),
            str(a.mentions),
            _aliases(a),
        )
        for a in actors
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header) - 1)]
    lines = []
    for row in (header, *rows):
        cells = [
            c.rjust(w) if c.isdigit() else c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def _aliases(actor: StoredActor) -> str:
    others = [a.alias for a in actor.aliases if a.alias != actor.name]
    shown = others[:SHOWN_ALIASES]
    rest = len(others) - len(shown)
    return "; ".join(shown) + (f"; +{rest} more" if rest else "")
