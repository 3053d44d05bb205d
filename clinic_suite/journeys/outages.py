"""Failures the suite causes on purpose: a text provider that refuses (through the SMS
stub's per-number faults) and a database that really stops (embedded target only)."""
from __future__ import annotations

import uuid

from hamcrest import equal_to

from ..checks import check
from ..world import VAPI_ORG, Call, Clinic, Patient, World
from . import payloads

# How a clinic manager says it -> the stub's fault mode (Twilio's refusals, field notes)
REFUSALS = {
    "the account is over its quota": "quota-exceeded",   # HTTP 429, code 20429
    "the daily text limit is reached": "daily-limit",     # code 63038
    "the provider is down": "outage",                      # HTTP 503
}
TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "every time": 1000}


async def provider_refuses(world: World, patient: Patient, times: str, reason: str) -> None:
    count = TIMES[times]
    await world.sms.fault(patient.phone, REFUSALS[reason], count=count)
    patient.refusals_ahead = count


async def provider_slow(world: World, patient: Patient, seconds: float) -> None:
    await world.sms.fault(patient.phone, "slow", count=1, delay_ms=int(seconds * 1000))
    patient.provider_slowed = True


async def provider_reports_first(world: World, patient: Patient) -> None:
    """The provider's delivery reports for the patient's next text reach the system before its
    answer to the send does (a busy system, a slow network back from the provider)."""
    await world.sms.fault(patient.phone, "reports-first")


async def heard_on_more_lines_than_remembered(world: World, clinic: Clinic) -> None:
    """Signed calls announced on more of the clinic's numbers than its system remembers for an
    outage, one after another: the oldest of them are the ones it may forget."""
    for n in range(world.target.vapi_memory_lines + 1):
        call = {"id": f"vapi-{uuid.uuid4()}", "orgId": VAPI_ORG, "type": "inboundPhoneCall",
                "assistantId": clinic.assistant_id, "phoneNumberId": f"{clinic.phone_number_id}-other-{n}",
                "customer": {"number": world.people.patient(f"Caller{n}")["phone"]}}
        answer = await world.api.vapi(clinic.vapi, payloads.assistant_request(call))
        check(answer.status_code, equal_to(200), f"a call on another of the clinic's numbers: {answer.text[:200]}")


def database_down(world: World) -> None:
    world.target.stop_database()


async def database_back(world: World) -> None:
    world.target.start_database()
    await world.db.reconnect()  # the suite's own connections died with the server


async def status_during_outage(world: World, call: Call):
    """Vapi tells the system the call is still going on: nothing to keep for later, and nothing
    the agent speaks, so the outage shows as the contract's 503 (Vapi may send it again)."""
    return await world.api.vapi(call.patient.clinic.vapi, payloads.status_update(call.vapi_call(), "in-progress"))
