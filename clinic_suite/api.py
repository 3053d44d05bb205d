"""The clinic system's HTTP API as the suite uses it; every exchange goes into the evidence."""
from __future__ import annotations

import time

import httpx

from .evidence import Evidence


class ClinicApi:
    def __init__(self, base_url: str, admin_token: str, evidence: Evidence, max_connections: int = 200):
        self.http = httpx.AsyncClient(base_url=base_url, timeout=60, limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=min(max_connections, 100)))
        self.admin_token, self.evidence = admin_token, evidence

    async def close(self) -> None:
        await self.http.aclose()

    async def send(self, method: str, url: str, *, json=None, params=None, headers=None) -> httpx.Response:
        started = time.perf_counter()
        answer = await self.http.request(method, url, json=json, params=params, headers=headers)
        try:
            body = answer.json()
        except ValueError:
            body = answer.text
        # Query strings can hold a link token: the evidence keeps the path only.
        self.evidence.exchange(method, httpx.URL(url).path, json, answer.status_code, body,
                               (time.perf_counter() - started) * 1000)
        return answer

    @staticmethod
    def bearer(secret: str) -> dict:
        return {"Authorization": f"Bearer {secret}"}

    # admin (pinned decision 2)
    async def create_clinic(self, clinic: dict) -> httpx.Response:
        return await self.send("POST", "/api/admin/clinics", json=clinic, headers=self.bearer(self.admin_token))

    async def add_patient(self, org_id: str, patient: dict) -> httpx.Response:
        return await self.send("POST", f"/api/admin/clinics/{org_id}/patients", json=patient,
                               headers=self.bearer(self.admin_token))

    # calls and Vapi
    async def initiate_call(self, api_key: str, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/vapi/calls/initiate", json=body, headers=self.bearer(api_key))

    async def vapi(self, webhook_secret: str, payload: dict, path: str = "/api/vapi/webhook") -> httpx.Response:
        return await self.send("POST", path, json=payload, headers={"x-vapi-secret": webhook_secret})

    async def call(self, api_key: str, call_id: str) -> httpx.Response:
        return await self.send("GET", f"/api/calls/{call_id}", headers=self.bearer(api_key))

    # booking
    async def availability(self, api_key: str, org_id: str, start: str | None = None, limit: int = 10):
        params = {"orgId": org_id, "limit": limit, **({"from": start} if start else {})}
        return await self.send("GET", "/api/booking/availability", params=params, headers=self.bearer(api_key))

    async def claim_slot(self, api_key: str, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/booking/claim-slot", json=body, headers=self.bearer(api_key))

    async def open_link(self, link: str) -> httpx.Response:
        url = httpx.URL(link)
        return await self.send("GET", url.path, params=dict(url.params))

    async def resume(self, token: str, call_id: str) -> httpx.Response:
        return await self.send("GET", "/api/booking/resume", params={"token": token, "callId": call_id})

    async def complete(self, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/booking/complete", json=body)

    # knowledge base
    async def upload_document(self, api_key: str, path, org_id: str | None = None) -> httpx.Response:
        started = time.perf_counter()
        answer = await self.http.post("/api/kb/documents", headers=self.bearer(api_key),
                                      files={"file": (path.name, path.read_bytes(), "application/pdf")},
                                      data={"orgId": org_id} if org_id else None)
        self.evidence.exchange("POST", "/api/kb/documents", {"file": path.name}, answer.status_code, answer.json(),
                               (time.perf_counter() - started) * 1000)
        return answer

    async def ask(self, api_key: str, question: str) -> httpx.Response:
        return await self.send("POST", "/api/assistant/ask", json={"question": question}, headers=self.bearer(api_key))

    # texts
    async def send_follow_up(self, api_key: str, body: dict) -> httpx.Response:
        return await self.send("POST", "/api/sms/send-followup", json=body, headers=self.bearer(api_key))

    async def sms_history(self, api_key: str, org_id: str, patient_id: str, limit: int = 10):
        return await self.send("GET", "/api/sms/history", params={"orgId": org_id, "patientId": patient_id,
                                                                    "limit": limit}, headers=self.bearer(api_key))
