"""Reads Vapi's server messages (and the plan's own end-of-call shapes) into plain values.

Vapi: {"message": {"type", "call": {...}, "endedReason", "artifact": {"transcript"},
"analysis": {...}, "endedAt", "toolCallList": [...]}}. The plan: {"message": {"type",
"call": {"id", "status", "duration", "reason"}, "transcript", "analysis"}} and the flat
{"callId", "transcript", "gdprConsent"}. Vapi's `call.orgId` is Vapi's organisation, not
ours, and is ignored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from . import limits
from .errors import invalid
from .slots import parse_time

MAX_TRANSCRIPT = 200_000  # characters: a one-hour call is ~60k


@dataclass
class EndOfCall:
    call_id: str
    ended_reason: str | None
    transcript: str
    summary: str | None
    analysis: dict
    consent: bool
    ended_at: datetime | None
    duration: float | None


@dataclass
class ToolCall:
    id: str
    name: str
    arguments: dict = field(default_factory=dict)


@dataclass
class StatusUpdate:
    call_id: str
    status: str


def _text(value, where: str, required: bool = False, limit: int = 200, free: bool = False) -> str | None:
    """A string field; unless `free` (what a person said or wrote), no control character."""
    if value is None:
        if required:
            raise invalid([{"loc": where, "msg": "required"}])
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise invalid([{"loc": where, "msg": "must be a non-empty string"}])
    if len(value) > limit:
        raise invalid([{"loc": where, "msg": f"longer than {limit} characters"}])
    if not free and limits.CONTROL.search(value):  # ids, kinds, reasons (pinned decision 21)
        raise invalid([{"loc": where, "msg": "must not contain control characters"}])
    return value


def _obj(value, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise invalid([{"loc": where, "msg": "must be an object"}])
    return value


def _consent(*places) -> bool:
    for value in places:
        if value is not None:
            if not isinstance(value, bool):
                raise invalid([{"loc": "gdprConsent", "msg": "must be true or false"}])
            return value
    return False


def message_of(body) -> tuple[str, dict]:
    """The envelope: returns (type, message). The flat plan shape counts as an end-of-call report."""
    body = _obj(body, "body")
    if "message" not in body and "callId" in body:
        return "end-of-call-report", {"flat": True, **body}
    message = _obj(body.get("message"), "message")
    kind = _text(message.get("type"), "message.type", required=True, limit=60)
    return kind, message


def end_of_call(message: dict) -> EndOfCall:
    if message.get("flat"):
        call_id = _text(message.get("callId"), "callId", required=True)
        transcript = message.get("transcript")
        return EndOfCall(call_id, _text(message.get("reason"), "reason"), _transcript(transcript), None, {},
                         _consent(message.get("gdprConsent")), None, None)
    call = _obj(message.get("call"), "message.call")
    artifact = _obj(message.get("artifact"), "message.artifact")
    analysis = _obj(message.get("analysis"), "message.analysis")
    metadata = _obj(call.get("metadata"), "message.call.metadata")
    reason = message.get("endedReason", call.get("reason"))
    transcript = artifact.get("transcript", message.get("transcript"))
    duration = message.get("durationSeconds", call.get("duration"))
    if duration is not None and (isinstance(duration, bool) or not isinstance(duration, (int, float)) or duration < 0):
        raise invalid([{"loc": "duration", "msg": "must be a non-negative number"}])
    summary = analysis.get("summary", message.get("summary"))
    return EndOfCall(
        call_id=_text(call.get("id"), "message.call.id", required=True),
        ended_reason=_text(reason, "endedReason", limit=100),
        transcript=_transcript(transcript),
        summary=_text(summary, "analysis.summary", limit=5000, free=True),
        analysis={k: v for k, v in analysis.items() if k in ("sentiment", "intent", "successEvaluation")
                  and isinstance(v, (str, bool, int, float))},
        consent=_consent(metadata.get("gdprConsent"), message.get("gdprConsent")),
        ended_at=parse_time(message.get("endedAt"), "endedAt"),
        duration=duration,
    )


def _transcript(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise invalid([{"loc": "transcript", "msg": "must be text"}])
    if len(value) > MAX_TRANSCRIPT:
        raise invalid([{"loc": "transcript", "msg": f"longer than {MAX_TRANSCRIPT} characters"}])
    return value


def call_id_of(message: dict) -> str:
    return _text(_obj(message.get("call"), "message.call").get("id"), "message.call.id", required=True)


def tool_calls(message: dict) -> list[ToolCall]:
    """Both shapes Vapi documents: {id, function: {name, arguments}} and {id, name, parameters}."""
    items = message.get("toolCallList", message.get("toolCalls"))
    if not isinstance(items, list) or not items or len(items) > 20:
        raise invalid([{"loc": "message.toolCallList", "msg": "must list 1 to 20 tool calls"}])
    out = []
    for i, item in enumerate(items):
        item = _obj(item, f"toolCallList[{i}]")
        function = _obj(item.get("function"), f"toolCallList[{i}].function")
        name = function.get("name", item.get("name"))
        arguments = function.get("arguments", item.get("parameters", item.get("arguments")))
        if isinstance(arguments, str):
            try:
                arguments = json.loads(arguments)
            except ValueError:
                raise invalid([{"loc": f"toolCallList[{i}].arguments", "msg": "not JSON"}]) from None
        out.append(ToolCall(_text(item.get("id"), f"toolCallList[{i}].id", required=True),
                            _text(name, f"toolCallList[{i}].name", required=True, limit=60),
                            _obj(arguments, f"toolCallList[{i}].arguments")))
    return out


def status_update(message: dict) -> StatusUpdate:
    return StatusUpdate(call_id_of(message), _text(message.get("status"), "message.status", required=True, limit=40))
