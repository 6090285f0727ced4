"""Title, outlet and publication date, from the page's own cues.

A scrape rarely says "the outlet is X" in so many words. It says it in a masthead line, in a
dateline ("CITY (Agency) -"), in the suffix it stamps on captions ("... - Outlet"), in a
copyright line, in a promo for itself, and in its URL. Each cue is weighed, and a name found
in the outlet registry is given its canonical form.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from storydiff.clean import patterns as p
from storydiff.clean.furniture import FURNITURE, Verdict, site_name_of
from storydiff.clean.lines import Line, repeated_suffixes
from storydiff.clean.outlets import find_outlet_name, outlet_by_name, outlet_by_url

_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w&.' -]{1,40}?)(?:\s*\d{4})?\s*$",
    re.IGNORECASE,
)
_BRAND_WORDS = "|".join(p.BRAND_WORDS)
_BRAND = re.compile(rf"\b(?P<name>(?:The )?(?:[A-Z][\w&'-]*\s){{0,3}}(?:{_BRAND_WORDS}))\b")
_PUBLISHED = re.compile(p.PUBLISHED_LINE, re.IGNORECASE)

# Evidence weights: a masthead line or a suffix the site stamps on several lines is surer than
# a name found in a promo, which is surer than a dateline (wire copy names the agency, not the
# site that republished it).
_WEIGHTS = {
    "given": 10,
    "masthead": 6,
    "suffix": 5,
    "url": 5,
    "copyright": 4,
    "promo": 3,
    "dateline": 2,
}


def canonical_outlet(name: str) -> str:
    outlet = outlet_by_name(name)
    return outlet.name if outlet else name.strip()


def site_name_cues(lines: list[Line], url: str | None, given: str | None) -> Counter[str]:
    """Every outlet name the page offers, weighted by how sure the cue is."""
    votes: Counter[str] = Counter()
    if given:
        votes[canonical_outlet(given)] += _WEIGHTS["given"]
    if url and (outlet := outlet_by_url(url)):
        votes[outlet.name] += _WEIGHTS["url"]
    for name in repeated_suffixes(lines):
        votes[canonical_outlet(name)] += _WEIGHTS["suffix"]
    top = [line for line in lines if not line.blank][: p.TITLE_SEARCH_LINES]
    for line in top:
        site = site_name_of(line.stripped)
        if site and (outlet_by_name(site) or _BRAND.fullmatch(site.strip())):
            votes[canonical_outlet(site)] += _WEIGHTS["masthead"]
    for line in lines:
        match = p.DATELINE_RE.match(line.stripped)
        agency = match and (match.group(2) or match.group(3))
        if agency:
            votes[canonical_outlet(agency)] += _WEIGHTS["dateline"]
    return votes


def outlets_named_in(lines: list[Line], verdicts: dict[int, Verdict]) -> Counter[str]:
    """Outlet names in lines already judged furniture: promos and credits name their own site."""
    votes: Counter[str] = Counter()
    for line in lines:
        verdict = verdicts.get(line.number)
        if not verdict or verdict.role != FURNITURE or verdict.reason in {"caption", "teaser"}:
            continue
        if (match := _COPYRIGHT.search(line.stripped)) and outlet_by_name(match.group("name")):
            votes[canonical_outlet(match.group("name"))] += _WEIGHTS["copyright"]
            continue
        found = find_outlet_name(line.stripped)
        if found is None and (brand := _BRAND.search(line.stripped)):
            found = brand.group("name")
        if found:
            votes[canonical_outlet(found)] += _WEIGHTS["promo"]
    return votes


def pick_outlet(votes: Counter[str]) -> str | None:
    if not votes:
        return None
    return max(votes.items(), key=lambda item: (item[1], len(item[0])))[0]


def is_title_candidate(line: Line) -> bool:
    """Headlines are a handful of words and do not end with a full stop."""
    text = line.stripped
    return (
        p.TITLE_MIN_WORDS <= line.words <= p.TITLE_MAX_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not text.isupper()
    )


def find_title_line(lines: list[Line], verdicts: dict[int, Verdict]) -> Line | None:
    """The first headline-shaped line near the top that is not already known furniture."""
    top = [line for line in lines if not line.blank][: p.TITLE_SEARCH_LINES]
    for line in top:
        if line.number in verdicts:
            continue
        if is_title_candidate(line):
            return line
        if line.reads_as_prose and line.words >= p.PROSE_MIN_WORDS:
            return None
    return None


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),
    re.compile(
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})", re.IGNORECASE
    ),
    re.compile(
        rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", re.IGNORECASE
    ),
]


_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")


def date_at(text: str, at: int) -> int | None:
    """Where a date written at ``at`` ends ("June 4, 2019", "4 June 2019", "2019-06-04",
    "04/06/2019"), or None when no date starts there."""
    for form in (*_DATE_FORMS, _NUMERIC_DATE):
        if match := form.match(text, at):
            return match.end()
    return None


def parse_date(text: str) -> str | None:
    """The first full date in a text, as ISO ``YYYY-MM-DD``."""
    for form in _DATE_FORMS:
        if match := form.search(text):
            parts = match.groupdict()
            month = int(parts["mon"]) if parts.get("mon") else _MONTHS[parts["month"].lower()]
            try:
                return date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None


def find_published(lines: list[Line]) -> tuple[str | None, Line | None]:
    """A date the page states as its own: a "Published ..." line, or a line that is only a date."""
    top = [line for line in lines if not line.blank][: p.TITLE_SEARCH_LINES * 2]
    for line in top:
        if (match := _PUBLISHED.match(line.stripped)) and (
            found := parse_date(match.group("rest"))
        ):
            return found, line
    for line in top:
        if line.words <= 8 and not line.reads_as_prose and (found := parse_date(line.stripped)):
            return found, line
    return None, None
