"""The ``storydiff_quotes`` component: who said what, with the speaker resolved to an entity.

Reported speech is found from two sides. Quotation marks give direct speech whatever the
grammar around it; a cue (a reporting verb such as "said", a phrase such as "according to", an
attribution noun such as "comments by X that") gives the speaker and, through the parse, the
reported clause. Each cue claims the quoted stretches and the clause that belong to it;
quoted paragraphs no cue claims continue the previous speaker (the news convention for
quotes that run over several paragraphs).

Speakers named by a pronoun or a description are resolved to the entity the reader would
pick: the speaker of the quote just before, the subject of the sentence just before, or the
person introduced with that role (see ``speakers.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storydiff.clean.patterns import DATELINE_RE
from storydiff.model import Quote, Speaker, paragraph_ranges
from storydiff.model import Span as TextSpan
from storydiff.nlp.cues import (
    ACCORDING_TO,
    DEFAULT_LEXICON,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    MESSAGE_PREPOSITIONS,
    NEGATIVE_IMPLICATIVES,
    NON_SPEAKER_LABELS,
    PHRASAL_CUES,
    QUESTION_WORDS,
    SPEECH_SETTINGS,
    STANCE_VERBS,
    WEAK_CUES,
    Lexicon,
)
from storydiff.nlp.doctext import doc_text
from storydiff.nlp.extensions import typed
from storydiff.nlp.intervals import Intervals
from storydiff.nlp.inverted import inverted_cues
from storydiff.nlp.lexicons import lexicons_for, opening_marks
from storydiff.nlp.nonspeech import is_connective, is_extraposed
from storydiff.nlp.quotemarks import Quoted, quoted_in
from storydiff.nlp.speakers import SpeakerResolver, is_age
from storydiff.nlp.tokens import with_pos

_LETTERS = re.compile(r"\w")
_OPENING_MARKS = "\"“«„‘'`‹"
_QUOTATION_MARKS = frozenset({'"', "“", "”", "«", "»", "„", "''", "``"})
_CLAUSE_DEPS = {"ccomp", "xcomp"}
_CLAUSES_IN_PHRASE = {"relcl", "acl", "ccomp", "advcl", "parataxis"}
_RELATIVE_TAGS = {"WDT", "WP"}
_LEADING_JUNK = {"that", ",", ":", "—", "–", "-"}


@dataclass
class Cue:
    """A place in the text that reports speech, and what the parse says it reports."""

    token: Token | None
    cue: tuple[int, int]
    subject: Span | None
    content: list[tuple[int, int]] = field(default_factory=list)
    # Whether the content is a clause of its own (a that-clause, "according to X, ...", "X's
    # claim that ..."), so that the cue still reports speech when it stands inside another's
    # indirect content ("X said there were reports that Y said Z"); a noun-phrase message,
    # an order or a belief is not.
    clausal: bool = False


class _Content(NamedTuple):
    """A stretch of a cue's content, with the cue it belongs to."""

    start: int
    end: int
    cue: Cue


def is_cue_verb(token: Token, lexicon: Lexicon) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"amod", "aux", "auxpass"}:
        return False
    lemma = token.lemma_.lower()
    if lemma == "make":
        return _made_clear(token) is not None
    if phrasal_particle(token) is not None:
        return True
    if lemma in WEAK_CUES:
        return any(c.dep_ == "ccomp" for c in token.children)
    if lemma in EVIDENCE_VERBS and _is_evidence(token):
        return True
    if lemma in STANCE_VERBS:
        return any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in token.children
        )
    return lemma in lexicon.cue_verbs


# How many words may stand between "made (it) clear" and its "that": "on Monday".
_CLEAR_GAP = 4


def _made_clear(verb: Token) -> tuple[tuple[int, int], int] | None:
    """ "X made clear that ...", "X made it clear on Monday that ...", "X has made clear she
    will ...": what X made clear (a character span, to the end of the sentence) and where
    "clear" ends. The parser hangs the clause on "made", on "clear", or "clear" on the
    clause, so it is found on the words; without a clause after it ("made his views clear",
    "made clear its opposition") there is none."""
    doc = verb.doc
    after = doc[verb.i + 1 : verb.i + 3]
    words = [t.lower_ for t in after]
    if words[:1] == ["clear"]:
        clear = after[0]
    elif words == ["it", "clear"]:
        clear = after[1]
    else:
        return None
    end = verb.sent.end
    near = doc[clear.i + 1 : min(clear.i + 1 + _CLEAR_GAP, end)]
    that = next((t for t in near if t.lower_ == "that"), None)
    start = that.i + 1 if that is not None else clear.i + 1
    rest = doc[start:end]
    has_clause = any(t.dep_ == "nsubj" for t in rest) and any(
        t.pos_ in {"VERB", "AUX"} for t in rest
    )
    opens_clause = that is not None or (len(rest) > 0 and rest[0].pos_ in {"PRON", "PROPN", "DET"})
    span = _trim(doc, start, end)
    if not (has_clause and opens_clause) or span is None:
        return None
    return span, clear.idx + len(clear)


def phrasal_particle(verb: Token) -> Token | None:
    """The particle that makes a verb a cue ("for" in "called for", "out" in "pointed out")."""
    lemma = verb.lemma_.lower()
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in {"prt", "prep"} and (lemma, c.lower_) in PHRASAL_CUES
        ),
        None,
    )


