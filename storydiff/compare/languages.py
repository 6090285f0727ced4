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

from collections.abc import Callable, Sequence

from storydiff.compare.align import Alignment, position
from storydiff.model import Analysis, Statement
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


def aligned_by_language(
    analyses: Sequence[Analysis], align: Callable[[Sequence[Analysis]], Alignment]
) -> Alignment:
    """``align`` on the articles of each language apart, the results put together: points and
    what only one article says hold between articles in one language. An article alone in its
    language is compared with none, so nothing it says is listed as only its own (nor any
    other article's statement as missing from it)."""
    groups: dict[str, list[Analysis]] = {}
    for analysis in analyses:
        groups.setdefault(analysis.article.language, []).append(analysis)
    alignments = [align(group) for group in groups.values() if len(group) > 1]
    if len(alignments) == 1 and len(groups) == 1:
        return alignments[0]
    only_in: dict[str, tuple[Statement, ...]] = {a.article.id: () for a in analyses}
    for alignment in alignments:
        only_in.update(alignment.only_in)
    return Alignment(
        tuple(sorted((p for a in alignments for p in a.points), key=position)),
        tuple(p for a in alignments for p in a.related),
        only_in,
    )
