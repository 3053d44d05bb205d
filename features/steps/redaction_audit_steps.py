"""The redactor on its own: the second edition of the corpora through its command (pinned
decision 24), graded per corpus. Every figure is recorded as soon as the corpora are
through, so that a redactor failing the first check still gets its full report."""
from behave import given, then, when
from hamcrest import empty, equal_to, greater_than_or_equal_to, has_key, is_, none, not_none

from clinic_suite.checks import check
from clinic_suite.journeys import redaction_audit


@given("the redactor the clinic uses, taking one utterance at a time")
def the_redactor(context):
    check(context.world.target.redactor_command, not_none(), "a redactor command to audit")


@when("every utterance of the second edition of the redaction corpora goes through it")
async def corpora_through(context):
    world = context.world
    world.last = await redaction_audit.audit_target(world)
    # A redactor that crashes, hangs or answers something else fails the audit, saying how.
    check(world.last.broken, is_(none()), "the redactor answered every utterance")
    for side, measured in redaction_audit.figures_to_record(world.last).items():
        world.measure(side, *measured)


@then("no labelled name, number, email, address or medical word of the tuning corpus survives, "
      "with the share caught per kind recorded")
def tuning_recall(context):
    figures = context.world.last.combined("tuning", "clean_tuning")
    check(sorted(figures.recall()), equal_to(sorted(redaction_audit.KINDS)), "every kind is in the corpus")
    missed = {kind: f"{len(values)}, e.g. {values[:3]}" for kind, values in figures.by_kind().items()}
    check(missed, equal_to({}), "every labelled value of the tuning corpus caught (the evidence lists them all)")


@then("none of the clean tuning utterances is changed: prices, dates, times, durations and the clinic's own name, "
      "web address, doctors and staff survive")
def clean_unchanged(context):
    check(context.world.last.figures["clean_tuning"].clean_changed, empty(), "clean utterances left as they were said")


@then("at least {share:d}% of the replacements are justified, with every over-redaction counted")
def tuning_precision(context, share):
    figures = context.world.last.combined("tuning", "clean_tuning")
    check(figures.precision(), greater_than_or_equal_to(share), f"precision at least {share}%")


@then("the shares caught on the held-out corpus, its precision and the clean utterances it changed are recorded "
      "for the meeting, apart from the tuning figures")
def held_out_recorded(context):
    world = context.world
    figures = world.last.combined("held_out", "clean_held_out")
    check(sum(figures.total.values()), equal_to(redaction_audit.labels_in("held_out")), "every held-out value graded")
    check(world.metrics, has_key("piiRecallHeldOutV2"), "recorded for the meeting")
