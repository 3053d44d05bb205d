"""Phone calls: choosing a time, hanging up, and what the clinic's record keeps."""
from datetime import timedelta

from behave import given, then, when
from hamcrest import contains_string, equal_to, greater_than, has_entries, starts_with

from clinic_suite.checks import check
from clinic_suite.journeys import calls, dates

@given("{name} is booking by phone and has picked {phrase}")
async def booking_by_phone(context, name, phrase):
    await calls.booking_by_phone(context.world, context.world.patient(name), phrase)


@given("{name} hung up after picking {phrase} and was sent a text")
async def hung_up_and_texted(context, name, phrase):
    await calls.abandoned_and_texted(context.world, context.world.patient(name), phrase)


@given("{name} is on the phone with the clinic")
async def on_the_phone(context, name):
    await calls.start_call(context.world, context.world.patient(name))


@given("{name} called and hung up without choosing a time")
async def called_without_time(context, name):
    world = context.world
    await calls.hang_up(world, await calls.start_call(world, world.patient(name)))


@when("{name} hangs up before confirming, and the report of it arrives {minutes:d} minutes later")
async def hangs_up_reported_late(context, name, minutes):
    await calls.hang_up(context.world, context.world.call(name), late_by=timedelta(minutes=minutes))


@when("{name} hangs up before confirming, and the hang-up arrives in {shape} format")
async def hangs_up_in_format(context, name, shape):
    await calls.hang_up(context.world, context.world.call(name), report_shape=shape)


@when("{name} hangs up before confirming")
async def hangs_up(context, name):
    await calls.hang_up(context.world, context.world.call(name))


@then("her call is marked as abandoned with the booking incomplete")
async def marked_abandoned(context):
    await calls.abandoned_record(context.world, context.world.call())


@then("her call has moved from {path}")
async def call_moved(context, path):
    """"from in progress to ..." is the whole history; a path starting later is its last moves."""
    world = context.world
    expected = [calls.MOVES_OF[step.strip()] for step in path.removesuffix(", each step recorded").split(" to ")]
    call = world.call()
    seen = await calls.moves_become(world, call, expected)
    if expected[0] == "in-progress":
        check(seen, equal_to(expected), "each step of the call, in order, nothing else")
    shown = (await world.api.call(call.patient.clinic.api_key, call.call_id)).json()
    check(shown, has_entries(status=expected[-1]), "staff see the call's current step")


@then("the clinic's record keeps what she said")
async def record_keeps_words(context):
    call = context.world.call()
    row = await calls.call_record(context.world, call)
    check(row["transcript"], equal_to(call.transcript), "the transcript, as said (she consented)")
    check(row["booking_status"], equal_to("incomplete"), "the booking is still to be finished")


@then("her call is stored once, as abandoned with the booking incomplete")
async def stored_once(context):
    world = context.world
    call = world.call()
    row = await calls.abandoned_record(world, call, settled=True)
    check(row["transcript"], equal_to(call.transcript), "what she said, from the delayed report")
    check((await world.db.moves(call.call_id)).count("abandoned"), equal_to(1),
          "one abandonment, whatever the deliveries")


@then("the clinic's record keeps the start of what she said and why the call ended")
async def record_keeps_transcript(context):
    call = context.world.call()
    row = await calls.call_record(context.world, call)
    check(row["transcript"], equal_to(call.transcript), "with consent, the transcript is kept as said")
    check(len(row["transcript_preview"] or ""), greater_than(10), "a preview staff can read")
    check(call.transcript, starts_with(row["transcript_preview"].removesuffix("...")),
          "the preview is the start of what was said")
    check(row["reason"], equal_to(call.reason), "the end reason exactly as received")


@then("the record notes {phrase} as the time she had picked")
async def record_notes_time(context, phrase):
    call = context.world.call()
    row = await calls.call_record(context.world, call)
    picked = dates.resolve(phrase, call.patient.clinic.timezone)
    check(row["metadata"], has_entries(incomplete_slot=picked.strftime("%Y-%m-%d %H:%M")),
          f"{phrase}, in the clinic's local time")
    check(row["selected_slot"], equal_to(picked), "the picked time itself")
    check(row["transcript_preview"], contains_string("Customer:"), "the preview keeps who spoke")
