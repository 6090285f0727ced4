"""Pass 2 of the cleaner: lines the page prints twice.

A caption is often printed bare and again with a prefix ("Image: ...") or a credit glued to it
("© Agency / NameCaption ..."): both copies go. A sentence of the body printed again on its own
is a pull quote: the copy inside the paragraph stays, the repeat goes. An exact repeat of a
sentence keeps its first copy. A line the page prints more often than a gallery repeats a caption
(lead picture, gallery, full-screen view, its thumbnail: ``CAPTION_MAX_COPIES``) is no caption but
the row label of a repeated template, a meal plan's "Eat every 2-3 hours": it is kept.

The rule: each line, in page order, is compared with its exact copies, then with the shorter
lines that end it (at a word boundary, longest first, then glued to a credit); a comparison may
judge either line, and the last judgement made about a line stands.

The pass works on cores (a line's text without the site's stamp, shared by its copies), not on
pairs of lines: a page that prints one line ten thousand times would make a hundred million
pairs of copies, and a core with thousands of lengths below it would cost thousands of look-ups
per line. So each core is searched once for the shorter cores that end it, looking only where
one can start, and a judgement that falls on every copy of a core is kept once, with the time it
was made, for the copies to read at the end. The cost is linear in the page's characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storydiff.clean.furniture import Verdict, Wording, furniture
from storydiff.clean.lines import Line

Stamp = tuple[int, int]
"""When a judgement is made: the number of the line being compared, then the step of its
comparisons (0 for its exact copies, k for the k-th shorter core that ends it)."""

_DUPLICATE = furniture("duplicate")
CAPTION_MAX_COPIES = 4
_CAPTION = furniture("caption")

# Where a shorter line's core may start inside a longer one: after a character that is neither
# a letter nor a digit, or at a capital glued to a letter ("Agency / NameCaption ..."). The
# second pattern finds a superset of those capitals (any non-ASCII character), checked below.
_AFTER_BOUNDARY = re.compile(r"(?<=[\W_])")
_MAYBE_GLUED = re.compile(r"(?<=[^\W\d_])[A-Z\u0080-\U0010ffff]")


@dataclass
class _Copies:
    """The candidate lines that share one core, in page order, and the judgements that fall on
    all of them."""

    core: str
    lines: list[Line] = field(default_factory=list)
    # Numbers of the copies that can be the other line of a comparison (three words by white
    # space: a short fragment is not evidence of a repeat), in page order.
    matchable: dict[int, None] = field(default_factory=dict)
    endings: list[_Ending] = field(default_factory=list)
    # The last time a longer line found these copies to be its pull quote.
    pull_quote: Stamp | None = None
    # A longer caption or credit ends with them: they are captions unless judged otherwise.
    caption_by_default: bool = False

    @property
    def few(self) -> bool:
        """Printed no more often than a caption is (see ``CAPTION_MAX_COPIES``)."""
        return len(self.lines) <= CAPTION_MAX_COPIES


@dataclass(frozen=True)
class _Ending:
    """A shorter core that ends a longer one, and what the longer one's extra words say: a
    credit, a caption label, or nothing (then it depends on the line, see ``_own_judgement``)."""

    copies: _Copies
    reason: str | None


def by_repetition(lines: list[Line], site_names: set[str], words: Wording) -> dict[int, Verdict]:
    """Verdicts on the lines printed twice (see the module docstring), by line number."""
    groups: dict[str, _Copies] = {}
    for line in lines:
        if not line.blank and line.words >= 3:
            core = _core(line, site_names)
            copies = groups.setdefault(core, _Copies(core))
            copies.lines.append(line)
            if len(line.stripped.split()) >= 3:
                copies.matchable[line.number] = None
    targets = {core: copies for core, copies in groups.items() if copies.matchable}
    lengths = {len(core) for core in targets}
    for copies in groups.values():
        copies.endings = _endings(copies.core, targets, lengths, words)

    own: dict[int, tuple[Stamp, Verdict]] = {}
    for copies in groups.values():
        for line in copies.lines:
            if (judgement := _own_judgement(line, copies)) is not None:
                own[line.number] = judgement
    verdicts: dict[int, Verdict] = {}
    for copies in groups.values():
        verdicts.update(_verdicts_on_copies(copies, own))
    return verdicts


def _core(line: Line, site_names: set[str]) -> str:
    """The line without a trailing " - Outlet" stamp, so that stamped and bare copies match."""
    text = line.stripped
    suffix = line.suffix
    if suffix and suffix in site_names:
        text = text[: text.rfind(suffix)].rstrip(" -–—|")
    return text


def _endings(
    core: str, groups: dict[str, _Copies], lengths: set[int], words: Wording
) -> list[_Ending]:
    """The shorter cores that end this one, at a word boundary (longest first), then glued to
    a credit. Only a start that leaves as many characters as some core has is looked up."""
    size = len(core)
    at_boundary = [m.start() for m in _AFTER_BOUNDARY.finditer(core)]
    glued = [
        m.start()
        for m in _MAYBE_GLUED.finditer(core)
        if core[m.start()].isupper() and core[m.start() - 1].isalpha()
    ]
    found = []
    for start in at_boundary + glued:
        if size - start in lengths and (copies := groups.get(core[start:])) is not None:
            found.append(_Ending(copies, _prefix_reason(core, start, words)))
    return found


def _prefix_reason(core: str, end: int, words: Wording) -> str | None:
    """What the words before a shorter copy say about the longer line ("©", "Image:")."""
    if words.credit.match(core, 0, end) or words.credit_hint.match(core, 0, end):
        return "credit"
    if words.caption.match(core, 0, end):
        return "caption"
    return None


def _own_judgement(line: Line, copies: _Copies) -> tuple[Stamp, Verdict] | None:
    """The last thing the line's own comparisons say about it; what they say about the shorter
    copies that end it is kept on those copies."""
    judgements: list[tuple[Stamp, Verdict]] = []
    others = len(copies.matchable) - (line.number in copies.matchable)
    if others:
        if _reads_as_sentence(line):
            # An exact repeat of a sentence keeps its first copy.
            if next(iter(copies.matchable)) < line.number:
                judgements.append(((line.number, 0), _DUPLICATE))
        elif copies.few:
            judgements.append(((line.number, 0), _CAPTION))
    for step, ending in enumerate(copies.endings, 1):
        stamp = (line.number, step)
        reason = ending.reason or (None if line.reads_as_prose else "caption")
        if reason is None:
            # A paragraph that ends with a line printed on its own: the lone copy is a pull
            # quote, and the paragraph stays.
            shorter = ending.copies
            shorter.pull_quote = max(shorter.pull_quote or stamp, stamp)
        else:
            judgements.append((stamp, furniture(reason)))
            ending.copies.caption_by_default = True
    return judgements[-1] if judgements else None


def _verdicts_on_copies(
    copies: _Copies, own: dict[int, tuple[Stamp, Verdict]]
) -> list[tuple[int, Verdict]]:
    """Each copy's verdict: the last judgement made about it, its own comparisons or another
    line's. A copy is judged by the others when it can be matched: a sentence copy after
    another is a duplicate, every copy is a caption once a copy that is no sentence meets it,
    and a pull quote once a longer line ends with it."""
    not_sentences = [line.number for line in copies.lines if not _reads_as_sentence(line)][-2:]
    last_sentence: int | None = None
    verdicts = []
    for line in copies.lines:
        judgements = [own[line.number]] if line.number in own else []
        if line.number in copies.matchable:
            if last_sentence is not None:
                judgements.append(((last_sentence, 0), _DUPLICATE))
            other = [number for number in not_sentences if number != line.number]
            if other and copies.few:
                judgements.append(((other[-1], 0), _CAPTION))
            if copies.pull_quote is not None:
                judgements.append((copies.pull_quote, _DUPLICATE))
        if judgements:
            verdicts.append((line.number, max(judgements, key=lambda item: item[0])[1]))
        elif line.number in copies.matchable and copies.caption_by_default:
            verdicts.append((line.number, _CAPTION))
        if _reads_as_sentence(line):
            last_sentence = line.number
    return verdicts


def _reads_as_sentence(line: Line) -> bool:
    return line.reads_as_prose and line.ends_like_sentence
