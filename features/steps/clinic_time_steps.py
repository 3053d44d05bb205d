"""The clinic's own time (CC-7): what the receptionist says and texts, far from UTC and across
a change of clocks, and how far ahead a clinic takes bookings."""
from datetime import datetime, timezone

from behave import given, then, when
from hamcrest import all_of, contains_string, empty, equal_to, has_entries, has_length, is_not

from clinic_suite.checks import check
from clinic_suite.journeys import booking, calls, dates
from clinic_suite.journeys.clinics import set_up_clinic

A_YEAR = 365


def _in_clinic_time(when_: datetime):
    """A matcher for words that name `when_` as the clinic's clock says it: "10:00 AM" and
    "Tuesday 8 December" (how the sentence around them reads is the system's own)."""
    return all_of(contains_string(dates.clock(when_)), contains_string(dates.day_named(when_)))


def _phrase_time(world, phrase: str) -> datetime:
    return dates.resolve(phrase, world.clinic().timezone)


@given("{clinic} takes bookings by phone up to a year ahead")
async def clinic_books_a_year_ahead(context, clinic):
    await set_up_clinic(context.world, clinic, horizon_days=A_YEAR)


@given("{clinic} takes bookings by phone up to {days:d} days ahead")
async def clinic_books_days_ahead(context, clinic, days):
    await set_up_clinic(context.world, clinic, horizon_days=days)


@given("another patient has already booked {phrase}")
async def another_patient_booked(context, phrase):
    world = context.world
    answer = await booking.another_caller_books(world, world.clinic(), _phrase_time(world, phrase))
    check(answer.status_code, equal_to(200), f"{phrase} booked beforehand: {answer.text[:200]}")


@then("the receptionist tells her {phrase} is reserved for her, in the clinic's own time")
def told_reserved(context, phrase):
    world = context.world
    when_ = _phrase_time(world, phrase)
    check(world.last.text, contains_string("reserved"), f"the receptionist reserves {phrase}")
    check(world.last.text, _in_clinic_time(when_), f"and names it as the clinic's clock says it: {phrase}")


@then("the clinic's diary holds {phrase} at that hour of the clinic's own clock")
async def diary_holds_local(context, phrase):
    """Held as an instant: the wall-clock time asked for, at that date's own UTC offset (after a
    change of clocks, an hour from where today's offset would put it)."""
    world = context.world
    clinic, when_ = world.clinic(), _phrase_time(world, phrase)
    check(await booking.only_active_row(world, clinic, when_, phrase), has_entries(status="held"),
          f"the diary holds the moment it is {phrase} on the clinic's clock")
    picked = (await calls.call_record(world, world.call()))["selected_slot"]
    today = datetime.now(timezone.utc).astimezone(when_.tzinfo).utcoffset()
    world.evidence.row(f"{phrase} for her call", {"stored": picked, "offsetThen": str(when_.utcoffset()),
                                                  "offsetToday": str(today)})
    check(dates.in_zone(picked, clinic.timezone).time(), equal_to(when_.time()), f"{phrase} on the clinic's clock")
    check(picked.astimezone(timezone.utc).replace(tzinfo=None),
          equal_to(when_.replace(tzinfo=None) - when_.utcoffset()), "at that date's own offset from UTC")


@then("{name}'s text says {phrase} is held for her until {minutes:d} minutes after she hung up, "
      "in the clinic's own time")
async def text_in_clinic_time(context, name, phrase, minutes):
    world = context.world
    call = world.call(name)
    when_ = _phrase_time(world, phrase)
    text = await calls.wait_for_text(world, call, within=calls.SMS_WAIT_S)
    row = await booking.only_active_row(world, call.patient.clinic, when_, phrase)
    until = dates.in_zone(row["held_until"], call.patient.clinic.timezone)
    check(calls.minutes_between(row["held_until"], call.ended_at), equal_to(minutes), f"held {minutes} minutes")
    check(text["body"], _in_clinic_time(when_), f"the text names {phrase} on the clinic's clock")
    check(text["body"], contains_string(f"until {dates.clock(until)}"), "and the hold's end on the clinic's clock")


@then("the receptionist apologises and offers {hhmm} the same day instead of {phrase}, in the clinic's own time")
async def offers_same_day(context, hhmm, phrase):
    world = context.world
    wanted = _phrase_time(world, phrase)
    offer = datetime.combine(wanted.date(), datetime.strptime(hhmm, "%H:%M").time(), wanted.tzinfo)
    check(world.last.text, equal_to(f"I'm sorry, that slot was just taken. How about {dates.clock(offer)} instead?"),
          f"the pinned apology, offering {hhmm} on the clinic's clock")
    check(await world.db.taken(world.clinic().org_id, [offer]), empty(), f"{hhmm} is really free")


@then("every other time the clinic offers {name} for {phrase} is free and named in the clinic's own time")
async def alternatives_in_clinic_time(context, name, phrase):
    world = context.world
    clinic, wanted = world.clinic(), _phrase_time(world, phrase)
    answer = await booking.book(world, clinic, world.patient(name).patient_id, wanted)
    check(answer.status_code, equal_to(409), f"{phrase} is taken: {answer.text[:200]}")
    offers = answer.json()["alternatives"]
    check(offers, is_not(empty()), "other times are offered")
    for offer in offers:
        local = dates.in_zone(datetime.fromisoformat(offer["slotTime"]), clinic.timezone)
        check(offer["label"], _in_clinic_time(local), "each named on the clinic's clock")
    check(await world.db.taken(clinic.org_id, [datetime.fromisoformat(o["slotTime"]) for o in offers]), empty(),
          "and each really free")


@when("{name} asks to book the last time the clinic offers within {days:d} days, and the first time after them")
async def asks_either_side(context, name, days):
    world = context.world
    world.last = await booking.either_side_of_horizon(world, world.clinic(), world.patient(name).patient_id, days)


@then("she is booked for the first, in the clinic's own time")
async def booked_first(context):
    world = context.world
    (when_, answer), _ = world.last
    local = dates.in_zone(when_, world.clinic().timezone)
    check(answer.status_code, equal_to(200), f"the last time within the limit is booked: {answer.text[:300]}")
    check(answer.json(), has_entries(slotBooked=True, label=_in_clinic_time(local)), "named on the clinic's clock")


@then("the second is refused as too far ahead, and nothing is held or booked for it")
async def second_refused(context):
    world = context.world
    _, (when_, answer) = world.last
    check(answer.status_code, equal_to(422), f"the first time beyond the limit is refused: {answer.text[:300]}")
    check(sorted(answer.json()), equal_to(["detail", "error"]), "with the contract's error")
    check(await world.db.slot_rows(world.clinic().org_id, when_), has_length(0), "nothing written for it")
