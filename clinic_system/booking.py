"""Holding and booking times: the database's partial unique index decides who gets a
time (pinned decision 4); this module only asks it and explains the answer."""
from __future__ import annotations

from datetime import datetime, timedelta

import asyncpg

from . import clinics, db, slots
from .errors import conflict, invalid
from .slots import Hours, parse_time

TAKEN = "Slot already claimed"

# A hold whose time has passed stops counting inside the claiming transaction.
EXPIRE_STALE = """
    UPDATE appointment_slots SET status = 'expired', updated_at = now()
    WHERE org_id = $1 AND slot_time = $2 AND status = 'held' AND held_until <= now()
"""
INSERT_ROW = """
    INSERT INTO appointment_slots (org_id, slot_time, status, held_until, call_id, patient_id)
    VALUES ($1, $2, $3, $4, $5, $6)
"""
BOOK_OWN_HOLD = """
    UPDATE appointment_slots SET status = 'booked', held_until = NULL, updated_at = now(),
           patient_id = coalesce($4, patient_id)
    WHERE org_id = $1 AND slot_time = $2 AND call_id = $3 AND status = 'held'
    RETURNING id
"""


def requested_time(value, hours: Hours, now: datetime, where: str = "slotTime") -> datetime:
    """A time the clinic really offers, in the future and within the booking horizon; else 422."""
    if value is None:
        raise invalid([{"loc": where, "msg": "required"}])
    if not isinstance(value, str):
        raise invalid([{"loc": where, "msg": "must be an ISO 8601 time with offset"}])
    when = parse_time(value, where)
    if when <= now:
        raise invalid([{"loc": where, "msg": "is in the past"}])
    if when > slots.horizon(now):
        raise invalid([{"loc": where, "msg": f"is more than {slots.HORIZON_DAYS} days ahead"}])
    if not hours.offers(when):
        raise invalid([{"loc": where, "msg": "is not an appointment time the clinic offers"}])
    return when


async def take(conn, org_id: str, when: datetime, status: str, call_id: str | None, patient_id: str | None,
               held_until: datetime | None = None) -> bool:
    """Write the active row for `when`; False when another active row has it already."""
    try:
        async with conn.transaction():  # a savepoint: a refusal leaves the caller's transaction usable
            await conn.execute(EXPIRE_STALE, org_id, when)
            await conn.execute(INSERT_ROW, org_id, when, status, held_until, call_id, patient_id)
        return True
    except asyncpg.UniqueViolationError:
        return False


async def alternatives(conn, org_id: str, hours: Hours, wanted: datetime, now: datetime) -> list[dict]:
    free = await slots.nearest_free(conn, org_id, hours, wanted, now)
    return [offer(t, hours) for t in free]


def offer(when: datetime, hours: Hours) -> dict:
    return {"slotTime": when.isoformat(), "label": slots.label(when, hours.tz)}


async def free_offers(conn, org_id: str, start_text, limit: int) -> list[dict]:
    """The clinic's next free times from `start_text` (an ISO time; never before now)."""
    hours = await clinics.hours(conn, org_id)
    current = await db.now(conn)
    start = parse_time(start_text, "from") if start_text else current
    free = await slots.free_times(conn, org_id, hours, max(start, current), slots.horizon(current))
    return [offer(t, hours) for t in free[:limit]]


def sorry_line(hours: Hours, wanted: datetime, offers: list[dict]) -> str:
    if not offers:
        return "I'm sorry, that slot was just taken, and I have no other times free that week."
    first = datetime.fromisoformat(offers[0]["slotTime"])
    return f"I'm sorry, that slot was just taken. How about {slots.spoken_alternative(wanted, first, hours.tz)} instead?"


async def refuse_taken(conn, org_id: str, hours: Hours, wanted: datetime, now: datetime):
    offers = await alternatives(conn, org_id, hours, wanted, now)
    return conflict(TAKEN, {"slotTime": wanted.isoformat()}, alternatives=offers,
                    agentReply=sorry_line(hours, wanted, offers))


def booked_line(hours: Hours, when: datetime) -> str:
    local = when.astimezone(hours.tz)
    return f"Great! I've booked you for {slots.clock(when, hours.tz)} on {local:%A} {local.day} {local:%B}."


async def book(conn, org_id: str, hours: Hours, when: datetime, now: datetime, call_id: str | None,
               patient_id: str | None) -> None:
    """Book `when` for the call (its own hold first), or raise the 409 with real alternatives."""
    if call_id and await conn.fetchval(BOOK_OWN_HOLD, org_id, when, call_id, patient_id):
        return
    if not await take(conn, org_id, when, "booked", call_id, patient_id):
        raise await refuse_taken(conn, org_id, hours, when, now)
    if call_id:  # a call holds one time at most: the new booking replaces its hold
        await conn.execute("UPDATE appointment_slots SET status = 'released', updated_at = now() "
                           "WHERE org_id = $1 AND call_id = $2 AND status = 'held'", org_id, call_id)


async def active_hold(conn, call_id: str):
    return await conn.fetchrow("SELECT slot_time, held_until, held_until > now() AS live FROM appointment_slots "
                               "WHERE call_id = $1 AND status = 'held'", call_id)


def hold_minutes_left(held_until: datetime, now: datetime) -> float:
    return max((held_until - now) / timedelta(minutes=1), 0.0)
