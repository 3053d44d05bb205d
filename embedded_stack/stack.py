"""The embedded target: PostgreSQL, the reference clinic system and the SMS stub,
each a real process on loopback, started together and stopped together."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from . import prefork
from .postgres import EmbeddedPostgres, free_port, scratch

PROJECT = Path(__file__).resolve().parent.parent
READY_TIMEOUT_S = 20
# The stack is a test configuration: the provider's refusals are retried after 0.05 s, 0.1 s,
# 0.2 s, ... instead of a production back-off, so the retry scenarios take a second, not
# minutes (CLINIC_SMS_RETRY_BASE_S overrides it; `make serve` uses the same).
TEST_SMS_RETRY_BASE_S = "0.05"
# It remembers two signed lines for an outage, not ten thousand, so that a scenario can hear
# from more lines than it remembers and show the latest are the ones kept.
TEST_VAPI_MEMORY_LINES = 2


@dataclass
class StackInfo:
    api_url: str
    admin_token: str
    database_url: str          # admin: checks rows, moves time
    service_database_url: str  # the service's own role, for isolation proofs
    sms_stub_url: str
    sms_account_sid: str
    sms_auth_token: str
    log_file: str
    spool_dir: str

    def as_env(self) -> dict[str, str]:
        """The remote-target variables that point the suite at this stack."""
        return {"CLINIC_API_URL": self.api_url, "CLINIC_ADMIN_TOKEN": self.admin_token,
                "CLINIC_DATABASE_URL": self.database_url, "CLINIC_SERVICE_DATABASE_URL": self.service_database_url,
                "SMS_STUB_URL": self.sms_stub_url, "SMS_AUTH_TOKEN": self.sms_auth_token,
                "CLINIC_LOG_FILE": self.log_file}


class DatabaseControls:
    """The outage scenarios stop and start the real server; the crash scenarios kill it (SIGKILL,
    nothing cleaned up), or the service, for real and start it again as an operator would.
    What is taken down is remembered until it is back: `restore()` brings back what a scenario
    left down (it failed before its "the database is back"), so the next scenario has its system."""
    postgres: EmbeddedPostgres
    info: StackInfo | None
    down: dict[str, str]  # part ("database", "service") -> how it went down ("stopped", "killed"), until back

    # Each part counts as down from the moment it is asked to go (a stop that fails midway may
    # have stopped it) until it answered again.
    def stop_database(self) -> None:
        self.down["database"] = "stopped"
        self.postgres.stop()

    def start_database(self) -> None:
        self.postgres.start()
        self.down.pop("database", None)

    def kill_database(self) -> None:
        self.down["database"] = "killed"
        self.postgres.kill()

    def restart_database(self) -> None:
        self.postgres.restart_after_crash()
        self.down.pop("database", None)

    def kill_service(self) -> None:
        self.down["service"] = "killed"
        self._kill_service()

    def restart_service(self) -> None:
        self._restart_service()
        self.down.pop("service", None)

    def _kill_service(self) -> None:
        raise NotImplementedError

    def _restart_service(self) -> None:
        raise NotImplementedError

    def restore(self) -> list[str]:
        """Bring back what is still down, the database first (the service answers only with it), and
        return once the service answers its health check, which asks the database (each wait is on a
        condition, bounded: pg_ctl's -w, the health check's READY_TIMEOUT_S). Nothing down: nothing done."""
        restored = [f"{part} ({how})" for part, how in self.down.items()]
        if not restored:
            return []
        if "database" in self.down:
            if not self.postgres.is_running():
                self.postgres.restart_after_crash()  # a clean start, or after a kill: tried until it takes
            self.down.pop("database")
        if "service" in self.down and not self.service_listens():
            self.restart_service()
        self.down.pop("service", None)
        self.wait_answering()
        return restored

    def service_listens(self) -> bool:
        """Anything answers at the service's port (a service killed leaves it closed)."""
        assert self.info is not None
        try:
            httpx.get(f"{self.info.api_url}/health", timeout=READY_TIMEOUT_S)
            return True
        except httpx.TransportError:
            return False

    def wait_answering(self, url: str | None = None, name: str = "clinic-system", exited=lambda: None,
                       http: httpx.Client | None = None, within: float = READY_TIMEOUT_S) -> None:
        """Until `url` (the service's) answers /health with 200; `exited()` returns why it never will."""
        assert url or self.info is not None
        url = url or self.info.api_url
        deadline, last = time.monotonic() + within, "no answer"
        with httpx.Client(timeout=1) if http is None else nullcontext(http) as client:
            while time.monotonic() < deadline:
                why = exited()
                if why:
                    raise RuntimeError(f"{name} {why}")
                try:
                    answer = client.get(f"{url}/health")
                    if answer.status_code == 200:
                        return
                    last = f"{answer.status_code} {answer.text[:200]}"
                except httpx.TransportError as exc:
                    last = type(exc).__name__
                time.sleep(0.02)  # a start-up poll: nothing to wait on but the port
        raise RuntimeError(f"{name} not ready after {within:g}s (last: {last}):\n{self._output_of(name)}")

    def _output_of(self, name: str) -> str:
        return ""


