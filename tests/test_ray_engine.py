"""The Ray engine: the same analyses as the local engine, in the same order, on a local Ray;
and a clear message where Ray is not installed."""

from __future__ import annotations

import importlib.util
import json
import sys

import pyarrow.parquet as pq
import pytest

from storydiff import api
from storydiff.engines import EngineSettings, get_engine
from storydiff.errors import Code, ConfigError, InputError
from storydiff.store import Store, run_ingest

from .conftest import SEEDS

STYLES = SEEDS.parent / "styles"
REPO = SEEDS.parents[2]
# SEESAW (three outlets' reports of each story), read where the evaluation data sits beside the
# repository; its texts are never copied into it.
SEESAW = REPO.parent / "shared" / "eval-data" / "seesaw"
SEESAW_ARTICLES = 300
SUBJECTS = ["council", "harbour", "railway", "hospital", "university", "airport", "museum"]


def _corpus(tmp_path, count: int):
    """``count`` short made-up reports, each with a quote, and one broken line."""
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for k in range(count):
            subject = SUBJECTS[k % len(SUBJECTS)]
            text = (
                f"The {subject} in district {k} reopened on Monday after {k % 9 + 2} weeks of "
                f'repairs. "We are proud of the crews," said Maria Lopez, the {subject} director. '
                f"Officials said {k * 10 + 5} residents attended the ceremony."
            )
            stream.write(json.dumps({"text": text, "title": f"{subject} {k}"}) + "\n")
        stream.write("{broken\n")
    return path


def _seesaw_articles() -> list:
    """The first SEESAW articles, cleaned, where the evaluation data is present."""
    if not SEESAW.is_dir():
        return []
    spec = importlib.util.spec_from_file_location("seesaw", REPO / "benchmarks" / "stories.py")
    reader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reader)
    documents, _ = reader.seesaw_documents(SEESAW)
    return list(api.clean_documents(documents[:SEESAW_ARTICLES]))


def test_ray_gives_the_local_engines_analyses_in_the_same_order(tmp_path):
    from storydiff.engines.ray_engine import analyze_with_ray

    inputs = [str(SEEDS), str(STYLES), str(_corpus(tmp_path, 200))]
    seesaw = _seesaw_articles()

    def articles():
        yield from api.read(inputs)
        yield from seesaw

    local = list(api.analyze_stream(articles()))
    on_ray = list(analyze_with_ray(articles(), workers=2))
    assert len(on_ray) == len(local) == 2 + len(list(STYLES.iterdir())) + 201 + len(seesaw)
    assert not SEESAW.is_dir() or len(seesaw) == SEESAW_ARTICLES
    for mine, theirs in zip(on_ray, local, strict=True):
        if isinstance(theirs, InputError):
            assert (mine.source, mine.code) == (theirs.source, theirs.code)
        else:
            assert mine.to_dict() == theirs.to_dict()
    # And into a store, as ingest --engine ray does it: the Ray engine picked by name.
    engine = get_engine(EngineSettings("ray", workers=2))
    with Store(tmp_path / "c.db") as store:
        summary = run_ingest(api.read([str(SEEDS)]), store, engine.analyze)
        assert (summary.new, store.count()) == (2, 2)
    # And to Parquet, one analysis a row.
    from storydiff.engines.ray_engine import write_parquet_with_ray

    path = tmp_path / "analyses.parquet"
    assert write_parquet_with_ray(api.read([str(SEEDS)]), str(path), workers=1) == 2
    table = pq.read_table(path)
    assert table.column("outlet").to_pylist() == ["Sky News", "Sputnik International"]
    assert json.loads(table.column("analysis")[0].as_py()) == local[0].to_dict()


def test_without_ray_the_error_says_how_to_install_it(monkeypatch):
    from storydiff.engines import ray_engine

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ConfigError) as caught:
        list(ray_engine.analyze_with_ray([]))
    assert caught.value.code is Code.E019 and "pip install 'storydiff[ray]'" in str(caught.value)


def test_a_run_is_split_so_the_actors_end_together():
    from storydiff.engines.ray_engine import TASKS_PER_WORKER, task_count

    # Short runs: at least TASKS_PER_WORKER tasks an actor, one article each at the least.
    assert task_count(300, 2, 32) == 2 * TASKS_PER_WORKER
    assert task_count(3, 2, 32) == 3
    # Long runs: no task larger than the batch size.
    assert task_count(10_000, 2, 32) == -(-10_000 // 32)
    assert task_count(1, 1, 32) == 1


class _BatchLength:
    def __call__(self, batch):
        return {"length": [len(batch["n"])]}


def test_ray_hands_each_block_to_an_actor_as_one_task():
    """The engine relies on this: with batch_size=None, Ray Data neither bundles blocks nor
    splits them, so a run has exactly the tasks ``task_count`` planned."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        # 62 rows in 6 blocks: some of 11 rows, some of 10 (a batch size of 11 would bundle two
        # blocks of 10 into one task).
        rows = [{"n": k} for k in range(62)]
        lengths = (
            ray.data.from_items(rows, override_num_blocks=6)
            .map_batches(
                _BatchLength,
                batch_size=None,
                compute=ray.data.ActorPoolStrategy(size=2, max_tasks_in_flight_per_actor=1),
                num_cpus=1,
            )
            .take_all()
        )
    finally:
        ray.shutdown()
    assert sorted(row["length"] for row in lengths) == [10, 10, 10, 10, 11, 11]
