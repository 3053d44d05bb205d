"""The patient's page behind the link: what it says, what it loads, what its form accepts."""
from datetime import datetime, timezone

from behave import then, when
from hamcrest import contains_string, equal_to, greater_than, has_item, has_length, is_not

from clinic_suite.checks import check
from clinic_suite.journeys import booking, calls, dates, patient_page


@then("the page names {clinic} and says {phrase} is held for her until {minutes:d} minutes after she hung up, "
      "in the clinic's own time")
async def page_says_held(context, clinic, phrase, minutes):
    world = context.world
    call, page = world.call(), world.last
    tz = world.clinic(clinic).timezone
    when_ = dates.resolve(phrase, tz)
    check(page.status, equal_to(200), f"the link opens: {page.text[:300]}")
    check(page.text, contains_string(world.clinic(clinic).name), "the page names the clinic")
    row = await booking.only_active_row(world, call.patient.clinic, when_, phrase)
    ended = (await calls.call_record(world, call))["ended_at"]
    check(calls.minutes_between(row["held_until"], ended), equal_to(minutes), f"held {minutes} minutes from the hang-up")
    until, now = dates.in_zone(row["held_until"], tz), dates.in_zone(datetime.now(timezone.utc), tz)
    check(page.text, contains_string(f"{dates.spoken_slot(when_)} is held for you until {dates.clock(until)} "
                                     f"{dates.spoken_day(until, now)}"),
          "the held time and its end, its day too, in the clinic's own time")


@then("the page offers one button, to book {phrase}")
def one_button(context, phrase):
    world = context.world
    when_ = dates.resolve(phrase, world.call().patient.clinic.timezone)
    check(world.last.buttons, equal_to([f"Book {dates.spoken_slot(when_)}"]), "one tap books the held time")


@then("the page has no serious accessibility problems and loads nothing from outside the clinic's system")
def page_usable(context):
    patient_page.usable(context.world.last)


@when("another website sends {name}'s booking form without her page")
async def cross_site_form(context, name):
    world = context.world
    world.last = await patient_page.cross_site_form(world, world.call(name))


@then("it is turned away with a plain page that books nothing")
async def cross_site_refused(context):
    world = context.world
    answer, call = world.last, world.call()
    check(answer.status_code, equal_to(403), f"the form is refused: {answer.status_code}")
    check(answer.text, contains_string("Nothing has been booked"), "a plain page that says so")
    booked = [r for r in await world.db.slot_rows(call.patient.clinic.org_id, call.slot_time) if r["status"] == "booked"]
    check(booked, has_length(0), "and nothing is booked")


@when("{name} books her held time from the link in her text")
async def books_held_time(context, name):
    world = context.world
    await patient_page.open_link(world, world.call(name).link, f"{name}'s link")
    world.last = await patient_page.tap(world, "Book", "after tapping Book")
    check(world.last.text, contains_string("is booked for you"), "the page confirms the booking")


@when("her confirmation is sent again")
async def confirmation_again(context):
    world = context.world
    world.last = await patient_page.resend(world, "the same confirmation sent again")


@then("the page says the booking is already complete")
def page_already_complete(context):
    page = context.world.last
    check(page.status, equal_to(409), "the repeat is refused")
    check(page.text, contains_string("This booking is already complete"), "in plain words, nothing booked twice")


@when("{name}'s booking form is sent from her page with {instead} in place of the time")
async def tampered_form(context, name, instead):
    world = context.world
    world.last = await patient_page.tampered_form(world, world.call(name), instead)


@then("the page turns it away as {verdict}, saying the link is not valid")
def form_turned_away(context, verdict):
    answer = context.world.last
    check(answer.status_code, equal_to(patient_page.FORM_REFUSALS[verdict]), f"the form is refused: {answer.text[:300]}")
    check(answer.text, contains_string("This link is not valid"), "with a plain page")


@when("{name} taps {phrase} on her page")
async def taps_time(context, name, phrase):
    world = context.world
    when_ = dates.resolve(phrase, world.call(name).patient.clinic.timezone)
    world.last = await patient_page.tap(world, dates.spoken_slot(when_), f"after tapping {phrase}")


@then("the page says that time could not be booked, and offers the times still free, without {phrase}")
def not_booked_offers_others(context, phrase):
    world = context.world
    page, when_ = world.last, dates.resolve(phrase, world.call().patient.clinic.timezone)
    check(page.status, equal_to(200), f"the page again: {page.text[:300]}")
    check(page.text, contains_string("That time could not be booked."), "the patient is told")
    offered = patient_page.times_offered(page, when_)
    check(offered, is_not(has_item(when_)), "the time taken meanwhile is no longer offered")
    check(len(offered), greater_than(0), "other free times are")
