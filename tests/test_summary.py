"""The summary's words: lists in English, voices kept apart, one name an actor, and only the
sentences that bear a line out as its evidence."""

from __future__ import annotations

from storydiff.compare import compare_analyses
from storydiff.compare.framing import actor_names, framing_table
from storydiff.compare.summary import join_some, summarize
from storydiff.model import Analysis, Article, Comparison, Label, Statement

SKY = "000_5988aafb84cd7969.txt"
SPUTNIK = "001_4776b1b0b6ff724a.txt"


def test_long_lists_name_three_and_count_the_rest():
    names = ["A", "B", "C", "D", "E"]
    assert join_some(names, 3) == "A, B, C and 2 others"
    assert join_some(names[:4], 3) == "A, B, C and D"  # one left over is named
    assert join_some(names[:2], 3) == "A and B"
    assert join_some(["A"] * 7, 3, "more article") == "A, A, A and 4 more articles"


def _label(text: str, term: str, actor: str, category: str, voice: str, start: int) -> Label:
    return Label(
        start,
        start + len(text),
        text,
        term=term,
        category=category,
        contested=term in {"terrorist", "regime"},
        actor=actor,
        voice=voice,
    )


def _article(key: str, outlet: str, sentences: list[tuple[str, list[tuple]]]) -> Analysis:
    """An analysis whose statements are the sentences, each with its labels, written as
    (text, term, actor, category, voice) tuples found in it."""
    text, statements, labels = "", [], []
    for sentence, found in sentences:
        start = len(text)
        indices = []
        for words, term, actor, category, voice in found:
            indices.append(len(labels))
            at = start + sentence.index(words)
            labels.append(_label(words, term, actor, category, voice, at))
        statements.append(Statement(start, start + len(sentence), sentence, labels=tuple(indices)))
        text += sentence + "\n\n"
    article = Article(id=key, source=f"{key}.txt", text=text.strip(), outlet=outlet)
    return Analysis(article, statements=tuple(statements), labels=tuple(labels))


def test_the_same_army_has_one_name_in_the_table():
    armed, state = "armed groups", "state forces"
    first = _article(
        "a",
        "Daily",
        [
            (
                "The Syrian army advanced.",
                [("Syrian army", "army", "Syrian state forces", state, "own")],
            ),
            ("The army shelled the town.", [("army", "army", state, state, "own")]),
            (
                "Islamist groups held it.",
                [("Islamist groups", "islamist", "Islamist armed groups", armed, "own")],
            ),
            ("Rebels fled.", [("Rebels", "rebel", armed, armed, "own")]),
        ],
    )
    second = _article(
        "b", "Herald", [("Government troops moved in.", [("troops", "troop", state, state, "own")])]
    )
    rows = {row.actor for row in framing_table([first, second])}
    # "the army" is the Syrian army; "rebels" are not all Islamists.
    assert rows == {"Syrian state forces", "Islamist armed groups", armed}
    assert actor_names([first, second]) == {state: "Syrian state forces"}
    russian = _article(
        "c",
        "Globe",
        [
            (
                "Russian troops landed.",
                [("Russian troops", "troop", "Russian state forces", state, "own")],
            )
        ],
    )
    assert state in {row.actor for row in framing_table([first, second, russian])}


def test_voices_are_told_apart_in_the_summary():
    armed = "armed groups"
    first = _article(
        "a",
        "Daily",
        [
            ("Rebels hold the city.", [("Rebels", "rebel", armed, armed, "own")]),
            (
                '"Terrorists hold it," the minister said.',
                [("Terrorists", "terrorist", armed, armed, "attributed")],
            ),
            (
                'The "freedom fighters" left.',
                [("freedom fighters", "freedom fighter", armed, armed, "scare_quoted")],
            ),
        ],
    )
    second = _article(
        "b",
        "Herald",
        [("Terrorists hold the city.", [("Terrorists", "terrorist", armed, armed, "own")])],
    )
    analyses = (first, second)
    comparison = Comparison(analyses, framing=tuple(framing_table(analyses)))
    (finding,) = [f for f in summarize(comparison) if f.section == "framing"]
    assert finding.text == (
        "For armed groups, Daily writes “rebel” in its own voice, “freedom fighter” in scare "
        "quotes and “terrorist” only when quoting someone; Herald writes “terrorist” in its "
        "own voice."
    )
    # One statement for each term the sentence names, in the voice it names.
    assert [ref.text for ref in finding.evidence] == [
        "Rebels hold the city.",
        'The "freedom fighters" left.',
        '"Terrorists hold it," the minister said.',
        "Terrorists hold the city.",
    ]


def test_a_summary_line_lights_only_the_sentences_that_bear_it_out(seed_analyses):
    """Sputnik quotes one official throughout: a line saying so is borne out by one of his
    sentences, not by the three quarters of the article he fills."""
    comparison = compare_analyses([seed_analyses[SKY], seed_analyses[SPUTNIK]])
    texts = {a.article.id: a.article.text for a in comparison.articles}
    for finding in comparison.summary:
        for article, text in texts.items():
            lit = sum(r.end - r.start for r in finding.evidence if r.article == article)
            assert lit <= len(text) / 3, finding.text
    (sources,) = [f for f in comparison.summary if f.text.startswith("Sky News quotes")]
    assert len(sources.evidence) == 2  # the most quoted speaker of each, once
    only = [f for f in comparison.summary if f.text.startswith("Only Sky News quotes")]
    # Sputnik's headline ("Russia Says Has to React ...") quotes Russia, so Sky is not alone
    # in quoting it.
    assert only[0].text == (
        "Only Sky News quotes Dmitry Peskov, Donald Trump, Mohammad Javad Zarif and UN officials."
    )
    assert len(only[0].evidence) == 4  # one sentence for each speaker named
