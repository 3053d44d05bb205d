"""Many callers at once: who gets the time, what the others hear, how fast."""
from datetime import datetime

from behave import given, then, when
from hamcrest import (empty, equal_to, has_entries, has_length, is_not, less_than, less_than_or_equal_to,
                      matches_regexp)

from clinic_suite.checks import check
from clinic_suite.journeys import booking, crowd as crowds, dates
from clinic_suite.journeys.clinics import new_caller


def _times(world, phrases: list[str]) -> list[datetime]:
    return [dates.resolve(p, world.clinic().timezone) for p in phrases]


@given("{times} next {weekday} is already booked")
@given("{times} next {weekday} are already booked")
async def already_booked(context, times, weekday):
    world = context.world
    clinic = world.clinic()
    for phrase, when_ in zip(dates.several(times, weekday), _times(world, dates.several(times, weekday))):
        answer = await booking.book(world, clinic, (await new_caller(world, clinic)).patient_id, when_)
        check(answer.status_code, equal_to(200), f"{phrase} booked beforehand: {answer.text[:200]}")


@given("{count:d} callers are on the phone, each about to book {phrase}")
async def callers_for_one_time(context, count, phrase):
    world = context.world
    world.crowd = await crowds.gather_callers(world, world.clinic(), _times(world, [phrase]) * count)


@given("{count:d} callers are on the phone, {per:d} each about to book {times} next {weekday}")
async def callers_for_several_times(context, count, per, times, weekday):
    world = context.world
    wanted = _times(world, dates.several(times, weekday))
    check(per * len(wanted), equal_to(count), f"{per} callers for each of {len(wanted)} times")
    world.crowd = await crowds.gather_callers(world, world.clinic(), wanted * per)


@when("all {count:d} ask for {phrase} at the same moment")
async def all_ask(context, count, phrase):
    await _all_ask(context.world, count, phrase, "booking")


@when("all {count:d} ask the receptionist for {phrase} at the same moment")
async def all_ask_voice(context, count, phrase):
    await _all_ask(context.world, count, phrase, "voice")


async def _all_ask(world, count: int, phrase: str, through: str) -> None:
    check(len(world.crowd.calls), equal_to(count), f"{count} callers on the phone")
    if phrase != "their time":
        check({when_ for _, when_ in world.crowd.calls}, equal_to(set(_times(world, [phrase]))),
              f"every caller wants {phrase}")
    await crowds.claim_together(world, world.clinic(), world.crowd, through=through)


@then("exactly one of them is booked for {phrase}")
async def exactly_one_winner(context, phrase):
    when_ = _times(context.world, [phrase])[0]
    winners = context.world.crowd.winners(when_)
    check(winners, has_length(1), f"exactly one caller got {phrase}")
    check(winners[0].body, has_entries(slotBooked=True, slotTime=when_.isoformat()), "the winner is told it is booked")


@then("each of {times} next {weekday} is booked for exactly one of them")
async def one_winner_each(context, times, weekday):
    for phrase, when_ in zip(dates.several(times, weekday), _times(context.world, dates.several(times, weekday))):
        check(context.world.crowd.winners(when_), has_length(1), f"exactly one caller got {phrase}")


@then("the receptionist confirms the booking to exactly one of them")
async def voice_confirms_one(context):
    crowd = context.world.crowd
    confirmed = [a for a in crowd.answers if a.body["agentReply"].startswith("Great! I've booked you")]
    check(confirmed, has_length(1), "one caller hears the booking confirmed")
    check(crowd.winners(), has_length(1), "and only one is not apologised to")


@then("the other {count:d} are told the slot was already claimed")
def losers_told(context, count):
    _losers_told(context.world, count)


def _losers_told(world, count: int) -> None:
    losers = world.crowd.losers()
    check(losers, has_length(count), f"{count} callers did not get the time")
    for loser in losers:
        check(loser.status, equal_to(409), "refused as a conflict, not an error")
        check(loser.body, has_entries(error=crowds.TAKEN), "with the reason")


