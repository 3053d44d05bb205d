"""Who sent a Vapi server message (pinned decision 19): the clinic's secret as `x-vapi-secret`,
a Bearer token, or an HMAC-SHA256 signature of the raw body (`x-vapi-signature`, hex), of
`{timestamp}.{raw body}` when `x-vapi-timestamp` is present. For HMAC the clinic is found from
the assistant or phone number it owns, then the signature is checked with its key; nothing
is read or written for the clinic before that holds. Wrong, missing, stale or replayed: 401.
While the database is down, an HMAC clinic already seen is found, and its deliveries told apart,
from what the service remembers (vapi_memory); one never seen gets the database's 503."""
from __future__ import annotations

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from . import credentials
from .db import DB_DOWN, clinic_tx
from .errors import unauthorized
from .vapi_memory import Memory

log = logging.getLogger("clinic.api")

WINDOW_S = 300          # how far a signed timestamp may be from the service's clock
MAX_HEADER = 200


@dataclass
class Presented:
    """The credential headers of one delivery, read before the body."""
    secret: str | None = None
    via: str | None = None          # "secret" (x-vapi-secret) or "bearer"
    signature: str | None = None
    timestamp: str | None = None


def presented(headers) -> Presented:
    """What the delivery carries; 401 when it carries nothing usable."""
    signature, timestamp = headers.get("x-vapi-signature"), headers.get("x-vapi-timestamp")
    if signature:
        if len(signature) > MAX_HEADER or (timestamp is not None and len(timestamp) > 40):
            raise unauthorized()
        return Presented(signature=signature.strip().lower(), timestamp=timestamp)
    if headers.get("x-vapi-secret"):
        shown = Presented(headers["x-vapi-secret"], "secret")
    else:
        shown = Presented(credentials.bearer(headers.get("authorization")), "bearer")
    if not shown.secret or len(shown.secret) > MAX_HEADER:
        raise unauthorized()
    return shown


def line_of(message: dict) -> tuple[str | None, str | None]:
    """The assistant and phone number a message names: the call's, or the message's own."""
    call = message.get("call") if isinstance(message.get("call"), dict) else {}
    number = message.get("phoneNumber") if isinstance(message.get("phoneNumber"), dict) else {}
    assistant = call.get("assistantId")
    phone_number = call.get("phoneNumberId", number.get("id"))
    return (assistant if isinstance(assistant, str) and len(assistant) <= MAX_HEADER else None,
            phone_number if isinstance(phone_number, str) and len(phone_number) <= MAX_HEADER else None)


async def clinic_of(pool, key: bytes, shown: Presented, raw: bytes, message: dict, memory: Memory) -> str | None:
    """The clinic the delivery is proven to come from; 401 otherwise. None: an HMAC delivery for
    a line no clinic owns (an assistant-request for an unknown number is answered, not refused)."""
    if shown.signature is None:
        if not shown.secret:
            raise unauthorized()
        org_id = await pool.fetchval("SELECT clinic_for_vapi_secret($1, $2)", credentials.digest(shown.secret),
                                     shown.via)
        if org_id is None:
            raise unauthorized()
        return org_id
    line = line_of(message)
    try:
        org_id, down = await pool.fetchval("SELECT clinic_for_vapi_line($1, $2)", *line), False
    except DB_DOWN:
        org_id, down = memory.clinic(line), True
        if org_id is None:
            raise  # never seen: nothing to check the signature with
    if org_id is None:
        memory.learn(line, None)
        return None
    signed = raw if shown.timestamp is None else shown.timestamp.encode() + b"." + raw
    expected = hmac.new(credentials.vapi_hmac_secret(key, org_id).encode(), signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, shown.signature):
        raise unauthorized("the signature does not match")
    memory.learn(line, org_id)
    if shown.timestamp is not None:
        _fresh(shown.timestamp)
        if not memory.first(org_id, shown.signature):
            _replayed(org_id)
        if not down:
            await _first_delivery(pool, org_id, shown.signature)
    return org_id


def _fresh(timestamp: str) -> None:
    try:
        stamp = float(timestamp)
    except ValueError:
        raise unauthorized("the signature's timestamp is not a time") from None
    if stamp > 1e11:  # milliseconds, as Vapi's own message timestamps are
        stamp /= 1000
    if abs(time.time() - stamp) > WINDOW_S:
        raise unauthorized(f"the signature's timestamp is more than {WINDOW_S} seconds from now")


async def _first_delivery(pool, org_id: str, signature: str) -> None:
    """A signed, timestamped delivery is taken once: the database's key decides between two
    (and between two services). Should the database fail here, memory has taken it: the
    record is written when the report spooled meanwhile is stored (replay.py)."""
    try:
        async with clinic_tx(pool, org_id) as conn:
            first = await record_delivery(conn, org_id, signature)
    except DB_DOWN:
        return
    if not first:
        _replayed(org_id)


async def record_delivery(conn, org_id: str, signature: str) -> bool:
    """Keep a delivery's signature for the window; False when it was kept already."""
    await conn.execute("DELETE FROM vapi_deliveries WHERE received_at < now() - $1 * interval '2 seconds'",
                       WINDOW_S)
    return await conn.fetchval("INSERT INTO vapi_deliveries (org_id, signature) VALUES ($1, $2) "
                               "ON CONFLICT DO NOTHING RETURNING 1", org_id, signature) is not None


def _replayed(org_id: str):
    log.warning("replayed Vapi delivery refused", extra={"event": "vapi_replay", "org_id": org_id})
    raise unauthorized("this delivery was already received")
