"""reports/summary.json: the plan's JSON report (tests with their scenarios, assertions
and metrics), the criteria traceability and the success-metrics table."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import jsonschema

from . import metrics, plan

RUN_STATUSES = ("passed", "failed", "skipped", "undefined", "error")


def duration_text(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}m {whole % 60}s"


def _status(record: dict) -> str:
    status = record["status"]
    return status if status in RUN_STATUSES else ("skipped" if status == "untested" else "error")


def _test_status(scenarios: list[dict]) -> str:
    ran = [s for s in scenarios if s["status"] != "skipped"]
    if any(s["status"] != "passed" for s in ran):
        return "FAIL"
    return "PASS" if ran else "SKIPPED"


def load_records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def tests_section(records: list[dict]) -> list[dict]:
    by_test: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        test = record.get("test") or (plan.test_of(record["criteria"][0]) if record["criteria"] else None)
        if test:
            by_test[test].append(record)
    tests = []
    for test_id, name in plan.TESTS.items():
        runs = by_test.get(test_id, [])
        seconds = sum(r.get("durationSeconds", 0) for r in runs)
        passed = sum(r["assertions"]["passed"] for r in runs if "assertions" in r)
        failed = sum(r["assertions"]["failed"] for r in runs if "assertions" in r)
        worst = metrics.worst_of(runs)
        tests.append({
            "id": test_id, "name": name, "status": _test_status([{"status": _status(r)} for r in runs]),
            "duration": f"{seconds:.1f}s", "durationSeconds": round(seconds, 3),
            "assertions": {"total": passed + failed, "passed": passed, "failed": failed},
            "metrics": {k: metrics.fmt(k, v) for k, v in worst.items()},
            "scenarios": [{k: v for k, v in {
                "name": r["name"], "feature": r.get("feature"), "status": _status(r),
                "durationSeconds": r.get("durationSeconds"), "criteria": r["criteria"], "seed": r.get("seed"),
                "skipReason": r.get("skipReason")}.items() if v is not None} for r in runs],
        })
    return tests


def criteria_section(records: list[dict], guarded_by: dict[str, list[str]],
                     scope: set[str] | None = None) -> list[dict]:
    tagged: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        for criterion in record["criteria"]:
            tagged[criterion].append(record)
    out = []
    for cid, title in plan.criteria().items():
        if scope is not None and cid not in scope:
            continue
        runs = tagged.get(cid, [])
        proven = bool(runs) and all(_status(r) == "passed" for r in runs)
        breakages = guarded_by.get(cid, [])
        out.append({"id": cid, "title": title, "proven": proven, "guarded": proven and bool(breakages),
                    "breakages": breakages,
                    "scenarios": [{"name": r["name"], "status": _status(r)} for r in runs]})
    return out


def build(records: list[dict], *, timestamp: str, environment: str, target: dict, seconds: float,
          guarded_by: dict[str, list[str]], code_coverage: str | None = None, mutation: dict | None = None,
          scope: set[str] | None = None) -> dict:
    """`scope`: the criteria this kind of target can prove (pinned decision 24); all when None."""
    tests = tests_section(records)
    criteria = criteria_section(records, guarded_by, scope)
    statuses = [_status(r) for r in records]
    ran = [s for s in statuses if s != "skipped"]
    proven = sum(c["proven"] for c in criteria)
    coverage = 100.0 * proven / len(criteria) if criteria else 0.0
    worst = metrics.worst_of(records)
    facts = {**worst, "coverage": coverage, **({"mutationScore": 100.0 * mutation["score"]} if mutation else {}),
             "passRate": 100.0 * statuses.count("passed") / len(ran) if ran else None}
    with_scenarios = [t for t in tests if t["status"] != "SKIPPED"]
    return {
        "timestamp": timestamp, "environment": environment, "target": target,
        "duration": duration_text(seconds), "durationSeconds": round(seconds, 3),
        "tests": tests,
        "summary": {
            "total": len(with_scenarios), "passed": sum(t["status"] == "PASS" for t in with_scenarios),
            "failed": sum(t["status"] == "FAIL" for t in with_scenarios),
            "coverage": metrics.percent(coverage), "criteriaProven": proven, "criteriaTotal": len(criteria),
            "criteriaGuarded": sum(c["guarded"] for c in criteria),
            **({"codeCoverage": code_coverage} if code_coverage else {}),
            "scenarios": {"total": len(statuses), "passed": statuses.count("passed"),
                          "failed": len(ran) - statuses.count("passed"), "skipped": statuses.count("skipped")},
        },
        "criteria": criteria,
        "successMetrics": metrics.grade(facts),
        **({"mutation": mutation} if mutation else {}),
    }


def validate(summary: dict) -> None:
    jsonschema.validate(summary, json.loads(plan.SCHEMA_FILE.read_text()))
