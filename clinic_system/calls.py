"""A call's life: started, a time selected (held), then ended — booked, completed, or
abandoned with the time held 30 minutes and a follow-up text queued in the same
transaction. The legal moves live in the database trigger (pinned decision 5)."""
from __future__ import annotations

import logging
import uuid
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pydantic import ConfigDict, Field, field_validator

from . import booking, clinics, db, inbound, slots
from .errors import ApiError, not_found
from .limits import Plain
from .redaction import clinic_facts, redact
from .vapi import EndOfCall

log = logging.getLogger("clinic.calls")

CUSTOMER_ENDED = {"customer-ended-call", "customer-ended"}
PREVIEW_CHARS = 120


class CallIn(Plain):
    model_config = ConfigDict(extra="forbid")
    orgId: str | None = Field(default=None, max_length=80)
    phoneNumber: str = Field(min_length=7, max_length=30)
    patientId: str = Field(min_length=1, max_length=80)
    assistantId: str = Field(min_length=1, max_length=120)

    @field_validator("phoneNumber")
    @classmethod
    def _phone(cls, value: str) -> str:
        return clinics.normalise_phone(value)


def new_call_id() -> str:
    """Random through and through (122 bits): nothing in it can be guessed from the clock, and
    nothing reads its parts."""
    return f"call_{uuid.uuid4().hex}"


async def start(conn, org_id: str, call: CallIn) -> dict:
    await clinics.patient(conn, call.patientId)
    call_id = new_call_id()
    row = await conn.fetchrow(
        "INSERT INTO calls (id, org_id, patient_id, phone_number, assistant_id) VALUES ($1, $2, $3, $4, $5)"
        " RETURNING status, started_at", call_id, org_id, call.patientId, call.phoneNumber, call.assistantId)
    log.info("call started", extra={"event": "call_started", "call_id": call_id, "org_id": org_id})
    return {"callId": call_id, "status": row["status"], "timestamp": row["started_at"].isoformat()}


async def get(conn, call_id: str, lock: bool = False) -> dict:
    row = await conn.fetchrow("SELECT * FROM calls WHERE id = $1" + (" FOR UPDATE" if lock else ""), call_id)
    if row is None:
        raise not_found("call", call_id)
    return dict(row)


async def mark_booked(conn, call_id: str, when: datetime) -> None:
    """The one way a call becomes booked: claimed during the call, or completed from the link."""
    await conn.execute("UPDATE calls SET status = 'booked', booking_status = 'booked', selected_slot = $2 "
                       "WHERE id = $1", call_id, when)


async def claim(db, org_id: str, value, patient_id, call_id) -> tuple[ZoneInfo, datetime]:
    """Book the time asked for, for the patient and, if given, the call (booked if still in
    progress): 422 for a time the clinic does not offer, 409 with real alternatives when it is
    taken. One round trip (booking.claim)."""
    when = booking.wanted_time(value)
    claimed = await booking.claim(db, org_id, when, patient_id=patient_id, call_id=call_id)
    return claimed.tz, when


async def detail(conn, call_id: str) -> dict:
    """The staff's view of a call; the hold's end is read from its slot row (pinned decision 4)."""
    call = await get(conn, call_id)
    hold = await booking.active_hold(conn, call_id)
    return {
        "callId": call["id"], "status": call["status"], "reason": call["reason"],
        "bookingStatus": call["booking_status"], "transcriptPreview": call["transcript_preview"],
        "slotHeldUntil": hold["held_until"].isoformat() if hold else None,
        "history": await history(conn, call_id),
    }


async def select_slot(conn, org_id: str, call_id: str, value, hold_minutes: int) -> str:
    """The caller picked a time: hold it for them while they talk. Returns the agent's line."""
    when = booking.wanted_time(value)
    try:
        claimed = await booking.claim(conn, org_id, when, call_id=call_id, hold_minutes=hold_minutes)
    except ApiError as refusal:
        if refusal.status != 409:
            raise
        return refusal.extra["agentReply"]
    if claimed.outcome == "call-ended":
        return "That call has already ended."
    return f"I've reserved {slots.label(when, claimed.tz)} for you. Shall I confirm it?"


async def end(conn, org_id: str, report: EndOfCall, hold_minutes: int) -> dict:
    """Store the end-of-call report once. Returns {"outcome", "messageId"}."""
    call = await get(conn, report.call_id, lock=True)
    if call["ended_at"] is not None:  # Vapi may deliver twice: the first report stands
        # ...and if the first was stored by a commit whose answer never came back (the database
        # died), its text is still queued with nobody to send it: this delivery sends it.
        queued = await conn.fetchval("SELECT id FROM sms_messages WHERE call_id = $1 AND kind = 'follow-up' "
                                     "AND status = 'queued'", report.call_id)
        return {"outcome": "duplicate", "messageId": str(queued) if queued else None, "status": call["status"]}
    hours = await clinics.hours(conn, org_id)
    now = await conn.fetchval("SELECT now()")
    ended_at = report.ended_at or now
    stored = await _stored_texts(conn, call, report, now)
    metadata = {**call["metadata"], **stored.pop("metadata")}
    hold = await booking.active_hold(conn, report.call_id)
    abandoned = (call["status"] == "in-progress" and hold is not None
                 and (report.ended_reason or "") in CUSTOMER_ENDED)
    if abandoned:
        held_until = ended_at + timedelta(minutes=hold_minutes)
        await conn.execute("UPDATE appointment_slots SET held_until = $2, updated_at = now() "
                           "WHERE call_id = $1 AND status = 'held'", report.call_id, held_until)
        metadata["incomplete_slot"] = slots.local_stamp(hold["slot_time"], hours.tz)
        status, booking_status = "abandoned", "incomplete"
    else:
        await conn.execute("UPDATE appointment_slots SET status = 'released', updated_at = now() "
                           "WHERE call_id = $1 AND status = 'held'", report.call_id)
        status = "completed" if call["status"] == "in-progress" else call["status"]
        booking_status = "booked" if call["status"] == "booked" else "none"
    await conn.execute(
        "UPDATE calls SET status = $2, reason = $3, booking_status = $4, transcript = $5, transcript_preview = $6,"
        " summary = $7, metadata = $8, duration_seconds = $9, ended_at = $10 WHERE id = $1",
        report.call_id, status, report.ended_reason, booking_status, stored["transcript"], stored["preview"],
        stored["summary"], metadata, report.duration, ended_at)
    message_id = await _queue_follow_up(conn, org_id, call) if abandoned else None
    log.info("call ended", extra={"event": "call_ended", "call_id": report.call_id, "org_id": org_id,
                                  "status": status, "consent": report.consent})
    return {"outcome": status, "messageId": message_id, "status": status}


