"""The stories list pages by keyset: walking "older" from the first page, then "newer" back,
gives exactly the pages that counting by offset gives, undated stories last, with and without
a filter."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from storydiff.model import Analysis, Article, article_id
from storydiff.store import Store
from storydiff.web.queries import PAGE_SIZE, StoryFilters, stories

STORIES = 2 * PAGE_SIZE + 17
UNDATED = 9


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("paging") / "s.db"
    start = date(2020, 1, 1)
    articles = []
    for n in range(STORIES):
        text = f"Article number {n} of the paging test, about town hall meeting {n}."
        # Two stories a day, so that stories share a first date and the id breaks the tie.
        day = None if n < UNDATED else (start + timedelta(days=n // 2)).isoformat()
        outlet = "Herald" if n % 3 else "Courier"
        articles.append(Article(article_id(text), f"{n}.txt", text, outlet=outlet, published=day))
    with Store(path) as store:
        store.add([Analysis(a) for a in articles])
        store.replace_stories(
            ((f"p{n}", None, a.published, a.published, [a.id]) for n, a in enumerate(articles)),
            {},
        )
        yield store


def _ids(page):
    return [story.id for story in page.stories]


@pytest.mark.parametrize("outlet", [None, "Herald"])
def test_walking_older_then_newer_gives_the_pages_by_offset(store, outlet):
    by_offset, number = [], 1
    while True:
        page = stories(store, StoryFilters(outlet=outlet, page=number))
        by_offset.append(_ids(page))
        if not page.more:
            break
        number += 1
    assert len(by_offset) >= 2 and sum(map(len, by_offset)) > PAGE_SIZE
    walked = [stories(store, StoryFilters(outlet=outlet))]
    while walked[-1].more:
        walked.append(stories(store, StoryFilters(outlet=outlet, older=walked[-1].stories[-1].id)))
    assert [_ids(page) for page in walked] == by_offset
    assert not walked[0].newer and all(page.newer for page in walked[1:])
    back = [walked[-1]]
    while back[-1].newer:
        back.append(stories(store, StoryFilters(outlet=outlet, newer=back[-1].stories[0].id)))
    assert [_ids(page) for page in reversed(back)] == by_offset
    assert all(page.more for page in back[1:])


def test_undated_stories_come_last(store):
    everything = []
    page = stories(store, StoryFilters())
    everything += page.stories
    while page.more:
        page = stories(store, StoryFilters(older=page.stories[-1].id))
        everything += page.stories
    firsts = [story.first for story in everything]
    assert firsts[-UNDATED:] == [None] * UNDATED and None not in firsts[:-UNDATED]
    assert firsts[:-UNDATED] == sorted(firsts[:-UNDATED], reverse=True)
    assert len(everything) == STORIES


def test_an_unknown_story_as_the_cursor_gives_the_first_page(store):
    assert _ids(stories(store, StoryFilters(older="no-such-story"))) == _ids(
        stories(store, StoryFilters())
    )
