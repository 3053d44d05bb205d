"""Twilio's delivery reports as the suite sends them: signed with the provider's auth token
(the official twilio RequestValidator), or forged."""
from __future__ import annotations

from twilio.request_validator import RequestValidator

from ..world import World


def report(message: dict, status: str) -> dict:
    return {"MessageSid": message["sid"], "MessageStatus": status, "AccountSid": message["account_sid"],
            "From": message["from"], "To": message["to"], "ApiVersion": "2010-04-01"}


async def send(world: World, params: dict, signed: bool = True):
    token = world.target.sms_auth_token if signed else "not-the-providers-token"
    signature = RequestValidator(token).compute_signature(world.api.status_callback_url, params)
    return await world.api.delivery_report(params, signature)
