"""The Allure formatter's mends, on a feature of its own run through behave."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FEATURE = """Feature: three
  Scenario: one
    Given the number 1

  Rule: a rule
    Scenario: two
      Given the number 2

    Scenario: three
      Given the number 3
"""
STEPS = """from behave import given

@given("the number {n:d}")
def number(context, n):
    assert n in (1, 2, 3), n
"""


def _run(tmp_path, *locations):
    (tmp_path / "steps").mkdir(exist_ok=True)
    (tmp_path / "three.feature").write_text(FEATURE)
    (tmp_path / "steps" / "numbers.py").write_text(STEPS)
    results = tmp_path / "results"
    done = subprocess.run([sys.executable, "-m", "behave", "--no-summary", "-f",
                           "clinic_suite.reporting.allure_formatter:RuleAwareAllureFormatter", "-o", str(results),
                           *[str(tmp_path / l) for l in locations]], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return sorted(json.loads(p.read_text())["name"] for p in results.glob("*-result.json"))


def test_every_scenario_is_reported_rules_included(tmp_path):
    assert _run(tmp_path, "three.feature") == ["one", "three", "two"]


def test_a_run_of_some_scenarios_reports_those_only(tmp_path):
    # A feature cut between the acceptance run's workers: the others were not this run's to report.
    assert _run(tmp_path, "three.feature:6", "three.feature:9") == ["three", "two"]
