"""Stories: which articles of a corpus report the same news event, across outlets.

Grouping is incremental: articles come in date order, and each joins the open story it is
closest to, or starts one. Closeness has two parts, because each alone fails: the meaning of
the headline and lead (static embeddings, which meet paraphrases across outlets: "Senate
confirms Lynch" / "Lynch sworn in as attorney general"), and the named actors the article shares
with the story, weighted by how few of the open stories and of the last ones to close name
them (two stories about one president differ in everyone else they name, and an institution
most stories of the month name tells them apart not at all). An event develops over days, so
a story is open while its last article is within ``window_days`` of the newest article, and
the bar to join it rises with each day since that last article; a closed story is never
compared again, which keeps the work per article and the memory flat however long the corpus
runs. An opinion piece
(``storydiff.compare.opinion``) comments on a story days after the news as a matter of course:
its bar rises by ``opinion_score_per_day`` instead, a story stays open to opinion pieces alone
for ``opinion_window_days`` after its last report, and an opinion piece joins without moving
the story (its centre of meaning, its actors, its title and the date of its last report stay
those of the reports), so that a comment can neither draw a second story's articles in nor
keep a story open for later news. Two further signals serve where the date cannot: an
article that quotes a run of the very words the story's reports quote
(``storydiff.compare.phrases``) scores ``phrase_weight`` more, since outlets covering one
event quote it verbatim; and an undated article is compared with a story by its mean
similarity to the story's articles rather than to their centre, because with no window to
bound it a story that has taken in two events on one topic has a centre near the topic
itself, close to every further article on it, while its articles' mean similarity to a new
one falls as the story spreads. The window, the
join score, the actor weight and the rest are the settings of the ``stories`` section
(``storydiff.config.StorySettings``, where their calibration is told).
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from storydiff.compare.embeddings import common_direction, unit_vectors
from storydiff.compare.opinion import is_opinion
from storydiff.compare.phrases import quoted_phrases
from storydiff.config import DEFAULTS, Config, StorySettings
from storydiff.model import Analysis, Story

ACTOR_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "LOC", "LAW"})
_TOKEN = re.compile(r"[^\W_]+")


@dataclass
class _OpenStory:
    id: str
    title: str | None
    title_fit: float
    vector_sum: np.ndarray
    actors: Counter[str]
    first: str | None
    last: str | None
    # The date of its last report, not counting opinion pieces: the window and the bar count
    # from it, so that a comment days later does not keep a story open for the next news.
    reported: str | None
    articles: list[str] = field(default_factory=list)
    # The runs of words its reports quote verbatim.
    phrases: set[str] = field(default_factory=set)

    def dated(self, published: str | None, *, report: bool = True) -> None:
        """Widen the story's first and last dates (and, for a report, the date of its last
        report) to take in an article's."""
        if published:
            self.first = min(filter(None, (self.first, published)))
            self.last = max(filter(None, (self.last, published)))
            if report:
                self.reported = max(filter(None, (self.reported, published)))

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm else self.vector_sum

    @property
    def cohesion(self) -> float:
        """The length of the mean of its articles' unit vectors: 1 for articles that all say
        the same, less as they spread. Closeness to the centroid times this is the mean
        similarity to the articles."""
        return float(np.linalg.norm(self.vector_sum)) / max(1, len(self.articles))

    def closed(self) -> Story:
        return Story(self.id, self.title, tuple(self.articles), self.first, self.last)


