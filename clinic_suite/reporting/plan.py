"""The plan's test cases (pinned decision 11) and its criteria (criteria.md, copied here)."""
from __future__ import annotations

import re
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
CRITERIA_FILE = REFERENCE / "criteria.md"
SCHEMA_FILE = REFERENCE / "summary.schema.json"

TESTS = {
    "cross-channel-001": "Cross-Channel Booking Flow",
    "atomic-collision-002": "Atomic Collision",
    "pii-redaction-003": "PII Leak & Redaction Audit",
    "clinic-isolation-004": "Multi-Clinic Data Silo",
    "kb-accuracy-005": "Knowledge Base Accuracy",
    "state-006": "State Management Consistency",
    "reports-007": "Reports",
}
CRITERION_PREFIX_TO_TEST = {"CC": "cross-channel-001", "AC": "atomic-collision-002", "PII": "pii-redaction-003",
                            "ISO": "clinic-isolation-004", "KB": "kb-accuracy-005", "ST": "state-006",
                            "REP": "reports-007"}
CRITERION = re.compile(r"^- ((?:CC|AC|PII|ISO|KB|ST|REP)-[A-Z0-9]+) (.+)$")


def criteria() -> dict[str, str]:
    """{id: title} in the order of the project's criteria.md."""
    return read_criteria(CRITERIA_FILE)


def read_criteria(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        match = CRITERION.match(line.strip())
        if match:
            out[match.group(1)] = match.group(2)
    return out


def test_of(criterion: str) -> str:
    return CRITERION_PREFIX_TO_TEST[criterion.split("-")[0]]


def criteria_in(tags) -> list[str]:
    return sorted(t.split(".", 1)[1] for t in tags if t.startswith("criterion."))
