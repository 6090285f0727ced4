"""The words that signal reported speech and name the people who speak.

All lists are lemmas (spaCy's English lemmatiser output), lower case. They are data, not code:
extend them here, or without editing anything through the components' configuration:
``nlp.add_pipe("storydiff_quotes", config={"extra_cue_verbs": [...],
"extra_attribution_nouns": [...], "extra_role_nouns": [...]})`` and
``nlp.add_pipe("storydiff_entities", config={"extra_role_nouns": [...]})``.

Where the lists came from:

- Reporting verbs: the speech-act verbs of Levin (1993, classes 37.3 "manner of speaking",
  37.7 "say", 37.8 "complain", 37.9 "advise": notify, apprise, 58.2 "beg": implore,
  beseech, and 33 "judgement": scold, chide), the verb list of the
  Gender Gap Tracker's quote extractor (Asr et al., 2021,
  sfu-discourse-lab/GenderGapTracker), textacy's ``constants.REPORTING_VERBS``, and the cue
  lemmas most frequent in the PolNeAR training split (Newell et al., 2018).
- Attribution nouns ("comments by X that ...", "in a statement"): Krestel, Bergler and Witte
  (2008) and the PolNeAR cue inventory.
- Role nouns (what a person is, when the text names them by their job): the occupations of
  ACE 2005's PER.Individual descriptions plus common titles of office in news text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

# Verbs whose subject is the speaker and whose complement or quote is what was said.
CUE_VERBS: frozenset[str] = frozenset(
    """
    say tell add note warn stress claim vow insist state declare announce explain argue
    assert contend maintain affirm confirm deny reject dismiss admit acknowledge concede
    allege accuse charge complain lament protest object criticise criticize condemn denounce
    praise welcome hail urge call demand ask request beg plead appeal propose suggest recommend
    advise caution predict forecast estimate promise pledge guarantee assure reassure swear
    threaten boast brag joke quip remark comment observe point emphasise emphasize underline
    underscore highlight reiterate repeat recall recount describe report reveal disclose
    indicate signal mention write tweet post blog reply respond answer retort counter rebut
    testify inform brief conclude agree disagree dispute question speculate hint imply
    cry shout scream yell whisper mutter murmur sigh exclaim continue begin elaborate clarify
    specify stipulate speak talk confess wonder crow scold chide rebuke echo voice express
    remind muse marvel gush fume grumble snap rage rant concur opine posit reason relay
    notify apprise implore beseech
    """.split()
)

# Verbs that report speech only with a particle or preposition ("point out", "call for").
PHRASAL_CUES: frozenset[tuple[str, str]] = frozenset(
    {
        ("point", "out"),
        ("call", "for"),
        ("call", "on"),
        ("go", "on"),
        ("spell", "out"),
        ("lay", "out"),
        ("hit", "back"),
        ("fire", "back"),
        ("weigh", "in"),
        ("speak", "out"),
    }
)

# Verbs that are cues only with a clausal complement ("he continued that ..."): kept apart so
# that "continued to shell the town" is not reported speech. Verbs of belief, hope and fear
# ("residents fear the dam will burst") and of command ("ordered troops to withdraw") are
# left out on purpose: they report a state of mind or an act, not words.
WEAK_CUES: frozenset[str] = frozenset({"continue", "begin", "go"})

# Reporting verbs whose message can be a noun phrase rather than a clause: "called for the
# repeal of the law", "denied the allegations", "accused X of Y". The object is what was said.
OBJECT_CUES: frozenset[str] = frozenset(
    """
    announce propose demand deny reject cite urge accuse blame praise criticise criticize
    condemn denounce welcome predict promise pledge recommend endorse advocate dismiss dispute
    reveal confirm acknowledge admit allege threaten vow warn request call complain defend
    describe laud note discuss mention tout blast slam hail lament decry mock ridicule applaud
    commend report question speak talk echo
    """.split()
)

# Verbs of belief and feeling. "Officials believe that the dam will hold" puts a claim in the
# officials' mouths as surely as "said" does; "I think it's fine" or "residents fear the worst"
# does not. So these are cues only with a clause that opens with "that".
STANCE_VERBS: frozenset[str] = frozenset(
    "believe think know feel fear hope expect doubt suspect worry".split()
)

# Verbs whose infinitive complement did not happen: "failed to say whether ..." entails that
# nothing was said. The negative implicatives of Karttunen (1971, "Implicative verbs",
# Language 47: fail, neglect, decline, refrain, forget), with "refuse", whose complement is
# likewise left undone.
NEGATIVE_IMPLICATIVES: frozenset[str] = frozenset(
    "fail neglect decline refrain forget refuse".split()
)

# Words that open an embedded question: "did not say whether ...", "declined to say when ...".
QUESTION_WORDS: frozenset[str] = frozenset(
    "whether if what who whom whose which when where why how".split()
)

# Prepositions that carry the message after a reporting verb: "accuse X of", "warn against",
# "describe X as Y", "speak of". The particle of a phrasal cue ("call for", "point to")
# always does.
MESSAGE_PREPOSITIONS: frozenset[str] = frozenset({"for", "of", "against", "about", "on", "as"})

# Objects of a message preposition that say how or where someone spoke, not what: "spoke on
# the phone", "on television", "on condition of anonymity", "on the record", "on behalf of".
# The channels are the telecommunication and broadcast media of WordNet 3.0 (hyponyms of
# medium.n.01 and telecommunication.n.01 in common news use); the conditions are the terms of
# attribution in the AP Stylebook's entry on anonymous sources.
SPEECH_SETTINGS: frozenset[str] = frozenset(
    """
    phone telephone cellphone television tv radio air camera video videoconference podcast
    line livestream record background condition behalf
    """.split()
)

# Words that label a paragraph but name no speaker ("UPDATE: ...", "Editor's note: ...").
NON_SPEAKER_LABELS: frozenset[str] = frozenset(
    """
    update updated note editor correction clarification watch live analysis opinion related
    photo video image breaking exclusive warning disclaimer source sources read more see also
    q a question answer transcript summary background context
    """.split()
)

# Documents and measurements that "show", "find" or "suggest" things: a poll or a study is a
# source as much as a person is (PolNeAR annotates them as such).
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    """
    poll survey study report analysis data research figure statistic investigation review
    audit census model forecast estimate index test experiment document record memo letter
    email filing ruling assessment finding evidence inquiry probe paper video footage
    transcript recording tape slide chart graph map photo image table list page
    """.split()
)
EVIDENCE_VERBS: frozenset[str] = frozenset(
    "show find suggest indicate reveal conclude estimate predict report say warn".split()
)

# Nouns that introduce reported speech: "comments by X that ...", "X's statement that ...".
ATTRIBUTION_NOUNS: frozenset[str] = frozenset(
    """
    comment remark statement claim assertion allegation accusation warning announcement
    declaration assurance promise pledge vow threat denial admission argument suggestion
    proposal demand call appeal plea insistence message words testimony tweet post report
    """.split()
)

# Phrases that attribute a sentence to a source: "according to X", "X said in a statement".
ACCORDING_TO: tuple[str, ...] = ("according to", "as cited by", "in the words of", "quoting")

# Nouns that name a person by their role, for descriptions such as "the diplomat" and
# appositions such as "X, the deputy foreign minister".
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    president vice-president prime premier chancellor minister secretary deputy spokesman
    spokeswoman spokesperson representative envoy ambassador diplomat official officer
    commander general admiral colonel lieutenant captain sergeant constable chief head leader
    director chairman chairwoman chair chairperson governor mayor senator congressman
    congresswoman lawmaker legislator mp councillor councilor judge prosecutor attorney lawyer
    advocate king queen prince princess emir sheikh ayatollah cleric imam pope bishop
    archbishop analyst expert researcher professor scientist economist doctor surgeon nurse
    activist campaigner organiser organizer founder ceo executive manager adviser advisor aide
    counsellor counselor consultant strategist negotiator inspector investigator monitor
    observer commissioner administrator coordinator correspondent reporter journalist editor
    witness survivor resident victim candidate nominee challenger incumbent counterpart
    successor predecessor democrat republican conservative liberal
    """.split()
)

