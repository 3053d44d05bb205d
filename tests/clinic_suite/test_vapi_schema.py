"""The Vapi-shaped payloads the suite sends are valid against Vapi's published schema, and the
driver's run-time check (vapi_wire) names where a body differs from it."""
import hashlib
import hmac
import json
from pathlib import Path

import jsonschema
import pytest

from clinic_suite.drivers import vapi_wire
from clinic_suite.drivers.vapi_wire import VapiCredential
from clinic_suite.journeys import payloads

SPEC = json.loads((Path(__file__).resolve().parents[2] / "fixtures/vapi/server-messages.openapi.json").read_text())
CALL = {"id": "call_1", "orgId": "vapi-org", "assistantId": "asst_1", "phoneNumberId": "pn_1",
        "customer": {"number": "+12025550123"}}


def validator(name: str):
    return jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": SPEC["components"]})


@pytest.mark.parametrize("name,body", [
    ("ServerMessageEndOfCallReport", payloads.end_of_call_vapi("call_1", "hi")["message"]),
    ("ServerMessageEndOfCallReport", payloads.end_of_call_vapi(CALL, "hi")["message"]),
    ("ServerMessageToolCalls", payloads.select_slot("call_1", "tc_1", "2030-01-01T10:00:00+00:00")["message"]),
    ("ServerMessageToolCalls", payloads.select_slot(CALL, "tc_1", "2030-01-01T10:00:00+00:00")["message"]),
    ("ServerMessageStatusUpdate", payloads.status_update("call_1", "ended")["message"]),
    ("ServerMessageStatusUpdate", payloads.status_update(CALL, "in-progress")["message"]),
    ("ServerMessageAssistantRequest", payloads.assistant_request(CALL)["message"]),
])
def test_suite_payloads_match_vapi(name, body):
    validator(name).validate(body)


def test_the_schema_has_teeth():
    body = payloads.end_of_call_vapi("call_1", "hi")["message"]
    del body["endedReason"]
    with pytest.raises(jsonschema.ValidationError):
        validator("ServerMessageEndOfCallReport").validate(body)


@pytest.mark.parametrize("answer,fits", [
    ({"assistantId": "asst_1"}, True), ({"assistant": {"name": "Premier"}}, True),
    ({"error": "Sorry, this number is not in service."}, True), ({}, False), ({"assistantId": 7}, False),
])
def test_assistant_request_answers(answer, fits):
    assert (vapi_wire.mismatches("ServerMessageResponseAssistantRequest", answer) == []) is fits


def test_a_mismatch_names_where_in_the_body_and_in_the_schema():
    body = payloads.select_slot(CALL, "tc_1", "2030-01-01T10:00:00+00:00")["message"]
    del body["toolCallList"][0]["function"]
    found = vapi_wire.mismatches("ServerMessageToolCalls", body)
    assert found and found[0].startswith("toolCallList/0: 'function' is a required property")
    assert "[schema ServerMessageToolCalls/" in found[0]


def test_signing_as_each_kind():
    body = b'{"message": {}}'
    assert vapi_wire.headers_for(VapiCredential("secret", "s1"), body) == {"x-vapi-secret": "s1"}
    assert vapi_wire.headers_for(VapiCredential("bearer", "s1"), body) == {"Authorization": "Bearer s1"}
    signed = vapi_wire.headers_for(VapiCredential("hmac", "s1"), body, signed_at=1_800_000_000)
    assert signed["x-vapi-timestamp"] == "1800000000000"
    assert signed["x-vapi-signature"] == hmac.new(b"s1", b"1800000000000." + body, hashlib.sha256).hexdigest()


def test_two_signings_at_one_moment_differ():
    credential, body = VapiCredential("hmac", "s1"), b"{}"
    assert vapi_wire.headers_for(credential, body) != vapi_wire.headers_for(credential, body)
