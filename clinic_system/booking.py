"""Holding and booking times: the database's partial unique index decides who gets a
time (pinned decision 4); this module only asks it and explains the answer."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from . import clinics, db, slots
from .errors import conflict, invalid, not_found
from .slots import parse_time

TAKEN = "Slot already claimed"
ALTERNATIVES = 3
# One statement decides a claim, winners and losers alike (migration 005): it sets the
# clinic for its own transaction, so it needs no BEGIN/COMMIT around it.
# The clinic's own horizon (migration 010; $7 when it chose none) is read in the same statement.
CLAIM = ("SELECT c.outcome, c.tz_name, c.alternatives, h.days AS horizon_days FROM clinic_horizon_days($1, $7) AS h(days)"
         " CROSS JOIN LATERAL claim_time($1, $2, $3, $4, $5, $6, h.days, $8) AS c")
NEAREST_FREE = "SELECT nearest_free_times($1, $2, $3, $4)"
INVALID = {"past": "is in the past", "beyond-horizon": "is more than {days} days ahead",
           "not-offered": "is not an appointment time the clinic offers"}


@dataclass(frozen=True)
class Claimed:
    outcome: str  # held | booked | call-ended (a hold asked for after the call ended)
    tz: ZoneInfo


def wanted_time(value, where: str = "slotTime") -> datetime:
    """The time asked for, as given (ISO 8601 with offset); else 422. Whether the clinic
    offers it, and whether it is still ahead, the claim itself decides."""
    if value is None:
        raise invalid([{"loc": where, "msg": "required"}])
    if not isinstance(value, str):
        raise invalid([{"loc": where, "msg": "must be an ISO 8601 time with offset"}])
    return parse_time(value, where)


async def claim(db, org_id: str, when: datetime, *, patient_id=None, call_id: str | None = None,
                hold_minutes: int | None = None, where: str = "slotTime") -> Claimed:
    """Hold (`hold_minutes`) or book `when`, in one round trip on `db` (a pool, or a connection
    in the caller's transaction). Raises the contract's refusal: 422, 404, or 409 with real
    alternatives and the agent's apology."""
    if patient_id is not None and not isinstance(patient_id, str):
        raise invalid([{"loc": "patientId", "msg": "must be a patient id"}])
    row = await db.fetchrow(CLAIM, org_id, when, patient_id, call_id, hold_minutes, slots.SLOT_MINUTES,
                            slots.HORIZON_DAYS, ALTERNATIVES)
    outcome = row["outcome"]
    if outcome in INVALID:
        raise invalid([{"loc": where, "msg": INVALID[outcome].format(days=row["horizon_days"])}])
    if outcome == "no-call":
        raise not_found("call", call_id)
    if outcome == "no-patient":
        raise not_found("patient", patient_id)
    if outcome == "no-clinic":
        raise not_found("clinic")
    tz = ZoneInfo(row["tz_name"])
    if outcome == "taken":
        raise refusal(tz, when, [offer(t, tz) for t in row["alternatives"]])
    return Claimed(outcome, tz)


async def alternatives(conn, org_id: str, tz: ZoneInfo, wanted: datetime) -> list[dict]:
    """The free times nearest to `wanted` (the same query a lost claim answers with)."""
    free = await conn.fetchval(NEAREST_FREE, org_id, wanted, ALTERNATIVES, slots.SLOT_MINUTES)
    return [offer(t, tz) for t in free]


def offer(when: datetime, tz: ZoneInfo) -> dict:
    return {"slotTime": when.isoformat(), "label": slots.label(when, tz)}


async def free_offers(conn, org_id: str, start_text, limit: int) -> list[dict]:
    """The clinic's next free times from `start_text` (an ISO time; never before now)."""
    hours = await clinics.hours(conn, org_id)
    current = await db.now(conn)
    start = parse_time(start_text, "from") if start_text else current
    free = await slots.free_times(conn, org_id, hours, max(start, current), slots.horizon(current, hours.horizon_days),
                                  limit)
    return [offer(t, hours.tz) for t in free]


def sorry_line(tz: ZoneInfo, wanted: datetime, offers: list[dict]) -> str:
    if not offers:
        return "I'm sorry, that slot was just taken, and I have no other times free that week."
    first = datetime.fromisoformat(offers[0]["slotTime"])
    return f"I'm sorry, that slot was just taken. How about {slots.spoken_alternative(wanted, first, tz)} instead?"


def refusal(tz: ZoneInfo, wanted: datetime, offers: list[dict]):
    return conflict(TAKEN, {"slotTime": wanted.isoformat()}, alternatives=offers,
                    agentReply=sorry_line(tz, wanted, offers))


def booked_line(tz: ZoneInfo, when: datetime) -> str:
    local = when.astimezone(tz)
    return f"Great! I've booked you for {slots.clock(when, tz)} on {local:%A} {local.day} {local:%B}."


async def active_hold(conn, call_id: str):
    return await conn.fetchrow("SELECT slot_time, held_until, held_until > now() AS live FROM appointment_slots "
                               "WHERE call_id = $1 AND status = 'held'", call_id)


def hold_minutes_left(held_until: datetime, now: datetime) -> float:
    return max((held_until - now) / timedelta(minutes=1), 0.0)
