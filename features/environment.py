"""Lifecycle of a run: the target (embedded stack, or a deployed system named by
environment variables), per-scenario clinic data and drivers, evidence for Allure."""
from __future__ import annotations

import asyncio
import fcntl
import os
import secrets
import sys
import time

import allure

from clinic_suite import checks
from clinic_suite.drivers.api import ClinicApi
from clinic_suite.drivers.database import ClinicDatabase, connect
from clinic_suite.drivers.evidence import Evidence
from clinic_suite.drivers.service_role import ServiceRole
from clinic_suite.drivers.sms_stub import SmsStub
from clinic_suite.drivers.target import remote_from_env, start_embedded
from clinic_suite.people import People, scenario_seed
from clinic_suite.reporting import behave_durations, plan, run_record
from clinic_suite.world import World

behave_durations.install()


def _loop() -> asyncio.AbstractEventLoop:
    # behave runs async steps on this thread's loop; the pool must live on the same one.
    return asyncio.get_event_loop_policy().get_event_loop()


def before_all(context):
    started = time.monotonic()
    target = remote_from_env()
    if target is None:
        print("Starting the embedded clinic system (PostgreSQL, reference service, SMS stub)...", file=sys.stderr)
        target = start_embedded()
    context.target = target
    context.run_salt = secrets.token_hex(4)
    context.admin_pool = _loop().run_until_complete(connect(target.database_url))
    database_version = _loop().run_until_complete(ClinicDatabase(context.admin_pool, Evidence()).version())
    run_record.write_target(target.name, target.api_url, target.system_version(), database_version)
    run_record.write_timing("start-up", time.monotonic() - started)
    print(f"Target: {target.name} at {target.api_url} (ready in {time.monotonic() - started:.1f}s)",
          file=sys.stderr)


def after_all(context):
    pool = getattr(context, "admin_pool", None)
    if pool is not None:
        _loop().run_until_complete(pool.close())
    target = getattr(context, "target", None)
    if target is not None and target.stack is not None:
        target.stack.stop()


SKIPS = {  # tag -> (what the target must give, why the scenario is skipped without it)
    "embedded-only": (lambda t: t.embedded, "needs the embedded system (it stops the database or reads the system's own log)"),
    "needs-provider-token": (lambda t: t.sms_auth_token,
                             "needs the SMS provider's auth token to sign delivery reports: set SMS_AUTH_TOKEN"),
    "needs-service-database": (lambda t: t.service_database_url,
                               "needs the service's own database account: set CLINIC_SERVICE_DATABASE_URL"),
}


def before_scenario(context, scenario):
    tags = set(scenario.effective_tags)
    for tag, (has, reason) in SKIPS.items():
        if tag in tags and not has(context.target):
            scenario.skip(reason)
            return
    _take_turn(context, "serial" in tags)
    seed = scenario_seed(scenario.feature.name, scenario.name, context.run_salt)
    evidence, target = Evidence(), context.target
    context.world = World(
        target=target, evidence=evidence, seed=seed, people=People(seed),
        api=ClinicApi(target.api_url, target.admin_token, evidence),
        db=ClinicDatabase(context.admin_pool, evidence), sms=SmsStub(target.sms_stub_url, evidence),
        service=ServiceRole(target.service_database_url) if target.service_database_url else None)
    context.tally = checks.reset()
    context.started = time.monotonic()
    test_id = run_record.test_id_of(tags)
    if test_id:
        allure.dynamic.epic(plan.TESTS[test_id])
    if scenario.feature.description:
        allure.dynamic.description("\n".join(scenario.feature.description))
    rule = next((r for r in getattr(scenario.feature, "rules", []) if scenario in r.walk_scenarios()), None)
    if rule is not None:
        allure.dynamic.story(rule.name)
    for criterion in plan.criteria_in(tags):
        allure.dynamic.label("criterion", criterion)
    allure.dynamic.parameter("seed", seed)


def _take_turn(context, serial: bool) -> None:
    """Beside another worker of the same run (SUITE_SERIAL_LOCK, the acceptance run's parallel
    workers), a scenario holds the run's lock shared, and a @serial one (it stops the database)
    holds it alone: it waits for the other worker's current scenario, and none starts meanwhile
    (the intent lock stops new shared holders while a serial scenario waits)."""
    lock_file = os.environ.get("SUITE_SERIAL_LOCK")
    if not lock_file:
        return
    intent, turn = open(lock_file + ".intent", "a"), open(lock_file, "a")
    fcntl.flock(intent, fcntl.LOCK_EX if serial else fcntl.LOCK_SH)
    fcntl.flock(turn, fcntl.LOCK_EX if serial else fcntl.LOCK_SH)
    if not serial:
        fcntl.flock(intent, fcntl.LOCK_UN)
    context.turn = (intent, turn)


def _end_turn(context) -> None:
    for held in getattr(context, "turn", None) or ():
        fcntl.flock(held, fcntl.LOCK_UN)
        held.close()
    context.turn = None


def after_scenario(context, scenario):
    _end_turn(context)
    world = getattr(context, "world", None)
    if world is not None:
        world.evidence.attach()
        _loop().run_until_complete(_close(world))
    run_record.write(scenario, seed=world.seed if world else None, tally=getattr(context, "tally", checks.Tally()),
                     metrics=world.metrics if world else {},
                     duration=time.monotonic() - getattr(context, "started", time.monotonic()))
    context.world = None


async def _close(world: World) -> None:
    await world.api.close()
    await world.sms.close()
