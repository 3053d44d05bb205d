"""The page behind the link in the follow-up text (pinned decision 20): what it says, in the
clinic's own time, and the protection of its form against cross-site posts.

The form carries a value derived from a cookie the page sets (SameSite=Strict, HttpOnly) and
from the call; a post from another site has neither, so it books nothing."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from . import clinics, db, links, slots
from .errors import ApiError

COOKIE = "resume_form"


def new_form_key() -> str:
    return secrets.token_urlsafe(24)


def form_proof(key: bytes, cookie: str, call_id: str) -> str:
    return hmac.new(key, f"resume-form|{cookie}|{call_id}".encode(), hashlib.sha256).hexdigest()


def proof_holds(key: bytes, cookie: str | None, call_id: str, proof: str | None) -> bool:
    return bool(cookie and proof) and hmac.compare_digest(form_proof(key, cookie, call_id), proof)


def spoken_day(when: datetime, tz, today) -> str:
    """"today", "tomorrow" or "on Tuesday 1 December", in the clinic's own time."""
    local = when.astimezone(tz).date()
    if local == today:
        return "today"
    if (local - today).days == 1:
        return "tomorrow"
    return f"on {when.astimezone(tz):%A} {local.day} {when.astimezone(tz):%B}"


def spoken_slot(when: datetime, tz) -> str:
    """"10:00 AM on Tuesday 1 December"."""
    local = when.astimezone(tz)
    return f"{slots.clock(when, tz)} on {local:%A} {local.day} {local:%B}"


@dataclass
class View:
    """What one page shows; `template` names the page."""
    template: str
    clinic: str = ""
    slot: str = ""
    slot_time: str = ""
    held_until: str = ""
    alternatives: list[dict] = field(default_factory=list)
    status: int = 200


async def view(conn, org_id: str, call_id: str) -> View:
    clinic = await clinics.require(conn, org_id)
    hours = await clinics.hours(conn, org_id)
    now = await db.now(conn)
    try:
        state = await links.resume(conn, org_id, call_id)
    except ApiError as refusal:
        if refusal.status == 409:
            return View("already.html", clinic["name"], status=409)
        raise
    original = datetime.fromisoformat(state["slotTime"]) if state["slotTime"] else None
    slot = spoken_slot(original, hours.tz) if original else ""
    if state["slotHeld"]:
        until = datetime.fromisoformat(state["heldUntil"])
        today = now.astimezone(hours.tz).date()
        return View("held.html", clinic["name"], slot, state["slotTime"],
                    f"{slots.clock(until, hours.tz)} {spoken_day(until, hours.tz, today)}")
    offers = [{"slotTime": o["slotTime"], "label": spoken_slot(datetime.fromisoformat(o["slotTime"]), hours.tz)}
              for o in state["alternatives"]]
    return View("alternatives.html", clinic["name"], slot, state["slotTime"] or "", alternatives=offers)


async def book(conn, org_id: str, call_id: str, slot_time: str | None) -> View:
    clinic = await clinics.require(conn, org_id)
    hours = await clinics.hours(conn, org_id)
    booked = await links.complete(conn, org_id, call_id, slot_time or None)
    return View("booked.html", clinic["name"], spoken_slot(datetime.fromisoformat(booked["slotTime"]), hours.tz),
                booked["slotTime"])
