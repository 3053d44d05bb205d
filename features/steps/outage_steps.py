"""Failures caused on purpose: the text provider refusing, the database stopping."""
from behave import given, then, when
from hamcrest import contains_string, equal_to, has_length, is_not

from clinic_suite.checks import check, eventually
from clinic_suite.journeys import calls, outages


@given("the text provider will refuse {name}'s texts {times} because {reason}")
async def provider_refuses(context, name, times, reason):
    await outages.provider_refuses(context.world, context.world.patient(name), times, reason)


@given("the text provider will take {seconds:g} seconds to accept {name}'s next text")
async def provider_slow(context, seconds, name):
    await outages.provider_slow(context.world, context.world.patient(name), seconds)


@given("the clinic's database stops answering")
def database_stops(context):
    outages.database_down(context.world)


@when("the database is back")
async def database_back(context):
    await outages.database_back(context.world)


@when("{name} hangs up before confirming, and the hang-up is delivered twice")
async def hang_up_twice(context, name):
    world = context.world
    world.last = await calls.deliver_hang_up(world, world.call(name), times=2)


@then("both deliveries are accepted and kept in a form only the system can read")
def both_kept(context):
    world = context.world
    call = world.call()
    count = 2
    check(world.last, has_length(count), "both deliveries sent")
    for answer in world.last:
        check(answer.status_code, equal_to(202), f"accepted for later: {answer.text[:200]}")
    kept = world.target.spooled_reports()
    check(kept, has_length(count), "every delivery kept until the database is back")
    for path in kept:
        content = path.read_bytes().decode("latin-1")
        for said in (call.patient.name, call.transcript[:30], call.call_id):
            check(content, is_not(contains_string(said)), "what the caller said is encrypted at rest")


@then("nothing of her call is left waiting outside the database")
async def nothing_left(context):
    world = context.world

    async def emptied():
        return not world.target.spooled_reports()
    await eventually(emptied, within=calls.SMS_WAIT_S, what="the spooled reports deleted once stored")
