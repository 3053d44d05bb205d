"""Follow-up texts: sent on request, delivery reports from the provider, the staff's history."""
from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response
from pydantic import ConfigDict, Field

from .. import delivery, deps, sms
from ..limits import Plain
from ..config import Settings
from ..deps import Tx
from ..errors import unauthorized
from ..sms import FollowUps

log = logging.getLogger("clinic.api")
router = APIRouter()


class FollowUpIn(Plain):
    model_config = ConfigDict(extra="forbid")
    callId: str = Field(min_length=1, max_length=80)
    orgId: str | None = Field(default=None, max_length=80)
    patientId: str | None = Field(default=None, max_length=80)


@router.post("/api/sms/send-followup", status_code=202)
async def send_follow_up(body: FollowUpIn, request: Request, org_id: str = Depends(deps.api_clinic),
                         follow_ups: FollowUps = Depends(deps.get_follow_ups)):
    await deps.same_clinic(body.orgId, org_id, request)
    return await follow_ups.send_now(org_id, body.callId, body.patientId)


@router.post("/api/sms/status", status_code=204)
async def sms_status(request: Request, x_twilio_signature: str | None = Header(default=None),
                     settings: Settings = Depends(deps.get_settings), pool=Depends(deps.get_pool),
                     tx: Tx = Depends(deps.get_tx)):
    form = await request.form()
    params = {k: v for k, v in form.items() if isinstance(v, str)}
    # The provider signs the whole address it was given, the clinic and message it names included.
    url = f"{settings.public_url}/api/sms/status" + (f"?{request.url.query}" if request.url.query else "")
    if not delivery.signed(settings.sms_auth_token, url, params, x_twilio_signature):
        log.warning("unsigned delivery report refused", extra={"event": "denied", "path": request.url.path})
        raise unauthorized("the delivery report is not signed by the provider")
    sid, status, error_code = delivery.report_of(params)
    named = request.query_params
    org_id = named.get("clinic") or await delivery.clinic_for(pool, sid)
    async with tx(org_id) as conn:
        moved = await delivery.record(conn, sid, status, error_code, named.get("message"))
    log.info("delivery report", extra={"event": "delivery_report", "status": status, "duplicate": not moved})
    return Response(status_code=204)


@router.get("/api/sms/history")
async def sms_history(request: Request, org_id: str = Depends(deps.api_clinic),
                      orgId: str | None = Query(default=None, max_length=80),
                      patientId: str = Query(min_length=1, max_length=80),
                      limit: int = Query(default=10, ge=1, le=100), tx: Tx = Depends(deps.get_tx)):
    await deps.same_clinic(orgId, org_id, request)
    async with tx(org_id) as conn:
        return {"messages": await sms.history(conn, patientId, limit)}
