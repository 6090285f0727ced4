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
    version, None when the pipeline has none), the digest of the run's configuration and the
    settings that differ from the defaults (``{"section.key": value}``, values as JSON holds
    them)."""

    storydiff: str
    pipeline: str
    pipeline_version: str | None
    config: str
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "storydiff": self.storydiff,
            "pipeline": self.pipeline,
            "pipeline_version": self.pipeline_version,
            "config": self.config,
            "settings": dict(self.settings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Run:
        version = data.get("pipeline_version")
        return cls(
            str(data["storydiff"]),
            str(data["pipeline"]),
            None if version is None else str(version),
            str(data["config"]),
            dict(data.get("settings", {})),
        )
