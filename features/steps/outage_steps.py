"""Failures caused on purpose: the text provider refusing, the database stopping."""
from behave import given, then, when
from hamcrest import contains_string, empty, equal_to, has_entries, has_length, is_in, is_not, less_than_or_equal_to

from clinic_suite.checks import check, eventually
from clinic_suite.journeys import calls, crashes, inbound, outages, texts


TRANSCRIPT_LIMIT = 200_000   # characters: the contract's longest transcript (README: 422 beyond)


@given("the text provider will refuse {name}'s texts {times} because {reason}")
async def provider_refuses(context, name, times, reason):
    await outages.provider_refuses(context.world, context.world.patient(name), times, reason)


@given("the text provider will take {seconds:g} seconds to accept {name}'s next text")
async def provider_slow(context, seconds, name):
    await outages.provider_slow(context.world, context.world.patient(name), seconds)


@given("the text provider will report {name}'s next text delivered before it answers the send")
async def reports_first(context, name):
    await outages.provider_reports_first(context.world, context.world.patient(name))


@given("calls have come in on more of {clinic}'s numbers than its system remembers for when the database is down")
async def more_lines_than_remembered(context, clinic):
    await outages.heard_on_more_lines_than_remembered(context.world, context.world.clinic(clinic))


@given("the clinic's database stops answering")
def database_stops(context):
    outages.database_down(context.world)


@when("the phone line says {name}'s call is still in progress")
async def still_in_progress(context, name):
    world = context.world
    world.last = await outages.status_during_outage(world, world.call(name))


@then("it is told the database cannot be reached, and nothing of it is kept for later")
def told_unreachable(context):
    answer = context.world.last
    check(answer.status_code, equal_to(503), f"the outage, said plainly: {answer.text[:200]}")
    check(answer.json(), has_entries(error="service unavailable"), "the contract's error body")


@when("the database is back")
async def database_back(context):
    await outages.database_back(context.world)


@when("{name} hangs up before confirming, and the hang-up is delivered twice")
async def hang_up_twice(context, name):
    world = context.world
    world.last = await calls.deliver_hang_up(world, world.call(name), times=2)


@when("{name} hangs up before confirming, and the very same signed hang-up is sent again")
async def hang_up_resent(context, name):
    world = context.world
    world.last = await calls.deliver_hang_up(world, world.call(name), times=2, same_bytes=True)


@when("{name} hangs up before confirming after a call in Japanese so long that its transcript is just under the longest the system takes")
async def hang_up_near_the_limit(context, name):
    world = context.world
    call = world.call(name)
    calls.fill_transcript(call, TRANSCRIPT_LIMIT - 1_000)
    world.last = await calls.deliver_hang_up(world, call)


@when("a hang-up report for {name}'s call arrives signed with a secret the clinic never gave")
async def hang_up_with_made_up_secret(context, name):
    world = context.world
    world.last = await calls.deliver_hang_up(world, world.call(name), secret="whsec_made_up_by_a_stranger")


@then("it is accepted and kept in a form only the system can read")
def one_kept(context):
    _kept(context.world, context.world.last)


@then("both deliveries are accepted and kept in a form only the system can read")
def both_kept(context):
    world = context.world
    check(world.last, has_length(2), "both deliveries sent")
    _kept(world, world.last)


@then("the first is accepted and kept in a form only the system can read, and the second is turned away as a replay")
def first_kept_second_refused(context):
    world = context.world
    check(world.last, has_length(2), "the delivery sent, then sent again")
    inbound.refused(world.last[1])
    _kept(world, world.last[:1])


def _kept(world, accepted: list) -> None:
    """Each accepted delivery answered 202 and kept, encrypted, until the database is back."""
    call = world.call()
    for answer in accepted:
        check(answer.status_code, equal_to(202), f"accepted for later: {answer.text[:200]}")
    kept = world.target.spooled_reports()
    check(kept, has_length(len(accepted)), "every accepted delivery kept until the database is back, nothing else")
    for path in kept:
        content = path.read_bytes().decode("latin-1")
        for said in (call.patient.name, call.transcript[:30], call.call_id):
            check(content, is_not(contains_string(said)), "what the caller said is encrypted at rest")


