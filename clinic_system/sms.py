"""Follow-up texts: composed when sent (so an expired hold is never promised), sent
through the provider with the official twilio client, retried with backoff when the
provider refuses. The outbox row was written with the abandonment, so nothing is lost."""
from __future__ import annotations

import asyncio
import logging
import secrets
from datetime import datetime

from aiohttp import ClientError, ClientSession, TCPConnector
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from . import booking, calls, clinics, credentials, delivery, slots
from .config import Settings
from .db import OUTAGE_PATIENCE_S, clinic_tx, until_database_answers
from .errors import conflict, not_found
from .logs import mask_phone

log = logging.getLogger("clinic.sms")

# A claim carries a token, so that a claim whose commit was answered by a dying database can
# be made again by the same attempt (and by no other) once the database is back.
CLAIM = """
    UPDATE sms_messages SET status = 'sending', claim_token = $2, updated_at = now(),
           attempts = attempts + CASE WHEN status = 'sending' THEN 0 ELSE 1 END
    WHERE id = $1 AND (status IN ('queued', 'pending') OR (status = 'sending' AND claim_token = $2))
    RETURNING id, call_id, to_number, attempts
"""


def compose(link: str, hold, hours, now: datetime) -> str:
    if hold is not None and hold["held_until"] > now:
        return (f"Hi! We were connecting about your appointment. We're holding {slots.label(hold['slot_time'], hours.tz)}"
                f" for you until {slots.clock(hold['held_until'], hours.tz)}. Complete your booking here: {link}")
    return f"Hi! We were connecting about your appointment. Pick a time that suits you and book here: {link}"


def view(row) -> dict:
    """The staff's view of a text: the number masked but for its last three digits (pinned decision 9)."""
    return {"sent": row["status"] in ("sent", "delivered"), "to": mask_phone(row["to_number"]),
            "message": row["body"], "sentAt": row["sent_at"].isoformat() if row["sent_at"] else None,
            "status": row["status"], "callId": row["call_id"]}


async def follow_up_of(conn, call_id: str, patient_id: str | None):
    """The abandonment's one text: 404 when the call is not that patient's, 409 when nothing was queued."""
    call = await calls.get(conn, call_id)
    if patient_id is not None and patient_id != call["patient_id"]:
        raise not_found("patient", patient_id)
    message = await conn.fetchrow("SELECT id, status FROM sms_messages WHERE call_id = $1 "
                                  "AND kind = 'follow-up'", call_id)
    if message is None:
        raise conflict("no follow-up for this call", f"the call is {call['status']}, not abandoned")
    return message


async def history(conn, patient_id: str, limit: int) -> list[dict]:
    await clinics.patient(conn, patient_id)
    rows = await conn.fetch("SELECT * FROM sms_messages WHERE patient_id = $1 "
                            "ORDER BY created_at DESC, id LIMIT $2", patient_id, limit)
    return [view(r) for r in rows]


