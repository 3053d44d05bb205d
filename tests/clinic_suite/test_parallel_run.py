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


def test_a_feature_too_long_for_one_worker_is_cut_into_its_scenarios(tmp_path):
    """The last run's seconds weigh each scenario; one it did not see weighs as its feature's usual."""
    import json

    from clinic_suite.reporting.parallel_run import ROOT, units

    long = ROOT / "features" / "knowledge_base_unseen.feature"
    short = ROOT / "features" / "database_state.feature"
    from clinic_suite.reporting.parallel_run import scenario_locations
    locations = scenario_locations(long)
    (tmp_path / "feature-costs.json").write_text(json.dumps(
        {"features/knowledge_base_unseen.feature": {"seconds": 3.0, "scenarios": {locations[0]: 2.0, locations[1]: 1.0}}}))
    cut = units({long: 50.0, short: 1.0}, 3, tmp_path, whole=set())
    assert cut[short] == 1.0 and long not in cut
    assert [u for u in cut if isinstance(u, str)] == locations
    assert cut[locations[0]] == 2.0 and cut[locations[2]] == 1.5
    assert units({long: 50.0, short: 1.0}, 3, tmp_path, whole={long}) == {long: 50.0, short: 1.0}


def test_a_share_gives_behave_whole_features_then_the_scenarios_of_a_file_side_by_side():
    from clinic_suite.reporting.parallel_run import ROOT, as_arguments

    share = ["features/b.feature:30", ROOT / "features/a.feature", "features/c.feature:4", "features/b.feature:7"]
    assert as_arguments(share) == ["features/a.feature", "features/b.feature:7", "features/b.feature:30",
                                   "features/c.feature:4"]


def test_junit_of_a_feature_cut_between_workers_lists_each_scenario_once_as_it_ran(tmp_path):
    import xml.etree.ElementTree as ET

    from clinic_suite.reporting.parallel_run import merge_junit

    def suite(folder, cases):
        folder.mkdir()
        body = "".join(f'<testcase classname="f" name="{n}" time="{t}">{"<skipped/>" if s else ""}'
                       f'{"<failure/>" if s == "failed" else ""}</testcase>' for n, t, s in cases)
        (folder / "TESTS-f.xml").write_text(f'<testsuite name="f" tests="{len(cases)}" errors="0" failures="0" '
                                            f'skipped="0" time="1">{body}</testsuite>')
    suite(tmp_path / "0", [("a", 1.0, None), ("b", 0.0, "skipped"), ("c", 0.0, "skipped")])
    suite(tmp_path / "1", [("a", 0.0, "skipped"), ("b", 2.0, None), ("c", 0.0, "skipped")])
    (tmp_path / "1" / "TESTS-g.xml").write_text('<testsuite name="g" tests="1"><![CDATA[kept as written]]></testsuite>')
    merge_junit([tmp_path / "0", tmp_path / "1"], tmp_path / "junit")
    merged = ET.parse(tmp_path / "junit" / "TESTS-f.xml").getroot()
    assert [(c.get("name"), c.find("skipped") is not None) for c in merged] == [("a", False), ("b", False), ("c", True)]
    assert (merged.get("tests"), merged.get("skipped"), merged.get("failures"), merged.get("time")) == \
        ("3", "1", "0", "3.000000")
    assert "CDATA" in (tmp_path / "junit" / "TESTS-g.xml").read_text()
