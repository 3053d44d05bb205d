"""Times held and booked: what the diary holds, and the link in the text used as the
patient, or tampered with by a stranger."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hamcrest import has_length

from . import calls, dates, links
from .clinics import new_caller
from ..checks import check
from ..world import Call, Clinic, World, clinic_fixture

CLOCKS_APART = timedelta(minutes=2)  # the suite's clock and the system's may differ this much


async def only_active_row(world: World, clinic: Clinic, when: datetime, what: str) -> dict:
    """The one hold or booking of a time: there must be exactly one."""
    rows = await world.db.slot_rows(clinic.org_id, when)
    active = [r for r in rows if r["status"] in ("held", "booked")]
    check(active, has_length(1), f"one hold or booking for {what}")
    return active[0]


async def offered_times(world: World, clinic: Clinic, start: datetime, limit: int) -> list[str]:
    answer = await world.api.availability(clinic.api_key, clinic.org_id, start.isoformat(), limit)
    return [s["slotTime"] for s in answer.json()["slots"]]


async def complete_from_link(world: World, call: Call, slot_time: str | None = None):
    body = {"token": links.parts(call.link)[0], "callId": call.call_id, **({"slotTime": slot_time} if slot_time else {})}
    return await world.api.complete(body)


async def book(world: World, clinic: Clinic, patient_id: str, when: datetime):
    return await world.api.claim_slot(clinic.api_key, {"orgId": clinic.org_id, "patientId": patient_id,
                                                       "slotTime": when.isoformat()})


async def another_caller_books(world: World, clinic: Clinic, when: datetime):
    return await book(world, clinic, (await new_caller(world, clinic)).patient_id, when)


async def tampered_token(world: World, call: Call, tampering: str) -> str:
    """The code of the call's link, tampered with as a stranger might."""
    token = links.parts(call.link)[0]
    if tampering == "its signature altered":
        return links.altered_signature(token)
    if tampering == "a signature made up by a stranger":
        return links.stranger_signature(token)
    if tampering == "the code of another patient's link":
        other = await new_caller(world, call.patient.clinic)
        return links.parts((await calls.abandoned_and_texted(world, other, "11:00 next Tuesday")).link)[0]
    raise NotImplementedError(tampering)


async def resume_as_machine(world: World, call: Call, token: str | None = None):
    """The link's JSON answer (/api/booking/resume), with its own code or another."""
    own, call_id = links.parts(call.link)
    return await world.api.resume(token or own, call_id)


async def either_side_of_horizon(world: World, clinic: Clinic, patient_id: str, days: int) -> list[tuple]:
    """Books the clinic's last time within `days` of now, then its first time after them
    (from its opening hours, CLOCKS_APART clear of the edge): [(time, answer), (time, answer)]."""
    hours, edge = clinic_fixture(clinic.name)["openingHours"], datetime.now(timezone.utc) + timedelta(days=days)
    within = dates.opening_times(hours, clinic.timezone, edge - timedelta(days=1), edge - CLOCKS_APART)[-1]
    beyond = dates.opening_times(hours, clinic.timezone, edge + CLOCKS_APART, edge + timedelta(days=1))[0]
    world.evidence.row(f"either side of {days} days from now", {"edge": edge, "within": within, "beyond": beyond})
    return [(when, await book(world, clinic, patient_id, when)) for when in (within, beyond)]