def own_subject(verb: Token) -> Token | None:
    """The verb's subject. In "the restrictions, which they said applied only to ...", the
    parser gives "said" two: the relative pronoun belongs to the reported clause, and the
    speaker is the other. In "'... Deep trouble,' said Jane Roe" it gives "said" one inside
    the quotation and the speaker after the verb: a quotation mark between a subject and
    its verb puts that subject in the words reported."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        outside = [s for s in subjects if not _mark_between(s, verb)]
        subjects = outside or subjects
    return next((c for c in subjects if c.tag_ not in _RELATIVE_TAGS), None) or next(
        iter(subjects), None
    )


def _mark_between(one: Token, other: Token) -> bool:
    """Whether a quotation mark stands between two tokens."""
    low, high = sorted((one.i, other.i))
    return any(t.text in _QUOTATION_MARKS for t in one.doc[low + 1 : high])


def subject_of(verb: Token, lexicon: Lexicon) -> Token | None:
    """The speaker of a cue verb: its subject, or for "..., saying that ..." the speaker of the
    reporting verb it hangs from (else the nearest subject up the tree)."""
    if (subject := own_subject(verb)) is not None:
        return subject
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in {"for", "by"}:
        return _whose_saying(verb.head, lexicon)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and (by := next((c for c in agent.children if c.dep_ == "pobj"), None)):
        # "was asked by reporters whether ...", "it was announced by the ministry that ...".
        return by
    if any(c.dep_ == "nsubjpass" for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "advcl"
    ):
        # "the claims were denied", "when asked to": the speaker is not named here.
        return None
    if verb.tag_ == "VBG" and verb.dep_ == "advcl":
        # "X suggested that A was a level Democrats could work with, telling Fox News ...":
        # the participle's speaker is the one of the verb of saying above it, however deep in
        # that verb's clause the parser hangs it.
        reporter = next((t for t in verb.ancestors if is_cue_verb(t, lexicon)), None)
        if reporter is not None and (subject := own_subject(reporter)) is not None:
            return subject
    fallback = None
    token = verb
    while token.dep_ in {"advcl", "conj", "xcomp", "ccomp"} and token.head is not token:
        token = token.head
        subject = own_subject(token)
        if subject is not None and is_cue_verb(token, lexicon):
            return subject
        fallback = fallback or subject
    return fallback


def _whose_saying(preposition: Token, lexicon: Lexicon) -> Token | None:
    """The speaker of "for saying" and "by saying": whoever the saying is the reason for or
    the means of. "Obama was criticized for saying", "they praised Obama for saying", "took
    aim at Biden for saying", "he apologized for saying", "Democrats explained it by
    saying"."""
    head = preposition.head
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    children = list(head.children)
    if preposition.lower_ == "for":
        if passive := next((c for c in children if c.dep_ == "nsubjpass"), None):
            return passive
        objects = [c for c in children if c.dep_ == "dobj"]
        if named := next((o for o in objects if _could_have_said(o, lexicon)), None):
            return named
        # "took aim at Biden for saying": the prepositional phrase on the verb or its object.
        targets = [
            o
            for prep in (c for t in [head, *objects] for c in t.children)
            if prep.dep_ == "prep" and prep.lower_ == "at"
            for o in prep.children
            if o.dep_ == "pobj" and _could_have_said(o, lexicon)
        ]
        if targets or objects:
            return targets[0] if targets else None
    return own_subject(head)


def _could_have_said(token: Token, lexicon: Lexicon) -> bool:
    """A name, a pronoun or a person by their role ("the senator"): someone who can have said
    something, unlike the object of "took aim" or "drew criticism"."""
    return (
        token.pos_ in {"PROPN", "PRON"}
        or token.ent_type_ == "PERSON"
        or token.lemma_.lower() in lexicon.role_nouns
    )


def phrase(token: Token, cue: Token | None = None) -> Span:
    """The noun phrase a token heads, without a leading conjunction or punctuation and without
    the clauses hung on it ("the union, which said ..." is "the union"; a parse that hangs
    the reported clause on the name is cut there too). A speaker before its ``cue`` ends
    before it, whatever the parse hangs on the name after the verb."""
    clauses = {
        t.i
        for inner in token.subtree
        for c in inner.children
        if c.dep_ in _CLAUSES_IN_PHRASE
        for t in c.subtree
    }
    limit = cue.i if cue is not None and cue.i > token.i else len(token.doc)
    tokens = [
        t
        for t in token.subtree
        if t.i not in clauses and t.i < limit and (t.dep_ not in {"cc", "punct"} or token.i >= t.i)
    ]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    doc = token.doc
    while start < token.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end - 1 > token.i and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def clause_chars(clause_head: Token, nested_cues: set[int]) -> tuple[int, int] | None:
    """Character span of a reported clause: its subtree, less a leading "that" and any
    participle clause that reports further speech (", stating that ...")."""
    doc = clause_head.doc
    excluded: set[int] = set()
    for token in clause_head.subtree:
        if token.i == clause_head.i or token.i not in nested_cues:
            continue
        # ", stating that ..." starts a further report; "as discussed by X" does not.
        if token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG"):
            excluded.update(t.i for t in token.subtree)
    indices = sorted(t.i for t in clause_head.subtree)
    kept = []
    for i in indices:
        if i in excluded:
            break
        kept.append(i)
    if kept and len(kept) == len(indices) and clause_head.i > clause_head.head.i:
        kept += _rest_of_sentence(doc[kept[-1]], nested_cues)
    while kept and (doc[kept[0]].lower_ in _LEADING_JUNK or doc[kept[0]].is_space):
        kept.pop(0)
    kept += _rest_of_quotation(doc, kept)
    if kept and (dateline := DATELINE_RE.match(doc_text(doc), doc[kept[0]].idx)):
        kept = [i for i in kept if doc[i].idx >= dateline.end()]
    while kept and (
        doc[kept[-1]].is_punct
        and doc[kept[-1]].text not in {'"', "”", "’", "»"}
        or doc[kept[-1]].is_space
        or doc[kept[-1]].dep_ == "cc"
    ):
        # A clause cut before a participle clause can end in "and" or a comma.
        kept.pop()
    if not kept:
        return None
    return doc[kept[0]].idx, doc[kept[-1]].idx + len(doc[kept[-1]])


# The mark that closes each opening quotation mark a language's ``opening_marks`` may name.
_CLOSING_MARK = {"«": "»", "“": "”", "‹": "›", "„": "“"}


def _rest_of_quotation(doc: Doc, kept: list[int]) -> list[int]:
    """A clause that ends on an opening mark was cut by the parse, not by the writer: "a
    dénoncé des « actes indignes »", whose "«" the French tagger takes for a number and the
    words after it for another phrase. The quotation the mark opens, to its closing mark in
    the same sentence, belongs to the clause. Only the language's ``opening_marks`` are read
    so (``lexicons.py``; none for English, whose parser keeps a quotation with its verb)."""
    if not kept or doc[kept[-1]].text not in opening_marks(doc.lang_):
        return []
    closing = _CLOSING_MARK.get(doc[kept[-1]].text)
    if closing is None:
        return []
    opening = doc[kept[-1]]
    rest = doc[opening.i + 1 : opening.sent.end]
    end = next((t.i for t in rest if t.text == closing), None)
    return [] if end is None else list(range(opening.i + 1, end + 1))


def _rest_of_sentence(last: Token, nested_cues: set[int]) -> list[int]:
    """What follows a reported clause to the end of its sentence ("..., so thousands of
    victims does not mean thousands of shootings"): the parser often hangs it on the cue verb,
    but it is still what was said, unless another cue or an "according to" starts there."""
    rest = list(last.doc[last.i + 1 : last.sent.end])
    if not rest or any(t.i in nested_cues for t in rest):
        return []
    words = " ".join(t.lower_ for t in rest[:3])
    if any(marker in words for marker in ACCORDING_TO) or "\n" in "".join(t.text for t in rest):
        return []
    opener = next((t for t in rest if not t.is_punct), None)
    if opener is not None and opener.lower_ in _CONTRAST and any(t.dep_ == "nsubj" for t in rest):
        # "..., while the union put the figure at 400,000": another source's claim.
        return []
    return [t.i for t in rest]