async def record_end(pool, follow_ups, org_id: str, report: EndOfCall, hold_minutes: int, line=None) -> dict:
    """Store the report in its own transaction (making the call first if this report is the first
    the service hears of it), then send the follow-up text it queued."""
    async with db.clinic_tx(pool, org_id) as conn:
        await inbound.ensure_call(conn, org_id, line)
        outcome = await end(conn, org_id, report, hold_minutes)
    if outcome["messageId"]:
        follow_ups.schedule(org_id, outcome["messageId"])
    return {"callId": report.call_id, "status": outcome["status"], "duplicate": outcome["outcome"] == "duplicate"}


async def _stored_texts(conn, call: dict, report: EndOfCall, now: datetime) -> dict:
    """With consent, what was said; without it, the redacted text and summary (pinned decision 9).
    If redaction fails, nothing of what was said is stored: the transcript is withheld (PII-F1)."""
    metadata = {"gdpr_consent": report.consent}
    transcript, summary, analysis = report.transcript, report.summary, report.analysis
    if report.consent:
        metadata.update(has_redacted_fields=False, **({"analysis": analysis} if analysis else {}))
        return {"transcript": transcript, "summary": summary, "preview": preview(transcript), "metadata": metadata}
    named = (await clinics.patient(conn, call["patient_id"]))["name"] if call["patient_id"] else None
    names = [named] if named else []  # a caller the clinic did not know has no name (pinned decision 19)
    keep = clinic_facts(await clinics.own_facts(conn, call["org_id"]))
    try:
        parts = [redact(transcript, names, keep), redact(summary, names, keep)]
        parts += [redact(v, names, keep) for v in analysis.values() if isinstance(v, str)]
    except Exception as failure:  # fail closed: store none of it, say so, and let staff see it
        log.error("redaction failed; transcript withheld", extra={"event": "redaction_failed", "call_id": call["id"],
                                                                  "kind": type(failure).__name__})
        await audit_redaction_failure(conn, call, type(failure).__name__)
        metadata.update(has_redacted_fields=True, transcript_withheld=True, redaction_failed=True,
                        redaction_timestamp=now.isoformat())
        return {"transcript": None, "summary": None, "preview": None, "metadata": metadata}
    counts = sum((p.counts for p in parts), Counter())
    redacted_analysis = {k: p.text for k, p in zip([k for k, v in analysis.items() if isinstance(v, str)], parts[2:])}
    metadata.update(has_redacted_fields=bool(counts), redaction_timestamp=now.isoformat(),
                    **({"analysis": redacted_analysis} if redacted_analysis else {}))
    await conn.execute("INSERT INTO audit_log (org_id, action, detail) VALUES ($1, 'redaction', $2)",
                       call["org_id"], {"callId": call["id"], "counts": dict(counts)})
    text = parts[0].text
    return {"transcript": text, "summary": parts[1].text if summary else None, "preview": preview(text),
            "metadata": metadata}


async def audit_redaction_failure(conn, call: dict, kind: str) -> None:
    await conn.execute("INSERT INTO audit_log (org_id, action, detail) VALUES ($1, 'redaction:failed', $2)",
                       call["org_id"], {"callId": call["id"], "error": kind})


def preview(transcript: str) -> str:
    if len(transcript) <= PREVIEW_CHARS:
        return transcript
    cut = transcript[:PREVIEW_CHARS].rsplit(" ", 1)[0]
    return cut + "..."


async def _queue_follow_up(conn, org_id: str, call: dict) -> str:
    to = call["phone_number"]
    if call["patient_id"]:
        to = (await clinics.patient(conn, call["patient_id"]))["phone"]
    return str(await conn.fetchval(
        "INSERT INTO sms_messages (org_id, call_id, patient_id, to_number) VALUES ($1, $2, $3, $4) RETURNING id",
        org_id, call["id"], call["patient_id"], to))


async def history(conn, call_id: str) -> list[dict]:
    rows = await conn.fetch("SELECT from_status, to_status, changed_at FROM call_status_history "
                            "WHERE call_id = $1 ORDER BY id", call_id)
    return [{"from": r["from_status"], "to": r["to_status"], "at": r["changed_at"].isoformat()} for r in rows]


async def status_update(conn, call_id: str, status: str) -> dict:
    """Vapi's status updates carry no booking facts: the call's state comes from the tools and
    the end-of-call report, so an update (early, late or repeated) is acknowledged and changes nothing."""
    call = await get(conn, call_id)
    return {"callId": call_id, "status": call["status"], "received": status, "changed": False}
