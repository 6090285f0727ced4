"""The words that make up quantities and dates in English news text.

They are data, not code: the ``storydiff_quantities`` component reads them, as English's
``NumberWords`` (``numbers.py``; another language's are the ``[numbers]`` table of its
word-list file), and nothing here names anything in a particular article. Extend them here.

Where the lists came from:

- Number words and scales: English cardinal nomenclature on the short scale (a billion is a
  thousand million), as the AP Stylebook and the Reuters Handbook of Journalism use it, plus
  the abbreviations those style guides allow after digits ("4.2bn", "$5m", "10k").
- Fractions: the English fraction words that stand for a share of a whole ("a third of",
  "three quarters of").
- Vague quantities: the ranges are storydiff's own convention, chosen so that a vague word
  never overlaps the exact numbers next to it ("several" 3-9, "dozens" 24-99, "hundreds"
  200-999, "thousands" 1,000-9,999). A vague word followed by a scale multiplies:
  "hundreds of thousands" is 200,000-999,999 and "tens of thousands" 20,000-99,999.
- Qualifiers: the approximators and bounds of the AP Stylebook's entries "about", "more than,
  over" and "fewer, less", with their common synonyms in news text, folded onto one name per
  meaning ("around", "approximately", "some" are "about"; "nearly" is "almost"; "over" is
  "more than").
- Currencies: ISO 4217 codes for the currency symbols and names that English news uses.
- Measure units: SI and imperial units as the AP Stylebook spells them, normalised to one
  short name each.
- Person nouns: plural nouns for groups of people that news reports count, so that a count
  reads "people who ..." rather than "people that ..."; invariant plurals are the English
  nouns whose plural is the singular ("20 staff", "300 sheep").
- Months, weekdays and relative-date words: standard English calendar names and their AP
  abbreviations ("Sept.", "Aug."), and the deictic words ("yesterday", "last week") whose
  date depends on when the article was published.
"""

from __future__ import annotations

ONES: dict[str, int] = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen""".split()
    )
}

TENS: dict[str, int] = {
    word: 10 * (value + 2)
    for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}

# A scale multiplies what comes before it ("three million") or stands for one ("a million").
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
}

# Abbreviated scales written straight after digits: "4.2bn", "$5m", "10k".
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}

# Denominators of fractions, singular and plural ("a third", "two thirds").
FRACTIONS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}

# Vague quantities: their range when they stand alone, as (low, high). Keys are the words as
# written, lower case, multi-word keys space-separated.
VAGUE: dict[str, tuple[int, int]] = {
    "a couple": (2, 3),
    "a few": (2, 5),
    "a handful": (2, 6),
    "several": (3, 9),
    "tens": (20, 99),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (1_000, 9_999),
    "millions": (1_000_000, 9_999_999),
    "billions": (1_000_000_000, 9_999_999_999),
}

# Vague words that are also ordinary nouns ("exam scores"): quantities only before "of" or
# "more".
NOUN_VAGUE: frozenset[str] = frozenset({"scores", "tens"})

# Plural scales that turn a vague word into a bigger one: "hundreds of thousands".
PLURAL_SCALES: dict[str, int] = {
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
}

# Words before a number that bound or approximate it, longest first when matched.
QUALIFIERS: dict[str, str] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "circa": "about",
    "an estimated": "about",
    "estimated": "about",
    "an average of": "about",
    "almost": "almost",
    "nearly": "almost",
    "close to": "almost",
    "just under": "almost",
    "just shy of": "almost",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "well over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "greater than": "more than",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "a minimum of": "at least",
    "at most": "at most",
    "no more than": "at most",
    "not more than": "at most",
    "a maximum of": "at most",
}

# Qualifier words that are also prepositions ("fighting over 20 villages"): a qualifier only
# when the parser attaches them to the number.
PREPOSITION_QUALIFIERS: frozenset[str] = frozenset({"over", "under", "above", "below", "about"})

PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "per cent", "pct", "percentage"})

CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
}

CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rupee": "INR",
    "rupees": "INR",
    "lira": "TRY",
    "franc": "CHF",
    "francs": "CHF",
}

MEASURE_UNITS: dict[str, str] = {
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "m": "m",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "cm": "cm",
    "mm": "mm",
    "mile": "mile",
    "miles": "mile",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "in",
    "inches": "in",
    "yard": "yd",
    "yards": "yd",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "g": "g",
    "gram": "g",
    "grams": "g",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "lb": "lb",
    "lbs": "lb",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "gallon": "gal",
    "gallons": "gal",
    "barrel": "bbl",
    "barrels": "bbl",
    "hectare": "ha",
    "hectares": "ha",
    "acre": "acre",
    "acres": "acre",
    "sq km": "km2",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square miles": "mi2",
    "degrees": "degree",
    "mph": "mph",
    "km/h": "km/h",
    "mw": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatts": "GW",
}

# Plural nouns for people: a count of them reads "people who ...".
PERSON_NOUNS: frozenset[str] = frozenset(
    """
    people persons individuals civilians residents inhabitants citizens villagers locals
    troops soldiers fighters militants rebels insurgents combatants forces police officers
    policemen guards refugees migrants asylum-seekers evacuees children kids women men adults
    families voters protesters demonstrators workers employees staff members officials
    delegates lawmakers legislators politicians patients doctors nurses students teachers
    pupils journalists reporters victims survivors casualties prisoners detainees hostages
    passengers tourists visitors fans supporters volunteers customers users respondents
    participants
    """.split()
)

# Nouns whose plural is the singular ("20 staff", "300 sheep"), which the tagger calls singular.
INVARIANT_PLURALS: frozenset[str] = frozenset(
    """
    staff police personnel crew sheep deer fish aircraft cattle livestock people offspring
    """.split()
)

# Copular idioms whose complement names where the counted things are ("the city is home to
# two million people"): the words that say it plainly.
COPULAR_IDIOMS: dict[tuple[str, str], str] = {
    ("home", "to"): "living in",
}

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

# Words that make a DATE entity a date rather than a duration ("the years", "two decades").
DEICTIC_DATE_WORDS: frozenset[str] = frozenset(
    """
    today tonight yesterday tomorrow ago last next this earlier later past coming weekend
    morning afternoon evening overnight
    """.split()
)

# Other words of time: a DATE entity without any of these or the words above (NER's "between
# 40 and 60 boats") is a mislabelled quantity.
TIME_SPANS: frozenset[str] = frozenset(
    """
    decade decades century centuries era season seasons spring summer autumn fall winter
    weekends hour hours minute minutes fortnight fortnights old
    """.split()
)

# Relative days: offset from the publication date.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "overnight": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}

# Calendar units that "last", "this", "next", "ago" and "past" count in, and their length in
# days where a fixed length is meant ("two weeks ago").
DATE_UNITS: dict[str, int] = {
    "day": 1,
    "days": 1,
    "week": 7,
    "weeks": 7,
    "fortnight": 14,
    "month": 30,
    "months": 30,
    "year": 365,
    "years": 365,
}
