"""Calls that Vapi starts: the first message the service hears about a call (an
assistant-request, a status update `in-progress`, a tool call or the end-of-call report)
creates it, in the same transaction as that message's own effect. The clinic is the
credential's (vapi_auth); the patient is found by the caller's number, or made without a
name when the clinic does not know it (pinned decision 19). Two first messages at once make
one call: the calls table's key decides, not a look-up before the insert."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from . import clinics
from .errors import invalid

log = logging.getLogger("clinic.calls")

FIRST_STATUSES = {"in-progress"}   # a status update that starts a call; later ones need the call
REFUSAL = "Sorry, this number is not in service. Please check the number and call again."


@dataclass
class Line:
    """What a Vapi message says about its call: ids of Vapi's, and the caller's number."""
    call_id: str | None
    assistant_id: str | None
    phone_number_id: str | None
    customer_number: str | None


def line_of(message: dict, assistant_id: str | None, phone_number_id: str | None) -> Line:
    call = message.get("call") if isinstance(message.get("call"), dict) else {}
    customer = call.get("customer", message.get("customer"))
    number = customer.get("number") if isinstance(customer, dict) else None
    if number is not None:
        try:
            number = clinics.normalise_phone(number) if isinstance(number, str) else None
        except ValueError:
            raise invalid([{"loc": "message.call.customer.number", "msg": "not a phone number"}]) from None
    call_id = call.get("id")
    return Line(call_id if isinstance(call_id, str) and 0 < len(call_id) <= 200 else None,
                assistant_id, phone_number_id, number)


async def ensure_call(conn, org_id: str, line: Line | None) -> bool:
    """The call exists in this clinic after this, if the message lets it be made; True when this
    message made it. Without a caller's number there is no one to text: nothing is made (404 later)."""
    if line is None or line.call_id is None or line.customer_number is None:
        return False
    made = await conn.fetchval(
        "INSERT INTO calls (id, org_id, phone_number, assistant_id) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (id) DO NOTHING RETURNING id",
        line.call_id, org_id, line.customer_number, line.assistant_id or "assistant-request")
    if made is None:  # known already (here, or in another clinic: then it stays unseen, 404)
        return False
    patient_id = await caller(conn, org_id, line.customer_number)
    await conn.execute("UPDATE calls SET patient_id = $2 WHERE id = $1", line.call_id, patient_id)
    log.info("call started by Vapi", extra={"event": "call_started", "call_id": line.call_id, "org_id": org_id})
    return True


async def caller(conn, org_id: str, number: str) -> str:
    """The clinic's patient with this number, the longest known; a new one without a name otherwise."""
    found = await conn.fetchval("SELECT patient_id FROM patients WHERE phone = $1 ORDER BY created_at LIMIT 1", number)
    if found:
        return found
    patient_id = clinics.new_id("patient")
    await conn.execute("INSERT INTO patients (patient_id, org_id, phone) VALUES ($1, $2, $3)", patient_id, org_id, number)
    return patient_id


async def assistant_for(conn, org_id: str | None, line: Line) -> dict:
    """Vapi's assistant-request answer: the clinic's own assistant (by id, or inline when the clinic
    has none set up), for the number the clinic owns; otherwise an error Vapi speaks to the caller."""
    clinic = None
    if org_id is not None:
        clinic = await conn.fetchrow("SELECT name, vapi_assistant_id, vapi_phone_number_id FROM clinics "
                                     "WHERE org_id = $1", org_id)
    if clinic is None or line.phone_number_id is None or clinic["vapi_phone_number_id"] != line.phone_number_id:
        log.warning("assistant requested for a number no clinic owns",
                    extra={"event": "assistant_request_refused", "org_id": org_id,
                           "phone_number_id": (line.phone_number_id or "")[:40]})
        return {"error": REFUSAL}
    await ensure_call(conn, org_id, line)
    if clinic["vapi_assistant_id"]:
        return {"assistantId": clinic["vapi_assistant_id"]}
    return {"assistant": {"name": clinic["name"][:40],
                          "firstMessage": f"Thank you for calling {clinic['name']}. How can I help you today?"}}
