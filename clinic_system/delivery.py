"""Twilio's delivery reports (status callbacks): signed with X-Twilio-Signature, checked
with the official twilio RequestValidator, recorded on the message (never on the call),
and only ever moving a message forward: a late "sent" after "delivered" changes nothing."""
from __future__ import annotations

from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from .errors import invalid, not_found

# Twilio's message statuses, by how far along they are.
PROGRESS = {"accepted": 0, "scheduled": 0, "queued": 0, "sending": 0, "sent": 1,
            "delivered": 2, "undelivered": 2, "failed": 2, "read": 3}
RANK_SQL = ("CASE {col} WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'undelivered' THEN 2 "
            "WHEN 'failed' THEN 2 WHEN 'read' THEN 3 ELSE 0 END")
# By the provider's id, or (a report that overtook the send's own answer) by the message the
# report's address names while the provider's id is not yet kept.
RECORD = f"""
    UPDATE sms_messages SET status = $2, last_error = coalesce($3, last_error), provider_sid = $1, updated_at = now()
    WHERE (provider_sid = $1 OR (id::text = $4 AND provider_sid IS NULL))
      AND {RANK_SQL.format(col='status')} < {RANK_SQL.format(col='$2::text')}
    RETURNING id
"""
KNOWN = "SELECT EXISTS (SELECT 1 FROM sms_messages WHERE provider_sid = $1 OR id::text = $2)"


def callback_url(public_url: str, org_id: str, message_id: str) -> str:
    """Where the provider reports a text's delivery: the address names the clinic and the
    message, so a report that arrives before the send's answer was recorded still finds it
    (the provider signs the whole address: nobody else can make one)."""
    return f"{public_url}/api/sms/status?{urlencode({'clinic': org_id, 'message': str(message_id)})}"


def signed(auth_token: str, url: str, params: dict, signature: str | None) -> bool:
    return bool(signature) and RequestValidator(auth_token).validate(url, params, signature)


async def record(conn, sid: str, status: str, error_code: str | None, message_id: str | None = None) -> bool:
    """True if the report moved the message forward; a repeat or a late report changes nothing;
    404 for a message the clinic never sent."""
    if await conn.fetchval(RECORD, sid, status, error_code, message_id) is not None:
        return True
    if not await conn.fetchval(KNOWN, sid, message_id):
        raise not_found("message")
    return False


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