# Nouns for an organisation that speaks as one, named by whom it belongs to ("the Trump
# campaign", "the Obama administration", "the Saudi government"): common English nouns for
# the kinds of body ACE 2005's ORG subtypes distinguish (government, commercial, political,
# non-governmental).
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    """
    campaign administration government team ministry department office committee agency
    council party company firm group organization organisation foundation institute
    association union coalition commission board bureau court cabinet embassy army military
    """.split()
)

# Titles written before a name; not part of the name itself.
HONORIFICS: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev gen col lt capt sgt maj adm gov sen rep
    """.split()
)

# Honorifics that say whether a person is a man or a woman, for "he" and "she".
HONORIFIC_GENDER: dict[str, str] = {
    "mr": "male",
    "sir": "male",
    "lord": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "dame": "female",
    "lady": "female",
}

# Pronouns a quote's speaker may be named by, with the person features they carry.
PRONOUN_FEATURES: dict[str, tuple[str, str]] = {
    "he": ("male", "singular"),
    "him": ("male", "singular"),
    "his": ("male", "singular"),
    "she": ("female", "singular"),
    "her": ("female", "singular"),
    "it": ("neuter", "singular"),
    "its": ("neuter", "singular"),
    "they": ("any", "plural"),
    "them": ("any", "plural"),
    "their": ("any", "plural"),
    "i": ("any", "singular"),
    "we": ("any", "plural"),
}


@dataclass(frozen=True)
class Lexicon:
    """The word lists one extractor uses: the defaults above plus what a configuration adds."""

    cue_verbs: frozenset[str] = CUE_VERBS | OBJECT_CUES
    object_cues: frozenset[str] = OBJECT_CUES
    attribution_nouns: frozenset[str] = ATTRIBUTION_NOUNS
    role_nouns: frozenset[str] = ROLE_NOUNS
    according_to: tuple[str, ...] = ACCORDING_TO
    # A language that writes its cue after the words reported, with the speaker after the
    # verb ("..., a déclaré le ministre"): the verb's forms there, and the words that may
    # stand between them and the comma (auxiliaries, the -t- of "a-t-il"). None in English.
    inverted_verb_forms: frozenset[str] = frozenset()
    inverted_glue: frozenset[str] = frozenset()
    # Pronoun -> (gender, number), as PRONOUN_FEATURES; a tuple of pairs, so that a lexicon
    # stays hashable.
    pronouns: tuple[tuple[str, tuple[str, str]], ...] = ()

    def pronoun_features(self) -> dict[str, tuple[str, str]]:
        """The pronouns a speaker may be named by: the language's own, else English's."""
        return dict(self.pronouns) if self.pronouns else PRONOUN_FEATURES

    def extended(
        self,
        cue_verbs: Iterable[str] = (),
        attribution_nouns: Iterable[str] = (),
        role_nouns: Iterable[str] = (),
    ) -> Lexicon:
        """This lexicon with more lemmas (lower-cased) in each list."""

        def more(base: frozenset[str], extra: Iterable[str]) -> frozenset[str]:
            return base | {word.lower() for word in extra}

        return replace(
            self,
            # An added verb may report its message as a noun phrase too ("X decried the plan").
            cue_verbs=more(self.cue_verbs, cue_verbs),
            object_cues=more(self.object_cues, cue_verbs),
            attribution_nouns=more(self.attribution_nouns, attribution_nouns),
            role_nouns=more(self.role_nouns, role_nouns),
        )


DEFAULT_LEXICON = Lexicon()
