"""The comparison's tables: who each outlet quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SourceCount:
    """How often one outlet quotes one speaker."""

    speaker: str | None
    quotes: int
    entity: str | None = None
    roles: tuple[str, ...] = ()
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "quotes": self.quotes,
            "entity": self.entity,
            "roles": list(self.roles),
            "actor": self.actor,
        }
