"""The corpus store: analysed articles in one SQLite file, ingest into it, and corrections
of what it says about them."""

from storydiff.store.ingest import DEFAULT_BATCH, IngestSummary
from storydiff.store.ingest import ingest as run_ingest
from storydiff.store.metadata import rename_outlet, set_metadata
from storydiff.store.schema import VERSION, SchemaError
from storydiff.store.store import Metadata, Store

__all__ = [
    "DEFAULT_BATCH",
    "VERSION",
    "IngestSummary",
    "Metadata",
    "SchemaError",
    "Store",
    "rename_outlet",
    "run_ingest",
    "set_metadata",
]
