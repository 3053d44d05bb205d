"""Test case 1's journey as steps use it: a call, a chosen time, the hang-up, the text."""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from hamcrest import contains_string, equal_to, has_entries, has_key, has_length, is_in

from . import dates, links, payloads
from ..checks import check, eventually, limit
from ..world import Call, Patient, World

SMS_TARGET_S, SMS_THRESHOLD_S = 5.0, 10.0  # the plan's target and threshold for the follow-up text
SMS_WAIT_S = limit(SMS_TARGET_S, SMS_THRESHOLD_S)  # how long a wait for it lasts (checks.limit)
FAULT_MARKER = "<<fault:redaction>>"  # makes the embedded system's redactor raise (its test configuration)
# A call's steps as staff say them -> its states (pinned decision 5)
MOVES_OF = {"in progress": "in-progress", "abandoned": "abandoned", "follow-up waiting": "follow-up-pending",
            "follow-up sent": "follow-up-sent", "follow-up failed": "follow-up-failed", "booked": "booked",
            "completed": "completed"}


@dataclass
class Reply:
    """What the receptionist said, with the answer it came in when there is one."""
    text: str
    body: dict | None = None
    question: str | None = None
    seconds: float | None = None   # how long the answer took to arrive, when it came over HTTP


async def start_call(world: World, patient: Patient) -> Call:
    clinic = patient.clinic
    answer = await world.api.initiate_call(clinic.api_key, {
        "orgId": clinic.org_id, "phoneNumber": patient.phone, "patientId": patient.patient_id,
        "assistantId": "asst_clinic_inbound_001"})
    check(answer.status_code, equal_to(201), f"starting a call: {answer.text[:300]}")
    check(answer.json(), has_entries(status="in-progress", callId=contains_string("call_")))
    call = Call(answer.json()["callId"], patient)
    world.calls[patient.first_name] = call
    return call


async def use_tool(world: World, call: Call, name: str, arguments: dict, tool_call_id: str | None = None):
    """The voice agent calls one of the system's tools during the call; returns the answer."""
    call.tool_calls += 1
    tool_call_id = tool_call_id or f"{call.call_id}_tool_{call.tool_calls}"
    return await world.api.vapi(call.patient.clinic.vapi,
                                payloads.tool_calls(call.vapi_call(), [(tool_call_id, name, {**arguments, **call.tool_extra})]))


def tool_result(answer) -> str:
    check(answer.status_code, equal_to(200), f"the voice agent's tool answers: {answer.text[:300]}")
    results = answer.json().get("results", [])
    check(results, has_length(1), "one answer to one tool call")
    return results[0]["result"]


async def pick_time(world: World, call: Call, phrase: str) -> None:
    when = dates.resolve(phrase, call.patient.clinic.timezone)
    result = tool_result(await use_tool(world, call, "select_slot", {"slotTime": when.isoformat()}))
    check(result, contains_string("reserved"), f"the receptionist confirms {phrase} is reserved")
    call.slot_time, call.slot_phrase = when, phrase


def transcript_for(call: Call) -> str:
    return (f"Customer: Hi, this is {call.patient.name}. I want to book {call.slot_phrase or 'a consultation'}... "
            f"<cuts off>")


def hang_up_report(call: Call, report_shape: str = "Vapi", late_by: timedelta = timedelta(0)) -> tuple[dict, str]:
    """The end-of-call report for a caller who hangs up, as Vapi sends it or in the plan's
    shape, with the endpoint it goes to; `late_by`: the caller hung up that long before."""
    call.transcript = call.transcript or transcript_for(call)
    consent = call.patient.consent
    said = call.transcript + (f" {FAULT_MARKER}" if call.patient.redaction_fault else "")
    if report_shape == "Vapi":
        call.reason = "customer-ended-call"
        call.ended_at = datetime.now(timezone.utc).replace(microsecond=0) - late_by
        return payloads.end_of_call_vapi(call.vapi_call(), said, consent=consent, summary=call.summary,
                                         ended_at=call.ended_at), "webhook"
    call.reason = "customer-ended"
    described = call.vapi_call()
    line = {k: described[k] for k in ("assistantId", "phoneNumberId")}
    return payloads.end_of_call_plan(call.call_id, said, consent=consent, line=line), "end-of-call"


