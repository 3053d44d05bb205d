"""Clinic isolation: doctors, credentials aimed at another clinic, the database's own refusals."""
import json

import asyncpg
import parse
from behave import given, register_type, then, when
from hamcrest import (contains_string, equal_to, greater_than_or_equal_to, has_entries, has_item, has_length,
                      is_not, not_none)

from clinic_suite import calls_flow, delivery_reports, isolation, payloads
from clinic_suite.checks import check, eventually
from clinic_suite.clinic_setup import add_patient, set_up_clinic

ACTOR, TARGET = "Premier Cosmetic Surgery", "Advanced Aesthetic Clinic"


@parse.with_pattern(r"read|change|add to")
def _db_action(text):
    return text


register_type(DbAction=_db_action)
STATUS = {"forbidden": 403, "not found": 404}


@given("{first} and {second} both take bookings by phone")
async def two_clinics(context, first, second):
    for name in (first, second):
        await set_up_clinic(context.world, name)


@given("each clinic has a patient who hung up mid-booking and was sent a text")
async def patient_each(context):
    world = context.world
    for first_name, clinic in (("Maria", ACTOR), ("Olivia", TARGET)):
        patient = await add_patient(world, first_name, world.clinic(clinic))
        await calls_flow.abandoned_and_texted(world, patient, "10:00 next Tuesday")
    for call in world.calls.values():  # the provider's delivery reports land first: nothing moves afterwards
        async def delivered(call=call):
            return await delivery_reports.text_status(world, call.call_id) == "delivered"
        await eventually(delivered, within=calls_flow.SMS_THRESHOLD_S, what="the provider's delivery report")
    target = world.clinic(TARGET)
    free = (await world.api.availability(target.api_key, target.org_id, limit=1)).json()["slots"][0]["slotTime"]
    context.sides = isolation.Sides(world.clinic(ACTOR), target, world.patients["Olivia"], world.calls["Olivia"],
                                    free, world.patients["Maria"])


def _measure_refused(context, refused: bool) -> None:
    context.world.measure("isolationRefused", 100.0 if refused else 0.0, "%")


# --- doctors -----------------------------------------------------------------------------

@when("a caller on {clinic}'s line asks for {doctor}")
async def asks_for_doctor(context, clinic, doctor):
    world = context.world
    call = await calls_flow.start_call(world, world.patients["Maria"])
    answer = await world.api.vapi(world.clinic(clinic).webhook_secret, payloads.tool_calls(
        call.call_id, [(f"{call.call_id}_doctor", "find_doctor", {"name": doctor})]))
    check(answer.status_code, equal_to(200), f"the receptionist answers: {answer.text[:200]}")
    context.reply = answer.json()["results"][0]["result"]


@then('the receptionist answers "{line}"')
def receptionist_answers(context, line):
    check(context.reply, equal_to(line), "the receptionist's exact words")


@then("nothing about {clinic} reaches the answer")
def nothing_of_other_clinic(context, clinic):
    for leak in ("Surgery", "Advanced", "Aesthetic", "him", "Johnson is"):
        check(context.reply, is_not(contains_string(leak)), f"no trace of {clinic}")


@when("each clinic's staff list their clinic's doctors")
async def list_doctors(context):
    world = context.world
    context.doctors = {}
    for name in (ACTOR, TARGET):
        clinic = world.clinic(name)
        answer = await world.api.send("GET", f"/api/clinics/{clinic.org_id}/doctors",
                                      headers=world.api.bearer(clinic.api_key))
        check(answer.status_code, equal_to(200))
        context.doctors[name] = [f"{d['title']} {d['name']}" for d in answer.json()["doctors"]]


@then("{first} sees only {first_doctor} and {second} sees only {second_doctor}")
def each_sees_own(context, first, first_doctor, second, second_doctor):
    check(context.doctors[first], equal_to([first_doctor]), f"{first}'s doctors")
    check(context.doctors[second], equal_to([second_doctor]), f"{second}'s doctors")


# --- credentials aimed at another clinic ------------------------------------------------------

@when("{actor}'s credentials are used to {attempt} of {target}")
async def credentials_used(context, actor, attempt, target):
    world, sides = context.world, context.sides
    context.attempt = attempt
    context.before = await isolation.snapshot(world, sides.target.org_id)
    context.denials_before = await isolation.denials(world, sides.target.org_id)
    send, _, _ = isolation.ATTEMPTS[attempt]
    world.last_answer = await send(world, sides, sides.actor)


@then("the attempt is turned away as {refusal}, revealing nothing")
def turned_away_revealing_nothing(context, refusal):
    answer, sides = context.world.last_answer, context.sides
    _measure_refused(context, answer.status_code == STATUS[refusal])
    check(answer.status_code, equal_to(STATUS[refusal]), f"refused as {refusal}: {answer.text[:200]}")
    check(sorted(answer.json()), equal_to(["detail", "error"]), "the error and nothing else")
    for secret in (sides.target_patient.name, sides.target_patient.phone[-7:], "Johnson",
                   context.world.calls["Olivia"].transcript[:25]):
        check(answer.text, is_not(contains_string(secret)), "nothing of the other clinic is revealed")


@then("nothing of {target}'s data has changed")
async def nothing_changed(context, target):
    after = await isolation.snapshot(context.world, context.sides.target.org_id)
    check(after, equal_to(context.before), f"{target}'s calls, patients, times, texts and doctors as they were")


