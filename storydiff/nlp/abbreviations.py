"""Titles abbreviated before a name that spaCy's English tokenizer splits at the period.

"Republican Sens. John McCain and Lindsey Graham": spaCy keeps "Sen." whole but splits
"Sens." into "Sens" and ".", and the parser then ends the sentence there, cutting a reported
clause in two and taking the names after it for a new sentence's speakers. The list holds the
abbreviations the Associated Press Stylebook prescribes before names ("titles", "military
titles" and "abbreviations and acronyms" entries) and their plurals in news use, less those
spaCy's tokenizer already keeps whole.
"""

from __future__ import annotations

from spacy.language import Language

TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Sens.",
    "Reps.",
    "Govs.",
    "Gens.",
    "Drs.",
    "Profs.",
    "Supt.",
    "Cmdr.",
    "Msgr.",
)


def keep_title_abbreviations(nlp: Language) -> None:
    """Make each of ``TITLE_ABBREVIATIONS`` one token in ``nlp``'s tokenizer."""
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is None:
        return  # a custom tokenizer, with rules of its own
    for abbreviation in TITLE_ABBREVIATIONS:
        add_special_case(abbreviation, [{"ORTH": abbreviation}])
