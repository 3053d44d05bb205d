"""Readable, relative times (pinned decision 13): "10:00 next Tuesday" in the clinic's zone."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PHRASE = re.compile(r"^(\d{1,2}):(\d{2}) next (\w+)$", re.IGNORECASE)


def next_weekday(today: date, weekday: str) -> date:
    """The coming `weekday`, never today: "next Tuesday" said on a Tuesday is a week away."""
    ahead = (DAYS.index(weekday.lower()) - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def resolve(phrase: str, zone: str, now: datetime | None = None) -> datetime:
    match = PHRASE.match(phrase.strip())
    if not match:
        raise ValueError(f"write times as '10:00 next Tuesday', not {phrase!r}")
    tz = ZoneInfo(zone)
    today = (now or datetime.now(tz)).astimezone(tz).date()
    day = next_weekday(today, match.group(3))
    return datetime.combine(day, time(int(match.group(1)), int(match.group(2))), tz)


def clock(when: datetime) -> str:
    """How the receptionist says a time of day, in `when`'s own zone: "10:00 AM"."""
    return f"{when:%I:%M %p}".lstrip("0")


def in_zone(when: datetime, zone: str) -> datetime:
    return when.astimezone(ZoneInfo(zone))


def spoken_slot(when: datetime) -> str:
    """How the patient's page names a time: "10:00 AM on Tuesday 8 December", in `when`'s zone."""
    return f"{clock(when)} on {when:%A} {when.day} {when:%B}"


def several(times: str, weekday: str) -> list[str]:
    """"10:00, 14:00 and 16:00" + "Tuesday" -> ["10:00 next Tuesday", ...]."""
    return [f"{t.strip()} next {weekday}" for t in re.split(r",| and ", times) if t.strip()]


SPOKEN = re.compile(r"^(\d{1,2}:\d{2} [AP]M)(?: on \w+ (\d{1,2}) (\w+))?$")


def spoken(text: str, near: datetime) -> datetime:
    """The time the receptionist says ("10:30 AM", or "10:30 AM on Wednesday 2 December"),
    in the zone of `near`, on near's day unless the day is said."""
    match = SPOKEN.match(text.strip())
    if not match:
        raise ValueError(f"not a spoken time: {text!r}")
    clock = datetime.strptime(match.group(1), "%I:%M %p").time()
    day = near.date()
    if match.group(2):
        month = datetime.strptime(match.group(3), "%B").month
        day = date(near.year + (month < near.month), month, int(match.group(2)))
    return datetime.combine(day, clock, near.tzinfo)