class FollowUps:
    def __init__(self, pool, settings: Settings):
        self.pool, self.settings = pool, settings
        http = AsyncTwilioHttpClient(timeout=10, pool_connections=False)
        # A kept-alive connection is given up after 2 s, before the provider may close it (the
        # stub's server after 5 s): reusing one the server is closing fails the send with
        # ServerDisconnectedError, a refusal nobody made.
        http.session = ClientSession(connector=TCPConnector(keepalive_timeout=2))
        self.client = Client(settings.sms_account_sid, settings.sms_auth_token, http_client=http)
        self.client.api.base_url = settings.sms_base_url
        self.tasks: set[asyncio.Task] = set()

    def schedule(self, org_id: str, message_id: str, delay: float = 0.0) -> asyncio.Task:
        task = asyncio.get_running_loop().create_task(self._later(org_id, message_id, delay))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def _later(self, org_id: str, message_id: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            await self.deliver(org_id, message_id)
        except Exception as exc:  # a background task must never die silently
            log.error("follow-up delivery crashed", extra={"event": "sms_crash", "message_id": message_id,
                                                           "kind": type(exc).__name__})

    def link(self, org_id: str, call_id: str) -> str:
        token = credentials.sign_resume_token(self.settings.token_key, org_id, call_id)
        return f"{self.settings.public_url}/booking/resume?token={token}&callId={call_id}"  # the patient's page (pinned decision 20)

    async def deliver(self, org_id: str, message_id: str, patience_s: float = OUTAGE_PATIENCE_S) -> None:
        """Claim, send once, record. Each database step is retried through an outage (up to
        `patience_s`); the provider is asked once per claim, so a text is never sent twice."""
        token = secrets.token_hex(8)

        async def claim():
            async with clinic_tx(self.pool, org_id) as conn:
                claimed = await conn.fetchrow(CLAIM, message_id, token)
                if claimed is None:
                    return None  # sent already, or being sent by another task
                hours = await clinics.hours(conn, org_id)
                now = await conn.fetchval("SELECT now()")
                hold = await booking.active_hold(conn, claimed["call_id"])
                text = compose(self.link(org_id, claimed["call_id"]), hold, hours, now)
                await conn.execute("UPDATE sms_messages SET body = $2 WHERE id = $1", message_id, text)
                return claimed, text
        got = await until_database_answers(claim, self.pool, patience_s)
        if got is None:
            return
        claimed, text = got
        try:
            sent = await self.client.messages.create_async(
                to=claimed["to_number"], from_=self.settings.sms_from, body=text,
                status_callback=delivery.callback_url(self.settings.public_url, org_id, message_id))
        # ClientError: e.g. the provider closed a kept-alive connection as it was reused
        except (TwilioRestException, OSError, asyncio.TimeoutError, ClientError) as exc:
            await self._refused(org_id, message_id, claimed, exc)
            return

        async def record_sent():
            async with clinic_tx(self.pool, org_id) as conn:
                # A delivery report may have come first (it names this message in its address):
                # it is not moved back to "sent".
                await conn.execute(f"UPDATE sms_messages SET status = CASE WHEN {delivery.RANK_SQL.format(col='status')}"
                                   " > 1 THEN status ELSE 'sent' END, provider_sid = $2, sent_at = now(),"
                                   " claim_token = NULL, last_error = NULL, updated_at = now() WHERE id = $1",
                                   message_id, sent.sid)
                await conn.execute("UPDATE calls SET status = 'follow-up-sent' WHERE id = $1 "
                                   "AND status IN ('abandoned', 'follow-up-pending')", claimed["call_id"])
        await until_database_answers(record_sent, self.pool)  # the provider took it: that must be kept
        log.info("follow-up sent", extra={"event": "sms_sent", "message_id": message_id,
                                          "call_id": claimed["call_id"], "to": mask_phone(claimed["to_number"])})

    async def _refused(self, org_id: str, message_id: str, claimed, exc: Exception) -> None:
        code = getattr(exc, "code", None) or type(exc).__name__
        give_up = claimed["attempts"] >= self.settings.sms_max_attempts

        async def record_refusal():
            async with clinic_tx(self.pool, org_id) as conn:
                await conn.execute("UPDATE sms_messages SET status = $2, last_error = $3, claim_token = NULL, "
                                   "updated_at = now() WHERE id = $1", message_id, "failed" if give_up else "pending",
                                   str(code))
                await conn.execute("UPDATE calls SET status = 'follow-up-pending' WHERE id = $1 "
                                   "AND status = 'abandoned'", claimed["call_id"])
                if give_up:
                    await conn.execute("UPDATE calls SET status = 'follow-up-failed' WHERE id = $1 "
                                       "AND status = 'follow-up-pending'", claimed["call_id"])
        await until_database_answers(record_refusal, self.pool)
        log.warning("follow-up refused", extra={"event": "sms_refused", "message_id": message_id,
                                                "code": str(code), "attempt": claimed["attempts"], "gave_up": give_up})
        if not give_up:
            self.schedule(org_id, message_id, self.settings.sms_retry_base_s * 2 ** (claimed["attempts"] - 1))

    async def send_now(self, org_id: str, call_id: str, patient_id: str | None) -> dict:
        """POST /api/sms/send-followup: sends the text if it still waits; after the automatic send
        it answers with that same message, never a second one (pinned decision 7)."""
        async with clinic_tx(self.pool, org_id) as conn:
            message = await follow_up_of(conn, call_id, patient_id)
        if message["status"] in ("queued", "pending"):
            await self.deliver(org_id, str(message["id"]), patience_s=0)  # a request does not wait out an outage
        async with clinic_tx(self.pool, org_id) as conn:
            row = await conn.fetchrow("SELECT * FROM sms_messages WHERE id = $1", message["id"])
        return {"messageId": str(row["id"]), **view(row)}

    async def mark_unknown(self) -> int:
        """At start: a text a previous run had handed to the provider when it died may or may
        not have gone out. It becomes `unknown` (the call's state does not change), staff see
        it, and it is never resent automatically (pinned decision 22). This service is the
        outbox's only sender, so whatever is `sending` now was claimed by a dead process."""
        async with clinic_tx(self.pool, None) as conn:
            rows = await conn.fetch("SELECT org_id, id FROM outbox_in_flight()")
        for row in rows:
            async with clinic_tx(self.pool, row["org_id"]) as conn:
                await conn.execute("UPDATE sms_messages SET status = 'unknown', claim_token = NULL, updated_at = now(),"
                                   " last_error = 'the service stopped while sending' WHERE id = $1 "
                                   "AND status = 'sending'", row["id"])
            log.warning("follow-up fate unknown", extra={"event": "sms_unknown", "message_id": str(row["id"])})
        return len(rows)

    async def resume_outbox(self) -> int:
        """At start: texts left queued or pending by a previous run go out now."""
        async with clinic_tx(self.pool, None) as conn:
            rows = await conn.fetch("SELECT org_id, id FROM outbox_waiting()")
        for row in rows:
            self.schedule(row["org_id"], str(row["id"]))
        return len(rows)

    async def close(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        session = getattr(self.client.http_client, "session", None)
        if session is not None:
            await session.close()
