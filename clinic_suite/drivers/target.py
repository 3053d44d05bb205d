"""Which system the suite runs against: the embedded stack (default) or a deployed
one named by environment variables (pinned decision 2)."""
from __future__ import annotations

import os
from pathlib import Path
from dataclasses import dataclass, field

from .vapi_wire import KINDS

REMOTE_VARS = ("CLINIC_API_URL", "CLINIC_ADMIN_TOKEN", "CLINIC_DATABASE_URL", "SMS_STUB_URL")


@dataclass
class Target:
    name: str                    # "embedded", or the remote target's name
    api_url: str
    admin_token: str
    database_url: str            # admin connection: checks rows, moves time
    sms_stub_url: str
    service_database_url: str | None = None
    log_file: str | None = None
    spool_dir: str | None = None
    sms_auth_token: str | None = None   # signs delivery reports as the provider does
    redactor_command: str | None = None  # the redactor as a command (pinned decision 24)
    grades_redactor_only: bool = False   # REDACTOR_CMD: no clinic system, only the redactor is graded
    database_only: bool = False          # TARGET=...: a team's migrations, no clinic system runs
    db_target: object = None             # the clinic database as a target file describes it (@database)
    server: object = None                # the embedded PostgreSQL of a database target
    redactor_marker: str = "[REDACTED_{KIND}]"   # REDACTOR_MARKER: how its markers are written
    redactor_kinds: str = ""             # REDACTOR_KINDS: its names for the kinds, "name=PERSON,phone=PHONE_NUMBER"
    vapi_auth: str = "secret"   # how the clinics the suite sets up sign their voice line (VAPI_AUTH)
    vapi_memory_lines: int | None = None  # signed lines the system remembers for an outage, when known
    stack: object | None = field(default=None, repr=False)  # the EmbeddedStack, when embedded

    @property
    def embedded(self) -> bool:
        return self.stack is not None

    def system_version(self) -> str:
        import httpx

        try:
            return httpx.get(f"{self.api_url}/health", timeout=5).json().get("version", "unknown")
        except (httpx.HTTPError, ValueError):
            return "unknown"

    # What only the embedded target offers: its database to stop, its own log and spool.
    def stop_database(self) -> None:
        self.stack.stop_database()

    def start_database(self) -> None:
        self.stack.start_database()

    # Crashes (embedded only): `crash("database")` or `crash("service")` is a SIGKILL;
    # `restart(...)` starts it again as an operator would after a crash.
    def crash(self, part: str) -> None:
        getattr(self.stack, f"kill_{part}")()

    def restart(self, part: str) -> None:
        getattr(self.stack, f"restart_{part}")()

    def restore(self) -> list[str]:
        """What a scenario left down (the database stopped or killed, the service killed) brought
        back, once the service answers again; what was restored ([] when nothing was down, and on a
        remote target, which never stops anything)."""
        return self.stack.restore() if self.stack is not None else []

    def log_text(self) -> str:
        path = Path(self.log_file) if self.log_file else None
        return path.read_text(errors="replace") if path and path.exists() else ""

    def spooled_reports(self) -> list[Path]:
        return sorted(Path(self.spool_dir).glob("*.report"))


def redactor_from_env(env=os.environ) -> Target | None:
    """REDACTOR_CMD: any command speaking JSON lines is the target; nothing else runs."""
    command = env.get("REDACTOR_CMD", "").strip()
    if not command:
        return None
    return Target(name=env.get("REDACTOR_NAME") or "redactor", api_url="", admin_token="", database_url="", sms_stub_url="",
                  redactor_command=command, grades_redactor_only=True,
                  redactor_marker=env.get("REDACTOR_MARKER") or "[REDACTED_{KIND}]",
                  redactor_kinds=env.get("REDACTOR_KINDS", ""))


def remote_from_env(env=os.environ) -> Target | None:
    """A remote target when its variables are set; None when none is; an error when only some are."""
    present = [v for v in REMOTE_VARS if env.get(v)]
    if not present:
        return None
    missing = [v for v in REMOTE_VARS if not env.get(v)]
    if missing:
        raise SystemExit(f"Remote target incomplete: set {', '.join(missing)} as well "
                         f"(or unset {', '.join(present)} to run against the embedded system).")
    return Target(name=env.get("CLINIC_TARGET_NAME", "remote"), api_url=env["CLINIC_API_URL"].rstrip("/"),
                  admin_token=env["CLINIC_ADMIN_TOKEN"], database_url=env["CLINIC_DATABASE_URL"],
                  sms_stub_url=env["SMS_STUB_URL"].rstrip("/"),
                  service_database_url=env.get("CLINIC_SERVICE_DATABASE_URL"),
                  log_file=env.get("CLINIC_LOG_FILE"), sms_auth_token=env.get("SMS_AUTH_TOKEN"),
                  redactor_command=env.get("REDACTOR_CMD") or None, vapi_auth=vapi_auth_from(env))


def vapi_auth_from(env) -> str:
    kind = env.get("VAPI_AUTH", "secret")
    if kind not in KINDS:
        raise SystemExit(f"VAPI_AUTH={kind!r}: use one of {', '.join(KINDS)}")
    return kind


def start_embedded() -> Target:
    """The embedded stack: started here, or (SUITE_EMBEDDED_STACK, set by the acceptance run's
    parallel workers) the one the run started for all of them."""
    from embedded_stack.stack import TEST_VAPI_MEMORY_LINES, AttachedStack, EmbeddedStack

    from .redactor import reference_command

    # SUITE_SYSTEM_PATH: a folder holding a (patched) copy of clinic_system, used by `make breakages`.
    patched = os.environ.get("SUITE_SYSTEM_PATH")
    shared = os.environ.get("SUITE_EMBEDDED_STACK")
    if shared:
        stack = AttachedStack(shared)
        info = stack.info
    else:
        stack = EmbeddedStack(system_path=Path(patched) if patched else None)
        info = stack.start()
    return Target(name="embedded", api_url=info.api_url, admin_token=info.admin_token,
                  database_url=info.database_url, sms_stub_url=info.sms_stub_url,
                  service_database_url=info.service_database_url, log_file=info.log_file,
                  spool_dir=info.spool_dir, sms_auth_token=info.sms_auth_token, stack=stack,
                  redactor_command=reference_command(Path(patched) if patched else None),
                  vapi_memory_lines=TEST_VAPI_MEMORY_LINES)


REFERENCE_TARGET = Path(__file__).resolve().parents[2] / "fixtures" / "targets" / "reference" / "target.toml"


def database_target_from_env(env=os.environ):
    """TARGET=path/target.toml: a team's migrations, loaded into a fresh embedded PostgreSQL.
    The file is read (and refused with a message naming the key or file) before anything starts."""
    from .database_target import DatabaseTarget

    path = env.get("TARGET", "").strip()
    return DatabaseTarget.read(path) if path else None


async def start_database_target(db_target):
    """The embedded PostgreSQL, the target's shim and migrations loaded; returns the server."""
    from embedded_stack.postgres import EmbeddedPostgres

    server = EmbeddedPostgres().start()
    try:
        await db_target.load(server.url())
    except BaseException:
        server.destroy()
        raise
    return server
