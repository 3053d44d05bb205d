"""The clinic system's HTTP API as the suite uses it; every exchange goes into the evidence."""
from __future__ import annotations

import asyncio
import json as jsonlib
import re
import time
from contextlib import asynccontextmanager

import httpx

from . import tls, vapi_wire
from .evidence import Evidence
from .phone_line import PhoneLine
from .vapi_wire import Delivery, VapiCredential

# The Vapi server-message endpoints: Vapi's own, and the plan's end-of-call path.
VAPI_ENDPOINTS = {"webhook": "/api/vapi/webhook", "end-of-call": "/api/vapi/webhook/end-of-call"}
STATUS_CALLBACK = "/api/sms/status"


HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')  # a page form's own fields


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


class ClinicApi:
    def __init__(self, base_url: str, admin_token: str, evidence: Evidence, max_connections: int = 200,
                 scenario: str | None = None, http: PhoneLine | None = None):
        self.base_url = base_url.rstrip("/")
        # `scenario`: named on every request, so the embedded system's coverage knows who ran what (make mutants)
        self.http = http or httpx.AsyncClient(base_url=self.base_url, timeout=60, verify=tls.context(), limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=min(max_connections, 100)),
            headers={"x-suite-scenario": scenario} if scenario else None)
        self.admin_token, self.evidence = admin_token, evidence

    async def close(self) -> None:
        await self.http.aclose()

    @asynccontextmanager
    async def own_line(self):
        """A client of its own for one simulated caller, its connection already open. Each caller
        is its own phone line: one shared client's pool costs time that grows with the requests
        in flight (field notes: most of 100 callers' latency), which is the suite's, not the system's."""
        line = ClinicApi(self.base_url, self.admin_token, self.evidence, max_connections=1)
        try:
            await line.http.get("/health")  # open the connection; the answer does not matter
            yield line
        finally:
            await line.close()

    @asynccontextmanager
    async def phone_line(self):
        """own_line's lean kind, for a crowd's callers (phone_line.py: what it costs and why)."""
        line = ClinicApi(self.base_url, self.admin_token, self.evidence, http=PhoneLine(self.base_url))
        try:
            await line.http.get("/health")
            yield line
        finally:
            await line.close()

    async def send(self, method: str, url: str, *, json=None, params=None, headers=None, data=None,
                   files=None, content=None, shown=None, http: httpx.AsyncClient | PhoneLine | None = None) -> httpx.Response:
        started = time.perf_counter()
        answer = await (http or self.http).request(method, url, json=json, params=params, headers=headers, data=data,
                                         files=files, content=content)
        try:
            body = answer.json()
        except ValueError:
            body = answer.text
        # Query strings can hold a link token: the evidence keeps the path only.
        self.evidence.exchange(method, httpx.URL(url).path, shown if shown is not None else (json or data),
                               answer.status_code, body, (time.perf_counter() - started) * 1000)
        return answer

    # admin (pinned decision 2)
    async def create_clinic(self, clinic: dict) -> httpx.Response:
        return await self.send("POST", "/api/admin/clinics", json=clinic, headers=bearer(self.admin_token))

    async def add_patient(self, org_id: str, patient: dict) -> httpx.Response:
        return await self.send("POST", f"/api/admin/clinics/{org_id}/patients", json=patient,
                               headers=bearer(self.admin_token))

    # calls and Vapi
    async def initiate_call(self, api_key: str, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/vapi/calls/initiate", json=body, headers=bearer(api_key))

    def vapi_delivery(self, credential: VapiCredential | None, payload: dict, endpoint: str = "webhook",
                      signed_at: float | None = None, malformed: bool = False) -> Delivery:
        """A Vapi server message, signed as the clinic's line signs (None: unsigned). On Vapi's own
        path it is checked against Vapi's schema first (unless it is `malformed` on purpose); the
        plan's path takes the plan's shapes."""
        kind = vapi_wire.check_message(payload) if endpoint == "webhook" and not malformed else None
        body = jsonlib.dumps(payload, ensure_ascii=False).encode()  # UTF-8 as sent, not \u-escaped: as Vapi does
        return Delivery(VAPI_ENDPOINTS[endpoint], body, {"content-type": "application/json",
                                                         **vapi_wire.headers_for(credential, body, signed_at)}, kind)

    async def deliver(self, delivery: Delivery) -> httpx.Response:
        """Send (or send again) exactly these bytes; the answer is checked against Vapi's schema."""
        return await self.deliver_on(delivery, self.http)

    async def deliver_together(self, deliveries: list[Delivery]) -> list[httpx.Response]:
        """Each delivery on a connection of its own, opened beforehand, all sent at the same moment:
        as several Vapi workers would, none queued behind another."""
        clients = [PhoneLine(self.base_url) for _ in deliveries]
        try:
            await asyncio.gather(*(http.get("/health") for http in clients))
            return list(await asyncio.gather(*(self.deliver_on(d, http) for d, http in zip(deliveries, clients))))
        finally:
            await asyncio.gather(*(http.aclose() for http in clients))

    async def deliver_on(self, delivery: Delivery, http: httpx.AsyncClient | PhoneLine) -> httpx.Response:
        answer = await self.send("POST", delivery.endpoint, content=delivery.body, headers=delivery.headers,
                                 shown=jsonlib.loads(delivery.body), http=http)
        vapi_wire.check_answer(delivery.kind, answer)
        return answer

    async def vapi(self, credential: VapiCredential | None, payload: dict, endpoint: str = "webhook",
                   malformed: bool = False) -> httpx.Response:
        return await self.deliver(self.vapi_delivery(credential, payload, endpoint, malformed=malformed))

    async def call(self, api_key: str, call_id: str) -> httpx.Response:
        return await self.send("GET", f"/api/calls/{call_id}", headers=bearer(api_key))

    async def doctors(self, api_key: str, org_id: str) -> httpx.Response:
        return await self.send("GET", f"/api/clinics/{org_id}/doctors", headers=bearer(api_key))

    # booking
    async def availability(self, api_key: str, org_id: str, start: str | None = None, limit: int = 10):
        params = {"orgId": org_id, "limit": limit, **({"from": start} if start else {})}
        return await self.send("GET", "/api/booking/availability", params=params, headers=bearer(api_key))

    async def claim_slot(self, api_key: str, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/booking/claim-slot", json=body, headers=bearer(api_key))

    async def resume(self, token: str, call_id: str) -> httpx.Response:
        return await self.send("GET", "/api/booking/resume", params={"token": token, "callId": call_id})

    async def complete(self, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/booking/complete", json=body)

    async def post_page_form(self, link: str, fields: dict, origin: str) -> httpx.Response:
        """The link's page form posted as a browser on another site would: no cookie of the system's."""
        return await self.send("POST", httpx.URL(link).path, data=fields, shown={k: "..." for k in fields},
                               headers={"Origin": origin, "Sec-Fetch-Site": "cross-site"})

    async def page_form_changed(self, link: str, changes: dict) -> httpx.Response:
        """The link's page fetched, then its form sent with `changes` made to its fields, with the
        page's own cookie: a page tampered with (a client of its own, so the cookie stays here)."""
        async with self.own_line() as line:
            page = await line.http.get(link)
            fields = dict(HIDDEN.findall(page.text))
            return await line.send("POST", httpx.URL(link).path, data={**fields, **changes},
                                   shown={k: "..." for k in {**fields, **changes}})

    # knowledge base
    async def upload_document(self, api_key: str, path, org_id: str | None = None) -> httpx.Response:
        return await self.send("POST", "/api/kb/documents", headers=bearer(api_key),
                               files={"file": (path.name, path.read_bytes(), "application/pdf")},
                               data={"orgId": org_id} if org_id else None, shown={"file": path.name})

    async def ask(self, api_key: str, question: str) -> httpx.Response:
        return await self.send("POST", "/api/assistant/ask", json={"question": question}, headers=bearer(api_key))

    # texts
    async def send_follow_up(self, api_key: str, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/sms/send-followup", json=body, headers=bearer(api_key))

    async def sms_history(self, api_key: str, patient_id: str, org_id: str | None = None, limit: int = 10):
        params = {"patientId": patient_id, "limit": limit, **({"orgId": org_id} if org_id else {})}
        return await self.send("GET", "/api/sms/history", params=params, headers=bearer(api_key))

    @property
    def status_callback_url(self) -> str:
        """The URL the provider signs its delivery reports for (Twilio signs the full URL)."""
        return self.base_url + STATUS_CALLBACK

    async def delivery_report(self, params: dict, signature: str) -> httpx.Response:
        return await self.send("POST", STATUS_CALLBACK, data=params, headers={"X-Twilio-Signature": signature})
