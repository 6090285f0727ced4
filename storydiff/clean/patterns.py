"""The shapes the cleaner recognises in a line, and its thresholds, in one place.

The wording of furniture (captions, credits, teasers, menus, promos, bylines, footers) is kept
per language in ``data/furniture/*.toml`` and read by ``lexicon``; what is here is language-free:
the shape of a kicker, a dateline, a site-name line or a site suffix, the characters that end
a sentence, and the lengths that tell a heading, a caption or a paragraph apart.
"""

from __future__ import annotations

import re

# An all-capitals kicker before a headline: "FIRST ON FOX: ...", "EXCLUSIVE: ...". Only for
# lines that do not read as prose (a transcript's "SMITH: Well, ..." does).
KICKER = r"^[A-Z][A-Z0-9 '’&-]{2,30}:\s+\S"

# A dateline at the start of a wire story: "CITY (Outlet) -", "CITY, Country (Agency) —", or
# just "CITY ―". The bracketed agency, when there is one, names the outlet.
DATELINE = (
    r"^(?:([A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Za-z.'’ -]{2,30})?)"
    r"(?:\s*\(([^()]{2,40})\)\s*[-–—―:]+|\s*[-–—―]+)|\(([A-Z][^()]{1,38})\)\s*[-–—―]+)\s+"
)
DATELINE_RE = re.compile(DATELINE, re.MULTILINE)

# A site-name line: only the outlet's name, set off by a dash or a bar, near the top.
SITE_NAME_LINE = (
    r"^\s*[-–—|•·]\s*(?P<name>[^\s].{1,48}?)\s*$|^\s*(?P<name2>[^\s].{1,48}?)\s*[-–—|]\s*$"
)

# The outlet's name appended to captions and headlines: "... - Outlet", "... | Outlet".
SITE_SUFFIX = r"\s+[-–—|]\s+(?P<name>[^-–—|]{2,48}?)\s*$"

# The last word of a news brand: used to recognise an outlet not in the registry.
BRAND_WORDS: tuple[str, ...] = (
    "News",
    "Times",
    "Post",
    "Herald",
    "Journal",
    "Tribune",
    "Telegraph",
    "Guardian",
    "Daily",
    "Press",
    "Today",
    "International",
    "TV",
    "Radio",
    "Agency",
    "Gazette",
    "Chronicle",
    "Observer",
    "Independent",
    "Express",
    "Mirror",
    "Standard",
    "Star",
    "Sun",
    "Mail",
    "Monitor",
    "Review",
    "Wire",
    "Network",
    "Broadcasting",
    "Media",
)

# Explicit publication dates near the top of a page.
PUBLISHED_LINE = (
    r"^(published|posted|updated|last updated|first published|date)\b\s*:?\s*(?P<rest>.+)$"
)

# Characters that end a line of running prose.
SENTENCE_END = ".!?…:;\"”’'»)]"

# A body line is at least this many words when it does not end like a sentence: a scrape that
# lost its full stop still reads as prose when it is this long.
PROSE_MIN_WORDS = 16

# A line is long, and judged by its sentences, from this many words on, or from this many
# sentences in a paragraph of at least LONG_PARAGRAPH_WORDS. Captions and promos are shorter:
# a caption with its credit, or with the places of its people (", left,"), is at most
# CAPTION_MAX_WORDS (see by_pattern).
LONG_LINE_WORDS = 60
LONG_LINE_SENTENCES = 3
LONG_PARAGRAPH_WORDS = 40
CAPTION_MAX_WORDS = 40

# Headings and titles are short. A standalone line without a full stop is a heading when it is
# this short, or in title case up to HEADING_MAX_WORDS; otherwise it is prose that lost its
# full stop.
HEADING_MAX_WORDS = 14
HEADING_ANY_CASE_WORDS = 3
# Short words left in lower case by title case.
TITLE_CASE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to vs via with".split()
)
# A line in capitals of at least this many words (and at most HEADING_MAX_WORDS) is a teaser's
# headline, not a crosshead.
SHOUTED_HEADLINE_MIN_WORDS = 8
# A trailing line this short, with no full stop, after the last paragraph is end matter.
FOOTER_MAX_WORDS = 4
# A row of tags after the last paragraph is at least this many words (fewer are end matter
# anyway).
TAG_ROW_MIN_WORDS = 3
# A writer's bio at the end of an article is one sentence of at most this many words.
BIO_MAX_WORDS = 25
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30

# A page sets every line apart when at least this share of its lines stand alone between blank
# lines; then a line's neighbours across the blank lines are its context.
ONE_LINE_BLOCKS_SHARE = 0.9

# How far into a page the title is looked for, in non-blank lines.
TITLE_SEARCH_LINES = 12

# A line is in another script when at least this share of its letters are.
OTHER_SCRIPT_SHARE = 0.5


def compile_all(patterns: tuple[str, ...], *, match: str = "search") -> re.Pattern[str]:
    """One case-insensitive regex for a list, so each line is scanned once per kind.

    ``match`` is ``search`` (anywhere in the line), ``prefix`` (at its start) or ``line`` (the
    whole line, give or take trailing punctuation).
    """
    body = "|".join(f"(?:{p})" for p in patterns) or "(?!)"  # none: a pattern that never matches
    if match == "prefix":
        body = rf"^\s*(?:{body})"
    elif match == "line":
        body = rf"^\s*(?:{body})\W*$"
    return re.compile(body, re.IGNORECASE)
