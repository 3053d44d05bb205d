"""Follow-up texts: what the patient receives and what the clinic's staff see."""
import re

from behave import then, when
from hamcrest import contains_string, equal_to, has_entries, has_length, is_in, is_not, less_than_or_equal_to, none

from clinic_suite import calls_flow
from clinic_suite.checks import check, eventually


@then("{name} gets a text with a link to finish booking within {target:d} seconds of hanging up ({threshold:d} at worst)")
async def gets_text(context, name, target, threshold):
    world = context.world
    text = await calls_flow.wait_for_text(world, world.patients[name], within=threshold)
    call = world.calls[name]
    check(world.metrics["smsLatency"], less_than_or_equal_to(threshold), f"text within {threshold}s (target {target}s)")
    check(call.link, is_not(none()), "the text carries a link to finish booking")
    local = call.slot_time
    check(text["body"], contains_string(f"{local:%I:%M %p}".lstrip("0")), "the text names the held time")


@then("the clinic's text history shows the text {name} received, to her number with all but its last 3 digits hidden")
async def history_shows_text(context, name):
    world = context.world
    patient = world.patients[name]
    received = await calls_flow.wait_for_text(world, patient, within=calls_flow.SMS_THRESHOLD_S)
    answer = await world.api.sms_history(patient.clinic.api_key, patient.clinic.org_id, patient.patient_id, limit=1)
    check(answer.status_code, equal_to(200))
    messages = answer.json()["messages"]
    check(messages, has_length(1), "the newest text only")
    digits = re.sub(r"\D", "", patient.phone)
    masked = "+" + "*" * (len(digits) - 3) + digits[-3:]
    check(messages[0], has_entries(sent=True, to=masked, message=received["body"]),
          "staff see the same text, the number masked")
    check(messages[0]["sentAt"], is_not(none()), "when it was sent")


@then("{name} received exactly one text")
async def exactly_one_text(context, name):
    world = context.world
    call = world.calls[name]
    await calls_flow.wait_for_text(world, world.patients[name], within=calls_flow.SMS_THRESHOLD_S)
    outbox = await calls_flow.follow_ups_settled(world, call)
    check(outbox, has_length(1), "one follow-up in the clinic's outbox")
    check(outbox[0]["status"], is_in(["sent", "delivered"]), "and it went out")
    check(await calls_flow.texts_to(world, world.patients[name]), has_length(1), "one text at the patient's phone")


@when("the clinic asks for her follow-up text to be sent again")
async def ask_again(context):
    world = context.world
    call = next(iter(world.calls.values()))
    clinic = call.patient.clinic
    world.last_answer = await world.api.send_follow_up(clinic.api_key, {
        "callId": call.call_id, "orgId": clinic.org_id, "patientId": call.patient.patient_id})


@then("the clinic is shown the text that was already sent")
async def shown_same_text(context):
    world = context.world
    call = next(iter(world.calls.values()))
    check(world.last_answer.status_code, equal_to(202), "the request is accepted")
    first = (await world.sms.messages(call.patient.phone))[0]
    check(world.last_answer.json(), has_entries(sent=True, message=first["body"]), "the same text, not a new one")


@then("{name} gets her text once the provider accepts it, and only one")
async def text_after_refusals(context, name):
    world = context.world
    patient, call = world.patients[name], world.calls[name]
    await calls_flow.wait_for_text(world, patient, within=calls_flow.SMS_THRESHOLD_S)
    outbox = await calls_flow.follow_ups_settled(world, call)
    check(outbox, has_length(1), "one follow-up in the outbox, however many tries")
    check(outbox[0]["status"], is_in(["sent", "delivered"]), "sent in the end")
    check(outbox[0]["attempts"], equal_to(patient.refusals_ahead + 1), "retried until the provider accepted")
    check(await calls_flow.texts_to(world, patient), has_length(1), "one text at the patient's phone")


@then("staff see that {name}'s follow-up text could not be sent")
async def staff_see_failure(context, name):
    world = context.world
    patient = world.patients[name]

    async def failed():
        answer = await world.api.sms_history(patient.clinic.api_key, patient.clinic.org_id, patient.patient_id, 1)
        messages = answer.json().get("messages", [])
        return messages if messages and messages[0]["status"] == "failed" else None
    messages = await eventually(failed, within=calls_flow.SMS_THRESHOLD_S, what="the text shown as failed")
    check(messages[0], has_entries(sent=False, sentAt=none()), "shown as not sent")


@then("{name} received no text")
async def no_text(context, name):
    check(await calls_flow.texts_to(context.world, context.world.patients[name]), has_length(0), "no text arrived")


@then("{name}'s text invites her to pick a time and does not promise {phrase}")
async def text_without_promise(context, name, phrase):
    world = context.world
    call = world.calls[name]
    text = await calls_flow.wait_for_text(world, world.patients[name], within=calls_flow.SMS_THRESHOLD_S)
    clock = f"{call.slot_time:%I:%M %p}".lstrip("0")
    check(text["body"], is_not(contains_string(clock)), f"{phrase} is not promised")
    check(text["body"].lower(), is_not(contains_string("holding")), "no hold is promised")
    check(text["body"].lower(), contains_string("pick a time"), "she is invited to choose")
    check(call.link, is_not(none()), "with the link to book")
