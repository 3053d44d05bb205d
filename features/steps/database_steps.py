"""The clinic's database on its own: its clinics, its isolation and its claims (@database)."""
from behave import given, then, when
from hamcrest import equal_to, is_not

from clinic_suite.checks import check
from clinic_suite.journeys import database_rules, dates, isolation


@given("the clinic database has two clinics, {first} and {second}, each with a row in every table that holds a clinic's data")
async def two_clinics(context, first, second):
    await database_rules.two_clinics(context.world, [first, second])


@when("{actor}'s own users, in the database, try every table that holds {target}'s data")
async def users_try_every_table(context, actor, target):
    world = context.world
    world.last = await isolation.every_clinic_table(world, world.clinic(actor), world.clinic(target))
    world.before = (world.clinic(actor), world.clinic(target))


def _when(world, phrase):
    return dates.resolve(phrase, world.clinic().timezone)


@given("{phrase} is booked in the clinic's database")
async def booked_beforehand(context, phrase):
    world = context.world
    await database_rules.book_beforehand(world, world.clinic(), _when(world, phrase))


@when("another claim on {phrase} reaches the clinic's database")
async def another_claim(context, phrase):
    world = context.world
    world.last = await database_rules.claim(world, world.clinic(), _when(world, phrase))


@then("that claim is refused")
def claim_refused(context):
    check(context.world.last, is_not(equal_to("booked")), "the booked time is not given again")


@then("the clinic's database holds exactly one booking for {phrase}")
async def one_active(context, phrase):
    world = context.world
    check(await database_rules.active_bookings(world, world.clinic(), _when(world, phrase)), equal_to(1),
          f"one active booking of {phrase}")


@when("a user of {clinic} moves one of its calls along a step the design does not allow")
async def illegal_move(context, clinic):
    world = context.world
    sql, args = world.db_target.status_move(world.clinic(clinic).org_id, world.db_target.status.illegal)
    world.last = await world.service.run(world.clinic(clinic).org_id, sql, args)
    world.before = world.clinic(clinic)


@then("the clinic's database refuses that move")
def move_refused_by_database(context):
    outcome = context.world.last
    check(outcome.refused, is_not(equal_to(None)), f"the database refuses the move: {vars(outcome)}")


@then("the same user may move it along a step the design allows")
async def legal_move(context):
    world = context.world
    sql, args = world.db_target.status_move(world.before.org_id, world.db_target.status.legal)
    outcome = await world.service.run(world.before.org_id, sql, args)
    check((outcome.refused, outcome.count), equal_to((None, 1)), "the allowed move goes through, on the same row")
