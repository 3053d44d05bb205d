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
from clinic_suite.drivers.browser import Browser
from clinic_suite.drivers.database import ClinicDatabase, connect
from clinic_suite.drivers.evidence import Evidence
from clinic_suite.drivers.service_role import ServiceRole
from clinic_suite.drivers.sms_stub import SmsStub
from clinic_suite.drivers.database_target import DatabaseTarget
from clinic_suite.drivers.target import (REFERENCE_TARGET, Target, database_target_from_env, redactor_from_env,
                                         remote_from_env, start_database_target, start_embedded)
from clinic_suite.people import People, scenario_seed
from clinic_suite.reporting import behave_durations, plan, run_record
from clinic_suite.world import World

behave_durations.install()


def _loop() -> asyncio.AbstractEventLoop:
    # behave runs async steps on this thread's loop; the pool must live on the same one.
    return asyncio.get_event_loop_policy().get_event_loop()


def before_all(context):
    started = time.monotonic()
    context.run_salt = secrets.token_hex(4)
    context.browser = Browser()  # Chromium starts when a scenario first opens a page
    redactor = redactor_from_env()
    if redactor is not None:  # REDACTOR_CMD: only the redactor is graded, no clinic system runs
        context.target, context.admin_pool = redactor, None
        run_record.write_target(redactor.name, redactor.redactor_command, "redactor command", "none")
        print(f"Target: the redactor command {redactor.redactor_command!r}", file=sys.stderr)
        return
    db_target = database_target_from_env()
    if db_target is not None:  # TARGET=...: the team's migrations in a fresh PostgreSQL, nothing else
        server = _loop().run_until_complete(start_database_target(db_target))
        target = Target(name=db_target.name, api_url="", admin_token="", database_url=server.url(), sms_stub_url="",
                        database_only=True, db_target=db_target, server=server)
        print(f"Target: {db_target.file} ({len(db_target.migration_files())} migrations, {db_target.checksum()})",
              file=sys.stderr)
    else:
        target = remote_from_env()
    if target is None:
        print("Starting the embedded clinic system (PostgreSQL, reference service, SMS stub)...", file=sys.stderr)
        target = start_embedded()
        # The reference system described as a database target: @database scenarios run on its database.
        target.db_target = DatabaseTarget.read(REFERENCE_TARGET)
        target.db_target.url = target.database_url
    context.target = target
    context.admin_pool = _loop().run_until_complete(connect(target.database_url))
    database_version = _loop().run_until_complete(ClinicDatabase(context.admin_pool, Evidence()).version())
    if target.database_only:
        run_record.write_target(target.name, str(target.db_target.file), f"migrations {target.db_target.checksum()}",
                                database_version)
    else:
        run_record.write_target(target.name, target.api_url, target.system_version(), database_version)
    run_record.write_timing("start-up", time.monotonic() - started)
    print(f"Target: {target.name} at {target.api_url} (ready in {time.monotonic() - started:.1f}s)",
          file=sys.stderr)


def after_all(context):
    browser = getattr(context, "browser", None)
    if browser is not None:
        _loop().run_until_complete(browser.close())
        if browser.started_ms is not None:
            print(f"Chromium started once, in {browser.started_ms:.0f} ms", file=sys.stderr)
    pool = getattr(context, "admin_pool", None)
    if pool is not None:
        _loop().run_until_complete(pool.close())
    target = getattr(context, "target", None)
    if target is not None and target.stack is not None:
        target.stack.stop()
    if target is not None and target.server is not None:
        target.server.destroy()


SKIPS = {  # tag -> (what the target must give, why the scenario is skipped without it)
    "embedded-only": (lambda t: t.embedded, "needs the embedded system (it stops the database or reads the system's own log)"),
    "needs-provider-token": (lambda t: t.sms_auth_token,
                             "needs the SMS provider's auth token to sign delivery reports: set SMS_AUTH_TOKEN"),
    "needs-service-database": (lambda t: t.service_database_url,
                               "needs the service's own database account: set CLINIC_SERVICE_DATABASE_URL"),
    "redactor": (lambda t: t.redactor_command, "needs a redactor command to audit: set REDACTOR_CMD"),
    "database": (lambda t: t.db_target, "needs the clinic database itself: the embedded system, or TARGET=<file>"),
    "needs-status-rule": (lambda t: t.db_target and t.db_target.status,
                          "the target file declares no status column ([status]): no call moves to check"),
}


def _needs_clinic_system(target, tags) -> bool:
    return (target.grades_redactor_only and "redactor" not in tags) or (target.database_only and "database" not in tags)


