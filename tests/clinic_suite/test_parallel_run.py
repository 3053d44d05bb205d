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


def test_the_features_that_open_a_page_share_one_worker_the_lightest_when_the_first_comes():
    E = Path("e")
    shares = split({A: 5, B: 4, C: 3, D: 2, E: 1}, 3, first={A}, together={C, D})
    assert [A] == shares[0][:1] and C in shares[2] and D in shares[2]  # B went to 1, so 2 was lightest for C
    assert not any(f in share for share in shares[:2] for f in (C, D))


def test_which_features_opened_a_page_is_read_back_from_the_last_run(tmp_path):
    from clinic_suite.reporting.parallel_run import ROOT, browsing, record_costs

    record_costs(tmp_path, [
        {"file": "features/page.feature:3", "durationSeconds": 1.5, "metrics": {"browserSessionStartMs": 40}},
        {"file": "features/page.feature:9", "durationSeconds": 0.5, "metrics": {}},
        {"file": "features/api.feature:4", "durationSeconds": 2.0, "metrics": {}},
    ])
    assert browsing(tmp_path) == {ROOT / "features/page.feature"}
    assert browsing(tmp_path / "none") == set()
