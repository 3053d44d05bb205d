"""JSON-lines logs with no PII: events carry ids and kinds, never what a caller said."""
from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path

from .redaction import redact

_SKIP = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def mask_phone(number: str | None) -> str | None:
    """Staff-facing form: all digits hidden but the last three (pinned decision 9)."""
    if not number:
        return number
    digits = re.sub(r"\D", "", number)
    return ("+" if number.startswith("+") else "") + "*" * max(len(digits) - 3, 0) + digits[-3:]


# Fields that hold ids, numbers and names of things, never what a person said.
PLAIN_FIELDS = {"ts", "level", "logger", "event", "call_id", "message_id", "org_id", "path", "method", "status",
                "ms", "kind", "code", "attempt", "gave_up", "file", "version", "applied", "outbox_resent",
                "spooled", "duplicate", "consent", "to", "color_message"}


class JsonLines(logging.Formatter):
    """One JSON object a line. Every free-text field goes through the redactor: a message
    that carried what a caller said by mistake still loses its personal data."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)),
                 "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage()}
        entry.update({k: v for k, v in vars(record).items() if k not in _SKIP})
        for key, value in entry.items():
            if isinstance(value, str) and key not in PLAIN_FIELDS:
                entry[key] = redact(value).text
        return json.dumps(entry, default=str)


def configure(log_file: Path | None) -> None:
    handler: logging.Handler = logging.FileHandler(log_file) if log_file else logging.StreamHandler()
    handler.setFormatter(JsonLines())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    # uvicorn's access log prints query strings, and resume links carry tokens there.
    logging.getLogger("uvicorn.access").disabled = True
