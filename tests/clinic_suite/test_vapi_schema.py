"""The Vapi-shaped payloads the suite sends are valid against Vapi's published schema."""
import json
from pathlib import Path

import jsonschema
import pytest

from clinic_suite.journeys import payloads

SPEC = json.loads((Path(__file__).resolve().parents[2] / "fixtures/vapi/server-messages.openapi.json").read_text())


def validator(name: str):
    return jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": SPEC["components"]})


@pytest.mark.parametrize("name,body", [
    ("ServerMessageEndOfCallReport", payloads.end_of_call_vapi("call_1", "hi")["message"]),
    ("ServerMessageToolCalls", payloads.select_slot("call_1", "tc_1", "2030-01-01T10:00:00+00:00")["message"]),
    ("ServerMessageStatusUpdate", payloads.status_update("call_1", "ended")["message"]),
])
def test_suite_payloads_match_vapi(name, body):
    validator(name).validate(body)


def test_the_schema_has_teeth():
    body = payloads.end_of_call_vapi("call_1", "hi")["message"]
    del body["endedReason"]
    with pytest.raises(jsonschema.ValidationError):
        validator("ServerMessageEndOfCallReport").validate(body)
