"""Calls that Vapi starts (pinned decision 19): the clinic's system first hears of a call from
Vapi itself, asking which assistant answers and saying the call is in progress; every message is
signed the way the clinic's line signs."""
from __future__ import annotations

import time
import uuid

from hamcrest import equal_to, has_entries, has_key, has_length, is_not, none

from . import calls, payloads
from .clinics import new_caller
from ..checks import check
from ..world import Call, Clinic, Patient, World

# How a clinic's line signs, as staff say it -> the credential kind (pinned decision 19)
CREDENTIALS = {"a shared secret": "secret", "a bearer token": "bearer", "a time-stamped signature": "hmac"}
# Where a message names another clinic (ISO-F1): how it is put into each message of the call
ELSEWHERE = {"as the voice service's organisation": "orgId", "in the call's details": "metadata",
             "in what the receptionist asks for": "arguments"}


def new_call(world: World, patient: Patient, length: int | None = None, **vapi_fields) -> Call:
    """A call Vapi is about to announce: its id is Vapi's (`length` characters if given), the
    system has never seen it."""
    call_id = f"vapi-{uuid.uuid4()}"
    if length is not None:
        call_id = call_id[:length].rjust(length, "x")
    call = Call(call_id, patient, vapi_fields=vapi_fields)
    world.calls[patient.first_name] = call
    return call


def first_message(call: Call, kind: str = "status-update") -> dict:
    described = call.vapi_call()
    if kind == "assistant-request":
        return payloads.assistant_request(described)
    return payloads.status_update(described, "in-progress")


async def phones_in(world: World, patient: Patient, **vapi_fields) -> Call:
    return await announce(world, new_call(world, patient, **vapi_fields))


async def announce(world: World, call: Call) -> Call:
    """The patient phones the clinic: Vapi asks for the clinic's assistant, then says the call is
    in progress. Both are the first the system hears of the call."""
    clinic = call.patient.clinic
    answered_by_own_assistant(await world.api.vapi(clinic.vapi, first_message(call, "assistant-request")), clinic)
    answer = await world.api.vapi(clinic.vapi, first_message(call))
    check(answer.status_code, equal_to(200), f"the call is in progress: {answer.text[:300]}")
    return call


async def phones_and_picks(world: World, patient: Patient, phrase: str, **vapi_fields) -> Call:
    call = await phones_in(world, patient, **vapi_fields)
    await calls.pick_time(world, call, phrase)
    return call


async def stranger(world: World, clinic: Clinic, first_name: str) -> Patient:
    """A caller whose number the clinic has never had: no patient record until they phone."""
    phone = world.people.patient(first_name)["phone"]
    patient = Patient(first_name, None, None, phone, clinic)
    await world.sms.clear(phone)
    world.patients[first_name] = patient
    return patient


async def known_as_patient(world: World, patient: Patient) -> dict:
    """The patient the clinic made of a caller it did not know: found through their call."""
    row = await calls.call_record(world, world.call(patient.first_name))
    check(row["patient_id"], is_not(none()), "the call belongs to a patient of the clinic")
    patient.patient_id = row["patient_id"]
    return await world.db.patient(patient.patient_id, patient.clinic.org_id)


async def wrong_delivery(world: World, call: Call, how: str):
    """The first message about the call with a credential of the clinic's kind but not its own, or
    rightly signed ten minutes ago."""
    clinic, payload = call.patient.clinic, first_message(call)
    credential, signed_at = {"ten minutes ago": (clinic.vapi, time.time() - 600),
                             "with a key that is not the clinic's": (clinic.vapi.forged(f"whsec_{uuid.uuid4().hex}"),
                                                                     None)}[how]
    return await world.api.deliver(world.api.vapi_delivery(credential, payload, signed_at=signed_at))


async def delivered_twice(world: World, call: Call) -> list:
    """The very same delivery (bytes, headers and signature) sent twice."""
    delivery = world.api.vapi_delivery(call.patient.clinic.vapi, first_message(call))
    return [await world.api.deliver(delivery), await world.api.deliver(delivery)]


async def first_messages_together(world: World, call: Call) -> tuple[Call, list]:
    """Vapi's first two messages about one call (the request for a receptionist and the notice that
    the call is in progress) at the same moment; the call and both answers."""
    clinic = call.patient.clinic
    return call, await world.api.deliver_together([world.api.vapi_delivery(clinic.vapi, first_message(call, kind))
                                                   for kind in ("assistant-request", "status-update")])


def answered_by_own_assistant(answer, clinic: Clinic) -> None:
    check(answer.status_code, equal_to(200), f"the clinic's line is picked up: {answer.text[:300]}")
    check(answer.json(), has_entries(assistantId=clinic.assistant_id), "by the clinic's own assistant")


def refused(answer) -> None:
    check(answer.status_code, equal_to(401), f"turned away: {answer.text[:300]}")
    check(sorted(answer.json()), equal_to(["detail", "error"]), "with the error only")


async def no_call(world: World, call: Call) -> None:
    check(await world.db.call(call.call_id, call.patient.clinic.org_id), none(), "no call recorded")
    check(await world.db.moves(call.call_id), has_length(0), "and no history for it")


async def one_call_in_progress(world: World, call: Call) -> dict:
    row = await calls.call_record(world, call)
    check(row["status"], equal_to("in-progress"), "the call is in progress")
    check(await world.db.moves(call.call_id), equal_to(["in-progress"]), "started once")
    check(await world.db.calls_with_id(call.call_id), equal_to(1), "one call with that id, in any clinic")
    return row


def tell_elsewhere(call: Call, where: str, other: Clinic) -> None:
    """Every later message of the call names the other clinic `where`."""
    field = ELSEWHERE[where]
    if field == "orgId":
        call.vapi_fields = {"orgId": other.org_id}
    elif field == "metadata":
        call.vapi_fields = {"metadata": {"orgId": other.org_id, "clinicId": other.org_id}}
    else:
        call.tool_extra = {"orgId": other.org_id}


async def unknown_number(world: World, clinic: Clinic) -> dict:
    """Vapi asks for an assistant for a number the clinic does not own."""
    caller = await new_caller(world, clinic)
    call = Call(f"vapi-{uuid.uuid4()}", caller)
    described = call.vapi_call(phoneNumberId=f"pn_unknown_{uuid.uuid4().hex[:8]}")
    answer = await world.api.vapi(clinic.vapi, payloads.assistant_request(described))
    check(answer.status_code, equal_to(200), f"answered as Vapi expects: {answer.text[:300]}")
    check(answer.json(), has_key("error"), "an error Vapi speaks to the caller")
    world.calls[caller.first_name] = call
    return answer.json()
