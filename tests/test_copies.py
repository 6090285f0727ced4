"""Copies at corpus scale: MinHash LSH finds wire copies and light edits, not independent
reports, and forgets articles that fall out of its time window."""

from __future__ import annotations

import random

from storydiff.compare.copies import CopyFinder, containment, shingles
from storydiff.config import DEFAULTS

WIRE = (
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents to "
    "leave their homes as rescue teams worked through the night. The regional governor said "
    "emergency shelters had been opened in three towns and that the army would help with the "
    "evacuation. Forecasters expect more rain over the coming days, and officials warned that "
    "two dams upstream were close to their limits."
)
EDITED = "By our correspondent. " + WIRE.replace("Monday", "Monday evening").replace(
    "three towns", "several towns"
)
INDEPENDENT = (
    "Residents of the northern valley spent a sleepless night as the river burst its banks, "
    "our reporter saw. Shelters were crowded, and many families said they had received no "
    "warning before the water reached their doors. The governor promised an inquiry into why "
    "the alarms did not sound, while the army sent lorries to carry people to higher ground."
)


def test_a_lightly_edited_wire_copy_is_found_and_an_independent_report_is_not():
    finder = CopyFinder()
    assert finder.add("wire", WIRE, "2024-05-01") is None
    copy = finder.add("edited", EDITED, "2024-05-01")
    assert copy is not None and copy.copy_of == "wire"
    exact = containment(shingles(EDITED), shingles(WIRE))
    assert abs(copy.containment - exact) < 0.2
    assert finder.add("independent", INDEPENDENT, "2024-05-02") is None


def _distinct_text(seed: int) -> str:
    """Forty words no other seed's text shares in order: an independent article."""
    words = WIRE.split() + INDEPENDENT.split()
    random.Random(seed).shuffle(words)
    return " ".join(words[:40])


def test_articles_out_of_the_window_are_forgotten():
    finder = CopyFinder(DEFAULTS.with_values({"copies.window_days": 3, "copies.undated_window": 2}))
    finder.add("wire", WIRE, "2024-05-01")
    assert finder.add("late", EDITED, "2024-05-09") is None  # the origin fell out of the window
    for day in range(10, 30):
        assert finder.add(f"story-{day}", _distinct_text(day), f"2024-05-{day:02d}") is None
    assert len(finder) == 4  # the 26th to the 29th: the window's four days
    for k in range(5):
        finder.add(f"undated-{k}", _distinct_text(100 + k), None)
    assert len(finder) == 4 + 2