def verb_cues(doc: Doc, lexicon: Lexicon, quoted: Intervals[Quoted]) -> list[Cue]:
    """Reporting verbs outside quotation marks (inside them, they are the speaker's words)."""
    cue_tokens = [t for t in with_pos(doc, ("VERB", "AUX")) if is_cue_verb(t, lexicon)]
    nested = {t.i for t in cue_tokens}
    cues = []
    for token in cue_tokens:
        if (
            quoted.overlapping(token.idx, token.idx + 1)
            or _unsaid(token)
            or is_connective(token)
            or is_extraposed(token)
        ):
            continue
        subject = subject_of(token, lexicon)
        if subject is None and _asked_of(token):
            speaker = None
        elif subject is None or (
            subject.pos_ not in {"PROPN", "NOUN", "PRON", "NUM"} and not is_age(subject)
        ):
            continue
        else:
            speaker = phrase(subject, token)
        cue = Cue(token, (token.idx, token.idx + len(token)), speaker)
        if (made_clear := _made_clear(token)) is not None:
            cue.cue = (token.idx, made_clear[1])
            cue.content.append(_whole_quote(doc_text(doc), made_clear[0], quoted))
            cue.clausal = True
            cues.append(cue)
            continue
        clauses = [
            c
            for c in token.children
            if c.dep_ in _CLAUSE_DEPS and not _after_participle_cue(token, c, nested)
        ]
        if _unanswered(token, clauses):
            continue
        for child in clauses + _noun_complements(token):
            if span := clause_chars(child, nested):
                cue.content.append(_whole_quote(doc_text(doc), span, quoted))
                cue.clausal = cue.clausal or not _is_infinitive(child) or _is_perfect(child)
        # What a poll shows or a person believes, inside someone's report, is their claim.
        cue.clausal &= token.lemma_.lower() not in STANCE_VERBS and not _is_evidence(token)
        if not cue.content and speaker is not None:
            spans = _message_object(token, nested, quoted, lexicon)
            if not spans and not any(_is_setting(c) for c in token.children):
                # "who spoke on condition of anonymity, said ...": that verb reports nothing.
                spans = _clause_around_commas(doc, token, speaker)
            cue.content.extend(_whole_quote(doc_text(doc), span, quoted) for span in spans)
        cues.append(cue)
    return cues


# Verbs that let someone say something without their saying it: "allows Republicans to say".
_LETTING = frozenset({"allow", "let", "enable", "permit"})


def _unsaid(verb: Token) -> bool:
    """ "The deal allows Republicans to say they won, and Democrats to say they lost": speech
    the text says could be given, not speech that was. (Negated and modal speech, "did not
    say", "would argue", stay quotes: attribution corpora such as PolNeAR annotate them.)"""
    if verb.tag_ != "VB":
        return False
    infinitive = verb
    while infinitive.dep_ == "conj" and infinitive.head.tag_ == "VB":
        # "allows them to meet and say ...": the conjuncts share the "to".
        infinitive = infinitive.head
    return (
        infinitive.dep_ in {"xcomp", "ccomp", "conj"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children)
        and infinitive.head.lemma_.lower() in _LETTING
    )


def _asked_of(verb: Token) -> bool:
    """ "Klayman was asked whether ...": a question put by someone the text does not name,
    reported all the same (the speaker stays unknown)."""
    return (
        verb.lemma_.lower() == "ask"
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and any(
            c.dep_ == "ccomp" and any(m.lower_ in {"whether", "if"} for m in c.children)
            for c in verb.children
        )
    )


def _after_participle_cue(verb: Token, clause: Token, nested: set[int]) -> bool:
    """ "suggested that A, telling Fox News, 'B'": the parser hangs B on "suggested", but a
    participle of saying ("telling", "adding", "saying") stands between them, and B is what
    that participle reports."""
    return any(
        i in nested and verb.doc[i].tag_ == "VBG" for i in range(verb.i + 1, clause.left_edge.i)
    )


def _unanswered(verb: Token, clauses: list[Token]) -> bool:
    """ "declined to say whether ...", "failed to explain how ...", "refused to say when ...":
    a question the speaker would not answer reports no words of theirs. A plain negation
    ("did not say whether ...") stays a quote, as PolNeAR annotates it (a negated claim can
    be news), and so does any that-clause."""
    return (
        bool(clauses)
        and all(_is_question(clause) for clause in clauses)
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in NEGATIVE_IMPLICATIVES
    )


def _is_question(clause: Token) -> bool:
    """Whether a clause is an embedded question: it opens with "whether", "if" or a wh-word."""
    return clause.left_edge.lower_ in QUESTION_WORDS and clause.left_edge.i > clause.head.i


def _is_infinitive(verb: Token) -> bool:
    """ "urged them to leave", "vowed to fight": an order or an intention, not a clause of
    its own as "which they said previously applied" is (but see ``_is_perfect``)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_perfect(verb: Token) -> bool:
    """ "claimed to have had an affair": a perfect infinitive reports a past event as a claim,
    a proposition as a that-clause does; an order or an intention ("urged them to leave",
    "vowed to fight") cannot be perfect."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _noun_complements(verb: Token) -> list[Token]:
    """ "voiced concern that the budget would fail", "issued a warning that ...": the that-clause
    the parser hangs on the verb's object is what was said."""
    return [
        clause
        for obj in verb.children
        if obj.dep_ == "dobj"
        for clause in obj.children
        if clause.dep_ in {"acl", "ccomp"}
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    ]


def _message_object(
    verb: Token, nested: set[int], quoted: Intervals[Quoted], lexicon: Lexicon
) -> list[tuple[int, int]]:
    """ "called for the repeal of the law", "denied the allegations": for verbs whose message
    can be a noun phrase, the object (with its "for"/"of" phrase) is what was said. A bare
    pronoun object ("denied it") says nothing on its own and is left out."""
    particle = phrasal_particle(verb)
    if verb.lemma_.lower() not in lexicon.object_cues and not _is_evidence(verb) and not particle:
        return []
    if _negated(verb):
        # "did not mention the shooting", "none of them mentioned it": a noun phrase no one
        # spoke (a negated clause, "did not say that ...", still reports a claim).
        return []
    parts = [
        child
        for child in verb.rights
        if (
            child.dep_ in {"dobj", "dative", "oprd"}
            or (
                child.dep_ == "prep" and (child.lower_ in MESSAGE_PREPOSITIONS or child is particle)
            )
        )
        and not _is_when(child)
        and not _is_setting(child)
    ]
    if not parts or all(p.pos_ == "PRON" and not list(p.children) for p in parts):
        return []
    first = parts[0]
    if first.dep_ == "prep" and (objects := [c for c in first.children if c.dep_ == "pobj"]):
        # "called for an inquiry": the message is the inquiry, not "for".
        first = objects[0]
    span = clause_chars(first, nested)
    end_span = clause_chars(parts[-1], nested)
    if span is None or end_span is None:
        return []
    if all(part.dep_ == "prep" for part in parts):
        # "warned against a 'reckless attack'": the quoted words are the message.
        inner = [(q.start, q.end) for q in quoted if span[0] <= q.start and q.end <= end_span[1]]
        if inner:
            return inner
    return [(span[0], end_span[1])]


