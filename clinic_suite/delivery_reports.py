"""Twilio's delivery reports as the suite sends them: signed with the provider's auth token
(the official twilio RequestValidator), or forged."""
from __future__ import annotations

import time

from twilio.request_validator import RequestValidator

from .world import World


def report(message: dict, status: str) -> dict:
    return {"MessageSid": message["sid"], "MessageStatus": status, "AccountSid": message["account_sid"],
            "From": message["from"], "To": message["to"], "ApiVersion": "2010-04-01"}


async def send(world: World, params: dict, signed: bool = True):
    url = f"{world.target.api_url}/api/sms/status"
    token = world.target.sms_auth_token if signed else "not-the-providers-token"
    headers = {"X-Twilio-Signature": RequestValidator(token).compute_signature(url, params)}
    started = time.perf_counter()
    answer = await world.api.http.post("/api/sms/status", data=params, headers=headers)
    world.evidence.exchange("POST", "/api/sms/status", params, answer.status_code, answer.text[:200],
                            (time.perf_counter() - started) * 1000)
    return answer


async def text_status(world: World, call_id: str) -> str | None:
    return await world.db.pool.fetchval("SELECT status FROM sms_messages WHERE call_id = $1", call_id)
