"""The slot model (pinned decision 4): free times come from opening hours, every
30 minutes in the clinic's timezone; a time is taken while a row holds or books it."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone
from itertools import islice
from zoneinfo import ZoneInfo

from .errors import invalid

SLOT_MINUTES = 30
HORIZON_DAYS = 56  # how far ahead a clinic takes bookings unless it chose otherwise (bookingHorizonDays)
HORIZON_MAX_DAYS = 366
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


@dataclass(frozen=True)
class Hours:
    tz: ZoneInfo
    week: dict[str, tuple[time, time]]
    horizon_days: int = HORIZON_DAYS

    @classmethod
    def of(cls, timezone_name: str, opening_hours: dict, horizon_days: int | None = None) -> "Hours":
        week = {day: (time.fromisoformat(span[0]), time.fromisoformat(span[1]))
                for day, span in opening_hours.items()}
        return cls(ZoneInfo(timezone_name), week, horizon_days or HORIZON_DAYS)

    def day_slots(self, day: date) -> tuple[datetime, ...]:
        span = self.week.get(DAYS[day.weekday()])
        return _day_slots(self.tz, span, day) if span else ()

    def candidates(self, start: datetime, end: datetime) -> Iterator[datetime]:
        """Every opening time from start to end, in order, a day at a time (a caller who wants
        the next ten free times does not pay for eight weeks of them)."""
        day = start.astimezone(self.tz).date()
        while datetime.combine(day, time(0), self.tz) < end:
            yield from (t for t in self.day_slots(day) if start <= t < end)
            day += timedelta(days=1)


@lru_cache(maxsize=8192)
def _day_slots(tz: ZoneInfo, span: tuple[time, time], day: date) -> tuple[datetime, ...]:
    """One day's opening times in UTC (cached: every availability answer walks the same days)."""
    start = datetime.combine(day, span[0], tz)
    end = datetime.combine(day, span[1], tz)
    out, t = [], start
    while t + timedelta(minutes=SLOT_MINUTES) <= end:
        out.append(t.astimezone(timezone.utc))
        t += timedelta(minutes=SLOT_MINUTES)
    return tuple(out)


def parse_time(value, where: str) -> datetime | None:
    """An API time: ISO 8601 with its UTC offset (pinned decision 4); else 422 naming `where`."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise invalid([{"loc": where, "msg": "must be an ISO 8601 time"}]) from None
    if parsed.tzinfo is None:
        raise invalid([{"loc": where, "msg": "must carry a UTC offset"}])
    return parsed


def label(when: datetime, tz: ZoneInfo) -> str:
    """How the receptionist says a time: 'Tuesday 1 December at 10:00 AM'."""
    local = when.astimezone(tz)
    return f"{local:%A} {local.day} {local:%B} at {local:%I:%M %p}".replace(" at 0", " at ")


def clock(when: datetime, tz: ZoneInfo) -> str:
    return f"{when.astimezone(tz):%I:%M %p}".lstrip("0")


def local_stamp(when: datetime, tz: ZoneInfo) -> str:
    """The plan's metadata form: '2026-01-15 10:00'."""
    return f"{when.astimezone(tz):%Y-%m-%d %H:%M}"


def spoken_alternative(wanted: datetime, offer: datetime, tz: ZoneInfo) -> str:
    same_day = wanted.astimezone(tz).date() == offer.astimezone(tz).date()
    return clock(offer, tz) if same_day else f"{clock(offer, tz)} on {offer.astimezone(tz):%A} {offer.astimezone(tz).day} {offer.astimezone(tz):%B}"


ACTIVE_ROWS = """
    SELECT slot_time FROM appointment_slots
    WHERE org_id = $1 AND slot_time >= $2 AND slot_time < $3
      AND (status = 'booked' OR (status = 'held' AND held_until > now()))
"""


FIRST_WINDOW = timedelta(days=7)


async def free_times(conn, org_id: str, hours: Hours, start: datetime, end: datetime,
                     limit: int | None = None) -> list[datetime]:
    """The free times from start to end, the first `limit` of them. The taken rows are read a
    window at a time, a week and then twice as far each time: a caller who wants the next ten
    free times does not pay for reading eight weeks of a busy clinic's bookings."""
    free: list[datetime] = []
    low, window = start, (FIRST_WINDOW if limit else end - start)
    while low < end and (limit is None or len(free) < limit):
        high = min(end, low + window)
        taken = {r["slot_time"] for r in await conn.fetch(ACTIVE_ROWS, org_id, low, high)}
        wanted = None if limit is None else limit - len(free)
        free += islice((t for t in hours.candidates(low, high) if t not in taken), wanted)
        low, window = high, window * 2
    return free


def horizon(now: datetime, days: int = HORIZON_DAYS) -> datetime:
    return now + timedelta(days=days)
