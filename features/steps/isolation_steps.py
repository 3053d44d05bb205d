"""Clinic isolation: doctors, credentials aimed at another clinic, the database's own refusals."""
import re

import parse
from behave import given, register_type, then, when
from hamcrest import (contains_string, equal_to, greater_than_or_equal_to, has_entries, has_item, has_length,
                      is_not, not_none)

from clinic_suite.checks import check
from clinic_suite.journeys import isolation, knowledge

STATUS = {"forbidden": 403, "not found": 404}


@parse.with_pattern(r"read|change|add to")
def _db_action(text):
    return text


register_type(DbAction=_db_action)


@given("each clinic has a patient who hung up mid-booking and was sent a text")
async def patient_each(context):
    await isolation.patients_who_hung_up(context.world, "10:00 next Tuesday")


def _measure_refused(world, refused: bool) -> None:
    world.measure("isolationRefused", 100.0 if refused else 0.0, "%")


# --- doctors -----------------------------------------------------------------------------

@when("a caller on {clinic}'s line asks for {doctor}")
async def asks_for_doctor(context, clinic, doctor):
    world = context.world
    world.last = await knowledge.ask_on_the_phone(world, world.clinic(clinic), "find_doctor", {"name": doctor})


@then("nothing about {clinic} reaches the answer")
def nothing_of_other_clinic(context, clinic):
    world = context.world
    other = world.clinic(clinic)
    own = next(c for c in world.clinics.values() if c is not other)
    for leak in isolation.betrayals(other, own):
        check(world.last.text, is_not(contains_string(leak)), f"no trace of {clinic}")


@when("each clinic's staff list their clinic's doctors")
async def list_doctors(context):
    world = context.world
    world.last = {}
    for clinic in world.clinics.values():
        answer = await world.api.doctors(clinic.api_key, clinic.org_id)
        check(answer.status_code, equal_to(200))
        world.last[clinic.name] = [f"{d['title']} {d['name']}" for d in answer.json()["doctors"]]


@then("{first} sees only {first_doctor} and {second} sees only {second_doctor}")
def each_sees_own(context, first, first_doctor, second, second_doctor):
    seen = context.world.last
    check(seen[context.world.clinic(first).name], equal_to([first_doctor]), f"{first}'s doctors")
    check(seen[context.world.clinic(second).name], equal_to([second_doctor]), f"{second}'s doctors")


# --- credentials aimed at another clinic ------------------------------------------------------

@when("{actor}'s credentials are used to {attempt} of {target}")
async def credentials_used(context, actor, attempt, target):
    world = context.world
    world.last = await isolation.attempt(world, attempt, world.clinic(actor), world.clinic(target))


@then("the attempt is turned away as {refusal}, revealing nothing")
def turned_away_revealing_nothing(context, refusal):
    world = context.world
    answer = world.last.answer
    _measure_refused(world, answer.status_code == STATUS[refusal])
    check(answer.status_code, equal_to(STATUS[refusal]), f"refused as {refusal}: {answer.text[:200]}")
    check(sorted(answer.json()), equal_to(["detail", "error"]), "the error and nothing else")
    for secret in isolation.leaks(world, world.last):
        check(answer.text, is_not(contains_string(secret)), "nothing of the other clinic is revealed")


@then("nothing of {target}'s data has changed")
async def nothing_changed(context, target):
    world = context.world
    check(await world.db.snapshot(world.clinic(target).org_id), equal_to(world.last.before),
          f"{target}'s calls, patients, times, texts and doctors as they were")


@then("the attempt is written to {target}'s audit log")
async def written_to_audit(context, target):
    world = context.world
    tried = world.last
    _, _, action = isolation.ATTEMPTS[tried.name]
    new = (await world.db.denials(world.clinic(target).org_id))[len(tried.denials_before):]
    check(new, has_length(1), f"one new entry in {target}'s audit log")
    check(new[0], has_entries(action=action), "naming what was refused")
    check(new[0]["detail"], has_entries(byClinic=tried.sides.actor.org_id), "and which clinic tried")


