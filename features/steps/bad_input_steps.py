"""Malformed messages: refused with the contract's error body, and nothing changes."""
from behave import then, when
from hamcrest import all_of, equal_to, has_entries, has_key, has_length, is_in, none

from clinic_suite.checks import check
from clinic_suite.journeys import bad_input, calls, field_limits, inbound


@when("the phone line sends {what} about {name}'s call")
async def line_sends(context, what, name):
    world = context.world
    world.last = await bad_input.from_the_line(world, world.call(name), what)


@when("the clinic's software sends {what}")
async def clinic_sends(context, what):
    world = context.world
    world.last = await bad_input.from_the_clinic(world, world.call(), what)


@when("the phone line asks {count:d} questions in one message about {name}'s call")
async def many_questions(context, count, name):
    world = context.world
    world.last = await bad_input.many_questions(world, world.call(name), count)


@then("it is refused as {status:d} with the reason in the contract's error body")
def refused_plainly(context, status):
    answer = context.world.last
    check(answer.status_code, equal_to(status), f"refused: {answer.text[:300]}")
    check(answer.json(), all_of(has_key("error"), has_key("detail")), "the contract's error body")


@then('the error says "{words}"')
def error_says(context, words):
    check(context.world.last.json()["error"], equal_to(words), "the error, in the contract's words")


@then("each of the {count:d} questions gets its own answer")
def each_answered(context, count):
    answer = context.world.last
    check(answer.status_code, equal_to(200), f"answered: {answer.text[:300]}")
    results = answer.json()["results"]
    check(results, has_length(count), "one answer a question")
    check(len({r["toolCallId"] for r in results}), equal_to(count), "each its own")


@then("nothing is held for {name} and her call is not ended")
async def nothing_changed(context, name):
    world = context.world
    row = await calls.call_record(world, world.call(name))
    check(row, has_entries(ended_at=none(), slot_held_until=none(), transcript=none()),
          "no end, no hold, nothing of a transcript stored")


@when("{field} is {n:d} characters long")
async def field_of_length(context, field, n):
    world = context.world
    world.last = await field_limits.send(world, field, n)


@then("it is accepted")
def accepted(context):
    answer = context.world.last
    check(answer.status_code, is_in([200, 201, 202]), f"accepted: {answer.text[:300]}")


@when("a patient is added whose phone number has {digits:d} digits")
async def patient_with_digits(context, digits):
    world = context.world
    world.last = await bad_input.patient_with_phone_digits(world, world.call(), digits)


@when("a clinic is set up with {n:d} {what}")
async def clinic_with_list(context, n, what):
    context.world.last = await field_limits.set_up_with(context.world, what, n)


@when("the phone line says a call it has just started is in progress, without the caller's number")
async def started_without_number(context):
    world = context.world
    world.last = await bad_input.started_without_number(world, world.call())


@when("the phone line asks who answers a call it has just started, its id {length:d} characters long")
async def asked_with_id_of(context, length):
    world = context.world
    world.last = await bad_input.asked_with_id_of(world, world.call(), length)


@then("the clinic's own receptionist answers it")
def receptionist_answers(context):
    inbound.answered_by_own_assistant(context.world.last, context.world.call().patient.clinic)


@then("the call is made, in progress")
async def call_made(context):
    await inbound.one_call_in_progress(context.world, context.world.before)


@then("no call is made for it")
async def no_call_made(context):
    world = context.world
    check(await world.db.calls_with_id(world.before.call_id), equal_to(0), "no call stored")
