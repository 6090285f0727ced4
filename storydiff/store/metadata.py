"""Correcting what a store says about its articles: an article's outlet, date, title and URL,
and an outlet's name across the store.

A correction is checked before anything is written (a date that is not a date is an error
naming the value), goes into the store in one transaction, and regroups the store's stories
when it changes what grouping reads (an outlet, a date or a title). Grouping reads the whole
store, so a script correcting many articles passes ``regroup=False`` and groups once at the
end (``group_store``; on the command line, ``storydiff stories --store FILE``).
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from storydiff.config import DEFAULTS, Config
from storydiff.errors import Code, OptionError, StorydiffError
from storydiff.store.grouping import group_store
from storydiff.store.store import GROUPING_FIELDS, Metadata, Store


def set_metadata(
    store: Store,
    article_id: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    regroup: bool = True,
    config: Config = DEFAULTS,
) -> frozenset[str]:
    """Give one stored article the metadata given (None leaves a field as it is); returns
    the fields that changed. E032 when the store has no such article; an OptionError (E024)
    for a value that cannot be the field's (an empty one, a date that is not an ISO date, a
    URL without a host). Stories are regrouped by ``config``'s settings."""
    metadata = _checked(Metadata(outlet, published, title, url))
    changed = store.revise([(article_id, metadata)])[0]
    if changed is None:
        raise StorydiffError(Code.E032, article_id=article_id, store=store.path.name)
    if regroup and changed & GROUPING_FIELDS:
        group_store(store, config=config)
    return changed


def rename_outlet(
    store: Store, old: str, new: str, *, regroup: bool = True, config: Config = DEFAULTS
) -> int:
    """Call every article of outlet ``old`` by the outlet ``new``; returns how many changed.
    E033 when no article has outlet ``old``."""
    _checked(Metadata(outlet=new))
    renamed = store.rename_outlet(old, new) if old != new else 0
    if not renamed and not store.query("SELECT 1 FROM articles WHERE outlet = ?", (old,)):
        raise StorydiffError(Code.E033, store=store.path.name, outlet=old)
    if regroup and renamed:
        group_store(store, config=config)
    return renamed


def _checked(metadata: Metadata) -> Metadata:
    """The metadata, if every value given can be that field's (an OptionError, E024,
    otherwise)."""
    for field, value in metadata.given().items():
        if not value.strip():
            raise _bad(field, "a value", value)
    if metadata.published is not None and not _is_date(metadata.published):
        expected = "an ISO date (2024-05-06) or date and time (2024-05-06T14:30:00+00:00)"
        raise _bad("published", expected, metadata.published)
    if metadata.url is not None and not _has_host(metadata.url):
        raise _bad("url", "a URL with a host (https://example.com/story)", metadata.url)
    return metadata


def _bad(field: str, expected: str, value: str) -> OptionError:
    return OptionError(Code.E024, option=field, expected=expected, value=repr(value))


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _has_host(value: str) -> bool:
    try:
        return bool(urlsplit(value).hostname)
    except ValueError:
        return False