@then("{target}'s own credentials can do the same")
async def control_succeeds(context, target):
    world = context.world
    check(world.last.sides.target, equal_to(world.clinic(target)), f"the attempt was aimed at {target}")
    answer = await isolation.control(world, world.last)
    check(answer.status_code // 100, equal_to(2), f"the rightful clinic succeeds: {answer.status_code} {answer.text[:200]}")


# --- the database's own refusals ------------------------------------------------------------

@when("the service's own database account, acting for {actor}, tries to {action:DbAction} {target}'s {table}")
async def service_account_tries(context, actor, action, target, table):
    world = context.world
    world.last = await isolation.as_service(world, world.clinic(actor), action, world.clinic(target), table)


@then("the database {outcome}")
def database_outcome(context, outcome):
    world = context.world
    result = world.last.outcome
    if outcome == "refuses the new row":
        _measure_refused(world, result.refused == "42501")
        check(result.refused, equal_to("42501"), "refused by row-level security (SQLSTATE 42501)")
    else:
        _measure_refused(world, result.count == 0)
        check(result.refused, equal_to(None), "the statement runs")
        check(result.count, equal_to(0), f"it {outcome}")


@then("acting for {target}, the same statement does reach its {table}")
async def control_statement(context, target, table):
    world = context.world
    tried = world.last
    check((tried.target, tried.table), equal_to((world.clinic(target), table)), f"the attempt was on {target}'s {table}")
    control = await isolation.as_service(world, tried.target, tried.action, tried.target, table)
    check(control.outcome.refused, equal_to(None), "the rightful clinic is not refused")
    check(control.outcome.count, greater_than_or_equal_to(1), f"and reaches its own {table}")


@then("every table with a clinic column has its clinic rule switched on and enforced")
async def guard_every_table(context):
    world = context.world
    rows = await world.db.rls_guards()
    check(len(rows), greater_than_or_equal_to(9), "every clinic table is listed")
    for row in rows:
        check(row, has_entries(enabled=True, forced=True), f"{row['table_name']}: row-level security on and forced")
        check(row["policies"], greater_than_or_equal_to(1), f"{row['table_name']}: with a policy")
    world.last = rows


@then("the service's database account owns none of them and cannot bypass the rules")
async def service_account_powerless(context):
    world = context.world
    role = await world.service.role()
    check(role, has_entries(rolsuper=False, rolbypassrls=False), "no superuser, no BYPASSRLS")
    check(sorted({r["owner"] for r in world.last}), is_not(has_item(role["rolname"])), "the service owns no clinic table")


@when("the refusal is written to {target}'s audit log")
async def refusal_audited(context, target):
    world = context.world
    tried = world.last
    check(tried.target, equal_to(world.clinic(target)), f"the refused write aimed at {target}")
    written = await world.service.audit_denial(tried.actor.org_id, tried.target.org_id, "denied:rls-write",
                                               {"byClinic": tried.actor.org_id, "table": tried.table})
    check(written.refused, equal_to(None), "the service may write a refusal into the targeted clinic's log")


@then("{target} can read that entry and {actor} cannot")
async def only_target_reads(context, target, actor):
    world = context.world
    aimed = world.clinic(target).org_id
    check(await world.service.audit_entries_seen(world.clinic(target).org_id, aimed, "denied:rls-write"), equal_to(1),
          f"{target} reads its audit entry")
    check(await world.service.audit_entries_seen(world.clinic(actor).org_id, aimed, "denied:rls-write"), equal_to(0),
          f"{actor} cannot")


@then("the audit log takes nothing from one clinic about another but refusals, kept short")
async def audit_function_limits(context):
    world = context.world
    actor, target = world.last.actor.org_id, world.last.target.org_id
    for what, action, detail in (("not a refusal", "probe:anything", {}), ("too long", "denied:probe", {"x": "y" * 3000})):
        check((await world.service.audit_denial(actor, target, action, detail)).refused, not_none(), f"{what}: refused")
    nowhere = "org_does_not_exist_" + re.sub(r"\W", "", world.people.fake.word())
    check((await world.service.audit_denial(actor, nowhere, "denied:probe", {})).refused, equal_to(None),
          "a clinic that does not exist: accepted, and nothing written")
    check(await world.db.audit_count([nowhere], "%probe%"), equal_to(0), "nothing written by those")


# --- every table, from the catalogue (ISO-6) -----------------------------------------------------

@when("the service's own database account, acting for {actor}, tries every table that holds {target}'s data")
async def every_table(context, actor, target):
    world = context.world
    world.last = await isolation.every_clinic_table(world, world.clinic(actor), world.clinic(target))
    world.before = (world.clinic(actor), world.clinic(target))


@then("no table shows, changes or takes a row of {target}")
def no_table_bleeds(context, target):
    world = context.world
    check(world.before[1], equal_to(world.clinic(target)), f"the attempts aimed at {target}")
    check(len(world.last), greater_than_or_equal_to(1), "the clinic tables found in the catalogue")
    world.evidence.row("tables tried", [{"table": p.table, "granted": sorted(p.granted),
                                         "tried": {a: vars(o) for a, o in p.tried.items()}} for p in world.last])
    for proof in world.last:
        for action, outcome in proof.tried.items():
            refused = outcome.refused == "42501" if action == "add to" else outcome.refused is None and outcome.count == 0
            _measure_refused(world, refused)
            check(refused, equal_to(True), f"{proof.table}: {action} another clinic's rows: {vars(outcome)}")


@then("acting for {target}, every table reaches its own rows")
def every_table_control(context, target):
    world = context.world
    check(world.before[1], equal_to(world.clinic(target)), f"the controls act for {target}")
    reachable = [p for p in world.last if p.control]  # a table the role may not touch at all is closed already
    check(reachable, is_not(equal_to([])), "the role reaches some clinic table at all")
    for proof in reachable:
        for action, outcome in proof.control.items():
            if action == "add to":
                check(outcome.refused, is_not(equal_to("42501")), f"{proof.table}: its own new row is not refused")
            else:
                check((outcome.refused, outcome.count >= 1 if outcome.count is not None else False),
                      equal_to((None, True)), f"{proof.table}: {action} its own rows")


@then("no table has a second open rule, a rule that lets every row through, or a grant to everybody")
async def no_widening(context):
    world = context.world
    check(isolation.widening(await world.db.policies()), equal_to([]), "no policy widens a clinic's access")
    check(await world.db.public_table_grants(), equal_to([]), "no table privilege granted to PUBLIC")


@then("every function that can look past the clinic rules is one the design allows, and nobody but the service may run it")
async def definers_allowed(context):
    functions = await context.world.db.definer_functions()
    check(len(functions), greater_than_or_equal_to(1), "the definer functions are found")
    check(isolation.definer_problems(functions), equal_to([]), "each of an allowed kind, none runnable by PUBLIC")
