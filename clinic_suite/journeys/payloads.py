"""Request bodies in Vapi's own shapes (checked against Vapi's published schema in the
unit tests) and in the plan's shapes. One definition of each, shared by every user."""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone


def _now_ms() -> int:
    return int(time.time() * 1000)


def _call(call) -> dict:
    """A call id alone, or the call as Vapi describes it (id, assistant, number, customer)."""
    return {"id": call} if isinstance(call, str) else dict(call)


def tool_calls(call_id: str, calls: list[tuple[str, str, dict]], shape: str = "function") -> dict:
    """calls: (toolCallId, name, arguments). shape "function" is Vapi's current
    {id, type, function: {name, arguments}}; "flat" the docs' older {id, name, parameters}."""
    if shape == "function":
        items = [{"id": i, "type": "function", "function": {"name": n, "arguments": json.dumps(a)}} for i, n, a in calls]
    else:
        items = [{"id": i, "name": n, "parameters": a} for i, n, a in calls]
    return {"message": {
        "type": "tool-calls", "timestamp": _now_ms(), "call": _call(call_id),
        "toolCallList": items,
        "toolWithToolCallList": [{"type": "function", "function": {"name": n}, "toolCall": item}
                                 for (_, n, _), item in zip(calls, items)],
    }}


def select_slot(call_id: str, tool_call_id: str, slot_time: str) -> dict:
    return tool_calls(call_id, [(tool_call_id, "select_slot", {"slotTime": slot_time})])


def end_of_call_vapi(call_id: str, transcript: str, *, reason: str = "customer-ended-call", consent: bool = True,
                     ended_at: datetime | None = None, summary: str | None = None, duration: float = 45.0) -> dict:
    ended = (ended_at or datetime.now(timezone.utc)).isoformat().replace("+00:00", "Z")
    return {"message": {
        "type": "end-of-call-report", "timestamp": _now_ms(), "endedReason": reason,
        "call": {**_call(call_id), "status": "ended",
                 "metadata": {**_call(call_id).get("metadata", {}), "gdprConsent": consent}},
        "artifact": {"transcript": transcript, "messages": []},
        "analysis": {"summary": summary or "", "structuredData": {}, "successEvaluation": "false"},
        "endedAt": ended, "durationSeconds": duration,
    }}


def end_of_call_plan(call_id: str, transcript: str, *, reason: str = "customer-ended", consent: bool = True,
                     duration: int = 45, line: dict | None = None) -> dict:
    """The plan's Step 2 body, with consent where Vapi carries it (pinned decision 6); `line` adds
    the assistant and number the call came in on, which an HMAC-signing clinic is found by."""
    return {"message": {
        "type": "end-of-call-report",
        "call": {"id": call_id, "status": "ended", "duration": duration, "reason": reason,
                 "metadata": {"gdprConsent": consent}, **(line or {})},
        "transcript": transcript,
        "analysis": {"sentiment": "neutral", "intent": "booking_inquiry"},
    }}


def status_update(call_id, status: str) -> dict:
    return {"message": {"type": "status-update", "status": status, "timestamp": _now_ms(), "call": _call(call_id)}}


def assistant_request(call: dict) -> dict:
    """Vapi asks which assistant answers an incoming call, before anything is said."""
    call = _call(call)
    return {"message": {"type": "assistant-request", "timestamp": _now_ms(), "call": call,
                        "phoneNumber": {"id": call.get("phoneNumberId")}, "customer": call.get("customer", {})}}