# Subjects that deny the verb as "not" does: "none of the three mentioned the clinic".
_NO_ONE = frozenset({"none", "nobody", "neither", "nothing"})


def _negated(verb: Token) -> bool:
    """ "did not mention", "never mentioned", "none of them mentioned", "no one mentioned"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subject = own_subject(verb)
    return subject is not None and (
        subject.lower_ in _NO_ONE
        or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
    )


def _is_when(part: Token) -> bool:
    """ "on Monday", "for six hours": a time, not a message."""
    objects = [c for c in part.children if c.dep_ == "pobj"] if part.dep_ == "prep" else [part]
    return any(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _is_setting(part: Token) -> bool:
    """ "on the phone", "on condition of anonymity": how the words were given, not what."""
    return part.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in SPEECH_SETTINGS for c in part.children
    )


def _is_evidence(verb: Token) -> bool:
    subject = own_subject(verb)
    return subject is not None and subject.lemma_.lower() in EVIDENCE_NOUNS


# Words that open a clause of the narrator's after ", X said": "..., X said, as they left".
_NARRATOR_CONTINUES = frozenset(
    "as because since while when after before although though and but or so which who where "
    "adding saying noting".split()
)


def _clause_around_commas(doc: Doc, verb: Token, subject: Span) -> list[tuple[int, int]]:
    """The cue set off by commas when the parser did not attach the reported clause to it:
    "CLAUSE, X told reporters." (the clause before) and "PART, X said, REST." (both parts; a
    REST that opens with "as", "because", "and" ... is the narrator's again)."""
    sentence = verb.sent
    left = min(subject.start, verb.i)
    if left < 1 or doc[left - 1].text != ",":
        return []
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children) or _is_infinitive(verb):
        # "Russia cannot but respond", "who is not authorized to comment" report no speech.
        return []
    right = next((t.i for t in doc[verb.i + 1 : sentence.end] if t.text == ","), None)
    if (right if right is not None else sentence.end) - verb.i > 7:
        return []
    start = sentence.start
    if left - 1 <= start:
        # The parser cut the sentence at the comma: the clause is the sentence before.
        previous = doc[start - 1].sent if start > 0 else None
        if previous is None or "\n\n" in previous.text:
            return []
        start = previous.start
    before = _trim(doc, start, left - 1, min_tokens=1)
    opener = next((t for t in doc[start : left - 1] if not t.is_punct and not t.is_space), None)
    if before is None or (opener is not None and opener.tag_ == "VBG" and opener.head == verb):
        # "Noting the video, X responded with scorn": the participle is what X did, not what
        # X said.
        return []
    # The cue closes the sentence (no comma after it, or the comma ends it), or the narrator
    # goes on after the comma.
    if (
        right is None
        or right + 1 >= sentence.end
        or doc[right + 1].lower_ in _NARRATOR_CONTINUES
        or doc[right + 1].tag_ == "VBG"
    ):
        # "CLAUSE, X said." or "CLAUSE, X said, as ...": the clause before is what was said;
        # a phrase without a verb ("At the debate, X cited ...") is only the setting.
        is_clause = any(t.pos_ in {"VERB", "AUX"} for t in doc[start : left - 1])
        # "People like Scott, he said." is speech too when the cue ends the sentence.
        ends_sentence = right is None and verb.lemma_.lower() in _SAY
        long_enough = left - 1 - start >= (2 if ends_sentence else 3)
        return [before] if long_enough and (is_clause or ends_sentence) else []
    # "The museum, she said, celebrated ...": the words on both sides of the cue.
    after = _trim(doc, right + 1, sentence.end)
    return [before, after] if after else []


def according_to_cues(doc: Doc, lexicon: Lexicon = DEFAULT_LEXICON) -> list[Cue]:
    """ "According to X, ..." and "..., according to X": the rest of the clause is X's claim."""
    cues = []
    lowered = doc_text(doc).lower()
    for marker in lexicon.according_to:
        start = lowered.find(marker)
        while start != -1:
            span = doc.char_span(start, start + len(marker), alignment_mode="expand")
            start = lowered.find(marker, start + 1)
            if span is None:
                continue
            objects = [t for t in span[-1].children if t.dep_ == "pobj"] or [
                t for t in doc[span.end : span.end + 6] if t.pos_ in {"PROPN", "NOUN"}
            ][:1]
            if not objects:
                continue
            source = phrase(objects[0])
            if source.start < span.end:
                # A parse in which the preposition hangs from its noun ("selon l'ONU").
                source = doc[span.end : max(source.end, span.end + 1)]
            sentence = span.sent
            cue = Cue(None, (span.start_char, span.end_char), source, clausal=True)
            # "A; B, according to X": X vouches for B, not for everything since the sentence
            # began.
            clause_start = max(
                (t.i + 1 for t in doc[sentence.start : span.start] if t.text in {";", ":"}),
                default=sentence.start,
            )
            before = _trim(doc, clause_start, span.start)
            after = _trim(doc, source.end, _according_clause_end(doc, source.end, sentence.end))
            if before and (not after or before[1] - before[0] >= after[1] - after[0]):
                cue.content.append(before)
            elif after:
                cue.content.append(after)
            cues.append(cue)
    return cues


def _according_clause_end(doc: Doc, start: int, sentence_end: int) -> int:
    """Where the clause after "according to X" ends: the sentence's end, or the next
    sentence's when the parser cut the sentence right after the source ("D'après l'ONU, | près
    de 40 000 civils ...") within the paragraph."""
    if sentence_end >= len(doc) or "\n" in doc[start:sentence_end].text_with_ws:
        return sentence_end
    rest = [t.text for t in doc[start:sentence_end] if not t.is_space]
    cut_at_comma = rest == [","] or (not rest and doc[sentence_end].text == ",")
    return doc[sentence_end].sent.end if cut_at_comma else sentence_end


