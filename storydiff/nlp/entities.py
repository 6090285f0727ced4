"""The ``storydiff_entities`` component: one entity per real-world actor in a document.

spaCy's NER gives mentions; a reader sees actors. "US President Donald Trump", "Mr Trump" and
"Trump's" are one man, and his role ("US President") is written beside his name. This
component groups the mentions and collects the roles; the quote resolver maps pronouns and
descriptions onto the entities it finds here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storydiff.clean.patterns import DATELINE_RE
from storydiff.model import Entity
from storydiff.model import Span as TextSpan
from storydiff.nlp.cues import HONORIFIC_GENDER, HONORIFICS, ROLE_NOUNS
from storydiff.nlp.doctext import doc_text
from storydiff.nlp.extensions import typed
from storydiff.nlp.lexicons import lexicons_for
from storydiff.nlp.tokens import with_pos, with_tag

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_ROLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "npadvmod"}


def trim_mention(span: Span, role_nouns: frozenset[str] = ROLE_NOUNS) -> Span:
    """Drop a leading article, a trailing possessive and surrounding punctuation or spaces, and
    a title the tagger took into the name ("Constable Jo Farrell"): it is a role, found by
    ``role_before``."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        doc[start].lower_ == "the"
        or doc[start].is_punct
        or (span.label_ == "PERSON" and doc[start].lemma_.lower() in role_nouns)
    ):
        start += 1
    while end > start and (
        span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct or span.doc[end - 1].is_space
    ):
        end -= 1
    if start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
        start -= 1  # "Mr Trump" is the mention; the honorific is not part of the name
    return span.doc[start:end] if end > start else span


def name_tokens(span: Span) -> list[str]:
    """The words of a name without honorifics, for matching "Mr Trump" to "Donald Trump"."""
    return [t.text for t in span if t.lower_.rstrip(".") not in HONORIFICS and not t.is_punct]


def name_text(span: Span) -> str:
    """The name as the text writes it, without a leading honorific ("Mr", "Dr.")."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_.rstrip(".") in HONORIFICS:
        start += 1
    return span.doc[start : span.end].text


def role_before(span: Span, role_nouns: frozenset[str] = ROLE_NOUNS) -> str | None:
    """Title words written before a name in the same phrase: "US President" in "US President
    Donald Trump", "spokesman" in "the president's spokesman Jane Roe"."""
    doc = span.doc
    attached = set(range(span.start, span.end))
    words: list[Token] = []
    for i in range(span.start - 1, -1, -1):
        token = doc[i]
        if token.head.i not in attached or token.dep_ not in _ROLE_DEPS:
            break
        if token.ent_type_ == "PERSON" or token.tag_ == "POS" or token.is_punct:
            break
        words.insert(0, token)
        attached.add(i)
    if any(t.lemma_.lower() in role_nouns for t in words):
        return doc[words[0].i : words[-1].i + 1].text
    return _role_heading(span, role_nouns)


def _role_heading(span: Span, role_nouns: frozenset[str]) -> str | None:
    """A role noun right before the name that the parser made the name's head: French's
    "la députée Marie Dubois", where ``fr_core_news_sm`` hangs the name on "députée" as its
    ``nmod`` (English's parse hangs the title on the name, which ``role_before`` reads)."""
    if span.start == 0 or span.root.dep_ != "nmod":
        return None
    head = span.doc[span.start - 1]
    if span.root.head.i != head.i or head.pos_ != "NOUN":
        return None
    return head.text if head.lemma_.lower() in role_nouns else None


def role_in_apposition(span: Span, role_nouns: frozenset[str] = ROLE_NOUNS) -> str | None:
    """A role set beside the name by commas: "X, the deputy foreign minister" or "the foreign
    minister, X"."""
    root = span.root
    candidates: list[Token] = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for head in candidates:
        if head.lemma_.lower() not in role_nouns:
            continue
        tokens = [
            t
            for t in head.subtree
            if not (span.start <= t.i < span.end) and t.dep_ != "appos" and t.head != root
        ]
        tokens = [t for t in tokens if t.i <= head.i and not t.is_punct]
        while tokens and tokens[0].pos_ in {"DET", "PRON"}:
            tokens.pop(0)
        if tokens:
            return span.doc[tokens[0].i : head.i + 1].text
    return None


