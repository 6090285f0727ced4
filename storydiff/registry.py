"""Registries of swappable parts, each part under a versioned name.

A run names the similarity backend, reader or renderer it used (``storydiff.similarity.tfidf.v1``),
so it can be reproduced, and a new version is a new name beside the old one. The registries are
catalogue's (spaCy's registry library): the module that defines a part registers it, and
another package adds its own without editing storydiff, by calling ``register`` or by an entry
point in the group ``storydiff_<kind>`` of its packaging metadata, loaded when the name is
asked for. A name nobody registered is ``E023``, listing the names that are known.

This module sits at the bottom with ``errors`` and ``model``: the stages create their
registries here and fill them with their own parts.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar, cast

import catalogue

from storydiff.errors import Code, OptionError

Part = TypeVar("Part")


class Registry(Protocol[Part]):
    """What storydiff uses of a ``catalogue.Registry`` (catalogue has no type hints), typed
    by the kind of part it holds."""

    def register(self, name: str, *, func: Part) -> Part: ...

    def get(self, name: str) -> Part: ...

    def get_all(self) -> dict[str, Part]: ...


def create(kind: str) -> Registry[Any]:
    """A registry of one kind of part; its entry point group is ``storydiff_<kind>``. The
    module that creates it says what it holds (``parts: Registry[Reader] = create(...)``)."""
    return cast("Registry[Any]", catalogue.create("storydiff", kind, entry_points=True))


def lookup(registry: Registry[Part], name: str, what: str) -> Part:
    """The part registered under ``name``; ``what`` names the kind of part in the error."""
    try:
        return registry.get(name)
    except catalogue.RegistryError:
        raise OptionError(
            Code.E023, kind=what, name=name, known=", ".join(names(registry))
        ) from None


def names(registry: Registry[Any]) -> list[str]:
    """Every name registered, those from entry points included, sorted."""
    return sorted(registry.get_all())
