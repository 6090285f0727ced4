"""A short, seeded run of the fuzzing harness (``benchmarks/fuzz.py``): generated hostile
input of every kind through every reader, the cleaner and, for a sample, analysis, the store
and every renderer, with no crash, no hang and every failure a coded error naming its input.
The long run the README quotes is the same harness with more inputs."""

from __future__ import annotations

import time

from .benchmark_scripts import load

fuzz = load("fuzz")


def test_a_seeded_run_of_hostile_inputs_has_no_crash_and_no_hang(tmp_path):
    tally = fuzz.run(300, 20240501, analyse_every=25, keep=tmp_path / "kept")
    assert tally.bad == []
    assert (tally.crashes, tally.hangs, tally.tried) == (0, 0, 300)
    assert set(tally.kinds) == set(fuzz.GENERATORS)  # every generator had its turn
    assert tally.analysed > 0 and tally.articles > tally.analysed
    # Hostile input is mostly refused, each time with a code of the catalogue.
    assert tally.outcomes["failed"] > 0 and all(code.startswith("E") for code in tally.codes)
    assert not list((tmp_path / "kept").glob("*"))


def test_an_input_over_the_time_cap_is_a_hang_reported_with_its_seed_and_kept(
    tmp_path, monkeypatch
):
    def stuck(case, *rest):
        time.sleep(60)

    monkeypatch.setattr(fuzz, "check", stuck)
    case = fuzz.Case("hostile article", "page.txt", b"Valley floods")
    tally = fuzz.run(1, 7, time_cap=0.5, keep=tmp_path, replay=[case])
    assert (tally.hangs, tally.crashes) == (1, 0)
    (report,) = tally.bad
    assert report.startswith("HANG: seed 7, input #0 (hostile article") and "over 0.5 s" in report
    (kept,) = tmp_path.iterdir()
    assert kept.read_bytes() == b"Valley floods"
