"""Where analysis runs, as one value: the engine's name and its options.

A frozen value rather than loose keyword arguments, so that the command line, the Python API
and a configuration file can all hand the same choice to ``get_engine`` and record it as it
was made. It imports no engine, so a configuration can hold it; ``get_engine`` checks the name.
"""

from __future__ import annotations

from dataclasses import dataclass

# spaCy's batch, and the articles sent to a worker process or a Ray task at a time: large
# enough that sending work costs little beside analysing it, small enough to spread evenly.
DEFAULT_ENGINE_BATCH = 32


@dataclass(frozen=True)
class EngineSettings:
    """``name``: ``local`` (this process, or a pool of worker processes) or ``ray`` (Ray
    Data). ``workers``: worker processes, or Ray actors; 1 analyses in this process.
    ``address``: the Ray cluster to join (``ray://host:10001`` or ``auto``); None starts a
    local Ray. ``batch_size``: articles per spaCy batch and per unit of work handed out."""

    name: str = "local"
    workers: int = 1
    address: str | None = None
    batch_size: int = DEFAULT_ENGINE_BATCH


LOCAL = EngineSettings()
