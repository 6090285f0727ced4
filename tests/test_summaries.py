"""The counts made at grouping (``storydiff.store.summaries``) give the outlet page and an
actor's trend exactly what counting every article gives, and are not used once the store has
changed without a regrouping."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storydiff.store import Store, summaries
from storydiff.store.aliases import find_actor
from storydiff.store.grouping import group_store
from storydiff.store.trends import trend
from storydiff.web.queries import actor, labels, outlet

from .webapp import make_store


@pytest.fixture
def store(tmp_path, seed_analyses):
    path = make_store(tmp_path / "corpus.db", list(seed_analyses.values()), hostile=False)
    with Store(path) as store:
        yield store


def _counted_and_counting(store: Store, look):
    """What ``look`` finds from the counts, then from the rows (the counts set aside)."""
    assert summaries.current(store)
    counted = look()
    with store._db:
        store._db.execute("DELETE FROM summary_state")
    assert not summaries.current(store)
    return counted, look()


@pytest.mark.parametrize("period", ["week", "month"])
def test_an_actors_trend_from_the_counts_is_the_trend_from_the_rows(store, period):
    counted, counting = _counted_and_counting(store, lambda: trend(store, "actor", "Trump", period))
    assert counted == counting
    assert counted.rows and sum(row[2] for row in counted.rows) >= 1


@pytest.mark.parametrize(("since", "until"), [("2018-09-01", "2018-09-30"), ("2018-10-01", None)])
def test_a_stretch_of_an_actors_trend_from_the_counts_is_the_stretch_from_the_rows(
    store, since, until
):
    counted, counting = _counted_and_counting(
        store, lambda: trend(store, "actor", "Trump", "month", since, until)
    )
    assert counted == counting
    assert bool(counted.rows) == (since == "2018-09-01")


def test_an_outlets_page_from_the_counts_is_the_page_from_the_rows(store, seed_analyses):
    name = next(a.article.outlet for a in seed_analyses.values() if a.quotes and a.labels)
    counted, counting = _counted_and_counting(store, lambda: outlet(store, name))
    assert counted == counting
    assert counted.speakers and counted.labels


def test_the_labels_page_from_the_counts_is_the_page_from_the_rows(store):
    counted, counting = _counted_and_counting(store, lambda: labels(store))
    assert counted == counting
    assert counted.terms and counted.cells


def test_the_actor_page_from_the_counts_is_the_page_from_the_rows(store):
    trump = find_actor(store, "Trump").id
    counted, counting = _counted_and_counting(store, lambda: actor(store, trump))
    assert counted == counting
    assert counted.aliases


def test_articles_added_without_regrouping_are_counted_from_the_rows(store, seed_analyses):
    sky = next(a for a in seed_analyses.values() if "Trump" in a.article.text)
    before = trend(store, "actor", "Trump", "month")
    again = replace(sky, article=replace(sky.article, id="again", published="2018-10-01"))
    store.add([again])
    assert not summaries.current(store)
    added = trend(store, "actor", "Trump", "month")
    assert sum(r[2] for r in added.rows) == sum(r[2] for r in before.rows) + 1
    group_store(store)
    assert summaries.current(store)
    regrouped = trend(store, "actor", "Trump", "month")
    # The same articles; the one added now has a story of its own as well.
    assert [r[:3] for r in regrouped.rows] == [r[:3] for r in added.rows]
    assert [r[3] for r in regrouped.rows] == [1, 1, 1]
