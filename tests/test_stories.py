"""Story grouping: the same event across outlets is one story, different events or the same
actors months apart are not, and memory stays bounded as the corpus runs on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from storydiff.compare.stories import StoryGrouper, group_stories
from storydiff.config import DEFAULTS
from storydiff.model import Analysis, Article, Entity, Span


def _article(key: str, title: str, text: str, published: str | None, *names: str) -> Analysis:
    entities = tuple(
        Entity(f"e{k}", name, "PERSON" if " " in name else "GPE", (Span(0, 1, name),))
        for k, name in enumerate(names)
    )
    return Analysis(
        Article(id=key, source=f"{key}.txt", text=text, title=title, published=published), entities
    )


QUAKE = [
    (
        "Earthquake kills dozens in western Nepal",
        "A strong earthquake struck western Nepal overnight, killing at least 70 people and "
        "flattening mud-brick homes in the remote district of Jajarkot, officials said.",
    ),
    (
        "Nepal quake: rescuers search rubble as death toll rises",
        "Rescue teams dug through collapsed houses in Jajarkot on Saturday after a powerful "
        "tremor hit the Himalayan nation's west, with the number of dead climbing past 70.",
    ),
    (
        "Deadly tremor hits remote Nepalese district",
        "Dozens of villagers were killed when the ground shook in Nepal's far west late on "
        "Friday; the army was sent to Jajarkot to help survivors sleeping in the open.",
    ),
]
BUDGET = (
    "Parliament approves budget after all-night session",
    "Lawmakers in Ottawa passed the federal budget early on Saturday after an all-night sitting, "
    "with the finance minister promising lower taxes for small businesses.",
)


def test_one_event_told_by_three_outlets_is_one_story_and_another_event_is_another():
    analyses = [
        _article(f"q{k}", title, text, "2023-11-04", "Nepal", "Jajarkot")
        for k, (title, text) in enumerate(QUAKE)
    ]
    analyses.append(_article("b", *BUDGET, "2023-11-04", "Ottawa", "Canada"))
    stories = group_stories(analyses)
    assert sorted(sorted(s.articles) for s in stories) == [["b"], ["q0", "q1", "q2"]]
    quake = next(s for s in stories if "q0" in s.articles)
    assert quake.title in {title for title, _ in QUAKE}
    assert (quake.first, quake.last) == ("2023-11-04", "2023-11-04")


def test_the_same_actors_months_apart_are_different_stories():
    early = _article("early", *QUAKE[0], "2023-11-04", "Nepal", "Jajarkot")
    late = _article("late", *QUAKE[1], "2024-03-10", "Nepal", "Jajarkot")
    assert len(group_stories([late, early])) == 2


def test_a_story_stays_open_while_it_develops_and_the_bar_rises_with_the_gap():
    first = [
        _article(f"q{k}", *QUAKE[k], "2023-11-04", "Nepal", "Jajarkot", "Prachanda")
        for k in range(2)
    ]
    late = _article("late", *QUAKE[2], "2023-11-07", "Nepal", "Jajarkot", "Prachanda")
    stories = group_stories([*first, late])
    assert sorted(sorted(s.articles) for s in stories) == [["late", "q0", "q1"]]
    assert stories[0].last == "2023-11-07"
    strict = DEFAULTS.with_values({"stories.join_score_per_day": 2.0})
    assert len(group_stories([*first, late], strict)) == 2  # a bar no score reaches


ONE_DAY_TOPICS = [
    ("Senate passes farm bill", "Senators approved subsidies for wheat and dairy farmers."),
    ("Court hears census case", "Judges weighed a question on citizenship in the census."),
    ("Storm floods the coast", "Heavy rain flooded coastal towns and closed two ports."),
    ("Tariffs on steel rise", "New duties on imported steel and aluminium take effect."),
    ("Vaccine trial expands", "Researchers enrolled thousands more volunteers in a trial."),
    ("Teachers strike in three states", "Schools closed as teachers walked out over pay."),
]


def test_an_actor_most_open_stories_name_does_not_join_events():
    day = "2020-03-02"
    analyses = [
        _article(f"t{k}", title, text, day, "White House", f"Person {k}")
        for k, (title, text) in enumerate(ONE_DAY_TOPICS)
    ]
    # Another event that names only the actor every story of the day names.
    match = ("Late goal wins the cup final", "A header in stoppage time gave the visitors the cup.")
    analyses.append(_article("other", *match, day, "White House"))
    stories = group_stories(analyses)
    assert len(stories) == len(analyses)  # seven events, seven stories


def test_undated_articles_are_grouped_by_what_they_say():
    analyses = [_article(f"q{k}", t, x, None, "Nepal") for k, (t, x) in enumerate(QUAKE)]
    analyses.append(_article("b", *BUDGET, None, "Ottawa"))
    assert len(group_stories(analyses)) == 2


TOPICS = [
    "Central bank raises interest rates to curb inflation",
    "Wildfire forces evacuation of mountain villages",
    "Football club sacks manager after cup defeat",
    "Scientists discover new species of deep-sea fish",
    "Airline strike grounds hundreds of flights",
    "Museum returns looted bronzes to Nigeria",
    "Vaccine trial shows strong protection against malaria",
    "Election commission delays vote count in capital",
    "Chipmaker announces factory in Arizona desert",
    "Heatwave breaks temperature records across Spain",
]


def test_closed_stories_are_handed_out_and_only_recent_ones_kept_open():
    closed = []
    grouper = StoryGrouper(on_close=closed.append)
    start = date(2024, 1, 1)
    for day in range(40):
        title = TOPICS[day % len(TOPICS)]
        published = (start + timedelta(days=3 * day)).isoformat()
        grouper.add(_article(f"a{day}", title, f"{title}. Officials gave details.", published))
        assert grouper.open_stories <= 2  # the window's worth, never the whole past
    grouper.close_all()
    assert len(closed) == 40 and sorted(a for s in closed for a in s.articles) == sorted(
        f"a{day}" for day in range(40)
    )
    assert grouper.stories() == []  # every story was handed out


OPINION = (
    "Nepal's quake shows how little we learned",
    "The homes that fell on sleeping families in Jajarkot were built of mud and brick, as they "
    "were before the last disaster; Nepal has still not made safe building a national duty.",
)


def _opinion(url: str | None, title: str = OPINION[0], published: str = "2023-11-07") -> Analysis:
    piece = _article("op", title, OPINION[1], published)
    return replace(piece, article=replace(piece.article, url=url))


def test_an_opinion_piece_days_later_joins_the_story_it_comments_on_without_moving_it():
    reports = [_article(f"q{k}", *QUAKE[k], "2023-11-04", "Nepal", "Jajarkot") for k in range(2)]
    # Three days on, the comment reads too little like the reports to join as news would.
    assert len(group_stories([*reports, _opinion(None)])) == 2
    for piece in (
        _opinion("https://news.example/opinion/2023/11/07/quake"),
        _opinion(None, f"Opinion | {OPINION[0]}"),
    ):
        (story,) = group_stories([*reports, piece])
        assert sorted(story.articles) == ["op", "q0", "q1"]
        assert story.title in {QUAKE[0][0], QUAKE[1][0]} and story.last == "2023-11-07"
    # Its bar rises as a report's would with the setting at the reports' rate.
    rising = DEFAULTS.with_values({"stories.opinion_score_per_day": 0.15})
    assert len(group_stories([*reports, _opinion("https://x.example/opinion/q")], rising)) == 2
    # The comment does not keep the story open: the window runs from its last report, so a
    # report four days after it starts a story of its own.
    late = _article("late", *QUAKE[2], "2023-11-08", "Nepal", "Jajarkot")
    stories = group_stories([*reports, _opinion("https://x.example/opinion/q"), late])
    assert sorted(sorted(s.articles) for s in stories) == [["late"], ["op", "q0", "q1"]]


def test_a_story_past_the_window_for_news_still_takes_an_opinion_piece():
    reports = [_article(f"q{k}", *QUAKE[k], "2023-11-04", "Nepal", "Jajarkot") for k in range(2)]
    week_on = _opinion("https://x.example/opinion/q", published="2023-11-10")
    report = _article("late", *QUAKE[2], "2023-11-10", "Nepal", "Jajarkot")
    # Six days on, a report starts a story of its own; the comment still joins the story.
    assert sorted(sorted(s.articles) for s in group_stories([*reports, week_on, report])) == [
        ["late"],
        ["op", "q0", "q1"],
    ]
    closed: list = []
    grouper = StoryGrouper(on_close=closed.append)
    grouper.add_many([*reports, week_on])
    # Handed out only once no opinion piece may join it any more.
    grouper.add_many([_article("b", *BUDGET, "2023-11-11", "Ottawa")])
    assert closed == []
    grouper.add_many([_article("c", *BUDGET, "2023-11-12", "Ottawa")])
    assert [sorted(s.articles) for s in closed] == [["op", "q0", "q1"]]
    shut = DEFAULTS.with_values({"stories.opinion_window_days": 0})
    assert len(group_stories([*reports, week_on], shut)) == 2


def test_an_actor_the_stories_just_past_all_name_does_not_join_events():
    # A quiet stretch: one story every five days, each naming the White House, so that at
    # most one story is open at a time and the open ones alone cannot tell that the White
    # House is in every story.
    start = date(2020, 3, 2)
    analyses = [
        _article(f"t{k}", title, text, (start + timedelta(days=5 * k)).isoformat(), "White House")
        for k, (title, text) in enumerate(ONE_DAY_TOPICS)
    ]
    # Two more events on consecutive days, each with the White House and a person of its own.
    last = start + timedelta(days=5 * len(ONE_DAY_TOPICS))
    for key, (title, text), person in (
        (
            "cup",
            ("Late goal wins the cup final", "A header gave the visitors the cup."),
            "Ana Ruiz",
        ),
        ("zoo", ("Zoo welcomes twin panda cubs", "Keepers said both cubs were healthy."), "Li Wei"),
    ):
        analyses.append(_article(key, title, text, last.isoformat(), "White House", person))
        last += timedelta(days=1)
    heavy = DEFAULTS.with_values({"stories.entity_weight": 2.0})
    assert len(group_stories(analyses, heavy)) == len(analyses)
    forgetful = heavy.with_values({"stories.rarity_stories": 0})
    assert len(group_stories(analyses, forgetful)) == len(analyses) - 1
