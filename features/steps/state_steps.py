"""State consistency: legal moves only, and one effect for repeated, simultaneous or late messages."""
import asyncio

from behave import given, then, when
from hamcrest import contains_string, equal_to, has_entries, has_length, matches_regexp, none

from clinic_suite.checks import check, eventually
from clinic_suite.journeys import booking, calls, crowd, dates, delivery_reports, patient_page, payloads


@then("the request is refused because the call was not abandoned")
def refused_not_abandoned(context):
    answer = context.world.last
    check(answer.status_code, equal_to(409), f"refused for the call's state: {answer.text[:200]}")
    check(answer.json(), has_entries(error="no follow-up for this call"), "saying why")


@given("she has booked it from the link")
async def booked_from_link(context):
    world = context.world
    answer = await booking.complete_from_link(world, world.call())
    check(answer.status_code, equal_to(200), f"booked from the link: {answer.text[:200]}")


@when("she tries to book again from the same link")
async def book_again(context):
    world = context.world
    world.last = await booking.complete_from_link(world, world.call())


@then("she is told the booking is already complete")
async def told_already_complete(context):
    world = context.world
    check(world.last.status_code, equal_to(409), "a second booking is refused")
    reopened = await patient_page.open_link(world, world.call().link, "the link once booked")
    check(reopened.status, equal_to(409), "and the link's page says so")
    check(reopened.text, contains_string("This booking is already complete"), "in plain words")


@when("{name} asks the receptionist for {phrase}")
async def asks_for_time(context, name, phrase):
    world = context.world
    call = world.call(name)
    when_ = dates.resolve(phrase, call.patient.clinic.timezone)
    reply = calls.tool_result(await calls.use_tool(world, call, "select_slot", {"slotTime": when_.isoformat()}))
    world.last = calls.Reply(reply, question=phrase)


@then("the receptionist tells {name} the slot was just taken and offers another time")
async def tells_taken(context, name):
    world = context.world
    call = world.call(name)
    check(world.last.text, matches_regexp(crowd.SORRY.pattern), "the pinned apology with another time")
    rows = await world.db.slot_rows(call.patient.clinic.org_id,
                                    dates.resolve(world.last.question, call.patient.clinic.timezone))
    check([r for r in rows if r["call_id"] == call.call_id], has_length(0), f"{name} holds nothing there")


@when("the service's database account tries to mark {name}'s call as {step}")
async def direct_move(context, name, step):
    world = context.world
    call = world.call(name)
    world.last = await world.service.move_call(call.patient.clinic.org_id, call.call_id, calls.MOVES_OF[step])


@then("the move is refused by the database itself")
def move_refused(context):
    check(context.world.last.refused, equal_to("P0409"), "the call-state rule in the database refuses it")


@when("the hang-up report for {name}'s call arrives twice at the same moment")
async def report_twice_together(context, name):
    world = context.world
    call = world.call(name)
    payload, endpoint = calls.hang_up_report(call)
    call.hung_up_at = asyncio.get_running_loop().time()
    world.last = await asyncio.gather(*(world.api.vapi(call.patient.clinic.vapi, payload, endpoint)
                                        for _ in range(2)))


@then("both deliveries are answered, one of them as a repeat")
def both_answered(context):
    answers = context.world.last
    check([a.status_code for a in answers], equal_to([200, 200]), "both answered")
    check(sorted(a.json()["duplicate"] for a in answers), equal_to([False, True]), "one stored, one a repeat")


@when("a late notice that {name}'s call ended arrives")
async def late_status_update(context, name):
    world = context.world
    call = world.call(name)
    answer = await world.api.vapi(call.patient.clinic.vapi, payloads.status_update(call.vapi_call(), "ended"))
    check(answer.status_code, equal_to(200), "the notice is accepted")


@when("her request to book {phrase} reaches the system twice at the same moment")
async def booking_twice(context, phrase):
    world = context.world
    call = world.call()
    call.slot_time = dates.resolve(phrase, call.patient.clinic.timezone)
    args = {"slotTime": call.slot_time.isoformat(), "patientId": call.patient.patient_id}
    payload = payloads.tool_calls(call.vapi_call(), [(f"{call.call_id}_book", "claim_slot", args)])
    world.last = await asyncio.gather(*(world.api.vapi(call.patient.clinic.vapi, payload)
                                        for _ in range(2)))


@then("both are answered with the same confirmation")
def same_confirmation(context):
    answers = context.world.last
    replies = [calls.tool_result(a) for a in answers]
    check(replies[0], equal_to(replies[1]), "the repeat replays the first answer, it does not book again")
    check(replies[0], matches_regexp("^Great! I've booked you"), "and it is the confirmation")


@given("the provider has reported {name}'s text delivered")
async def provider_reported(context, name):
    world = context.world
    call = world.call(name)

    async def delivered():
        return await world.db.text_status(call.call_id) == "delivered"
    await eventually(delivered, within=calls.SMS_WAIT_S, what="the provider's delivery report recorded")
    world.before = (await world.sms.messages(call.patient.phone))[0]


