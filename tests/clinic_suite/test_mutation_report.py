"""REP-4 in the report: the mutation block counts only for the code it measured, and its
check passes, fails or is not run for the right reasons."""
import json

from clinic_suite.reporting import mutation, summary
from clinic_suite.reporting.commit import code_hash

META = dict(timestamp="2026-12-01T10:00:00Z", environment="embedded", target={"name": "embedded"}, seconds=1.0,
            guarded_by={})


def _result(commit: str, survivors: int = 1) -> dict:
    return {"commit": commit, "score": 0.9, "killed": 9, "survived": survivors, "equivalent": 0, "total": 10,
            "timedOut": 0, "survivors": [{"file": "clinic_system/x.py", "line": 3, "change": "a < b  ->  a <= b",
                                          "key": "k", "equivalent": False}] * survivors}


def test_a_run_for_this_code_is_reported_and_proves_rep_4(tmp_path, monkeypatch):
    monkeypatch.setattr(mutation, "SCORE", tmp_path / "score.json")
    (tmp_path / "score.json").write_text(json.dumps(_result(code_hash())))
    block, why = mutation.for_this_code()
    assert block["score"] == 0.9 and why == ""
    assert mutation.record(block, why)["status"] == "passed"
    built = summary.build([mutation.record(block, why)], mutation=block, **META)
    summary.validate(built)
    assert next(r for r in built["successMetrics"] if r["metric"] == "Mutation Score")["measured"] == "90%"


def test_a_run_for_other_code_is_not_run_never_failed(tmp_path, monkeypatch):
    monkeypatch.setattr(mutation, "SCORE", tmp_path / "score.json")
    (tmp_path / "score.json").write_text(json.dumps(_result("sha256:somethingelse")))
    block, why = mutation.for_this_code()
    assert block is None and mutation.NO_RUN in why
    record = mutation.record(block, why)
    assert record["status"] == "skipped" and mutation.NO_RUN in record["skipReason"]


def test_survivors_that_do_not_add_up_fail_the_check():
    block = _result(code_hash(), survivors=2)
    block["survived"] = 5
    assert mutation.record(block, "")["status"] == "failed"