@then("the attempt is written to {target}'s audit log")
async def written_to_audit(context, target):
    sides = context.sides
    _, _, action = isolation.ATTEMPTS[context.attempt]
    new = (await isolation.denials(context.world, sides.target.org_id))[len(context.denials_before):]
    check(new, has_length(1), f"one new entry in {target}'s audit log")
    check(new[0], has_entries(action=action), "naming what was refused")
    check(new[0]["detail"], has_entries(byClinic=sides.actor.org_id), "and which clinic tried")


@then("{target}'s own credentials can do the same")
async def control_succeeds(context, target):
    world, sides = context.world, context.sides
    send, _, _ = isolation.ATTEMPTS[context.attempt]
    answer = await send(world, sides, sides.target)
    check(answer.status_code // 100, equal_to(2), f"the rightful clinic succeeds: {answer.status_code} {answer.text[:200]}")


# --- the database's own refusals ------------------------------------------------------------

def _service_url(context) -> str:
    return context.world.target.service_database_url


@when("the service's own database account, acting for {actor}, tries to {action:DbAction} {target}'s {table}")
async def service_account_tries(context, actor, action, target, table):
    world = context.world
    context.statement = isolation.statement(action, table)
    context.db_table = table
    context.db_outcome = await isolation.as_service(_service_url(context), world.clinic(actor).org_id,
                                                    *_with_target(context, target))


def _with_target(context, target):
    sql, effect = context.statement
    return sql, context.world.clinic(target).org_id, effect


@then("the database {outcome}")
def database_outcome(context, outcome):
    result = context.db_outcome
    if outcome == "refuses the new row":
        _measure_refused(context, result.refused == "42501")
        check(result.refused, equal_to("42501"), "refused by row-level security (SQLSTATE 42501)")
    else:
        _measure_refused(context, result.count == 0)
        check(result.refused, equal_to(None), "the statement runs")
        check(result.count, equal_to(0), f"it {outcome}")


@then("acting for {target}, the same statement does reach its {table}")
async def control_statement(context, target, table):
    outcome = await isolation.as_service(_service_url(context), context.world.clinic(target).org_id,
                                         *_with_target(context, target))
    check(outcome.refused, equal_to(None), "the rightful clinic is not refused")
    check(outcome.count, greater_than_or_equal_to(1), f"and reaches its own {table}")


@then("every table with a clinic column has its clinic rule switched on and enforced")
async def guard_every_table(context):
    rows = [dict(r) for r in await context.world.db.pool.fetch(isolation.GUARD_SQL)]
    context.world.evidence.row("tables with org_id", rows)
    check(len(rows), greater_than_or_equal_to(9), "every clinic table is listed")
    for row in rows:
        check(row, has_entries(enabled=True, forced=True), f"{row['table_name']}: row-level security on and forced")
        check(row["policies"], greater_than_or_equal_to(1), f"{row['table_name']}: with a policy")
    context.guarded_tables = rows


@then("the service's database account owns none of them and cannot bypass the rules")
async def service_account_powerless(context):
    conn = await asyncpg.connect(_service_url(context))
    try:
        role = await conn.fetchrow("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
    finally:
        await conn.close()
    check(role, has_entries(rolsuper=False, rolbypassrls=False), "no superuser, no BYPASSRLS")
    owners = sorted({r["owner"] for r in context.guarded_tables})
    check(owners, is_not(has_item(role["rolname"])), "the service owns no clinic table")


@when("the refusal is written to {target}'s audit log")
async def refusal_audited(context, target):
    world = context.world
    conn = await asyncpg.connect(_service_url(context))
    try:  # its own transaction, as the service does after a refused write
        await conn.execute("SELECT set_config('app.current_org_id', $1, false)", world.clinic(ACTOR).org_id)
        await conn.execute("SELECT audit_denial($1, 'denied:rls-write', $2::jsonb)", world.clinic(target).org_id,
                           json.dumps({"byClinic": world.clinic(ACTOR).org_id, "table": context.db_table}))
    finally:
        await conn.close()


async def _audit_entries_seen_by(context, clinic: str) -> int:
    sql = "SELECT count(*) FROM audit_log WHERE action = 'denied:rls-write' AND org_id = $1"
    outcome = await isolation.as_service(_service_url(context), context.world.clinic(clinic).org_id, sql,
                                         context.world.clinic(TARGET).org_id, "rows")
    return outcome.count


@then("{target} can read that entry and {actor} cannot")
async def only_target_reads(context, target, actor):
    check(await _audit_entries_seen_by(context, target), equal_to(1), f"{target} reads its audit entry")
    check(await _audit_entries_seen_by(context, actor), equal_to(0), f"{actor} cannot")


@then("the audit log takes nothing from one clinic about another but refusals, kept short")
async def audit_function_limits(context):
    world = context.world
    target = world.clinic(TARGET).org_id
    attempts = {"not a refusal": ("probe:anything", json.dumps({})),
                "too long": ("denied:probe", json.dumps({"x": "y" * 3000}))}
    conn = await asyncpg.connect(_service_url(context))
    try:
        await conn.execute("SELECT set_config('app.current_org_id', $1, false)", world.clinic(ACTOR).org_id)
        for what, (action, detail) in attempts.items():
            refused = None
            try:
                await conn.execute("SELECT audit_denial($1, $2, $3::jsonb)", target, action, detail)
            except asyncpg.PostgresError as error:
                refused = error.sqlstate
            check(refused, not_none(), f"{what}: refused")
        await conn.execute("SELECT audit_denial('org_does_not_exist', 'denied:probe', '{}'::jsonb)")
    finally:
        await conn.close()
    check(await world.db.pool.fetchval("SELECT count(*) FROM audit_log WHERE org_id = 'org_does_not_exist' "
                                       "OR action LIKE '%probe%'"), equal_to(0), "nothing written by those")
