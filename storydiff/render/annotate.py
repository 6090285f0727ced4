"""Turning character offsets into nested, escaped HTML.

Findings overlap freely: a quote can start in the middle of one sentence and end in the next,
and a statement can run across a paragraph break. HTML elements must nest, so an annotation that
crosses another's boundary (or a paragraph's) is cut into fragments, each closed before the
element it would otherwise straddle and reopened after it. Every fragment repeats the
annotation's ``data-*`` attributes, so a script can find all of them; only the first carries the
``id`` and the visible label, so ids stay unique and labels appear once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from markupsafe import Markup, escape

from storydiff.model import paragraph_ranges

_NO_ATTRS: Mapping[str, str] = MappingProxyType({})
_TAG_NAME = re.compile(r"[a-z][a-z0-9]*\Z")
_ATTR_NAME = re.compile(r"[a-zA-Z_:][-a-zA-Z0-9_:.]*\Z")


class Annotation(NamedTuple):
    """A stretch of text to wrap in an element; offsets index the whole text, end exclusive.

    ``kind`` becomes the element's first class. ``label`` is text shown (escaped, in a
    ``<span class="tag">``) at the start of the annotation's first fragment. When two
    annotations cover exactly the same text, the one given first is the outer one.
    """

    start: int
    end: int
    kind: str
    attrs: Mapping[str, str] = _NO_ATTRS
    tag: str = "span"
    label: str | None = None


def annotate_html(text: str, annotations: Iterable[Annotation]) -> Markup:
    """Escape ``text`` into ``<p>`` paragraphs with every annotation wrapped in its element.

    Annotations that are empty, reversed or outside the text are dropped; ones that reach past
    the text are cut at its end.
    """
    annotations = [_checked(a) for a in annotations]
    writer = _Writer(annotations)
    paragraphs = [
        f"<p>{writer.paragraph(text, start, end)}</p>" for start, end in paragraph_ranges(text)
    ]
    return Markup("\n".join(paragraphs))


def annotate_line(text: str, annotations: Iterable[Annotation]) -> Markup:
    """Like ``annotate_html`` for a text shown as one line (a title): escaped and annotated,
    with no paragraph of its own around it."""
    return Markup(_Writer([_checked(a) for a in annotations]).paragraph(text, 0, len(text)))


def _checked(annotation: Annotation) -> Annotation:
    """Refuse tag and attribute names that escaping could not make safe."""
    if not _TAG_NAME.match(annotation.tag):
        raise ValueError(f"not a safe tag name: {annotation.tag!r}")
    for name in annotation.attrs:
        if not _ATTR_NAME.match(name) or name.lower().startswith("on"):
            raise ValueError(f"not a safe attribute name: {name!r}")
    return annotation


class _Piece(NamedTuple):
    """One annotation clipped to one paragraph; ``annotation`` is that annotation's position
    in the list (a field named ``index`` would shadow the tuple's method)."""

    start: int
    end: int
    annotation: int


class _Writer:
    """Emits fragments, remembering across paragraphs which annotations and ids were used."""

    def __init__(self, annotations: Sequence[Annotation]) -> None:
        self.annotations = annotations
        self.started: set[int] = set()
        self.used_ids: set[str] = set()

    def paragraph(self, text: str, low: int, high: int) -> str:
        """Markup for ``text[low:high]``, every annotation clipped to it and properly nested."""
        pieces = self._clip(low, high)
        cuts = sorted({low, high, *(p.start for p in pieces), *(p.end for p in pieces)})
        out: list[str] = []
        stack: list[_Piece] = []
        for here, there in zip(cuts, [*cuts[1:], high], strict=True):
            reopen = self._close_ending(stack, here, out)
            starting = [p for p in pieces if p.start == here]
            for piece in sorted(reopen + starting, key=self._outer_first):
                out.append(self._open(piece.annotation))
                stack.append(piece)
            out.append(str(escape(text[here:there])))
        return "".join(out)

    def _clip(self, low: int, high: int) -> list[_Piece]:
        pieces = []
        for index, annotation in enumerate(self.annotations):
            start, end = max(annotation.start, low), min(annotation.end, high)
            if start < end:
                pieces.append(_Piece(start, end, index))
        return pieces

    def _outer_first(self, piece: _Piece) -> tuple[int, int, int]:
        """Longer pieces open first (outside); at equal ends, the one that began earlier."""
        return (-piece.end, self.annotations[piece.annotation].start, piece.annotation)

    def _close_ending(self, stack: list[_Piece], here: int, out: list[str]) -> list[_Piece]:
        """Close every piece ending here and all opened inside it; return those to reopen."""
        depth = next((d for d, piece in enumerate(stack) if piece.end <= here), None)
        if depth is None:
            return []
        for piece in reversed(stack[depth:]):
            out.append(f"</{self.annotations[piece.annotation].tag}>")
        reopen = [piece for piece in stack[depth:] if piece.end > here]
        del stack[depth:]
        return reopen

    def _open(self, index: int) -> str:
        annotation = self.annotations[index]
        first = index not in self.started
        self.started.add(index)
        classes = [annotation.kind, annotation.attrs.get("class", "")]
        if not first:
            classes.append("cont")
        attrs = [("class", " ".join(c for c in classes if c))]
        for name, value in annotation.attrs.items():
            if name == "class":
                continue
            if name == "id":
                if value in self.used_ids:
                    continue
                self.used_ids.add(value)
            attrs.append((name, value))
        rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
        label = ""
        if first and annotation.label:
            label = f'<span class="tag">{escape(annotation.label)}</span>'
        return f"<{annotation.tag}{rendered}>{label}"
