"""JSON-lines logs with no PII: events carry ids and kinds, never what a caller said."""
from __future__ import annotations

import json
import logging
import re
import time
from functools import lru_cache
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


@lru_cache(maxsize=512)
def _redacted_constant(text: str) -> str:
    """Logger names and argument-free messages are the code's own words: redact each once,
    not on every line (the redactor's name finder was a real share of a request's time)."""
    return redact(text).text


class JsonLines(logging.Formatter):
    """One JSON object a line. Every free-text field goes through the redactor: a message
    that carried what a caller said by mistake still loses its personal data."""

    def format(self, record: logging.LogRecord) -> str:
        constant = not record.args
        entry = {"ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)),
                 "level": record.levelname.lower(), "logger": _redacted_constant(record.name),
                 "msg": _redacted_constant(record.msg) if constant and isinstance(record.msg, str)
                 else redact(record.getMessage()).text}
        entry.update({k: v for k, v in vars(record).items() if k not in _SKIP})
        for key, value in entry.items():
            if isinstance(value, str) and key not in PLAIN_FIELDS | {"logger", "msg"}:
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