@then("the provider's reports on it, sent before its answer to the send, were each taken")
async def reports_before_answer_taken(context):
    world = context.world
    call = world.call()

    async def both_reported():
        sent = await world.sms.messages(call.patient.phone)
        return sent[0] if sent and len(sent[0].get("callbacks", [])) >= 2 else None
    message = await eventually(both_reported, within=calls.SMS_WAIT_S, what="the provider's two delivery reports")
    check([(r["status"], r["answer"]) for r in message["callbacks"]],
          equal_to([("sent", 204), ("delivered", 204)]), "each report answered 204, none 404 for a text not yet known")


@when("the provider's report that it was {first} arrives again, followed by a late report that it was {late}")
async def reports_again(context, first, late):
    world = context.world
    for status in (first, late):
        answer = await delivery_reports.send(world, delivery_reports.report(world.before, status))
        check(answer.status_code, equal_to(204), f"the signed '{status}' report is accepted")


@when("someone who is not the provider reports that {name}'s text was not delivered")
async def forged_report(context, name):
    world = context.world
    check(world.before["to"], equal_to(world.patient(name).phone), f"the report names {name}'s text")
    world.last = [await delivery_reports.send(world, delivery_reports.report(world.before, "undelivered"),
                                              signed=False)]


@then("the clinic still sees {name}'s text as delivered")
async def still_delivered(context, name):
    world = context.world
    call = world.call(name)
    check(await world.db.text_status(call.call_id), equal_to("delivered"), "the text as delivered")
    patient = call.patient
    shown = (await world.api.sms_history(patient.clinic.api_key, patient.patient_id, patient.clinic.org_id)).json()
    check(shown["messages"][0], has_entries(status="delivered", sent=True), "and staff see it so")


@then("the report is turned away")
def turned_away(context):
    for answer in context.world.last:
        check(answer.status_code, equal_to(401), f"refused: {answer.text[:200]}")
        check(sorted(answer.json()), equal_to(["detail", "error"]), "with the error only")


@when("a hang-up report for {name}'s call arrives without the clinic's secret")
async def report_without_secret(context, name):
    world = context.world
    call = world.call(name)
    world.last = [*await calls.deliver_hang_up(world, call, secret=None),
                  *await calls.deliver_hang_up(world, call, secret="whsec_made_up_by_a_stranger")]


@then("{name}'s call is still in progress, with {phrase} held")
async def still_in_progress(context, name, phrase):
    world = context.world
    call = world.call(name)
    row = await calls.call_record(world, call)
    check(row, has_entries(status="in-progress", ended_at=none()), "nothing of the call changed")
    rows = await world.db.slot_rows(call.patient.clinic.org_id, dates.resolve(phrase, call.patient.clinic.timezone))
    check([r for r in rows if r["status"] == "held" and r["call_id"] == call.call_id], has_length(1), f"{phrase} still held")


@given("the phone line has reported that {name}'s call is in progress")
async def reported_in_progress(context, name):
    world = context.world
    call = world.call(name)
    answer = await world.api.vapi(call.patient.clinic.vapi, payloads.status_update(call.vapi_call(), "in-progress"))
    check(answer.status_code, equal_to(200), f"the status update is answered: {answer.text[:200]}")
    check(answer.json(), has_entries(callId=call.call_id, received="in-progress"), "and taken for this call")


@when("{name} chooses {phrase} and the call then drops before she confirms")
async def picks_then_hangs_up(context, name, phrase):
    world = context.world
    call = world.call(name)
    await calls.pick_time(world, call, phrase)
    await calls.hang_up(world, call)


@when("{name} picks {phrase}, her choice reaches the system again, and then she picks {other}")
async def picks_twice(context, name, phrase, other):
    world = context.world
    call = world.call(name)
    first = dates.resolve(phrase, call.patient.clinic.timezone)
    choice = f"{call.call_id}_choice"
    replies = [calls.tool_result(await calls.use_tool(world, call, "select_slot", {"slotTime": first.isoformat()},
                                                      tool_call_id=choice)) for _ in range(2)]
    await calls.pick_time(world, call, other)
    world.last = replies


@then("the repeated choice was answered as the first one was")
def repeat_answered_alike(context):
    first, repeat = context.world.last
    check(first, matches_regexp("^I've reserved"), "the first choice is reserved")
    check(repeat, equal_to(first), "the repeat gets the first answer, nothing done twice")


@then("{name} now holds {phrase}")
async def now_holds(context, name, phrase):
    world = context.world
    call = world.call(name)
    row = await booking.only_active_row(world, call.patient.clinic, dates.resolve(phrase, call.patient.clinic.timezone),
                                        phrase)
    check(row, has_entries(status="held", call_id=call.call_id), f"{phrase} held for {name}")


@then("{phrase} is free again for other callers")
async def free_again(context, phrase):
    world = context.world
    clinic = world.call().patient.clinic
    when_ = dates.resolve(phrase, clinic.timezone)
    check(await booking.offered_times(world, clinic, when_, 1), equal_to([when_.isoformat()]), f"{phrase} is offered")
