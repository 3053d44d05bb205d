"""The acceptance run's split of features over workers."""
from pathlib import Path

from clinic_suite.reporting.parallel_run import split, taking_the_system_down

A, B, C, D = (Path(n) for n in "abcd")


def test_the_heaviest_first_each_to_the_lightest_worker():
    assert split({A: 5, B: 4, C: 3, D: 2}, 2) == [[A, D], [B, C]]


def test_the_features_that_take_the_system_down_share_the_first_worker():
    shares = split({A: 5, B: 4, C: 3, D: 2}, 3, first={C, D})
    assert shares[0][:2] == [C, D] and all(f not in share for share in shares[1:] for f in (C, D))


def test_a_serial_scenario_marks_its_feature(tmp_path):
    (tmp_path / "down.feature").write_text("Feature: x\n  @serial\n  Scenario: y\n")
    (tmp_path / "up.feature").write_text("Feature: x\n  Scenario: y\n")
    assert taking_the_system_down(sorted(tmp_path.glob("*.feature"))) == {tmp_path / "down.feature"}
