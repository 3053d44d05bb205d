"""Many callers at once: who gets the time, what the others hear, how fast."""
from datetime import datetime

from behave import given, then, when
from hamcrest import (empty, equal_to, has_entries, has_length, is_not, less_than, less_than_or_equal_to,
                      matches_regexp)

from clinic_suite import crowd as crowds
from clinic_suite import dates
from clinic_suite.checks import check
from clinic_suite.clinic_setup import add_patient


def _times(context, phrases: list[str]) -> list[datetime]:
    return [dates.resolve(p, context.world.clinic().timezone) for p in phrases]


@given("{times} next {weekday} are already booked")
async def already_booked(context, times, weekday):
    world, clinic = context.world, context.world.clinic()
    for phrase in dates.several(times, weekday):
        patient = await add_patient(world, f"Earlier{phrase[:2]}", clinic)
        answer = await world.api.claim_slot(clinic.api_key, {
            "orgId": clinic.org_id, "patientId": patient.patient_id,
            "slotTime": dates.resolve(phrase, clinic.timezone).isoformat()})
        check(answer.status_code, equal_to(200), f"{phrase} booked beforehand: {answer.text[:200]}")


@given("{count:d} callers are on the phone, each about to book {phrase}")
async def callers_for_one_time(context, count, phrase):
    when_ = _times(context, [phrase])[0]
    context.crowd = await crowds.gather_callers(context.world, context.world.clinic(), [when_] * count)


@given("{count:d} callers are on the phone, {per} each about to book {times} next {weekday}")
async def callers_for_several_times(context, count, per, times, weekday):
    wanted = _times(context, dates.several(times, weekday))
    check(count % len(wanted), equal_to(0), "the callers split evenly between the times")
    context.crowd = await crowds.gather_callers(context.world, context.world.clinic(),
                                                wanted * (count // len(wanted)))


@when("all {count:d} ask for {phrase} at the same moment")
async def all_ask(context, count, phrase):
    check(len(context.crowd.calls), equal_to(count))
    await crowds.claim_together(context.world, context.world.clinic(), context.crowd)


@when("all {count:d} ask the receptionist for {phrase} at the same moment")
async def all_ask_voice(context, count, phrase):
    check(len(context.crowd.calls), equal_to(count))
    await crowds.claim_together(context.world, context.world.clinic(), context.crowd, through="voice")


@then("exactly one of them is booked for {phrase}")
async def exactly_one_winner(context, phrase):
    when_ = _times(context, [phrase])[0]
    winners = context.crowd.winners(when_)
    check(winners, has_length(1), f"exactly one caller got {phrase}")
    check(winners[0].body, has_entries(slotBooked=True, slotTime=when_.isoformat()), "the winner is told it is booked")


@then("each of {times} next {weekday} is booked for exactly one of them")
async def one_winner_each(context, times, weekday):
    for phrase, when_ in zip(dates.several(times, weekday), _times(context, dates.several(times, weekday))):
        check(context.crowd.winners(when_), has_length(1), f"exactly one caller got {phrase}")


@then("the receptionist confirms the booking to exactly one of them")
async def voice_confirms_one(context):
    confirmed = [a for a in context.crowd.answers if a.body["agentReply"].startswith("Great! I've booked you")]
    check(confirmed, has_length(1), "one caller hears the booking confirmed")
    check(context.crowd.winners(), has_length(1), "and only one is not apologised to")


@then("the other {count:d} are told the slot was already claimed")
async def losers_told(context, count):
    losers = context.crowd.losers()
    check(losers, has_length(count), f"{count} callers did not get the time")
    for loser in losers:
        check(loser.status, equal_to(409), "refused as a conflict, not an error")
        check(loser.body, has_entries(error=crowds.TAKEN), "with the reason")


@then("the receptionist apologises to each of the {count:d} and offers a time that is really free")
async def apologises_with_free_time(context, count):
    world, clinic = context.world, context.world.clinic()
    losers = context.crowd.losers()
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
        shown = (await world.api.availability(clinic.api_key, clinic.org_id, when_.isoformat(), 1)).json()["slots"]
        check([s["slotTime"] for s in shown], equal_to([when_.isoformat()]), f"{when_:%H:%M} is a time the clinic offers")


@then("those alternatives reach them within {target:d} seconds ({threshold:d} at worst)")
async def pivot_time(context, target, threshold):
    slowest = max(a.seconds for a in context.crowd.losers())
    context.world.measure("voicePivotTime", round(slowest, 3), "s")
    check(slowest, less_than_or_equal_to(threshold), f"alternatives within {threshold}s (target {target}s)")


def _record_latency(context) -> list[float]:
    latencies = context.crowd.latencies()
    p50, p95 = crowds.percentile(latencies, 0.5), crowds.percentile(latencies, 0.95)
    world = context.world
    world.measure("claimLatencyP95", round(p95, 3), "s")
    world.measure("claimLatencyP50", round(p50, 3), "s")
    world.measure("claimLatencyMax", round(latencies[-1], 3), "s")
    return latencies


@then("every caller had an answer within {ms:d} milliseconds")
async def every_answer_fast(context, ms):
    latencies = _record_latency(context)
    check(latencies[-1], less_than(ms / 1000), f"the slowest of {len(latencies)} answers")


@then("the slowest 5% of answers came within {seconds:d} seconds (target: {ms:d} milliseconds)")
async def p95_within(context, seconds, ms):
    latencies = _record_latency(context)
    check(crowds.percentile(latencies, 0.95), less_than_or_equal_to(seconds),
          f"p95 of {len(latencies)} answers within {seconds}s (graded against {ms} ms in the report)")


async def _one_booking(context, phrase: str) -> None:
    world, clinic = context.world, context.world.clinic()
    when_ = _times(context, [phrase])[0]
    rows = await world.db.slot_rows(clinic.org_id, when_)
    booked = [r for r in rows if r["status"] == "booked"]
    world.measure("atomicBooking", 100.0 if len(booked) == 1 else 0.0, "%")
    check(booked, has_length(1), f"one booking for {phrase}, no double booking")
    check([r for r in rows if r["status"] == "held"], empty(), "and no hold beside it")
    winner = context.crowd.winners(when_)
    if winner:
        check(booked[0]["patient_id"], equal_to(winner[0].call.patient.patient_id), "for the caller who was told so")


@then("the clinic's diary holds exactly one booking for {phrase}")
async def diary_one_booking(context, phrase):
    if phrase.startswith("each of "):
        for each in dates.several(phrase.removeprefix("each of ").rsplit(" next ", 1)[0],
                                  phrase.rsplit(" next ", 1)[1]):
            await _one_booking(context, each)
    else:
        await _one_booking(context, phrase)