class EmbeddedStack(DatabaseControls):
    def __init__(self, system_module: str = "clinic_system", system_path: Path | None = None):
        # system_path lets the breakage runner start a patched copy of the reference system.
        self.system_module, self.system_path = system_module, system_path or PROJECT
        self.postgres = EmbeddedPostgres()
        self.folder = Path(tempfile.mkdtemp(prefix="clinic-stack-", dir=scratch()))
        self.processes: dict[str, subprocess.Popen] = {}
        self.info: StackInfo | None = None
        self.down = {}

    def start(self) -> StackInfo:
        try:
            return self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> StackInfo:
        # The service and the stub start (imports, the model) while PostgreSQL initialises;
        # the service waits for the database itself (app.lifespan). The cluster's folder (a copy of
        # the template) comes first: it sets the superuser's password the URLs carry.
        self.postgres.init()
        api_port, stub_port = free_port(), free_port()
        service_password = secrets.token_urlsafe(18)
        sid, auth_token = "AC" + secrets.token_hex(16), secrets.token_hex(16)
        info = StackInfo(
            api_url=f"http://127.0.0.1:{api_port}", admin_token="adm_" + secrets.token_urlsafe(24),
            database_url=self.postgres.url(), service_database_url=self.postgres.url("clinic_service", service_password),
            sms_stub_url=f"http://127.0.0.1:{stub_port}", sms_account_sid=sid, sms_auth_token=auth_token,
            log_file=str(self.folder / "clinic-system.jsonl"), spool_dir=str(self.folder / "spool"))
        common = {"SMS_ACCOUNT_SID": sid, "SMS_AUTH_TOKEN": auth_token}
        self._spawn("sms-stub", ["-m", "sms_stub", "--port", str(stub_port)], common, PROJECT)
        # SUITE_COVERAGE_FILE: measure which lines of the reference system the run exercised.
        coverage_file = os.environ.get("SUITE_COVERAGE_FILE")
        measured = (["-m", "coverage", "run", f"--rcfile={PROJECT / '.coveragerc'}", f"--data-file={coverage_file}",
                     "--parallel-mode", f"--source={self.system_path / self.system_module}"] if coverage_file else [])
        self._system = ([*measured, "-m", self.system_module, "--port", str(api_port)], {
            **common,
            "CLINIC_SERVICE_DATABASE_URL": info.service_database_url,
            "CLINIC_MIGRATE_DATABASE_URL": info.database_url,
            "CLINIC_SERVICE_PASSWORD": service_password,
            "CLINIC_ADMIN_TOKEN": info.admin_token,
            "CLINIC_TOKEN_KEY": secrets.token_urlsafe(32),
            "CLINIC_PUBLIC_URL": info.api_url,
            "SMS_BASE_URL": info.sms_stub_url,
            "CLINIC_LOG_FILE": info.log_file,
            "CLINIC_SPOOL_DIR": info.spool_dir,
            "CLINIC_FAULT_INJECTION": "1",  # the embedded stack is a test configuration (PII-F1)
            # make mutants: each scenario's lines recorded apart (coverage.py dynamic contexts)
            "CLINIC_COVERAGE_CONTEXTS": "1" if coverage_file and os.environ.get("SUITE_COVERAGE_CONTEXTS") else "",
            "CLINIC_STACK_FOLDER": str(self.folder),
            "CLINIC_SMS_RETRY_BASE_S": os.environ.get("CLINIC_SMS_RETRY_BASE_S", TEST_SMS_RETRY_BASE_S),
            "CLINIC_VAPI_MEMORY_LINES": str(TEST_VAPI_MEMORY_LINES),
        })
        self._spawn("clinic-system", *self._system, self.system_path)
        self.postgres.start()
        with httpx.Client(timeout=1) as http:  # one client: each new one builds its own TLS context
            self._wait_ready(http, "sms-stub", info.sms_stub_url)
            self._wait_ready(http, "clinic-system", info.api_url)
        self.info = info
        return info

    def _spawn(self, name: str, args: list[str], env: dict[str, str], cwd: Path) -> None:
        out = open(self.folder / f"{name}.out", "ab")  # a restarted service adds to it
        # Forked from the run's server when one runs (prefork.py): a start without the imports.
        self.processes[name] = prefork.popen(
            args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": f"{cwd}{os.pathsep}{PROJECT}", **env})
        out.close()

    def _wait_ready(self, http: httpx.Client, name: str, url: str) -> None:
        def exited():
            process = self.processes[name]
            return None if process.poll() is None else f"exited with {process.returncode}:\n{self.output(name)}"
        self.wait_answering(url, name, exited, http)

    def _output_of(self, name: str) -> str:
        return self.output(name)

    def output(self, name: str, tail: int = 3000) -> str:
        """The process's own output, and for the system the end of its log (start-up errors land there)."""
        paths = [self.folder / f"{name}.out"] + ([self.folder / "clinic-system.jsonl"] if name == "clinic-system" else [])
        return "\n".join(p.read_text(errors="replace")[-tail:] for p in paths if p.exists())

    def _kill_service(self) -> None:
        process = self.processes["clinic-system"]
        if os.environ.get("SUITE_COVERAGE_FILE"):
            # SIGKILL leaves coverage no chance to save: ask the process to save first (__main__.py).
            process.send_signal(signal.SIGUSR1)
            self._wait_coverage_saved(process.pid)
        process.kill()
        process.wait(timeout=5)

    def _restart_service(self) -> None:
        """The same service, on the same port, database and spool, started again."""
        assert self.info is not None
        self._spawn("clinic-system", *self._system, self.system_path)
        with httpx.Client(timeout=1) as http:
            self._wait_ready(http, "clinic-system", self.info.api_url)

    def _wait_coverage_saved(self, pid: int) -> None:
        marker = self.folder / f"coverage-saved-{pid}"
        deadline = time.monotonic() + 5
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.02)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        self.processes.clear()
        self.postgres.destroy()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> StackInfo:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def describe(info: StackInfo) -> dict:
    return asdict(info)


