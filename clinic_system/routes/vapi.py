"""Vapi's server messages (pinned decision 6): assistant requests, tool calls, status updates and
end-of-call reports, signed the way the clinic chose (vapi_auth); the first of them about a call
the service has not seen creates it (inbound)."""
from __future__ import annotations

import json
import logging

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from .. import calls, credentials, deps, inbound, tools, vapi, vapi_auth
from ..config import Settings
from ..db import DB_DOWN, clinic_tx, connections_lost
from ..errors import ApiError, invalid, unauthorized
from ..replay import Replay
from ..sms import FollowUps
from ..spool import SpoolFull

log = logging.getLogger("clinic.api")
router = APIRouter()


async def vapi_webhook(request: Request, shown: vapi_auth.Presented = Depends(deps.vapi_credential),
                       pool=Depends(deps.get_pool), settings: Settings = Depends(deps.get_settings),
                       follow_ups: FollowUps = Depends(deps.get_follow_ups), replay: Replay = Depends(deps.get_replay)):
    raw = await request.body()
    try:
        payload = json.loads(raw)
    except ValueError:
        raise invalid("body is not JSON") from None
    kind, message = vapi.message_of(payload)
    report = vapi.end_of_call(message) if kind == "end-of-call-report" else None  # 422 before anything else
    org_id = None
    try:
        org_id = await deps.vapi_clinic(request, settings, shown, raw, message)
        line = inbound.line_of(message, *vapi_auth.line_of(message))
        if kind == "assistant-request":
            async with clinic_tx(pool, org_id) as conn:
                return await inbound.assistant_for(conn, org_id, line)
        if org_id is None:
            raise unauthorized()
        if report is not None:
            return await calls.record_end(pool, follow_ups, org_id, report, settings.hold_minutes, line)
        return await during_call(pool, org_id, kind, message, settings.hold_minutes, line)
    except DB_DOWN:
        connections_lost(pool)  # the next request gets a fresh connection, not a dead one
        if kind == "tool-calls":
            return diary_unreachable(message)
        if report is None or (shown.secret is None and org_id is None):
            raise  # an HMAC delivery whose signature could not be checked is not kept
        return spooled(replay, shown.secret or credentials.vapi_hmac_secret(settings.token_key, org_id), payload,
                       report, shown.signature if shown.timestamp is not None else None)


# One handler on both paths: what arrives on either is read the same way.
router.add_api_route("/api/vapi/webhook", vapi_webhook, methods=["POST"])
router.add_api_route("/api/vapi/webhook/end-of-call", vapi_webhook, methods=["POST"], name="vapi_end_of_call")


async def during_call(pool, org_id: str, kind: str, message: dict, hold_minutes: int, line) -> dict:
    if kind == "tool-calls":
        return {"results": await tools.run(pool, org_id, vapi.call_id_of(message), vapi.tool_calls(message),
                                           hold_minutes, line)}
    if kind == "status-update":
        update = vapi.status_update(message)
        async with clinic_tx(pool, org_id) as conn:
            if update.status in inbound.FIRST_STATUSES:
                await inbound.ensure_call(conn, org_id, line)
            return await calls.status_update(conn, update.call_id, update.status)
    return {"ignored": kind}  # Vapi sends many message types; the others need nothing from us


# Pinned decision 22: what the voice agent says while the database is down.
OUTAGE_LINE = "I'm having trouble reaching the diary right now. I'll text you a link to finish booking."


def diary_unreachable(message: dict) -> dict:
    """Every tool call of the message gets a line the agent can speak, not an error."""
    return {"results": [{"toolCallId": t.id, "name": t.name, "result": OUTAGE_LINE} for t in vapi.tool_calls(message)]}


def spooled(replay: Replay, secret: str, payload: dict, report: vapi.EndOfCall, signature: str | None) -> JSONResponse:
    """Vapi will not send this report again: keep it (encrypted) and store it later; an HMAC
    clinic's under its own key, with the signature whose record the outage kept from being written."""
    try:
        replay.keep(secret, payload, signature)
    except SpoolFull:
        raise ApiError(503, "service unavailable", "the database is down and the spool is full") from None
    log.warning("end-of-call report spooled", extra={"event": "report_spooled", "call_id": report.call_id})
    return JSONResponse({"callId": report.call_id, "accepted": True, "stored": False}, status_code=202)
