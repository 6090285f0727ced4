"""The memoised stand-ins for spaCy's attribute ruler and lemmatizer give every token exactly
what spaCy's own components give, and step aside for rules or lemmatizers they do not
reproduce."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.lang.en import English
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from storydiff.nlp.attribute_rules import (
    RULER,
    STAND_IN,
    AttributeRules,
    handles,
    replace_attribute_ruler,
)
from storydiff.nlp.lemmas import replace_lemmatizer
from storydiff.nlp.pipeline import load_pipeline, pipeline_name, with_components

from .conftest import DATA

REPOSITORY = Path(__file__).resolve().parent.parent
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE, NORM]


def _repository_texts() -> list[str]:
    """Every article text the repository carries (the bundled example, the seeds, the
    house-style scrapes, the HTML page, the JSON Lines records) and its documentation, for
    a sample of English tens of thousands of tokens long."""
    paths = sorted(
        {
            *(REPOSITORY / "examples").rglob("*.txt"),
            *DATA.rglob("*.txt"),
            *REPOSITORY.glob("*.md"),
            *(REPOSITORY / "docs").glob("*.md"),
            *(REPOSITORY / "benchmarks").rglob("*.md"),
        }
    )
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts.append((DATA / "pages" / "dam-breach.html").read_text(encoding="utf-8"))
    for line in (DATA / "one_paragraph_corpus.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    return texts


@pytest.fixture(scope="module")
def spacy_pipeline():
    return spacy.load(pipeline_name())


@pytest.fixture(scope="module")
def memoised_pipeline():
    nlp = spacy.load(pipeline_name())
    assert replace_attribute_ruler(nlp)
    assert replace_lemmatizer(nlp)
    return nlp


def test_the_stand_ins_take_the_components_places(memoised_pipeline, spacy_pipeline):
    expected = [
        {RULER: STAND_IN, "lemmatizer": "storydiff_lemmas"}.get(name, name)
        for name in spacy_pipeline.pipe_names
    ]
    assert memoised_pipeline.pipe_names == expected
    loaded = load_pipeline().pipe_names
    assert STAND_IN in loaded and "storydiff_lemmas" in loaded
    assert RULER not in loaded and "lemmatizer" not in loaded


def test_every_token_of_the_repository_texts_gets_spacys_attributes(
    memoised_pipeline, spacy_pipeline
):
    texts = _repository_texts()
    tokens = 0
    for theirs, ours in zip(spacy_pipeline.pipe(texts), memoised_pipeline.pipe(texts), strict=True):
        tokens += len(theirs)
        assert np.array_equal(theirs.to_array(COLUMNS), ours.to_array(COLUMNS))
        assert [(t.lemma_, str(t.morph), t.pos_) for t in theirs] == [
            (t.lemma_, str(t.morph), t.pos_) for t in ours
        ]
    assert tokens > 25_000


def test_analyses_are_the_same_with_and_without_the_stand_ins(spacy_pipeline):
    from storydiff.api import clean_documents
    from storydiff.nlp.annotate import annotate
    from storydiff.sources import read_inputs

    paths = [
        *sorted(str(p) for p in (REPOSITORY / "examples" / "seeds").glob("*.txt")),
        *sorted(str(p) for p in (DATA / "styles").glob("*.txt")),
        str(DATA / "pages" / "dam-breach.html"),
    ]
    articles = [a for a in clean_documents(read_inputs(paths)) if hasattr(a, "text")]
    plain = with_components(spacy.load(pipeline_name()))
    assert RULER in plain.pipe_names and STAND_IN not in plain.pipe_names
    without = [json.dumps(a.to_dict()) for a in annotate(articles, plain)]
    with_them = [json.dumps(a.to_dict()) for a in annotate(articles, load_pipeline())]
    assert len(without) == len(paths)
    assert with_them == without


def _tagged(nlp, words, tags, deps, heads) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": {"IN": ["gon", "wan"]}}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {
        "patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]],
        "attrs": {"LEMMA": "to", "POS": "PART"},
        "index": -1,
    },
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "nsubj"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNS"}]], "attrs": {"MORPH": "Number=Sing"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"LOWER": "dogs"}]], "attrs": {"POS": "PROPN"}},
]


def test_rules_of_every_kind_it_handles_match_spacys_ruler():
    """Values, IN, NOT_IN, REGEX, multi-token rules with a positive and a negative index,
    alternatives, white space and a later rule overriding an earlier one."""
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    stand_in = AttributeRules(nlp.vocab)
    stand_in.add_patterns(ruler.patterns)
    words = ["I", "'m", "gon", "na", "go", "n't", "there", "is", "  ", "dogs", "wan", "na"]
    tags = ["PRP", "VBP", "VBG", "TO", "VB", "RB", "EX", "VBZ", "_SP", "NNS", "VBP", "TO"]
    deps = ["nsubj", "aux", "ROOT", "aux", "xcomp", "neg", "expl", "ccomp", "dep", "nsubj",
            "conj", "aux"]  # fmt: skip
    heads = [2, 2, 2, 4, 2, 4, 7, 2, 7, 10, 2, 10]
    theirs = ruler(_tagged(nlp, words, tags, deps, heads))
    ours = stand_in(_tagged(nlp, words, tags, deps, heads))
    columns = [TAG, POS, MORPH, LEMMA, DEP]
    assert np.array_equal(theirs.to_array(columns), ours.to_array(columns))
    assert [t.lemma_ for t in ours][2:4] == ["go", "to"]  # gon na: both rules, each its token
    assert ours[7].pos_ == "VERB"  # "there is": the second token
    assert ours[9].pos_ == "PROPN"  # the later of two rules wins


@pytest.mark.parametrize(
    "pattern",
    [
        {"patterns": [[{"ORTH": "Mr"}]], "attrs": {"LEMMA": "mister"}},
        {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": {"FUZZY": "colour"}}]], "attrs": {"LEMMA": "color"}},
        {"patterns": [[{"LENGTH": {">=": 20}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"_": {"flag": True}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": "colour"}]], "attrs": {"NORM": "color"}},
    ],
)
def test_a_rule_of_another_kind_keeps_spacys_ruler(pattern):
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([RULES[0], pattern])
    assert not handles(ruler.patterns[1])
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == [RULER]
    with pytest.raises(ValueError, match=STAND_IN):
        AttributeRules(nlp.vocab).add_patterns([pattern])


def test_the_lemmatizer_stand_in_gives_spacys_lemmas_and_keeps_lemmas_already_set():
    def pipeline():
        nlp = English()
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add_patterns([{"patterns": [[{"LOWER": "kittens"}]], "attrs": {"LEMMA": "feline"}}])
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize(lookups=_lookups())
        return nlp

    text = "cats Cats kittens dogs cats"
    theirs, nlp = pipeline()(text), pipeline()
    assert replace_lemmatizer(nlp)
    ours = nlp(text)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert [t.lemma_ for t in ours] == ["cat", "Cats", "feline", "dogs", "cat"]


def test_a_lemmatizer_of_another_kind_is_kept():
    from storydiff.nlp import lemmas

    nlp = English()
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not replace_lemmatizer(nlp)  # its tables are not loaded yet
    assert nlp.pipe_names == ["lemmatizer"]

    class Custom(Lemmatizer):
        """A lemmatizer of one's own may read more of a token than the stand-in keys on."""

    custom = Custom(nlp.vocab, None, mode="lookup")
    custom.initialize(lookups=_lookups())
    assert not lemmas.handles(custom)
    with pytest.raises(ValueError, match=lemmas.STAND_IN):
        lemmas.MemoisedLemmas(nlp.vocab).use(custom)
    lemmatizer.initialize(lookups=_lookups())
    assert lemmas.handles(lemmatizer)


def _lookups():
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"cats": "cat"})
    return lookups