def handle(stack: EmbeddedStack) -> str:
    """What another process needs to use this running stack as its own embedded target: its
    addresses, and its database's folder to stop and start it (the outage scenarios)."""
    pg = stack.postgres
    return json.dumps({"info": asdict(stack.info), "owner": os.getpid(), "folder": str(stack.folder), "postgres": {
        "root": str(pg.root), "port": pg.port, "password": pg.password, "run_as": pg._run_as.get("user")}})


CONTROL = "control-request"   # what an attached process asks the stack's owner to do to its service


def serve_control(stack: EmbeddedStack) -> None:
    """In the owner: carry out a request an attached process wrote (kill or restart the service,
    which only the owner can, as its parent), and say it is done."""
    request = stack.folder / CONTROL
    if request.exists():
        action, number = request.read_text().split()
        request.unlink()
        getattr(stack, action)()
        (stack.folder / f"control-done-{number}").touch()


class AttachedStack(DatabaseControls):
    """A stack another process started (`handle`): this one may stop and start its database,
    never the stack itself; the process that started it stops it."""

    def __init__(self, text: str):
        described = json.loads(text)
        self.info = StackInfo(**described["info"])
        self.owner, self.folder = described["owner"], Path(described["folder"])
        self.down = {}
        pg = described["postgres"]
        self.postgres = EmbeddedPostgres(port=pg["port"], password=pg["password"], root=Path(pg["root"]))
        self.postgres._run_as = {"user": pg["run_as"]} if pg["run_as"] else {}


    # The service is the owner's child: the owner kills and restarts it, asked through a file and a signal.
    def _kill_service(self) -> None:
        self._ask_owner("kill_service")

    def _restart_service(self) -> None:
        self._ask_owner("restart_service")

    def _ask_owner(self, action: str, within: float = 30.0) -> None:
        number = secrets.token_hex(4)
        (self.folder / CONTROL).write_text(f"{action} {number}")
        os.kill(self.owner, signal.SIGUSR2)
        done, deadline = self.folder / f"control-done-{number}", time.monotonic() + within
        while not done.exists():
            if time.monotonic() > deadline:
                raise RuntimeError(f"the stack's owner did not {action} within {within:g}s")
            time.sleep(0.02)  # polling a marker file: no other channel between the two processes

    def stop(self) -> None:
        """The owner's to do."""
