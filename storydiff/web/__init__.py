"""A local web app over a corpus store, built on Datasette: stories, a story's comparison and
coverage, outlets, actors, labels, trends and the sentences behind every number.

It sits above ``store/`` and ``render/``: ``queries`` asks the store (read-only) and returns
typed rows, ``pages`` turns them into Datasette routes (HTML and JSON), ``plugin`` registers
those with Datasette, and ``app`` checks the store and starts the server. Datasette is an
optional dependency (``storydiff[web]``); this package imports it only where it serves.
"""
