"""Failures caused on purpose: the text provider refusing, the database stopping."""
from behave import given, then, when
from hamcrest import equal_to, has_length, is_not, contains_string

from clinic_suite import calls_flow, outages
from clinic_suite.checks import check, eventually


@given("the text provider will refuse {name}'s texts {times} because {reason}")
async def provider_refuses(context, name, times, reason):
    await outages.provider_refuses(context.world, context.world.patients[name], times, reason)


@given("the text provider will take {seconds:g} seconds to accept {name}'s next text")
async def provider_slow(context, seconds, name):
    await outages.provider_slow(context.world, context.world.patients[name], seconds)


@given("the clinic's database stops answering")
def database_stops(context):
    outages.database_down(context.world)


@when("the database is back")
async def database_back(context):
    await outages.database_back(context.world)


@when("{name} hangs up before confirming, and the hang-up is delivered twice")
async def hang_up_twice(context, name):
    world = context.world
    world.last_answer = await calls_flow.deliver_hang_up(world, world.calls[name], times=2)


@then("both deliveries are accepted and kept in a form only the system can read")
def both_kept(context):
    world = context.world
    call = next(iter(world.calls.values()))
    for answer in world.last_answer:
        check(answer.status_code, equal_to(202), f"accepted for later: {answer.text[:200]}")
    kept = outages.spooled_reports(world)
    check(kept, has_length(2), "both deliveries kept until the database is back")
    for path in kept:
        content = path.read_bytes().decode("latin-1")
        for said in (call.patient.name, call.transcript[:30], call.call_id):
            check(content, is_not(contains_string(said)), "what the caller said is encrypted at rest")


@then("nothing of her call is left waiting outside the database")
async def nothing_left(context):
    world = context.world

    async def emptied():
        return not outages.spooled_reports(world)
    await eventually(emptied, within=calls_flow.SMS_THRESHOLD_S, what="the spooled reports deleted once stored")
