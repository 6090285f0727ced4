"""Every pattern the cleaner uses to recognise page furniture, in one place.

Scraped news pages carry the same kinds of furniture whatever the outlet: photo captions and
credits, related-article teasers, navigation words, promos for the outlet's own app or
newsletter, comment-section footers. The patterns below describe those kinds in general terms.
They were collected from the page templates of widely read English-language news sites (the
BBC, Reuters, AP, Sky News, the Guardian, CNN, Al Jazeera, RT, Sputnik, Fox News, the New York
Times, the Washington Post, the Daily Mail and others) and from the boilerplate classes of
jusText and trafilatura. None is about a particular article.

Two strengths of evidence are kept apart. A *label* ("Image caption,", "READ MORE:", "©") says
what a line is whatever follows it, so it removes even a line that reads like a sentence. A
*bare* pattern ("Getty Images", "subscribe") is only a hint, and never removes a line that
reads as prose: "Getty Images said it would appeal" is news.

Every list is a plain tuple of regular-expression strings, compiled once, case-insensitive;
extend them here.
"""

from __future__ import annotations

import re

# What separates a label from the text it introduces: "Image: ...", "Image caption, ...",
# "READ MORE: ...". A hyphen only counts with a space after it ("Picture-perfect" is a word).
_LABEL_END = r"(?:\s*[:|>»,]|\s+[-–—])(?:\s|$)"

# Labels that introduce the caption of an image or a video.
CAPTION_LABELS: tuple[str, ...] = (
    rf"(image|image caption|media caption|photo|picture|pic|caption|video|gallery|graphic|"
    rf"illustration|watch){_LABEL_END}",
    r"(photo|image|video)\s+\d+\s+(of|/)\s+\d+",
)

# A caption that ends with its credit: "... in London. Photograph: Jane Roe/Agency".
CAPTION_WITH_CREDIT = (
    r"\b(photograph|photo|picture|image|illustration|composite|credit)\s*:\s*[^.!?]{2,80}$"
)

# Labels that introduce a photo credit, often glued to the caption after it.
CREDIT_LABELS: tuple[str, ...] = (
    r"©",
    r"\(c\)\s",
    rf"image (copyright|source|credit){_LABEL_END}",
    r"(photo|photograph|picture|image|video) (by|credit|courtesy)\b",
    rf"(photograph|credit|source){_LABEL_END}",
)

# Credit hints: only for lines that do not read as prose.
CREDIT_HINTS: tuple[str, ...] = (
    r"copyright\b",
    r"getty images",
    r"\(?(ap|afp|reuters|epa|anadolu|xinhua|tass|ria novosti) ?(photo|images?)?\s*/",
    r"shutterstock",
)

# Labels that point to another article.
TEASER_LABELS: tuple[str, ...] = (
    rf"((read|see|watch|listen)( more| also)?|also (read|see)|related( (article|story|"
    rf"stories|coverage|content))?|more|recommended|further reading|in pictures){_LABEL_END}",
)

# The section names of a site's menu, one of which can make a whole navigation line.
SECTION_NAMES = (
    r"home|menu|search|sections?|world|politics|business|sport|sports|opinion|video|videos|"
    r"live|news|weather|culture|science|tech|technology|health|entertainment|lifestyle|"
    r"travel|markets|us|uk|europe|asia|africa|middle east|americas"
)

# One sharing button; a row of them is one navigation line.
_SHARE_BUTTON = r"share|share this( article| story| page| post)?|share on \w+|tweet|email|print"

# Whole lines that are site navigation, sharing buttons or section labels.
NAVIGATION_LINES: tuple[str, ...] = (
    r"(more|latest|read more|see more|most read|most popular|top stories|trending) "
    r"(on|about|from|in|stories|news|videos)\b.{0,40}",
    rf"({SECTION_NAMES})",
    r"(related|related (articles?|stor(y|ies)|topics?|content|coverage)|see also|you may also like|"
    r"recommended( for you)?|more stories|more from .{1,40}|editor'?s picks|don'?t miss|"
    r"explore more( on these topics)?|more on this story|reuse this content)",
    r"(published|updated|posted|last updated|first published)( .{0,40})?",
    rf"({_SHARE_BUTTON})(\s*[|·•,]?\s*({_SHARE_BUTTON}))*",
    r"(copy link|"
    r"comments?|\d+ comments?|show comments|hide comments|skip to (main )?content|"
    r"back to top|next article|previous article|advertisement|sponsored( content)?|"
    r"close|open|toggle navigation|loading\W*)",
    r"(topics?|tags?|filed under|categories)\s*:.*",
)

