"""N simultaneous claims on contested times (test case 2), against the embedded stack.

    .venv/bin/python scripts/bench_collision.py [--callers 100 1000] [--times 3] [--repeat 3]

Each simulated caller has a client of its own, its connection opened before the gate (as
in the suite's crowd scenarios): the figures are the system's, not one shared client's.
Prints, per round: claim p50/p95/max over every caller, the same over the losers alone
(their reply carries the alternatives), winners per time (must be exactly 1), a raw
single-row INSERT on the same database in the same run, and each p50's ratio to it.
Then one claim at a time (nobody else asking): a winner's and a loser's p50 and their ratio
to the raw insert, and a loser's reply as the caller gets it. With --repeat N each crowd
runs N times and the closing table gives the median of each figure, with the machine's load.
Loopback only; bounded in count (<= 2000) and time."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time

import benchkit
from clinic_suite.journeys.crowd import Gate, percentile, released_on_own_line

MAX_CALLERS = 2000
MAX_REPEAT = 10
ROUND_TIMEOUT_S = 120
ALONE = 200  # claims one at a time, for the uncontended figures


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


def figures(seconds: list[float]) -> str:
    if not seconds:
        return "none"
    return (f"p50 {percentile(seconds, 0.5) * 1000:.0f} ms, p95 {percentile(seconds, 0.95) * 1000:.0f} ms, "
            f"max {max(seconds) * 1000:.0f} ms")


async def one_round(bench, clinic: dict, patient_id: str, callers: int, times: list[str]) -> dict:
    api = bench.api
    gate = Gate(callers)

    def sender(slot: str):
        return lambda line: line.claim_slot(clinic["apiKey"], {"slotTime": slot, "patientId": patient_id})
    wanted = [times[i % len(times)] for i in range(callers)]
    tasks = [asyncio.ensure_future(released_on_own_line(api, gate, sender(slot))) for slot in wanted]
    await gate.open_when_ready(tasks)
    cpu, system_cpu, started = os.times(), bench.cpu_seconds(), time.perf_counter()
    results = await asyncio.wait_for(asyncio.gather(*tasks), ROUND_TIMEOUT_S)
    wall, cpu_after, system_after = time.perf_counter() - started, os.times(), bench.cpu_seconds()
    latencies = [seconds for _, seconds in results]
    losers = [seconds for answer, seconds in results if answer.status_code == 409]
    with_alternatives = sum(1 for answer, _ in results if answer.status_code == 409 and answer.json()["alternatives"])
    statuses = sorted({answer.status_code for answer, _ in results})
    winners = [sum(1 for slot, (answer, _) in zip(wanted, results) if slot == t and answer.status_code == 200)
               for t in times]
    client_cpu = (cpu_after.user - cpu.user) + (cpu_after.system - cpu.system)
    print(f"{callers:>5} callers on {len(times)} times: all answered in {wall:.2f}s ({callers / wall:.0f} claims/s), "
          f"the clients' own CPU {client_cpu * 1000:.0f} ms; statuses {statuses}; winners per time {winners}"
          + ("" if set(winners) == {1} else "  <-- DOUBLE BOOKING OR NO WINNER"))
    spent = {k: system_after[k] - system_cpu[k] for k in system_cpu}
    print(f"      CPU per claim: service {spent['service'] / callers * 1000:.2f} ms, database "
          f"{spent['database'] / callers * 1000:.2f} ms, clients {client_cpu / callers * 1000:.2f} ms "
          f"(on an idle 2-core machine the burst needs at least {(sum(spent.values()) + client_cpu) / 2:.2f}s)")
    print(f"      every claim:        {figures(latencies)}")
    print(f"      losers ({len(losers)}, {with_alternatives} offered alternatives): {figures(losers)}")
    return {"claim": percentile(latencies, 0.5), "loser": percentile(losers, 0.5) if losers else None,
            "p95": percentile(latencies, 0.95), "max": max(latencies), "winners_ok": set(winners) == {1},
            "service_ms": spent["service"] / callers * 1000, "database_ms": spent["database"] / callers * 1000,
            "client_ms": client_cpu / callers * 1000}


async def one_at_a_time(bench, clinic: dict, patient_id: str, free: list[str]) -> dict:
    """Claims with nobody else asking, on one line: winners on every other free time, then losers
    on a taken one (each answered with its alternatives, the times left between). Returns the
    p50s and a loser's reply."""
    async with bench.api.own_line() as line:
        async def timed(slot: str):
            started = time.perf_counter()
            answer = await line.claim_slot(clinic["apiKey"], {"slotTime": slot, "patientId": patient_id})
            return answer, time.perf_counter() - started
        won = [await timed(slot) for slot in free[::2]]
        lost = [await timed(free[0]) for _ in free[::2]]
    assert all(a.status_code == 200 for a, _ in won) and all(a.status_code == 409 for a, _ in lost), "one at a time"
    return {"winner": percentile([s for _, s in won], 0.5), "loser": percentile([s for _, s in lost], 0.5),
            "reply": lost[-1][0].json()}