@then("nothing of their calls is left waiting outside the database")
@then("nothing of her call is left waiting outside the database")
async def nothing_left(context):
    world = context.world

    async def emptied():
        return not world.target.spooled_reports()
    await eventually(emptied, within=calls.SMS_WAIT_S, what="the spooled reports deleted once stored")


# The database or the service killed hard (SIGKILL) and started again.
@given("{count:d} callers are booking by phone and have each picked a time")
async def callers_booking(context, count):
    context.world.crowd = await crashes.callers_booking(context.world, context.world.clinic(), count)


@when("they hang up while the clinic's database crashes and is started again")
async def hang_up_through_crash(context):
    world = context.world
    world.last = await crashes.hang_up_through_crash(world, world.clinic(), world.crowd)


async def _settled(world, count: int, kind: str) -> list[str]:
    check(world.last.calls, has_length(count), f"{count} callers")
    return (await crashes.settled_outcome(world, world.last)).problems[kind]


@then("every one of the {count:d} hang-ups is accepted, none refused")
async def all_accepted(context, count):
    world = context.world
    check(await _settled(world, count, "answered 5xx"), empty(), "no hang-up refused by a server error")
    check(set(world.last.answers.values()), is_in([{200}, {202}, {200, 202}]), "stored, or kept to be stored")


@then("every one of the {count:d} calls is stored once, as abandoned with the booking incomplete")
async def all_stored_once(context, count):
    check(await _settled(context.world, count, "not ended abandoned once"), empty(),
          "every call moved once to abandoned, then to follow-up sent")


@then("each caller's time is held for {minutes:d} minutes from their own hang-up")
async def all_held(context, minutes):
    world = context.world
    rows = await crashes.final_rows(world, world.last)
    check(rows, has_length(len(world.last.calls)), "every call is in the clinic's records")
    check([p for r in rows for p in crashes.hold_problems(world.last, r, minutes)], empty(),
          f"each time held {minutes} minutes from the hang-up the report states")


@then("each of the {count:d} callers received exactly one text, as the clinic's record shows it")
async def one_text_each(context, count):
    check(await _settled(context.world, count, "not exactly one text"), empty(),
          "one text at each phone, its delivery as the clinic's outbox records it")


@then("the time another caller booked just before the crash is still booked")
async def booking_kept(context):
    world = context.world
    check(world.last.booked, is_not(None), "a time was booked just before the crash")
    check((await crashes.settled_outcome(world, world.last)).problems["booking lost"], empty(),
          "a booking the system confirmed survives the crash")


@then('a caller still on the line during the crash hears "{line}"')
def outage_line(context, line):
    check(context.world.last.outage_reply, equal_to(line), "the voice agent's words while the diary is down")


@when("{name} hangs up before confirming, and the clinic's system crashes while her text is being sent")
async def service_crashes_mid_send(context, name):
    await crashes.service_dies_mid_send(context.world, context.world.call(name))


@then("staff see that nobody knows whether {name}'s text reached her")
async def staff_see_unknown(context, name):
    shown = await texts.history(context.world, context.world.patient(name), limit=5)
    check(shown, has_length(1), "one text in the clinic's history")
    check(shown[0], has_entries(status="unknown", sent=False), "shown as of unknown fate, not as sent")


@then("her call is still marked as abandoned")
async def still_abandoned(context):
    world = context.world
    check((await calls.call_record(world, world.call()))["status"], equal_to("abandoned"),
          "a text of unknown fate does not move the call")


@then("{name}'s text is not sent again")
async def not_resent(context, name):
    world = context.world
    outbox = await world.db.follow_ups(world.call(name).call_id)
    check(outbox, has_length(1), "one follow-up in the outbox")
    check(outbox[0], has_entries(status="unknown", attempts=1), "handed to the provider once, never again")
    check(len(await calls.texts_to(world, world.patient(name))), less_than_or_equal_to(1), "at most one text")


@when("the clinic's system restarts, and the very same signed hang-up is sent once more")
async def resent_after_restart(context):
    world = context.world
    world.last = await crashes.sent_again_after_restart(world, world.call())


@then("it is turned away as a replay")
def turned_away_as_replay(context):
    inbound.refused(context.world.last)
