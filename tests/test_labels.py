"""Labels for groups of actors, with the voice each use is in."""

from __future__ import annotations

import pytest


def _labels(nlp, text):
    return [(label["text"], label["voice"]) for label in nlp(text)._.labels]


def test_seed_voices_tell_the_outlets_apart(seed_analyses):
    sky = seed_analyses["000_5988aafb84cd7969.txt"].labels
    sputnik = seed_analyses["001_4776b1b0b6ff724a.txt"].labels
    rebel = [label for label in sky if label["term"] == "rebel"]
    assert rebel and all(label["voice"] == "own" for label in rebel)
    terror = [label for label in sky if label["term"].startswith("terror")]
    assert terror and all(label["voice"] in {"attributed", "scare_quoted"} for label in terror)
    own_terrorists = [
        label for label in sputnik if label["term"] == "terrorist" and label["voice"] == "own"
    ]
    assert len(own_terrorists) >= 2


def test_scare_quotes_in_narration(nlp):
    assert _labels(nlp, 'Troops moved against the "rebels" in the north on Monday.') == [
        ("Troops", "own"),
        ("rebels", "scare_quoted"),
    ]


def test_quoted_words_are_attributed_and_paraphrase_is_own(nlp):
    text = 'The minister said the militants "are terrorists who must be crushed without mercy".'
    labels = nlp(text)._.labels
    assert [(label["text"], label["voice"]) for label in labels] == [
        ("militants", "own"),
        ("terrorists", "attributed"),
    ]
    assert labels[0]["in_speech_of"] == "The minister"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Police said a gang of looters had broken in.", "gang of looters"),
        ("The army shelled the rebel stronghold overnight.", "rebel stronghold"),
        ("Armed groups control most of the province.", "Armed groups"),
        ("Counter-terrorist operations continued.", None),
        ("Government control of the city was restored.", None),
    ],
)
def test_extent_of_a_label(nlp, text, label):
    found = [
        label["text"]
        for label in nlp(text)._.labels
        if label["category"] in {"armed groups", "offenders", "protesters"}
    ]
    assert (found[0] if found else None) == label


def test_unlisted_group_nouns_that_fight_are_labels(nlp):
    labels = nlp("The separatists attacked the airport at dawn.")._.labels
    assert [(label["text"], label["category"]) for label in labels][:1] == [
        ("separatists", "armed groups")
    ]
    labels = nlp("The zealotists attacked the airport at dawn.")._.labels
    assert [(label["text"], label["category"]) for label in labels] == [
        ("zealotists", "other groups")
    ]


def test_actor_narrowed_by_nationality(nlp):
    (label,) = [label for label in nlp("Syrian rebels withdrew from the town.")._.labels]
    assert label["actor"] == "Syrian armed groups"


def test_terms_extended_by_configuration():
    import spacy

    from storydiff.nlp.pipeline import pipeline_name

    nlp = spacy.load(pipeline_name())
    nlp.add_pipe("storydiff_entities")
    nlp.add_pipe("storydiff_quotes")
    config = {"extra_terms": {"zealot": ["political camps", True]}}
    nlp.add_pipe("storydiff_labels", config=config)
    labels = nlp("The zealots marched through the city.")._.labels
    assert [(label["term"], label["contested"]) for label in labels] == [("zealot", True)]
