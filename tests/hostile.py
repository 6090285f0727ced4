"""Hostile payloads (``data/hostile_payloads.json``) and articles that carry them in every
field, for any test of what storydiff writes: the report, its notebook fragment, the Markdown,
the exports, and a web app over the store.

Every payload, if it ever ran as script, would set ``top.storydiffHostile``; ``ran`` reads that
marker in a page, and ``FOREIGN_MARKUP`` lists what a payload would have left in the page's DOM
had it passed through as markup (an element with an event handler, a ``javascript:`` or
``data:`` link, a frame, a script storydiff did not write), so a page is judged both by what
ran and by what could have run on a click.

    from tests.hostile import PAYLOADS, FORMULAS, hostile_analyses, ran, foreign_markup
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storydiff.model import (
    Analysis,
    Article,
    Entity,
    Label,
    Quantity,
    Quote,
    Span,
    Speaker,
    Statement,
    article_id,
)

CORPUS = Path(__file__).parent / "data" / "hostile_payloads.json"


@dataclass(frozen=True)
class Payload:
    id: str
    kind: str
    text: str


_corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
MARKER: str = _corpus["marker"]
PAYLOADS: tuple[Payload, ...] = tuple(Payload(**p) for p in _corpus["payloads"])
# Cells a spreadsheet would run as formulas (OWASP, CSV injection).
FORMULAS: tuple[str, ...] = tuple(_corpus["formulas"])


def ran(page: Any) -> bool:
    """Whether any payload's script ran in a ``tests.browser.Page``."""
    return page.evaluate(f"typeof window.top.{MARKER} !== 'undefined'")


# What a payload would leave in the DOM: anything with an event handler, a link or source that
# runs script or is a document of its own, an element that embeds or navigates, and any script
# or style beyond the page's own (``allowed`` of each).
FOREIGN_MARKUP = """((scripts, styles) => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (attr.name.startsWith("on")) found.push(el.tagName + " " + attr.name);
      if (["href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"].includes(attr.name)
          && (value.startsWith("javascript:") || value.startsWith("data:")
              || value.startsWith("vbscript:") || attr.name === "srcdoc"))
        found.push(el.tagName + " " + attr.name + "=" + attr.value);
      if (attr.name === "style" && /url\\(|expression|javascript/.test(value))
        found.push(el.tagName + " style=" + attr.value);
    }
  }
  for (const tag of ["iframe", "object", "embed", "base", "form", "input", "math", "xss",
                     "noscript", "frame", "frameset", "link[rel=import]",
                     "meta[http-equiv]:not([http-equiv=Content-Security-Policy])"])
    for (const el of document.querySelectorAll(tag)) found.push("<" + tag + ">");
  if (document.querySelectorAll("script").length > scripts) found.push("a script of its own");
  if (document.querySelectorAll("style").length > styles) found.push("a style of its own");
  return found;
})(%d, %d)"""


def foreign_markup(page: Any, scripts: int, styles: int) -> list[str]:
    """What of a payload's markup is in the page's DOM (empty when none is), given how many
    scripts and styles the page has of its own."""
    return page.evaluate(FOREIGN_MARKUP % (scripts, styles))


def hostile_analyses() -> list[Analysis]:
    """Two analysed articles with payloads in every field an article has: title, outlet, URL,
    source, text, and through the findings speaker names, quotes, actors, labels, figures and
    what each claims (every payload is in one of the two texts); the second tells of the same
    reports in other words, so that the comparison has sources, framing, figures and aligned
    or related statements to show, not a copy."""
    return [_analysis(PAYLOADS, 0), _analysis(PAYLOADS, 1)]


def formula_analyses() -> list[Analysis]:
    """The same two articles with spreadsheet formulas where the payloads were."""
    formulas = tuple(Payload(f"formula-{n}", "formula", f) for n, f in enumerate(FORMULAS))
    return [_analysis(formulas * 2, 0), _analysis(formulas * 2, 1)]


def _analysis(corpus: tuple[Payload, ...], number: int) -> Analysis:
    payloads = corpus[number::2]
    paragraphs = [
        f"Officials in the valley said {p.text} was reported by {number + 2} witnesses on Monday."
        if number
        else f"{p.text} was reported by {number + 5} witnesses in the valley on Monday, officials said."
        for p in payloads
    ]
    text = "\n\n".join(paragraphs)
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append(Span(start, start + len(paragraph), paragraph))
        start += len(paragraph) + 2
    entities, quotes, statements, labels, quantities = [], [], [], [], []
    for index, (payload, span) in enumerate(zip(payloads, spans, strict=True)):
        at = span.text.index(payload.text) + span.start
        said = Span(at, at + len(payload.text), payload.text)
        entity = f"e{index}"
        entities.append(Entity(entity, payload.text, "PERSON", (said,), roles=(payload.text,)))
        quotes.append(Quote(Speaker(payload.text, entity, said), said, "direct", cue=said))
        labels.append(
            Label(
                said.start,
                said.end,
                payload.text,
                term=payload.text,
                category=payload.text,
                contested=True,
                actor=payload.text,
                voice=("own", "attributed", "scare_quoted")[index % 3],
                in_speech_of=payload.text,
            )
        )
        quantities.append(
            Quantity(
                said.start,
                said.end,
                payload.text,
                value=number + 5,
                counts="witnesses " + payload.text,
                claimed_by=payload.text,
            )
        )
        statements.append(
            Statement(
                span.start,
                span.end,
                span.text,
                attributed_to=entity,
                entities=(entity,),
                labels=(index,),
                quantities=(index,),
                predicates=("report",),
                terms=("witness", "valley", "official"),
                agents=(entity,),
            )
        )
    title, outlet, url = (corpus[n % len(corpus)].text for n in (number, number + 2, 8))
    article = Article(
        id=article_id(text),
        source=f"{corpus[(number + 4) % len(corpus)].text}.txt",
        text=text,
        url=url,
        title=title,
        outlet=outlet,
        published="2024-05-01",
        headings=(spans[0],),
        source_id=corpus[(number + 6) % len(corpus)].text,
    )
    return Analysis(
        article,
        tuple(entities),
        tuple(quotes),
        tuple(statements),
        tuple(quantities),
        tuple(labels),
    )