_SPEAKER_LABEL = re.compile(
    r"[\"“‘']?(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+\S"
)


# Conjunctions that set another party's claim against the reported one.
_CONTRAST = frozenset({"while", "whereas", "but", "although", "though", "yet"})

# The plain verbs of saying: a fragment they close is still what was said.
_SAY = frozenset({"say", "tell", "add", "write", "note", "explain", "insist", "reply"})
_INVERTED_CUES = frozenset({"said", "says", "added", "adds", "asked", "asks", "wrote", "writes"})


def label_cues(doc: Doc) -> list[Cue]:
    """A paragraph that opens with a name and a colon gives that person's words: transcripts
    ("SMITH: Well, look ...", also inside a quoted transcript) and attributed headlines
    ("Smith: Talks Will Go On"). A run-in section head ("KEEPING SCORE: ...", "Email: ...")
    has the same shape, so a label counts only when it names someone (see ``_speaker_labels``)."""
    text = doc_text(doc)
    labelled: list[tuple[Span, int, tuple[int, int] | None]] = []
    for start, end in paragraph_ranges(text):
        match = _SPEAKER_LABEL.match(text, start, end)
        if match is None or not _names_someone(match.group("label")):
            continue
        label_start = match.start("label")
        first_word = match.group("label").split()[0]
        if first_word.lower() in _INVERTED_CUES and " " in match.group("label"):
            # "Said Ellis: ..." names Ellis.
            label_start += len(first_word) + 1
        label = doc.char_span(label_start, match.end("label"))
        content = doc.char_span(match.end() - 1, end, alignment_mode="expand")
        if label is None or content is None:
            continue
        colon = text.index(":", match.end("label"))
        # A transcript's turn may be short ("It is."): the label, not the length, decides.
        labelled.append((label, colon, _trim(doc, content.start, content.end, min_tokens=1)))
    speakers = _speaker_labels([label for label, _, _ in labelled], typed(doc)._.entities or [])
    return [
        Cue(None, (colon, colon + 1), label, [span])
        for label, colon, span in labelled
        if span and label.text in speakers
    ]


def _speaker_labels(labels: list[Span], entities: list[Any]) -> set[str]:
    """The labels that name a speaker: a name the article's actors go by elsewhere (in any
    case), a label that opens two or more paragraphs (a transcript's speakers), or a proper
    name in mixed case. An all-capitals label seen once and naming nobody is a section head."""
    at_labels = {label.start_char for label in labels}
    known = {
        word.casefold()
        for entity in entities
        for mention in entity.mentions
        if mention.start not in at_labels
        for word in mention.text.split()
    }
    counts = Counter(label.text for label in labels)
    return {
        label.text
        for label in labels
        if label.text.split()[-1].casefold() in known
        or counts[label.text] >= 2
        or (not label.text.isupper() and all(t.pos_ == "PROPN" and not t.is_stop for t in label))
    }


def _names_someone(label: str) -> bool:
    words = label.lower().replace("’", "'").split()
    return not any(w.strip(".'") in NON_SPEAKER_LABELS for w in words)


_SIGNATURE = re.compile(
    r"[―—]\s*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})\.?[ \t]*(?=\n|$)"
)
_CLOSING_MARKS = "\"”»’'"


def signature_cues(doc: Doc, quoted: Intervals[Quoted]) -> list[Cue]:
    """A quotation signed with a dash and a name, as in testimonies and epigraphs:
    '"We are afraid." ― Maria Lopez'. The quotes just before the dash are that person's."""
    text = doc_text(doc)
    cues = []
    for match in _SIGNATURE.finditer(text):
        before = text[: match.start()].rstrip()
        if not before or before[-1] not in _CLOSING_MARKS:
            continue
        name = doc.char_span(match.start("name"), match.end("name"))
        if name is None:
            continue
        signed = _quotes_ending_at(text, quoted, len(before))
        if signed:
            pieces = [(q.start, q.end) for q in signed]
            cues.append(Cue(None, (match.start(), match.start() + 1), name, pieces))
    return cues


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _speaker_chars(doc: Doc) -> set[int]:
    """The characters of every mention of a person or an organisation the article names: who
    may be the subject that speaks a quotation no verb of saying introduces."""
    return {
        char
        for entity in typed(doc)._.entities or []
        if entity.kind in {"PERSON", "ORG"}
        for mention in entity.mentions
        for char in range(mention.start, mention.end)
    }


def colon_cues(doc: Doc, quoted: Intervals[Quoted], lexicon: Lexicon) -> list[Cue]:
    """ "Roe had a message for voters: 'Turn out.'", "He put it bluntly: '...'": a quotation a
    colon introduces, after a clause with no reporting verb, is the words of that clause's
    subject when it is a person, an organisation, a personal pronoun or a person described
    by a role ("The mayor offered a warning: '...'")."""
    text = doc_text(doc)
    speakers = _speaker_chars(doc)
    cues = []
    for q in quoted:
        lead = text[: q.start].rstrip(_OPENING_MARKS + " \t")
        if not lead.endswith(":") or "\n" in text[len(lead) : q.start]:
            continue
        colon = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
        if colon is None:
            continue
        clause = doc[colon[0].sent.start : colon.start]
        # The clause's own head: the parser may hang it on the quotation ("had" on "Turn").
        root = next(
            (t for t in clause if t.head.i == t.i or not clause.start <= t.head.i < clause.end),
            None,
        )
        if root is None or root.pos_ not in {"VERB", "AUX"}:
            continue
        if any(t.pos_ in {"VERB", "AUX"} and is_cue_verb(t, lexicon) for t in clause):
            continue  # "He said: '...'" is the verb's
        subject = own_subject(root)
        if subject is None or not (
            subject.idx in speakers
            or subject.lower_ in _PERSONAL_PRONOUNS
            or (subject.pos_ == "NOUN" and subject.lemma_.lower() in lexicon.role_nouns)
        ):
            continue
        cues.append(
            Cue(None, (colon.start_char, colon.end_char), phrase(subject), [(q.start, q.end)])
        )
    return cues


