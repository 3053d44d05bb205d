"""The knowledge base: the clinic's PDF, the answers drawn from it, and what is refused."""
from behave import given, then, when
from hamcrest import (close_to, contains_string, empty, equal_to, greater_than, has_entries, has_length, is_in, is_not,
                      less_than, less_than_or_equal_to)

from clinic_suite.checks import check
from clinic_suite.journeys import knowledge


@given('{clinic} has uploaded its procedure list "{filename}"')
async def uploaded(context, clinic, filename):
    await knowledge.upload(context.world, context.world.clinic(clinic), filename)


@when('a caller asks the receptionist "{question}"')
async def asks(context, question):
    context.world.last = await knowledge.ask(context.world, context.world.clinic(), question)


@when('a caller asks {clinic}\'s receptionist "{question}"')
async def asks_clinic(context, clinic, question):
    context.world.last = await knowledge.ask(context.world, context.world.clinic(clinic), question)


@then('the receptionist answers "{line}"')
def receptionist_answers(context, line):
    check(context.world.last.text, equal_to(line), "the receptionist's exact words")


@then('the answer is about {procedure}, quoting "{figure}" and "{detail}"')
def answer_about(context, procedure, figure, detail):
    world = context.world
    answer = world.last.body
    right = answer.get("grounded") is True and answer.get("procedure") == procedure
    world.measure("kbAccuracy", 100.0 if right else 0.0, "%")
    check(answer, has_entries(grounded=True, procedure=procedure), f"answered from {procedure}")
    check(answer["answer"], contains_string(figure), "the figure exactly as the PDF writes it")
    check(answer["answer"], contains_string(detail), "and the detail from the PDF")


@then('the answer never mentions "{wrong}"')
def never_mentions(context, wrong):
    check(context.world.last.text, is_not(contains_string(wrong)), "nothing from another procedure")


@then("the answer names the clinic's procedure list, page {page:d}, as its source")
def names_source(context, page):
    world = context.world
    document = world.documents[world.clinic().name]
    sources = world.last.body["sources"]
    check(sources, has_length(1), "one source")
    check(sources[0], has_entries(documentId=document["documentId"], page=page, title=document["title"]),
          "the clinic's own PDF and page")


@then("the caller had the answer within half a second")
def answered_promptly(context):
    # a voice agent waits on the answer mid-sentence; ten times the 50 ms target is a stall
    check(context.world.last.seconds, less_than(0.5), "seconds from the question to the answer")


@then("the question matched that page with a similarity above {floor:g}")
async def similarity_above(context, floor):
    world = context.world
    similarity = world.last.body["sources"][0]["similarity"]
    world.measure("kbMinSimilarity", similarity)
    check(similarity, greater_than(floor), "the embedding model's cosine")
    raw = await knowledge.raw_cosine(world, world.last)
    if raw is not None:  # the suite has the same model: the figure must be its raw cosine, never rescaled
        world.evidence.row("similarity recomputed by the suite", {"reported": similarity, "recomputed": raw})
        check(similarity, close_to(raw, 0.0001), "the raw cosine of the model, to its fourth decimal, not rescaled")


@when('a caller on the phone asks "{question}"')
async def asks_on_phone(context, question):
    world = context.world
    world.last = await knowledge.ask_on_the_phone(world, world.clinic(), "ask_knowledge_base", {"question": question})


@then('the voice receptionist\'s answer quotes "{first}" and "{second}"')
def voice_quotes(context, first, second):
    check(context.world.last.text, contains_string(first))
    check(context.world.last.text, contains_string(second))


@then("the answer quotes no price, no recovery time and no source")
def quotes_nothing(context):
    answer = context.world.last.body
    check(answer, has_entries(grounded=False, sources=empty()), "not grounded, no source")
    for invented in ("£", "$", "week", "downtime", "hours", "Recovery", "Cost"):
        check(answer["answer"], is_not(contains_string(invented)), "nothing invented")


@when("a caller asks each of the paraphrased questions")
async def asks_paraphrases(context):
    world = context.world
    world.last = [(item, (await knowledge.ask(world, world.clinic(), item["question"])).body)
                  for item in knowledge.paraphrases()]


@then("every question gets an answer from the list or the refusal, never anything else")
def answer_or_refusal(context):
    world = context.world
    listed = knowledge.listed(world.documents[world.clinic().name]["filename"])
    check(world.last, has_length(len(knowledge.paraphrases())), "every question asked")
    for item, answer in world.last:
        if answer["grounded"]:
            check(answer.get("procedure"), is_in(list(listed)), f"a procedure of the list: {item['question']}")
            check(answer["answer"], contains_string(listed[answer["procedure"]]["cost"]), "with its figures")
        else:
            check(answer["answer"], equal_to(knowledge.REFUSAL), f"or the refusal: {item['question']}")


@then("the share answered from the right procedure, or refused where the clinic has none, is recorded for the meeting")
def paraphrase_accuracy(context):
    world = context.world
    misses = [{"question": item["question"], "expected": item["expect"], "got": answer.get("procedure")}
              for item, answer in world.last if answer.get("procedure") != item["expect"]]
    share = 100.0 * (len(world.last) - len(misses)) / len(world.last)
    world.measure("kbAccuracyParaphrases", round(share, 1), "%")
    world.evidence.row("paraphrased questions answered wrongly", misses)
    check(len(world.last), equal_to(len(knowledge.paraphrases())), "the whole set was measured")


@then("nothing from {clinic}'s list reaches the answer")
def nothing_from_list(context, clinic):
    world = context.world
    for procedure in knowledge.listed(world.documents[clinic]["filename"]).values():
        for figure in (procedure["recovery"], procedure["cost"], procedure["description"]):
            check(world.last.text, is_not(contains_string(figure)), f"nothing of {clinic}'s {procedure['name']}")


