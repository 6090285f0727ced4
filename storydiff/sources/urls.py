"""URLs an input gives (a record's ``url``, a feed entry's link, a WARC target), checked where
they are read.

A URL Python cannot parse ("http://[example]/story" raises "Invalid IPv6 URL") would otherwise
fail later, in the cleaner or the HTML extractor, where it is no longer one record's error.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from storydiff.errors import Code, InputError


def checked_url(url: str | None, where: str, field: str = "url") -> str | None:
    """``url`` unchanged when Python can parse it (host and port included); else E015."""
    if url is None:
        return None
    try:
        parts = urlsplit(url)
        _ = parts.hostname, parts.port
    except ValueError as error:
        raise InputError(
            where, Code.E015, field=field, expected="a URL", detail=f"{url!r} ({error})"
        ) from error
    return url
