"""The data model: what each stage of the flow hands to the next.

Every object is a frozen dataclass so that a stage cannot quietly change what an earlier stage
produced, and every object serialises to the JSON of INTERFACE.md (``to_dict``) and back
(``from_dict``) so that results can be stored, diffed and re-rendered without re-analysis:
``X.from_dict(x.to_dict()) == x``.

All positions are character offsets into ``Article.text`` (0-based, end exclusive, Python
``str`` indices), so that every finding can be highlighted in the article's own words; only a
``Headline``'s index ``Article.title``, which is analysed as a text of its own.

The package holds one module a stage's output: ``article`` (what reading and cleaning give),
``findings`` (what the NLP stage finds), ``analysis``, ``comparison`` and ``tables`` (what
comparing gives), ``story`` (a corpus's stories), ``run`` (what produced an output) and
``schema`` (the JSON itself). Import from ``storydiff.model``; the modules are how it is laid
out, not part of the interface.
"""

from storydiff.model.analysis import Analysis, Headline
from storydiff.model.article import (
    REPLACED_SURROGATES,
    Article,
    Document,
    ReadWarning,
    RemovedLine,
    Span,
    Text,
    article_id,
    counted,
    paragraph_ranges,
    where,
)
from storydiff.model.comparison import (
    EVIDENCE_FLAGS,
    Comparison,
    Copy,
    Evidence,
    Finding,
    Point,
    StatementRef,
)
from storydiff.model.findings import (
    Date,
    DateRange,
    Entity,
    Label,
    Number,
    Quantity,
    Quote,
    Speaker,
    Statement,
)
from storydiff.model.run import LanguagePipeline, Run
from storydiff.model.schema import SCHEMA, check_schema, to_json
from storydiff.model.story import Story, StoryArticle, StoryRecord
from storydiff.model.tables import Actor, ActorFraming, FigureRow, SourceCount, TermCount

__all__ = [
    "EVIDENCE_FLAGS",
    "REPLACED_SURROGATES",
    "SCHEMA",
    "Actor",
    "ActorFraming",
    "Analysis",
    "Article",
    "Comparison",
    "Copy",
    "Date",
    "DateRange",
    "Document",
    "Entity",
    "Evidence",
    "FigureRow",
    "Finding",
    "Headline",
    "Label",
    "Number",
    "Point",
    "Quantity",
    "Quote",
    "ReadWarning",
    "RemovedLine",
    "LanguagePipeline",
    "Run",
    "SourceCount",
    "Span",
    "Speaker",
    "Statement",
    "StatementRef",
    "Story",
    "StoryArticle",
    "StoryRecord",
    "TermCount",
    "Text",
    "article_id",
    "check_schema",
    "counted",
    "paragraph_ranges",
    "to_json",
    "where",
]
