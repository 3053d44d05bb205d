"""What the receptionist knows: the clinic's procedure documents, answers drawn from them,
and the clinic's own doctors."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from pydantic import ConfigDict, Field

from ..limits import Plain
from .. import clinics, deps
from ..deps import Tx
from ..knowledge import store
from ..knowledge.embeddings import embedder

router = APIRouter()


class AskIn(Plain):
    FREE = frozenset({"question"})  # what the caller asked, as typed
    model_config = ConfigDict(extra="forbid")
    orgId: str | None = Field(default=None, max_length=80)
    question: str = Field(min_length=1, max_length=1000)


@router.post("/api/kb/documents", status_code=201)
async def upload_document(request: Request, file: UploadFile, org_id: str = Depends(deps.api_clinic),
                          orgId: str | None = Form(default=None, max_length=80), tx: Tx = Depends(deps.get_tx)):
    await deps.same_clinic(orgId, org_id, request)
    data = await file.read(store.MAX_PDF_BYTES + 1)
    async with tx(org_id) as conn:
        return await store.add_document(conn, org_id, file.filename or "document.pdf", data, embedder())


@router.post("/api/assistant/ask")
async def ask(body: AskIn, request: Request, org_id: str = Depends(deps.api_clinic), tx: Tx = Depends(deps.get_tx)):
    await deps.same_clinic(body.orgId, org_id, request)
    async with tx(org_id) as conn:
        return await store.ask(conn, org_id, body.question, embedder())


@router.get("/api/clinics/{org_id}/doctors")
async def clinic_doctors(org_id: str, request: Request, clinic: str = Depends(deps.api_clinic),
                         tx: Tx = Depends(deps.get_tx)):
    await deps.same_clinic(org_id, clinic, request)
    async with tx(clinic) as conn:
        return {"doctors": await clinics.doctors(conn, clinic)}
