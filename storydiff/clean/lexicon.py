"""The wording of page furniture, one data file per language.

Scraped pages carry the same kinds of furniture whatever the outlet: photo captions and
credits, related-article teasers, navigation words, promos for the outlet's own app or
newsletter, bylines, comment-section footers. What changes from one language to another is the
wording, so the wording is data: ``data/furniture/LANG.toml`` (an ISO 639-1 code), each file
with a header naming where its wording comes from, and ``universal.toml`` for what looks the
same in every language (©, agency credits, markup left over). A page is judged with the
universal wording, the English one (English furniture turns up on pages in every language) and
its own language's, merged by ``lexicon_for``; adding a language is adding a file.

Two strengths of evidence are kept apart. A *label* ("Image caption,", "READ MORE:", "©") says
what a line is whatever follows it, so it removes even a line that reads like a sentence. A
*bare* pattern ("Getty Images", "subscribe") is only a hint, and never removes a line that
reads as prose: "Getty Images said it would appeal" is news.

In a file, ``[furniture]`` holds one list of regular expressions per kind (the fields of
``Lexicon``) and ``[fragments]`` named pieces of them: ``{name}`` in an entry stands for the
fragment of that name, from the same file or from ``universal.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.resources import files

UNIVERSAL = "universal"
ENGLISH = "en"
_FRAGMENT = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Lexicon:
    """The wording of page furniture in one language, one tuple of regular expressions per
    kind (case-insensitive; see ``patterns.compile_all`` for how each is anchored)."""

    caption_labels: tuple[str, ...] = ()  # "Image caption ...", "Foto: ..."
    caption_credits: tuple[str, ...] = ()  # a credit that ends a caption ("... Photo: X/AP")
    caption_cues: tuple[str, ...] = ()  # how a caption points into its picture: ", left,"
    credit_labels: tuple[str, ...] = ()  # "©", "Image copyright"
    credit_hints: tuple[str, ...] = ()  # "Getty Images": only on lines that are not prose
    trailing_credits: tuple[str, ...] = ()  # whole lines under a caption: "Jane Roe | AP"
    teaser_labels: tuple[str, ...] = ()  # "READ MORE:", "Lesen Sie auch:"
    teaser_headers: tuple[str, ...] = ()  # whole lines over a list of teasers: "Related"
    navigation_lines: tuple[str, ...] = ()  # whole lines: menus, buttons, section labels
    metadata_labels: tuple[str, ...] = ()  # "Updated at 1:23 p.m.", "Category: ..."
    promo_patterns: tuple[str, ...] = ()  # apps, newsletters, subscriptions, cookies
    promo_labels: tuple[str, ...] = ()  # paywall prompts that say what they are, prose too
    reader_address: tuple[str, ...] = ()  # how a promo speaks to the reader
    byline_bios: tuple[str, ...] = ()  # "Jane Roe is a reporter for Outlet."
    bylines: tuple[str, ...] = ()  # "By Jane Roe and John Doe"
    footer_labels: tuple[str, ...] = ()  # end matter that says what it is
    footer_patterns: tuple[str, ...] = ()  # the comment section and the page's end

    def merged(self, other: Lexicon) -> Lexicon:
        return Lexicon(**{name: getattr(self, name) + getattr(other, name) for name in _FIELDS})


_FIELDS = tuple(field.name for field in fields(Lexicon))


@dataclass(frozen=True)
class WordingFile:
    """One data file: its furniture lists, with fragments filled in, and its fragments."""

    lexicon: Lexicon
    fragments: dict[str, str]


def available_languages() -> frozenset[str]:
    """The languages with a wording file of their own."""
    folder = files("storydiff.clean").joinpath("data/furniture")
    names = {entry.name.removesuffix(".toml") for entry in folder.iterdir()}
    return frozenset(name for name in names if name != UNIVERSAL and len(name) == 2)


@lru_cache(maxsize=32)
def wording_file(name: str) -> WordingFile:
    """``data/furniture/NAME.toml``, read and checked: every list belongs to a kind of
    ``Lexicon``, and every ``{fragment}`` it uses is defined."""
    path = files("storydiff.clean").joinpath(f"data/furniture/{name}.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    fragments = dict(wording_file(UNIVERSAL).fragments) if name != UNIVERSAL else {}
    fragments.update(data.get("fragments", {}))
    lists = data.get("furniture", {})
    unknown = set(lists) - set(_FIELDS)
    if unknown:
        raise ValueError(f"{name}.toml: no such kind of furniture: {', '.join(sorted(unknown))}")

    def filled(pattern: str) -> str:
        def fragment(match: re.Match[str]) -> str:
            if match.group(1) not in fragments:
                raise ValueError(f"{name}.toml: no fragment {match.group(0)} in {pattern!r}")
            return fragments[match.group(1)]

        return _FRAGMENT.sub(fragment, pattern)

    lexicon = Lexicon(**{kind: tuple(filled(p) for p in lists[kind]) for kind in lists})
    return WordingFile(lexicon, fragments)


def fragment(name: str, language: str = ENGLISH) -> str:
    """A named piece of a language's wording (the section names of a menu, say)."""
    return wording_file(language).fragments[name]


@lru_cache(maxsize=32)
def lexicon_for(language: str | None) -> Lexicon:
    """The furniture wording for a page in ``language``: universal, English, and the
    language's own when there is a file for it."""
    lexicon = wording_file(UNIVERSAL).lexicon.merged(wording_file(ENGLISH).lexicon)
    if language and language != ENGLISH and language in available_languages():
        lexicon = lexicon.merged(wording_file(language).lexicon)
    return lexicon
