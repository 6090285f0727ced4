"""What produced an output: the ``run`` block of storydiff's JSON.

A reader who has only the JSON can tell which storydiff, which spaCy pipeline and which
configuration made it, and so whether two outputs are comparable. The block is made by
``storydiff.api.run_record`` from a configuration; the model only holds and reads it, so it
imports nothing of the configuration or the stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Run:
    """storydiff's version, the spaCy pipeline as its meta names it (``nlp.meta``: name and
    version, None when the pipeline has none; English's), the digest of the run's
    configuration, the settings that differ from the defaults (``{"section.key": value}``,
    values as JSON holds them) and the pipeline of each other language analysed in full
    (``languages``), so that a French article's analysis names the pipeline that made it."""

    storydiff: str
    pipeline: str
    pipeline_version: str | None
    config: str
    settings: dict[str, Any] = field(default_factory=dict)
    languages: tuple[LanguagePipeline, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "storydiff": self.storydiff,
            "pipeline": self.pipeline,
            "pipeline_version": self.pipeline_version,
            "languages": {
                p.language: {k: v for k, v in p.to_dict().items() if k != "language"}
                for p in self.languages
            },
            "config": self.config,
            "settings": dict(self.settings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Run:
        """A block written before ``languages`` existed names English's pipeline alone."""
        return cls(
            str(data["storydiff"]),
            str(data["pipeline"]),
            _version(data.get("pipeline_version")),
            str(data["config"]),
            dict(data.get("settings", {})),
            tuple(
                LanguagePipeline.from_dict({**p, "language": code})
                for code, p in sorted(data.get("languages", {}).items())
            ),
        )


@dataclass(frozen=True)
class LanguagePipeline:
    """The spaCy pipeline that analyses one language other than English, as its meta names
    it."""

    language: str
    pipeline: str
    pipeline_version: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "pipeline": self.pipeline,
            "pipeline_version": self.pipeline_version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LanguagePipeline:
        return cls(
            str(data["language"]), str(data["pipeline"]), _version(data.get("pipeline_version"))
        )


def _version(value: Any) -> str | None:
    return None if value is None else str(value)
