"""Which system the suite runs against: the embedded stack (default) or a deployed
one named by environment variables (pinned decision 2)."""
from __future__ import annotations

import os
from pathlib import Path
from dataclasses import dataclass, field

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

    def log_text(self) -> str:
        path = Path(self.log_file) if self.log_file else None
        return path.read_text(errors="replace") if path and path.exists() else ""

    def spooled_reports(self) -> list[Path]:
        return sorted(Path(self.spool_dir).glob("*.report"))


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
                  log_file=env.get("CLINIC_LOG_FILE"), sms_auth_token=env.get("SMS_AUTH_TOKEN"))


def start_embedded() -> Target:
    from embedded_stack.stack import EmbeddedStack

    # SUITE_SYSTEM_PATH: a folder holding a (patched) copy of clinic_system, used by `make breakages`.
    patched = os.environ.get("SUITE_SYSTEM_PATH")
    stack = EmbeddedStack(system_path=Path(patched) if patched else None)
    info = stack.start()
    return Target(name="embedded", api_url=info.api_url, admin_token=info.admin_token,
                  database_url=info.database_url, sms_stub_url=info.sms_stub_url,
                  service_database_url=info.service_database_url, log_file=info.log_file,
                  spool_dir=info.spool_dir, sms_auth_token=info.sms_auth_token, stack=stack)
