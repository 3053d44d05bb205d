"""What a scenario takes down (the database stopped or killed, the service killed) is remembered
until it is back, and `restore()` brings it back, whatever the scenario did after: first with a
stand-in database and service (what is called, and that nothing is when nothing is down), then
for real, as the acceptance run's workers do it: attached to a stack another process owns."""
import asyncio
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import asyncpg
import httpx
import pytest

from embedded_stack.stack import PROJECT, AttachedStack, DatabaseControls, StackInfo


class FakePostgres:
    def __init__(self, state):
        self.state, self.fail_start = state, False

    def _up(self, call):
        self.state["calls"].append(call)
        if self.fail_start:
            raise RuntimeError("pg_ctl start failed")
        self.state["db"] = True

    def start(self):
        self._up("start")

    def restart_after_crash(self):
        self._up("restart_after_crash")

    def stop(self):
        self.state["calls"].append("stop")
        self.state["db"] = False

    def kill(self):
        self.state["calls"].append("kill")
        self.state["db"] = False

    def is_running(self):
        return self.state["db"]


class FakeStack(DatabaseControls):
    """A service whose /health answers 200 only while it and its database are up."""

    def __init__(self):
        self.state = state = {"db": True, "service": True, "calls": [], "health_asked": 0}
        self.postgres, self.down = FakePostgres(state), {}

        class Health(BaseHTTPRequestHandler):
            def do_GET(self):
                state["health_asked"] += 1
                self.send_response(200 if state["db"] and state["service"] else 503)
                self.end_headers()

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Health)
        # A short poll: shutdown() waits one poll interval (0.5 s by default) per test.
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
        self.info = StackInfo(f"http://127.0.0.1:{self.server.server_port}", *[""] * 8)

    def _kill_service(self):
        self.state["calls"].append("kill_service")
        self.state["service"] = False

    def _restart_service(self):
        self.state["calls"].append("restart_service")
        self.state["service"] = True

    def service_listens(self):
        return self.state["service"]


@pytest.fixture
def stack():
    fake = FakeStack()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def test_nothing_taken_down_costs_nothing(stack):
    assert stack.restore() == []
    assert stack.state["calls"] == [] and stack.state["health_asked"] == 0


def test_a_scenario_that_brought_everything_back_itself_costs_nothing(stack):
    stack.stop_database()
    stack.start_database()
    stack.kill_database()
    stack.restart_database()
    stack.kill_service()
    stack.restart_service()
    stack.state["calls"].clear()
    assert stack.restore() == []
    assert stack.state["calls"] == [] and stack.state["health_asked"] == 0


def test_a_scenario_that_failed_while_everything_was_down_has_it_brought_back(stack):
    stack.stop_database()
    stack.kill_service()
    # ... a step fails here: "the database is back" never runs
    assert stack.restore() == ["database (stopped)", "service (killed)"]
    assert stack.state["calls"][-2:] == ["restart_after_crash", "restart_service"]  # the database first
    assert stack.state["db"] and stack.state["service"] and stack.state["health_asked"] >= 1
    assert stack.down == {} and stack.restore() == []


def test_a_database_killed_and_not_restarted_is_brought_back(stack):
    stack.kill_database()
    assert stack.restore() == ["database (killed)"]
    assert stack.state["db"] and stack.down == {}


def test_a_start_that_failed_in_the_scenario_is_tried_again(stack):
    stack.stop_database()
    stack.postgres.fail_start = True
    with pytest.raises(RuntimeError):
        stack.start_database()  # the scenario's own "the database is back"
    assert stack.down == {"database": "stopped"}
    stack.postgres.fail_start = False
    assert stack.restore() == ["database (stopped)"] and stack.state["db"]


def test_waiting_for_the_service_to_answer_is_bounded(stack):
    stack.state["db"] = False  # it never answers 200
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="not ready after 0.3s"):
        stack.wait_answering(within=0.3)
    assert time.monotonic() - started < 3


@pytest.fixture(scope="module")
def attached():
    """The stack as the acceptance run starts it (`serve --handle`), and a worker attached to it."""
    owner = subprocess.Popen([sys.executable, "-m", "embedded_stack.serve", "--handle"], cwd=PROJECT,
                             env={**os.environ, "CLINIC_PRELOAD_MODEL": "0"}, stdout=subprocess.PIPE, text=True)
    try:
        line = owner.stdout.readline()
        assert line, "the embedded stack did not start"
        yield AttachedStack(line.strip())
    finally:
        owner.terminate()
        owner.wait(timeout=30)


def _answers(stack: AttachedStack) -> bool:
    try:
        return httpx.get(f"{stack.info.api_url}/health", timeout=3).status_code == 200
    except httpx.HTTPError:
        return False


def _whole(stack: AttachedStack) -> bool:
    async def query():
        conn = await asyncpg.connect(stack.info.database_url)
        try:
            return await conn.fetchval("SELECT 1")
        finally:
            await conn.close()
    return _answers(stack) and asyncio.run(query()) == 1


@pytest.mark.parametrize("take_down, restored", [
    (["stop_database"], ["database (stopped)"]),
    (["kill_database"], ["database (killed)"]),
    (["kill_service"], ["service (killed)"]),  # asked of the stack's owner, as a worker does
    (["stop_database", "kill_service"], ["database (stopped)", "service (killed)"]),
])
def test_a_worker_restores_what_it_took_down_on_the_shared_stack(attached, take_down, restored):
    for action in take_down:
        getattr(attached, action)()
    assert not _answers(attached), "the scenario took the system down"
    assert attached.restore() == restored
    assert _whole(attached)
    assert attached.down == {} and attached.restore() == []
