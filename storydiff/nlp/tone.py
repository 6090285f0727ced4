"""Tone of a sentence, as an estimate: VADER's lexicon and rules (Hutto and Gilbert, ICWSM 2014).

VADER scores words people rate as positive or negative and adjusts for negation, intensifiers
and punctuation. It was built for social media, not news, so its scores are a rough signal of
how charged a sentence's wording is, never a verdict; the output labels it so. The lexicon
ships inside the ``vaderSentiment`` package, so nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

TONE_METHOD = "estimate: VADER lexicon compound score, -1 (negative) to +1 (positive)"


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone_of(text: str) -> float:
    """VADER's compound score of a text, rounded: -1 most negative, +1 most positive."""
    return round(float(_analyzer().polarity_scores(text)["compound"]), 3)


def mean_tone(scores: list[float]) -> float | None:
    return round(sum(scores) / len(scores), 3) if scores else None
