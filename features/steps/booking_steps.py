"""Held and booked times, and finishing a booking from the link."""
from datetime import datetime

from behave import given, then, when
from hamcrest import close_to, contains_string, empty, equal_to, has_entries, has_item, has_length, is_not, none

from clinic_suite import calls_flow, dates, links
from clinic_suite.clinic_setup import add_patient
from clinic_suite.checks import check, eventually

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


async def _only_active_row(world, clinic, when_, what: str) -> dict:
    """The one hold or booking of a time: there must be exactly one."""
    rows = await world.db.slot_rows(clinic.org_id, when_)
    active = [r for r in rows if r["status"] in ("held", "booked")]
    check(active, has_length(1), f"one hold or booking for {what}")
    return active[0]


@then("{phrase} is booked for {name}, once")
async def booked_once(context, phrase, name):
    world, call = context.world, _call(context, name)
    clinic = call.patient.clinic
    row = await _only_active_row(world, clinic, dates.resolve(phrase, clinic.timezone), phrase)
    check(row, has_entries(status="booked", patient_id=call.patient.patient_id), f"booked for {name}")


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
    row = await _only_active_row(world, clinic, dates.resolve(phrase, clinic.timezone), phrase)
    check(row, has_entries(status="held", call_id=call.call_id), f"held for {name}, not booked")


async def _end_hold(context, phrase):
    world, call = context.world, _call(context)
    check(await world.db.end_hold_now(call.call_id), equal_to(1), f"the hold on {phrase} is moved to its end")


@given("her hold on {phrase} has ended")
async def hold_has_ended(context, phrase):
    await _end_hold(context, phrase)


@when("her hold on {phrase} ends while her text is still waiting")
async def hold_ends_while_waiting(context, phrase):
    world, call = context.world, _call(context)

    async def waiting():
        moves = [h["to_status"] for h in await world.db.status_history(call.call_id)]
        return "follow-up-pending" in moves and "follow-up-sent" not in moves
    await eventually(waiting, within=calls_flow.SMS_THRESHOLD_S, what="the text waiting after a refusal")
    await _end_hold(context, phrase)


@given("another caller has booked {phrase}")
async def another_caller_booked(context, phrase):
    world, call = context.world, _call(context)
    clinic = call.patient.clinic
    other = await add_patient(world, "Ana", clinic)
    answer = await world.api.claim_slot(clinic.api_key, {"orgId": clinic.org_id, "patientId": other.patient_id,
                                                         "slotTime": dates.resolve(phrase, clinic.timezone).isoformat()})
    check(answer.status_code, equal_to(200), f"Ana books {phrase}: {answer.text[:200]}")


@then("the link in her text says the time is no longer held")
async def link_says_not_held(context):
    answer = await context.world.api.open_link(_call(context).link)
    check(answer.status_code, equal_to(200))
    check(answer.json(), has_entries(slotHeld=False), "the link does not claim a hold")


@then("she is told {phrase} is no longer held for her")
async def told_not_held(context, phrase):
    answer = context.world.last_answer
    check(answer.status_code, equal_to(200), f"the link opens: {answer.text[:300]}")
    check(answer.json(), has_entries(slotHeld=False, heldUntil=none(), action=contains_string("hold has ended")),
          f"{phrase} is no longer held, and she is told so")


async def _offers_really_free(context) -> list[str]:
    world, call = context.world, _call(context)
    offers = [o["slotTime"] for o in world.last_answer.json().get("alternatives", [])]
    check(offers, is_not(empty()), "she is offered other times")
    taken = await world.db.taken(call.patient.clinic.org_id, [datetime.fromisoformat(o) for o in offers])
    check(taken, empty(), "every time offered is really free")
    return offers


@then("she is offered times that are really free, {phrase} first as nobody has taken it")
async def offered_original_first(context, phrase):
    offers = await _offers_really_free(context)
    check(offers[0], equal_to(_call(context).slot_time.isoformat()), f"{phrase} is offered first")


@then("she is offered times that are really free, without {phrase}")
async def offered_without(context, phrase):
    offers = await _offers_really_free(context)
    check(offers, is_not(has_item(_call(context).slot_time.isoformat())), f"{phrase} is not offered: it is taken")


async def _book_from_link(context, slot_time: str):
    world, call = context.world, _call(context)
    answer = await world.api.complete({"token": links.parts(call.link)[0], "callId": call.call_id,
                                       "slotTime": slot_time})
    check(answer.status_code, equal_to(200), f"booking from the link: {answer.text[:300]}")
    check(answer.json(), has_entries(booked=True, slotTime=slot_time), "booked at the time she chose")
    row = await _only_active_row(world, call.patient.clinic, datetime.fromisoformat(slot_time), "that time")
    check(row, has_entries(status="booked", patient_id=call.patient.patient_id), "booked for her")


@then("she can book {phrase} from the link all the same")
async def book_original_anyway(context, phrase):
    await _book_from_link(context, _call(context).slot_time.isoformat())


@then("she can book the first time offered from the link")
async def book_first_offer(context):
    await _book_from_link(context, context.world.last_answer.json()["alternatives"][0]["slotTime"])
