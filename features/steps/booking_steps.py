"""Held and booked times, and finishing a booking from the link."""
from datetime import datetime, timedelta

from behave import given, then, when
from hamcrest import (close_to, contains_string, empty, equal_to, has_entries, has_item, has_length, is_not, less_than,
                      none)

from clinic_suite.checks import check, eventually
from clinic_suite.journeys import booking, calls, dates, links, patient_page


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


@then("{phrase} is held for her until {minutes:d} minutes after she hung up, to the second")
async def held_to_the_second(context, phrase, minutes):
    world = context.world
    call = world.call()
    row = await booking.only_active_row(world, call.patient.clinic, _time(world, phrase), phrase)
    check(row, has_entries(status="held", call_id=call.call_id), "held for this call")
    ends = call.ended_at + timedelta(minutes=minutes)
    world.evidence.row("hold's end against the hang-up", {"hungUp": call.ended_at, "holdEnds": row["held_until"]})
    check(abs((row["held_until"] - ends).total_seconds()), less_than(1.0),
          f"the hold ends {minutes} minutes after the hang-up the report states, not after it arrived")


@when("{name} opens the link in her text")
async def opens_link(context, name):
    world = context.world
    world.last = await patient_page.open_link(world, world.call(name).link, f"{name}'s link")


async def _page_and_machine_say(world, phrase: str, page_words: str, machine: dict) -> None:
    """The page the patient opened says `page_words` of the time; the link's JSON answer agrees."""
    page, when_ = world.last, _time(world, phrase)
    check(page.status, equal_to(200), f"the link opens: {page.text[:300]}")
    check(page.text, contains_string(f"{dates.spoken_slot(when_)} {page_words}"), "the page says so")
    answer = (await booking.resume_as_machine(world, world.call())).json()
    check(answer, has_entries(**machine), "and the link's machine answer agrees")
    check(datetime.fromisoformat(answer["slotTime"]), equal_to(when_), "about the same time")


@then("she sees that {phrase} is still held for her")
async def sees_held(context, phrase):
    await _page_and_machine_say(context.world, phrase, "is held for you until",
                                {"slotHeld": True, "originalSlot": contains_string(dates.clock(_time(context.world, phrase)))})


@then("she can book it from the link without choosing a time again")
async def books_from_link(context):
    world = context.world
    call = world.call()
    page = await patient_page.tap(world, "Book", "after tapping Book")
    check(page.status, equal_to(200), f"booking from the page: {page.text[:300]}")
    check(page.text, contains_string(f"{dates.spoken_slot(call.slot_time)} is booked for you"),
          "the page confirms the held time")
    world.last = page


@then("{phrase} is booked for {name}, once")
async def booked_once(context, phrase, name):
    world = context.world
    call = world.call(name)
    row = await booking.only_active_row(world, call.patient.clinic, _time(world, phrase, call), phrase)
    check(row, has_entries(status="booked", patient_id=call.patient.patient_id), f"booked for {name}")


@then("{phrase} is booked once, not for {name}")
async def booked_once_for_another(context, phrase, name):
    world = context.world
    call = world.call(name)
    row = await booking.only_active_row(world, call.patient.clinic, _time(world, phrase, call), phrase)
    check(row["status"], equal_to("booked"), "booked")
    check(row["patient_id"], is_not(equal_to(call.patient.patient_id)), f"for the other caller, not {name}")


@when("someone opens her link {how}")
async def opens_tampered_link(context, how):
    world = context.world
    call = world.call()
    world.before = call
    world.last = await patient_page.open_tampered(world, call, how)


@then("they are turned away without learning anything about the call")
async def turned_away(context):
    world = context.world
    call = world.before
    patient_page.refused_plainly(world.last, call)
    answer = await booking.resume_as_machine(world, call, links.altered_signature(links.parts(call.link)[0]))
    check(answer.status_code, equal_to(401), "the machine answer to a forged code is refused too")
    check(sorted(answer.json()), equal_to(["detail", "error"]), "with the error only")


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
@when("another caller books {phrase}")
async def another_caller_booked(context, phrase):
    world = context.world
    clinic = world.call().patient.clinic
    answer = await booking.another_caller_books(world, clinic, _time(world, phrase))
    check(answer.status_code, equal_to(200), f"another caller books {phrase}: {answer.text[:200]}")


@then("the link in her text says the time is no longer held")
async def link_says_not_held(context):
    world = context.world
    call = world.call()
    page = await patient_page.open_link(world, call.link, "the link after the hold ended")
    check(page.status, equal_to(200))
    check(page.text, contains_string(f"{dates.spoken_slot(call.slot_time)} is no longer held for you"),
          "the link does not claim a hold")


@then("she is told {phrase} is no longer held for her")
async def told_not_held(context, phrase):
    await _page_and_machine_say(context.world, phrase, "is no longer held for you",
                                {"slotHeld": False, "heldUntil": none(), "action": contains_string("hold has ended")})


async def _offers_really_free(world) -> list[datetime]:
    call = world.call()
    offers = patient_page.times_offered(world.last, call.slot_time)
    check(offers, is_not(empty()), "she is offered other times, each a button")
    check(await world.db.taken(call.patient.clinic.org_id, offers), empty(), "every time offered is really free")
    return offers


@then("she is offered times that are really free, {phrase} first as nobody has taken it")
async def offered_original_first(context, phrase):
    offers = await _offers_really_free(context.world)
    check(offers[0], equal_to(_time(context.world, phrase)), f"{phrase} is offered first")


@then("she is offered times that are really free, without {phrase}")
async def offered_without(context, phrase):
    offers = await _offers_really_free(context.world)
    check(offers, is_not(has_item(_time(context.world, phrase))), f"{phrase} is not offered: it is taken")


async def _book_from_page(world, when_: datetime):
    call = world.call()
    page = await patient_page.tap(world, dates.spoken_slot(when_), "after tapping a time")
    check(page.status, equal_to(200), f"booking from the page: {page.text[:300]}")
    check(page.text, contains_string(f"{dates.spoken_slot(when_)} is booked for you"), "booked at the time she chose")
    row = await booking.only_active_row(world, call.patient.clinic, when_, "that time")
    check(row, has_entries(status="booked", patient_id=call.patient.patient_id), "booked for her")


@then("she can book {phrase} from the link all the same")
async def book_original_anyway(context, phrase):
    await _book_from_page(context.world, _time(context.world, phrase))


@then("she can book the first time offered from the link")
async def book_first_offer(context):
    await _book_from_page(context.world, patient_page.times_offered(context.world.last, context.world.call().slot_time)[0])
