"""Twilio's delivery reports (status callbacks): signed with X-Twilio-Signature, checked
with the official twilio RequestValidator, recorded on the message (never on the call),
and only ever moving a message forward: a late "sent" after "delivered" changes nothing."""
from __future__ import annotations

from twilio.request_validator import RequestValidator

from .errors import invalid, not_found

# Twilio's message statuses, by how far along they are.
PROGRESS = {"accepted": 0, "scheduled": 0, "queued": 0, "sending": 0, "sent": 1,
            "delivered": 2, "undelivered": 2, "failed": 2, "read": 3}
RANK_SQL = ("CASE {col} WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'undelivered' THEN 2 "
            "WHEN 'failed' THEN 2 WHEN 'read' THEN 3 ELSE 0 END")
RECORD = f"""
    UPDATE sms_messages SET status = $2, last_error = coalesce($3, last_error), updated_at = now()
    WHERE provider_sid = $1 AND {RANK_SQL.format(col='status')} < {RANK_SQL.format(col='$2::text')}
    RETURNING id
"""


def signed(auth_token: str, url: str, params: dict, signature: str | None) -> bool:
    return bool(signature) and RequestValidator(auth_token).validate(url, params, signature)


async def record(conn, sid: str, status: str, error_code: str | None) -> bool:
    """True if the report moved the message forward; a repeat or a late report changes nothing."""
    return await conn.fetchval(RECORD, sid, status, error_code) is not None


def report_of(params: dict) -> tuple[str, str, str | None]:
    """(MessageSid, MessageStatus, ErrorCode) of a signed report, or 422."""
    sid, status = params.get("MessageSid", ""), params.get("MessageStatus", "")
    if not sid or len(sid) > 64 or status not in PROGRESS:
        raise invalid([{"loc": "MessageSid/MessageStatus", "msg": "a message id and a known status"}])
    return sid, status, params.get("ErrorCode") or None


async def clinic_for(pool, sid: str) -> str:
    """The clinic of the provider's message id (a definer look-up: no clinic is known yet), or 404."""
    org_id = await pool.fetchval("SELECT clinic_for_message($1)", sid)
    if org_id is None:
        raise not_found("message")
    return org_id
