"""The breakage runner gives behave only the feature files that can hold a breakage's scenarios."""
import json
from pathlib import Path

from breakages import run


def test_a_file_is_named_by_a_criterion_tag_wherever_it_stands(tmp_path):
    feature = tmp_path / "x.feature"
    feature.write_text("@criterion.CC-1\nFeature: x\n  Scenario: y\n")
    assert run.naming(feature, ["CC-1"])
    assert not run.naming(feature, ["CC-10"]) and not run.naming(feature, ["CC"])
    feature.write_text("Feature: x\n  Rule: r\n    @criterion.CC-10 @critical\n    Scenario: y\n")
    assert run.naming(feature, ["CC-1", "CC-10"]) and not run.naming(feature, ["CC-1"])


def test_only_the_files_of_its_criteria_last_time_s_red_first(monkeypatch):
    breakage = run.Breakage("probe", ["CC-3", "AC-1"], "why", Path("probe.patch"))
    monkeypatch.setattr(run, "last_run", lambda: {"probe": {"decidedBy": ["features/inbound_calls.feature::A name"]}})
    files = run.features_in_order(breakage)
    assert files and all(run.naming(run.ROOT / f, breakage.criteria) for f in files)
    everything = sorted((run.ROOT / "features").glob("*.feature"))
    left_out = [f for f in everything if str(f.relative_to(run.ROOT)) not in files]
    assert left_out and not any(run.naming(f, breakage.criteria) for f in left_out)
    assert files[0] == "features/inbound_calls.feature"


def test_a_clean_clone_starts_from_the_committed_list(monkeypatch):
    monkeypatch.setattr(run, "last_run", lambda: {})
    monkeypatch.setattr(run, "committed_first", lambda: {"probe": {"first": ["features/inbound_calls.feature::A name"], "seconds": 4}})
    assert run.decided_by("probe") == ["features/inbound_calls.feature::A name"]
    assert run.features_in_order(run.Breakage("probe", ["CC-3", "AC-1"], "why", Path("p")))[0] == \
        "features/inbound_calls.feature"


def test_criteria_no_file_names_leave_every_file(monkeypatch):
    monkeypatch.setattr(run, "last_run", lambda: {})
    files = run.features_in_order(run.Breakage("probe", ["NO-SUCH-1"], "why", Path("probe.patch")))
    assert len(files) == len(list((run.ROOT / "features").glob("*.feature")))


def test_the_committed_list_changes_with_the_deciding_scenarios_or_a_fourfold_time(monkeypatch, tmp_path):
    monkeypatch.setattr(run, "FIRST", tmp_path / "first.json")
    monkeypatch.setattr(run, "committed_first", lambda: {"probe": {"first": ["f::a"], "seconds": 4}})

    def outcome(seconds, first=("a",), red=("a",)):
        return run.Outcome("probe", ["CC-1"], "caught", seconds, redScenarios=list(red),
                           redLocations=["f:1"] * len(red), decidedBy=[f"f::{n}" for n in first])

    run.record_first([outcome(7.0)])   # 8 s: within fourfold of 4, kept
    assert not run.FIRST.exists()
    run.record_first([outcome(3.0, first=("b",), red=("a", "b"))])  # decided by another, but the listed one is red too
    assert not run.FIRST.exists()
    run.record_first([outcome(40.0)])  # 64 s
    assert json.loads(run.FIRST.read_text()) == {"probe": {"first": ["f::a"], "seconds": 64}}
    run.record_first([outcome(3.0, first=("b",), red=("b",))])  # the listed one no longer goes red
    assert json.loads(run.FIRST.read_text()) == {"probe": {"first": ["f::b"], "seconds": 4}}
