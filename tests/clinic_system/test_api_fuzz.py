"""Property-based fuzzing of the whole API from the reference system's own OpenAPI document
(schemathesis): no server error, every refusal carries {"error", "detail"}, and a refused
request writes nothing. Each endpoint must also succeed at least once with valid,
authenticated input, so answering everything with 401 or 422 cannot pass.

FUZZ_EXAMPLES sets the cases per endpoint (make test: 25; scripts/fuzz_api.py: more)."""
from __future__ import annotations

import asyncio
import json
import os
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from clinic_suite.journeys import payloads
from clinic_suite.drivers.database import connect
from embedded_stack.stack import EmbeddedStack

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
STATS = Path(os.environ.get("FUZZ_STATS", "reports/fuzz.json"))
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# Rows a refused request must never add (the audit log records refusals on purpose).
FINGERPRINT = ("SELECT (SELECT count(*) FROM clinics), (SELECT count(*) FROM patients), (SELECT count(*) FROM calls),"
               " (SELECT count(*) FROM appointment_slots), (SELECT count(*) FROM sms_messages),"
               " (SELECT count(*) FROM kb_documents), (SELECT count(*) FROM tool_calls),"
               " (SELECT count(*) FROM call_status_history)")


class FuzzEnv:
    def __init__(self):
        self.stack = EmbeddedStack()
        self.info = self.stack.start()
        self.loop = asyncio.new_event_loop()
        self.pool = self.loop.run_until_complete(connect(self.info.database_url))
        self.http = httpx.Client(base_url=self.info.api_url, timeout=30)
        self.cases = Counter()
        self.successes = defaultdict(int)
        self.failures: list[str] = []
        self.clinic = self._set_up()

    def _set_up(self) -> dict:
        admin = {"Authorization": f"Bearer {self.info.admin_token}"}
        fixture = json.loads((FIXTURES / "clinics.json").read_text())["premier"]
        clinic = self.http.post("/api/admin/clinics", json=fixture, headers=admin).json()
        clinic["patient"] = self.http.post(f"/api/admin/clinics/{clinic['orgId']}/patients", headers=admin,
                                           json={"name": "Fuzz Patient", "phone": "+15550100100"}).json()["patientId"]
        return clinic

    def fingerprint(self) -> tuple:
        return tuple(self.loop.run_until_complete(self.pool.fetchrow(FINGERPRINT)))

    def credentials(self, case, n: int) -> dict:
        """Most cases carry the rightful credential; every 5th none, every 7th a wrong one."""
        if n % 5 == 0:
            return {}
        path = case.operation.path
        if path.startswith("/api/admin"):
            secret = self.info.admin_token
        elif path.startswith("/api/vapi/webhook"):
            return {"x-vapi-secret": "whsec_wrong" if n % 7 == 0 else self.clinic["webhookSecret"]}
        else:
            secret = self.clinic["apiKey"]
        return {"Authorization": f"Bearer {'ck_wrong' if n % 7 == 0 else secret}"}

    def close(self) -> None:
        self.http.close()
        self.loop.run_until_complete(self.pool.close())
        self.loop.close()
        self.stack.stop()


@pytest.fixture(scope="module")
def fuzz_env():
    env = FuzzEnv()
    yield env
    STATS.parent.mkdir(exist_ok=True)
    STATS.write_text(json.dumps({"cases": sum(env.cases.values()), "perEndpoint": dict(env.cases),
                                 "successes": dict(env.successes), "failures": env.failures}, indent=1))
    env.close()


@pytest.fixture(scope="module")
def api_schema(fuzz_env):
    return schemathesis.openapi.from_url(f"{fuzz_env.info.api_url}/openapi.json")