class StoryGrouper:
    """Feed articles in date order with ``add``; ``stories`` gives every story so far.

    ``on_close`` receives each story once it can take no more articles (its last report is
    older than the window for opinion pieces); with it, closed stories are handed over instead
    of kept, so that a caller writing them to a store holds only the open ones in memory.
    """

    def __init__(
        self, config: Config = DEFAULTS, *, on_close: Callable[[Story], None] | None = None
    ) -> None:
        self.settings = config.stories
        self._on_close = on_close
        self._open: list[_OpenStory] = []
        # One row per open story, its centroid: an article is scored against all of them in
        # one product, so the cost per article stays small however many stories are open.
        self._centroids = np.zeros((0, 0))
        # Each open story's cohesion (``_OpenStory.cohesion``), in the same order.
        self._cohesion = np.zeros(0)
        self._closed: list[Story] = []
        # Stories past the window for news but still within ``opinion_window_days`` of their
        # last report: only an opinion piece may join one, and it is handed out after.
        self._resting: list[_OpenStory] = []
        # How many open stories name each actor: the rarity of an actor is judged among the
        # stories of the window, so an institution in most of them weighs next to nothing.
        self._story_frequency: Counter[str] = Counter()
        # The actors of the last ``rarity_stories`` stories to leave the window, and how many
        # of them name each: when few stories are open at a time (a corpus of one topic, or
        # of a few stories a week), the open ones alone cannot tell a generic actor from a
        # rare one, and the stories just past can.
        self._past: deque[frozenset[str]] = deque()
        self._past_frequency: Counter[str] = Counter()
        self._next = 1

    def add(self, analysis: Analysis) -> str:
        """The id of the story the article joins (or starts)."""
        (story_id,) = self.add_many([analysis])
        return story_id

    def add_many(self, analyses: Sequence[Analysis]) -> list[str]:
        """``add`` for a batch: the texts are embedded together, which is much faster."""
        vectors = unit_vectors([lead_text(a, self.settings) for a in analyses])
        return [self._add(a, self._centred(v)) for a, v in zip(analyses, vectors, strict=True)]

    def _centred(self, vector: np.ndarray) -> np.ndarray:
        """The vector with the model's common direction projected out, renormalised: static
        embeddings of
        any two texts share a large common component (the mean of all token vectors), which
        would otherwise make every pair of leads look alike (Mu and Viswanath, 2018, "All-but-
        the-Top"). The mean comes from the model, not the corpus, so two articles are scored
        the same in a corpus of two or of a million."""
        common = common_direction()
        centred = vector - float(vector @ common) * common
        norm = float(np.linalg.norm(centred))
        return centred / norm if norm else centred

    def stories(self) -> list[Story]:
        """Closed stories (unless handed to ``on_close``) and open ones, oldest first."""
        return [*self._closed, *(s.closed() for s in (*self._resting, *self._open))]

    def close_all(self) -> None:
        """Close every open story (the end of the corpus)."""
        for story in (*self._resting, *self._open):
            self._hand_out(story)
        self._open, self._resting = [], []
        self._centroids = np.zeros((0, 0))
        self._cohesion = np.zeros(0)

    @property
    def open_stories(self) -> int:
        return len(self._open)

    def _add(self, analysis: Analysis, vector: np.ndarray) -> str:
        article = analysis.article
        published = article.published[:10] if article.published else None
        self._expire(published)
        names = actors(analysis)
        settings = self.settings
        phrases = quoted_phrases(analysis, settings.phrase_words, settings.phrase_content_words)
        weights = {n: self._rarity(n) for n in names}
        # At least one unseen actor's worth: an article naming only generic actors shares
        # little with a story even when the story names them all.
        floor = self._rarity("")
        # An undated piece has no days since the news to allow for: it joins as any article.
        opinion = published is not None and is_opinion(article)
        best = None
        best_margin = 0.0
        for index, closeness in self._within_reach(vector, published, opinion):
            story = self._open[index]
            score = closeness + self._evidence(weights, floor, phrases, story)
            margin = score - self._bar(published, story.reported, opinion)
            if margin >= best_margin:
                best, best_margin = index, margin
        if opinion:
            resting = self._resting_match(vector, weights, floor, phrases, published)
            if resting is not None and (best is None or resting[1] > best_margin):
                return self._attach(resting[0], article.id, published)
            if best is not None:
                return self._attach(self._open[best], article.id, published)
        if best is None:
            best = self._start(article.title, vector, published)
        self._join(best, article.id, article.title, vector, names, phrases, published)
        return self._open[best].id

    def _evidence(
        self, weights: dict[str, float], floor: float, phrases: frozenset[str], story: _OpenStory
    ) -> float:
        """What the article shares with a story besides the meaning of its lead: the
        weighted share of its actors the story names, and ``phrase_weight`` when it quotes a
        run of words the story's reports quote."""
        settings = self.settings
        quoted = settings.phrase_weight if not phrases.isdisjoint(story.phrases) else 0.0
        return settings.entity_weight * _shared(weights, floor, story) + quoted

    def _resting_match(
        self,
        vector: np.ndarray,
        weights: dict[str, float],
        floor: float,
        phrases: frozenset[str],
        published: str | None,
    ) -> tuple[_OpenStory, float] | None:
        """The resting story an opinion piece fits best, with its margin over the bar; None
        when it reaches the bar of none. Opinion pieces are few, so each resting story is
        scored on its own."""
        best = None
        for story in self._resting:
            closeness = float(story.centroid @ vector)
            score = closeness + self._evidence(weights, floor, phrases, story)
            margin = score - self._bar(published, story.reported, opinion=True)
            if margin >= (best[1] if best else 0.0):
                best = (story, margin)
        return best

    def _within_reach(
        self, vector: np.ndarray, published: str | None, opinion: bool = False
    ) -> list[tuple[int, float]]:
        """The open stories the article could join, as (index, closeness of meaning): an
        undated article is compared with the latest ``undated_open`` only, by its mean
        similarity to their articles, and a story whose closeness falls short of its bar even
        if it named all the article's actors and shared a quoted phrase is left out before its
        actors are looked at."""
        first = 0 if published is not None else max(0, len(self._open) - self.settings.undated_open)
        if first >= len(self._open):
            return []
        closeness = self._centroids[first:] @ vector
        if published is None:
            closeness = closeness * self._cohesion[first:]
        reach = self.settings.entity_weight + self.settings.phrase_weight
        return [
            (index, float(closeness[index - first]))
            for index in range(first, len(self._open))
            if closeness[index - first] + reach
            >= self._bar(published, self._open[index].reported, opinion)
        ]

    def _bar(self, published: str | None, last: str | None, opinion: bool = False) -> float:
        """The score an article needs to join a story: ``join_score``, raised for an undated
        article (nothing bounds it in time) and by ``join_score_per_day`` for each day between
        the story's last article and this one, so that a development days later joins only on
        strong evidence; for an opinion piece, which comes days later by its nature, by
        ``opinion_score_per_day``."""
        settings = self.settings
        if published is None:
            return settings.join_score + settings.undated_margin
        gap = _days_between(last, published)
        per_day = settings.opinion_score_per_day if opinion else settings.join_score_per_day
        return settings.join_score + per_day * max(0, gap)

    def _expire(self, published: str | None) -> None:
        """Take out of the window the stories whose last report is older than the window
        before ``published``: they rest, open to opinion pieces alone, until their last report
        is older than ``opinion_window_days`` too, and are then handed out."""
        if published is None:
            return
        settings = self.settings
        horizon = _shift(published, -settings.window_days)
        kept = [s.reported is None or s.reported >= horizon for s in self._open]
        if not all(kept):
            for story, keep in zip(self._open, kept, strict=True):
                if not keep:
                    # No longer open to news: its actors leave the counts of the window.
                    self._forget(story.actors.keys())
                    self._remember(frozenset(story.actors))
                    self._resting.append(story)
            self._open = [s for s, keep in zip(self._open, kept, strict=True) if keep]
            self._centroids = self._centroids[np.asarray(kept)]
            self._cohesion = self._cohesion[np.asarray(kept)]
        horizon = _shift(published, -max(settings.window_days, settings.opinion_window_days))
        done = [s.reported is not None and s.reported < horizon for s in self._resting]
        for story in (s for s, over in zip(self._resting, done, strict=True) if over):
            self._hand_out(story)
        self._resting = [s for s, over in zip(self._resting, done, strict=True) if not over]

    def _hand_out(self, story: _OpenStory) -> None:
        if self._on_close is not None:
            self._on_close(story.closed())
        else:
            self._closed.append(story.closed())

    def _start(self, title: str | None, vector: np.ndarray, published: str | None) -> int:
        """A new open story; its index among the open ones."""
        story = _OpenStory(
            id=f"s{self._next}",
            title=title,
            title_fit=-1.0,
            vector_sum=np.zeros_like(vector),
            actors=Counter(),
            first=published,
            last=published,
            reported=published,
        )
        self._next += 1
        self._open.append(story)
        if not self._centroids.size:
            self._centroids = np.zeros((0, len(vector)))
        self._centroids = np.vstack([self._centroids, np.zeros((1, len(vector)))])
        self._cohesion = np.append(self._cohesion, 0.0)
        return len(self._open) - 1

    def _join(
        self,
        index: int,
        article_id: str,
        title: str | None,
        vector: np.ndarray,
        names: set[str],
        phrases: frozenset[str],
        published: str | None,
    ) -> None:
        story = self._open[index]
        story.articles.append(article_id)
        story.vector_sum = story.vector_sum + vector
        self._centroids[index] = story.centroid
        self._cohesion[index] = story.cohesion
        story.phrases |= phrases
        self._story_frequency.update(names - story.actors.keys())
        story.actors.update(sorted(names))  # in one order, so that ties trim alike every run
        kept = self.settings.story_actors
        if len(story.actors) > kept * 2:
            trimmed = Counter(dict(story.actors.most_common(kept)))
            self._forget(story.actors.keys() - trimmed.keys())
            story.actors = trimmed
        story.dated(published)
        # The title is that of the article closest to the story's centre so far.
        fit = float(vector @ story.centroid)
        if title and fit > story.title_fit:
            story.title, story.title_fit = title, fit

    def _attach(self, story: _OpenStory, article_id: str, published: str | None) -> str:
        """An opinion piece joins a story as a comment on it: it counts among the story's
        articles and dates, and leaves its centre, actors, title and the date of its last
        report (from which the window runs) as the reports made them. The story's id."""
        story.articles.append(article_id)
        story.dated(published, report=False)
        return story.id

    def _forget(self, names: Iterable[str]) -> None:
        """One story fewer names each of ``names``; an actor no open story names is dropped,
        so the counts stay as small as the window."""
        for name in names:
            self._story_frequency[name] -= 1
            if self._story_frequency[name] <= 0:
                del self._story_frequency[name]

    def _remember(self, names: frozenset[str]) -> None:
        """Count the actors of a story that has left the window among the past stories,
        forgetting the oldest past story's beyond ``rarity_stories``."""
        if not self.settings.rarity_stories:
            return
        self._past.append(names)
        self._past_frequency.update(names)
        if len(self._past) > self.settings.rarity_stories:
            for name in self._past.popleft():
                self._past_frequency[name] -= 1
                if self._past_frequency[name] <= 0:
                    del self._past_frequency[name]

    def _rarity(self, name: str) -> float:
        """Inverse story frequency among the open stories and the last ``rarity_stories`` to
        have left the window (smoothed, so that the first stories of a corpus still weigh
        their actors): near zero for an actor most of them name, such as the White House in
        a month of American politics."""
        return math.log(
            (2 + len(self._open) + len(self._past))
            / (1 + self._story_frequency[name] + self._past_frequency[name])
        )


