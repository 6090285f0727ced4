"""Verbs of saying that report no one's speech: set phrases and the writer's own asides.

Why this exists: a cue verb found by its lemma is taken to report what its subject said. Some
uses of "say", "speak" and "note" are fixed phrases of the writer's own prose instead: the
concessive connectives "that said" and "having said that", the style disjuncts "strictly
speaking" and "speaking of ...", and the extraposed "it is important to note that ...",
whose "it" stands for the infinitive, not for a speaker. Taking them for cues turns the
writer's next sentence into a quote of "That" or "It". The phrases are grammar, not a list
fitted to articles: Quirk, Greenbaum, Leech and Svartvik (1985), *A Comprehensive Grammar of
the English Language*, ch. 8 (conjuncts; style disjuncts with "speaking") and ch. 18
(extraposition of an infinitive subject after an adjective).
"""

from __future__ import annotations

from spacy.tokens import Token

# Set phrases that contain a verb of saying and say nothing: concessive conjuncts and
# comment clauses. Each is matched on lower-case words, and only where it stands as a phrase
# of its own (between the start of a sentence or a punctuation mark and a punctuation mark).
CONNECTIVES: tuple[tuple[str, ...], ...] = (
    ("that", "said"),
    ("this", "said"),
    ("that", "being", "said"),
    ("having", "said", "that"),
    ("having", "said", "this"),
    ("needless", "to", "say"),
    ("so", "to", "speak"),
    ("that", "is", "to", "say"),
)

# Adjectives that take an extraposed infinitive or gerund subject ("it is important to note
# that ...": to note that ... is important), from Quirk et al. (1985) ch. 18. Adjectives
# that describe the subject's own manner ("it was quick to say", "eager", "careful") are not
# among them: there "it" is a speaker.
EXTRAPOSING_ADJECTIVES: frozenset[str] = frozenset(
    """
    important necessary essential crucial vital fair safe accurate true correct right wrong
    worth worthwhile notable noteworthy interesting striking telling hard difficult easy
    possible impossible tempting reasonable fitting ironic sad strange odd
    """.split()
)


def is_connective(verb: Token) -> bool:
    """ "That said, ...", "Having said that, ...", "Speaking of the budget, ...", "Strictly
    speaking, ...": the verb of saying is part of a connective of the writer's, not a cue."""
    return _in_set_phrase(verb) or _style_disjunct(verb)


def is_extraposed(verb: Token) -> bool:
    """ "It is important to note that ...", "It is worth noting that ...", "It is fair to say
    ...": the infinitive (or gerund) is the sentence's real subject, and "it" no speaker."""
    if verb.tag_ not in {"VB", "VBG"} or verb.dep_ != "xcomp":
        return False
    head = verb.head
    adjectives = [head] if head.pos_ == "ADJ" else []
    adjectives += [c for c in head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    copula = head.head if head.pos_ == "ADJ" else head
    subject = next((c for c in copula.children if c.dep_ in {"nsubj", "expl"}), None)
    return (
        subject is not None
        and subject.lower_ == "it"
        and any(a.lower_ in EXTRAPOSING_ADJECTIVES for a in adjectives)
    )


def _opens_phrase(token: Token) -> bool:
    """Whether a phrase may start at ``token``: at the start of its sentence, or after a
    conjunction or a punctuation mark."""
    if token.i == token.sent.start:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct or before.dep_ == "cc"


def _closes_phrase(token: Token) -> bool:
    """Whether a phrase may end at ``token``: before a punctuation mark or the sentence's end."""
    return token.i + 1 >= token.sent.end or token.doc[token.i + 1].is_punct


def _in_set_phrase(verb: Token) -> bool:
    doc = verb.doc
    for phrase in CONNECTIVES:
        for offset, word in enumerate(phrase):
            start = verb.i - offset
            if word != verb.lower_ or start < verb.sent.start:
                continue
            words = doc[start : start + len(phrase)]
            if (
                [t.lower_ for t in words] == list(phrase)
                and _opens_phrase(words[0])
                and _closes_phrase(words[-1])
            ):
                return True
    return False


def _style_disjunct(verb: Token) -> bool:
    """ "Speaking of X, ..." opening a sentence or clause; "<adverb> speaking" on its own."""
    if verb.lower_ != "speaking":
        return False
    doc = verb.doc
    if verb.i + 1 < verb.sent.end and doc[verb.i + 1].lower_ == "of":
        # Only opening its sentence: "..., said Roe, speaking of the vote" is Roe's speech.
        return all(t.is_punct or t.dep_ == "cc" for t in doc[verb.sent.start : verb.i])
    if verb.i == verb.sent.start:
        return False
    adverb = doc[verb.i - 1]
    return (
        adverb.pos_ == "ADV"
        and adverb.lower_.endswith("ly")
        and _opens_phrase(adverb)
        and _closes_phrase(verb)
    )
