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