def median_table(rows: dict[int, list[dict]], alone: list[dict], loads: list[str]) -> None:
    print(f"\nmedians of {max(len(r) for r in rows.values())} round(s) each (machine load before each run: "
          f"{'; '.join(loads)}):")
    for callers, rounds in rows.items():
        def med(key: str) -> float:
            return statistics.median(r[key] for r in rounds)
        print(f"  {callers:>5} at once: p50 {med('claim') * 1000:.0f} ms, p95 {med('p95') * 1000:.0f} ms, "
              f"max {med('max') * 1000:.0f} ms; loser p50 {med('loser') * 1000:.0f} ms; CPU per claim: service "
              f"{med('service_ms'):.2f} ms, database {med('database_ms'):.2f} ms, clients {med('client_ms'):.2f} ms; "
              f"one winner per time in every round: {all(r['winners_ok'] for r in rounds)}; "
              f"claim p50 / insert p50 = {statistics.median(r['claim'] / r['insert'] for r in rounds):.0f}x")
    insert = statistics.median(a["insert"] for a in alone)
    winner, loser = statistics.median(a["winner"] for a in alone), statistics.median(a["loser"] for a in alone)
    print(f"  one at a time: winner p50 {winner * 1000:.2f} ms, loser (with alternatives) p50 {loser * 1000:.2f} ms; "
          f"raw single-row insert p50 {insert * 1000:.2f} ms; winner / insert = {winner / insert:.1f}x, "
          f"loser / insert = {loser / insert:.1f}x")


async def main(rounds: list[int], n_times: int, repeat: int) -> None:
    results: dict[int, list[dict]] = {callers: [] for callers in rounds}
    alone, loads = [], []
    async with benchkit.embedded(max_connections=max(rounds)) as bench:
        api, pool = bench.api, bench.pool
        # A running service has its database connections open already: the first burst after
        # start-up opens them (a password handshake each) and is shown apart, not measured.
        for callers in ["warm-up", *[c for _ in range(repeat) for c in rounds]]:
            clinic = await bench.new_clinic()
            patient = (await api.add_patient(clinic["orgId"], {"name": "Bench", "phone": "+15550000000"})).json()
            wanted = ALONE if callers == "warm-up" else n_times
            slots = (await api.availability(clinic["apiKey"], clinic["orgId"], limit=wanted)).json()["slots"]
            if callers == "warm-up":
                print("warm-up (the service opens its database connections):")
                await one_round(bench, clinic, patient["patientId"], 100, [s["slotTime"] for s in slots[:n_times]])
                continue
            loads.append(os.getloadavg()[0].__format__(".1f"))
            p50 = await one_round(bench, clinic, patient["patientId"], callers, [s["slotTime"] for s in slots])
            insert_p50 = await raw_insert_p50(pool, clinic["orgId"], patient["patientId"])
            results[callers].append({**p50, "insert": insert_p50})
            loser = f"; loser p50 / insert p50 = {p50['loser'] / insert_p50:.0f}x" if p50["loser"] else ""
            print(f"      raw single-row insert p50 {insert_p50 * 1000:.2f} ms; claim p50 / insert p50 = "
                  f"{p50['claim'] / insert_p50:.0f}x{loser}")
            doubles = await pool.fetchval("SELECT count(*) FROM (SELECT 1 FROM appointment_slots WHERE "
                                          "status IN ('held','booked') GROUP BY org_id, slot_time HAVING count(*) > 1) d")
            print(f"      double bookings in the database: {doubles}")
        for _ in range(repeat):
            clinic = await bench.new_clinic()
            patient = (await api.add_patient(clinic["orgId"], {"name": "Bench", "phone": "+15550000000"})).json()
            free = (await api.availability(clinic["apiKey"], clinic["orgId"], limit=ALONE)).json()["slots"]
            single = await one_at_a_time(bench, clinic, patient["patientId"], [s["slotTime"] for s in free])
            alone.append({**single, "insert": await raw_insert_p50(pool, clinic["orgId"], patient["patientId"])})
        print("\none at a time, a loser's reply:", json.dumps(alone[-1]["reply"], ensure_ascii=False))
        median_table(results, alone, loads)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--callers", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--times", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of each crowd; medians at the end")
    args = parser.parse_args()
    asyncio.run(main([min(c, MAX_CALLERS) for c in args.callers], args.times, max(1, min(args.repeat, MAX_REPEAT))))
