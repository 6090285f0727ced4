"""The static embedding backend: bundled weights, offline loading, and what its scores mean."""

from __future__ import annotations

import functools
import logging
import socket
import sys
import threading

import pytest

from storydiff.compare import embeddings
from storydiff.compare.embeddings import static_embedding_similarity
from storydiff.compare.similarity import get_backend, similarity_backends, tfidf_similarity
from storydiff.errors import Code, ConfigError

from .conftest import SEEDS

PARAPHRASE = [
    "Government troops are preparing to storm the city.",
    "The army is getting ready to attack the town.",
    "The central bank raised interest rates by a quarter point.",
]


@pytest.fixture
def fresh_model():
    """Forget the loaded model before and after, so the test sees a load of its own."""
    embeddings._loaded_model.cache_clear()
    yield
    embeddings._loaded_model.cache_clear()


def test_registered_under_a_versioned_name():
    assert similarity_backends.get("storydiff.similarity.static.v1") is static_embedding_similarity
    assert get_backend("storydiff.similarity.static.v1").score is static_embedding_similarity


def test_the_hybrid_backend_averages_the_lexical_and_the_semantic_scores():
    hybrid = get_backend("storydiff.similarity.hybrid.v1")(PARAPHRASE)
    lexical, semantic = tfidf_similarity(PARAPHRASE), static_embedding_similarity(PARAPHRASE)
    assert hybrid[0][1] == pytest.approx((lexical[0][1] + semantic[0][1]) / 2)
    assert hybrid[0][1] > hybrid[0][2]


def test_loads_from_the_package_with_the_network_cut(fresh_model, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the static embedding model tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    matrix = static_embedding_similarity(PARAPHRASE)
    assert len(matrix) == 3


def test_a_matrix_of_cosines_in_the_unit_interval():
    texts = [*PARAPHRASE, "", "   "]
    matrix = static_embedding_similarity(texts)
    assert len(matrix) == len(texts) and all(len(row) == len(texts) for row in matrix)
    for i, row in enumerate(matrix):
        for j, score in enumerate(row):
            assert isinstance(score, float)
            assert 0.0 <= score <= 1.0
            assert score == pytest.approx(matrix[j][i])
    for i in range(3):
        assert matrix[i][i] == pytest.approx(1.0, abs=1e-6)
    # A text with no words has no direction: it matches nothing, not even itself.
    for empty in (3, 4):
        assert not any(matrix[empty]) and not any(row[empty] for row in matrix)
    assert static_embedding_similarity([]) == []


def test_meets_a_paraphrase_that_shares_no_word():
    lexical, semantic = tfidf_similarity(PARAPHRASE), static_embedding_similarity(PARAPHRASE)
    assert lexical[0][1] == 0.0
    assert semantic[0][1] > 0.3
    assert semantic[0][1] > 5 * max(semantic[0][2], semantic[1][2])


def test_the_strongest_seed_pair_is_a_gold_pair_of_the_stronghold_point(gold, seed_analyses):
    names = ["000_5988aafb84cd7969.txt", "001_4776b1b0b6ff724a.txt"]
    sky, sputnik = ([s.text for s in seed_analyses[n].statements] for n in names)
    matrix = get_backend("storydiff.similarity.static.v1")([*sky, *sputnik])
    _, i, j = max(
        (matrix[i][len(sky) + j], i, j) for i in range(len(sky)) for j in range(len(sputnik))
    )
    point = gold["comparison"]["same_point"][0]
    assert point["point"] == "Idlib is the last stronghold of the armed opposition"
    for text, name, prefix in ((sky[i], names[0], "000"), (sputnik[j], names[1], "001")):
        raw = (SEEDS / name).read_text(encoding="utf-8").split("\n")
        assert any(" ".join(text.split()) in " ".join(raw[n - 1].split()) for n in point[prefix])


def test_loading_leaves_the_logging_setup_alone(fresh_model):
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    static_embedding_similarity(["one text"])
    assert (list(root.handlers), root.level) == before


def test_a_missing_package_says_how_to_install_it(fresh_model, monkeypatch):
    monkeypatch.setitem(sys.modules, "wordllama", None)  # import wordllama raises ImportError
    with pytest.raises(ConfigError, match=r"pip install storydiff\[semantic\]") as missing:
        static_embedding_similarity(["one text"])
    assert missing.value.code is Code.E025


def test_a_load_asked_for_by_two_threads_at_once_is_made_once(fresh_model, monkeypatch):
    loads = []
    real = embeddings._loaded_model.__wrapped__

    def counted():
        loads.append(1)
        return real()

    monkeypatch.setattr(embeddings, "_loaded_model", functools.lru_cache(maxsize=1)(counted))
    embeddings.common_direction.cache_clear()
    threads = [threading.Thread(target=embeddings.warm_up) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1 and embeddings.common_direction().shape == (256,)