def group_stories(analyses: Iterable[Analysis], config: Config = DEFAULTS) -> list[Story]:
    """Stories of a set of articles: sorted by date (undated last), then grouped."""
    ordered = sorted(
        analyses, key=lambda a: (a.article.published is None, a.article.published or "")
    )
    grouper = StoryGrouper(config)
    for start in range(0, len(ordered), 256):
        grouper.add_many(ordered[start : start + 256])
    return grouper.stories()


def lead_text(analysis: Analysis, settings: StorySettings = DEFAULTS.stories) -> str:
    """Headline and first paragraphs (``lead_paragraphs``), cut at ``lead_words`` words."""
    article = analysis.article
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()][: settings.lead_paragraphs]
    words = " ".join([article.title or "", *paragraphs]).split()
    return " ".join(words[: settings.lead_words])


def actors(analysis: Analysis) -> set[str]:
    """The named actors of an article, folded so that outlets' spellings meet: lower case,
    no leading "the", and a person also by surname ("Obama" meets "Barack Obama")."""
    names = set()
    for entity in analysis.entities:
        if entity.kind not in ACTOR_KINDS:
            continue
        tokens = [t for t in _TOKEN.findall(entity.name.casefold()) if t != "the"]
        if not tokens:
            continue
        names.add(" ".join(tokens))
        if entity.kind == "PERSON" and len(tokens) > 1:
            names.add(tokens[-1])
    return names


def _shared(weights: dict[str, float], floor: float, story: _OpenStory) -> float:
    """Share of the article's actor weight, counted as at least ``floor``, that the story
    also names."""
    total = max(sum(weights.values()), floor)
    return sum(w for name, w in weights.items() if name in story.actors) / total


def _days_between(earlier: str | None, later: str) -> int:
    """Whole days from ``earlier`` to ``later`` (0 when either date cannot be read)."""
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat((earlier or later)[:10])).days
    except ValueError:
        return 0


def _shift(published: str, days: int) -> str:
    try:
        return (date.fromisoformat(published[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return published
