"""One JSON line per scenario run, read afterwards by the report builder."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .plan import criteria_in

RUN_DIR = Path(os.environ.get("SUITE_RUN_DIR", "reports/.run"))


def scenarios_file() -> Path:
    return RUN_DIR / "scenarios.jsonl"


def test_id_of(tags) -> str | None:
    return next((t.split(".", 1)[1] for t in tags if t.startswith("test.")), None)


def write(scenario, *, seed, tally, metrics, duration: float) -> None:
    tags = set(scenario.effective_tags)
    record = {
        "name": scenario.name, "feature": scenario.feature.name, "file": str(scenario.location),
        "status": scenario.status.name, "criteria": criteria_in(tags), "test": test_id_of(tags),
        "tags": sorted(tags), "seed": seed, "durationSeconds": round(duration, 3),
        "assertions": {"passed": tally.passed, "failed": tally.failed}, "metrics": metrics,
    }
    if scenario.status.name == "skipped" and scenario.skip_reason:
        record["skipReason"] = scenario.skip_reason
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    with scenarios_file().open("a") as out:
        out.write(json.dumps(record, default=str) + "\n")


def write_target(name: str, api_url: str, system_version: str, database_version: str) -> None:
    """What the run ran against, for the summary and Allure's environment panel."""
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    (RUN_DIR / "target.json").write_text(json.dumps({
        "name": name, "apiUrl": api_url, "systemVersion": system_version, "databaseVersion": database_version}))


def write_timing(what: str, seconds: float) -> None:
    """A phase of the run outside the scenarios (the target's start-up), for the timing line."""
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    with (RUN_DIR / "timings.jsonl").open("a") as out:
        out.write(json.dumps({"what": what, "seconds": round(seconds, 3)}) + "\n")


def read_timing(what: str) -> float | None:
    path = RUN_DIR / "timings.jsonl"
    if not path.exists():
        return None
    found = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return next((f["seconds"] for f in reversed(found) if f["what"] == what), None)
