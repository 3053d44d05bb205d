"""The closing line of `make test`: unit tests, breakages and scenarios counted together.

    python -m clinic_suite.reporting.totals reports/unit.xml reports/summary.json reports/breakages.json
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def unit_counts(path: Path) -> tuple[int, int]:
    if not path.exists():
        return 0, 1  # the unit tests did not even report: count as a failure
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = sum(int(s.get("tests", 0)) for s in suites)
    bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return total - bad - skipped, bad


def main(unit: str, summary: str, breakages: str, *targets: str) -> int:
    passed, failed = unit_counts(Path(unit))
    parts = [f"unit {passed}/{passed + failed}"]
    if Path(breakages).exists():
        items = json.loads(Path(breakages).read_text()).get("breakages", [])
        caught = sum(1 for b in items if b["outcome"] == "caught")
        passed, failed = passed + caught, failed + len(items) - caught
        parts.append(f"breakages caught {caught}/{len(items)}")
    else:
        failed += 1
        parts.append("breakages: no result")
    # The embedded run, then the other targets' (a database target's @database scenarios).
    for label, path in [("scenarios", summary), *((Path(t).parent.name, t) for t in targets)]:
        if Path(path).exists():
            counts = json.loads(Path(path).read_text())["summary"]["scenarios"]
            passed, failed = passed + counts["passed"], failed + counts["failed"]
            parts.append(f"{label} {counts['passed']}/{counts['passed'] + counts['failed']}")
        else:
            failed += 1
            parts.append(f"{label}: no summary")
    print("; ".join(parts))
    print(f"total: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
