"""N simultaneous claims on contested times (test case 2), against the embedded stack.

    .venv/bin/python scripts/bench_collision.py [--callers 100 1000] [--times 3]

Prints claims per second, p50/p95/max latency, winners per time (must be exactly 1),
and a raw single-row INSERT on the same database in the same run, with the ratio
claim p50 / insert p50. Loopback only; bounded in count (<= 2000) and time."""
from __future__ import annotations

import argparse
import asyncio
import time

import benchkit
from clinic_suite.journeys.crowd import percentile

MAX_CALLERS = 2000
ROUND_TIMEOUT_S = 120


async def raw_insert_p50(pool, org_id: str, patient_id: str, samples: int = 200) -> float:
    """One INSERT of a booking row, as the database sees it, on the same server."""
    times = []
    async with pool.acquire() as conn:
        await conn.execute("SET app.current_org_id = ''")
        for i in range(samples):
            started = time.perf_counter()
            await conn.execute("INSERT INTO appointment_slots (org_id, slot_time, status, patient_id) "
                               "VALUES ($1, '2001-01-01'::timestamptz + $2 * interval '1 minute', 'booked', $3)",
                               org_id, i, patient_id)
            times.append(time.perf_counter() - started)
        await conn.execute("DELETE FROM appointment_slots WHERE org_id = $1 AND slot_time < '2002-01-01'", org_id)
    return percentile(times, 0.5)


async def one_round(api, clinic: dict, patient_id: str, callers: int, times: list[str]) -> None:
    release = asyncio.Event()

    async def claim(i: int):
        slot = times[i % len(times)]
        await release.wait()
        started = time.perf_counter()
        answer = await api.claim_slot(clinic["apiKey"], {"slotTime": slot, "patientId": patient_id})
        return slot, answer.status_code, time.perf_counter() - started

    tasks = [asyncio.ensure_future(claim(i)) for i in range(callers)]
    await asyncio.sleep(0)
    started = time.perf_counter()
    release.set()
    results = await asyncio.wait_for(asyncio.gather(*tasks), ROUND_TIMEOUT_S)
    wall = time.perf_counter() - started
    latencies = [r[2] for r in results]
    statuses = {s for _, s, _ in results}
    winners = {t: sum(1 for slot, status, _ in results if slot == t and status == 200) for t in times}
    print(f"{callers:>5} callers on {len(times)} times: all answered in {wall:.2f}s "
          f"({callers / wall:.0f} claims/s); p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
          f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
          f"statuses {sorted(statuses)}; winners per time {list(winners.values())}"
          + ("" if set(winners.values()) == {1} else "  <-- DOUBLE BOOKING OR NO WINNER"))
    return percentile(latencies, 0.5)


async def main(rounds: list[int], n_times: int) -> None:
    async with benchkit.embedded(max_connections=max(rounds)) as bench:
        api, pool = bench.api, bench.pool
        for callers in rounds:
            clinic = await bench.new_clinic()
            patient = (await api.add_patient(clinic["orgId"], {"name": "Bench", "phone": "+15550000000"})).json()
            slots = (await api.availability(clinic["apiKey"], clinic["orgId"], limit=n_times)).json()["slots"]
            claim_p50 = await one_round(api, clinic, patient["patientId"], callers, [s["slotTime"] for s in slots])
            insert_p50 = await raw_insert_p50(pool, clinic["orgId"], patient["patientId"])
            print(f"      raw single-row insert p50 {insert_p50 * 1000:.2f} ms; claim p50 / insert p50 = "
                  f"{claim_p50 / insert_p50:.0f}x")
            doubles = await pool.fetchval("SELECT count(*) FROM (SELECT 1 FROM appointment_slots WHERE "
                                          "status IN ('held','booked') GROUP BY org_id, slot_time HAVING count(*) > 1) d")
            print(f"      double bookings in the database: {doubles}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--callers", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--times", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main([min(c, MAX_CALLERS) for c in args.callers], args.times))
