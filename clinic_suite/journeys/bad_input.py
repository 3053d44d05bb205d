"""Messages a sender got wrong, by what staff would call them: each builds the request the
phone line or the clinic's own software would send. The contract: a 4xx with its error body,
and nothing written (design README, the contract; pinned decision 21)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from ..world import Call, World
from . import calls, field_limits, inbound, payloads

NESTED_LEVELS = 100   # nothing a caller's report carries nests this deep
OVERSIZED_BYTES = 2_000_000   # a one-hour call's report is ~60 KB


def _choice(call: Call, n: int = 1) -> dict:
    return payloads.tool_calls(call.vapi_call(), [(f"{call.call_id}_q{i}", "check_availability", {})
                                                  for i in range(n)])


def _without_list(call: Call) -> dict:
    message = _choice(call)
    del message["message"]["toolCallList"], message["message"]["toolWithToolCallList"]
    return message


def _listing(call: Call, value) -> dict:
    message = _without_list(call)
    message["message"]["toolCallList"] = value
    return message


def _report(call: Call, **changes) -> dict:
    report, _ = calls.hang_up_report(call)
    report["message"].update(changes)
    return report


def _nested(levels: int):
    value: object = "x"
    for _ in range(levels):
        value = {"more": value}
    return value


def _report_padded(call: Call) -> dict:
    report = _report(call)
    report["message"]["analysis"]["structuredData"] = {"notes": "x" * OVERSIZED_BYTES}
    return report


def _report_nested(call: Call) -> dict:
    report = _report(call)
    report["message"]["analysis"]["structuredData"] = _nested(NESTED_LEVELS)
    return report


# What the phone line sends, as the feature names it.
FROM_THE_LINE: dict[str, Callable[[Call], dict]] = {
    "a question with no list of tool calls": _without_list,
    "a question with an empty list of tool calls": lambda call: _listing(call, []),
    "a question whose list of tool calls is a number": lambda call: _listing(call, 7),
    "twenty-one questions in one message": lambda call: _choice(call, 21),
    "a hang-up report with a negative call length": lambda call: _report(call, durationSeconds=-5),
    "a hang-up report whose call length is not a number": lambda call: _report(call, durationSeconds="long"),
    "a hang-up report whose transcript is not text": lambda call: _report(call, artifact={"transcript": ["Hi"]}),
    f"a hang-up report nested {NESTED_LEVELS} levels deep": _report_nested,
    "a hang-up report of two megabytes": _report_padded,
}


async def from_the_line(world: World, call: Call, what: str):
    if what == IN_PIECES:
        return await _in_pieces(world, call)
    return await world.api.vapi(call.patient.clinic.vapi, FROM_THE_LINE[what](call), malformed=True)


IN_PIECES = "a hang-up report of two megabytes, sent in pieces without saying its length"


async def _in_pieces(world: World, call: Call):
    """Chunked, no Content-Length: only counting what arrives can refuse it. A small first
    piece, then the rest: the count must add every piece."""
    delivery = world.api.vapi_delivery(call.patient.clinic.vapi, _report_padded(call), malformed=True)

    async def pieces():
        yield delivery.body[:1000]
        for at in range(1000, len(delivery.body), 256_000):
            yield delivery.body[at:at + 256_000]
    return await world.api.send("POST", delivery.endpoint, content=pieces(), headers=delivery.headers,
                                shown={"bytes": len(delivery.body), "sent": "in pieces"})


async def many_questions(world: World, call: Call, n: int):
    return await world.api.vapi(call.patient.clinic.vapi, _choice(call, n))


def _history(limit) -> Callable[[World, Call], Awaitable]:
    async def ask(world: World, call: Call):
        return await world.api.sms_history(call.patient.clinic.api_key, call.patient.patient_id, limit=limit)
    return ask


def _address(method: str, path: str) -> Callable[[World, Call], Awaitable]:
    async def send(world: World, call: Call):
        return await world.api.send(method, path, headers={"authorization": f"Bearer {call.patient.clinic.api_key}"})
    return send


def _setting_up(**changes) -> Callable[[World, Call], Awaitable]:
    async def send(world: World, call: Call):
        return await world.api.create_clinic(field_limits.clinic_setup(**changes))
    return send


def _patient(**changes) -> Callable[[World, Call], Awaitable]:
    async def send(world: World, call: Call):
        return await world.api.add_patient(call.patient.clinic.org_id, {**world.people.patient(), **changes})
    return send


async def _finish_without_call(world: World, call: Call):
    return await world.api.complete({"token": "t" * 40, "callId": ""})


async def _claim_not_a_time(world: World, call: Call):
    clinic = call.patient.clinic
    return await world.api.claim_slot(clinic.api_key, {"orgId": clinic.org_id, "slotTime": "next-ish Tuesday",
                                                       "patientId": call.patient.patient_id, "callId": call.call_id})


# What the clinic's own software asks, as the feature names it.
FROM_THE_CLINIC: dict[str, Callable[[World, Call], Awaitable]] = {
    "the text history asking for no messages": _history(0),
    "the text history asking for 101 messages": _history(101),
    "a claim for a time that is not a time": _claim_not_a_time,
    "a clinic set up in a time zone that does not exist": _setting_up(timezone="Europe/Atlantis"),
    "a clinic whose name holds a NUL character": _setting_up(name="Premier\x00Cosmetic"),
    "a patient whose name holds a tab": _patient(name="Maria\tLopez"),
    "a booking finished from a link without its call": _finish_without_call,
    "an address the system does not have": _address("GET", "/api/no-such-thing"),
    "a method the address does not take": _address("DELETE", "/api/booking/claim-slot"),
}


async def from_the_clinic(world: World, call: Call, what: str):
    return await FROM_THE_CLINIC[what](world, call)


async def patient_with_phone_digits(world: World, call: Call, digits: int):
    """A patient whose number, written as people write it, has that many digits."""
    number = "+" + "4420" + "7" * (digits - 4)
    return await _patient(phone=number)(world, call)


async def started_without_number(world: World, call: Call):
    """Vapi says a call it has just started is in progress, but gives no caller's number."""
    unknown = inbound.new_call(world, call.patient)
    message = inbound.first_message(unknown)
    del message["message"]["call"]["customer"]
    world.before = unknown
    return await world.api.vapi(call.patient.clinic.vapi, message, malformed=True)


async def asked_with_id_of(world: World, call: Call, length: int):
    """Vapi asks which assistant answers a call it has just started, whose id has `length` characters."""
    unknown = inbound.new_call(world, call.patient, length)
    world.before = unknown
    return await world.api.vapi(call.patient.clinic.vapi, inbound.first_message(unknown, "assistant-request"),
                                malformed=True)