def check_case(case, env: FuzzEnv) -> None:
    label = f"{case.operation.method.upper()} {case.operation.path}"
    n = sum(env.cases.values())
    env.cases[label] += 1
    before = env.fingerprint()
    response = case.call(base_url=env.info.api_url, headers=env.credentials(case, n))
    status = response.status_code
    problem = None
    if status >= 500:
        problem = f"{label}: {status} {response.text[:200]}"
    elif 400 <= status < 500:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not {"error", "detail"} <= set(body):
            problem = f"{label}: {status} without an error body: {response.text[:200]}"
        elif env.fingerprint() != before:
            problem = f"{label}: refused with {status} but wrote rows"
    else:
        env.successes[label] += 1
    if problem:
        env.failures.append(problem)
    assert problem is None, problem


# schemathesis's own pytest plugin does not run under pytest 9 yet: each operation's
# hypothesis strategy is driven directly instead.
def test_no_server_error_and_refusals_write_nothing(fuzz_env, api_schema):
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def fuzz(case):
            check_case(case, fuzz_env)
        fuzz()


def _until_follow_up_sent(http: httpx.Client, key: dict, call: str, within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while http.get(f"/api/calls/{call}", headers=key).json()["status"] != "follow-up-sent":
        assert time.monotonic() < deadline, f"call {call} never reached follow-up-sent"
        time.sleep(0.02)


def _valid_requests(env: FuzzEnv) -> dict[str, httpx.Response]:
    """One valid, authenticated request per endpoint, in an order that gives each what it needs."""
    http, clinic, info = env.http, env.clinic, env.info
    key = {"Authorization": f"Bearer {clinic['apiKey']}"}
    admin = {"Authorization": f"Bearer {info.admin_token}"}
    hook = {"x-vapi-secret": clinic["webhookSecret"]}
    out = {"GET /health": http.get("/health")}
    fixture = json.loads((FIXTURES / "clinics.json").read_text())["advanced"]
    out["POST /api/admin/clinics"] = http.post("/api/admin/clinics", json=fixture, headers=admin)
    out["POST /api/admin/clinics/{org_id}/patients"] = http.post(
        f"/api/admin/clinics/{clinic['orgId']}/patients", json={"name": "Valid Patient", "phone": "+15550100200"},
        headers=admin)
    patient = out["POST /api/admin/clinics/{org_id}/patients"].json()["patientId"]
    out["POST /api/vapi/calls/initiate"] = http.post("/api/vapi/calls/initiate", headers=key, json={
        "phoneNumber": "+15550100200", "patientId": patient, "assistantId": "asst"})
    call = out["POST /api/vapi/calls/initiate"].json()["callId"]
    out["GET /api/calls/{call_id}"] = http.get(f"/api/calls/{call}", headers=key)
    out["GET /api/booking/availability"] = http.get("/api/booking/availability", headers=key, params={"limit": 5})
    free = [s["slotTime"] for s in out["GET /api/booking/availability"].json()["slots"]]
    out["POST /api/vapi/webhook"] = http.post("/api/vapi/webhook", headers=hook,
                                              json=payloads.select_slot(call, f"{call}_t", free[0]))
    out["POST /api/vapi/webhook/end-of-call"] = http.post(
        "/api/vapi/webhook/end-of-call", headers=hook, json=payloads.end_of_call_plan(call, "Customer: hello"))
    out["POST /api/booking/claim-slot"] = http.post("/api/booking/claim-slot", headers=key,
                                                    json={"slotTime": free[1], "patientId": patient})
    out["POST /api/sms/send-followup"] = http.post("/api/sms/send-followup", headers=key, json={"callId": call})
    message = out["POST /api/sms/send-followup"].json()
    link = httpx.URL(message["message"].rsplit(" ", 1)[-1])
    out["GET /api/booking/resume"] = http.get("/api/booking/resume", params=dict(link.params))
    _until_follow_up_sent(http, key, call)  # the automatic send may still be recording the provider's answer
    out["POST /api/booking/complete"] = http.post("/api/booking/complete", json={
        "token": link.params["token"], "callId": call})
    out["GET /api/sms/history"] = http.get("/api/sms/history", headers=key, params={"patientId": patient})
    sent = httpx.get(f"{info.sms_stub_url}/_stub/messages", params={"to": "+15550100200"}).json()["messages"][0]
    params = {"MessageSid": sent["sid"], "MessageStatus": "delivered", "AccountSid": info.sms_account_sid,
              "From": sent["from"], "To": sent["to"]}
    url = f"{info.api_url}/api/sms/status"
    out["POST /api/sms/status"] = http.post("/api/sms/status", data=params, headers={
        "X-Twilio-Signature": RequestValidator(info.sms_auth_token).compute_signature(url, params)})
    out["POST /api/kb/documents"] = http.post("/api/kb/documents", headers=key, files={
        "file": ("p.pdf", (FIXTURES / "kb" / "premier-procedures.pdf").read_bytes(), "application/pdf")})
    out["POST /api/assistant/ask"] = http.post("/api/assistant/ask", headers=key,
                                               json={"question": "How much is a facelift?"})
    out["GET /api/clinics/{org_id}/doctors"] = http.get(f"/api/clinics/{clinic['orgId']}/doctors", headers=key)
    return out


def test_every_endpoint_succeeds_with_valid_input(fuzz_env, api_schema):
    answers = _valid_requests(fuzz_env)
    for label, answer in answers.items():
        assert answer.status_code < 300, f"{label}: {answer.status_code} {answer.text[:200]}"
        fuzz_env.successes[label] += 1
    operations = {f"{op.method.upper()} {op.path}" for op in
                  (result.ok() for result in api_schema.get_all_operations())}
    never = sorted(operations - {k for k, v in fuzz_env.successes.items() if v})
    assert never == [], f"endpoints that never succeeded: {never}"


HOSTILE = {
    "oversize body": b'{"question": "' + b"a" * 3_000_000 + b'"}',
    "deeply nested JSON": b'{"message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "invalid UTF-8": b'{"question": "\xff\xfe\xfd"}',
    "not JSON at all": b"\x00\x01\x02 hello",
    "empty": b"",
}


@pytest.mark.parametrize("path", ["/api/assistant/ask", "/api/vapi/webhook", "/api/booking/claim-slot"])
@pytest.mark.parametrize("what", sorted(HOSTILE))
def test_hostile_bodies_get_a_clear_refusal(fuzz_env, path, what):
    headers = {"content-type": "application/json", "Authorization": f"Bearer {fuzz_env.clinic['apiKey']}",
               "x-vapi-secret": fuzz_env.clinic["webhookSecret"]}
    before = fuzz_env.fingerprint()
    answer = fuzz_env.http.post(path, content=HOSTILE[what], headers=headers)
    assert 400 <= answer.status_code < 500, f"{what} on {path}: {answer.status_code} {answer.text[:200]}"
    assert {"error", "detail"} <= set(answer.json())
    assert fuzz_env.fingerprint() == before


@pytest.mark.parametrize("days", [0, -1, 367, "90", 90.5, True, [90]])
def test_a_clinics_booking_horizon_outside_1_to_366_days_is_refused(fuzz_env, days):
    fixture = {**json.loads((FIXTURES / "clinics.json").read_text())["harbourside"], "bookingHorizonDays": days}
    before = fuzz_env.fingerprint()
    answer = fuzz_env.http.post("/api/admin/clinics", json=fixture,
                                headers={"Authorization": f"Bearer {fuzz_env.info.admin_token}"})
    assert answer.status_code == 422, f"{days!r}: {answer.status_code} {answer.text[:200]}"
    assert {"error", "detail"} <= set(answer.json())
    assert fuzz_env.fingerprint() == before


def test_a_clinic_says_how_far_ahead_it_takes_bookings(fuzz_env):
    fixture = json.loads((FIXTURES / "clinics.json").read_text())["harbourside"]
    headers = {"Authorization": f"Bearer {fuzz_env.info.admin_token}"}
    for chosen, expected in ((None, 56), (365, 365)):
        body = fixture if chosen is None else {**fixture, "bookingHorizonDays": chosen}
        answer = fuzz_env.http.post("/api/admin/clinics", json=body, headers=headers)
        assert answer.status_code == 201 and answer.json()["bookingHorizonDays"] == expected


def test_a_one_hour_call_is_stored(fuzz_env):
    """About 9,000 words: a long transcript is handled, redacted and stored, not refused."""
    http, clinic = fuzz_env.http, fuzz_env.clinic
    key = {"Authorization": f"Bearer {clinic['apiKey']}"}
    call = http.post("/api/vapi/calls/initiate", headers=key, json={
        "phoneNumber": "+15550100100", "patientId": clinic["patient"], "assistantId": "asst"}).json()["callId"]
    said = "Customer: I'd like to book a consultation on Tuesday, my number is 555-123-4567. " * 600
    answer = http.post("/api/vapi/webhook", headers={"x-vapi-secret": clinic["webhookSecret"]},
                       json=payloads.end_of_call_vapi(call, said, consent=False))
    assert answer.status_code == 200, answer.text[:200]
    stored = fuzz_env.loop.run_until_complete(fuzz_env.pool.fetchval("SELECT transcript FROM calls WHERE id = $1", call))
    assert "555-123-4567" not in stored and stored.count("[REDACTED_PHONE]") == 600


# The patient's page (pinned decision 20) is HTML, outside the OpenAPI document: hostile
# links and forms get a plain page, never a 500, never a booking.
LINK_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=700)


