"""Calls: started by the clinic's system, shown to its staff."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from .. import calls, deps
from ..deps import Tx

router = APIRouter()


@router.post("/api/vapi/calls/initiate", status_code=201)
async def initiate(call: calls.CallIn, request: Request, org_id: str = Depends(deps.api_clinic),
                   tx: Tx = Depends(deps.get_tx)):
    await deps.same_clinic(call.orgId, org_id, request)
    async with tx(org_id) as conn:
        return await calls.start(conn, org_id, call)


@router.get("/api/calls/{call_id}")
async def call_detail(call_id: str, org_id: str = Depends(deps.api_clinic), tx: Tx = Depends(deps.get_tx)):
    async with tx(org_id) as conn:
        return await calls.detail(conn, call_id)
