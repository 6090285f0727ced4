"""Labels for groups of actors, with the voice each use is in."""

from __future__ import annotations

import pytest


def _labels(nlp, text):
    return [(label.text, label.voice) for label in nlp(text)._.labels]


def test_seed_voices_tell_the_outlets_apart(seed_analyses):
    sky = seed_analyses["000_5988aafb84cd7969.txt"].labels
    sputnik = seed_analyses["001_4776b1b0b6ff724a.txt"].labels
    rebel = [label for label in sky if label.term == "rebel"]
    assert rebel and all(label.voice == "own" for label in rebel)
    terror = [label for label in sky if label.term.startswith("terror")]
    assert terror and all(label.voice in {"attributed", "scare_quoted"} for label in terror)
    own_terrorists = [
        label for label in sputnik if label.term == "terrorist" and label.voice == "own"
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
    assert [(label.text, label.voice) for label in labels] == [
        ("militants", "own"),
        ("terrorists", "attributed"),
    ]
    assert labels[0].in_speech_of == "The minister"


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
        label.text
        for label in nlp(text)._.labels
        if label.category in {"armed groups", "offenders", "protesters"}
    ]
    assert (found[0] if found else None) == label


def test_unlisted_group_nouns_that_fight_are_labels(nlp):
    labels = nlp("The separatists attacked the airport at dawn.")._.labels
    assert [(label.text, label.category) for label in labels][:1] == [
        ("separatists", "armed groups")
    ]
    labels = nlp("The zealotists attacked the airport at dawn.")._.labels
    assert [(label.text, label.category) for label in labels] == [("zealotists", "other groups")]


def test_actor_narrowed_by_nationality(nlp):
    (label,) = [label for label in nlp("Syrian rebels withdrew from the town.")._.labels]
    assert label.actor == "Syrian armed groups"


def test_terms_extended_by_configuration():
    import spacy

    from storydiff.nlp.pipeline import pipeline_name

    nlp = spacy.load(pipeline_name())
    nlp.add_pipe("storydiff_entities")
    nlp.add_pipe("storydiff_quotes")
    config = {"extra_terms": {"zealot": ["political camps", True]}}
    nlp.add_pipe("storydiff_labels", config=config)
    labels = nlp("The zealots marched through the city.")._.labels
    assert [(label.term, label.contested) for label in labels] == [("zealot", True)]


def _label(nlp, text, term):
    """The one label of ``text`` whose term is ``term``."""
    (label,) = [label for label in nlp(text)._.labels if label.term == term]
    return label


@pytest.mark.parametrize(
    ("text", "term", "shown", "modifies"),
    [
        (
            "A terrorist rocket attack hit the market.",
            "terrorist",
            "terrorist rocket attack",
            "attack",
        ),
        (
            "The terrorist propaganda spread online.",
            "terrorist",
            "terrorist propaganda",
            "propaganda",
        ),
        ("Residents feared a terror attack.", "terror", "terror attack", "attack"),
        ("He called the bombing an act of terror.", "terror", "terror", None),
        ("The regime forces advanced at night.", "regime", "regime forces", "force"),
    ],
)
def test_a_loaded_term_before_any_noun_is_a_label(nlp, text, term, shown, modifies):
    label = _label(nlp, text, term)
    assert (label.text, label.voice, label.modifies) == (shown, "own", modifies)
    assert label.actor in {"armed groups", "state forces"}


@pytest.mark.parametrize(
    ("text", "term", "shown"),
    [
        (
            "Pro-government forces retook the village.",
            "pro-government force",
            "Pro-government forces",
        ),
        (
            "The Kremlin-backed separatists shelled the port.",
            "separatist",
            "Kremlin-backed separatists",
        ),
        (
            "Anti-government protesters filled the square.",
            "protester",
            "Anti-government protesters",
        ),
    ],
)
def test_hyphenated_compounds_are_part_of_the_label(nlp, text, term, shown):
    label = _label(nlp, text, term)
    assert (label.text, label.voice, label.hedge) == (shown, "own", None)


@pytest.mark.parametrize(
    ("text", "term", "hedge"),
    [
        ("The so-called rebels withdrew from the hills.", "rebel", "so-called"),
        ("Self-styled jihadists stopped the convoy.", "jihadist", "self-styled"),
        ("Police detained two alleged terrorists.", "terrorist", "alleged"),
    ],
)
def test_a_hedge_before_a_label_is_kept(nlp, text, term, hedge):
    label = _label(nlp, text, term)
    assert (label.hedge, label.voice) == (hedge, "own")
    assert label.text.lower().startswith(hedge)


def test_the_voice_is_the_terms_own(nlp):
    label = _label(nlp, 'Troops shelled the "terrorist" bases in the hills.', "terrorist")
    assert (label.text, label.voice) == ('terrorist" bases', "scare_quoted")


def test_a_term_inserted_in_a_group_name_is_a_label_but_a_name_is_not(nlp):
    label = _label(nlp, "Police arrested a commander of the Nusra Terrorist Front.", "terrorist")
    assert label.contested and label.voice == "own"
    assert not nlp("The Joint Terrorism Task Force opened a case.")._.labels
    assert not [x for x in nlp("The Free Syrian Army held the hill.")._.labels if x.contested]


@pytest.mark.parametrize(
    "text",
    [
        "The war on terror cost trillions of dollars.",
        "Counter-terrorism officials met in Paris.",
        "The plan is a radical change of course.",
        "Critics warned against regime change.",
        "Fighter jets flew over the coast.",
    ],
)
def test_uses_that_name_no_group_are_not_labels(nlp, text):
    assert not nlp(text)._.labels


def test_a_capitalised_plural_term_is_found(nlp):
    labels = nlp("Officials warned about radical Islamists in the region.")._.labels
    assert [(x.text, x.term, x.modifies) for x in labels] == [
        ("radical Islamists", "radical", "islamist")
    ]