class _Cluster:
    def __init__(self, kind: str) -> None:
        self.kinds: Counter[str] = Counter({kind: 1})
        self.kind = kind  # the most counted, the first seen among equals
        self.mentions: list[Span] = []
        self.names: list[list[str]] = []
        self.texts: list[str] = []
        self.roles: list[str] = []
        self.genders: set[str] = set()

    def add(self, span: Span, label: str) -> None:
        self.mentions.append(span)
        self.kinds[label] += 1
        # Kept up to date here: every person look-up asks each cluster for its kind.
        self.kind = max(self.kinds, key=self.kinds.__getitem__)
        if (gender := honorific_gender(span)) is not None:
            self.genders.add(gender)
        tokens = name_tokens(span)
        if tokens:
            self.names.append(tokens)
            self.texts.append(name_text(span))

    @property
    def canonical(self) -> str:
        """The fullest name, as written; "MOSCOW" gives way to "Moscow" at equal length."""
        if not self.texts:
            return self.mentions[0].text
        return max(self.texts, key=lambda t: (len(t.split()), not t.isupper(), len(t)))

    def matches_person(self, tokens: list[str]) -> bool:
        """A name part matches a person when it is their surname or all of it appears in their
        full name in order ("Trump", "Donald Trump", "Bashar al Assad" / "Assad")."""
        if not tokens:
            return False
        for known in self.names:
            if tokens[-1] == known[-1] and all(t in known for t in tokens):
                return True
        return False


def cluster_mentions(doc: Doc, role_nouns: frozenset[str] = ROLE_NOUNS) -> list[Entity]:
    """Group NER mentions into entities, longest names first so that surnames find their owner."""
    # A wire dateline ("CITY (Agency) -") names the outlet, not an actor in the story.
    datelines = [m.span() for m in DATELINE_RE.finditer(doc_text(doc))]
    spans = [
        (trim_mention(e, role_nouns), e.label_)
        for e in doc.ents
        if e.label_ in ACTOR_LABELS and not any(s <= e.start_char < end for s, end in datelines)
    ]
    spans = [(s, label) for s, label in spans if s.text.strip()]
    spans += [(name, "PERSON") for name in _untagged_titled_names(doc, spans, role_nouns)]
    order = sorted(range(len(spans)), key=lambda i: (-len(name_tokens(spans[i][0])), i))
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    assignment: dict[int, _Cluster] = {}
    for index in order:
        span, label = spans[index]
        tokens = name_tokens(span)
        role = role_before(span, role_nouns)
        if label == "ORG" and role:
            # "Deputy Foreign Minister X": whatever the tagger said, a titled name is a person.
            label = "PERSON"
        key = f"{label}:{' '.join(tokens).casefold()}"
        # A surname the small model tags ORG in one sentence is still the person named in full;
        # a longer organisation name ("Johnson & Johnson") is not.
        single = len(tokens) == 1
        cluster = (
            _person_cluster(clusters, tokens, honorific_gender(span))
            if label == "PERSON" or (label == "ORG" and single)
            else None
        )
        if cluster is not None:
            label = "PERSON"
        cluster = cluster or by_key.get(key)
        if cluster is None:
            cluster = _Cluster(label)
            clusters.append(cluster)
            by_key[key] = cluster
        cluster.add(span, label)
        assignment[index] = cluster
        if label == "PERSON":
            cluster.roles.extend(r for r in (role, role_in_apposition(span, role_nouns)) if r)
    people = [c for c in clusters if c.kind == "PERSON"]
    _add_untagged_surnames(doc, people, clusters, datelines)
    _add_descriptions(doc, people, role_nouns)
    return _to_entities(clusters, spans, assignment, doc_text(doc))


def _untagged_titled_names(
    doc: Doc, spans: list[tuple[Span, str]], role_nouns: frozenset[str]
) -> list[Span]:
    """Names the tagger missed right after a title or party: "House Democrat Steny Hoyer",
    "spokeswoman Jane Roe". Two or three capitalised proper nouns whose head is a verb's
    subject or an apposition, preceded by a role noun, are a person."""
    tagged = {i for s, _ in spans for i in range(s.start, s.end)}
    found = []
    for token in with_pos(doc, ("PROPN",)):
        if token.i in tagged or token.dep_ not in {"nsubj", "appos"}:
            continue
        chain = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        start = min([token.i] + [c.i for c in chain])
        words = doc[start : token.i + 1]
        if not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() for t in words):
            continue
        if any(t.i in tagged for t in words) or start == 0:
            continue
        title = doc[start - 1]
        if title.lemma_.lower() in role_nouns or title.ent_type_ == "NORP":
            found.append(words)
    return found


