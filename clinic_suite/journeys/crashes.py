"""Crashes caused on purpose (embedded target only): the database killed hard (SIGKILL)
while callers hang up and restarted as an operator would, and the service killed while it
sends a text. What must hold afterwards is judged call by call (`Outcome.problems`), so
that the script looping the crash (scripts/crash_hangups.py) counts what a scenario asserts."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from hamcrest import contains_string, equal_to, has_length

from . import booking, calls, crowd
from .clinics import new_caller
from ..checks import check, eventually
from ..world import Call, Clinic, World

SETUP_CONCURRENCY = 20
HOLD_MINUTES = 30
SETTLE_S = 10.0        # the plan's limit for a text; a restart and the replay take about a second
STORED_ONCE = ["in-progress", "abandoned", "follow-up-sent"]
KINDS = ("answered 5xx", "not ended abandoned once", "hold lost or wrong", "not exactly one text", "left in spool",
         "booking lost")


@dataclass
class Crash:
    """The callers of one crash, the answer each hang-up got, and the hang-up time each report states."""
    clinic: Clinic
    calls: list[Call]
    answers: dict[str, int] = field(default_factory=dict)
    ended_at: dict[str, datetime] = field(default_factory=dict)
    outage_reply: str | None = None   # what the receptionist said to a caller during the outage
    booked: datetime | None = None    # a time booked (and acknowledged) just before the crash
    settled: "Outcome | None" = None  # the outcome once nothing moves any more (settled_outcome)


@dataclass
class Outcome:
    """Every caller's record after the crash, and what is wrong with it, by kind (KINDS)."""
    problems: dict[str, list[str]]
    settled: bool

    def __bool__(self) -> bool:   # `eventually` waits for a settled outcome
        return self.settled

    def __repr__(self) -> str:
        return "; ".join(f"{k}: {len(v)} ({', '.join(v[:3])})" for k, v in self.problems.items() if v) or "none"


async def callers_booking(world: World, clinic: Clinic, count: int) -> list[Call]:
    """`count` callers on the line at once, each having picked a different free time."""
    start = datetime.now(timezone.utc) + timedelta(days=1)
    times = await booking.offered_times(world, clinic, start, count)
    check(times, has_length(count), f"{count} free times for {count} callers")
    group = await crowd.gather_callers(world, clinic, [datetime.fromisoformat(t) for t in times])
    gate = asyncio.Semaphore(SETUP_CONCURRENCY)

    async def pick(call: Call, when: datetime) -> Call:
        async with gate:
            answer = await calls.use_tool(world, call, "select_slot", {"slotTime": when.isoformat()})
        check(calls.tool_result(answer), contains_string("reserved"), "the receptionist reserves the time")
        call.slot_time = when
        return call
    return list(await asyncio.gather(*(pick(c, w) for c, w in group.calls)))


async def hang_up(world: World, crash: Crash, call: Call) -> int:
    payload, endpoint = calls.hang_up_report(call)
    crash.ended_at[call.call_id] = datetime.fromisoformat(payload["message"]["endedAt"].replace("Z", "+00:00"))
    answer = await world.api.vapi(call.patient.clinic.vapi, payload, endpoint)
    crash.answers[call.call_id] = answer.status_code
    return answer.status_code


