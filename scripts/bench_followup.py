"""Hang-up to follow-up text, and hang-up to the call's row, over N hang-ups (CC-2).

    .venv/bin/python scripts/bench_followup.py [--hangups 30]

Starts the embedded stack, drives N calls through a hang-up one after another, and prints
median, p95 and max of both figures. Loopback only; bounded in count and time."""
from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import benchkit
from clinic_suite.drivers.sms_stub import SmsStub
from clinic_suite.journeys import payloads
from clinic_suite.journeys.crowd import percentile

DEADLINE_S = 10.0


async def one(api, stub, pool, clinic, n: int) -> tuple[float, float]:
    phone = f"+1555{7000000 + n:07d}"
    patient = (await api.add_patient(clinic["orgId"], {"name": f"Bench Patient{n}", "phone": phone})).json()
    call = (await api.initiate_call(clinic["apiKey"], {"phoneNumber": phone, "patientId": patient["patientId"],
                                                       "assistantId": "bench"})).json()["callId"]
    slots = (await api.availability(clinic["apiKey"], clinic["orgId"], limit=n + 1)).json()["slots"]
    await api.vapi(clinic["webhookSecret"], payloads.select_slot(call, f"{call}_t", slots[n]["slotTime"]))
    started = time.monotonic()
    await api.vapi(clinic["webhookSecret"], payloads.end_of_call_vapi(call, "Customer: I want to book..."))
    row_at = text_at = None
    while time.monotonic() - started < DEADLINE_S and (row_at is None or text_at is None):
        if row_at is None and await pool.fetchval("SELECT ended_at IS NOT NULL FROM calls WHERE id = $1", call):
            row_at = time.monotonic()
        if text_at is None and await stub.messages(phone):
            text_at = time.monotonic()
        await asyncio.sleep(0.002)
    if row_at is None or text_at is None:
        raise SystemExit(f"hang-up {n}: nothing within {DEADLINE_S}s")
    return text_at - started, row_at - started


async def main(hangups: int) -> None:
    async with benchkit.embedded() as bench:
        stub = SmsStub(bench.info.sms_stub_url, bench.evidence)
        clinic = await bench.new_clinic()
        texts, rows = [], []
        for n in range(hangups):
            text, row = await one(bench.api, stub, bench.pool, clinic, n)
            texts.append(text)
            rows.append(row)
        for name, values in (("hang-up -> text at the SMS provider", texts), ("hang-up -> call row stored", rows)):
            print(f"{name:<38} median {statistics.median(values) * 1000:6.1f} ms   "
                  f"p95 {percentile(values, 0.95) * 1000:6.1f} ms   max {max(values) * 1000:6.1f} ms   (n={len(values)})")
        await stub.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hangups", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(main(min(args.hangups, 500)))
