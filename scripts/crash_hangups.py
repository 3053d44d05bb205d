"""The database killed hard while callers hang up (CC-F2's crash case), in a loop.

    .venv/bin/python scripts/crash_hangups.py [--callers 50] [--rounds 10] [--outage 2] [--mode in-flight|waves]

Each round: a fresh clinic, N callers on the line each holding a time, then their hang-up
reports; the embedded PostgreSQL's postmaster gets SIGKILL and is restarted `--outage`
seconds later as an operator would (pg_ctl start, its stale postmaster.pid left in place).
`in-flight` releases every hang-up at once and kills when the first few are answered (the
way the issue reproduced it); `waves` is the scenario's deterministic crash (journeys/crashes.py).
Counted per round, by kind: 5xx answers, calls not ended abandoned once, holds lost or
wrong, calls without exactly one text, reports left in the spool. Loopback only, bounded
(<= 200 callers, <= 50 rounds); exits non-zero if any round had a problem."""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path

from clinic_suite.drivers.api import ClinicApi
from clinic_suite.drivers.database import ClinicDatabase, connect
from clinic_suite.drivers.evidence import Evidence
from clinic_suite.drivers.sms_stub import SmsStub
from clinic_suite.drivers.target import start_embedded
from clinic_suite.journeys import crashes
from clinic_suite.journeys.clinics import set_up_clinic
from clinic_suite.people import People
from clinic_suite.world import World

MAX_CALLERS, MAX_ROUNDS = 200, 50
KILL_AFTER_ANSWERS = 5   # in-flight mode: a few acknowledged, the rest still in flight


async def in_flight_crash(world: World, clinic, callers, outage_s: float) -> crashes.Crash:
    crash = crashes.Crash(clinic, callers)
    answered = asyncio.Event()

    async def one(call):
        await crashes.hang_up(world, crash, call)
        if len(crash.answers) >= KILL_AFTER_ANSWERS:
            answered.set()
    pending = [asyncio.ensure_future(one(c)) for c in callers]
    await answered.wait()
    world.target.crash("database")
    await asyncio.gather(*pending)
    await asyncio.sleep(outage_s)  # a script, not a test: the outage lasts what an operator takes
    await crashes.restart_database(world)
    return crash


async def one_round(target, pool, number: int, args) -> dict[str, int]:
    evidence = Evidence()
    world = World(target=target, api=ClinicApi(target.api_url, target.admin_token, evidence),
                  db=ClinicDatabase(pool, evidence), sms=SmsStub(target.sms_stub_url, evidence),
                  people=People(1000 + number), evidence=evidence, seed=1000 + number)
    try:
        clinic = await set_up_clinic(world, "Premier Cosmetic Surgery")
        callers = await crashes.callers_booking(world, clinic, args.callers)
        started = time.monotonic()
        if args.mode == "waves":
            crash = await crashes.hang_up_through_crash(world, clinic, callers)
        else:
            crash = await in_flight_crash(world, clinic, callers, args.outage)
        outcome = await crashes.settled_outcome(world, crash, strict=False)
        seconds = time.monotonic() - started
    finally:
        await world.api.close()
        await world.sms.close()
    counts = {k: len(v) for k, v in outcome.problems.items()}
    # Of the calls not ended abandoned once: never ended at all, or ended but their text stuck.
    not_ended = outcome.problems["not ended abandoned once"]
    never = [p.split()[0] for p in not_ended if "['in-progress'] " in p or " None " in p]
    counts["(of which never ended)"] = len(never)
    counts["(never ended though answered 200: acknowledged, then lost)"] = sum(crash.answers.get(c) == 200 for c in never)
    answers = sorted(set(crash.answers.values()))
    print(f"round {number:>2}: {args.callers} callers, answers {answers}, "
          + ", ".join(f"{k} {n}" for k, n in counts.items()) + f" ({seconds:.1f}s)", flush=True)
    for kind, found in outcome.problems.items():
        for item in found[:5]:
            print(f"    {kind}: {item}")
    errors = service_errors(target.log_text())
    if errors:
        print(f"    the service's own errors so far: {dict(errors)}")
    if any(counts.values()) and args.keep_logs:
        kept = Path(args.keep_logs) / f"crash-round-{number}.jsonl"
        kept.write_text(target.log_text())
        print(f"    the service's log so far: {kept}")
    return counts


def service_errors(log: str) -> Counter:
    """The system's logged failures (its JSON-lines log), by event and exception kind."""
    seen = Counter()
    for line in log.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("event") in ("unexpected_error", "database_error", "sms_crash", "db_unavailable"):
            seen[f"{entry['event']}:{entry.get('kind')}"] += 1
    return seen


async def main(args) -> int:
    logging.getLogger("asyncpg.pool").setLevel(logging.CRITICAL)  # the suite's own pool, reconnecting
    target = start_embedded()
    pool = await connect(target.database_url)
    totals: dict[str, int] = {}
    bad_rounds = 0
    try:
        for number in range(1, args.rounds + 1):
            counts = await one_round(target, pool, number, args)
            bad_rounds += any(n for k, n in counts.items() if k in crashes.KINDS)
            for kind, n in counts.items():
                totals[kind] = totals.get(kind, 0) + n
    finally:
        await pool.close()
        target.stack.stop()
    calls = args.callers * args.rounds
    print(f"\n{args.rounds} rounds of {args.callers} callers ({args.mode}): {bad_rounds} rounds with a problem; "
          + ", ".join(f"{k} {n}/{calls}" for k, n in totals.items()))
    return 1 if bad_rounds else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--callers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--outage", type=float, default=2.0)
    parser.add_argument("--mode", choices=["in-flight", "waves"], default="in-flight")
    parser.add_argument("--keep-logs", metavar="FOLDER", help="write the service's log there after a bad round")
    parsed = parser.parse_args()
    parsed.callers = max(5, min(parsed.callers, MAX_CALLERS))
    parsed.rounds = max(1, min(parsed.rounds, MAX_ROUNDS))
    parsed.outage = max(0.0, min(parsed.outage, 30.0))
    sys.exit(asyncio.run(main(parsed)))