def running_quotation_cues(doc: Doc, quoted: Intervals[Quoted], lexicon: Lexicon) -> list[Cue]:
    """ "The mayor focused on a push to end 'the sale of old cars. / Period. / It is
    time.'": a quotation opened inside a sentence with no verb of saying, and
    running on into later paragraphs, is speech, not a scare-quoted word. It is the words of
    the sentence's subject when that is a person or an organisation the article names, or a
    personal pronoun; the later paragraphs go with it (``_with_floating``)."""
    text = doc_text(doc)
    speakers = _speaker_chars(doc)
    cues = []
    for q in quoted:
        if q.quotation != q.start:
            continue  # only the first stretch of a quotation over paragraphs
        opening = doc.char_span(q.start - 1, q.start, alignment_mode="expand")
        if opening is None:
            continue
        sentence = opening[0].sent
        lead = text[sentence.start_char : q.start - 1]
        if not lead.strip(_OPENING_MARKS + " ") or any(m in lead for m in _QUOTATION_MARKS):
            # It opens its sentence, or it is inside or after another quotation: speech a cue
            # or the speaker before claims.
            continue
        if any(is_cue_verb(t, lexicon) for t in sentence):
            continue  # "X said, 'A. / B.'": the verb's
        root = sentence.root
        subject = own_subject(root)
        if subject is None or not (
            subject.idx in speakers
            or subject.lower_ in _PERSONAL_PRONOUNS
            or (subject.pos_ == "NOUN" and subject.lemma_.lower() in lexicon.role_nouns)
        ):
            continue
        cues.append(Cue(None, (q.start - 1, q.start), phrase(subject), [(q.start, q.end)]))
    return cues


def _quotes_ending_at(text: str, quoted: Intervals[Quoted], end: int) -> list[Quoted]:
    """The quoted stretches that run, with nothing but space between them, up to ``end``."""
    chain: list[Quoted] = []
    for q in sorted(quoted, key=lambda q: q.end, reverse=True):
        if q.end > end:
            continue
        limit = chain[0].start if chain else end
        if text[q.end : limit].strip(_CLOSING_MARKS + '“"«„ \t\n\xa0'):
            break
        chain.insert(0, q)
    return chain


def attribution_noun_cues(doc: Doc, lexicon: Lexicon) -> list[Cue]:
    """ "comments by X that ...", "X's warning that ...", "a Times report that ...": the
    that-clause is what X said."""
    cues = []
    for token in with_pos(doc, ("NOUN",)):
        if token.lemma_.lower() not in lexicon.attribution_nouns:
            continue
        source = None
        for child in token.children:
            if child.dep_ == "poss":
                source = child
            elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "compound" and child.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}:
                # "a New York Times report that ...", "the Pentagon statement that ..."
                source = source or child
        if source is None:
            continue
        subject = phrase(source)
        sentence_end = token.sent.end
        # "that" within two words of the subject: "X's warning last week that ..."
        near = doc[subject.end : min(subject.end + 3, sentence_end)]
        that = next((t for t in near if t.lower_ == "that"), None)
        if that is None:
            continue
        content = _trim(doc, that.i + 1, _noun_clause_end(token, that, sentence_end))
        if content:
            cue = Cue(None, (token.idx, token.idx + len(token)), subject, [content], True)
            cues.append(cue)
    return cues


def _noun_clause_end(noun: Token, that: Token, sentence_end: int) -> int:
    """Where the that-clause of an attribution noun ends: with the clause the parser hangs on
    the noun ("Obama's statement that the U.S. had no strategy projected weakness, X
    replied" ends before "projected"), else at the end of the sentence."""
    clause = next(
        (c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > that.i), None
    )
    if clause is None or that.i not in {t.i for t in clause.subtree}:
        return sentence_end
    return max(t.i for t in clause.subtree) + 1


