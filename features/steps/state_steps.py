"""State consistency: legal moves only, and one effect for repeated, simultaneous or late messages."""
import asyncio

from behave import given, then, when
from hamcrest import equal_to, has_entries, has_length, matches_regexp, none

from clinic_suite import calls_flow, crowd, dates, delivery_reports, isolation, links, payloads
from clinic_suite.checks import check, eventually


def _call(context, name="Maria"):
    return context.world.calls[name]


@given("{name} called and hung up without choosing a time")
async def called_without_time(context, name):
    world = context.world
    await calls_flow.hang_up(world, await calls_flow.start_call(world, world.patients[name]))


@then("the request is refused because the call was not abandoned")
def refused_not_abandoned(context):
    answer = context.world.last_answer
    check(answer.status_code, equal_to(409), f"refused for the call's state: {answer.text[:200]}")
    check(answer.json(), has_entries(error="no follow-up for this call"), "saying why")


async def _complete_from_link(context):
    call = _call(context)
    return await context.world.api.complete({"token": links.parts(call.link)[0], "callId": call.call_id})


@given("she has booked it from the link")
async def booked_from_link(context):
    answer = await _complete_from_link(context)
    check(answer.status_code, equal_to(200), f"booked from the link: {answer.text[:200]}")


@when("she tries to book again from the same link")
async def book_again(context):
    context.world.last_answer = await _complete_from_link(context)


@then("she is told the booking is already complete")
async def told_already_complete(context):
    check(context.world.last_answer.status_code, equal_to(409), "a second booking is refused")
    reopened = await context.world.api.open_link(_call(context).link)
    check(reopened.status_code, equal_to(409), "and the link says so")
    check(reopened.json(), has_entries(error="already booked"))


@given("{name} is on the phone with the clinic")
async def on_the_phone(context, name):
    await calls_flow.start_call(context.world, context.world.patients[name])


async def _choose(world, call, phrase, tool_call_id):
    when_ = dates.resolve(phrase, call.patient.clinic.timezone)
    return await world.api.vapi(call.patient.clinic.webhook_secret,
                                payloads.select_slot(call.call_id, tool_call_id, when_.isoformat()))


@when("{name} asks the receptionist for {phrase}")
async def asks_for_time(context, name, phrase):
    call = _call(context, name)
    answer = await _choose(context.world, call, phrase, f"{call.call_id}_choice")
    check(answer.status_code, equal_to(200))
    context.reply = answer.json()["results"][0]["result"]


@then("the receptionist tells {name} the slot was just taken and offers another time")
def tells_taken(context, name):
    check(context.reply, matches_regexp(crowd.SORRY.pattern), "the pinned apology with another time")


@when("the service's database account tries to mark {name}'s call as completed")
async def direct_move(context, name):
    world = context.world
    call = _call(context, name)
    context.db_outcome = await isolation.as_service(
        world.target.service_database_url, call.patient.clinic.org_id,
        "UPDATE calls SET status = 'completed' WHERE id = $1", call.call_id, "affected")


@then("the move is refused by the database itself")
def move_refused(context):
    check(context.db_outcome.refused, equal_to("P0409"), "the call-state rule in the database refuses it")


@when("the hang-up report for {name}'s call arrives twice at the same moment")
async def report_twice_together(context, name):
    world, call = context.world, _call(context, name)
    payload, path = calls_flow.hang_up_report(call)
    call.hung_up_at = asyncio.get_running_loop().time()
    context.answers = await asyncio.gather(*(world.api.vapi(call.patient.clinic.webhook_secret, payload, path)
                                             for _ in range(2)))


@then("both deliveries are answered, one of them as a repeat")
def both_answered(context):
    check([a.status_code for a in context.answers], equal_to([200, 200]), "both answered")
    check(sorted(a.json()["duplicate"] for a in context.answers), equal_to([False, True]), "one stored, one a repeat")


