"""Alignment rules on small hand-made articles: conflicts, figures that count different things,
and sentences repeated within an article."""

from __future__ import annotations

from dataclasses import replace

from storydiff.compare import compare_analyses
from storydiff.compare.actors import link_entities
from storydiff.compare.evidence import Item, pair_features
from storydiff.compare.similarity import get_backend
from storydiff.model import Analysis, Article, Label, Quantity, Statement


def _article(article_id: str, *sentences: tuple, speaker: str | None = None) -> Analysis:
    """An analysis whose statements are the given sentences, each with its figures and,
    optionally, its labels (``(word, loaded)``); ``speaker`` attributes the first sentence."""
    text, statements, quantities, labels = "", [], [], []
    for number, (sentence, figures, *words) in enumerate(sentences):
        start = len(text)
        text += sentence + "\n\n"
        figure_indices, label_indices = [], []
        for figure in figures:
            offset = start + sentence.index(figure.text)
            quantities.append(replace(figure, start=offset, end=offset + len(figure.text)))
            figure_indices.append(len(quantities) - 1)
        for word, loaded in words[0] if words else ():
            offset = start + sentence.index(word)
            labels.append(
                Label(
                    offset,
                    offset + len(word),
                    word,
                    term=word,
                    category="armed groups",
                    actor="armed groups",
                    contested=loaded,
                    voice="own",
                )
            )
            label_indices.append(len(labels) - 1)
        statements.append(
            Statement(
                start,
                start + len(sentence),
                sentence,
                speaker if number == 0 else None,
                quantities=tuple(figure_indices),
                labels=tuple(label_indices),
            )
        )
    article = Article(id=article_id, source=f"{article_id}.txt", text=text, title=article_id)
    return Analysis(
        article=article,
        statements=tuple(statements),
        quantities=tuple(quantities),
        labels=tuple(labels),
    )


def _figure(text: str, value: float, counts: str) -> Quantity:
    """A figure placed at the start of the text; ``_article`` moves it to its sentence."""
    return Quantity(0, len(text), text, value=value, counts=counts)


FILLER = [
    ("The regional council will meet next week to discuss rebuilding schools.", []),
    ("Local markets reopened after the storm passed over the coast.", []),
]


def test_figures_that_count_the_same_thing_and_disagree_make_a_conflict():
    first = _article(
        "a",
        (
            "Floods killed 800 people in the northern valley on Monday.",
            [_figure("800 people", 800, "people")],
        ),
        *FILLER,
    )
    second = _article(
        "b",
        (
            "Floods killed 1,500 people in the northern valley on Monday.",
            [_figure("1,500 people", 1500, "people")],
        ),
        ("Rescue teams searched the river banks through the night.", []),
    )
    comparison = compare_analyses([first, second])
    kinds = [p.kind for p in comparison.points if any("Floods" in s.text for s in p.statements)]
    assert kinds == ["conflict"]


def _pair_score(first: Analysis, second: Analysis) -> float:
    """The calibrated score of the first statement of each article as a pair."""
    items = [Item(a, a.statements[k]) for a in (first, second) for k in range(len(a.statements))]
    features = pair_features(items, get_backend(), link_entities([first, second]))
    return float(features.probability()[0, len(first.statements)])


def test_figures_that_match_nothing_on_the_other_side_lower_the_score():
    """Two sentences alike in every word but their figures ("800 people" / "40 people") are
    less likely one fact than the same sentences without figures, and figures that agree
    make them more likely."""
    words = "The agency said {} left the northern valley on Monday."
    fig = _figure
    plain = _pair_score(
        _article("a", (words.format("many people"), []), *FILLER),
        _article("b", (words.format("many people"), []), *FILLER),
    )
    differ = _pair_score(
        _article("a", (words.format("800 people"), [fig("800 people", 800, "people")]), *FILLER),
        _article("b", (words.format("40 people"), [fig("40 people", 40, "people")]), *FILLER),
    )
    agree = _pair_score(
        _article("a", (words.format("800 people"), [fig("800 people", 800, "people")]), *FILLER),
        _article("b", (words.format("800 people"), [fig("800 people", 800, "people")]), *FILLER),
    )
    assert differ < plain < agree


def test_shared_names_alone_make_no_point(nlp):
    """Sentences about the same people that report different things are not one fact; the
    fact both articles report is."""
    from storydiff.nlp.annotate import annotate

    first = Article(
        id="a",
        source="a.txt",
        text="Senator Maria Keller met Governor Tom Ruiz in Columbus on Tuesday to discuss "
        "the state budget.\n\nThe state legislature voted 61-35 on Wednesday to approve a "
        "new pipeline permit for the northern counties.\n\nKeller said she would hold "
        "hearings on school funding next month.",
    )
    second = Article(
        id="b",
        source="b.txt",
        text="Lawmakers approved the northern pipeline permit on Wednesday by a vote of "
        "61-35.\n\nSenator Maria Keller criticised Governor Tom Ruiz over the cost of the "
        "pipeline.\n\nEnvironmental groups plan to challenge the decision in court.",
    )
    comparison = compare_analyses(list(annotate([first, second], nlp)))
    shared = [sorted(s.text.split()[0] for s in p.statements) for p in comparison.points]
    assert shared == [["Lawmakers", "The"]]
    keller = [s.text for s in comparison.only_in["a"]]
    assert any(text.startswith("Senator Maria Keller met") for text in keller)


