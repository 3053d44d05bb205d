"""Redaction and consent: what the clinic keeps, shows and logs of what callers say."""
import asyncio
import re
from datetime import datetime, timedelta
from pathlib import Path

from behave import given, then, when
from hamcrest import (contains_string, empty, equal_to, greater_than_or_equal_to, has_entries, has_key,
                      has_length, is_not, less_than)

from clinic_suite import calls_flow, pii_audit
from clinic_suite.checks import check, eventually
from clinic_suite.clinic_setup import add_patient

CORPUS_CONCURRENCY = 10


@given("{name} is a caller who has not agreed to his calls being kept on record")
async def non_consenting_caller(context, name):
    await add_patient(context.world, name, context.world.clinic(), consent=False)


async def _say_and_hang_up(world, name: str, said: str, summary: str | None = None):
    patient = world.patients[name]
    call = world.calls.get(name) or await calls_flow.start_call(world, patient)
    call.transcript, call.summary = said, summary
    await calls_flow.hang_up(world, call)
    return call


@when('{name} says "{said}" and hangs up, summarised as "{summary}"')
async def says_with_summary(context, name, said, summary):
    await _say_and_hang_up(context.world, name, said, summary)


@when('{name} says "{said}" and hangs up')
async def says(context, name, said):
    await _say_and_hang_up(context.world, name, said)


def _call(context):
    return next(iter(context.world.calls.values()))


@then('the clinic\'s record of the call reads "{kept}"')
async def record_reads(context, kept):
    check(await pii_audit.stored_transcript(context.world, _call(context)), equal_to(kept), "the stored transcript")


@then('"{value}" appears nowhere the clinic keeps or shows the call')
async def appears_nowhere(context, value):
    kept = await pii_audit.kept_about(context.world, _call(context))
    check(kept.lower(), is_not(contains_string(value.lower())), "not in the record, the audit log, texts or the API")


async def _row(context) -> dict:
    return await calls_flow.call_record(context.world, _call(context))


@then("the summary keeps nothing identifying or medical")
async def summary_clean(context):
    summary = (await _row(context))["summary"]
    check(summary, contains_string("[REDACTED_"), "the summary is kept, redacted")
    for word in ("John", "Smith", "rhinoplasty", "revision", "surgery"):
        check(summary, is_not(contains_string(word)), "nothing identifying or medical in the summary")


@then("the record notes no consent, that fields were redacted, and when")
async def metadata_without_consent(context):
    row = await _row(context)
    check(row["metadata"], has_entries(gdpr_consent=False, has_redacted_fields=True), "consent and redaction noted")
    stamp = datetime.fromisoformat(row["metadata"]["redaction_timestamp"])
    check(abs(stamp - row["ended_at"]), less_than(timedelta(minutes=5)), "redacted when the call was stored")


async def _audit_entries(context, action: str) -> list:
    return await context.world.db.pool.fetch("SELECT detail FROM audit_log WHERE action = $1 "
                                             "AND detail->>'callId' = $2", action, _call(context).call_id)


@then("the clinic's audit log counts the redactions by kind, without the values")
async def audit_counts(context):
    rows = await _audit_entries(context, "redaction")
    check(rows, has_length(1), "one audit entry for the call's redaction")
    detail = rows[0]["detail"]
    check(detail["counts"], equal_to({"name": 4, "phone": 1, "medical": 7}), "counted by kind, transcript and summary")
    for value in ("John", "Smith", "555", "rhinoplasty"):
        check(str(detail), is_not(contains_string(value)), "never the values")


@then("the clinic's record keeps exactly what {name} said")
async def record_keeps_exactly(context, name):
    check(await pii_audit.stored_transcript(context.world, context.world.calls[name]),
          equal_to(context.world.calls[name].transcript), "with consent, the transcript as said")


@then("the record notes consent and no redaction")
async def metadata_with_consent(context):
    metadata = (await _row(context))["metadata"]
    check(metadata, has_entries(gdpr_consent=True, has_redacted_fields=False), "consent noted, nothing redacted")
    check(metadata, is_not(has_key("redaction_timestamp")), "no redaction time")


# --- the corpus -------------------------------------------------------------------------------

@when("each utterance of the redaction corpus is said on a call that then ends")
async def corpus_said(context):
    world, patient = context.world, context.world.patients["John"]
    gate = asyncio.Semaphore(CORPUS_CONCURRENCY)

    async def one(row):
        async with gate:
            call = await calls_flow.start_call(world, patient)
            call.transcript = row["text"]
            await calls_flow.hang_up(world, call)
            return row, call
    sets = {"labelled": pii_audit.labelled(), "clean": pii_audit.clean(), "held_out": pii_audit.held_out()}
    context.corpus = {name: await asyncio.gather(*(one(r) for r in rows)) for name, rows in sets.items()}


async def _figures(context, *sets: str) -> pii_audit.Figures:
    figures = pii_audit.Figures()
    for name in sets:
        for row, call in context.corpus[name]:
            # Labelled: everything kept or shown is searched; clean: the transcript is compared as said.
            stored = await pii_audit.stored_transcript(context.world, call)
            kept = stored + "\n" + await pii_audit.kept_about(context.world, call) if row["labels"] else stored
            figures.add(row, kept)
    return figures


