"""Held and booked times, and finishing a booking from the link."""
from behave import then, when
from hamcrest import (close_to, contains_string, equal_to, has_entries, has_item, has_length, is_not)

from clinic_suite import calls_flow, dates, links
from clinic_suite.clinic_setup import add_patient
from clinic_suite.checks import check

HOLD_MINUTES = 30


def _call(context, name=None):
    calls = context.world.calls
    return calls[name] if name else next(iter(calls.values()))


@then("{phrase} is held for her for {minutes:d} minutes from the hang-up")
async def held_for(context, phrase, minutes):
    world, call = context.world, _call(context)
    clinic = call.patient.clinic
    when_ = dates.resolve(phrase, clinic.timezone)
    rows = await world.db.slot_rows(clinic.org_id, when_)
    active = [r for r in rows if r["status"] in ("held", "booked")]
    check(active, has_length(1), f"one hold on {phrase}")
    check(active[0], has_entries(status="held", call_id=call.call_id), "held for this call")
    record = await calls_flow.call_record(world, call)
    held = calls_flow.minutes_between(active[0]["held_until"], record["ended_at"])
    world.measure("slotHoldDuration", f"{held:.0f}m")
    check(held, close_to(minutes, 0.02), f"held {minutes} minutes from the hang-up")
    offered = (await world.api.availability(clinic.api_key, clinic.org_id, when_.isoformat(), 5)).json()["slots"]
    check([s["slotTime"] for s in offered], is_not(has_item(when_.isoformat())),
          "while held, the time is not offered to other callers")


@when("{name} opens the link in her text")
async def opens_link(context, name):
    world = context.world
    world.last_answer = await world.api.open_link(_call(context, name).link)


@then("she sees that {phrase} is still held for her")
async def sees_held(context, phrase):
    call = _call(context)
    answer = context.world.last_answer
    check(answer.status_code, equal_to(200), f"the link opens: {answer.text[:300]}")
    when_ = dates.resolve(phrase, call.patient.clinic.timezone)
    check(answer.json(), has_entries(slotHeld=True, slotTime=when_.isoformat(),
                                     originalSlot=contains_string(f"{when_:%I:%M %p}".lstrip("0"))),
          "the link shows the time from the call")


@then("she can book it from the link without choosing a time again")
async def books_from_link(context):
    world, call = context.world, _call(context)
    token = links.parts(call.link)[0]
    answer = await world.api.complete({"token": token, "callId": call.call_id})
    check(answer.status_code, equal_to(200), f"booking from the link: {answer.text[:300]}")
    check(answer.json(), has_entries(booked=True, slotTime=call.slot_time.isoformat()), "the held time is booked")


@then("{phrase} is booked for {name}, once")
async def booked_once(context, phrase, name):
    world, call = context.world, _call(context, name)
    clinic = call.patient.clinic
    rows = await world.db.slot_rows(clinic.org_id, dates.resolve(phrase, clinic.timezone))
    active = [r for r in rows if r["status"] in ("held", "booked")]
    check(active, has_length(1), f"one active row for {phrase}")
    check(active[0], has_entries(status="booked", patient_id=call.patient.patient_id), f"booked for {name}")


@when("someone opens her link with {tampering}")
async def opens_tampered_link(context, tampering):
    world, call = context.world, _call(context)
    token, call_id = links.parts(call.link)
    if tampering == "its signature altered":
        token = links.altered_signature(token)
    elif tampering == "a signature made up by a stranger":
        token = links.stranger_signature(token)
    elif tampering == "the code of another patient's link":
        other = await add_patient(world, "Ana", call.patient.clinic)
        token = links.parts((await calls_flow.abandoned_and_texted(world, other, "11:00 next Tuesday")).link)[0]
    else:
        raise NotImplementedError(tampering)
    world.last_answer = await world.api.resume(token, call_id)


@then("they are turned away without learning anything about the call")
async def turned_away(context):
    call, answer = _call(context, "Maria"), context.world.last_answer
    check(answer.status_code, equal_to(401), "the link is refused")
    body = answer.json()
    check(sorted(body), equal_to(["detail", "error"]), "only the error, nothing of the booking")
    for secret in (call.slot_time.isoformat(), call.patient.name, call.patient.phone, "10:00"):
        check(answer.text, is_not(contains_string(secret)), "nothing about the call is revealed")


@then("{phrase} is still held for {name}")
async def still_held(context, phrase, name):
    world, call = context.world, _call(context, name)
    clinic = call.patient.clinic
    rows = await world.db.slot_rows(clinic.org_id, dates.resolve(phrase, clinic.timezone))
    active = [r for r in rows if r["status"] in ("held", "booked")]
    check(active, has_length(1), f"{phrase} still has one hold")
    check(active[0], has_entries(status="held", call_id=call.call_id), f"held for {name}, not booked")