@then("the receptionist apologises to each of the {count:d} and offers a time that is really free")
async def apologises_with_free_time(context, count):
    world = context.world
    clinic = world.clinic()
    losers = world.crowd.losers()
    check(losers, has_length(count))
    offered = set()
    for loser in losers:
        reply = loser.body.get("agentReply", "")
        check(reply, matches_regexp(crowds.SORRY.pattern), "the pinned apology, naming another time")
        spoken = dates.spoken(crowds.SORRY.match(reply).group(1), loser.wanted)
        check(spoken, is_not(equal_to(loser.wanted)), "a different time from the one just taken")
        alternatives = loser.body.get("alternatives")
        if alternatives is not None:  # the booking answer also lists them: the first is the one spoken
            check(alternatives[0]["slotTime"], equal_to(spoken.isoformat()), "the spoken time is the first offered")
            offered.update(datetime.fromisoformat(a["slotTime"]) for a in alternatives)
        offered.add(spoken)
    check(await world.db.taken(clinic.org_id, sorted(offered)), empty(), "no time offered is held or booked")
    for when_ in sorted(offered):
        check(await booking.offered_times(world, clinic, when_, 1), equal_to([when_.isoformat()]),
              f"{when_:%H:%M} is a time the clinic offers")


@then("those alternatives reach them within {target:d} seconds ({threshold:d} at worst)")
async def pivot_time(context, target, threshold):
    slowest = max(a.seconds for a in context.world.crowd.losers())
    context.world.measure("voicePivotTime", round(slowest, 3), "s")
    check(slowest, less_than_or_equal_to(threshold), f"alternatives within {threshold}s (target {target}s)")


@then("every caller had an answer within {ms:d} milliseconds")
async def every_answer_fast(context, ms):
    latencies = crowds.record_latency(context.world)
    check(latencies[-1], less_than(ms / 1000), f"the slowest of {len(latencies)} answers")


@then("the slowest 5% of answers came within {seconds:d} seconds (target: {ms:d} milliseconds)")
async def p95_within(context, seconds, ms):
    latencies = crowds.record_latency(context.world)
    check(crowds.percentile(latencies, 0.95), less_than_or_equal_to(seconds),
          f"p95 of {len(latencies)} answers within {seconds}s (graded against {ms} ms in the report)")


@then("the clinic's diary holds exactly one booking for each of {times} next {weekday}")
async def diary_one_booking_each(context, times, weekday):
    for phrase in dates.several(times, weekday):
        await _one_booking(context.world, phrase)


@then("the clinic's diary holds exactly one booking for {phrase}")
async def diary_one_booking(context, phrase):
    await _one_booking(context.world, phrase)


async def _one_booking(world, phrase: str) -> None:
    clinic, when_ = world.clinic(), _times(world, [phrase])[0]
    rows = await world.db.slot_rows(clinic.org_id, when_)
    booked = [r for r in rows if r["status"] == "booked"]
    world.measure("atomicBooking", 100.0 if len(booked) == 1 else 0.0, "%")
    check(booked, has_length(1), f"one booking for {phrase}, no double booking")
    check([r for r in rows if r["status"] == "held"], empty(), "and no hold beside it")
    winner = world.crowd.winners(when_) if world.crowd else []
    if winner:
        check(booked[0]["patient_id"], equal_to(winner[0].call.patient.patient_id), "for the caller who was told so")


ZONES = ["Europe/London", "Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham",
         "America/St_Johns", "Asia/Kathmandu", "UTC"]


@given("a caller is on the phone, about to book {phrase}")
async def one_caller(context, phrase):
    world = context.world
    world.crowd = await crowds.gather_callers(world, world.clinic(), _times(world, [phrase]))


@when("the caller asks for {phrase}")
async def the_caller_asks(context, phrase):
    await _all_ask(context.world, 1, phrase, "booking")


@then("the caller is told the slot was already claimed")
def caller_told_taken(context):
    _losers_told(context.world, 1)


@when("{count:d} claims on {phrase} arrive at the same moment, each session set to its own time zone")
async def claims_in_zones(context, count, phrase):
    world = context.world
    clinic = world.clinic()
    caller = None if world.db_target else await new_caller(world, clinic)  # a database alone has no admin API
    zones = [ZONES[i % len(ZONES)] for i in range(count)]
    world.last = await world.service.claims_in_zones(clinic.org_id, _times(world, [phrase])[0], zones,
                                                     caller.patient_id if caller else None)
    world.evidence.row("claims by session time zone", list(zip(zones, world.last)))


@then("exactly one claim holds the time, whatever each session's time zone")
def one_claim_holds(context):
    outcomes = context.world.last
    check(outcomes.count("booked"), equal_to(1), "one session's claim holds the time")
    check(set(outcomes) - {"booked"} <= {"23505", "refused"}, equal_to(True),
          f"every other one refused, as a duplicate or in the claim's own answer: {sorted(set(outcomes))}")
