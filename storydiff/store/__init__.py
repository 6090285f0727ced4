"""The corpus store: analysed articles in one SQLite file, and ingest into it."""

from storydiff.store.ingest import DEFAULT_BATCH, IngestSummary
from storydiff.store.ingest import ingest as run_ingest
from storydiff.store.schema import VERSION, SchemaError
from storydiff.store.store import Store

__all__ = ["DEFAULT_BATCH", "VERSION", "IngestSummary", "SchemaError", "Store", "run_ingest"]
