import json

import pytest

from clinic_suite.journeys import payloads
from clinic_system import vapi
from clinic_system.errors import ApiError


def test_vapi_end_of_call_report():
    kind, message = vapi.message_of(payloads.end_of_call_vapi("call_1", "hello", consent=True))
    report = vapi.end_of_call(message)
    assert kind == "end-of-call-report"
    assert (report.call_id, report.ended_reason, report.transcript, report.consent) == \
        ("call_1", "customer-ended-call", "hello", True)
    assert report.ended_at is not None and report.duration == 45.0


def test_the_plans_end_of_call_report():
    kind, message = vapi.message_of(payloads.end_of_call_plan("call_1", "Customer: I want to book..."))
    report = vapi.end_of_call(message)
    assert (report.call_id, report.ended_reason, report.duration) == ("call_1", "customer-ended", 45)
    assert report.analysis == {"sentiment": "neutral", "intent": "booking_inquiry"}


def test_the_plans_flat_report_and_top_level_consent():
    kind, message = vapi.message_of({"callId": "call_s", "transcript": "John Smith", "gdprConsent": False})
    report = vapi.end_of_call(message)
    assert (kind, report.call_id, report.consent) == ("end-of-call-report", "call_s", False)


def test_absent_consent_means_no_consent():
    body = payloads.end_of_call_vapi("c", "t")
    del body["message"]["call"]["metadata"]
    assert vapi.end_of_call(vapi.message_of(body)[1]).consent is False


@pytest.mark.parametrize("shape", ["function", "flat"])
def test_both_tool_call_shapes(shape):
    body = payloads.tool_calls("call_1", [("tc1", "select_slot", {"slotTime": "2030-01-01T10:00:00+00:00"})], shape)
    calls = vapi.tool_calls(vapi.message_of(body)[1])
    assert [(c.id, c.name, c.arguments) for c in calls] == \
        [("tc1", "select_slot", {"slotTime": "2030-01-01T10:00:00+00:00"})]


@pytest.mark.parametrize("body", [
    [], "text", {"message": "x"}, {"message": {}}, {"message": {"type": 5}},
])
def test_malformed_envelopes_are_422(body):
    with pytest.raises(ApiError) as refused:
        vapi.message_of(body)
    assert refused.value.status == 422


@pytest.mark.parametrize("change", [
    lambda m: m["call"].pop("id"),
    lambda m: m["call"].update(id=7),
    lambda m: m.update(endedAt="yesterday"),
    lambda m: m.update(endedAt="2030-01-01T10:00:00"),     # no offset
    lambda m: m["artifact"].update(transcript=["not", "text"]),
    lambda m: m["artifact"].update(transcript="x" * (vapi.MAX_TRANSCRIPT + 1)),
    lambda m: m["call"]["metadata"].update(gdprConsent="yes"),
    lambda m: m.update(durationSeconds=-1),
])
def test_malformed_reports_are_422(change):
    message = payloads.end_of_call_vapi("call_1", "t")["message"]
    change(message)
    with pytest.raises(ApiError) as refused:
        vapi.end_of_call(message)
    assert refused.value.status == 422


@pytest.mark.parametrize("items", [None, [], [{"id": "x"}], [{"id": "x", "function": {"name": "a", "arguments": "{"}}]])
def test_malformed_tool_calls_are_422(items):
    with pytest.raises(ApiError):
        vapi.tool_calls({"toolCallList": items})


def test_tool_call_arguments_may_be_an_object():
    calls = vapi.tool_calls({"toolCallList": [{"id": "x", "function": {"name": "a", "arguments": {"k": 1}}}]})
    assert calls[0].arguments == {"k": 1}
    assert json.dumps(calls[0].arguments)
