"""The words one language writes its dates with, as one typed object.

``storydiff_quantities`` finds an article's dates and ``normalise_dates`` resolves them ("le
3 mars 2018", "mardi dernier", "la semaine dernière", "il y a deux jours") with the
``DateWords`` of the article's language, so that adding a language's dates is adding a
``[dates]`` table to its word-list file (``data/lexicons/<code>.toml``, read by
``lexicons.py``): no code. English's are the lists of ``numbers_data.py``, unchanged; a
language whose file has no ``[dates]`` table has none, finds no dates, and its analyses say
so (``dates: false``).

What a word does in a date is named by the English word that does it (``roles``: "dernière"
does what "last" does, "semaine" what "week" does), so that one reading of relative dates
serves every language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from storydiff.nlp import numbers_data as en
from storydiff.nlp.word_tables import WordTable

# The English words a ``roles`` entry may name, by what they do in a date.
DIRECTIONS = frozenset({"last", "next", "past", "coming", "previous", "earlier", "later"})
THIS = frozenset({"this"})
UNITS = frozenset({*en.DATE_UNITS, "weekend", "weekends"})
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "tonight", "overnight"})
ROLES = DIRECTIONS | THIS | UNITS | PARTS_OF_DAY | {"ago"}


@dataclass(frozen=True)
class DateWords:
    """One language's date vocabulary, lower case; multi-word keys joined by one space.

    ``months`` and ``weekdays`` give each name its number (January 1, Monday 0);
    ``ambiguous_months`` are month names that are also common words ("may"), a month only
    when capitalised, and ``capitalised_months`` says whether the language capitalises them
    at all (English does, so "25 march" is no date; French does not). A day and month are
    written ``day_suffixes`` after the day ("3rd", "1er"), with ``day_links`` between day and
    month ("the 5th of May"), and month first too when ``month_first`` ("March 3").
    ``relative_days`` are phrases a number of days from publication ("yesterday", "hier");
    ``roles`` map a word to the English word whose work it does in a relative date (English's
    is empty: its words are those words). ``ago_prefix`` is a phrase written before an
    amount of time ("il y a deux jours"), where English writes "ago" after it.
    ``stretch_gap`` is how far before the unit a "last" word must stand to mean the stretch
    up to publication rather than the calendar unit before it: English 2 ("the last few
    weeks" but "last week"), French 1 ("les dernières semaines" but "la semaine dernière").

    ``labelled`` says whether the language's entity recogniser labels dates (English's:
    DATE); without it the phrases are found from these words alone (``phrase_re``), with
    ``determiners`` before a unit ("la semaine dernière") and ``year_prepositions`` before a
    year ("en 2018"). ``deictic`` and ``time_spans`` are the words that make a labelled DATE
    speak of time.
    """

    months: Mapping[str, int] = field(default_factory=lambda: en.MONTHS)
    weekdays: Mapping[str, int] = field(default_factory=lambda: en.WEEKDAYS)
    ambiguous_months: frozenset[str] = frozenset({"may"})
    capitalised_months: bool = True
    day_suffixes: tuple[str, ...] = ("st", "nd", "rd", "th")
    day_links: tuple[str, ...] = ("of",)
    month_first: bool = True
    relative_days: Mapping[str, int] = field(default_factory=lambda: en.RELATIVE_DAYS)
    roles: Mapping[str, str] = field(default_factory=dict)
    ago_prefix: str | None = None
    stretch_gap: int = 2
    labelled: bool = True
    determiners: tuple[str, ...] = ()
    year_prepositions: tuple[str, ...] = ()
    deictic: frozenset[str] = en.DEICTIC_DATE_WORDS
    time_spans: frozenset[str] = en.TIME_SPANS
    word_pattern: str = r"[a-z]+|\d+"

    @cached_property
    def word_re(self) -> re.Pattern[str]:
        """The words and digit runs a date's text is read in."""
        return re.compile(self.word_pattern)

    @cached_property
    def timely(self) -> frozenset[str]:
        """Words that make a labelled DATE speak of time at all."""
        return frozenset(
            {*self.months, *self.weekdays, *self.deictic, *en.DATE_UNITS, *self.time_spans}
        )

    def role(self, word: str) -> str:
        """The English word whose work ``word`` does in a date (itself when none)."""
        return self.roles.get(word, word)

    def words_of(self, lowered: str) -> list[str]:
        """A date's lower-cased text as the English words of their roles, in English's order:
        "il y a deux jours" reads "deux days ago", so that one reading serves all."""
        words = self.word_re.findall(lowered)
        if self.ago_prefix and (at := _phrase_at(words, self.ago_prefix.split())) is not None:
            after = words[at + len(self.ago_prefix.split()) :]
            unit = next((i for i, w in enumerate(after) if self.role(w) in UNITS), None)
            if unit is not None:
                words = [*words[:at], *after[: unit + 1], "ago", *after[unit + 1 :]]
        return [self.role(w) for w in words]

    @cached_property
    def day_month_re(self) -> re.Pattern[str]:
        """A day and month, and a year after them: "7 September", "August 17, 2018", "1er
        mars 2018"."""
        names = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        # The look-ahead lets the search skip, in one step, every word that starts neither
        # with a digit nor with a month's first letter, instead of trying each month there.
        initials = "".join(sorted({month[0].lower() for month in self.months}))
        suffix = f"(?:{'|'.join(self.day_suffixes)})?" if self.day_suffixes else ""
        links = "".join(rf"(?:{re.escape(w)}\s+)?" for w in self.day_links)
        day_first = rf"(?P<d1>[0-3]?\d){suffix}\s+{links}(?P<m1>{names})\.?"
        month_first = rf"|(?P<m2>{names})\.?\s+(?P<d2>[0-3]?\d){suffix}" if self.month_first else ""
        return re.compile(
            rf"\b(?=\d|[{initials}])(?:{day_first}{month_first})"
            rf"(?:,?\s+(?P<y>1[5-9]\d\d|2[01]\d\d))?\b",
            re.IGNORECASE,
        )

    @cached_property
    def phrase_re(self) -> re.Pattern[str]:
        """The date phrases a recogniser that labels no dates leaves to these words: a
        relative day ("avant-hier"), a weekday and its direction or part of the day ("mardi
        dernier", "lundi soir"), a unit with a determiner and a direction ("la semaine
        dernière", "ces derniers mois", "cette année"), an amount of time ago ("il y a deux
        jours"), a month and its year ("mars 2018", "en mars"), and a year after one of
        ``year_prepositions`` (whose match is the year alone: group ``year``); the day and
        month are ``day_month_re``'s."""

        def alternatives(words: Any) -> str:
            return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

        def having(roles: frozenset[str]) -> str:
            return alternatives(w for w, r in self.roles.items() if r in roles)

        direction, units = f"(?:{having(DIRECTIONS)})", f"(?:{having(UNITS)})"
        this, parts = having(THIS), having(PARTS_OF_DAY)
        determiners = alternatives(self.determiners)
        year = r"1[5-9]\d\d|2[01]\d\d"
        # Case folded but for the months of a language that writes them in lower case
        # ("Mars" is the planet).
        patterns = [
            alternatives(self.relative_days),
            rf"(?:{alternatives(self.weekdays)})(?:\s+(?:{direction}|{parts}))?",
            rf"(?:{this})\s*(?:{direction}\s+)?{units}(?:\s+{direction})?",
            rf"(?:{determiners})\s*{units}\s+{direction}",
            rf"(?:{determiners})\s+(?:\w+\s+)?{direction}\s+{units}",
            rf"(?:{alternatives(self.year_prepositions)})\s+(?P<year>{year})",
        ]
        if self.ago_prefix:
            patterns.append(rf"{re.escape(self.ago_prefix)}\s+(?:\S+\s+){{0,2}}?{units}")
        months = alternatives(self.months)
        if not self.capitalised_months:
            months = f"(?-i:{months})"
        patterns.append(rf"{months}(?:\s+(?:{year}|{direction}))?")
        phrases = "|".join(f"(?:{p})" for p in patterns)
        return re.compile(rf"(?<![\w'’-])(?:{phrases})(?![\w-])", re.IGNORECASE)


