"""What storydiff's spaCy components keep on a ``Doc``, typed.

Each component sets one attribute of ``doc._`` (``storydiff_quotes`` sets ``quotes``, and so
on), and spaCy types that namespace as ``Any``. Components and ``annotate.py`` write and read
it as ``typed(doc)._``: the same namespace of the same Doc, with the type of each attribute
said once here, so that every read and write of one is type-checked. The attributes are
registered by the modules of their components; each is None until its component has run.
"""

from __future__ import annotations

from typing import Protocol, cast

from spacy.tokens import Doc

from storydiff.model import Date, Entity, Label, Quantity, Quote


class Extensions(Protocol):
    quotes: list[Quote] | None
    entities: list[Entity] | None
    labels: list[Label] | None
    quantities: list[Quantity] | None
    dates: list[Date] | None


class TypedDoc(Protocol):
    @property
    def _(self) -> Extensions: ...


def typed(doc: Doc) -> TypedDoc:
    """``doc`` itself, seen with its storydiff extensions typed."""
    return cast(TypedDoc, doc)