def _trim(doc: Doc, start: int, end: int, min_tokens: int = 3) -> tuple[int, int] | None:
    """Character span of tokens start..end without the punctuation at either edge."""
    while start < end and (
        doc[start].is_punct and doc[start].text not in '"“«' or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct and doc[end - 1].text not in '"”»' or doc[end - 1].is_space
    ):
        end -= 1
    if end - start < min_tokens:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _whole_quote(text: str, span: tuple[int, int], quoted: Intervals[Quoted]) -> tuple[int, int]:
    """A clause that is one quotation (give or take its marks and a comma) is that quotation;
    a clause the parser found inside a quotation stands for the whole of it."""
    for q in quoted.overlapping(span[0] - 1, span[1] + 1):  # touching counts
        inside = q.start <= span[0] and span[1] <= q.end
        lo, hi = min(span[0], q.start), max(span[1], q.end)
        differ = text[lo : max(lo, min(span[0], hi))] + text[min(span[1], q.end) : hi]
        differ += text[lo : max(lo, min(q.start, hi))] if q.start > span[0] else ""
        if inside or (_overlaps(span, (q.start, q.end)) and not _LETTERS.search(differ)):
            return q.start, q.end
    return span


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class QuoteExtractor:
    """Turns cues and quotation marks into ``Quote`` objects with resolved speakers."""

    def __init__(self, lexicon: Lexicon = DEFAULT_LEXICON) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> list[Quote]:
        quoted = quoted_in(doc)
        inverted = [
            Cue(i.verb, (i.verb.idx, i.verb.idx + len(i.verb)), i.speaker, [i.content])
            for i in inverted_cues(doc, self.lexicon, quoted)
        ]
        taken = {c.cue for c in inverted}
        cues = [c for c in verb_cues(doc, self.lexicon, quoted) if c.cue not in taken]
        cues += inverted + according_to_cues(doc, self.lexicon)
        cues += attribution_noun_cues(doc, self.lexicon) + label_cues(doc)
        cues += signature_cues(doc, quoted) + colon_cues(doc, quoted, self.lexicon)
        cues += running_quotation_cues(doc, quoted, self.lexicon)
        cues, outer = _reporting(sorted(cues, key=lambda c: c.cue[0]))
        claimed: set[Quoted] = set()
        # Cues with a reported clause claim first: "..., adding that 'B'" owns 'B' even when
        # an earlier "said" in the same sentence could reach it.
        for cue in sorted(cues, key=lambda c: not c.content):
            self._claim_quotes(doc, cue, quoted, claimed)
        resolver = SpeakerResolver(
            doc,
            typed(doc)._.entities or [],
            self.lexicon.role_nouns,
            self.lexicon.pronoun_features(),
        )
        quotes: list[Quote] = []
        text = doc_text(doc)
        speakers: dict[int, Speaker] = {}
        for cue, pieces in self._with_floating(doc, cues, quoted, claimed):
            speaker = speakers[id(cue)] = resolver.resolve(cue.subject, cue.token)
            reporting = outer.get(id(cue))
            if reporting is not None and _same_actor(
                speakers.get(id(reporting)), speaker, self.lexicon.pronoun_features()
            ):
                # "Trump said he told Mexico that ...": one speaker's report of their own
                # words is one utterance.
                continue
            cue_span = TextSpan(cue.cue[0], cue.cue[1], text[cue.cue[0] : cue.cue[1]])
            for group in _by_paragraph(text, pieces):
                quotes.append(
                    _quote(speaker, cue_span, [_piece(text, s, e, quoted) for s, e in group])
                )
        return sorted(quotes, key=lambda q: q.content.start)

    def _claim_quotes(
        self, doc: Doc, cue: Cue, quoted: Intervals[Quoted], claimed: set[Quoted]
    ) -> None:
        """Quoted stretches that belong to this cue: inside its clause, in the verb's own
        phrase, or beside it in the same sentence ("'A,' X said, 'B'"; "X added: 'A'")."""
        if cue.content:
            claimed.update(q for c in cue.content for q in quoted.overlapping(*c))
            if cue.token is not None and min(s for s, _ in cue.content) > cue.token.idx:
                # "'A,' he said, 'B ...'": the parser gave the cue B; A is its first half.
                opening = self._quote_just_before(doc, cue.token, quoted, claimed)
                if opening is not None:
                    cue.content.insert(0, (opening.start, opening.end))
                    claimed.add(opening)
            elif cue.token is not None and max(e for _, e in cue.content) <= cue.token.idx:
                # "'A,' he says, 'and B.'": the parser gave the cue A; B is its second half.
                closing = self._quote_just_after(doc, cue, quoted, claimed)
                if closing is not None:
                    cue.content.append((closing.start, closing.end))
                    claimed.add(closing)
            return
        if cue.token is None:
            return
        verb = cue.token
        sentence = verb.sent
        subtree = (min(t.idx for t in verb.subtree), max(t.idx + len(t) for t in verb.subtree))
        around = [q for q in quoted.overlapping(*subtree) if q not in claimed]
        if not around:
            around = self._adjacent_quotes(doc, verb, sentence, quoted, claimed)
        for q in around:
            cue.content.append((q.start, q.end))
            claimed.add(q)

    def _adjacent_quotes(
        self, doc: Doc, verb: Token, sentence: Span, quoted: Intervals[Quoted], claimed: set[Quoted]
    ) -> list[Quoted]:
        """ "'...,' he said." — the quote just before the cue; "He said: '...'" — just after."""
        text = doc_text(doc)
        after = next((q for q in quoted.starting_from(verb.idx) if q not in claimed), None)
        found = []
        opening = self._quote_just_before(doc, verb, quoted, claimed)
        if opening is None and _closes_alone(verb):
            opening = self._quote_ending_paragraph_before(doc, verb, quoted, claimed)
        if opening is not None:
            found.append(opening)
        if after is not None:
            gap = text[verb.idx + len(verb) : after.start]
            if (
                _introduces(gap)
                or (len(gap) < 40 and "\n\n" not in gap.strip())
                or sentence.end_char > after.start
            ):
                found.append(after)
        return found

    @staticmethod
    def _quote_just_after(
        doc: Doc, cue: Cue, quoted: Intervals[Quoted], claimed: set[Quoted]
    ) -> Quoted | None:
        """The quote that goes on right after the cue and its speaker, with nothing but a
        comma between them, in the same paragraph."""
        text = doc_text(doc)
        end = max(cue.cue[1], cue.subject.end_char if cue.subject is not None else 0)
        after = next((q for q in quoted.starting_from(end) if q not in claimed), None)
        if after is None:
            return None
        gap = text[end : after.start]
        return after if not gap.strip(" ,\"'“”‘’«»") and "\n" not in gap else None

    @staticmethod
    def _quote_just_before(
        doc: Doc, verb: Token, quoted: Intervals[Quoted], claimed: set[Quoted]
    ) -> Quoted | None:
        """The quote that ends just before the cue, in the same sentence and paragraph."""
        text = doc_text(doc)
        before = next((q for q in quoted.ending_by(verb.idx) if q not in claimed), None)
        if before is None:
            return None
        gap = text[before.end : verb.idx]
        if "." in gap.strip('"”’» ,\n') or len(gap) >= 80 or "\n\n" in gap:
            return None
        return before

    @staticmethod
    def _quote_ending_paragraph_before(
        doc: Doc, verb: Token, quoted: Intervals[Quoted], claimed: set[Quoted]
    ) -> Quoted | None:
        """The quote that ends the paragraph before the cue's, its closing mark the last thing
        there."""
        text = doc_text(doc)
        before = next((q for q in quoted.ending_by(verb.idx) if q not in claimed), None)
        if before is None:
            return None
        gap = text[before.end : verb.sent.start_char]
        return before if gap.count("\n\n") == 1 and not gap.strip(_CLOSING_MARKS + " \n") else None

    def _with_floating(
        self, doc: Doc, cues: list[Cue], quoted: Intervals[Quoted], claimed: set[Quoted]
    ) -> list[tuple[Cue, list[tuple[int, int]]]]:
        """Give each cue its pieces, and unclaimed quoted paragraphs to the cue before them."""
        order = sorted(cues, key=lambda c: min((s for s, _ in c.content), default=c.cue[0]))
        pieces: dict[int, list[tuple[int, int]]] = {id(c): list(c.content) for c in order}
        # The cue a quote goes on from is the latest (in ``order``) whose content ends before
        # it: cues sorted by where their content ends, with the latest position seen so far.
        ends = sorted((max(e for _, e in c.content), k) for k, c in enumerate(order) if c.content)
        end_offsets = [end for end, _ in ends]
        latest = list(accumulate((k for _, k in ends), max))
        owners = _quotation_owners(order, quoted)
        for q in quoted:
            if q in claimed:
                continue
            if q.quotation is not None and (owner := owners.get(q.quotation)) is not None:
                # One quotation over several paragraphs: one speaker, wherever the cue is.
                pieces[id(owner)].append((q.start, q.end))
                continue
            if not (count := bisect_right(end_offsets, q.start)):
                continue
            previous = order[latest[count - 1]]
            if self._continues(doc_text(doc), q, max(e for _, e in previous.content)):
                pieces[id(previous)].append((q.start, q.end))
        return [(c, sorted(pieces[id(c)])) for c in order if pieces[id(c)]]

    @staticmethod
    def _continues(text: str, q: Quoted, previous_end: int) -> bool:
        """An unclaimed quote goes on with the previous speaker when it is a whole sentence of
        speech: it opens its paragraph, or it opens a sentence in the same paragraph as the
        previous quote ("'A,' said X, a shopkeeper. 'B.'"). A quoted word inside a sentence is
        a scare quote, not speech."""
        if q.end - q.start <= 20 and not text[q.start : q.end].rstrip().endswith((".", "!", "?")):
            return False
        para_start = text.rfind("\n\n", 0, q.start)
        para_start = 0 if para_start == -1 else para_start + 2
        lead = text[para_start : q.start].rstrip(_OPENING_MARKS)
        if not lead.strip():
            return True
        same_paragraph = previous_end > para_start
        return same_paragraph and lead.rstrip()[-1:] in {".", "!", "?"}


