"""reports/summary.json: shape (validated against the schema), aggregation and grading."""
import json
from pathlib import Path

import pytest

from clinic_suite.reporting import metrics, plan, report_checks, summary

META = dict(timestamp="2026-11-26T10:00:00Z", environment="embedded", target={"name": "embedded"}, seconds=75.4)


def record(name, status="passed", criteria=("CC-1",), test="cross-channel-001", **metrics_):
    return {"name": name, "feature": "F", "status": status, "criteria": list(criteria), "test": test,
            "seed": 7, "durationSeconds": 1.5, "assertions": {"passed": 3, "failed": 0 if status == "passed" else 1},
            "metrics": metrics_}


def test_a_summary_validates_and_aggregates():
    records = [record("a", smsLatency=0.2, slotHoldDuration=30.0), record("b", smsLatency=1.4),
               record("c", criteria=("AC-1",), test="atomic-collision-002", status="failed")]
    built = summary.build(records, guarded_by={"CC-1": ["no-follow-up-text"]}, **META)
    summary.validate(built)
    tc1 = next(t for t in built["tests"] if t["id"] == "cross-channel-001")
    assert tc1["status"] == "PASS" and tc1["assertions"] == {"total": 6, "passed": 6, "failed": 0}
    assert tc1["metrics"] == {"smsLatency": "1.4s", "slotHoldDuration": "30m"}   # the worst of the run
    assert next(t for t in built["tests"] if t["id"] == "atomic-collision-002")["status"] == "FAIL"
    assert built["duration"] == "1m 15s"
    cc1 = next(c for c in built["criteria"] if c["id"] == "CC-1")
    assert cc1["proven"] and cc1["guarded"] and cc1["breakages"] == ["no-follow-up-text"]
    ac1 = next(c for c in built["criteria"] if c["id"] == "AC-1")
    assert not ac1["proven"]
    assert built["summary"]["coverage"] == metrics.percent(100 / len(plan.criteria()))
    assert built["summary"]["scenarios"] == {"total": 3, "passed": 2, "failed": 1, "skipped": 0}


def test_a_criterion_with_a_skipped_or_missing_scenario_is_not_proven():
    built = summary.build([record("a"), record("b", status="skipped")], guarded_by={}, **META)
    assert not next(c for c in built["criteria"] if c["id"] == "CC-1")["proven"]
    assert not next(c for c in built["criteria"] if c["id"] == "KB-1")["proven"]


def test_sms_latency_is_the_p95_of_ordinary_hang_ups_and_the_slowed_provider_its_own_line():
    ordinary = [record(f"hang-up {i}", smsLatency=0.02 + i / 1000) for i in range(40)]
    slowed = record("slow provider", smsLatencySlowProvider=1.54)
    rows = {r["metric"]: r for r in summary.build(ordinary + [slowed], guarded_by={}, **META)["successMetrics"]}
    assert rows["SMS Latency"]["measured"] == "0.057s"   # p95 of 0.020..0.059, not the slowed 1.54 s
    assert rows["SMS Latency (provider slowed on purpose)"]["measured"] == "1.54s"


@pytest.mark.parametrize("value,verdict", [(2.0, "PASS"), (7.5, "WARN"), (12.0, "FAIL")])
def test_sms_latency_is_graded_against_target_and_threshold(value, verdict):
    rows = {r["metric"]: r for r in metrics.grade({"smsLatency": value})}
    assert rows["SMS Latency"]["verdict"] == verdict
    assert rows["Voice Pivot Time"]["verdict"] == "NOT_MEASURED"


def test_the_report_checks_catch_a_broken_summary(tmp_path: Path):
    built = summary.build([record("a")], guarded_by={}, **META)
    del built["duration"]
    assert "schema" in report_checks.check_json(built)
    assert "was not written" in report_checks.check_html(tmp_path / "index.html")
    page = tmp_path / "page.html"
    page.write_text("<html>" + "x" * 60_000 + '<script src="https://cdn.example/x.js"></script></html>')
    assert "outside resources" in report_checks.check_html(page)
    built["successMetrics"] = built["successMetrics"][:-1]
    assert "Coverage" in report_checks.check_metrics_table(built)


def test_the_latest_real_summary_validates_if_present():
    real = Path(__file__).resolve().parents[2] / "reports" / "summary.json"
    if not real.exists():
        pytest.skip("no run yet: make acceptance writes reports/summary.json (it validates it too)")
    summary.validate(json.loads(real.read_text()))


def test_the_gate_names_a_failed_scenario_and_a_missed_threshold():
    from clinic_suite.reporting.acceptance import blockers

    fine = summary.build([record("a", smsLatency=0.2)], guarded_by={}, **META)
    assert not [b for b in blockers(fine, []) if "SMS" in b or "FAILED" in b]
    slow = summary.build([record("a", smsLatency=12.0)], guarded_by={}, **META)
    assert "MISSED threshold: SMS Latency: 12s (threshold <10s)" in blockers(slow, [])
    failed = summary.build([record("a", status="failed")], guarded_by={}, **META)
    assert "FAILED scenario: a" in blockers(failed, [])
