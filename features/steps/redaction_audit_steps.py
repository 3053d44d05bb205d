"""The redactor on its own: every edition of the corpora through its command (pinned
decision 24), graded per corpus; the seen editions held to the bar, the held-out ones
recorded. Every figure is recorded as soon as the corpora are through, so that a redactor
failing the first check still gets its full report."""
from behave import given, then, when
from hamcrest import empty, equal_to, greater_than_or_equal_to, has_key, is_, none, not_none

from clinic_suite.checks import check
from clinic_suite.journeys import redaction_audit


@given("the redactor the clinic uses, taking one utterance at a time")
def the_redactor(context):
    check(context.world.target.redactor_command, not_none(), "a redactor command to audit")


@when("every utterance of the redaction corpora goes through it")
async def corpora_through(context):
    world = context.world
    world.last = await redaction_audit.audit_target(world)
    # A redactor that crashes, hangs or answers something else fails the audit, saying how.
    check(world.last.broken, is_(none()), "the redactor answered every utterance")
    for side, measured in redaction_audit.figures_to_record(world.last).items():
        world.measure(side, *measured)


@then("no labelled name, number, email, address or medical word of the seen corpora survives, "
      "with the share caught per kind recorded")
def seen_recall(context):
    for edition in redaction_audit.seen():
        figures = context.world.last.combined(edition.labelled, edition.clean)
        check(sorted(figures.recall()), equal_to(sorted(redaction_audit.KINDS)), f"every kind is in {edition.labelled}")
        missed = {kind: f"{len(values)}, e.g. {values[:3]}" for kind, values in figures.by_kind().items()}
        check(missed, equal_to({}), f"every labelled value of {edition.labelled} caught (the evidence lists them all)")


@then("none of the seen clean utterances is changed: prices, dates, times, durations and the clinic's own name, "
      "web address, doctors and staff survive")
def clean_unchanged(context):
    for edition in redaction_audit.seen():
        check(context.world.last.figures[edition.clean].clean_changed, empty(),
              f"{edition.clean}: clean utterances left as they were said")


@then("at least {share:d}% of the replacements on the seen corpora are justified, with every over-redaction counted")
def seen_precision(context, share):
    seen = redaction_audit.seen()
    for edition in [e for e in seen if e.labels_complete]:
        figures = context.world.last.combined(edition.labelled, edition.clean)
        check(figures.precision(), greater_than_or_equal_to(share), f"{edition.labelled}: precision at least {share}%")
    together = context.world.last.combined(*[n for e in seen for n in (e.labelled, e.clean)])
    check(together.precision(), greater_than_or_equal_to(share), f"the seen corpora together: precision at least {share}%")


@then("the shares caught on each held-out corpus, its precision and the clean utterances it changed are recorded "
      "for the meeting, apart from the seen figures")
def held_out_recorded(context):
    world = context.world
    for edition in redaction_audit.held_out():
        figures = world.last.combined(edition.labelled, edition.clean)
        check(sum(figures.total.values()), equal_to(redaction_audit.labels_in(edition.labelled)),
              f"every value of {edition.labelled} graded")
        check(world.metrics, has_key(f"piiRecall{edition.figure}"), f"{edition.labelled} recorded for the meeting")
    unseen = [n for e in redaction_audit.held_out() for n in (e.labelled, e.clean)]
    recorded = sorted(name for name in world.metrics if name.startswith("piiRecallUnseen["))
    expected = sorted(f"piiRecallUnseen[{kind}]" for kind in world.last.combined(*unseen).recall()) if unseen else []
    check(recorded, equal_to(expected), "the held-out editions' figures per kind, apart from the seen ones")