def fill_transcript(call: Call, characters: int, sentence: str = "はい、火曜日の十時でお願いします。") -> None:
    """A call's transcript of `characters` characters (a long call, here in Japanese: every
    character is three bytes as sent, and six once a re-encoding escapes it)."""
    call.transcript = (sentence * (1 + characters // len(sentence)))[:characters]


async def deliver_hang_up(world: World, call: Call, report_shape: str = "Vapi", times: int = 1,
                          secret: str | None = "the clinic's", late_by: timedelta = timedelta(0),
                          same_bytes: bool = False) -> list:
    """Send the hang-up report (several times: Vapi may deliver twice, each signed anew; with
    `same_bytes`, the very same delivery, signature and all, sent again); returns the answers.
    `secret` is the clinic's webhook secret unless another (or None) is given."""
    payload, endpoint = hang_up_report(call, report_shape, late_by)
    own = call.patient.clinic.vapi
    credential = own if secret == "the clinic's" else (own.forged(secret) if secret else None)
    call.hung_up_at = time.monotonic()
    answers, delivery = [], None
    for _ in range(times):  # each signed as it is sent, unless the very same delivery is sent again
        delivery = delivery if same_bytes and delivery else world.api.vapi_delivery(credential, payload, endpoint)
        answers.append(await world.api.deliver(delivery))
    call.sent = delivery
    return answers


async def hang_up(world: World, call: Call, report_shape: str = "Vapi", late_by: timedelta = timedelta(0)) -> None:
    """The caller hangs up; the time until the call's record shows it is measured."""
    answer = (await deliver_hang_up(world, call, report_shape, late_by=late_by))[0]
    check(answer.status_code, equal_to(200), f"the hang-up report is accepted: {answer.text[:300]}")
    await call_settled(world, call)
    world.measure("dbUpdateLatency", round(time.monotonic() - call.hung_up_at, 3), "s")


async def call_settled(world: World, call: Call, within: float = SMS_WAIT_S) -> dict:
    """The call's row once its end is stored."""
    async def recorded():
        row = await world.db.call(call.call_id, call.patient.clinic.org_id)
        return row if row and row["ended_at"] is not None else None
    return await eventually(recorded, within=within, what="the call's record after the hang-up")


def sms_latency_figure(patient: Patient) -> str:
    """Which figure a hang-up's text latency is: an ordinary one, or one the scenario slowed on
    purpose (reported on its own line, pinned decision 11)."""
    return "smsLatencySlowProvider" if patient.provider_slowed else "smsLatency"


async def wait_for_text(world: World, call: Call, within: float) -> dict:
    """The first text at the caller's number; the time from hang-up is measured (CC-2)."""
    patient = call.patient

    async def arrived():
        return await world.sms.messages(patient.phone)
    messages = await eventually(arrived, within=within, what=f"a text to {patient.first_name}")
    if call.hung_up_at is not None and not patient.refusals_ahead:
        world.measure(sms_latency_figure(patient), round(time.monotonic() - call.hung_up_at, 3), "s")
    text = messages[0]
    call.link = links.find(text["body"])
    return text


async def texts_to(world: World, patient: Patient) -> list[dict]:
    return await world.sms.record(patient.phone)


async def call_record(world: World, call: Call) -> dict:
    row = await world.db.call(call.call_id, call.patient.clinic.org_id)
    check(row, has_key("status"), "the call is stored")
    return row


async def moves_become(world: World, call: Call, expected: list[str]) -> list[str]:
    """The call's history once its last moves are `expected`."""
    async def moves():
        seen = await world.db.moves(call.call_id)
        return seen if seen[-len(expected):] == expected else None
    return await eventually(moves, within=SMS_WAIT_S, what=f"the call's moves {expected}")


def minutes_between(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() / 60


async def booking_by_phone(world: World, patient: Patient, phrase: str) -> Call:
    call = await start_call(world, patient)
    await pick_time(world, call, phrase)
    return call


async def abandoned_and_texted(world: World, patient: Patient, phrase: str) -> Call:
    call = await booking_by_phone(world, patient, phrase)
    await hang_up(world, call)
    await wait_for_text(world, call, SMS_WAIT_S)
    await follow_ups_settled(world, call)  # the clinic has recorded the text as sent, too
    return call


async def follow_ups_settled(world: World, call: Call) -> list[dict]:
    """The call's outbox once no text is mid-send (the stub can receive a text a moment
    before the system records the provider's answer)."""
    async def settled():
        rows = await world.db.follow_ups(call.call_id)
        return rows if rows and all(r["status"] not in ("queued", "sending") for r in rows) else None
    return await eventually(settled, within=SMS_WAIT_S, what="the follow-up recorded as sent or failed")


async def one_text_sent(world: World, call: Call) -> dict:
    """Exactly one follow-up went out for the call, and one text reached the caller's phone:
    the outbox row."""
    await wait_for_text(world, call, within=SMS_WAIT_S)
    outbox = await follow_ups_settled(world, call)
    check(outbox, has_length(1), "one follow-up in the clinic's outbox, however many tries")
    check(outbox[0]["status"], is_in(["sent", "delivered"]), "and it went out")
    check(await texts_to(world, call.patient), has_length(1), "one text at the patient's phone")
    return outbox[0]


async def abandoned_record(world: World, call: Call, settled: bool = False) -> dict:
    """The call's row, once stored, with the booking left incomplete at the hang-up."""
    row = await (call_settled(world, call) if settled else call_record(world, call))
    check(row["booking_status"], equal_to("incomplete"), "the booking is incomplete")
    check((await world.db.moves(call.call_id))[:2], equal_to(["in-progress", "abandoned"]),
          "the call was marked abandoned at the hang-up")
    return row


async def kept_about(world: World, call: Call) -> str:
    """Everything the clinic keeps or shows about a call, as one text to search: the
    stored row, its audit entries, its texts, and the staff's view of the call."""
    shown = await world.api.call(call.patient.clinic.api_key, call.call_id)
    return "\n".join([*await world.db.kept_about(call.call_id), shown.text])