# Self-promotion: apps, newsletters, subscriptions, social accounts, the site's slogan.
PROMO_PATTERNS: tuple[str, ...] = (
    r"\b(download|get) (our|the) (\w+ )?app\b",
    r"\bsubscribe\b",
    r"\bnewsletters?\b",
    r"\bsign up\b",
    r"\bfollow us\b",
    r"\bfollow (\w+ ){0,3}on (twitter|facebook|instagram|telegram|x|youtube|tiktok)\b",
    r"\bclick here\b",
    r"\b(get|for) the latest (news|headlines|updates)\b",
    r"\b(live coverage|breaking news alerts?|news alerts?)\b",
    r"\b(watch|listen) (live|now)\b",
    r"\bsupport (our|independent) journalism\b",
    r"\bbecome a (member|subscriber|supporter)\b",
    r"\b(tip|tips) (off|line)\b|\bgot a (news )?tip\b",
    r"\bwe (use|value) cookies\b|\bcookie (policy|settings)\b",
    r"\ball rights reserved\b",
    r"\b(terms of (use|service)|privacy policy)\b",
    r"\b(editorial (standards|guidelines)|our (standards|values|journalism))\b",
)

# Promos speak to the reader; body sentences about subscriptions or sign-ups do not. A line
# that reads as prose is only taken for a promo or footer when it also matches this.
ADDRESSES_READER = (
    r"^(get|sign|subscribe|follow|download|click|tap|join|read|watch|listen|share|log|"
    r"register|support|donate|become|try|see|find|discover|stay)\b|\b(you|your|yours)\b"
)

# An all-capitals kicker before a headline: "FIRST ON FOX: ...", "EXCLUSIVE: ...". Only for
# lines that do not read as prose (a transcript's "SMITH: Well, ..." does).
KICKER = r"^[A-Z][A-Z0-9 '’&-]{2,30}:\s+\S"

# A writer's biography at the end of a page: "Jane Roe is a reporter for Outlet."
BYLINE_BIO = (
    r"\b(is|are) (an? |the )?[\w ,-]{0,40}\b(reporter|correspondent|writer|editor|producer|"
    r"contributor|columnist)s?\b"
)

# End matter that says what it is, even as a full sentence: writer and editor credits.
FOOTER_LABELS: tuple[str, ...] = (
    r"^(reporting|writing|editing|additional reporting|compiled) by\b",
    r"\bcontributed (reporting )?to this (report|story|article)\b",
)

# The comment section and the page's end matter.
FOOTER_PATTERNS: tuple[str, ...] = (
    r"\b(log ?in|sign ?in) (or|to) (register|sign up|comment|join)\b",
    r"\b(participate|join) (in )?the (discussion|conversation|debate)\b",
    r"\b(leave|post|add|write) a comment\b",
    r"\bcomments? (are|is) (closed|moderated|disabled)\b",
    r"\b(show|view|load|see) (all )?(\d+ )?comments\b",
    r"\bcommunity (guidelines|rules|standards)\b",
    r"\b(report an error|contact us|about us|corrections?)$",
    r"^this (article|story) (was|has been) (updated|corrected|amended)\b",
)

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
# sentences in a paragraph of at least LONG_PARAGRAPH_WORDS. Captions and promos are shorter
# (a caption with its credit is at most 40 words, see by_pattern).
LONG_LINE_WORDS = 60
LONG_LINE_SENTENCES = 3
LONG_PARAGRAPH_WORDS = 40

# Headings and titles are short. A standalone line without a full stop is a heading when it is
# this short, or in title case up to HEADING_MAX_WORDS; otherwise it is prose that lost its
# full stop.
HEADING_MAX_WORDS = 14
HEADING_ANY_CASE_WORDS = 3
# Short words left in lower case by title case.
TITLE_CASE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to vs via with".split()
)
# A trailing line this short, with no full stop, after the last paragraph is end matter.
FOOTER_MAX_WORDS = 4
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30

# How far into a page the title is looked for, in non-blank lines.
TITLE_SEARCH_LINES = 12

# A line is in another script when at least this share of its letters are.
OTHER_SCRIPT_SHARE = 0.5


def compile_all(patterns: tuple[str, ...], *, match: str = "search") -> re.Pattern[str]:
    """One case-insensitive regex for a list, so each line is scanned once per kind.

    ``match`` is ``search`` (anywhere in the line), ``prefix`` (at its start) or ``line`` (the
    whole line, give or take trailing punctuation).
    """
    body = "|".join(f"(?:{p})" for p in patterns)
    if match == "prefix":
        body = rf"^\s*(?:{body})"
    elif match == "line":
        body = rf"^\s*(?:{body})\W*$"
    return re.compile(body, re.IGNORECASE)
