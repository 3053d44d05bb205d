"""features/environment.py's after_scenario: what a scenario left down is restored before its
serial turn ends (no other worker's scenario finds it down), and the scenario is recorded even
when restoring fails. A breakage run's scenarios stop once each criterion it names is red."""
import asyncio
import importlib.util
from pathlib import Path
from types import SimpleNamespace

from behave.model_core import FileLocation

import pytest

from clinic_suite.drivers.target import Target

ENVIRONMENT = Path(__file__).resolve().parents[2] / "features" / "environment.py"


@pytest.fixture
def environment(monkeypatch):
    spec = importlib.util.spec_from_file_location("suite_environment", ENVIRONMENT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    recorded = []
    monkeypatch.setattr(module.run_record, "write", lambda scenario, **_: recorded.append(scenario.name))
    module.recorded = recorded
    loop = asyncio.new_event_loop()  # behave's thread has one: the hooks run the pool on it
    asyncio.set_event_loop(loop)
    yield module
    asyncio.set_event_loop(None)
    loop.close()


class Stack:
    def __init__(self, context, fails=False):
        self.context, self.fails, self.seen_turn = context, fails, "not asked"

    def restore(self):
        self.seen_turn = self.context.turn
        if self.fails:
            raise RuntimeError("the database did not start")
        return ["database (stopped)"]


class Pool:
    expired = 0

    async def expire_connections(self):
        self.expired += 1


def _context(tmp_path, environment, monkeypatch, fails=False):
    monkeypatch.setenv("SUITE_SERIAL_LOCK", str(tmp_path / "serial.lock"))
    context = SimpleNamespace(world=None, admin_pool=Pool())
    context.target = Target(name="embedded", api_url="", admin_token="", database_url="", sms_stub_url="",
                            stack=Stack(context, fails))
    environment._take_turn(context, serial=True)
    return context


SCENARIO = SimpleNamespace(name="The database is down when Maria hangs up", status=SimpleNamespace(name="passed"),
                           effective_tags=["criterion.CC-F2"])


def test_what_a_scenario_left_down_is_restored_while_it_still_holds_its_turn(tmp_path, environment, monkeypatch):
    context = _context(tmp_path, environment, monkeypatch)
    held = context.turn
    environment.after_scenario(context, SCENARIO)
    assert context.target.stack.seen_turn is held, "restored before the turn ended"
    assert context.turn is None and context.admin_pool.expired == 1  # the suite's connections renewed
    assert environment.recorded == [SCENARIO.name]


def test_a_restore_that_fails_still_ends_the_turn_and_records_the_scenario(tmp_path, environment, monkeypatch):
    context = _context(tmp_path, environment, monkeypatch, fails=True)
    with pytest.raises(RuntimeError, match="did not start"):
        environment.after_scenario(context, SCENARIO)
    assert context.turn is None and environment.recorded == [SCENARIO.name]


def test_a_remote_target_restores_nothing():
    remote = Target(name="staging", api_url="https://staging", admin_token="t", database_url="", sms_stub_url="")
    assert remote.restore() == []


def _scenario(status: str, *criteria: str, line: int = 1):
    return SimpleNamespace(name=f"{status} {line}", status=SimpleNamespace(name=status),
                           effective_tags=[f"criterion.{c}" for c in criteria], location=FileLocation("features/x.feature", line))


def test_a_breakage_run_is_decided_once_every_named_criterion_is_red(environment, monkeypatch):
    monkeypatch.setenv("SUITE_STOP_WHEN_RED", "CC-2 CC-5")
    environment._note_red(_scenario("passed", "CC-2", "CC-5"))
    environment._note_red(_scenario("failed", "CC-2", "CC-3"))
    assert not environment._breakage_already_caught(), "CC-5 has no red scenario yet"
    environment._note_red(_scenario("failed", "CC-5"))
    assert environment._breakage_already_caught()


def test_an_ordinary_run_never_stops_early(environment, monkeypatch):
    monkeypatch.delenv("SUITE_STOP_WHEN_RED", raising=False)
    environment._note_red(_scenario("failed", "CC-2"))
    assert not environment._breakage_already_caught()


def test_last_runs_deciding_scenarios_run_first_in_their_order_the_rest_in_file_order(environment):
    outline = SimpleNamespace(scenarios=[_scenario("passed", line=20), _scenario("passed", line=21)], examples=[])
    rule = SimpleNamespace(run_items=[_scenario("passed", line=30), _scenario("passed", line=31)],
                           walk_scenarios=lambda: rule.run_items)
    first, second = _scenario("passed", line=10), _scenario("passed", line=11)
    feature = SimpleNamespace(run_items=[first, outline, second, rule])
    environment._run_first(feature, {"features/x.feature::passed 31": 0, "features/x.feature::passed 21": 1})
    assert feature.run_items == [rule, outline, first, second]
    assert [s.location.line for s in rule.run_items] == [31, 30]
    assert [s.location.line for s in outline.scenarios] == [21, 20]


def test_the_red_scenarios_that_cover_a_breakages_criteria_are_what_the_next_run_starts_with():
    from breakages.run import covering

    red = [{"file": "a:1", "name": "one", "criteria": ["PII-5"]}, {"file": "a:2", "name": "two", "criteria": ["PII-1", "PII-5"]},
           {"file": "a:3", "name": "three", "criteria": ["PII-1"]}, {"file": "a:4", "name": "four", "criteria": ["PII-2", "PII-3"]}]
    assert covering(red, ["PII-1", "PII-2", "PII-3", "PII-5"]) == ["a::two", "a::four"]
