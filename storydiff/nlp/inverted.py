"""Cues written after the words they report, with the speaker after the verb: the incise of
French and other languages ("« … », a déclaré le ministre de l'Intérieur, Gérald Martin";
"…, ajoute-t-elle"; "— Nous avons tout perdu, raconte Paul Leroy").

The small pipelines parse such an incise poorly (the speaker comes out as the verb's object,
the verb as an adjective), so it is found on the words: a comma, the verb in one of the forms
an incise takes (``Lexicon.inverted_verb_forms``, with what may stand between, such as the
auxiliary and the -t- of "a-t-il": ``inverted_glue``), then the speaker. The words reported
are those before the comma: the quotation that ends there, else the sentence up to it. A
lexicon without those forms (English's) finds none.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from storydiff.nlp.cues import Lexicon
from storydiff.nlp.doctext import doc_text
from storydiff.nlp.intervals import Intervals
from storydiff.nlp.quotemarks import Quoted

# What ends a speaker's phrase after the verb.
_PHRASE_ENDS = {",", ".", ";", ":", "!", "?", "»", "«", "(", ")", "—", "–"}
_CLOSING = "»”\"'’"
# Words before an incise with no verb tagged that still make a clause ("Les habitants du
# quartier nord accusent la mairie de négligence", its verb tagged an adverb).
MIN_UNTAGGED_CLAUSE = 6
# What a speaker's phrase opens with: "le ministre", "Paul Leroy", "celui-ci".
_OPENS_SPEAKER = {"DET", "PROPN", "NOUN", "PRON", "X"}


class Incise(NamedTuple):
    """A cue after the words it reports: its verb, the speaker's phrase, the words (a
    character span)."""

    verb: Token
    speaker: Span
    content: tuple[int, int]


def inverted_cues(doc: Doc, lexicon: Lexicon, quoted: Intervals[Quoted]) -> list[Incise]:
    """Every incise in the text, in text order."""
    if not lexicon.inverted_verb_forms:
        return []
    found = []
    text = doc_text(doc)
    for token in doc:
        if token.lower_ not in lexicon.inverted_verb_forms:
            continue
        comma = _comma_before(doc, token, lexicon)
        if comma is None:
            continue
        speaker = _speaker_after(doc, token, lexicon)
        if speaker is None:
            continue
        content = _reported_before(doc, text, comma, quoted)
        if content is not None:
            found.append(Incise(token, speaker, content))
    return found


def _comma_before(doc: Doc, verb: Token, lexicon: Lexicon) -> Token | None:
    """The comma that opens the incise: just before the verb, or before its auxiliary."""
    between = lexicon.inverted_glue | {p for p, _ in lexicon.pronouns if p.startswith("-")}
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].lower_ in between:
        i -= 1
    if i >= verb.sent.start and doc[i].text == ",":
        return doc[i]
    return None


def _speaker_after(doc: Doc, verb: Token, lexicon: Lexicon) -> Span | None:
    """The speaker: a pronoun written on to the verb ("ajoute-t-il", "a-t-elle ajouté", just
    before it), else the phrase after the verb, up to the next comma or stop; a role with a
    name in apposition ("le ministre de l'Intérieur, Gérald Martin") is the name."""
    pronouns = dict(lexicon.pronouns)
    for k in (verb.i + 1, verb.i + 2, verb.i - 1):
        if 0 <= k < len(doc) and doc[k].lower_ in pronouns and doc[k].lower_.startswith("-"):
            return doc[k : k + 1]
    start = verb.i + 1
    if start >= verb.sent.end or doc[start].pos_ not in _OPENS_SPEAKER:
        return None  # "a affirmé que ...": a verb with its complement, not an incise
    end = start
    while end < verb.sent.end and doc[end].text not in _PHRASE_ENDS:
        end += 1
    if end == start or not any(t.pos_ in {"NOUN", "PROPN", "PRON", "X"} for t in doc[start:end]):
        return None
    phrase = doc[start:end]
    if end + 1 < verb.sent.end and doc[end].text == "," and _is_role(phrase, lexicon):
        # "…, le colonel Souleymane Traoré": a title may stand before the name.
        name_start = end + 1
        while name_start < verb.sent.end and (
            doc[name_start].pos_ == "DET" or _is_role(doc[name_start : name_start + 1], lexicon)
        ):
            name_start += 1
        name_end = name_start
        while name_end < verb.sent.end and doc[name_end].pos_ == "PROPN":
            name_end += 1
        if name_end > name_start:
            return doc[name_start:name_end]
    return phrase


def _reads_as_clause(words: Span) -> bool:
    """What an incise reports is a clause: "Le maire, Sophie Durand, a affirmé" is a subject
    with its apposition. A clause has a verb, or (the small tagger missing it) runs long and
    ends on something other than a name."""
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return True
    return len(words) >= MIN_UNTAGGED_CLAUSE and words[-1].pos_ != "PROPN"


def _is_role(phrase: Span, lexicon: Lexicon) -> bool:
    return any(
        t.lemma_.lower() in lexicon.role_nouns or t.lower_ in lexicon.role_nouns for t in phrase
    )


def _reported_before(
    doc: Doc, text: str, comma: Token, quoted: Intervals[Quoted]
) -> tuple[int, int] | None:
    """The words the incise reports: the quotation that ends at the comma, else the stretch
    from the sentence's start (or the dialogue dash) to the comma."""
    before = text[: comma.idx].rstrip()
    if before.endswith(tuple(_CLOSING)):
        ending = [
            q
            for q in quoted.ending_by(len(before))
            if not text[q.end : len(before)].strip(_CLOSING + " ")
        ]
        if ending:
            return ending[0].start, ending[0].end
    inside = quoted.containing(comma.idx, comma.idx + 1)
    if inside:
        return inside[0].start, comma.idx
    start = comma.sent.start_char
    while start < comma.idx and not text[start].isalnum():
        start += 1
    clause = doc.char_span(start, comma.idx, alignment_mode="expand")
    if clause is None or not _reads_as_clause(clause):
        return None
    return (start, comma.idx) if comma.idx - start > 8 else None
