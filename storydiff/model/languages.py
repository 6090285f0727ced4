"""Languages by their ISO 639-1 code, with the English names a report shows (from the ISO
639-1 code list), and what an analysis in a language without a full pipeline covers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGE_NAMES: dict[str, str] = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sr": "Serbian",
    "sv": "Swedish",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
}


def language_name(code: str) -> str:
    """The language's English name, or its code when the list does not hold it."""
    return LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True)
class Coverage:
    """Which parts of an analysis ran, so that a reader never takes a finding that was not
    looked for as one the article lacks. English gets everything (``FULL``); another language
    with a pipeline everything but tone (``BEYOND_ENGLISH``), and figures written in words
    and dates only when its word lists hold them; any other quotes found by quotation marks
    alone (no cue, no speaker), figures written in digits alone, and no entities, dates,
    labels or tone (``REDUCED``)."""

    entities: bool = True
    quotes: bool = True
    quote_speakers: bool = True
    quantities: bool = True
    number_words: bool = True
    dates: bool = True
    labels: bool = True
    tone: bool = True

    @property
    def full(self) -> bool:
        return all(getattr(self, name) for name in self.__dataclass_fields__)

    def note(self, language: str) -> str | None:
        """What a report says next to the article: "Russian: quotes and figures only"; None
        for a full analysis."""
        if self.full:
            return None
        name = language_name(language)
        if not (self.entities or self.labels):
            ran = [w for w, on in (("quotes", self.quotes), ("figures", self.quantities)) if on]
            return f"{name}: {' and '.join(ran)} only" if ran else f"{name}: not analysed"
        missing = [
            what
            for what, on in (
                ("speakers", self.quote_speakers),
                ("figures in words", self.number_words),
                ("dates", self.dates),
                ("tone", self.tone),
            )
            if not on
        ]
        return f"{name}: no {', no '.join(missing)}"

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Coverage:
        """A record without the block (written before it existed) was analysed in full."""
        known = cls.__dataclass_fields__
        return cls(**{k: bool(v) for k, v in (data or {}).items() if k in known})


FULL = Coverage()
# What ``storydiff.nlp.reduced`` finds in an article in a language without a pipeline.
REDUCED = Coverage(
    entities=False, quote_speakers=False, number_words=False, dates=False, labels=False, tone=False
)
# French and the other languages analysed in full, but for tone, whose lexicon (VADER's) is
# English only. Figures in words are read where the language's word-list file has a
# ``[numbers]`` table, and dates where it has a ``[dates]`` table (French's has both); the
# analysis sets ``number_words`` and ``dates`` from them.
BEYOND_ENGLISH = Coverage(tone=False)