def _add_untagged_surnames(
    doc: Doc, people: list[_Cluster], clusters: list[_Cluster], datelines: list[tuple[int, int]]
) -> None:
    """A surname the tagger missed in one sentence ("Putin reminded Trump") is still a mention
    of the one person the article names with it."""
    taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    for start, end in datelines:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))
    by_surname: dict[str, list[_Cluster]] = {}
    for person in people:
        for surname in {name[-1] for name in person.names}:
            by_surname.setdefault(surname, []).append(person)
    for token in with_pos(doc, ("PROPN",)):
        owners = by_surname.get(token.text, [])
        if token.i not in taken and len(owners) == 1:
            owners[0].mentions.append(doc[token.i : token.i + 1])


def _add_descriptions(doc: Doc, people: list[_Cluster], role_nouns: frozenset[str]) -> None:
    """ "the US president", "the deputy foreign minister": a definite description is a mention
    of the one person whose role it matches (its head noun, and most of its modifiers)."""
    named = {i for c in people for m in c.mentions for i in range(m.start, m.end)}
    for token in with_tag(doc, ("NN",)):
        if (
            token.i in named
            or token.lemma_.lower() not in role_nouns
            or not any(
                (c.dep_ == "det" and c.lower_ in {"the", "this"}) or c.dep_ == "poss"
                for c in token.children
            )
        ):
            continue
        start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ != "det"])
        words = {t.lower_ for t in doc[start : token.i + 1] if not t.is_punct}
        scored = [
            (len(words & {w.lower() for w in role.split()}), person)
            for person in people
            for role in dict.fromkeys(person.roles)  # a role is repeated at every mention
            if token.lower_ in role.lower().split()
        ]
        if not scored:
            continue
        best = max(score for score, _ in scored)
        winners = {id(person): person for score, person in scored if score == best}
        if len(winners) == 1:
            next(iter(winners.values())).mentions.append(doc[start : token.i + 1])


def _person_cluster(
    clusters: Iterable[_Cluster], tokens: list[str], gender: str | None
) -> _Cluster | None:
    """The one person a name part fits; none when it fits two ("Clinton" with Bill and
    Hillary both named) or when "Mr" and "Mrs" say they are different people."""
    matches = [
        c
        for c in clusters
        if c.kind == "PERSON"
        and c.matches_person(tokens)
        and (gender is None or not c.genders or gender in c.genders)
    ]
    return matches[0] if len(matches) == 1 else None


def honorific_gender(span: Span) -> str | None:
    """ "Mr Smith" is a man, "Mrs Smith" a woman: the honorific just before or at the start."""
    doc = span.doc
    for token in doc[max(span.start - 1, 0) : span.start + 1]:
        title = token.lower_.rstrip(".")
        if title in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[title]
    return None


def _to_entities(
    clusters: list[_Cluster],
    spans: list[tuple[Span, str]],
    assignment: dict[int, _Cluster],
    text: str,
) -> list[Entity]:
    """Number entities in order of first mention, so ids are stable for the same text."""
    first_seen: dict[int, int] = {}
    for index in range(len(spans)):
        first_seen.setdefault(id(assignment[index]), index)
    ordered = sorted(clusters, key=lambda c: first_seen[id(c)])
    entities = []
    for number, cluster in enumerate(ordered, start=1):
        mentions = sorted(cluster.mentions, key=lambda s: s.start_char)
        entities.append(
            Entity(
                id=f"e{number}",
                name=cluster.canonical,
                kind=cluster.kind,
                mentions=tuple(
                    TextSpan(m.start_char, m.end_char, text[m.start_char : m.end_char])
                    for m in mentions
                ),
                roles=tuple(dict.fromkeys(cluster.roles)),
                agent=any(m.root.dep_ in {"nsubj", "nsubjpass"} for m in mentions),
            )
        )
    return entities


if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)


@Language.factory(
    "storydiff_entities",
    assigns=["doc._.entities"],
    requires=[
        "doc.ents",
        "token.dep",
        "token.ent_type",
        "token.head",
        "token.lemma",
        "token.pos",
        "token.tag",
    ],
    default_config={"extra_role_nouns": []},
)
def make_entities_component(
    nlp: Language, name: str, extra_role_nouns: list[str]
) -> EntitiesComponent:
    role_nouns = lexicons_for(nlp.lang).role_nouns
    return EntitiesComponent(role_nouns | {noun.lower() for noun in extra_role_nouns})


class EntitiesComponent:
    """Sets ``doc._.entities``: a list of ``storydiff.model.Entity``, offsets into ``doc.text``."""

    def __init__(self, role_nouns: frozenset[str] = ROLE_NOUNS) -> None:
        self.role_nouns = role_nouns

    def __call__(self, doc: Doc) -> Doc:
        typed(doc)._.entities = cluster_mentions(doc, self.role_nouns)
        return doc
