"""Phone calls: choosing a time, hanging up, and what the clinic's record keeps."""
from behave import given, then, when
from hamcrest import contains_string, equal_to, greater_than, has_entries, starts_with

from clinic_suite import calls_flow
from clinic_suite.checks import check, eventually


@given("{name} is booking by phone and has picked {phrase}")
async def booking_by_phone(context, name, phrase):
    await calls_flow.booking_by_phone(context.world, context.world.patients[name], phrase)


@given("{name} hung up after picking {phrase} and was sent a text")
async def hung_up_and_texted(context, name, phrase):
    await calls_flow.abandoned_and_texted(context.world, context.world.patients[name], phrase)


@when("{name} hangs up before confirming, and the hang-up arrives in {shape} format")
async def hangs_up_in_format(context, name, shape):
    await calls_flow.hang_up(context.world, context.world.calls[name], report_shape=shape)


@when("{name} hangs up before confirming")
async def hangs_up(context, name):
    await calls_flow.hang_up(context.world, context.world.calls[name])


def _only_call(context):
    return next(iter(context.world.calls.values()))


@then("her call is marked as abandoned with the booking incomplete")
async def marked_abandoned(context):
    call = _only_call(context)
    row = await calls_flow.call_record(context.world, call)
    check(row["booking_status"], equal_to("incomplete"), "the booking is incomplete")
    moves = [h["to_status"] for h in await context.world.db.status_history(call.call_id)]
    check(moves[:2], equal_to(["in-progress", "abandoned"]), "the call was marked abandoned at the hang-up")


MOVES = {"in progress": "in-progress", "abandoned": "abandoned", "follow-up waiting": "follow-up-pending",
         "follow-up sent": "follow-up-sent", "follow-up failed": "follow-up-failed", "booked": "booked",
         "completed": "completed"}


@then("her call has moved from {path}")
async def call_moved(context, path):
    """"from in progress to ..." is the whole history; a path starting later is its last moves."""
    expected = [MOVES[step.strip()] for step in path.removesuffix(", each step recorded").split(" to ")]
    call = _only_call(context)

    async def moves():
        seen = [h["to_status"] for h in await context.world.db.status_history(call.call_id)]
        return seen if seen[-len(expected):] == expected else None
    seen = await eventually(moves, within=calls_flow.SMS_THRESHOLD_S, what=f"the call's moves {expected}")
    if expected[0] == "in-progress":
        check(seen, equal_to(expected), "each step of the call, in order, nothing else")
    shown = (await context.world.api.call(call.patient.clinic.api_key, call.call_id)).json()
    check(shown, has_entries(status=expected[-1]), "staff see the call's current step")


@then("the clinic's record keeps what she said")
async def record_keeps_words(context):
    call = _only_call(context)
    row = await calls_flow.call_record(context.world, call)
    check(row["transcript"], equal_to(call.transcript), "the transcript, as said (she consented)")
    check(row["booking_status"], equal_to("incomplete"), "the booking is still to be finished")


@then("her call is stored once, as abandoned with the booking incomplete")
async def stored_once(context):
    call = _only_call(context)
    row = await calls_flow.call_settled(context.world, call)
    check(row["booking_status"], equal_to("incomplete"), "the booking is incomplete")
    check(row["transcript"], equal_to(call.transcript), "what she said, from the delayed report")
    moves = [h["to_status"] for h in await context.world.db.status_history(call.call_id)]
    check(moves.count("abandoned"), equal_to(1), "one abandonment, whatever the deliveries")


@then("the clinic's record keeps the start of what she said and why the call ended")
async def record_keeps_transcript(context):
    call = _only_call(context)
    row = await calls_flow.call_record(context.world, call)
    check(row["transcript"], equal_to(call.transcript), "with consent, the transcript is kept as said")
    check(len(row["transcript_preview"] or ""), greater_than(10), "a preview staff can read")
    check(call.transcript, starts_with(row["transcript_preview"].removesuffix("...")),
          "the preview is the start of what was said")
    check(row["reason"], equal_to(call.reason), "the end reason exactly as received")


@then("the record notes {phrase} as the time she had picked")
async def record_notes_time(context, phrase):
    call = _only_call(context)
    row = await calls_flow.call_record(context.world, call)
    local = call.slot_time.strftime("%Y-%m-%d %H:%M")
    check(row["metadata"], has_entries(incomplete_slot=local), "the picked time, in the clinic's local time")
    check(row["selected_slot"], equal_to(call.slot_time), "the picked time itself")
    check(row["transcript_preview"], contains_string("Customer:"), "the preview keeps who spoke")
