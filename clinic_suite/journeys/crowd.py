"""Many callers at once (test case 2): each with a patient record and a live call, their
requests prepared first and released together, each answer timed from the release."""
from __future__ import annotations

import asyncio
import re
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import datetime

from hamcrest import equal_to

from . import calls, payloads
from .clinics import add_patient
from ..checks import check
from ..world import Call, Clinic, World

SETUP_CONCURRENCY = 20
SORRY = re.compile(r"^I'm sorry, that slot was just taken\. How about (.+) instead\?$")
TAKEN = "Slot already claimed"


@dataclass
class Answer:
    call: Call
    wanted: datetime
    status: int
    body: dict
    seconds: float


@dataclass
class Crowd:
    calls: list[tuple[Call, datetime]] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)

    def winners(self, when: datetime | None = None) -> list[Answer]:
        return [a for a in self.answers if a.status == 200 and (when is None or a.wanted == when)]

    def losers(self) -> list[Answer]:
        return [a for a in self.answers if a.status != 200]

    def latencies(self) -> list[float]:
        return sorted(a.seconds for a in self.answers)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))]


async def gather_callers(world: World, clinic: Clinic, wanted: list[datetime]) -> Crowd:
    """One caller (patient + live call) per wanted time, set up a few at a time."""
    gate = asyncio.Semaphore(SETUP_CONCURRENCY)

    async def caller(i: int, when: datetime):
        async with gate:
            patient = await add_patient(world, f"Caller{i:03d}", clinic)
            return await calls.start_call(world, patient), when
    crowd = Crowd()
    crowd.calls = list(await asyncio.gather(*(caller(i, w) for i, w in enumerate(wanted))))
    return crowd


class Gate:
    """Callers open their lines, then wait here; the gate opens once every line is open, so the
    timed requests leave together and no connection set-up is timed as the system's answer."""

    OPENING_AT_ONCE = 50  # lines are opened a few at a time: a burst of connects is not the test

    def __init__(self, callers: int):
        self.callers, self.arrived = callers, 0
        self.opening = asyncio.Semaphore(self.OPENING_AT_ONCE)
        self.everyone_ready, self.opened = asyncio.Event(), asyncio.Event()

    async def wait(self) -> None:
        self.arrived += 1
        if self.arrived == self.callers:
            self.everyone_ready.set()
        await self.opened.wait()

    async def open_when_ready(self, tasks: list[asyncio.Future]) -> None:
        ready = asyncio.ensure_future(self.everyone_ready.wait())
        done, _ = await asyncio.wait([ready, *tasks], return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:  # a caller failed before the gate (a line that would not open): say so
            ready.cancel()
            await asyncio.gather(*tasks)
        self.opened.set()


async def released_on_own_line(api, gate: Gate, send) -> tuple[object, float]:
    """One caller on a line of their own (`api.phone_line`), timed from the gate's opening."""
    async with AsyncExitStack() as lines:
        async with gate.opening:
            line = await lines.enter_async_context(api.phone_line())
        await gate.wait()
        started = time.perf_counter()
        answer = await send(line)
        return answer, time.perf_counter() - started


async def claim_together(world: World, clinic: Clinic, crowd: Crowd, through: str = "booking") -> None:
    """Every caller asks at the same moment: through the booking API, or the voice agent's tool."""
    gate = Gate(len(crowd.calls))

    def sender(call: Call, when: datetime):
        if through == "booking":
            body = {"orgId": clinic.org_id, "slotTime": when.isoformat(), "patientId": call.patient.patient_id,
                    "callId": call.call_id, "timestamp": int(time.time() * 1000)}
            return lambda line: line.claim_slot(clinic.api_key, body)
        args = {"slotTime": when.isoformat(), "patientId": call.patient.patient_id}
        payload = payloads.tool_calls(call.vapi_call(), [(f"{call.call_id}_claim", "claim_slot", args)])
        return lambda line: line.vapi(clinic.vapi, payload)
    tasks = [asyncio.ensure_future(released_on_own_line(world.api, gate, sender(call, when)))
             for call, when in crowd.calls]
    await gate.open_when_ready(tasks)
    done = await asyncio.gather(*tasks)
    for (call, when), (answer, seconds) in zip(crowd.calls, done):
        body = answer.json()
        if through != "booking":  # the agent's words: one tool result per caller
            check(answer.status_code, equal_to(200), f"the voice agent answers: {answer.text[:200]}")
            result = body["results"][0]["result"]
            body = {"agentReply": result}
            status = 409 if SORRY.match(result) else 200
        else:
            status = answer.status_code
        crowd.answers.append(Answer(call, when, status, body, seconds))


def record_latency(world: World) -> list[float]:
    """The crowd's answer times, sorted; p50, p95 and the slowest go into the report."""
    latencies = world.crowd.latencies()
    world.measure("claimLatencyP95", round(percentile(latencies, 0.95), 3), "s")
    world.measure("claimLatencyP50", round(percentile(latencies, 0.5), 3), "s")
    world.measure("claimLatencyMax", round(latencies[-1], 3), "s")
    return latencies
