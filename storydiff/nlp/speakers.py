"""Resolving the speaker of a quote to the entity a reader would pick.

"He said" is not merely the nearest name. A reader takes the speaker of the quote just before
if there is one, else the subject of the sentence just before, else the last speaker who fits;
"the diplomat" is the person introduced with that role, or the person the article keeps
quoting. The resolver is called in text order and remembers whom it has resolved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from storydiff.model import Entity, Speaker
from storydiff.model import Span as TextSpan
from storydiff.nlp.cues import (
    ATTRIBUTION_NOUNS,
    EVIDENCE_NOUNS,
    HONORIFIC_GENDER,
    ORGANISATION_NOUNS,
    PRONOUN_FEATURES,
    ROLE_NOUNS,
)
from storydiff.nlp.doctext import doc_text

_PERSONAL = {"male", "female"}
# Universal Dependencies' grammatical genders, as the pronoun features name them.
_MORPH_GENDERS = {"Masc": "male", "Fem": "female"}
_RELATIVE = {"who", "that", "which"}
_NOUNS = {"NOUN", "PROPN"}
_PLACES = {"GPE", "LOC", "FAC"}
# What a lawmaker, a litigant or a columnist puts their words in.
_WRITINGS = frozenset(
    "resolution bill motion petition lawsuit suit complaint ad advertisement book op-ed column "
    "essay editorial article blog newsletter".split()
)
# What a speaker writes or records: the speech is the owner's ("X's tweet said").
_DOCUMENTS = (ATTRIBUTION_NOUNS | EVIDENCE_NOUNS | _WRITINGS) - {
    "report",
    "poll",
    "survey",
    "study",
}
_DEFINITE = {"the", "this", "that"}
_AGE = re.compile(r"\d+-year-old$")
# Documents made by an organisation named before them ("a Quinnipiac University poll").
_MEASURES = frozenset({"report", "poll", "survey", "study"})
_MAKERS = {"ORG", "PERSON"}
_NAMED = {"NORP", "GPE", "ORG", "PERSON"}
_BODIES = {"NORP", "GPE", "ORG"}
# How many sentences back a pronoun's antecedent must have been named or quoted, when it is
# neither the last speaker nor the subject of the sentence before.
_TOPIC_SENTENCES = 6
# How many sentences after an opening description its person may be named in.
_LEDE_SENTENCES = 3
# How many paragraph breaks back "it" may still mean a document that spoke.
_DOCUMENT_REACH = 3


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First names and the gender the 1990 US Census gives them at least 95% of the time
    (``data/first_names.tsv``; its header says how it was made)."""
    text = files("storydiff.nlp").joinpath("data/first_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in rows}


class SpeakerResolver:
    """Maps a cue's subject to a ``Speaker``, in text order, remembering earlier speakers."""

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        role_nouns: frozenset[str] = ROLE_NOUNS,
        pronouns: Mapping[str, tuple[str, str]] = PRONOUN_FEATURES,
    ) -> None:
        self.doc = doc
        self.role_nouns = role_nouns
        # The language's pronouns and what they say of a person (cues.PRONOUN_FEATURES).
        self.pronouns = pronouns
        self.entities = list(entities)
        self.by_char: dict[int, Entity] = {}
        for entity in self.entities:
            for mention in entity.mentions:
                for char in range(mention.start, mention.end):
                    self.by_char[char] = entity
        self.history: list[tuple[int, Speaker, Entity | None]] = []
        # Documents that spoke ("Biggs' resolution stated"), with their author: "it" and "the
        # resolution" after them speak for the author.
        self.documents: list[tuple[int, Entity]] = []
        # Where a document no one is credited with spoke ("a statement that says ..."): it is
        # no other speaker between a document and the "it" that goes on with it.
        self.authorless: set[int] = set()
        # Where a person the article describes but never names spoke ("un responsable local a
        # estimé"), with the gender the noun's morphology gives (None when it gives none).
        self.unnamed_people: dict[int, str | None] = {}
        self.genders = self._genders_from_honorifics()
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]

    def _genders_from_honorifics(self) -> dict[str, str]:
        """ "Mr Smith" is a man and "Ms Jones" a woman: "she" will not be him. Without an
        honorific, a first name that is given to one gender almost always ("John", "Dianne")
        says it; the honorific wins where both are known."""
        genders: dict[str, str] = {}
        names = first_name_genders()
        for entity in self.entities:
            words = entity.name.split()
            if entity.kind == "PERSON" and len(words) >= 2 and words[0] in names:
                genders[entity.id] = names[words[0]]
        for entity in self.entities:
            for mention in entity.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                first = self.doc[max(span.start - 1, 0) : span.start + 1]
                for token in first:
                    title = token.lower_.rstrip(".")
                    if title in HONORIFIC_GENDER:
                        genders[entity.id] = HONORIFIC_GENDER[title]
        return genders

    def fits(self, entity: Entity | None, pronoun: str) -> bool:
        """Whether a pronoun can stand for an entity: kind, number, and gender when known."""
        gender, number = self.pronouns.get(pronoun, ("any", "singular"))
        if entity is None:
            return gender == "any"
        if gender in _PERSONAL:
            known = self.genders.get(entity.id)
            return entity.kind == "PERSON" and known in (None, gender)
        if gender == "neuter":
            return entity.kind != "PERSON"
        return number == "plural" or entity.kind == "PERSON"

    def resolve(self, subject: Span | None, verb: Token | None) -> Speaker:
        if subject is None:
            return Speaker(None)
        antecedent = _antecedent_of_relative(subject)
        if subject.root.lower_ == "who":
            # "McDougal, who claims ...": the person is mentioned by the noun "who" is about.
            subject = antecedent
        mention = TextSpan(subject.start_char, subject.end_char, subject.text)
        subject = antecedent
        document = subject.root if subject.root.lemma_.lower() in _DOCUMENTS | _MEASURES else None
        subject = _author_of(subject)
        head = subject.root
        entity = self.entity_of(subject)
        if entity is not None and entity.kind == "NORP" and _is_member(head):
            # "the Ohio Democrat", "the American": one person, described by the group.
            entity = self.described(head, subject.start_char)
        pronoun = head.pos_ == "PRON" or head.lower_ in self.pronouns
        if entity is None and pronoun and self._continues_unnamed(head.lower_, subject.start_char):
            pass  # "Un responsable local a estimé ... « ... », a-t-il prévenu": still no name
        elif entity is None and pronoun:
            entity = self.antecedent(head.lower_, subject.start_char)
            gender = self.pronouns.get(head.lower_, ("any", ""))[0]
            if entity is not None and gender in _PERSONAL:
                self.genders.setdefault(entity.id, gender)
        elif entity is None and document is not None and document.i == head.i:
            entity = self.author(head, subject.start_char)
        elif entity is None and self.is_description(head):
            entity = self.described(head, subject.start_char)
        elif entity is None and _is_bare_organisation(head):
            entity = self.organisation(head, subject.start_char)
        elif entity is None and self._opens_unnamed(head):
            entity = self._introduced_after(subject.start_char)
        if document is not None and entity is not None:
            self.documents.append((subject.start_char, entity))
        elif document is not None:
            self.authorless.add(subject.start_char)
        if entity is not None:
            # A group ("Republicans", "Democrats") is a speaker the article never names.
            name = None if entity.kind == "NORP" else entity.name
            speaker = Speaker(name, entity.id, mention)
        elif pronoun:
            speaker = Speaker(
                self.unnamed_antecedent(head.lower_, subject.start_char), None, mention
            )
        else:
            speaker = Speaker(_name_in(subject), None, mention)
            if speaker.name is None and self._is_person_noun(head):
                self.unnamed_people[subject.start_char] = _noun_gender(head)
        self.history.append((subject.start_char, speaker, entity))
        return speaker

    def entity_of(self, subject: Span) -> Entity | None:
        """The entity the phrase names: its head, or a name in apposition to it anywhere in the
        phrase ("The chief executive of the trust, Jane Roe")."""
        head = subject.root
        if (entity := self.by_char.get(head.idx)) is not None:
            return entity
        # The parser may hang the name on the nearest noun ("of the trust, Jane Roe"), or make
        # it a conjunct of the title ("Executive Vice President and CEO Wayne LaPierre").
        for appos in (
            t
            for t in subject
            if t.i != head.i and (t.dep_ == "appos" or (t.dep_ == "conj" and t.head.i == head.i))
        ):
            for token in appos.subtree:
                entity = self.by_char.get(token.idx)
                if (
                    entity is not None
                    and entity.kind == "PERSON"
                    and subject.start <= token.i < subject.end
                ):
                    return entity
        named = self.by_char.get(head.head.idx) if head.dep_ == "appos" else None
        if named is not None and named.kind == "PERSON":
            # "Karen Roe, a former model who said ...": the description is the name's.
            return named
        if (named := self._named_after_role(subject)) is not None:
            return named
        if head.pos_ == "PROPN" or (len(head) > 1 and (head.is_upper or head.is_title)):
            # The tagger missed this mention ("PENCE:" in a transcript, "Waters" taken for a
            # plural noun), but the name is one the article already uses.
            surname = head.text.casefold()
            return next(
                (
                    e
                    for e in self.entities
                    if e.kind == "PERSON" and e.name.split()[-1].casefold() == surname
                ),
                None,
            )
        return None

    def _named_after_role(self, subject: Span) -> Entity | None:
        """ "le ministre de l'Intérieur, Gérald Martin": a person named after a comma that
        closes a role's phrase, whatever label the parser gave the name (the French
        pipeline's is ``nmod``)."""
        if subject.root.lemma_.lower() not in self.role_nouns:
            return None
        for token in subject[1:]:
            entity = self.by_char.get(token.idx)
            if entity is not None and entity.kind == "PERSON" and token.nbor(-1).text == ",":
                return entity
        return None

    def is_description(self, head: Token) -> bool:
        """ "the diplomat", "Putin's spokesman", "le député", "son porte-parole": a singular
        role noun with a definite determiner or an owner. "A spokesperson" introduces
        someone new, so it is not one. Read from universal parts of speech and features, so
        that it holds for every pipeline, not only for the English tag set."""
        definite = any(_is_definite(c) for c in head.children)
        if head.pos_ == "PROPN" and _singular(head):
            # A title written as a name: "The Attorney General", "the Secretary of State".
            return definite and head.lower_ in self.role_nouns and head.ent_type_ != "PERSON"
        if definite and is_age(head):
            return True  # "the 26-year-old"
        return (
            head.lemma_.lower() in self.role_nouns
            and head.pos_ == "NOUN"
            and _singular(head)
            and definite
        )

    def author(self, document: Token, position: int) -> Entity | None:
        """ "The resolution claimed ...": the author of the last document of that kind the
        article credits to someone ("Biggs' resolution", "a suit by the city", "a Times
        report", "Acme filed a suit")."""
        lemma = document.lemma_.lower()
        for token in reversed(self.doc[: document.i]):
            if token.lemma_.lower() != lemma or token.idx >= position:
                continue
            for child in token.children:
                owner = child
                if child.dep_ == "prep" and child.lower_ == "by":
                    owner = next((c for c in child.children if c.dep_ == "pobj"), child)
                elif child.dep_ != "poss" and not (
                    child.dep_ == "compound" and child.ent_type_ in _MAKERS
                ):
                    continue
                if (entity := self.by_char.get(owner.idx)) is not None:
                    return entity
            if token.dep_ == "dobj":
                # "Acme filed a suit", "Biggs introduced a resolution".
                maker = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if maker is not None and (entity := self.by_char.get(maker.idx)) is not None:
                    return entity
        return None

    def _is_person_noun(self, head: Token) -> bool:
        """A singular noun of the role lists ("un responsable local", "a spokesman"): a person,
        one the article has not named when no entity was found for it."""
        return (
            head.pos_ == "NOUN"
            and head.lemma_.lower() in self.role_nouns
            and "Plur" not in head.morph.get("Number", [])
        )

    def _continues_unnamed(self, pronoun: str, position: int) -> bool:
        """Whether a personal pronoun goes on from an unnamed person who spoke just before
        (the last speaker, in this sentence or the one before, whose noun has the pronoun's
        grammatical gender): that person is still the speaker, and still unnamed, rather
        than the last man or woman the article named. The agreement is what says so; a
        language whose nouns carry no gender (English) keeps resolving such a pronoun to a
        named antecedent, as its SEESAW figures were measured."""
        gender, number = self.pronouns.get(pronoun, ("any", "singular"))
        if gender not in _PERSONAL or number == "plural":
            return False
        index = self._sentence_index(position) - 1
        while index > 0 and not any(t.is_alpha for t in self.sentences[index]):
            index -= 1  # a lone "«" the parser made a sentence of is none
        since = self.sentences[index].start_char if index > 0 else 0
        before = [p for p, _, _ in self.history if since <= p < position]
        if not before or before[-1] not in self.unnamed_people:
            return False
        return self.unnamed_people[before[-1]] == gender

    def antecedent(self, pronoun: str, position: int) -> Entity | None:
        previous_sentence = self._previous_sentence_start(position)
        neuter = pronoun in {"it", "its"}
        if neuter and self.history:
            start, _, entity = self.history[-1]
            if previous_sentence <= start < position and (start, entity) in self.documents:
                # "Biggs' resolution stated ... It said ...": the document goes on.
                return entity
        recent = [
            e
            for p, _, e in self.history
            if p >= previous_sentence and p < position and self.fits(e, pronoun)
        ]
        if recent:
            return recent[-1]
        if neuter and self.documents and (document := self._document_going_on(position)):
            return document
        subject = self._previous_subject(position, pronoun)
        if subject is not None:
            return subject
        earlier = [
            e
            for p, _, e in self.history
            if p < position and e is not None and self.fits(e, pronoun)
        ]
        found = earlier[-1] if earlier else None
        found = found or self._nearest_mention(position, lambda e: self.fits(e, pronoun))
        return found if found is not None and self._in_topic(found, position) else None

    def _in_topic(self, entity: Entity, position: int) -> bool:
        """Whether the article has named or quoted ``entity`` in the last few sentences: a
        pronoun never reaches back across a change of topic to someone last seen long ago."""
        index = self._sentence_index(position)
        since = self.sentences[max(index - _TOPIC_SENTENCES, 0)].start_char
        return any(since <= m.start < position for m in entity.mentions) or any(
            since <= p < position and e is not None and e.id == entity.id
            for p, _, e in self.history
        )

    def organisation(self, head: Token, position: int) -> Entity | None:
        """ "the organization", "the committee": the organisation the article last named whose
        name has that word, else the last organisation it named."""
        word = head.lower_
        named = self._nearest_mention(
            position, lambda e: e.kind == "ORG" and word in e.name.lower().split()
        )
        return named or self._nearest_mention(position, lambda e: e.kind == "ORG")

    def _document_going_on(self, position: int) -> Entity | None:
        """ "Biggs' resolution stated ... Biggs also said ... And it said ...": the author of
        the last document that spoke, when no one else has spoken since and it is a few
        paragraphs back at most."""
        start, author = self.documents[-1]
        if start >= position or doc_text(self.doc).count("\n\n", start, position) > _DOCUMENT_REACH:
            return None
        since = [
            e for p, _, e in self.history if start <= p < position and p not in self.authorless
        ]
        return author if all(e is not None and e.id == author.id for e in since) else None

    def described(self, head: Token, position: int) -> Entity | None:
        """The person whose role names this description, else the most quoted person so far,
        else the last person named, else the person introduced just after."""
        if is_age(head):
            # "the 26-year-old": the person just named, whose age the text gave with the name.
            return self._nearest_mention(position, lambda e: e.kind == "PERSON")
        words = {t.lower_ for t in head.subtree if t.pos_ in {"NOUN", "ADJ", "PROPN"}}
        scored = [
            (len(words & set(role.lower().split())), entity)
            for entity in self.entities
            if entity.kind == "PERSON"
            for role in entity.roles
            if head.lower_ in role.lower().split()
        ]
        if scored:
            return max(scored, key=lambda pair: pair[0])[1]
        if head.morph.get("Gender", []):
            # A language whose role nouns carry a gender ("le préfet", "la préfète") names the
            # holder of a role with the role ("la députée Claire Fontaine"): a role no named
            # person holds is someone the article does not name, not its most quoted person.
            # English nouns carry none, and English keeps the fallbacks its SEESAW figures
            # were measured with.
            return None
        quoted = Counter(
            e.id
            for p, _, e in self.history
            if p < position and e is not None and e.kind == "PERSON"
        )
        if quoted:
            best = max(quoted.values())
            for _, _, entity in reversed(self.history):
                if entity is not None and quoted.get(entity.id) == best:
                    return entity
        before = self._nearest_mention(position, lambda e: e.kind == "PERSON")
        return before or self._introduced_after(position)

    def _opens_unnamed(self, head: Token) -> bool:
        """ "..., a top union official told a conference on Friday." in an article's first
        sentence, before anyone is named: the news lede that names its speaker in the next
        sentences ("Jane Roe, the union's vice president, ..."), as an opening "the
        chairwoman" does."""
        indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)
        if not (indefinite and head.tag_ == "NN" and head.lemma_.lower() in self.role_nouns):
            return False
        first = self.sentences[0] if self.sentences else None
        return (
            first is not None
            and first.start <= head.i < first.end
            and not any(
                m.start < head.idx for e in self.entities if e.kind == "PERSON" for m in e.mentions
            )
        )

    def _introduced_after(self, position: int) -> Entity | None:
        """ "The chairwoman of the committee said Sunday that ... . [...] But Sen. Dianne
        Feinstein noted ...": a description that opens an article, before anyone is named,
        is the first person introduced as the subject of a sentence soon after who is not
        already named beside the description."""
        index = self._sentence_index(position)
        beside = {
            entity.id
            for entity in self.entities
            for m in entity.mentions
            if self.sentences[index].start_char <= m.start < self.sentences[index].end_char
        }
        for sentence in self.sentences[index + 1 : index + 1 + _LEDE_SENTENCES]:
            for token in sentence:
                entity = self.by_char.get(token.idx) if token.dep_ == "nsubj" else None
                if entity is not None and entity.kind == "PERSON" and entity.id not in beside:
                    return entity
        return None

    def unnamed_antecedent(self, pronoun: str, position: int) -> str | None:
        """ "Police said ... They said ...": a speaker the article names without an entity
        ("police", "the company") is still the one the pronoun continues."""
        previous_sentence = self._previous_sentence_start(position)
        for start, speaker, entity in reversed(self.history):
            if start < previous_sentence:
                break
            if start < position and entity is None and speaker.name:
                plural = self.pronouns.get(pronoun, ("any", "singular"))[1] == "plural"
                if pronoun in {"it", "its"} or plural:
                    return speaker.name
        return None

    def _sentence_index(self, position: int) -> int:
        """Index of the sentence holding a character position."""
        return max(bisect_right(self.sentence_starts, position) - 1, 0)

    def _previous_sentence_start(self, position: int) -> int:
        """Start of the sentence before the one at ``position``: a pronoun looks back one
        sentence for a speaker before it looks for the sentence's subject."""
        index = self._sentence_index(position)
        return self.sentences[index - 1].start_char if index > 0 else 0

    def _previous_subject(self, position: int, pronoun: str) -> Entity | None:
        index = self._sentence_index(position)
        for sentence in reversed(self.sentences[max(index - 2, 0) : index]):
            for token in sentence:
                if token.dep_ == "nsubj" and token.head.dep_ == "ROOT":
                    entity = self.by_char.get(token.idx)
                    if entity is None and self.is_description(token):
                        entity = self.described(token, token.idx)
                    if entity is not None and self.fits(entity, pronoun):
                        return entity
        return None

    def _nearest_mention(self, position: int, accept: Callable[[Entity], bool]) -> Entity | None:
        best: tuple[int, Entity] | None = None
        for entity in self.entities:
            if not accept(entity):
                continue
            for mention in entity.mentions:
                if mention.end <= position and (best is None or mention.end > best[0]):
                    best = (mention.end, entity)
        return best[1] if best else None


