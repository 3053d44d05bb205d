"""The knowledge base: the clinic's PDF, the answers drawn from it, and what is refused."""
import json
from pathlib import Path

from behave import given, then, when
from hamcrest import (close_to, contains_string, empty, equal_to, greater_than, has_entries, has_length, is_in,
                      is_not)

from clinic_suite import calls_flow, payloads
from clinic_suite.checks import check
from clinic_suite.clinic_setup import add_patient

KB = Path(__file__).resolve().parents[2] / "fixtures" / "kb"
REFUSAL = "I don't have specific information about that procedure."


@given('{clinic} has uploaded its procedure list "{filename}"')
async def uploaded(context, clinic, filename):
    world = context.world
    answer = await world.api.upload_document(world.clinic(clinic).api_key, KB / filename)
    check(answer.status_code, equal_to(201), f"{filename} accepted: {answer.text[:300]}")
    context.documents = {**getattr(context, "documents", {}), clinic: answer.json()}


async def _ask(context, clinic, question):
    answer = await context.world.api.ask(context.world.clinic(clinic).api_key, question)
    check(answer.status_code, equal_to(200), f"the receptionist answers: {answer.text[:200]}")
    context.answer = answer.json()
    context.reply = context.answer["answer"]


@when('a caller asks the receptionist "{question}"')
async def asks(context, question):
    context.question = question
    await _ask(context, None, question)


@when('a caller asks {clinic}\'s receptionist "{question}"')
async def asks_clinic(context, clinic, question):
    context.question = question
    await _ask(context, clinic, question)


@then('the answer is about {procedure}, quoting "{figure}" and "{detail}"')
def answer_about(context, procedure, figure, detail):
    answer = context.answer
    right = answer.get("grounded") is True and answer.get("procedure") == procedure
    context.world.measure("kbAccuracy", 100.0 if right else 0.0, "%")
    check(answer, has_entries(grounded=True, procedure=procedure), f"answered from {procedure}")
    check(answer["answer"], contains_string(figure), "the figure exactly as the PDF writes it")
    check(answer["answer"], contains_string(detail), "and the detail from the PDF")


@then('the answer never mentions "{wrong}"')
def never_mentions(context, wrong):
    check(context.answer["answer"], is_not(contains_string(wrong)), "nothing from another procedure")


@then("the answer names the clinic's procedure list, page {page:d}, as its source")
def names_source(context, page):
    document = next(iter(context.documents.values()))
    check(context.answer["sources"], has_length(1), "one source")
    check(context.answer["sources"][0], has_entries(documentId=document["documentId"], page=page,
                                                    title=document["title"]), "the clinic's own PDF and page")


@then("the question matched that page with a similarity above {floor:g}")
async def similarity_above(context, floor):
    similarity = context.answer["sources"][0]["similarity"]
    context.world.measure("kbMinSimilarity", similarity)
    check(similarity, greater_than(floor), "the embedding model's cosine")
    raw = await raw_cosine(context)
    if raw is not None:  # the suite has the same model: the figure must be its raw cosine, never rescaled
        check(similarity, close_to(raw, 0.005), "the raw cosine of the model, not rescaled")


async def raw_cosine(context) -> float | None:
    """The best cosine between the question and the answering procedure's passages, computed
    here with the same model, when the system says it used the model the suite also has."""
    from clinic_system.knowledge.embeddings import MiniLmOnnx

    source, pool = context.answer["sources"][0], context.world.db.pool
    if await pool.fetchval("SELECT embedder FROM kb_documents WHERE id = $1", source["documentId"]) != MiniLmOnnx.name:
        return None
    texts = [r["text"] for r in await pool.fetch(
        "SELECT c.text FROM kb_chunks c JOIN kb_procedures p ON p.id = c.procedure_id "
        "WHERE c.document_id = $1 AND p.name = $2", source["documentId"], context.answer["procedure"])]
    vectors = _model().embed([context.question, *texts])
    return float((vectors[1:] @ vectors[0]).max())


_MODEL = []


def _model():
    from clinic_system.knowledge.embeddings import MiniLmOnnx

    if not _MODEL:
        _MODEL.append(MiniLmOnnx())
    return _MODEL[0]


@when('a caller on the phone asks "{question}"')
async def asks_on_phone(context, question):
    world = context.world
    call = await calls_flow.start_call(world, await add_patient(world, "Nadia", world.clinic()))
    answer = await world.api.vapi(world.clinic().webhook_secret, payloads.tool_calls(
        call.call_id, [(f"{call.call_id}_kb", "ask_knowledge_base", {"question": question})]))
    check(answer.status_code, equal_to(200))
    context.reply = answer.json()["results"][0]["result"]


@then('the voice receptionist\'s answer quotes "{first}" and "{second}"')
def voice_quotes(context, first, second):
    check(context.reply, contains_string(first))
    check(context.reply, contains_string(second))


@then("the answer quotes no price, no recovery time and no source")
def quotes_nothing(context):
    answer = context.answer
    check(answer, has_entries(grounded=False, sources=empty()), "not grounded, no source")
    for invented in ("£", "$", "week", "downtime", "hours", "Recovery", "Cost"):
        check(answer["answer"], is_not(contains_string(invented)), "nothing invented")


def _paraphrases() -> list[dict]:
    return [json.loads(line) for line in (KB / "paraphrases.jsonl").read_text().splitlines() if line.strip()]


@when("a caller asks each of the paraphrased questions")
async def asks_paraphrases(context):
    context.paraphrased = []
    for item in _paraphrases():
        await _ask(context, None, item["question"])
        context.paraphrased.append((item, context.answer))


@then("every question gets an answer from the list or the refusal, never anything else")
def answer_or_refusal(context):
    listed = {p["name"]: p for p in json.loads((KB / "procedures.json").read_text())["premier-procedures.pdf"]["procedures"]}
    check(context.paraphrased, has_length(len(_paraphrases())), "every question asked")
    for item, answer in context.paraphrased:
        if answer["grounded"]:
            check(answer.get("procedure"), is_in(list(listed)), f"a procedure of the list: {item['question']}")
            check(answer["answer"], contains_string(listed[answer["procedure"]]["cost"]), "with its figures")
        else:
            check(answer["answer"], equal_to(REFUSAL), f"or the refusal: {item['question']}")


@then("the share answered from the right procedure, or refused where the clinic has none, is recorded for the meeting")
def paraphrase_accuracy(context):
    misses = [{"question": item["question"], "expected": item["expect"], "got": answer.get("procedure")}
              for item, answer in context.paraphrased if answer.get("procedure") != item["expect"]]
    share = 100.0 * (len(context.paraphrased) - len(misses)) / len(context.paraphrased)
    context.world.measure("kbAccuracyParaphrases", round(share, 1), "%")
    context.world.evidence.row("paraphrased questions answered wrongly", misses)
    check(len(context.paraphrased), equal_to(32), "the whole set was measured")


@then("nothing from {clinic}'s list reaches the answer")
def nothing_from_list(context, clinic):
    other = json.loads((KB / "procedures.json").read_text())["surgical-procedures.pdf"]["procedures"]
    for procedure in other:
        for figure in (procedure["recovery"], procedure["cost"], procedure["description"]):
            check(context.reply, is_not(contains_string(figure)), f"nothing of {clinic}'s {procedure['name']}")


@then('asked the same, {clinic}\'s receptionist answers from its own list, quoting "{figure}"')
async def control_own_list(context, clinic, figure):
    await _ask(context, clinic, context.question)
    check(context.answer, has_entries(grounded=True), f"{clinic} answers from its own list")
    check(context.reply, contains_string(figure), "with its own figure")
