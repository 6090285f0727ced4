"""Semantic similarity from a static embedding model whose weights ship inside a package.

The model is WordLlama's ``l2_supercat`` at 256 dimensions (MIT licence): one table of token
vectors, trained from the token embeddings of large language models, with the tokenizer that
goes with it. Both files are in the ``wordllama`` wheel, so nothing is fetched at run time and
no torch is needed: a text's vector is the mean of its tokens' vectors, and two texts are as
alike as the cosine of their vectors. Static vectors meet paraphrases that share no word
("stronghold" / "bastion"), which TF-IDF cannot, but they know no word order.

Loading takes about a second and is done once per process; 1,000 sentences embed in about a
tenth of a second on one CPU core.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol, cast

import numpy as np

from storydiff.errors import Code, ConfigError

MODEL = "wordllama==0.4.0.post1 l2_supercat 256"
_PACKAGE = "wordllama==0.4.0.post1"


class _Encoding(Protocol):
    """One text as the model's tokenizer encodes it (a ``tokenizers.Encoding``)."""

    @property
    def ids(self) -> list[int]: ...

    @property
    def attention_mask(self) -> list[int]: ...


class _Model(Protocol):
    """What storydiff uses of a loaded ``WordLlama`` (wordllama has no type hints)."""

    # The table of token vectors, one row per token of the vocabulary.
    embedding: np.ndarray

    def tokenize(self, texts: list[str]) -> list[_Encoding]: ...

    def embed(self, texts: list[str], norm: bool) -> np.ndarray: ...


_LOADING = threading.Lock()


def warm_up() -> None:
    """Load the model and what every text's vector is corrected by now, rather than in the
    first comparison (a web app does this as it starts, so that the first story a reader
    opens does not wait for it)."""
    common_direction()


def _model() -> _Model:
    """The model, loaded once; a second thread that asks for it meanwhile waits for that
    load rather than making its own."""
    with _LOADING:
        return _loaded_model()


@lru_cache(maxsize=1)
def _loaded_model() -> _Model:
    """The model, loaded from the files inside the installed package; never downloads."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as error:
        raise ConfigError(
            Code.E025,
            feature="the static embedding backend",
            package="wordllama",  # it ships the model's weights
            install=f"storydiff[semantic] (or pip install {_PACKAGE})",
        ) from error
    finally:
        # Importing wordllama calls logging.basicConfig(level=INFO); undo that so that a
        # library import does not change what the application logs.
        root.handlers[:] = handlers
        root.setLevel(level)
    package = Path(wordllama.__file__).parent
    # WordLlama.load looks for the bundled tokenizer in tokenizer/ but the wheel has it in
    # tokenizers/, where the cache layout expects it: with the package folder as the cache,
    # load finds both bundled files, and disable_download makes a missing file an error
    # instead of a request to the network.
    try:
        model = WordLlama.load(
            config="l2_supercat", dim=256, cache_dir=package, disable_download=True
        )
        return cast(_Model, model)
    except (FileNotFoundError, OSError, ValueError) as error:
        raise ConfigError(
            Code.E026,
            what="the static embedding model",
            place=package,
            detail=error,
            package=_PACKAGE,
        ) from error


class CosineIndex:
    """Cosine similarity, clipped to [0, 1], of rows of unit vectors, handed out a block of
    rows at a time: the comparison reads every statement's similarity with every other, and
    a block at a time keeps its memory in proportion to the statements."""

    def __init__(self, unit: np.ndarray) -> None:
        self.unit = unit

    def __len__(self) -> int:
        return len(self.unit)

    def rows(self, start: int, stop: int) -> np.ndarray:
        """The similarity of statements ``start`` to ``stop`` (exclusive) with every one."""
        block: np.ndarray = self.unit[start:stop] @ self.unit.T
        return np.clip(block, 0.0, 1.0, out=block)


def static_embedding_index(texts: Sequence[str]) -> CosineIndex:
    """The texts' mean token vectors, to compare by cosine."""
    return CosineIndex(unit_vectors(texts) if texts else np.zeros((0, 0)))


def static_embedding_similarity(texts: Sequence[str]) -> list[list[float]]:
    """Cosine similarity of the texts' mean token vectors, clipped to [0, 1].

    A text with no token (empty, or white space only) has no direction and scores 0 with
    every text, itself included; every other text scores 1 with itself.
    """
    matrix: list[list[float]] = static_embedding_index(texts).rows(0, len(texts)).tolist()
    return matrix


def weighted_embedding_index(texts: Sequence[str]) -> CosineIndex:
    """The texts' token vectors averaged with inverse document frequency weights over the
    texts themselves, the model's common direction projected out, to compare by cosine.

    A plain mean is dominated by the tokens every sentence has; weighting by rarity (as
    TF-IDF does for words, and Arora et al. 2017 for embeddings) lets the tokens that say what
    is particular about a sentence decide, while still meeting paraphrases that share no
    word."""
    if not texts:
        return CosineIndex(np.zeros((0, 0)))
    model = _model()
    encoded = model.tokenize([text if text.strip() else "" for text in texts])
    table = np.asarray(model.embedding)  # the model's own table, not a float64 copy
    ids = [
        np.clip(np.asarray(e.ids)[np.asarray(e.attention_mask) > 0], 0, len(table) - 1)
        for e in encoded
    ]
    frequency: dict[int, int] = {}
    for row in ids:
        for token in set(row.tolist()):
            frequency[token] = frequency.get(token, 0) + 1
    n = len(texts)
    vectors = np.zeros((n, table.shape[1]))
    for k, row in enumerate(ids):
        if len(row):
            weights = np.log((n + 1) / np.asarray([frequency[t] for t in row.tolist()]))
            vectors[k] = weights @ table[row]
    common = common_direction()
    return CosineIndex(unit_rows(vectors - np.outer(vectors @ common, common)))


@lru_cache(maxsize=1)
def common_direction() -> np.ndarray:
    """The unit direction of the mean of the model's token vectors: what every text's
    embedding has in common."""
    table = token_vectors()
    norms = np.linalg.norm(table, axis=1, keepdims=True)
    mean = np.divide(table, norms, out=np.zeros_like(table), where=norms > 0).mean(axis=0)
    direction: np.ndarray = mean / np.linalg.norm(mean)
    return direction


def unit_vectors(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text (all zeros for a text with no token)."""
    # A white-space-only text would still be one token (the space): make it empty.
    cleaned = [text if text.strip() else "" for text in texts]
    return unit_rows(np.asarray(_model().embed(cleaned, norm=False), dtype=np.float64))


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to unit length; a row of zeros stays zeros."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return unit


def token_vectors() -> np.ndarray:
    """The model's table of token vectors (one row per token of its vocabulary)."""
    return np.asarray(_model().embedding, dtype=np.float64)