def test_the_patients_page_refuses_hostile_links_and_forms_plainly(fuzz_env):
    http = fuzz_env.http

    @settings(max_examples=EXAMPLES * 2, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(token=st.one_of(st.none(), LINK_TEXT), call_id=st.one_of(st.none(), LINK_TEXT),
           slot=st.one_of(st.none(), LINK_TEXT), proof=st.one_of(st.none(), LINK_TEXT), post=st.booleans())
    def hostile(token, call_id, slot, proof, post):
        fields = {k: v for k, v in {"token": token, "callId": call_id, "slotTime": slot, "proof": proof}.items()
                  if v is not None}
        before = fuzz_env.fingerprint()
        answer = (http.post("/booking/resume", data=fields) if post
                  else http.get("/booking/resume", params={k: v for k, v in fields.items() if k in ("token", "callId")}))
        assert 400 <= answer.status_code < 500, f"{answer.status_code} for {fields!r}"
        assert answer.headers["content-type"].startswith("text/html"), answer.headers["content-type"]
        assert "not valid" in answer.text or "could not be accepted" in answer.text
        assert fuzz_env.fingerprint() == before, f"a hostile page request wrote rows: {fields!r}"
    hostile()


# Control characters (pinned decision 21), put into every string of every valid request: a NUL
# anywhere, and any control character in an id, a name, a phone number or a time, is refused
# with the error body and writes nothing; free text keeps tab, newline and carriage return.
FREE_TEXT = {"transcript", "question", "summary"}
# ids, names, phones and times: where no control character may be (other fields get only a NUL)
PLAIN = re.compile(r"(?i)(id|name|phone|number|time|^from$)")


def _strings(value, path=()):
    """(path, text) of every string in a request's JSON or query."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
    elif isinstance(value, str) and value:
        yield path, value


def _with(value, path, text):
    if not path:
        return text
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _with(value[path[0]], path[1:], text)
    return copy


def _json_arguments(body: dict) -> dict:
    """Vapi's tool arguments travel as a JSON string: open them so their strings are reached.
    (toolWithToolCallList repeats the list for Vapi's own use; the system reads toolCallList.)"""
    body["message"].pop("toolWithToolCallList", None)
    for item in body.get("message", {}).get("toolCallList", []):
        if isinstance(item.get("function", {}).get("arguments"), str):
            item["function"]["arguments"] = json.loads(item["function"]["arguments"])
    return body


def _sealed(body: dict) -> dict:
    for item in body.get("message", {}).get("toolCallList", []):
        if isinstance(item.get("function", {}).get("arguments"), dict):
            item["function"]["arguments"] = json.dumps(item["function"]["arguments"])
    return body


def test_control_characters_are_refused_where_they_can_never_belong(fuzz_env):
    http, clinic = fuzz_env.http, fuzz_env.clinic
    key = {"Authorization": f"Bearer {clinic['apiKey']}"}
    patient = http.post(f"/api/admin/clinics/{clinic['orgId']}/patients", json={"name": "Ctl Patient", "phone": "+15550100300"},
                        headers={"Authorization": f"Bearer {fuzz_env.info.admin_token}"}).json()["patientId"]
    call = http.post("/api/vapi/calls/initiate", headers=key, json={"phoneNumber": "+15550100300", "patientId": patient,
                                                                      "assistantId": "asst"}).json()["callId"]
    free = http.get("/api/booking/availability", headers=key, params={"limit": 2}).json()["slots"][0]["slotTime"]
    hook = {"x-vapi-secret": clinic["webhookSecret"]}
    requests = [
        ("POST", "/api/booking/claim-slot", key, {"orgId": clinic["orgId"], "slotTime": free, "patientId": patient, "callId": call}),
        ("POST", "/api/vapi/calls/initiate", key, {"orgId": clinic["orgId"], "phoneNumber": "+15550100300",
                                                   "patientId": patient, "assistantId": "asst"}),
        ("POST", "/api/assistant/ask", key, {"orgId": clinic["orgId"], "question": "How much is a facelift?"}),
        ("POST", "/api/sms/send-followup", key, {"callId": call, "orgId": clinic["orgId"], "patientId": patient}),
        ("POST", "/api/vapi/webhook", hook, _json_arguments(payloads.select_slot(call, f"{call}_ctl", free))),
        ("POST", "/api/vapi/webhook", hook, payloads.end_of_call_vapi(call, "Customer: hello", summary="a summary")),
        ("POST", "/api/admin/clinics/{org}/patients".format(org=clinic["orgId"]),
         {"Authorization": f"Bearer {fuzz_env.info.admin_token}"}, {"name": "Ann Other", "phone": "+15550100301"}),
        ("GET", "/api/booking/availability", key, {"orgId": clinic["orgId"], "from": free, "limit": "2"}),
        ("GET", "/api/sms/history", key, {"orgId": clinic["orgId"], "patientId": patient, "limit": "1"}),
    ]
    checked = 0
    for method, path, headers, body in requests:
        for where, text in _strings(body):
            field = str(where[-1])
            bad = ["\x00", "\x01", "\n", "\x7f"] if PLAIN.search(field) and field not in FREE_TEXT else ["\x00"]
            for char in bad:
                mangled = _with(body, where, text[:1] + char + text[1:])
                before = fuzz_env.fingerprint()
                answer = (http.get(path, params=mangled, headers=headers) if method == "GET"
                          else http.request(method, path, json=_sealed(json.loads(json.dumps(mangled))), headers=headers))
                label = f"{method} {path} {'.'.join(map(str, where))} with {char!r}"
                assert answer.status_code == 422, f"{label}: {answer.status_code} {answer.text[:200]}"
                assert {"error", "detail"} <= set(answer.json()), f"{label}: no error body"
                assert fuzz_env.fingerprint() == before, f"{label}: refused but wrote rows"
                checked += 1
    assert checked > 60
    said = "Customer: line one\n\tline two\r\nend"
    kept = http.post("/api/vapi/webhook", headers=hook, json=payloads.end_of_call_vapi(call, said))
    assert kept.status_code == 200, kept.text
    asked = http.post("/api/assistant/ask", headers=key, json={"question": "How much\tis a\nfacelift?"})
    assert asked.status_code == 200, asked.text