def test_a_sentence_repeated_within_an_article_counts_once():
    repeated = "The mayor ordered the evacuation of the riverside district late on Sunday."
    first = _article("a", (repeated, []), *FILLER, (repeated, []))
    second = _article(
        "b",
        ("Late on Sunday the mayor ordered the riverside district evacuated.", []),
        ("Rescue teams searched the river banks through the night.", []),
    )
    comparison = compare_analyses([first, second])
    cited = [s for p in comparison.points for s in p.statements if s.article == "a"]
    cited += [s for s in comparison.only_in["a"]]
    assert sum(s.text == repeated for s in cited) == 1
    assert any(
        {s.article for s in p.statements} == {"a", "b"}
        and repeated in [s.text for s in p.statements]
        for p in comparison.points
    )


def test_a_wire_copy_is_counted_once_through_its_origin():
    wire = [
        ("Floods killed 800 people in the northern valley on Monday, officials said.", []),
        ("The regional council will meet next week to discuss rebuilding schools.", []),
        ("Local markets reopened after the storm passed over the coast.", []),
    ]
    origin = _article("wire", *wire)
    copy = _article("copy", ("A news agency reported the following.", []), *wire)
    other = _article(
        "other",
        ("Officials said the floods in the northern valley killed 800 people.", []),
        ("Rescue teams searched the river banks through the night.", []),
    )
    comparison = compare_analyses([origin, copy, other])
    assert [(c.article, c.copy_of) for c in comparison.copies] == [("copy", "wire")]
    assert not any(s.article == "copy" for p in comparison.points for s in p.statements)
    assert comparison.only_in["copy"] == ()
    assert any({s.article for s in p.statements} == {"wire", "other"} for p in comparison.points)


def test_the_summary_stays_short_when_many_articles_are_compared():
    from storydiff.compare.summary import MAX_ARTICLES_NAMED

    facts = [
        "The harbour master counted eleven trawlers stranded by ice.",
        "Railway signals failed near the northern junction overnight.",
        "An orchard cooperative sold its entire apple crop abroad.",
        "The library digitised medieval maps donated by a collector.",
        "Stadium stewards confiscated flares before kickoff.",
        "Glaciologists measured unusual melt on the western slope.",
        "A bakery chain raised bread prices citing flour costs.",
    ]
    articles = [_article(f"a{k}", (fact, [])) for k, fact in enumerate(facts)]
    summary = compare_analyses(articles).summary
    assert summary[0].text.startswith("7 articles: ")
    only_in = [f for f in summary if f.text.startswith("Only ")]
    assert 0 < len(only_in) <= MAX_ARTICLES_NAMED


def _kind_of_shared_point(first: Analysis, second: Analysis) -> str:
    (point,) = compare_analyses([first, second]).points
    return point.kind


def test_a_loaded_term_against_another_term_for_the_group_is_framing():
    fact = "Government forces besieged the last {} stronghold in the northern province."
    rebels = _article("a", (fact.format("rebel"), [], [("rebel", False)]), *FILLER)
    terrorists = _article("b", (fact.format("terrorist"), [], [("terrorist", True)]))
    assert _kind_of_shared_point(rebels, terrorists) == "framing"
    fighters = _article("c", (fact.format("fighter"), [], [("fighter", False)]))
    assert _kind_of_shared_point(rebels, fighters) == "agree"


def test_thresholds_out_of_order_are_refused():
    import pytest

    from storydiff.compare.align import Thresholds

    for point, related in ((0.5, 0.6), (0.5, 0.0), (1.5, 0.2)):
        with pytest.raises(ValueError, match="0 < related <= point <= 1"):
            Thresholds(point=point, related=related)


def test_a_pair_with_the_same_words_or_figure_is_shared_from_the_verbatim_score():
    """A pair scored between ``verbatim`` and ``point`` is stated as shared only when it
    carries the same words besides names or the same figure; ``point`` still bounds it."""
    import numpy as np

    from storydiff.compare.align import Thresholds, confident
    from storydiff.compare.evidence import PairScores

    scores = PairScores(
        np.array([[0, 1], [0, 2], [1, 2]]),
        np.array([0.6, 0.6, 0.4]),
        np.array([True, False, True]),
    )
    defaults = Thresholds()
    assert defaults.verbatim < 0.6 < defaults.point
    assert confident(scores, 1, 0, defaults)  # either order
    assert not confident(scores, 0, 2, defaults)
    assert not confident(scores, 1, 2, defaults)  # the same words, but too weak a score
    assert not confident(scores, 0, 1, Thresholds(verbatim=0.7))
    assert confident(scores, 0, 2, Thresholds(point=0.55))
    assert confident(scores, 1, 2, Thresholds(point=0.3, related=0.1))  # point bounds it


def test_the_same_run_of_words_or_the_same_figure_is_verbatim_evidence():
    """Two sentences that carry three words in a row alike (names aside), or the same
    figure, are verbatim pairs; sentences that share single words only are not."""
    first = _article(
        "a",
        ("The bridge would stay closed until the inspectors finish their work.", []),
        ("Ferry crossings were cancelled as the wind rose.", []),
        ("Floods cut off 800 homes in the valley.", [_figure("800 homes", 800, "homes")]),
    )
    second = _article(
        "b",
        ("Engineers said the bridge would stay closed for a week.", []),
        ("Crossings by ferry stopped when the wind grew.", []),
        ("About 800 homes lost power in the storm.", [_figure("800 homes", 800, "homes")]),
    )
    items = [Item(a, s) for a in (first, second) for s in a.statements]
    features = pair_features(items, get_backend(), link_entities([first, second]))
    pairs, found = map(tuple, features.pairs.tolist()), features.verbatim().tolist()
    verbatim = dict(zip(pairs, found, strict=True))
    assert verbatim[(0, 3)] is True  # "the bridge would stay closed"
    assert verbatim[(1, 4)] is False  # ferry, crossings, wind: single words
    assert verbatim[(2, 5)] is True  # 800 homes in both
    assert features.probability().verbatim(3, 0)
