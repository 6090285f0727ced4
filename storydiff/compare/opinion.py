"""Whether an article is an opinion piece: a comment on a story, not a report of it.

An op-ed or a column on an event comes a day or days after the news it answers, and argues
rather than reports, so its lead reads less like the story's than a news article's would; a
story should still take it in. Outlets say which of their pieces are opinion in the section
they file them under, and that section shows in the piece's web address
("/opinion/2017/04/...") or in front of its headline ("Opinion | ..."). The words are data
(``data/opinion.toml``, with where they come from); an article is an opinion piece when its
address or its title carries one of them, and nothing else about its text is guessed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlsplit

from storydiff.model import Article


@dataclass(frozen=True)
class OpinionMarks:
    """Path segments of opinion sections and the labels of opinion headlines."""

    url_sections: frozenset[str]
    title_label: re.Pattern[str]

    def marks(self, article: Article) -> bool:
        """Whether the article's web address or title says it is opinion."""
        path = urlsplit(article.url or "").path.casefold()
        if any(segment in self.url_sections for segment in path.split("/")):
            return True
        return bool(article.title and self.title_label.search(article.title))


@lru_cache(maxsize=1)
def opinion_marks() -> OpinionMarks:
    """The marks of ``data/opinion.toml``."""
    data = tomllib.loads(files("storydiff.compare").joinpath("data/opinion.toml").read_text())
    labels = "|".join(re.escape(label) for label in data["title_labels"])
    # A label ends with a colon or a bar in front of the headline ("Opinion: ...",
    # "Opinion | ..."), or stands alone after a bar at its end ("... | Opinion").
    title = re.compile(rf"^\s*(?:{labels})\s*[:|]|\|\s*(?:{labels})\s*$", re.IGNORECASE)
    return OpinionMarks(frozenset(s.casefold() for s in data["url_sections"]), title)


def is_opinion(article: Article) -> bool:
    """Whether an article is an opinion piece, by its web address or title."""
    return opinion_marks().marks(article)
