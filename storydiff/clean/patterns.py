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

The wording is kept per language (``Lexicon``; English and German so far, in ``LEXICONS``),
and the language detected in a page picks its lexicon (``lexicon_for``); furniture that looks
the same in every language (©, an agency credit, markup left over) is in ``UNIVERSAL``. Every
list is a plain tuple of regular-expression strings, compiled once per language,
case-insensitive; extend them here, or add a language by adding a ``Lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What separates a label from the text it introduces: "Image: ...", "Image caption, ...",
# "READ MORE: ...". A hyphen only counts with a space after it ("Picture-perfect" is a word).
_LABEL_END = r"(?:\s*[:|>»,]|\s+[-–—])(?:\s|$)"

# Wire and photo agencies whose names end a caption as its credit ("... / AP", "REUTERS/...").
AGENCIES = (
    r"ap|afp|reuters|epa|epa-efe|efe|dpa|anadolu|xinhua|tass|ria novosti|sputnik|getty|"
    r"getty images|shutterstock|alamy|istock|bloomberg|nurphoto|zuma|sipa|pa|pa images|"
    r"picture alliance|imago|keystone|ansa|kyodo|yonhap|aap"
)


@dataclass(frozen=True)
class Lexicon:
    """The wording of page furniture in one language, one tuple of regular expressions per
    kind (case-insensitive; see ``compile_all`` for how each is anchored). A page is judged
    with the universal lexicon, the English one (English furniture turns up on pages in every
    language) and its own language's, merged by ``lexicon_for``."""

    caption_labels: tuple[str, ...] = ()  # "Image caption ...", "Foto: ..."
    caption_credits: tuple[str, ...] = ()  # a credit that ends a caption ("... Photo: X/AP")
    credit_labels: tuple[str, ...] = ()  # "©", "Image copyright"
    credit_hints: tuple[str, ...] = ()  # "Getty Images": only on lines that are not prose
    teaser_labels: tuple[str, ...] = ()  # "READ MORE:", "Lesen Sie auch:"
    navigation_lines: tuple[str, ...] = ()  # whole lines: menus, buttons, section labels
    metadata_labels: tuple[str, ...] = ()  # "Updated at 1:23 p.m.", "Category: ..."
    promo_patterns: tuple[str, ...] = ()  # apps, newsletters, subscriptions, cookies
    reader_address: tuple[str, ...] = ()  # how a promo speaks to the reader
    byline_bios: tuple[str, ...] = ()  # "Jane Roe is a reporter for Outlet."
    bylines: tuple[str, ...] = ()  # "By Jane Roe and John Doe"
    footer_labels: tuple[str, ...] = ()  # end matter that says what it is
    footer_patterns: tuple[str, ...] = ()  # the comment section and the page's end

    def merged(self, other: Lexicon) -> Lexicon:
        return Lexicon(
            **{name: getattr(self, name) + getattr(other, name) for name in _LEXICON_FIELDS}
        )


# Furniture that looks the same in every language: symbols, agency credits, markup left over.
UNIVERSAL = Lexicon(
    credit_labels=(r"©", r"\(c\)\s"),
    caption_credits=(
        # "... (AP Photo/Jane Roe, File)", "... (Foto: dpa)"
        r"\([^()]{0,40}\b(photo|foto|image|bild|picture|credit)\b\s*[/:][^()]{1,60}\)$",
        # "... ( NASA/JPL-Caltech/ASU )": a bracketed credit of several names and slashes
        r"\(\s*(?-i:[A-Z])[\w.&-]*(\s*/\s*(?-i:[A-Z])[\w.&-]*)+\s*\)$",
        # "... REUTERS/Jane Roe", "... Jane Roe / AP file", "... Jane Roe/Getty Images"
        r"(?-i:\b[A-Z]{2,})/[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}$",
        rf"\b(?-i:[A-Z])[\w.'’-]+( (?-i:[A-Z])[\w.'’-]+){{0,3}}\s*/\s*({AGENCIES})"
        r"( (photo|file|images?))?$",
        # "... of the drug. Getty": an agency's name after the caption's full stop
        rf"[.!?][\"”’]?\s+({AGENCIES})( images)?$",
    ),
    navigation_lines=(
        r"\[(\w+)\b[^\]]*\].*\[/\1\]",  # a content-management shortcode: "[button ...]...[/button]"
    ),
    teaser_labels=(
        # a line of headlines marked as links: "... [ VIDEO]| Other headline [ INSIGHT]"
        r".*\[\s*(?-i:[A-Z]{3,})\s*\]",
    ),
)

