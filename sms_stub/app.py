"""Twilio's `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, plus a control API
under /_stub for tests: read and clear inboxes, inject faults, per recipient number."""
from __future__ import annotations

import asyncio
import base64
import hmac
import secrets
import threading
from collections import defaultdict
from dataclasses import dataclass
from email.utils import format_datetime
from datetime import datetime, timezone
from typing import Literal

import httpx
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from twilio.request_validator import RequestValidator

# How Twilio refuses, by fault mode: HTTP status and Twilio error code.
REFUSALS = {
    "quota-exceeded": (429, 20429, "Too Many Requests"),
    "daily-limit": (429, 63038, "Account exceeded the daily messages limit"),
    "outage": (503, 20503, "Service Unavailable"),
}
MAX_INBOX = 1000
# How long the provider takes to report a status after answering a send (Twilio: typically
# a few hundred milliseconds). Without it a report could reach the system before the send's
# answer does, naming a message id it cannot know yet.
PROCESSING_S = 0.05


class FaultIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: str = Field(min_length=3, max_length=30)
    mode: Literal["quota-exceeded", "daily-limit", "outage", "slow", "undelivered", "reports-first"]
    count: int = Field(default=1, ge=1, le=1000)
    delayMs: int = Field(default=0, ge=0, le=30000)


@dataclass
class Fault:
    mode: str
    count: int
    delay_ms: int


def twilio_error(status: int, code: int, message: str) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                         "status": status}, status_code=status)


def create_app(account_sid: str, auth_token: str) -> FastAPI:
    app = FastAPI(title="SMS stub (Twilio-compatible)")
    inbox: dict[str, list[dict]] = defaultdict(list)
    faults: dict[str, list[Fault]] = defaultdict(list)
    lock = threading.Lock()

    def authorised(request: Request, sid: str) -> bool:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            user, _, password = base64.b64decode(value).decode().partition(":")
        except ValueError:
            return False
        return (hmac.compare_digest(user, account_sid) and hmac.compare_digest(password, auth_token)
                and hmac.compare_digest(sid, account_sid))

    pending: set[asyncio.Task] = set()
    validator = RequestValidator(auth_token)
    # One TLS context for every status callback's client: building one per message cost ~15 ms each.
    tls = httpx.create_ssl_context()

    async def report_delivery(message: dict, final: str, at_once: bool = False) -> None:
        """Twilio's status callbacks, "sent" then the final status, signed as Twilio signs them.
        Like Twilio, the first comes a moment after the send was answered, not before the
        sender could read that answer (it learns the message's id from it); `at_once` (the
        "reports-first" fault) sends them before the send is answered, as a busy sender sees it."""
        if not at_once:
            await asyncio.sleep(PROCESSING_S)
        async with httpx.AsyncClient(timeout=5, verify=tls) as callbacks:
            for status in ("sent", final):
                params = {"MessageSid": message["sid"], "MessageStatus": status, "AccountSid": message["account_sid"],
                          "From": message["from"], "To": message["to"], "ApiVersion": "2010-04-01",
                          **({"ErrorCode": "30003"} if status == "undelivered" else {})}
                signature = validator.compute_signature(message["status_callback"], params)
                try:
                    answer = await callbacks.post(message["status_callback"], data=params,
                                             headers={"X-Twilio-Signature": signature})
                    outcome = answer.status_code
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                with lock:
                    message["callbacks"].append({"status": status, "answer": outcome})

    def next_fault(to: str) -> Fault | None:
        with lock:
            queue = faults.get(to)
            if not queue:
                return None
            fault = queue[0]
            fault.count -= 1
            if fault.count <= 0:
                queue.pop(0)
            return Fault(fault.mode, 1, fault.delay_ms)

    @app.post("/2010-04-01/Accounts/{sid}/Messages.json")
    async def send(sid: str, request: Request):
        if not authorised(request, sid):
            return twilio_error(401, 20003, "Authenticate")
        form = await request.form()
        to, body = form.get("To"), form.get("Body")
        sender = form.get("From") or form.get("MessagingServiceSid")
        if not to or not sender:
            return twilio_error(400, 21604 if not to else 21603, "A 'To' and a 'From' phone number are required.")
        if not body:
            return twilio_error(400, 21602, "Message body is required.")
        fault = next_fault(to)
        if fault and fault.mode == "slow":
            await asyncio.sleep(fault.delay_ms / 1000)
        elif fault and fault.mode in REFUSALS:
            return twilio_error(*REFUSALS[fault.mode])
        now = format_datetime(datetime.now(timezone.utc))
        message = {
            "sid": "SM" + secrets.token_hex(16), "account_sid": sid, "to": to, "from": sender, "body": body,
            "status": "queued", "error_code": None, "error_message": None, "direction": "outbound-api",
            "num_segments": str(max(1, -(-len(body) // 153))), "num_media": "0", "price": None, "price_unit": "USD",
            "date_created": now, "date_updated": now, "date_sent": None, "api_version": "2010-04-01",
            "messaging_service_sid": form.get("MessagingServiceSid"), "subresource_uris": {},
            "status_callback": form.get("StatusCallback"),
        }
        message["uri"] = f"/2010-04-01/Accounts/{sid}/Messages/{message['sid']}.json"
        stored = {**message, "received_at": datetime.now(timezone.utc).isoformat(), "callbacks": []}
        with lock:
            box = inbox[to]
            box.append(stored)
            del box[:-MAX_INBOX]
        if message["status_callback"] and fault and fault.mode == "reports-first":
            await report_delivery(stored, "delivered", at_once=True)
        elif message["status_callback"]:
            final = "undelivered" if fault and fault.mode == "undelivered" else "delivered"
            task = asyncio.get_running_loop().create_task(report_delivery(stored, final))
            pending.add(task)
            task.add_done_callback(pending.discard)
        return JSONResponse({k: v for k, v in message.items() if k != "status_callback"}, status_code=201)

    @app.get("/_stub/messages")
    async def messages(to: str = Query(min_length=3, max_length=30)):
        with lock:
            return {"messages": list(inbox.get(to, []))}

    @app.delete("/_stub/messages")
    async def clear(to: str = Query(min_length=3, max_length=30)):
        with lock:
            removed = len(inbox.pop(to, []))
            faults.pop(to, None)
        return {"removed": removed}

    @app.post("/_stub/faults", status_code=201)
    async def add_fault(fault: FaultIn):
        with lock:
            faults[fault.to].append(Fault(fault.mode, fault.count, fault.delayMs))
        return {"to": fault.to, "mode": fault.mode, "count": fault.count}

    @app.get("/_stub/faults")
    async def waiting_faults(to: str = Query(min_length=3, max_length=30)):
        # A fault leaves this list when a send consumes it: the suite waits on that, not on time.
        with lock:
            return {"to": to, "faults": [{"mode": f.mode, "count": f.count, "delayMs": f.delay_ms}
                                         for f in faults.get(to, [])]}

    @app.get("/health")
    async def health():
        return {"ok": True}

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException):
        return JSONResponse({"error": str(exc.detail), "detail": None}, status_code=exc.status_code)

    return app
