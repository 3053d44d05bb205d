"""A loser's alternatives (AC-4) after migration 011: the same times, in the same order, as
008's fortnight of candidates sorted, for clinics across the world's time zones, across
daylight-saving changes, at every occupancy from empty to nearly full; and the same answer to
"does the clinic offer this time" as 008's."""
import asyncio
import json
import random
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import asyncpg

from clinic_system.db import MIGRATIONS

ZONES = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham",
         "America/Santiago", "UTC"]
HOURS = [{"mon": ["09:00", "17:00"], "tue": ["09:00", "17:00"], "wed": ["09:00", "17:00"],
          "thu": ["09:00", "17:00"], "fri": ["09:00", "17:00"]},
         {"sat": ["10:00", "13:00"]},
         {day: ["00:00", "23:30"] for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]},
         {"mon": ["01:00", "04:00"], "sun": ["00:30", "03:30"], "wed": ["08:15", "20:45"]}]
# Around now, and around the next daylight-saving changes of the zones above.
AROUND = [None, datetime(2027, 3, 14, 7, tzinfo=timezone.utc), datetime(2027, 3, 28, 1, tzinfo=timezone.utc),
          datetime(2027, 4, 4, 2, tzinfo=timezone.utc), datetime(2027, 4, 3, 14, tzinfo=timezone.utc),
          datetime(2026, 10, 25, 1, tzinfo=timezone.utc)]


def _reference_008(function: str) -> str:
    """One of 008's functions, word for word, under another name."""
    text = (MIGRATIONS / "008_claim_in_one_round_trip.sql").read_text()
    body = re.search(rf"CREATE FUNCTION {function}\(.*?\n\$\$;", text, re.DOTALL).group(0)
    return body.replace(f"CREATE FUNCTION {function}(", f"CREATE FUNCTION {function}_008(")


async def _clinic(conn, org: str, zone: str, hours: dict) -> None:
    await conn.execute("INSERT INTO clinics (org_id, name, timezone, opening_hours, api_key_hash, "
                       "webhook_secret_hash) VALUES ($1, 'c', $2, $3::jsonb, $1 || 'k', $1 || 'w')",
                       org, zone, json.dumps(hours))


def _beside_008(postgres, function: str, compare) -> None:
    """Run `compare(conn)` with 008's `function` beside 011's, in a transaction rolled back after."""
    async def scenario():
        conn = await asyncpg.connect(postgres.url())
        try:
            tx = conn.transaction()
            await tx.start()
            await conn.execute(_reference_008(function))
            await compare(conn)
            await tx.rollback()
        finally:
            await conn.close()
    asyncio.run(scenario())


def test_the_nearest_free_times_are_008s(postgres):
    async def compare(conn):
        rng = random.Random(20)
        now = await conn.fetchval("SELECT now()")
        compared = widened = 0
        for n, (zone, hours) in enumerate((z, h) for z in ZONES for h in HOURS):
            org = f"org_nearest_{n}"
            await _clinic(conn, org, zone, hours)
            for around in AROUND:
                centre = around or now + timedelta(hours=rng.uniform(0, 6))
                occupancy = rng.choice([0.0, 0.3, 0.8, 0.97, 1.0])
                times = await conn.fetch("SELECT t FROM clinic_slot_times($1, $2, $3, 30) AS t", org,
                                         centre - timedelta(days=9), centre + timedelta(days=9))
                taken = []
                for row in times:
                    if rng.random() < occupancy:
                        status = rng.choice(["booked", "held", "held-ended", "released"])
                        held_until = {"held": now + timedelta(minutes=30),
                                      "held-ended": now - timedelta(minutes=1)}.get(status)
                        taken.append((org, row["t"], "held" if status == "held-ended" else status, held_until))
                await conn.executemany(  # one batch, not a round trip a row
                    "INSERT INTO appointment_slots (org_id, slot_time, status, held_until) "
                    "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", taken)
                for _ in range(12):
                    wanted = rng.choice([*(r["t"] for r in times[:200]), centre]) if times else centre
                    wanted += rng.choice([timedelta(0), timedelta(0), timedelta(minutes=rng.randint(-600, 600))])
                    limit = rng.choice([0, 1, 3, 3, 3, 5, 40])
                    old = await conn.fetchval("SELECT nearest_free_times_008($1, $2, $3, 30)", org, wanted, limit)
                    new = await conn.fetchval("SELECT nearest_free_times($1, $2, $3, 30)", org, wanted, limit)
                    assert new == old, (zone, hours, wanted, limit)
                    compared += 1
                    widened += bool(old) and abs(old[-1] - wanted) >= timedelta(hours=6)
                await conn.execute("DELETE FROM appointment_slots WHERE org_id = $1", org)
        assert compared > 1000 and widened > 50  # the wider looks were needed, and agreed too
    _beside_008(postgres, "nearest_free_times", compare)


def test_the_times_a_clinic_offers_are_008s(postgres):
    async def compare(conn):
        rng, offered = random.Random(11), 0
        for n, (zone, hours) in enumerate((z, h) for z in ZONES for h in HOURS):
            org = f"org_offers_{n}"
            await _clinic(conn, org, zone, hours)
            for around in AROUND[1:]:
                for _ in range(50):
                    when = around + timedelta(minutes=15 * rng.randint(-700, 700) + rng.choice([0, 0, 0, 7]))
                    minutes = rng.choice([15, 30, 30, 60])
                    old = await conn.fetchval("SELECT clinic_offers_008($1, $2, $3)", org, when, minutes)
                    assert await conn.fetchval("SELECT clinic_offers($1, $2, $3)", org, when, minutes) == old
                    offered += old
        assert offered > 150
    _beside_008(postgres, "clinic_offers", compare)


def test_the_next_free_times_read_a_window_at_a_time_are_those_of_one_read(postgres):
    """slots.free_times reads taken rows a week, then twice as far: the same times as one read
    of the whole range, at every occupancy, for any limit."""
    from clinic_system import slots

    async def one_read(conn, org, hours, start, end, limit):
        taken = {r["slot_time"] for r in await conn.fetch(slots.ACTIVE_ROWS, org, start, end)}
        return [t for t in hours.candidates(start, end) if t not in taken][:limit]

    async def compare(conn):
        rng, compared, beyond_a_week = random.Random(7), 0, 0
        now = await conn.fetchval("SELECT now()")
        for n, (zone, opening) in enumerate((z, h) for z in ZONES[:4] for h in HOURS):
            org = f"org_windows_{n}"
            await _clinic(conn, org, zone, opening)
            hours = slots.Hours.of(zone, opening)
            start, end = now, slots.horizon(now)
            occupancy = rng.choice([0.0, 0.5, 0.9, 0.99, 1.0])
            await conn.executemany(
                "INSERT INTO appointment_slots (org_id, slot_time, status, held_until) VALUES ($1, $2, 'booked', NULL)",
                [(org, t) for t in hours.candidates(start, end) if rng.random() < occupancy])
            for limit in (None, 1, 10, 40, 500):
                got = await slots.free_times(conn, org, hours, start, end, limit)
                assert got == await one_read(conn, org, hours, start, end, limit), (zone, opening, limit)
                compared += 1
                beyond_a_week += bool(got) and got[-1] - start > slots.FIRST_WINDOW
        assert compared == 80 and beyond_a_week > 10  # the later, wider windows were read, and agreed
    _beside_008(postgres, "nearest_free_times", compare)