# The section names of a site's menu, one of which can make a whole navigation line.
SECTION_NAMES = (
    r"home|menu|search|sections?|world|politics|business|sport|sports|opinion|video|videos|"
    r"live|news|weather|culture|science|tech|technology|health|entertainment|lifestyle|"
    r"travel|markets|us|uk|europe|asia|africa|middle east|americas"
)

# One sharing button; a row of them is one navigation line.
# Longest alternatives first, each tried atomically, so that a long row of buttons is matched
# in linear time.
_SHARE_BUTTON = r"share this(?: article| story| page| post)?|share on \w+|share|tweet|email|print"
# A word of a name in a byline: a capital, then the rest of the word taken whole (possessive,
# so that "By CHRISTOPHER TORCHIA" cannot be split a million ways).
_NAME_WORD = r"(?-i:[A-Z])[\w.'’-]*+"
_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_WEEKDAY = r"mon|tue|wed|thu|fri|sat|sun"

ENGLISH = Lexicon(
    caption_labels=(
        rf"(image|image caption|media caption|photo|file photo|picture|pic|caption|video|"
        rf"gallery|graphic|illustration|watch){_LABEL_END}",
        r"(image|media) caption\s",
        r"(photo|image|video)\s+\d+\s+(of|/)\s+\d+",
        # the wire services' caption: "In this Sunday, Nov. 10, 2019, photo, ..."
        r"in this [\w.,/ ]{0,40}\b(file )?(photo|photograph|image|picture)\b",
    ),
    caption_credits=(
        r"\b(photograph|photo|picture|image|illustration|composite|credit)\s*:\s*[^.!?]{2,80}$",
        r"\b(gallery|slideshow)$",  # the label under a picture gallery: "2020 Model X Gallery"
    ),
    credit_labels=(
        rf"image (copyright|source|credit){_LABEL_END}",
        r"(main )?(photo|photograph|picture|image|video)( illustration)? (by|credit|courtesy)\b",
        rf"(photograph|credit|source){_LABEL_END}",
    ),
    credit_hints=(
        r"copyright\b",
        r"getty images",
        r"\(?(ap|afp|reuters|epa|anadolu|xinhua|tass|ria novosti) ?(photo|images?)?\s*/",
        r"shutterstock",
    ),
    teaser_labels=(
        rf"[\[(]?\s*((read|see|watch|listen)( more| also)?|also (read|see)|related( \w+)?|"
        rf"more|recommended|further reading|in pictures){_LABEL_END}",
        r"also:\s",
        # a link to the site's own page: "On example.com: ...", "Also on example.com ..."
        r"(also )?on [\w-]+(\.[\w-]+)*\.[a-z]{2,}\b",
    ),
    navigation_lines=(
        r"(more|latest|read more|see more|most read|most popular|top stories|trending) "
        r"(on|about|from|in|stories|news|videos)\b.{0,40}",
        rf"({SECTION_NAMES})",
        r"(related|related (articles?|stor(y|ies)|topics?|content|coverage)|see also|"
        r"you may also like|recommended( for you)?|more stories|more from .{1,40}|"
        r"editor'?s picks|don'?t miss|explore more( on these topics)?|more on this story|"
        r"reuse this content)",
        r"(published|updated|posted|last updated|first published)( .{0,40})?",
        rf"(?>{_SHARE_BUTTON})(?:(?:\s*[|·•,]\s*|\s+)(?>{_SHARE_BUTTON}))*",
        r"(copy link|"
        r"comments?|\d+ comments?|show comments|hide comments|skip to (main )?content|"
        r"back to top|next article|previous article|advertisement|sponsored( content)?|"
        r"close|open|toggle navigation|loading\W*)",
        r"(topics?|tags?|filed under|categories)\s*:.*",
    ),
    metadata_labels=(
        # a time stamp, whatever its ending: "Updated at 1:23 p.m.", "Posted: 18 Nov 2019"
        rf"(published|posted|updated|last updated|last modified|first published|"
        rf"release date|date)\s*:?\s*(on |at )?(\d|({_MONTH})\w*\b|({_WEEKDAY})\w*\b).{{0,50}}$",
        r"(category|categories|last modified|release date|filed under|reading time|"
        r"read time)\s*:.{0,80}$",
        r"\d+\s*(-\s*)?min(ute)?s? read$",
    ),
    promo_patterns=(
        r"\b(download|get) (our|the) (\w+ )?app\b",
        r"\bsubscribe\b",
        r"\bnewsletters?\b",
        r"\bsign up\b",
        r"\bfollow us\b",
        r"\bfollow (\w+ ){0,3}on (twitter|facebook|instagram|telegram|x|youtube|tiktok)\b",
        r"\bclick(ing)? here\b",
        r"\b(get|for) the latest (news|headlines|updates)\b",
        r"\b(live coverage|breaking news alerts?|news alerts?)\b",
        r"\b(watch|listen) (live|now|back)\b|\blisten to [\w ]{1,30} live\b",
        r"\bsupport (our|independent) journalism\b",
        r"\bbecome a (member|subscriber|supporter)\b",
        r"\b(tip|tips) (off|line)\b|\bgot a (news )?tip\b|\bhave a tip\b",
        r"\bwe (use|value) cookies\b|\bcookie (policy|settings)\b",
        r"\ball rights reserved\b",
        r"\b(terms of (use|service)|privacy policy)\b",
        r"\b(editorial (standards|guidelines)|our (standards|values|journalism))\b",
        r"\byour inbox\b",
        r"\bshare (it|this( story| article)?) with (a friend|your friends)\b",
        r"\btell us what you think\b",
        r"\b(affiliate (links?|commission)|(earn|get|receive) a (small )?(commission|share of "
        r"the sale))\b",
    ),
    reader_address=(
        r"(^|[.!?]\s+)(get|sign|subscribe|follow|download|click|tap|join|read|watch|listen|"
        r"share|log|register|support|donate|become|try|see|find|discover|stay)\b",
        r"\b(you|your|yours)\b",
    ),
    byline_bios=(
        r"\b(is|are) (an? |the )?[\w ,-]{0,40}\b(reporter|correspondent|writer|editor|"
        r"producer|contributor|columnist)s?\b",
    ),
    bylines=(
        # "By Jane Roe", "By JANE ROE, JOHN DOE and MARY MAJOR": names only, no sentence
        rf"by\s+{_NAME_WORD}(?:(?:\s*,\s*|\s+and\s+|\s+){_NAME_WORD}){{0,11}}\s*$",
    ),
    footer_labels=(
        r"^\(?\s*(reporting|writing|editing|additional reporting|compiled) by\b",
        r"\bcontributed (reporting|to this (report|story|article))\b",
        r"^our standards\s*:",
        r"\b(requires|enable) javascript\b",
        # the writer's contact at the end: "Jane Roe may be reached at jroe@example.com."
        r"\b(reached|contacted|email|e-mail|write to)\b.{0,40}\b[\w.+-]+@[\w-]+\.[\w.]+",
    ),
    footer_patterns=(
        r"\b(log ?in|sign ?in) (or|to) (register|sign up|comment|join)\b",
        r"\b(participate|join) (in )?the (discussion|conversation|debate)\b",
        r"\b(leave|post|add|write) a comment\b",
        r"\bcomments? (are|is) (closed|moderated|disabled)\b",
        r"\b(show|view|load|see) (all )?(\d+ )?comments\b",
        r"\bcommunity (guidelines|rules|standards)\b",
        r"\b(report an error|contact us|about us|corrections?)$",
        r"^this (article|story) (was|has been) (updated|corrected|amended)\b",
    ),
)

