"""Held and booked times, and finishing a booking from the link."""
from datetime import datetime

from behave import given, then, when
from hamcrest import close_to, contains_string, empty, equal_to, has_entries, has_item, has_length, is_not, none

from clinic_suite.checks import check, eventually
from clinic_suite.journeys import booking, calls, dates


def _time(world, phrase: str, call=None) -> datetime:
    return dates.resolve(phrase, (call or world.call()).patient.clinic.timezone)


@then("{phrase} is held for her for {minutes:d} minutes from the hang-up")
async def held_for(context, phrase, minutes):
    world = context.world
    call = world.call()
    clinic, when_ = call.patient.clinic, _time(world, phrase)
    row = await booking.only_active_row(world, clinic, when_, phrase)
    check(row, has_entries(status="held", call_id=call.call_id), "held for this call")
    record = await calls.call_record(world, call)
    held = calls.minutes_between(row["held_until"], record["ended_at"])
    world.measure("slotHoldDuration", f"{held:.0f}m")
    check(held, close_to(minutes, 0.02), f"held {minutes} minutes from the hang-up")
    check(await booking.offered_times(world, clinic, when_, 5), is_not(has_item(when_.isoformat())),
          "while held, the time is not offered to other callers")


@when("{name} opens the link in her text")
async def opens_link(context, name):
    world = context.world
    world.last = await world.api.open_link(world.call(name).link)


@then("she sees that {phrase} is still held for her")
async def sees_held(context, phrase):
    world = context.world
    answer, when_ = world.last, _time(world, phrase)
    check(answer.status_code, equal_to(200), f"the link opens: {answer.text[:300]}")
    check(answer.json(), has_entries(slotHeld=True, slotTime=when_.isoformat(),
                                     originalSlot=contains_string(dates.clock(when_))),
          "the link shows the time from the call")


@then("she can book it from the link without choosing a time again")
async def books_from_link(context):
    world = context.world
    call = world.call()
    answer = await booking.complete_from_link(world, call)
    check(answer.status_code, equal_to(200), f"booking from the link: {answer.text[:300]}")
    check(answer.json(), has_entries(booked=True, slotTime=call.slot_time.isoformat()), "the held time is booked")


@then("{phrase} is booked for {name}, once")
async def booked_once(context, phrase, name):
    world = context.world
    call = world.call(name)
    row = await booking.only_active_row(world, call.patient.clinic, _time(world, phrase, call), phrase)
    check(row, has_entries(status="booked", patient_id=call.patient.patient_id), f"booked for {name}")


@when("someone opens her link with {tampering}")
async def opens_tampered_link(context, tampering):
    world = context.world
    world.last = await booking.open_tampered_link(world, world.call(), tampering)


@then("they are turned away without learning anything about the call")
async def turned_away(context):
    tried = context.world.last
    answer, call = tried.answer, tried.call
    check(answer.status_code, equal_to(401), "the link is refused")
    check(sorted(answer.json()), equal_to(["detail", "error"]), "only the error, nothing of the booking")
    for secret in (call.slot_time.isoformat(), call.patient.name, call.patient.phone, f"{call.slot_time:%H:%M}",
                   dates.clock(call.slot_time)):
        check(answer.text, is_not(contains_string(secret)), "nothing about the call is revealed")


@then("{phrase} is still held for {name}")
async def still_held(context, phrase, name):
    world = context.world
    call = world.call(name)
    row = await booking.only_active_row(world, call.patient.clinic, _time(world, phrase, call), phrase)
    check(row, has_entries(status="held", call_id=call.call_id), f"held for {name}, not booked")


async def _end_hold(world, phrase):
    call = world.call()
    check(call.slot_time, equal_to(_time(world, phrase)), f"{phrase} is the time of her hold")
    check(await world.db.end_hold_now(call.call_id), equal_to(1), f"the hold on {phrase} is moved to its end")


@given("her hold on {phrase} has ended")
async def hold_has_ended(context, phrase):
    await _end_hold(context.world, phrase)


@when("her hold on {phrase} ends while her text is still waiting")
async def hold_ends_while_waiting(context, phrase):
    world = context.world
    call = world.call()

    async def waiting():
        moves = await world.db.moves(call.call_id)
        return "follow-up-pending" in moves and "follow-up-sent" not in moves
    await eventually(waiting, within=calls.SMS_WAIT_S, what="the text waiting after a refusal")
    await _end_hold(world, phrase)


@given("another caller has booked {phrase}")
async def another_caller_booked(context, phrase):
    world = context.world
    clinic = world.call().patient.clinic
    answer = await booking.another_caller_books(world, clinic, _time(world, phrase))
    check(answer.status_code, equal_to(200), f"another caller books {phrase}: {answer.text[:200]}")


@then("the link in her text says the time is no longer held")
async def link_says_not_held(context):
    answer = await context.world.api.open_link(context.world.call().link)
    check(answer.status_code, equal_to(200))
    check(answer.json(), has_entries(slotHeld=False), "the link does not claim a hold")


@then("she is told {phrase} is no longer held for her")
async def told_not_held(context, phrase):
    world = context.world
    answer = world.last
    check(answer.status_code, equal_to(200), f"the link opens: {answer.text[:300]}")
    check(answer.json(), has_entries(slotHeld=False, heldUntil=none(), slotTime=_time(world, phrase).isoformat(),
                                     action=contains_string("hold has ended")),
          f"{phrase} is no longer held, and she is told so")


async def _offers_really_free(world) -> list[str]:
    offers = [o["slotTime"] for o in world.last.json().get("alternatives", [])]
    check(offers, is_not(empty()), "she is offered other times")
    taken = await world.db.taken(world.call().patient.clinic.org_id, [datetime.fromisoformat(o) for o in offers])
    check(taken, empty(), "every time offered is really free")
    return offers


@then("she is offered times that are really free, {phrase} first as nobody has taken it")
async def offered_original_first(context, phrase):
    offers = await _offers_really_free(context.world)
    check(offers[0], equal_to(_time(context.world, phrase).isoformat()), f"{phrase} is offered first")


@then("she is offered times that are really free, without {phrase}")
async def offered_without(context, phrase):
    offers = await _offers_really_free(context.world)
    check(offers, is_not(has_item(_time(context.world, phrase).isoformat())), f"{phrase} is not offered: it is taken")


async def _book_from_link(world, slot_time: str):
    call = world.call()
    answer = await booking.complete_from_link(world, call, slot_time)
    check(answer.status_code, equal_to(200), f"booking from the link: {answer.text[:300]}")
    check(answer.json(), has_entries(booked=True, slotTime=slot_time), "booked at the time she chose")
    row = await booking.only_active_row(world, call.patient.clinic, datetime.fromisoformat(slot_time), "that time")
    check(row, has_entries(status="booked", patient_id=call.patient.patient_id), "booked for her")


@then("she can book {phrase} from the link all the same")
async def book_original_anyway(context, phrase):
    await _book_from_link(context.world, _time(context.world, phrase).isoformat())


@then("she can book the first time offered from the link")
async def book_first_offer(context):
    await _book_from_link(context.world, context.world.last.json()["alternatives"][0]["slotTime"])
