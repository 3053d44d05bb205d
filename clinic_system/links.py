"""The patient's link (pinned decision 7): `resume` shows the held time, or free alternatives
once the hold is gone; `complete` books the held time or one of them. The link's signed
token is the patient's only credential (checked in deps.link_clinic)."""
from __future__ import annotations

from datetime import datetime, timedelta

from . import booking, calls, clinics, db, slots
from .errors import conflict
from .slots import Hours


async def original_first(conn, org_id: str, hours: Hours, original: datetime | None, current: datetime) -> list[dict]:
    """After a hold ends, the original time is offered first if it is still free."""
    wanted = original if original and original > current else current
    offers = await booking.alternatives(conn, org_id, hours.tz, wanted)
    if original and original > current:
        free = await slots.free_times(conn, org_id, hours, original, original + timedelta(minutes=1))
        if free:
            offers = [booking.offer(original, hours.tz), *offers]
    return offers


async def resume(conn, org_id: str, call_id: str) -> dict:
    call = await calls.get(conn, call_id)
    hours = await clinics.hours(conn, org_id)
    current = await db.now(conn)
    if call["status"] == "booked":
        raise conflict("already booked", "this booking has been completed")
    hold = await booking.active_hold(conn, call_id)
    original = call["selected_slot"]
    answer = {"callId": call_id, "originalSlot": slots.label(original, hours.tz) if original else None,
              "slotTime": original.isoformat() if original else None}
    if hold is not None and hold["live"]:
        return {**answer, "slotHeld": True, "heldUntil": hold["held_until"].isoformat(),
                "action": "customer can complete booking directly"}
    offers = await original_first(conn, org_id, hours, original, current)
    return {**answer, "slotHeld": False, "heldUntil": None, "alternatives": offers,
            "action": "the hold has ended: choose one of the alternatives"}


async def complete(conn, org_id: str, call_id: str, slot_time: str | None) -> dict:
    """Books the held time (no `slot_time`), or the alternative the patient chose."""
    call = await calls.get(conn, call_id, lock=True)
    if call["status"] != "follow-up-sent":
        raise conflict("cannot complete", f"the call is {call['status']}")
    hours = await clinics.hours(conn, org_id)
    current = await db.now(conn)
    hold = await booking.active_hold(conn, call_id)
    if slot_time is None:
        if hold is None or not hold["live"]:
            offers = await original_first(conn, org_id, hours, call["selected_slot"], current)
            raise conflict("hold expired", "the held time is no longer reserved", alternatives=offers)
        when = hold["slot_time"]
    else:
        when = booking.wanted_time(slot_time)
    await booking.claim(conn, org_id, when, patient_id=call["patient_id"], call_id=call_id)
    await calls.mark_booked(conn, call_id, when)
    return {"booked": True, "slotTime": when.isoformat(), "label": slots.label(when, hours.tz), "callId": call_id}
