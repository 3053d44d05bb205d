"""Readable, relative times (pinned decision 13): "10:00 next Tuesday" in the clinic's zone."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PHRASE = re.compile(r"^(\d{1,2}):(\d{2}) next (\w+)$", re.IGNORECASE)
# "10:00 on the first Tuesday after the clocks change": after the clinic's next daylight-saving
# change, found from its zone's rules on the day of the run (never a date written down).
AFTER_CHANGE = re.compile(r"^(\d{1,2}):(\d{2}) on the first (\w+) after the clocks change$", re.IGNORECASE)


def next_weekday(today: date, weekday: str) -> date:
    """The coming `weekday`, never today: "next Tuesday" said on a Tuesday is a week away."""
    ahead = (DAYS.index(weekday.lower()) - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def next_clock_change(zone: str, now: datetime | None = None) -> date:
    """The first day, from today in `zone`, whose noon is at another UTC offset than now:
    the day the clinic's clocks next change. From the zone's own rules, so any day of the year."""
    tz = ZoneInfo(zone)
    now = (now or datetime.now(tz)).astimezone(tz)
    for ahead in range(0, 400):
        day = now.date() + timedelta(days=ahead)
        if datetime.combine(day, time(12), tz).utcoffset() != now.utcoffset():
            return day
    raise ValueError(f"the clocks of {zone} do not change within a year: pick a zone with daylight saving")


def resolve(phrase: str, zone: str, now: datetime | None = None) -> datetime:
    """A readable time in the clinic's zone, at that date's own UTC offset."""
    tz = ZoneInfo(zone)
    now = (now or datetime.now(tz)).astimezone(tz)
    if match := PHRASE.match(phrase.strip()):
        day = next_weekday(now.date(), match.group(3))
    elif match := AFTER_CHANGE.match(phrase.strip()):
        day = next_weekday(next_clock_change(zone, now), match.group(3))
    else:
        raise ValueError(f"write times as '10:00 next Tuesday' or '10:00 on the first Tuesday after the clocks "
                         f"change', not {phrase!r}")
    return datetime.combine(day, time(int(match.group(1)), int(match.group(2))), tz)


def clock(when: datetime) -> str:
    """How the receptionist says a time of day, in `when`'s own zone: "10:00 AM"."""
    return f"{when:%I:%M %p}".lstrip("0")


def in_zone(when: datetime, zone: str) -> datetime:
    return when.astimezone(ZoneInfo(zone))


def day_named(when: datetime) -> str:
    """The day as the receptionist names it, in `when`'s own zone: "Tuesday 8 December"."""
    return f"{when:%A} {when.day} {when:%B}"


def spoken_day(when: datetime, now: datetime) -> str:
    """The day of `when` as the page says it from `now` (both in the clinic's zone):
    "today", "tomorrow" or "on Tuesday 8 December"."""
    days = (when.date() - now.date()).days
    return "today" if days == 0 else "tomorrow" if days == 1 else f"on {day_named(when)}"


def opening_times(opening_hours: dict, zone: str, start: datetime, end: datetime, minutes: int = 30) -> list[datetime]:
    """The appointment times a clinic with these opening hours ({"mon": ["09:00", "17:00"]})
    offers in [start, end): every `minutes` from opening, on its own clock, while one fits."""
    tz, out = ZoneInfo(zone), []
    day = start.astimezone(tz).date()
    while datetime.combine(day, time(0), tz) < end:
        span = opening_hours.get(DAYS[day.weekday()][:3])
        at = datetime.combine(day, time.fromisoformat(span[0]), tz) if span else None
        while at and at + timedelta(minutes=minutes) <= datetime.combine(day, time.fromisoformat(span[1]), tz):
            out += [at] if start <= at < end else []
            at += timedelta(minutes=minutes)
        day += timedelta(days=1)
    return out


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
