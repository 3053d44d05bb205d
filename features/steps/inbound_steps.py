"""Calls that the voice service starts: the first the clinic hears of a call is Vapi's own
message, signed the way the clinic's line signs."""
import re

import parse
from behave import given, register_type, then, when
from hamcrest import contains_string, equal_to, has_entries, has_length, none

from clinic_suite.checks import check
from clinic_suite.journeys import booking, calls, dates, inbound, texts
from clinic_suite.journeys.clinics import add_patient, set_up_clinic


@parse.with_pattern("|".join(map(re.escape, inbound.ELSEWHERE)))
def _where(text):
    return text


register_type(Where=_where)  # where a message names another clinic: one of inbound.ELSEWHERE


@given("{clinic} takes bookings by phone on a line that signs with {credential}")
async def clinic_signing(context, clinic, credential):
    await set_up_clinic(context.world, clinic, vapi_auth=inbound.CREDENTIALS[credential])


@given("{name} is a patient of {clinic}, and agrees to her calls being kept on record")
async def patient_of(context, name, clinic):
    world = context.world
    await add_patient(world, name, world.clinic(clinic), consent=True)
    world.patient(name)


@given("{name} phones the clinic and picks {phrase}")
async def phones_and_picks(context, name, phrase):
    await inbound.phones_and_picks(context.world, context.world.patient(name), phrase)


@given("{name}, whose number the clinic has never had, phones it and picks {phrase}")
async def stranger_phones(context, name, phrase):
    world = context.world
    await inbound.phones_and_picks(world, await inbound.stranger(world, world.clinic(), name), phrase)


@then("the clinic now knows {name}'s number as a patient without a name, and its text history shows her text")
async def stranger_known(context, name):
    world = context.world
    patient = world.patient(name)
    row = await inbound.known_as_patient(world, patient)
    check(row, has_entries(name=none(), phone=patient.phone), "a patient of the clinic, her number only")
    received = await calls.wait_for_text(world, world.call(name), within=calls.SMS_THRESHOLD_S)
    shown = await texts.history(world, patient, limit=1)
    check(shown, has_length(1), "the clinic's history of her texts")
    check(shown[0], has_entries(sent=True, message=received["body"]), "shows the text she received")


@when("Maria's call is announced by a message signed {how}")
async def announced_wrongly(context, how):
    world = context.world
    call = inbound.new_call(world, world.patient("Maria"))
    world.last = await inbound.wrong_delivery(world, call, how)


@then("the message is turned away and no call of Maria's is recorded")
async def turned_away(context):
    world = context.world
    inbound.refused(world.last)
    await inbound.no_call(world, world.call("Maria"))


@then("the same message signed rightly starts her call")
async def control_starts(context):
    world = context.world
    call = world.call()
    answer = await world.api.vapi(call.patient.clinic.vapi, inbound.first_message(call))
    check(answer.status_code, equal_to(200), f"the rightful message is taken: {answer.text[:300]}")
    row = await inbound.one_call_in_progress(world, call)
    check(row["patient_id"], equal_to(call.patient.patient_id), "and the call is Maria's")


@when("the first message about Maria's call is delivered twice")
async def delivered_twice(context):
    world = context.world
    world.last = await inbound.delivered_twice(world, inbound.new_call(world, world.patient("Maria")))


@then("the second delivery is {outcome}, and Maria has one call, in progress, started once")
async def second_delivery(context, outcome):
    world = context.world
    first, second = world.last
    check(first.status_code, equal_to(200), f"the first delivery is taken: {first.text[:300]}")
    if outcome == "turned away as a replay":
        inbound.refused(second)
    else:
        check(outcome, equal_to("taken as a repeat"), "the outcomes this step knows")
        check(second.status_code, equal_to(200), f"the repeat is harmless: {second.text[:300]}")
    await inbound.one_call_in_progress(world, world.call("Maria"))


@when("the voice service's first two messages about each of {count:d} calls from {name}, a number the clinic has never had, arrive at the same moment")
async def first_messages_together(context, count, name):
    world = context.world
    patient = await inbound.stranger(world, world.clinic(), name)
    world.last = [await inbound.first_messages_together(world, inbound.new_call(world, patient)) for _ in range(count)]


@then("both messages of each call are answered as usual, and the clinic has one call for each and one new patient for {name}'s number")
async def one_call_of_two(context, name):
    world = context.world
    patient = world.patient(name)
    for call, answers in world.last:
        check([a.status_code for a in answers], equal_to([200, 200]), "both answered as usual")
        await inbound.one_call_in_progress(world, call)
    check(await world.db.patients_with_phone(patient.clinic.org_id, patient.phone), equal_to(1),
          "one patient for the number, however many calls")


@when("Maria phones {clinic} and picks {phrase}, every message naming {other} {where:Where}")
async def phones_naming_other(context, clinic, phrase, other, where):
    world = context.world
    patient, elsewhere = world.patient("Maria"), world.clinic(other)
    check(patient.clinic, equal_to(world.clinic(clinic)), f"Maria is {clinic}'s patient")
    world.before = await world.db.snapshot(elsewhere.org_id)
    call = inbound.new_call(world, patient)
    inbound.tell_elsewhere(call, where, elsewhere)
    await inbound.announce(world, call)
    await calls.pick_time(world, call, phrase)


@then("{other}'s calls, patients, times and texts are as they were")
async def other_unchanged(context, other):
    world = context.world
    check(await world.db.snapshot(world.clinic(other).org_id), equal_to(world.before), f"nothing of {other} changed")


@then("Maria's call and her hold on {phrase} are {clinic}'s")
async def call_and_hold_are(context, phrase, clinic):
    world = context.world
    call, owner = world.call("Maria"), world.clinic(clinic)
    row = await world.db.call(call.call_id, owner.org_id)
    check(row, has_entries(status="in-progress", patient_id=call.patient.patient_id), f"the call is {clinic}'s")
    held = await booking.only_active_row(world, owner, dates.resolve(phrase, owner.timezone), phrase)
    check(held, has_entries(status="held", call_id=call.call_id), f"{phrase} is held at {clinic}")


@when("the voice service asks {clinic} to answer a number it does not own")
async def unknown_number(context, clinic):
    context.world.last = await inbound.unknown_number(context.world, context.world.clinic(clinic))


@then("the caller is told the number is not in service, and no call is recorded")
async def not_in_service(context):
    check(context.world.last["error"], contains_string("not in service"), "the refusal Vapi speaks to the caller")
    await inbound.no_call(context.world, context.world.call())