@when("a late notice that {name}'s call ended arrives")
async def late_status_update(context, name):
    call = _call(context, name)
    answer = await context.world.api.vapi(call.patient.clinic.webhook_secret,
                                          payloads.status_update(call.call_id, "ended"))
    check(answer.status_code, equal_to(200), "the notice is accepted")


@when("her request to book {phrase} reaches the system twice at the same moment")
async def booking_twice(context, phrase):
    world, call = context.world, _call(context)
    call.slot_time = dates.resolve(phrase, call.patient.clinic.timezone)
    args = {"slotTime": call.slot_time.isoformat(), "patientId": call.patient.patient_id}
    payload = payloads.tool_calls(call.call_id, [(f"{call.call_id}_book", "claim_slot", args)])
    context.answers = await asyncio.gather(*(world.api.vapi(call.patient.clinic.webhook_secret, payload)
                                             for _ in range(2)))


@then("both are answered with the same confirmation")
def same_confirmation(context):
    check([a.status_code for a in context.answers], equal_to([200, 200]))
    replies = [a.json()["results"][0]["result"] for a in context.answers]
    check(replies[0], equal_to(replies[1]), "the repeat replays the first answer, it does not book again")
    check(replies[0], matches_regexp("^Great! I've booked you"), "and it is the confirmation")


@given("the provider has reported {name}'s text delivered")
async def provider_reported(context, name):
    world, call = context.world, _call(context, name)

    async def delivered():
        return await delivery_reports.text_status(world, call.call_id) == "delivered"
    await eventually(delivered, within=calls_flow.SMS_THRESHOLD_S, what="the provider's delivery report recorded")
    context.message = (await world.sms.messages(call.patient.phone))[0]


@when("the provider's report that it was delivered arrives again, followed by a late report that it was sent")
async def reports_again(context):
    world = context.world
    for status in ("delivered", "sent"):
        answer = await delivery_reports.send(world, delivery_reports.report(context.message, status))
        check(answer.status_code, equal_to(204), f"the signed '{status}' report is accepted")


@when("someone who is not the provider reports that {name}'s text was not delivered")
async def forged_report(context, name):
    context.world.last_answer = await delivery_reports.send(
        context.world, delivery_reports.report(context.message, "undelivered"), signed=False)


@then("the clinic still sees {name}'s text as delivered")
async def still_delivered(context, name):
    world, call = context.world, _call(context, name)
    check(await delivery_reports.text_status(world, call.call_id), equal_to("delivered"), "the text as delivered")
    patient = call.patient
    shown = (await world.api.sms_history(patient.clinic.api_key, patient.clinic.org_id, patient.patient_id)).json()
    check(shown["messages"][0], has_entries(status="delivered", sent=True), "and staff see it so")


@then("the report is turned away")
def turned_away(context):
    answers = getattr(context, "answers", None) or [context.world.last_answer]
    for answer in answers:
        check(answer.status_code, equal_to(401), f"refused: {answer.text[:200]}")
        check(sorted(answer.json()), equal_to(["detail", "error"]), "with the error only")


@when("a hang-up report for {name}'s call arrives without the clinic's secret")
async def report_without_secret(context, name):
    world, call = context.world, _call(context, name)
    payload, path = calls_flow.hang_up_report(call)
    context.answers = [await world.api.send("POST", path, json=payload),
                       await world.api.vapi("whsec_made_up_by_a_stranger", payload, path)]


@then("{name}'s call is still in progress, with {phrase} held")
async def still_in_progress(context, name, phrase):
    world, call = context.world, _call(context, name)
    row = await calls_flow.call_record(world, call)
    check(row, has_entries(status="in-progress", ended_at=none()), "nothing of the call changed")
    rows = await world.db.slot_rows(call.patient.clinic.org_id, call.slot_time)
    check([r for r in rows if r["status"] == "held"], has_length(1), f"{phrase} still held")
