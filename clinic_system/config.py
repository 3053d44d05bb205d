"""Settings from the environment, read once at start."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .vapi_memory import MAX_LINES


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"clinic_system: set {name} (see README, 'Running the reference system')")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str          # as the service's own role (no BYPASSRLS, owns nothing)
    migrate_database_url: str  # as an admin, for migrations at start; empty: skip
    service_password: str      # set on the service role after migrating (embedded only)
    admin_token: str
    token_key: bytes           # signs the resume links sent by text
    public_url: str            # base of the links in texts
    sms_base_url: str          # the SMS provider (Twilio or the stub)
    sms_account_sid: str
    sms_auth_token: str
    sms_from: str
    log_file: Path | None
    sms_retry_base_s: float
    sms_max_attempts: int
    hold_minutes: int
    spool_dir: Path
    preload_model: bool = True  # False: the embedding model loads at its first use
    db_pool_size: int = 40      # the service's database connections at most
    vapi_memory_lines: int = MAX_LINES  # signed lines remembered for an outage (vapi_memory)

    @classmethod
    def from_env(cls) -> "Settings":
        log_file = os.environ.get("CLINIC_LOG_FILE")
        return cls(
            database_url=_required("CLINIC_SERVICE_DATABASE_URL"),
            migrate_database_url=os.environ.get("CLINIC_MIGRATE_DATABASE_URL", ""),
            service_password=os.environ.get("CLINIC_SERVICE_PASSWORD", ""),
            admin_token=_required("CLINIC_ADMIN_TOKEN"),
            token_key=_required("CLINIC_TOKEN_KEY").encode(),
            public_url=_required("CLINIC_PUBLIC_URL").rstrip("/"),
            sms_base_url=_required("SMS_BASE_URL").rstrip("/"),
            sms_account_sid=_required("SMS_ACCOUNT_SID"),
            sms_auth_token=_required("SMS_AUTH_TOKEN"),
            sms_from=os.environ.get("SMS_FROM", "+15005550006"),
            log_file=Path(log_file) if log_file else None,
            sms_retry_base_s=float(os.environ.get("CLINIC_SMS_RETRY_BASE_S", "0.5")),
            sms_max_attempts=int(os.environ.get("CLINIC_SMS_MAX_ATTEMPTS", "5")),
            hold_minutes=30,
            spool_dir=Path(os.environ.get("CLINIC_SPOOL_DIR", "clinic-spool")),
            # The breakage catalogue starts dozens of stacks, most never asked a question.
            preload_model=os.environ.get("CLINIC_PRELOAD_MODEL", "1") != "0",
            db_pool_size=int(os.environ.get("CLINIC_DB_POOL_SIZE", "40")),
            vapi_memory_lines=int(os.environ.get("CLINIC_VAPI_MEMORY_LINES", MAX_LINES)),
        )
