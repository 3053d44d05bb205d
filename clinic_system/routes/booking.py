"""Free times, claims, and the patient's link (resume, complete)."""
from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Query, Request
from pydantic import ConfigDict, Field

from .. import booking, calls, deps, links, slots
from ..limits import Plain
from ..config import Settings
from ..deps import Tx

log = logging.getLogger("clinic.api")
router = APIRouter()


class ClaimIn(Plain):
    model_config = ConfigDict(extra="forbid")
    orgId: str | None = Field(default=None, max_length=80)
    slotTime: str = Field(max_length=40)
    patientId: str = Field(min_length=1, max_length=80)
    callId: str | None = Field(default=None, max_length=80)
    timestamp: int | float | str | None = None  # the plan's clients send it; it decides nothing


class CompleteIn(Plain):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=10, max_length=600)
    callId: str = Field(min_length=1, max_length=80)
    slotTime: str | None = Field(default=None, max_length=40)


@router.get("/api/booking/availability")
async def availability(request: Request, org_id: str = Depends(deps.api_clinic),
                       orgId: str | None = Query(default=None, max_length=80),
                       from_: str | None = Query(default=None, alias="from", max_length=40),
                       limit: int = Query(default=10, ge=1, le=200), tx: Tx = Depends(deps.get_tx)):
    await deps.same_clinic(orgId, org_id, request)
    async with tx(org_id) as conn:
        return {"slots": await booking.free_offers(conn, org_id, from_, limit)}


@router.post("/api/booking/claim-slot")
async def claim_slot(body: ClaimIn, request: Request, org_id: str = Depends(deps.api_clinic),
                     pool=Depends(deps.get_pool)):
    await deps.same_clinic(body.orgId, org_id, request)
    # One statement on the pool, its own transaction (booking.claim): no BEGIN/COMMIT round trips.
    tz, when = await calls.claim(pool, org_id, body.slotTime, body.patientId, body.callId)
    log.info("slot booked", extra={"event": "slot_booked", "org_id": org_id, "call_id": body.callId})
    return {"slotBooked": True, "slotTime": when.isoformat(), "label": slots.label(when, tz),
            "patientId": body.patientId, "callId": body.callId, "agentReply": booking.booked_line(tz, when)}


@router.get("/api/booking/resume")
async def resume(token: str = Query(max_length=600), callId: str = Query(max_length=80),
                 settings: Settings = Depends(deps.get_settings), tx: Tx = Depends(deps.get_tx)):
    org_id = deps.link_clinic(settings, token, callId)
    async with tx(org_id) as conn:
        return await links.resume(conn, org_id, callId)


@router.post("/api/booking/complete")
async def complete(body: CompleteIn, settings: Settings = Depends(deps.get_settings), tx: Tx = Depends(deps.get_tx)):
    org_id = deps.link_clinic(settings, body.token, body.callId)
    async with tx(org_id) as conn:
        return await links.complete(conn, org_id, body.callId, body.slotTime)
