"""Vapi on the wire: a clinic's credential as Vapi presents it (the `x-vapi-secret` header, a
Bearer token, or an HMAC-SHA256 signature of the raw body, with its timestamp: pinned
decision 19), and Vapi's published schema (fixtures/vapi/), against which every Vapi-shaped
message the suite sends and every answer it gets is checked at run time."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import jsonschema
from hamcrest import empty, is_in

from ..checks import check

SPEC = Path(__file__).resolve().parents[2] / "fixtures" / "vapi" / "server-messages.openapi.json"
KINDS = ("secret", "bearer", "hmac")
MESSAGES = {"tool-calls": "ServerMessageToolCalls", "status-update": "ServerMessageStatusUpdate",
            "end-of-call-report": "ServerMessageEndOfCallReport", "assistant-request": "ServerMessageAssistantRequest"}
ANSWERS = {"tool-calls": "ServerMessageResponseToolCalls", "assistant-request": "ServerMessageResponseAssistantRequest"}


@dataclass(frozen=True)
class VapiCredential:
    kind: str       # secret | bearer | hmac
    secret: str

    def forged(self, secret: str) -> "VapiCredential":
        """The same kind of credential with someone else's secret."""
        return replace(self, secret=secret)


@dataclass(frozen=True)
class Delivery:
    """One message as it goes on the wire: delivering it again sends the very same bytes."""
    endpoint: str
    body: bytes
    headers: dict
    kind: str | None          # the message type, when the body is Vapi's shape


def headers_for(credential: VapiCredential | None, body: bytes, signed_at: float | None = None) -> dict:
    """How Vapi presents the credential; HMAC signs `{timestamp}.{raw body}` with a timestamp."""
    if credential is None:
        return {}
    if credential.kind == "secret":
        return {"x-vapi-secret": credential.secret}
    if credential.kind == "bearer":
        return {"Authorization": f"Bearer {credential.secret}"}
    stamp = str(_stamp_ms(signed_at))
    signature = hmac.new(credential.secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"x-vapi-signature": signature, "x-vapi-timestamp": stamp}


_last_ms = 0


def _stamp_ms(signed_at: float | None) -> int:
    """Milliseconds, never the same twice in a run: two deliveries of one message made at the same
    moment are two signings (as Vapi's own retries are), only re-sending the bytes is a replay."""
    global _last_ms
    if signed_at is not None:
        return int(signed_at * 1000)
    _last_ms = max(int(time.time() * 1000), _last_ms + 1)
    return _last_ms


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.Draft202012Validator:
    spec = json.loads(SPEC.read_text())
    return jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})


def mismatches(name: str, instance) -> list[str]:
    """Each way `instance` differs from Vapi's schema `name`, with where in it and in the schema."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message} "
            f"[schema {name}/{'/'.join(map(str, e.absolute_schema_path))}]"
            for e in _validator(name).iter_errors(instance)]


def check_message(payload: dict) -> str | None:
    """A Vapi-shaped body as Vapi's schema has it; returns its type."""
    message = payload.get("message", {}) if isinstance(payload, dict) else {}
    kind = message.get("type")
    check(kind, is_in(list(MESSAGES)), "a Vapi message type the schema knows")
    check(mismatches(MESSAGES[kind], message), empty(), f"the {kind} message the suite sends matches Vapi's schema")
    return kind


def check_answer(kind: str | None, answer) -> None:
    """What the system answered, as Vapi expects it (for the messages whose answer Vapi reads)."""
    if kind in ANSWERS and answer.status_code == 200:
        check(mismatches(ANSWERS[kind], answer.json()), empty(), f"the system's answer to {kind} matches Vapi's schema")