def _phrase_at(words: list[str], phrase: list[str]) -> int | None:
    return next(
        (i for i in range(len(words)) if words[i : i + len(phrase)] == phrase),
        None,
    )


ENGLISH_DATES = DateWords()


def date_words_from(data: dict[str, Any] | None) -> DateWords | None:
    """A word-list file's ``[dates]`` table as ``DateWords``; None without it (no dates)."""
    if data is None:
        return None

    table = WordTable(data)
    words, ordered, values = table.words, table.ordered, table.values
    roles = table.names("roles")
    unknown = set(roles.values()) - ROLES
    if unknown:
        raise ValueError(f"[dates] roles names no role: {sorted(unknown)}")
    return DateWords(
        months=values("months"),
        weekdays=values("weekdays"),
        ambiguous_months=words("ambiguous_months"),
        capitalised_months=bool(data.get("capitalised_months", False)),
        day_suffixes=ordered("day_suffixes"),
        day_links=ordered("day_links"),
        month_first=bool(data.get("month_first", False)),
        relative_days=values("relative_days"),
        roles=roles,
        ago_prefix=str(data["ago_prefix"]).lower() if "ago_prefix" in data else None,
        stretch_gap=int(data.get("stretch_gap", 1)),
        labelled=bool(data.get("labelled", False)),
        determiners=ordered("determiners"),
        year_prepositions=ordered("year_prepositions"),
        deictic=words("deictic"),
        time_spans=words("time_spans"),
        word_pattern=str(data.get("word_pattern", r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")),
    )