@then('asked the same, {clinic}\'s receptionist answers from its own list, quoting "{figure}"')
async def control_own_list(context, clinic, figure):
    world = context.world
    own = await knowledge.ask(world, world.clinic(clinic), world.last.question)
    check(own.body, has_entries(grounded=True), f"{clinic} answers from its own list")
    check(own.text, contains_string(figure), "with its own figure")


@then("the answer quotes the figures of {procedures} and of no other procedure on the list")
def quotes_figures_of(context, procedures):
    world = context.world
    expected = procedures.split(" and ")
    listed = knowledge.listed(world.documents[world.clinic().name]["filename"])
    for name in expected:
        check(name, is_in(list(listed)), "a procedure of the clinic's list")
        check(world.last.text, contains_string(listed[name]["cost"]), f"{name}'s price as the PDF writes it")
        check(world.last.text, contains_string(listed[name]["recovery"]), f"{name}'s recovery as the PDF writes it")
    check(sorted(knowledge.figures_in(world.last.text, listed)), equal_to(sorted(expected)),
          "no other procedure's figures")


@then("the answer quotes no figures of {refused}, nor of any procedure but {procedure}")
def quotes_none_refused(context, refused, procedure):
    world = context.world
    quoted = knowledge.figures_in(world.last.text, knowledge.listed(world.documents[world.clinic().name]["filename"]))
    check(refused, is_not(is_in(quoted)), "a procedure the caller did not ask for (turned down, or other work)")
    check(sorted(quoted - {procedure}), equal_to([]), f"only {procedure}'s figures, if any")


@given("a clinic for each procedure list the question sets were written for")
async def question_set_clinics(context):
    await knowledge.clinics_for_question_sets(context.world)


@when("a caller asks each of the {part} questions of the clinic it was written for")
async def asks_question_set(context, part):
    context.world.last = await knowledge.ask_question_set(context.world, part)


def _part_figure(name: str, part: str) -> str:
    return name + ("HeldOut" if part == "held-out" else "")


def _measure_set(world, result) -> None:
    world.measure(_part_figure("kbWrongAnswers", result["part"]), len(result["wrong"]))
    # the misses too, before the gate's check: a wrong answer must not leave the misses unshown;
    # not the project's own questions' (chosen to be hard, held to seen_misses.json instead)
    if result["part"] != knowledge.PROJECTS_OWN:
        world.measure(_part_figure("kbMissRate", result["part"]), result["missRate"], "%")


@then("no answer quotes another procedure's figures, or figures for a procedure the clinic does not list")
def no_wrong_answers(context):
    world = context.world
    _measure_set(world, world.last)
    world.evidence.row(f"wrong answers ({world.last['part']} questions)", world.last["wrong"])
    check(world.last["wrong"], empty(), f"no wrong answer to the {world.last['part']} questions")


@then("the refusals of procedures the clinic lists stay within the 5% target, and no question answered after tuning is refused now")
def misses_within_target(context):
    """A set already used to tune: its misses are held to the target, and a refusal the last
    tuning did not leave there is a step back (the held-out set's misses are graded in the
    report, not here)."""
    world = context.world
    result = world.last
    world.measure(_part_figure("kbMissRate", result["part"]), result["missRate"], "%")
    _misses_shown(world)
    check(result["missRate"], less_than_or_equal_to(5.0), f"at most 5% of the {result['part']} questions refused")
    _no_new_refusal(world)


@then("no question answered after tuning is refused now")
def no_new_refusal(context):
    """The project's own questions are chosen to be hard: their refusals are held to the list
    the last tuning left (seen_misses.json), not to the 5% target, and not in its figure."""
    _misses_shown(context.world)
    _no_new_refusal(context.world)


def _misses_shown(world) -> None:
    result = world.last
    world.evidence.row(f"misses ({result['part']} questions)", result["misses"])
    check(result["questions"], equal_to(len(knowledge.question_set(result["part"]))), "the whole set was asked")


def _no_new_refusal(world) -> None:
    result = world.last
    left = knowledge.misses_left_by_tuning(result["part"])
    check(sorted(m["id"] for m in result["misses"] if m["id"] not in left), empty(),
          f"the {result['part']} questions refused now that the last tuning answered")


@then("the wrong answers and the refusals of procedures the clinic lists are counted for the meeting, "
      "against none and a 5% target")
def held_out_counted(context):
    """Graded in the report (KB Wrong Answers / KB Misses, held-out), not gated here. The
    questions themselves stay out of the evidence: whoever reads them has seen the set."""
    world = context.world
    result = world.last
    if not result["delivered"]:  # no figure recorded: the report's held-out rows read NOT_MEASURED
        world.evidence.row(f"{result['part']} figures", {"set": knowledge.QUESTION_SETS[result["part"]],
                                                         "delivered": False})
        return
    _measure_set(world, result)
    world.evidence.row(f"{result['part']} figures", {"set": knowledge.QUESTION_SETS[result["part"]],
                                                     "questions": result["questions"], "wrong": len(result["wrong"]),
                                                     "misses": len(result["misses"])})
    check(result["questions"], equal_to(len(knowledge.question_set(result["part"]))), "the whole set was asked")


@then("how long each answer took is recorded, against 50 milliseconds at the 95th percentile, and never over a quarter of a second")
def answer_time_recorded(context):
    if not context.world.last["delivered"]:
        return  # a held-out set not delivered yet: no question asked, no time to record
    p95 = context.world.last["p95"]
    context.world.measure("kbAnswerP95", p95, "s")
    # The 50 ms target is graded in the report (this machine's load moves it); five times it is a
    # receptionist that stalls, whatever else the machine is doing.
    check(p95, less_than(0.25), "the 95th percentile of the answer times, in seconds")
