"""The REP criteria, checked on the run's own reports after the scenarios: the JSON
summary validates against the schema, the HTML is one self-contained file, and every
row of the plan's success-metrics table is there."""
from __future__ import annotations

import re
from pathlib import Path

from jsonschema import ValidationError

from .metrics import ROWS
from .summary import validate

EXTERNAL = re.compile(r"""<(?:script|link|img)[^>]+(?:src|href)=["'](?!data:|#|about:)[^"']+["']""", re.IGNORECASE)


def check_json(summary: dict) -> str | None:
    try:
        validate(summary)
    except ValidationError as exc:
        return f"summary does not match the schema: {exc.message} at {list(exc.absolute_path)}"
    return None


def check_html(index: Path) -> str | None:
    if not index.exists():
        return f"{index} was not written"
    text = index.read_text(errors="replace")
    if len(text) < 50_000:
        return f"{index} is too small to be the report ({len(text)} bytes)"
    outside = EXTERNAL.findall(text)
    if outside:
        return f"{index} loads {len(outside)} outside resources, e.g. {outside[0][:120]}"
    return None


def check_metrics_table(summary: dict) -> str | None:
    names = [row["metric"] for row in summary.get("successMetrics", [])]
    missing = [row.metric for row in ROWS if row.metric not in names]
    return f"success-metrics rows missing: {missing}" if missing else None


def records(summary: dict, index: Path) -> list[dict]:
    """Scenario-like records for reports-007, in the shape the summary builder reads."""
    checks = [("The JSON report has the plan's shape", "REP-1", check_json(summary)),
              ("The HTML report opens from a file, without a server", "REP-2", check_html(index)),
              ("The success-metrics table has every row of the plan", "REP-3", check_metrics_table(summary))]
    return [{"name": name, "feature": "Reports", "status": "failed" if problem else "passed", "criteria": [cid],
             "test": "reports-007", "durationSeconds": 0.0, "assertions": {"passed": 0 if problem else 1,
                                                                             "failed": 1 if problem else 0},
             "metrics": {}, **({"problem": problem} if problem else {})}
            for name, cid, problem in checks]