def _noun_gender(head: Token) -> str | None:
    """The gender a noun's morphology gives ("Masc": male), None when it gives none."""
    genders = head.morph.get("Gender", [])
    return _MORPH_GENDERS.get(genders[0]) if genders else None


def is_age(head: Token) -> bool:
    """ "the 26-year-old": a person named by their age (one token or, as the tokenizer
    splits it, "26 - year - old")."""
    if head.lower_ != "old" and not head.lower_.endswith("-old"):
        return False
    return bool(_AGE.search(head.doc[head.left_edge.i : head.i + 1].text.lower()))


def _antecedent_of_relative(subject: Span) -> Span:
    """ "the senator, who said ...": the speaker of a relative clause is the noun it tells
    about, not the pronoun "who" or "that"."""
    head = subject.root
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl" and head.head.head.pos_ in _NOUNS:
        noun = head.head.head
        return subject.doc[noun.left_edge.i : noun.i + 1]
    return subject


def _is_member(head: Token) -> bool:
    """ "the Ohio Democrat", "the Kentucky Republican", "the American": a definite singular
    word for a group's member is one person the text has named or will name ("Democrats"
    and "a Democrat" are not)."""
    return head.tag_ == "NNP" and any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in head.children
    )


def _is_bare_organisation(head: Token) -> bool:
    """ "the company", "the organization": an organisation noun with only "the" before it."""
    return (
        head.tag_ == "NN"
        and head.lemma_.lower() in ORGANISATION_NOUNS
        and [c.lower_ for c in head.children] == ["the"]
    )


