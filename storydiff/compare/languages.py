"""Articles in more than one language, and articles analysed only in part: what a comparison
must say about them so that no reader takes a missing finding for an outlet's omission.

Aligning statements across languages needs a translation or cross-language model, which
storydiff does not have; and an article in a language without a pipeline was searched for
quotes by their marks and for figures in digits only (``Coverage``). Both are said plainly:
``languages_warning`` for the comparison as a whole (``storydiff compare`` prints it on
standard error), ``coverage_notes`` next to each article ("Russian: quotes and figures
only").
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.model import Analysis
from storydiff.model.languages import language_name


def languages_warning(analyses: Sequence[Analysis]) -> str | None:
    """What a comparison of articles in several languages says first; None for one."""
    languages = sorted({a.article.language for a in analyses})
    if len(languages) < 2:
        return None
    names = ", ".join(language_name(code) for code in languages)
    return (
        f"the articles are in {len(languages)} languages ({names}): aligning statements "
        "across languages is not supported, so shared points and what only one article says "
        "hold between articles in the same language; sources, figures and labels are "
        "compared per outlet"
    )


def coverage_notes(analyses: Sequence[Analysis]) -> dict[str, str]:
    """Article id -> the note its report shows, for every article analysed only in part."""
    notes = {}
    for analysis in analyses:
        note = analysis.coverage.note(analysis.article.language)
        if note is not None:
            notes[analysis.article.id] = note
    return notes
