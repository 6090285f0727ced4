"""Where analysis runs, behind one interface: an ``Engine`` turns a stream of articles (and
the errors met reading them) into analyses, in input order, errors in their place.

``get_engine`` picks one by the name in an ``EngineSettings``: ``local`` (this process, or a
pool of worker processes) or ``ray`` (Ray Data, locally or on a cluster). Every engine runs the
same step on each batch (``batch.py``), so the choice changes where the work is done, never
what comes out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from storydiff.config import PipelineSettings
from storydiff.engines.local import LocalEngine
from storydiff.engines.ray_engine import RayEngine
from storydiff.engines.settings import LOCAL, EngineSettings
from storydiff.errors import Code, InputError, OptionError
from storydiff.model import Analysis, Article

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "LOCAL", "Engine", "EngineSettings", "get_engine"]


@runtime_checkable
class Engine(Protocol):
    def analyze(self, items: Iterable[Article | InputError]) -> Iterator[Analysis | InputError]:
        """The analysis of each article, in input order; an error passes through in its
        place, and an article that cannot be analysed becomes one (E013)."""
        ...


def get_engine(
    settings: EngineSettings = LOCAL,
    *,
    pipeline: PipelineSettings | str | None = None,
    progress: bool = False,
) -> Engine:
    """The engine ``settings`` names, loading ``pipeline`` (a configuration's pipeline section,
    with its components' settings, or a pipeline's name; the default English pipeline when
    None). ``progress`` shows the local engine's bar for an article long enough to be parsed
    in pieces. An unknown name is a ``ConfigError`` (an ``OptionError``, E023)."""
    if settings.name == "local":
        return LocalEngine(
            pipeline=pipeline,
            workers=settings.workers,
            batch_size=settings.batch_size,
            progress=progress,
        )
    if settings.name == "ray":
        return RayEngine(
            pipeline=pipeline,
            workers=settings.workers,
            batch_size=settings.batch_size,
            address=settings.address,
        )
    raise OptionError(Code.E023, kind="engine", name=settings.name, known=", ".join(ENGINES))