def _author_of(subject: Span) -> Span:
    """ "Trump's tweet said ...", "the senator's statement says ...": the writer speaks
    through the document."""
    head = subject.root
    lemma = head.lemma_.lower()
    if lemma in _DOCUMENTS:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ in _NOUNS:
            return subject.doc[owner.left_edge.i : owner.i + 1]
    if lemma in _DOCUMENTS | _MEASURES:
        # "A Quinnipiac University poll found ...", "a USA TODAY analysis": the organisation
        # named before the document made it.
        named = [
            c
            for c in head.lefts
            if c.dep_ in {"compound", "nmod"} and c.ent_type_ in _MAKERS and c.pos_ == "PROPN"
        ]
        if named:
            return subject.doc[named[0].left_edge.i : named[-1].i + 1]
    return subject


def _name_in(subject: Span) -> str | None:
    """The name a speaker the article has no actor for goes by: a name the tagger missed
    ("the chief executive, Jane Roe"), a singular proper noun at the head ("Planned
    Parenthood"), an organisation named by its owner ("the Trump campaign"), or the people of
    a body the text names ("UN officials", "Russian diplomats"). A group named by nothing else
    ("Republicans", "Clinton supporters", "lawmakers"), a person the article never names ("a
    Department of Health spokesperson", "a former model") and a description ("the minister",
    "the chairwoman of the committee") name nobody: the speaker stays unnamed, with the
    mention kept."""
    for child in subject.root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ not in _PLACES:
            # "the chief executive, Jane Roe", not "a nurse based in Kansas City, Mo."
            tokens = [t for t in child.subtree if t.pos_ == "PROPN"]
            return subject.doc[tokens[0].i : tokens[-1].i + 1].text
    head = subject.root
    if head.tag_ == "NNP":
        # The name ends at its head: "Planned Parenthood and its allies" is the first named.
        return _without_determiner(subject.doc[subject.start : head.i + 1])
    owners = [c for c in head.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    if head.tag_ == "NN" and head.lemma_.lower() in ORGANISATION_NOUNS:
        # "the Trump campaign", "the Saudi government": an organisation, named by its owner.
        named = any(c.pos_ == "PROPN" or c.ent_type_ in _NAMED for c in owners)
    else:
        # "UN officials", "Russian diplomats": the people of a body the text names speak for it;
        # "House aides and lawmakers" are a collective of more than that body's people.
        named = (
            head.tag_ == "NNS"
            and any(c.ent_type_ in _BODIES for c in owners)
            and not any(c.dep_ == "conj" for c in head.children)
        )
    if named:
        return _without_determiner(subject.doc[subject.start : head.i + 1])
    return None


def _without_determiner(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].dep_ == "det":
        tokens.pop(0)
    return span.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else span.text


def _is_definite(child: Token) -> bool:
    """A definite determiner ("the", "this", "le", "cette") or an owner ("Putin's", "son"):
    English's words, or the universal features any pipeline's morphologizer gives."""
    if child.dep_ == "poss":
        return True
    if child.dep_ != "det":
        return False
    morph = child.morph
    return (
        child.lower_ in _DEFINITE
        or "Def" in morph.get("Definite", [])
        or "Dem" in morph.get("PronType", [])
        or "Yes" in morph.get("Poss", [])
    )


def _singular(token: Token) -> bool:
    """Not marked plural: English's NN and NNP, a French singular noun."""
    return "Plur" not in token.morph.get("Number", [])
