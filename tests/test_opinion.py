"""An opinion piece is known by the section its outlet files it under, as its web address or
its headline shows it, and by nothing else."""

from __future__ import annotations

from storydiff.compare.opinion import is_opinion
from storydiff.model import Article


def _piece(url: str | None = None, title: str | None = None) -> Article:
    return Article(id="a", source="a.txt", text="Words.", url=url, title=title)


def test_an_opinion_section_in_the_address_or_a_label_on_the_headline_marks_opinion():
    for url in (
        "https://www.example.com/opinion/2024/05/06/the-vote.html",
        "https://example.co.uk/Commentisfree/2024/may/06/vote",
        "https://example.org/news/columnists/jane-roe/2024/05/06/vote",
    ):
        assert is_opinion(_piece(url=url)), url
    for title in (
        "Opinion | The vote we need",
        "OPINION: The vote we need",
        "Op-Ed: Vote",
        "The vote | Opinion",
    ):
        assert is_opinion(_piece(title=title)), title


def test_news_that_only_mentions_opinion_is_news():
    for url in (
        "https://www.example.com/politics/2024/05/06/opinion-polls-tighten.html",
        "https://www.example.com/blogs/politics/2024/05/06/vote",
        None,
    ):
        assert not is_opinion(_piece(url=url)), url
    for title in ("Opinion polls tighten before the vote", "Public opinion: a survey", None):
        assert not is_opinion(_piece(title=title)), title