def waves(callers: list[Call]) -> tuple[list[Call], list[Call], list[Call]]:
    """A fifth stored before the crash, three fifths mid-way when it comes, a fifth during the outage."""
    fifth = max(1, len(callers) // 5)
    return callers[:fifth], callers[fifth:-fifth], callers[-fifth:]


async def hang_up_through_crash(world: World, clinic: Clinic, callers: list[Call]) -> Crash:
    """The database dies right after its last acknowledged commit (the first callers' texts,
    delivered and reported), while the next callers' hang-ups are mid-transaction (each waits
    at its call's record), and stays down while the last callers hang up; then it restarts."""
    crash = Crash(clinic, callers)
    before, midway, during = waves(callers)
    booker = await new_caller(world, clinic)
    free = (await booking.offered_times(world, clinic, datetime.now(timezone.utc) + timedelta(days=1), 1))[0]
    await asyncio.gather(*(hang_up(world, crash, c) for c in before))

    async def reported():
        rows = {r["id"]: r for r in await world.db.clinic_calls(clinic.org_id)}
        return all(rows[c.call_id]["texts"] == ["delivered"] for c in before)
    await eventually(reported, within=calls.SMS_THRESHOLD_S, what="the first callers' texts delivered", every=0.05)
    killed = False
    try:
        async with world.db.calls_held([c.call_id for c in midway]):
            pending = [asyncio.ensure_future(hang_up(world, crash, c)) for c in midway]

            async def all_waiting():
                return await world.db.service_waiting_on_locks() == len(midway)
            await eventually(all_waiting, within=calls.SMS_THRESHOLD_S, what="every hang-up mid-transaction")
            # The last commit acknowledged before the crash, with nothing written after it: a booking.
            answer = await booking.book(world, clinic, booker.patient_id, datetime.fromisoformat(free))
            world.target.crash("database")
            killed = True
        await asyncio.gather(*pending)
        await asyncio.gather(*(hang_up(world, crash, c) for c in during))
        reply = await calls.use_tool(world, during[0], "check_availability", {})
    finally:
        if killed:  # whatever failed, the next scenario needs its database
            await restart_database(world)
    check(answer.status_code, equal_to(200), f"booked just before the crash: {answer.text[:200]}")
    crash.booked = datetime.fromisoformat(free)
    results = reply.json().get("results", []) if reply.status_code == 200 else []
    crash.outage_reply = results[0]["result"] if len(results) == 1 else f"{reply.status_code} {reply.text[:200]}"
    return crash


async def restart_database(world: World) -> None:
    world.target.restart("database")
    await world.db.reconnect()  # the suite's own connections died with the server


def hold_problems(crash: Crash, row: dict, minutes: int) -> list[str]:
    """The call's one hold must end `minutes` after the hang-up its report states, and the
    call's end must be that hang-up (however late the report was stored)."""
    stated = crash.ended_at[row["id"]]
    holds = row["holds"]
    if len(holds) == 1 and abs((holds[0] - stated - timedelta(minutes=minutes)).total_seconds()) <= 0.001 \
            and row["ended_at"] is not None and abs((row["ended_at"] - stated).total_seconds()) <= 0.001:
        return []
    return [f"{row['id']} holds {holds}, ended {row['ended_at']}, hung up {stated}"]


async def final_rows(world: World, crash: Crash) -> list[dict]:
    return [r for r in await world.db.clinic_calls(crash.clinic.org_id) if r["id"] in crash.ended_at]


def _done(row: dict | None) -> bool:
    """Nothing more will happen to this call by itself: ended, and its text handed over or refused."""
    return row is not None and len(row["moves"]) >= len(STORED_ONCE) and row["texts"][-1:] != [] \
        and row["texts"][-1] not in ("queued", "sending")


def _reported(message: dict) -> str | None:
    """What the system must show for a text the phone got: the provider's last delivery report
    the system acknowledged ("sent" when none was: a report during the outage is refused),
    or None while the provider is still reporting."""
    reports = message.get("callbacks", [])
    if len(reports) < 2:
        return None
    taken = [r["status"] for r in reports if r["answer"] == 204]
    return taken[-1] if taken else "sent"


async def outcome(world: World, crash: Crash) -> Outcome:
    """Every caller's record now: stored once and abandoned, held 30 minutes from the hang-up
    the report states, one text at the phone whose last acknowledged delivery report is what
    the clinic's record shows (an acknowledged write lost in the crash shows here), nothing
    left in the spool."""
    rows = {r["id"]: r for r in await world.db.clinic_calls(crash.clinic.org_id)}
    problems: dict[str, list[str]] = {k: [] for k in KINDS}
    problems["left in spool"] = [p.name for p in world.target.spooled_reports()]
    settled = not problems["left in spool"] and all(_done(rows.get(c.call_id)) for c in crash.calls)
    if crash.booked is not None:
        kept = [r for r in await world.db.slot_rows(crash.clinic.org_id, crash.booked) if r["status"] == "booked"]
        problems["booking lost"] = [] if len(kept) == 1 else [f"{crash.booked.isoformat()}: {len(kept)} booked"]
    for call in crash.calls:
        cid, row = call.call_id, rows.get(call.call_id)
        if crash.answers.get(cid, 0) >= 500:
            problems["answered 5xx"].append(f"{cid} {crash.answers[cid]}")
        if row is None or row["moves"] != STORED_ONCE or row["booking_status"] != "incomplete":
            problems["not ended abandoned once"].append(f"{cid} {row and row['moves']} texts {row and row['texts']}")
            continue
        problems["hold lost or wrong"] += hold_problems(crash, row, HOLD_MINUTES)
    if settled:  # the phones are asked once the database says everything is over
        phones = {c.call_id: [_reported(m) for m in await world.sms.messages(c.patient.phone)] for c in crash.calls}
        settled = all(None not in shown for shown in phones.values())
        # read again after the phones: a report the phone saw acknowledged is in the record by now
        rows = {r["id"]: r for r in await world.db.clinic_calls(crash.clinic.org_id)}
        for cid, shown in phones.items():
            if settled and (len(shown) != 1 or rows[cid]["texts"] != shown):
                problems["not exactly one text"].append(f"{cid} record {rows[cid]['texts']}, phone {shown}")
    return Outcome(problems, settled)


async def settled_outcome(world: World, crash: Crash, strict: bool = True) -> Outcome:
    """The outcome once nothing is moving any more (every text delivered, the spool empty);
    `strict=False` (the script) takes the last outcome seen when the deadline passes."""
    if crash.settled is not None:
        return crash.settled

    async def probe():
        return await outcome(world, crash)
    try:
        crash.settled = await eventually(probe, within=SETTLE_S, what="every call stored and texted after the crash",
                                         every=0.1)
    except AssertionError:
        if strict:
            raise
        crash.settled = await outcome(world, crash)
    return crash.settled


async def service_dies_mid_send(world: World, call: Call) -> None:
    """The caller hangs up; while the provider is still taking the text, the service is killed
    (SIGKILL) and started again: nobody knows whether the text went out."""
    answer = (await calls.deliver_hang_up(world, call))[0]
    check(answer.status_code, equal_to(200), f"the hang-up report is accepted: {answer.text[:300]}")

    async def sending():
        return [r for r in await world.db.follow_ups(call.call_id) if r["status"] == "sending"]
    await eventually(sending, within=calls.SMS_THRESHOLD_S, what="the text handed to the provider")

    async def provider_holding():
        # The slowed send has reached the provider once its fault is taken: crash inside that window.
        return not await world.sms.waiting_faults(call.patient.phone)
    await eventually(provider_holding, within=calls.SMS_THRESHOLD_S, what="the provider holding the text")
    world.target.crash("service")
    world.target.restart("service")


async def sent_again_after_restart(world: World, call: Call):
    """The service is stopped dead and started again (what it remembered is gone); then the very
    hang-up delivery last sent about the call is sent once more."""
    world.target.crash("service")
    world.target.restart("service")
    return await world.api.deliver(call.sent)