def before_scenario(context, scenario):
    tags = set(scenario.effective_tags)
    if _needs_clinic_system(context.target, tags):
        scenario.skip("needs a clinic system; this run " + ("tests a database target only (TARGET)"
                      if context.target.database_only else "audits a redactor command only (REDACTOR_CMD)"))
        return
    for tag, (has, reason) in SKIPS.items():
        if tag in tags and not has(context.target):
            scenario.skip(reason)
            return
    if _breakage_already_caught():
        scenario.skip("every criterion the breakage names has a red scenario already (SUITE_STOP_WHEN_RED)")
        return
    _take_turn(context, "serial" in tags)
    seed = scenario_seed(scenario.feature.name, scenario.name, context.run_salt)
    evidence, target = Evidence(), context.target
    on_database = "database" in tags  # the clinic database on its own, as its target file says it acts
    context.world = World(
        target=target, evidence=evidence, seed=seed, people=People(seed),
        api=None if target.database_only else ClinicApi(
            target.api_url, target.admin_token, evidence,
            scenario=str(scenario.location) if os.environ.get("SUITE_COVERAGE_CONTEXTS") else None),
        db=ClinicDatabase(context.admin_pool, evidence),
        sms=None if target.database_only else SmsStub(target.sms_stub_url, evidence),
        service=target.db_target.service_role() if on_database else
        ServiceRole(target.service_database_url) if target.service_database_url else None,
        browser=context.browser, db_target=target.db_target if on_database else None)
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


def _breakage_already_caught() -> bool:
    """A breakage run (SUITE_STOP_WHEN_RED: the criteria it names) is decided once each of them
    has a red scenario: the rest could only add red ones, at the cost of waiting out their limits."""
    named = set(os.environ.get("SUITE_STOP_WHEN_RED", "").split())
    return bool(named) and named <= RED_CRITERIA


def before_feature(context, feature):
    """SUITE_RUN_FIRST (one `feature file::scenario name` a line: the scenarios that decided a
    breakage last time): those run first and in that order, down to an outline's rows, so that
    with SUITE_STOP_WHEN_RED a breakage caught as before costs about a scenario per criterion."""
    first = [line for line in os.environ.get("SUITE_RUN_FIRST", "").splitlines() if line]
    if first:
        _run_first(feature, {key: i for i, key in reversed(list(enumerate(first)))})


def _run_first(container, first: dict[str, int]) -> None:
    def rank(item) -> int:
        inside = item.walk_scenarios() if hasattr(item, "walk_scenarios") else getattr(item, "scenarios", [item])
        return min((first.get(f"{s.location.filename}::{s.name}", len(first)) for s in inside), default=len(first))
    container.run_items.sort(key=rank)  # stable: file order otherwise
    for item in container.run_items:
        if hasattr(item, "walk_scenarios"):  # a rule
            _run_first(item, first)
        elif hasattr(item, "examples"):  # an outline: its rows (built once, then kept by behave)
            item.scenarios.sort(key=rank)


RED_CRITERIA: set[str] = set()   # the run's, not a scenario's: behave drops what a scenario sets on context


def _note_red(scenario) -> None:
    if scenario.status.name in ("failed", "error"):
        RED_CRITERIA.update(plan.criteria_in(scenario.effective_tags))


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
    try:
        _restore(context, scenario)
    finally:  # its turn ends once the system is whole again: a waiting scenario never finds it down
        _end_turn(context)
        _note_red(scenario)
        _record(context, scenario)


def _record(context, scenario) -> None:
    world = getattr(context, "world", None)
    if world is not None:
        world.evidence.attach()
        _loop().run_until_complete(_close(world))
    run_record.write(scenario, seed=world.seed if world else None, tally=getattr(context, "tally", checks.Tally()),
                     metrics=world.metrics if world else {},
                     duration=time.monotonic() - getattr(context, "started", time.monotonic()))
    context.world = None


def _restore(context, scenario) -> None:
    """Whatever its outcome, a scenario that stopped the database or killed the service and did
    not bring it back leaves the next scenario a whole system (the target remembers what is down)."""
    target = getattr(context, "target", None)
    restored = target.restore() if target is not None else []
    if restored:
        print(f"Restored after {scenario.name!r}: {', '.join(restored)}", file=sys.stderr)
        if context.admin_pool is not None:  # the suite's own connections died with the server
            _loop().run_until_complete(context.admin_pool.expire_connections())


async def _close(world: World) -> None:
    if world.phone is not None:
        await world.phone.close()
    for driver in (world.api, world.sms):
        if driver is not None:
            await driver.close()
