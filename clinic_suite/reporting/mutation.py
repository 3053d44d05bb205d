"""REP-4: how far a green report can be trusted. The last `make mutants` result
(mutation/score.json) counts only for the code it measured (pinned decision 26): its hash
must match the reference system as it is now, else there is no mutation run for this code."""
from __future__ import annotations

import json
from pathlib import Path

from .commit import ROOT, code_hash

SCORE = ROOT / "mutation" / "score.json"
NO_RUN = "no mutation run for this code"


def for_this_code() -> tuple[dict | None, str]:
    """(the summary's mutation block, or None; why there is none)."""
    if not SCORE.exists():
        return None, f"{NO_RUN} (`make mutants` has not been run)"
    result = json.loads(SCORE.read_text())
    if result.get("commit") != code_hash():
        return None, f"{NO_RUN} (the last run measured {result.get('commit')}, the system is now {code_hash()})"
    keep = ("commit", "score", "killed", "survived", "timedOut", "equivalent", "total", "survivors")
    block = {k: result[k] for k in keep if k in result}
    block["survivors"] = [{k: s[k] for k in ("file", "line", "change", "equivalent", "reason") if k in s}
                          for s in result["survivors"]]
    return block, ""


def record(block: dict | None, why_not: str) -> dict:
    """REP-4's scenario-like record: passed when the score and every survivor are stated for
    this code; skipped with the reason when no run measured it (never failed for that)."""
    base = {"name": "The report states the suite's mutation score and every surviving mutant", "feature": "Reports",
            "criteria": ["REP-4"], "test": "reports-007", "durationSeconds": 0.0, "metrics": {}}
    if block is None:
        return {**base, "status": "skipped", "skipReason": why_not, "assertions": {"passed": 0, "failed": 0}}
    listed = len(block["survivors"]) == block["survived"] + block["equivalent"]
    problem = None if listed else "the survivors listed do not add up to the survived and equivalent counts"
    return {**base, "status": "failed" if problem else "passed", **({"problem": problem} if problem else {}),
            "assertions": {"passed": 0 if problem else 1, "failed": 1 if problem else 0}}
