"""The project carries its own copies of the criteria and the summary schema (pinned
decision 16). Where ../shared exists beside the project root, every criterion the project
holds must read exactly as in the shared list, and the shared schema must contain the
project's; the shared files may run ahead (no fixed count)."""
import json
from pathlib import Path

import pytest

from clinic_suite.reporting import plan

PROJECT = Path(__file__).resolve().parents[2]
SHARED = PROJECT.parent / "shared" / "design"


def _shared(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip("no ../shared/design beside the project (a user's clone)")
    return path


def contains(outer, inner, where="$") -> list[str]:
    """Where `inner` (the project's schema) is not part of `outer` (the shared one)."""
    if isinstance(inner, dict):
        if not isinstance(outer, dict):
            return [f"{where}: not an object in the shared schema"]
        return [p for k, v in inner.items() for p in
                ([f"{where}.{k}: missing in the shared schema"] if k not in outer else contains(outer[k], v, f"{where}.{k}"))]
    if isinstance(inner, list):
        if not isinstance(outer, list):
            return [f"{where}: not a list in the shared schema"]
        return [f"{where}[{i}]: no counterpart in the shared schema" for i, item in enumerate(inner)
                if not any(not contains(candidate, item) for candidate in outer)]
    return [] if outer == inner else [f"{where}: {inner!r} here, {outer!r} in the shared schema"]


def test_every_criterion_held_reads_as_in_the_shared_list():
    shared = plan.read_criteria(_shared("criteria.md"))
    held = plan.criteria()
    assert held, "the project holds no criteria"
    differ = {cid: (text, shared.get(cid)) for cid, text in held.items() if shared.get(cid) != text}
    assert not differ, f"criteria that read differently from shared/design/criteria.md: {differ}"


def test_the_shared_schema_contains_the_projects():
    shared = json.loads(_shared("summary.schema.json").read_text())
    assert contains(shared, json.loads(plan.SCHEMA_FILE.read_text())) == []


def test_the_containment_check_bites():
    assert contains({"a": {"b": 1, "c": [1, 2]}}, {"a": {"c": [2]}}) == []
    assert contains({"a": {"b": 1}}, {"a": {"b": 2}}) != []
    assert contains({"a": [1]}, {"a": [3]}) != []
    assert contains({}, {"z": 1}) != []
