"""KB-8's grading: wrong answers apart from misses, read from the figures in the answer."""
import asyncio
import json

from clinic_suite.journeys import knowledge
from clinic_suite.reporting import metrics

PREMIER = knowledge.listed("premier-procedures.pdf")


def body(text, grounded=True):
    return {"answer": text, "grounded": grounded}


def test_another_procedures_figures_are_a_wrong_answer():
    answer = body("Rhinoplasty at our clinic: Surgical nose reshaping. Recovery: 2-3 weeks. Cost: £8,000-£10,000.")
    assert knowledge.grade(["Liquid Rhinoplasty"], answer, PREMIER) == "wrong"
    assert knowledge.grade([], answer, PREMIER) == "wrong"
    assert knowledge.grade(["Rhinoplasty"], answer, PREMIER) == "right"


def test_a_refusal_is_a_miss_for_a_listed_procedure_and_right_for_an_unlisted_one():
    refusal = body(knowledge.REFUSAL, grounded=False)
    assert knowledge.grade(["Facelift"], refusal, PREMIER) == "miss"
    assert knowledge.grade([], refusal, PREMIER) == "right"


def test_one_of_two_compared_procedures_left_out_is_a_miss():
    answer = body("Facelift at our clinic: Traditional surgical facelift. Recovery: 2-4 weeks. Cost: £12,000-£15,000.")
    assert knowledge.grade(["Facelift", "Breast Augmentation"], answer, PREMIER) == "miss"


def test_misses_are_a_share_of_the_questions_about_listed_procedures():
    graded = [{"expect": ["Facelift"], "grade": "miss"}, {"expect": ["Facelift"], "grade": "right"},
              {"expect": [], "grade": "right"}]
    assert knowledge.tally(graded)["missRate"] == 50.0


def test_every_seen_set_gates_and_the_held_out_part_is_one_name():
    """The blind-written seen sets are the gating scenario's examples, the project's own set has
    a scenario of its own (held to seen_misses.json, not to the 5% target); the held-out part is
    HELD_OUT_SET alone."""
    feature = (knowledge.KB.parents[1] / "features" / "knowledge_base_unseen.feature").read_text()
    gating = feature.split("Examples:")[-1].split("Scenario:")[0]
    seen = [part for part in knowledge.QUESTION_SETS if part not in ("held-out", knowledge.PROJECTS_OWN)]
    assert all(f"| {part} " in gating for part in seen)
    assert "| held-out " not in gating and f"| {knowledge.PROJECTS_OWN} " not in gating
    assert f"each of the {knowledge.PROJECTS_OWN} questions" in feature
    left = json.loads((knowledge.KB / "questions" / "seen_misses.json").read_text())
    assert set(left) - {"_why"} == {knowledge.QUESTION_SETS[part] for part in knowledge.QUESTION_SETS if part != "held-out"}
    assert knowledge.QUESTION_SETS["held-out"] == knowledge.HELD_OUT_SET
    assert knowledge.HELD_OUT_SET not in {knowledge.QUESTION_SETS[part] for part in seen}  # a read set is never held out
    for part in knowledge.QUESTION_SETS:
        assert part == "held-out" or knowledge.question_set(part)


def test_a_held_out_set_not_delivered_yet_is_not_measured(monkeypatch):
    """The held-out file may be on its way: the scenario asks nothing and records no figure (the
    report's rows read NOT_MEASURED), rather than failing or reading as zero wrong answers."""
    monkeypatch.setitem(knowledge.QUESTION_SETS, "held-out", "not_delivered_yet.jsonl")
    assert not knowledge.delivered("held-out")
    assert asyncio.run(knowledge.ask_question_set(None, "held-out")) == {"part": "held-out", "delivered": False}
    assert knowledge.delivered("tuning")
    monkeypatch.setitem(knowledge.QUESTION_SETS, "tuning", "not_delivered_yet.jsonl")
    assert knowledge.delivered("tuning")  # a seen set is never "on its way": its absence fails loudly
    held_out = [r for r in metrics.grade({"kbWrongAnswers": 0, "kbMissRate": 0.0}) if "held-out" in r["metric"]]
    assert held_out and all(r["verdict"] == "NOT_MEASURED" for r in held_out if r["metric"].startswith("KB "))
