"""Follow-up texts: what the patient receives and what the clinic's staff see."""
from behave import then, when
from hamcrest import contains_string, equal_to, has_entries, has_length, is_not, less_than_or_equal_to, none

from clinic_suite.checks import check, eventually, limit
from clinic_suite.journeys import calls, dates, texts


@then("{name} gets a text with a link to finish booking within {target:d} seconds of hanging up ({threshold:d} at worst)")
async def gets_text(context, name, target, threshold):
    world = context.world
    call = world.call(name)
    text = await calls.wait_for_text(world, call, within=limit(target, threshold))
    check(world.metrics[calls.sms_latency_figure(call.patient)], less_than_or_equal_to(threshold),
          f"text within {threshold}s (target {target}s)")
    check(call.link, is_not(none()), "the text carries a link to finish booking")
    check(text["body"], contains_string(dates.clock(call.slot_time)), "the text names the held time")


@then("the clinic's text history shows the text {name} received, to her number with all but its last {shown:d} digits hidden")
async def history_shows_text(context, name, shown):
    world = context.world
    call = world.call(name)
    received = await calls.wait_for_text(world, call, within=calls.SMS_WAIT_S)

    async def recorded_as_sent():  # the text can reach the phone a moment before the system records it
        shown = await texts.history(world, call.patient, limit=1)
        return shown if shown and shown[0]["sent"] else None
    messages = await eventually(recorded_as_sent, within=calls.SMS_WAIT_S, what="the text shown as sent")
    check(messages, has_length(1), "the newest text only")
    check(messages[0], has_entries(sent=True, to=texts.masked(call.patient.phone, shown), message=received["body"]),
          "staff see the same text, the number masked")
    check(messages[0]["sentAt"], is_not(none()), "when it was sent")


@then("{name} received exactly one text")
async def exactly_one_text(context, name):
    await calls.one_text_sent(context.world, context.world.call(name))


@when("the clinic asks for her follow-up text to be sent again")
async def ask_again(context):
    context.world.last = await texts.ask_for_follow_up(context.world, context.world.call())


@then("the clinic is shown the text that was already sent")
async def shown_same_text(context):
    answer, first = context.world.last, (await context.world.sms.messages(context.world.call().patient.phone))[0]
    check(answer.status_code, equal_to(202), "the request is accepted")
    check(answer.json(), has_entries(sent=True, message=first["body"]), "the same text, not a new one")


@then("{name} gets her text once the provider accepts it, and only one")
async def text_after_refusals(context, name):
    call = context.world.call(name)
    sent = await calls.one_text_sent(context.world, call)
    check(sent["attempts"], equal_to(call.patient.refusals_ahead + 1), "retried until the provider accepted")


@then("staff see that {name}'s follow-up text could not be sent")
async def staff_see_failure(context, name):
    world = context.world
    patient = world.patient(name)

    async def failed():
        messages = await texts.history(world, patient, limit=1)
        return messages if messages and messages[0]["status"] == "failed" else None
    messages = await eventually(failed, within=calls.SMS_WAIT_S, what="the text shown as failed")
    check(messages[0], has_entries(sent=False, sentAt=none()), "shown as not sent")


@then("{name} received no text")
async def no_text(context, name):
    check(await calls.texts_to(context.world, context.world.patient(name)), has_length(0), "no text arrived")


@then("{name}'s text invites her to pick a time and does not promise {phrase}")
async def text_without_promise(context, name, phrase):
    world = context.world
    call = world.call(name)
    text = await calls.wait_for_text(world, call, within=calls.SMS_WAIT_S)
    check(text["body"], is_not(contains_string(dates.clock(dates.resolve(phrase, call.patient.clinic.timezone)))),
          f"{phrase} is not promised")
    check(text["body"].lower(), is_not(contains_string("holding")), "no hold is promised")
    check(text["body"].lower(), contains_string("pick a time"), "she is invited to choose")
    check(call.link, is_not(none()), "with the link to book")
