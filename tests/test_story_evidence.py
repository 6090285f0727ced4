"""What joins an article to a story besides the meaning of its lead: a run of words the
story's reports quote verbatim, and, for an undated article, how closely the story's articles
hold together."""

from __future__ import annotations

from storydiff.compare.phrases import quoted_phrases
from storydiff.compare.stories import group_stories
from storydiff.config import DEFAULTS
from storydiff.model import Analysis, Article, Quote, Span, Speaker

SAID = "We will rebuild every school the flood destroyed in the valley"


def _quoting(key: str, title: str, lead: str, quoted: str, kind: str = "direct") -> Analysis:
    """An article whose second paragraph quotes ``quoted``."""
    text = f'{lead}\n\n"{quoted}," the governor said.'
    start = text.index(quoted)
    quote = Quote(Speaker("Ana Ruiz"), Span(start, start + len(quoted), quoted), kind)
    article = Article(id=key, source=f"{key}.txt", text=text, title=title, published=None)
    return Analysis(article, quotes=(quote,))


def test_quoted_phrases_are_runs_of_verbatim_words_with_content_words():
    direct = _quoting("a", "Flood", "Rain fell.", SAID)
    phrases = quoted_phrases(direct, 6, 3)
    assert "rebuild every school the flood destroyed" in phrases
    # "we will rebuild every school the": two words that are not stop words, three wanted.
    assert "we will rebuild every school the" not in phrases
    assert "we will rebuild every school the" in quoted_phrases(direct, 6, 2)
    paraphrase = _quoting("b", "Flood", "Rain fell.", SAID, kind="indirect")
    assert quoted_phrases(paraphrase, 6, 3) == frozenset()  # the outlet's words, not hers
    stock = _quoting("c", "Flood", "Rain fell.", "I do not think that it is")
    assert quoted_phrases(stock, 6, 3) == frozenset()


# A bar no lead similarity reaches alone (it is at most 1) but any pair sharing a quoted run
# passes: what the phrase decides is then seen apart from the embedding.
ONLY_PHRASES = DEFAULTS.with_values(
    {"stories.join_score": 1.5, "stories.undated_margin": 0.0, "stories.phrase_weight": 2.0}
)


def test_an_article_quoting_the_words_a_story_quotes_joins_it():
    first = _quoting("a", "Governor tours flooded valley", "The river burst its banks.", SAID)
    echo = _quoting(
        "b",
        "Schools to be rebuilt, governor says",
        "Officials counted the damage on Monday.",
        f"{SAID} by the autumn",
    )
    other = _quoting(
        "c",
        "Governor tours flooded valley",
        "The river burst its banks.",
        "Our teachers will hold lessons in tents until the spring",
    )
    stories = group_stories([first, echo, other], ONLY_PHRASES)
    assert sorted(sorted(s.articles) for s in stories) == [["a", "b"], ["c"]]
    none = ONLY_PHRASES.with_values({"stories.phrase_weight": 0.0})
    assert len(group_stories([first, echo, other], none)) == 3


def test_a_shared_run_of_function_words_joins_nothing():
    stock = "I do not think that it is what we want"
    first = _quoting("a", "Governor tours flooded valley", "The river burst its banks.", stock)
    second = _quoting("b", "Striker signs for rival club", "The fee was a record.", stock)
    assert len(group_stories([first, second], ONLY_PHRASES)) == 2


QUAKE = (
    "Earthquake kills dozens in western Nepal",
    "A strong earthquake struck western Nepal overnight, killing at least 70 people and "
    "flattening mud-brick homes in the remote district of Jajarkot, officials said.",
)
BUDGET = (
    "Parliament approves budget after all-night session",
    "Lawmakers in Ottawa passed the federal budget early on Saturday after an all-night sitting, "
    "with the finance minister promising lower taxes for small businesses.",
)


def test_an_undated_article_is_weighed_against_all_of_a_spread_story_not_its_centre():
    # Two unrelated reports made one story by a quote they share; a third with the first's
    # very lead is close to the story's centre (0.73 here, above the bar of 0.6) but half
    # as close to its articles on average, so it starts a story of its own.
    quake = _quoting("q", *QUAKE, SAID)
    budget = _quoting("b", *BUDGET, SAID)
    again = _quoting("x", *QUAKE, SAID, kind="indirect")
    settings = DEFAULTS.with_values(
        {
            "stories.phrase_weight": 2.0,
            "stories.undated_margin": 0.3,
            "stories.entity_weight": 0,
            "stories.lead_paragraphs": 1,  # the leads, without the quote's paragraph
        }
    )
    stories = group_stories([quake, budget, again], settings)
    assert sorted(sorted(s.articles) for s in stories) == [["b", "q"], ["x"]]
