"""Storing a clinic's document and answering its questions (the database side)."""
from __future__ import annotations

import asyncio
import secrets

import numpy as np

from ..errors import invalid
from . import answers, catalogue, understanding, words
from .embeddings import Embedder, embed_cached

MAX_PDF_BYTES = 5_000_000


def _vector(v: np.ndarray) -> str:
    return "[" + ",".join(f"{x:.6f}" for x in v) + "]"


async def add_document(conn, org_id: str, filename: str, data: bytes, embedder: Embedder) -> dict:
    if len(data) > MAX_PDF_BYTES:
        raise invalid([{"loc": "file", "msg": f"larger than {MAX_PDF_BYTES // 1_000_000} MB"}])
    if not data.startswith(b"%PDF-"):
        raise invalid([{"loc": "file", "msg": "not a PDF"}])
    try:
        document = await asyncio.to_thread(catalogue.read, data)
    except catalogue.NotAProcedureList as exc:
        raise invalid([{"loc": "file", "msg": str(exc)}]) from None
    texts = [(p, t) for p in document.procedures for t in [p.passage(), *p.sentences()]]
    vectors = await asyncio.to_thread(embed_cached, embedder, [t for _, t in texts])
    document_id = "doc_" + secrets.token_hex(6)
    await conn.execute("INSERT INTO kb_documents (id, org_id, title, filename, pages, embedder) "
                       "VALUES ($1, $2, $3, $4, $5, $6)", document_id, org_id, document.title[:200],
                       filename[:200], document.pages, embedder.name)
    ids = {}
    for p in document.procedures:
        ids[id(p)] = await conn.fetchval(
            "INSERT INTO kb_procedures (org_id, document_id, name, page, description, recovery, cost, aliases, search) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_tsvector('english', $9)) RETURNING id", org_id, document_id,
            p.name, p.page, p.description, p.recovery, p.cost, p.aliases, searchable(
                f"{p.name}. {p.description}. {', '.join(p.aliases)}"))
    await conn.executemany(
        "INSERT INTO kb_chunks (org_id, document_id, procedure_id, page, text, embedding) "
        "VALUES ($1, $2, $3, $4, $5, $6::vector)",
        [(org_id, document_id, ids[id(p)], p.page, text, _vector(v)) for (p, text), v in zip(texts, vectors)])
    return {"documentId": document_id, "title": document.title, "chunks": len(texts),
            "procedures": [p.name for p in document.procedures]}


async def ask(conn, org_id: str, question, embedder: Embedder) -> dict:
    if not isinstance(question, str) or not question.strip() or len(question) > 1000:
        raise invalid([{"loc": "question", "msg": "a question of 1 to 1000 characters"}])
    rows = await conn.fetch("SELECT p.id, p.document_id, d.title, p.name, p.page, p.description, p.recovery, "
                            "p.cost, p.aliases, coalesce(ts_rank(p.search, to_tsquery('english', $1)), 0) AS lexical "
                            "FROM kb_procedures p JOIN kb_documents d ON d.id = p.document_id",
                            " | ".join(searchable(question).split()) or "nothing")
    lexical = {r["id"]: float(r["lexical"]) for r in rows}
    procedures = [answers.ProcedureRow(**{k: v for k, v in dict(r).items() if k != "lexical"}) for r in rows]
    semantic: dict[int, float] = {}
    if procedures:
        vector = (await asyncio.to_thread(embedder.embed, [question]))[0]
        for r in await conn.fetch("SELECT procedure_id, max(1 - (embedding <=> $1::vector)) AS similarity "
                                  "FROM kb_chunks GROUP BY procedure_id", _vector(vector)):
            semantic[r["procedure_id"]] = float(r["similarity"])
    chosen = answers.choose(question, procedures, semantic, lexical)
    if not chosen:
        return {"answer": answers.REFUSAL, "grounded": False, "sources": []}
    return {"answer": answers.compose(chosen), "grounded": True, "procedure": chosen[0].name,
            "procedures": [p.name for p in chosen],
            "sources": [{"documentId": p.document_id, "title": p.title, "page": p.page,
                         "similarity": round(semantic.get(p.id, 0.0), 4)} for p in chosen]}


def searchable(text: str) -> str:
    """Plain words only (a caller's "boobs" as "breast", "rhinoplasty" with its gloss), safe to
    join into a full-text query."""
    return " ".join(t for clause in words.clauses(text) for t in understanding.glossed(clause))