@then("no labelled name, number, email, address or medical word survives in anything the clinic keeps or shows")
async def no_survivors(context):
    context.figures = await _figures(context, "labelled", "clean")
    context.world.evidence.row("survivors", context.figures.survivors)
    check(context.figures.survivors, empty(), "every labelled value replaced everywhere")


@then("every kind of personal data was caught, with the share caught per kind recorded")
def recall_per_kind(context):
    figures, world = context.figures, context.world
    for kind, share in figures.recall().items():
        world.measure(f"piiRecall[{kind}]", round(share, 1), "%")
    world.measure("piiRecall", round(figures.overall_recall(), 1), "%")
    check(sorted(figures.recall()), equal_to(sorted(pii_audit.KINDS)), "every kind is in the corpus")
    for kind, share in figures.recall().items():
        check(share, equal_to(100.0), f"all {kind} values caught")


@then("ordinary booking talk is left as it was, with at least {share:d}% of the replacements justified")
def precision(context, share):
    figures = context.figures
    context.world.measure("piiPrecision", round(figures.precision(), 1), "%")
    context.world.evidence.row("clean utterances changed", figures.clean_changed)
    check(figures.precision(), greater_than_or_equal_to(share), f"precision at least {share}%")


@then("the share caught on utterances the redactor was never tuned on is recorded for the meeting")
async def held_out_recorded(context):
    figures = await _figures(context, "held_out")
    check(sum(figures.total.values()), equal_to(sum(len(r["labels"]) for r in pii_audit.held_out())),
          "every held-out utterance was stored and read back")
    context.world.measure("piiRecallHeldOut", round(figures.overall_recall(), 1), "%")
    for kind, share in figures.recall().items():
        context.world.measure(f"piiRecallHeldOut[{kind}]", round(share, 1), "%")
    context.world.evidence.row("held-out survivors", figures.by_kind())


# --- staff views and the log ---------------------------------------------------------------------

@then("the staff's view of the call shows none of what {name} said that identifies him")
async def staff_view_clean(context, name):
    call = context.world.calls[name]
    shown = await context.world.api.call(call.patient.clinic.api_key, call.call_id)
    check(shown.status_code, equal_to(200))
    for token in _sensitive(call.transcript):
        check(shown.text, is_not(contains_string(token)), "the staff's view of the call")


@then("the clinic's text history shows {name}'s number with all but its last 3 digits hidden")
async def history_masked(context, name):
    world = context.world
    patient = world.patients[name]
    await calls_flow.wait_for_text(world, patient, within=calls_flow.SMS_THRESHOLD_S)
    answer = await world.api.sms_history(patient.clinic.api_key, patient.clinic.org_id, patient.patient_id)
    digits = re.sub(r"\D", "", patient.phone)
    check(answer.json()["messages"][0]["to"], equal_to("+" + "*" * (len(digits) - 3) + digits[-3:]), "masked")
    for token in [*_sensitive(world.calls[name].transcript), digits, patient.phone]:
        check(answer.text, is_not(contains_string(token)), "nothing personal in the text history")


def _sensitive(said: str) -> list[str]:
    """What in a sentence identifies or is medical: names, long numbers, emails, long words."""
    words = re.findall(r"[\w.+@-]+", said)
    common = {"Hi", "My", "I'm", "You", "Hello", "about", "would", "discuss", "previous"}
    return sorted({w.strip(".,") for w in words if w not in common and (
        w[:1].isupper() or "@" in w or sum(c.isdigit() for c in w) >= 7 or len(w) >= 6)} - {"", "I"})


def _log_text(context) -> str:
    path = Path(context.world.target.log_file)
    return path.read_text(errors="replace") if path.exists() else ""


@then("the system's log mentions {name}'s call")
async def log_mentions_call(context, name):
    call = context.world.calls[name]

    async def mentioned():
        return call.call_id in _log_text(context)
    await eventually(mentioned, within=5, what="the call's id in the system's log (so the log is the right one)")


@then("nothing {name} said appears in the system's log")
async def log_clean(context, name):
    call = context.world.calls[name]
    check(_log_text(context), contains_string(call.call_id), "the log is the one that saw this call")
    log = _log_text(context)
    for token in [*_sensitive(call.transcript), call.patient.name, call.patient.phone]:
        check(log, is_not(contains_string(token)), "nothing a caller said, nor who they are, in the log")


# --- fail closed ---------------------------------------------------------------------------------

@given("the redactor will fail on {name}'s next call")
def redactor_will_fail(context, name):
    context.world.patients[name].redaction_fault = True


@then("nothing of what {name} said is kept")
async def nothing_kept(context, name):
    row = await _row(context)
    check([row["transcript"], row["transcript_preview"], row["summary"]], equal_to([None, None, None]),
          "no transcript, preview or summary")
    kept = await pii_audit.kept_about(context.world, context.world.calls[name])
    for token in _sensitive(context.world.calls[name].transcript):
        check(kept, is_not(contains_string(token)), "nothing said, anywhere the clinic keeps or shows the call")


@then("the record shows the transcript was withheld because redaction failed")
async def withheld(context):
    check((await _row(context))["metadata"], has_entries(transcript_withheld=True, redaction_failed=True,
                                                         gdpr_consent=False), "staff can see why")


@then("the failure is in the clinic's audit log")
async def failure_audited(context):
    check(await _audit_entries(context, "redaction:failed"), has_length(1), "one audit entry for the failure")
