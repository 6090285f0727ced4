"""What each headline says, in words a reader can take in beside it: whom it quotes, the
terms it uses for groups of actors and in which voice, the figures it gives.

Shared by the HTML and Markdown reports; plain strings, each renderer escapes them.
"""

from __future__ import annotations

from collections.abc import Mapping

from storydiff.model import Headline
from storydiff.render.common import VOICE_LABELS, speaker_name


def headline_notes(headline: Headline | None, names: Mapping[str, str]) -> list[str]:
    """One phrase for each kind of finding in the headline, none when it has none. ``names``
    maps a label's actor to the comparison's name for it (``actor_names``)."""
    if headline is None:
        return []
    notes = []
    speakers = list(dict.fromkeys(speaker_name(q) for q in headline.quotes))
    if speakers:
        notes.append("quotes " + ", ".join(speakers))
    terms = [
        f"“{label.text}” {VOICE_LABELS.get(label.voice, label.voice)} "
        f"({names.get(label.actor, label.actor)})"
        for label in headline.labels
    ]
    if terms:
        notes.append("terms: " + "; ".join(terms))
    figures = [quantity.text for quantity in headline.quantities]
    if figures:
        notes.append("figures: " + "; ".join(figures))
    return notes