_DE_MONTH = r"jan|feb|mär|maer|apr|mai|jun|jul|aug|sep|okt|nov|dez"

# German: collected from the page templates of widely read German-language news sites
# (tagesschau, Spiegel, Zeit, FAZ, Süddeutsche, Welt, Bild, heise, n-tv, Deutsche Welle).
GERMAN = Lexicon(
    caption_labels=(
        rf"(bild|foto|fotos|abbildung|abb\.|grafik|bildunterschrift|video|galerie|"
        rf"bildergalerie|zum video|zur bildergalerie)(\s*\d+)?{_LABEL_END}",
        r"(bild|foto)\s+\d+\s+(von|/)\s+\d+",
    ),
    caption_credits=(r"\b(foto|bild|fotos|quelle|bildquelle)\s*:\s*[^.!?]{2,80}$",),
    credit_labels=(
        rf"(foto|fotos|bild|bildquelle|quelle|bildrechte){_LABEL_END}",
        r"(foto|bild) von\b",
    ),
    teaser_labels=(
        rf"[\[(]?\s*(lesen sie (auch|mehr|hier)|mehr (zum thema|dazu|lesen)|auch interessant|"
        rf"weiterlesen|zum thema|siehe auch|das könnte sie auch interessieren|"
        rf"empfehlungen|passend dazu|verwandte artikel){_LABEL_END}",
    ),
    navigation_lines=(
        r"(startseite|suche|menü|ressorts?|politik|wirtschaft|sport|kultur|wissen|"
        r"panorama|meinung|regional|inland|ausland|mehr)",
        r"(teilen|drucken|versenden|merken|kommentieren|kommentare|zur startseite|"
        r"nach oben|zum artikel|artikel (teilen|drucken|versenden)|anzeige|werbung|"
        r"weitere artikel|mehr artikel|alle artikel|schließen|laden\W*)",
        r"(themen|schlagworte|schlagwörter|stichworte|kategorien?)\s*:.*",
    ),
    metadata_labels=(
        rf"(veröffentlicht|aktualisiert|erstellt|zuletzt aktualisiert|stand|datum)\s*:?\s*"
        rf"(am |um )?(\d|({_DE_MONTH})\w*\b).{{0,50}}$",
        r"(kategorie|rubrik|lesezeit|lesedauer)\s*:.{0,80}$",
        r"(lesezeit|lesedauer)\s*:?\s*(ca\.\s*)?\d+\s*(min|minuten)\.?$",
    ),
    promo_patterns=(
        r"\babonn(ieren|ement|ent)\w*\b",
        r"\bnewsletter\b",
        r"\bjetzt (anmelden|registrieren|lesen|testen|sichern|herunterladen)\b",
        r"\bhier (klicken|anmelden|geht'?s)\b",
        r"\bunsere?n? app\b",
        r"\bfolgen sie uns\b",
        r"\bdatenschutz(erklärung|hinweise?)?\b",
        r"\balle rechte vorbehalten\b",
        r"\b(plus|premium)-?(artikel|inhalt|abo)\b",
        r"\bwerbefrei\b",
    ),
    reader_address=(
        r"\b(abonnieren|registrieren|melden|lesen|folgen|testen|sichern|laden|klicken|"
        r"entdecken|erfahren|unterstützen) sie\b",
        r"^(jetzt|hier)\b",
        # a promo's infinitive at the end: "Jetzt den Newsletter abonnieren."
        r"\b(abonnieren|registrieren|anmelden|herunterladen|bestellen|testen)\W*$",
    ),
    byline_bios=(
        r"\b(ist|sind) (redakteur|redakteurin|korrespondent|korrespondentin|autor|autorin|"
        r"reporter|reporterin)\b",
    ),
    bylines=(rf"von\s+{_NAME_WORD}(?:(?:\s*,\s*|\s+und\s+|\s+){_NAME_WORD}){{0,11}}\s*$",),
    footer_labels=(r"^\(?\s*(mitarbeit|mit material von)\b",),
    footer_patterns=(
        r"\b(kommentar (schreiben|verfassen)|kommentarfunktion|zu den kommentaren)\b",
        r"\b(impressum|kontakt|nutzungsbedingungen)$",
    ),
)

LEXICONS: dict[str, Lexicon] = {"en": ENGLISH, "de": GERMAN}
_LEXICON_FIELDS = tuple(Lexicon.__dataclass_fields__)


def lexicon_for(language: str | None) -> Lexicon:
    """The furniture wording for a page in ``language``: universal, English, and the
    language's own when there is a lexicon for it (add one to LEXICONS to support more)."""
    lexicon = UNIVERSAL.merged(ENGLISH)
    own = LEXICONS.get(language or "")
    return lexicon if own is None or own is ENGLISH else lexicon.merged(own)


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
    body = "|".join(f"(?:{p})" for p in patterns) or "(?!)"  # none: a pattern that never matches
    if match == "prefix":
        body = rf"^\s*(?:{body})"
    elif match == "line":
        body = rf"^\s*(?:{body})\W*$"
    return re.compile(body, re.IGNORECASE)