def _reporting(cues: list[Cue]) -> tuple[list[Cue], dict[int, Cue]]:
    """The cues that report speech, and for each one inside another verb's content, that
    verb's cue (by ``id``). Speech reported within indirect speech is a quote of its own
    when it reports a clause ("Feinstein said there were reports that a Taliban fighter said
    he would return", "the restrictions, which they said applied only to ..."); a
    noun-phrase message, an order or a belief there ("... until the groups demanded a
    fight") is only the outer speaker's claim. (Speech inside quotation marks never gets
    this far: cues there are the speaker's words.)"""
    kept = [c for c in cues if c.content or c.token is not None]
    contents = Intervals(_Content(s, e, c) for c in kept for s, e in c.content)
    found, outer = [], {}
    for cue in kept:
        around = [o.cue for o in contents.containing(*cue.cue) if o.cue is not cue]
        if around and not cue.clausal:
            continue
        found.append(cue)
        if reporting := next((o for o in around if o.token is not None), None):
            outer[id(cue)] = reporting
    return found, outer


def _same_actor(
    one: Speaker | None, other: Speaker, pronouns: Mapping[str, tuple[str, str]]
) -> bool:
    """Whether the speaker of a report and the speaker inside it are the same actor: the same
    entity, else the same name. A pronoun for a person that the resolver left unresolved
    ("Trump said he told Mexico …", when nothing tells his gender) is the reporting speaker's
    own: no one else has been introduced inside the report."""
    if one is None:
        return False
    if other.entity is None and other.name is None and other.mention is not None:
        features = pronouns.get(other.mention.text.lower())
        resolved = one.entity is not None or one.name is not None
        return resolved and features is not None and features[0] != "neuter"
    if one.entity is not None or other.entity is not None:
        return one.entity == other.entity
    return one.name is not None and one.name == other.name


def _quotation_owners(cues: list[Cue], quoted: Intervals[Quoted]) -> dict[int, Cue]:
    """For each quotation that runs over paragraphs, the first cue that claimed a part of it."""
    owners: dict[int, Cue] = {}
    for cue in cues:
        for start, end in cue.content:
            for q in quoted.overlapping(start, end):
                if q.quotation is not None:
                    owners.setdefault(q.quotation, cue)
    return owners


# How many words a paragraph that is only a cue may have ("Roe asked mockingly.").
_CUE_PARAGRAPH_WORDS = 8


def _closes_alone(verb: Token) -> bool:
    """ "'Have they lost their minds?' / Roe asked mockingly.": a plain verb of saying whose
    sentence is a paragraph of its own, with nothing said in it, closes the quote that ends
    the paragraph before (a text whose sentences were made paragraphs, cut after a question
    or an exclamation)."""
    if verb.lemma_.lower() not in _SAY | {"ask"}:
        return False
    sentence = verb.sent
    start = sentence.start_char
    if start != 0 and not doc_text(verb.doc).startswith("\n\n", start - 2):
        return False
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    return (
        "," not in {t.text for t in sentence}
        and "\n" not in sentence.text.strip()
        and len(words) <= _CUE_PARAGRAPH_WORDS
        and not any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in verb.children)
    )


def _introduces(gap: str) -> bool:
    """ "He said: '...'", "She told reporters: '...'": a colon soon after the cue, in the same
    paragraph, introduces the quote; a colon further on introduces something else ("Mr X
    said ... . Partial transcript follows:")."""
    colon = gap.find(":")
    return 0 <= colon < 60 and "\n\n" not in gap[:colon]


def _by_paragraph(text: str, pieces: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Pieces of one cue, grouped by paragraph: a quote split around its cue ("'A,' X said,
    'B'") is one quote; a quote running over several paragraphs is one quote a paragraph."""
    groups: list[list[tuple[int, int]]] = []
    for start, end in sorted(pieces):
        if groups and "\n\n" not in text[groups[-1][-1][1] : start]:
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    return groups


def _piece(text: str, start: int, end: int, quoted: Intervals[Quoted]) -> tuple[TextSpan, str]:
    """One stretch of reported speech and its kind: all inside quotation marks is direct, some
    quoted words mixed, none indirect."""
    if quoted.containing(start, end):
        return TextSpan(start, end, text[start:end]), "direct"
    marks = bool(quoted.within(start - 1, end + 1))
    start, end = _strip_outer_marks(text, start, end)
    return TextSpan(start, end, text[start:end]), "mixed" if marks else "indirect"


def _quote(speaker: Speaker, cue: TextSpan, pieces: list[tuple[TextSpan, str]]) -> Quote:
    """A quote of one or more pieces. With several, ``content`` runs from the first piece to the
    last and its text is the pieces joined by a space (the cue between them left out)."""
    spans = [span for span, _ in pieces]
    kinds = {kind for _, kind in pieces}
    kind = kinds.pop() if len(kinds) == 1 else "mixed"
    if len(spans) == 1:
        content = spans[0]
    else:
        content = TextSpan(spans[0].start, spans[-1].end, " ".join(s.text for s in spans))
    return Quote(speaker=speaker, content=content, kind=kind, cue=cue, pieces=tuple(spans))


def _strip_outer_marks(text: str, start: int, end: int) -> tuple[int, int]:
    if text[start : start + 1] in '"“«„' and text[end - 1 : end] in '"”»' and end - start > 2:
        return start + 1, end - 1
    return start, end


if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


@Language.factory(
    "storydiff_quotes",
    assigns=["doc._.quotes"],
    requires=[
        "doc._.entities",
        "doc.sents",
        "token.dep",
        "token.ent_type",
        "token.head",
        "token.lemma",
        "token.morph",
        "token.pos",
        "token.tag",
    ],
    default_config={"extra_cue_verbs": [], "extra_attribution_nouns": [], "extra_role_nouns": []},
)
def make_quotes_component(
    nlp: Language,
    name: str,
    extra_cue_verbs: list[str],
    extra_attribution_nouns: list[str],
    extra_role_nouns: list[str],
) -> QuotesComponent:
    base = lexicons_for(nlp.lang).quotes
    return QuotesComponent(
        base.extended(extra_cue_verbs, extra_attribution_nouns, extra_role_nouns)
    )


class QuotesComponent:
    """Sets ``doc._.quotes``: a list of ``storydiff.model.Quote``, offsets into ``doc.text``.

    Put it after ``storydiff_entities`` so speakers resolve to entities; without it speakers
    keep the words the text uses.
    """

    def __init__(self, lexicon: Lexicon = DEFAULT_LEXICON) -> None:
        self.extract = QuoteExtractor(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        typed(doc)._.quotes = self.extract(doc)
        return doc
