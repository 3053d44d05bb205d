"""HTTP routes of the reference clinic system (the contract of the design card)."""
from __future__ import annotations

import asyncio
import hmac
import logging
import time
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone

from fastapi import Depends, FastAPI, Form, Header, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from . import __version__, booking, calls, clinics, credentials, delivery, errors, limits, logs, slots, vapi
from .config import Settings
from .db import DB_DOWN, clinic_tx, create_pool, migrate
from .errors import ApiError, invalid, unauthorized
from .knowledge import store
from .knowledge.embeddings import embedder
from .sms import FollowUps
from .spool import Spool, SpoolFull

log = logging.getLogger("clinic.api")
ID = Field(min_length=1, max_length=80)


class ClaimIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    orgId: str | None = Field(default=None, max_length=80)
    slotTime: str = Field(max_length=40)
    patientId: str = ID
    callId: str | None = Field(default=None, max_length=80)
    timestamp: int | float | str | None = None  # the plan's clients send it; it decides nothing


class FollowUpIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    callId: str = ID
    orgId: str | None = Field(default=None, max_length=80)
    patientId: str | None = Field(default=None, max_length=80)


class CompleteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=10, max_length=600)
    callId: str = ID
    slotTime: str | None = Field(default=None, max_length=40)


class AskIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    orgId: str | None = Field(default=None, max_length=80)
    question: str = Field(min_length=1, max_length=1000)


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        logs.configure(settings.log_file)
        logging.getLogger("twilio").setLevel(logging.WARNING)  # it logs request details at INFO
        if settings.migrate_database_url:
            applied = await migrate(settings.migrate_database_url, settings.service_password)
            log.info("migrations applied", extra={"event": "migrated", "applied": applied})
        app.state.pool = await create_pool(settings.database_url)
        app.state.sms = FollowUps(app.state.pool, settings)
        resent = await app.state.sms.resume_outbox()
        app.state.spool = Spool(settings.spool_dir, settings.token_key)
        app.state.spool_wake = asyncio.Event()
        replayer = asyncio.get_running_loop().create_task(replay_spool())
        await asyncio.to_thread(embedder)  # load the model once, before the first question
        log.info("clinic system ready", extra={"event": "ready", "version": __version__, "outbox_resent": resent,
                                               "spooled": len(app.state.spool.waiting())})
        yield
        replayer.cancel()
        await app.state.sms.close()
        await app.state.pool.close()

    app = FastAPI(title="Reference clinic receptionist system", version=__version__, lifespan=lifespan)
    errors.install(app)

    @app.middleware("http")
    async def body_limits(request: Request, call_next):
        if request.method in ("POST", "PUT", "PATCH"):
            limit = limits.limit_for(request.url.path)
            length = request.headers.get("content-length", "")
            if length.isdigit() and int(length) > limit:
                return JSONResponse(errors.body("body too large", f"at most {limit} bytes"), status_code=413)
            payload = await request.body()  # read once; starlette hands the same bytes to the handler
            if len(payload) > limit:
                return JSONResponse(errors.body("body too large", f"at most {limit} bytes"), status_code=413)
            if "json" in request.headers.get("content-type", "") and limits.too_deep(payload):
                return JSONResponse(errors.body("invalid input", f"JSON nested deeper than {limits.MAX_DEPTH}"),
                                    status_code=422)
        return await call_next(request)

    @app.middleware("http")
    async def access_log(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        # The path only: query strings carry link tokens and patient ids.
        log.info("request", extra={"event": "http", "method": request.method, "path": request.url.path,
                                   "status": response.status_code,
                                   "ms": round((time.perf_counter() - started) * 1000, 1)})
        return response

    def tx(org_id: str | None):
        return clinic_tx(app.state.pool, org_id)

    # --- credentials -------------------------------------------------------------------
    async def lookup(function: str, secret: str | None) -> str:
        if not secret or len(secret) > 200:
            raise unauthorized()
        # One statement outside a transaction: the definer function needs no clinic set.
        org_id = await app.state.pool.fetchval(f"SELECT {function}($1)", credentials.digest(secret))
        if org_id is None:
            raise unauthorized()
        return org_id

    async def api_clinic(request: Request, authorization: str | None = Header(default=None)) -> str:
        request.state.org_id = await lookup("clinic_for_api_key", credentials.bearer(authorization))
        return request.state.org_id

    def admin(authorization: str | None = Header(default=None)) -> None:
        given = credentials.bearer(authorization) or ""
        if not hmac.compare_digest(given.encode(), settings.admin_token.encode()):
            raise unauthorized()

    async def same_clinic(claimed: str | None, org_id: str, request: Request) -> None:
        """A body or query orgId naming another clinic: 403, written to that clinic's audit log."""
        if claimed is None or claimed == org_id:
            return
        async with tx(org_id) as conn:
            await conn.execute("SELECT audit_denial($1, 'denied:org-mismatch', $2)", claimed,
                               {"byClinic": org_id, "path": request.url.path})
        log.warning("cross-clinic attempt refused", extra={"event": "denied", "org_id": org_id,
                                                            "path": request.url.path})
        raise ApiError(403, "forbidden", "orgId does not match the credential's clinic")

    async def now(conn) -> datetime:
        return await conn.fetchval("SELECT now()")

    # --- health and admin ----------------------------------------------------------------
    @app.get("/health")
    async def health():
        async with tx(None) as conn:
            await conn.fetchval("SELECT 1")
        return {"ok": True, "version": __version__}

    @app.post("/api/admin/clinics", status_code=201, dependencies=[Depends(admin)])
    async def create_clinic(clinic: clinics.ClinicIn):
        async with tx(None) as conn:
            return await clinics.create(conn, clinic)

    @app.post("/api/admin/clinics/{org_id}/patients", status_code=201, dependencies=[Depends(admin)])
    async def add_patient(org_id: str, patient: clinics.PatientIn):
        async with tx(org_id) as conn:
            return await clinics.add_patient(conn, org_id, patient)

    # --- calls -----------------------------------------------------------------------------
    @app.post("/api/vapi/calls/initiate", status_code=201)
    async def initiate(call: calls.CallIn, request: Request, org_id: str = Depends(api_clinic)):
        await same_clinic(call.orgId, org_id, request)
        async with tx(org_id) as conn:
            return await calls.start(conn, org_id, call)

    @app.get("/api/calls/{call_id}")
    async def call_detail(call_id: str, org_id: str = Depends(api_clinic)):
        async with tx(org_id) as conn:
            call = await calls.get(conn, call_id)
            hold = await booking.active_hold(conn, call_id)
            return {
                "callId": call["id"], "status": call["status"], "reason": call["reason"],
                "bookingStatus": call["booking_status"], "transcriptPreview": call["transcript_preview"],
                "slotHeldUntil": hold["held_until"].isoformat() if hold else None,
                "history": await calls.history(conn, call_id),
            }

    async def vapi_message(org_id: str, kind: str, message: dict, report: vapi.EndOfCall | None):
        if report is not None:
            return await store_end_of_call(org_id, report)
        if kind == "tool-calls":
            return {"results": await run_tools(org_id, vapi.call_id_of(message), vapi.tool_calls(message))}
        if kind == "status-update":
            update = vapi.status_update(message)
            async with tx(org_id) as conn:
                return await calls.status_update(conn, update.call_id, update.status)
        return {"ignored": kind}  # Vapi sends many message types; the others need nothing from us

    async def store_end_of_call(org_id: str, report: vapi.EndOfCall) -> dict:
        async with tx(org_id) as conn:
            outcome = await calls.end(conn, org_id, report, settings.hold_minutes)
        if outcome["messageId"]:
            app.state.sms.schedule(org_id, outcome["messageId"])
        return {"callId": report.call_id, "status": outcome["status"], "duplicate": outcome["outcome"] == "duplicate"}

    async def vapi_entry(request: Request, authorization: str | None, x_vapi_secret: str | None):
        secret = x_vapi_secret or credentials.bearer(authorization)
        if not secret or len(secret) > 200:
            raise unauthorized()
        try:
            payload = await request.json()
        except ValueError:
            raise invalid("body is not JSON") from None
        kind, message = vapi.message_of(payload)
        report = vapi.end_of_call(message) if kind == "end-of-call-report" else None  # 422 before anything else
        try:
            org_id = request.state.org_id = await lookup("clinic_for_webhook_secret", secret)
            return await vapi_message(org_id, kind, message, report)
        except DB_DOWN:
            if report is None:
                raise
            # Vapi will not send this report again: keep it (encrypted) and store it later.
            try:
                app.state.spool.put(credentials.digest(secret), payload)
            except SpoolFull:
                raise ApiError(503, "service unavailable", "the database is down and the spool is full") from None
            app.state.spool_wake.set()
            log.warning("end-of-call report spooled", extra={"event": "report_spooled", "call_id": report.call_id})
            return JSONResponse({"callId": report.call_id, "accepted": True, "stored": False}, status_code=202)

    async def replay_spool() -> None:
        """Stores spooled reports once the database answers again; runs for the service's life."""
        delay = 0.1
        while True:
            waiting = app.state.spool.waiting()
            if not waiting:
                app.state.spool_wake.clear()
                try:
                    await asyncio.wait_for(app.state.spool_wake.wait(), timeout=5)
                except asyncio.TimeoutError:
                    pass
                continue
            try:
                for path in waiting:
                    await replay(path)
                delay = 0.1
            except DB_DOWN:
                await asyncio.sleep(delay)
                delay = min(delay * 2, 1.0)

    async def replay(path) -> None:
        item = app.state.spool.read(path)
        if item is None:
            path.rename(path.with_suffix(".damaged"))  # kept for a person, never retried
            log.error("spooled report unreadable", extra={"event": "spool_damaged", "file": path.name})
            return
        async with tx(None) as conn:
            org_id = await conn.fetchval("SELECT clinic_for_webhook_secret($1)", item["digest"])
        if org_id is None:
            app.state.spool.remove(path)
            log.warning("spooled report had no valid secret", extra={"event": "spool_unauthorised"})
            return
        report = vapi.end_of_call(vapi.message_of(item["body"])[1])
        report.ended_at = report.ended_at or datetime.fromtimestamp(item["receivedAt"], timezone.utc)
        try:
            outcome = await store_end_of_call(org_id, report)
        except ApiError as refused:  # e.g. a call that does not exist: it never will
            log.warning("spooled report refused", extra={"event": "spool_refused", "status": refused.status})
        else:
            log.info("spooled report stored", extra={"event": "spool_stored", "call_id": report.call_id,
                                                     "duplicate": outcome["duplicate"]})
        app.state.spool.remove(path)

    async def run_tools(org_id: str, call_id: str, tool_calls: list[vapi.ToolCall]) -> list[dict]:
        results = []
        for tool in tool_calls:
            async with tx(org_id) as conn:
                await calls.get(conn, call_id)
                first = await conn.fetchval(
                    "INSERT INTO tool_calls (org_id, tool_call_id, call_id, name) VALUES ($1, $2, $3, $4)"
                    " ON CONFLICT DO NOTHING RETURNING true", org_id, tool.id, call_id, tool.name)
                if not first:  # the same tool call again: replay the first answer, do nothing twice
                    result = await conn.fetchval("SELECT result FROM tool_calls WHERE org_id = $1 AND tool_call_id = $2",
                                                 org_id, tool.id)
                else:
                    result = await run_tool(conn, org_id, call_id, tool)
                    await conn.execute("UPDATE tool_calls SET result = $3 WHERE org_id = $1 AND tool_call_id = $2",
                                       org_id, tool.id, result)
            results.append({"toolCallId": tool.id, "name": tool.name, "result": result})
        return results

    async def run_tool(conn, org_id: str, call_id: str, tool: vapi.ToolCall) -> str:
        if tool.name == "select_slot":
            return await calls.select_slot(conn, org_id, call_id, tool.arguments.get("slotTime"), settings.hold_minutes)
        if tool.name == "check_availability":
            offers = await availability_list(conn, org_id, tool.arguments.get("from"), 3)
            return "I have " + ", ".join(o["label"] for o in offers) + "." if offers else "I have no free times then."
        if tool.name == "claim_slot":
            hours = await clinics.hours(conn, org_id)
            when = booking.requested_time(tool.arguments.get("slotTime"), hours, await now(conn))
            try:
                async with conn.transaction():
                    await claim(conn, org_id, hours, when, tool.arguments.get("patientId"), call_id)
            except ApiError as refusal:
                if refusal.status != 409:
                    raise
                return refusal.extra["agentReply"]
            return booking.booked_line(hours, when)
        if tool.name == "ask_knowledge_base":
            return (await store.ask(conn, org_id, tool.arguments.get("question"), embedder()))["answer"]
        if tool.name == "find_doctor":
            return await clinics.doctor_reply(conn, org_id, tool.arguments.get("name"))
        raise invalid([{"loc": "toolCallList.name", "msg": f"unknown tool {tool.name}"}])

    @app.post("/api/vapi/webhook")
    async def vapi_webhook(request: Request, authorization: str | None = Header(default=None),
                           x_vapi_secret: str | None = Header(default=None)):
        return await vapi_entry(request, authorization, x_vapi_secret)

    @app.post("/api/vapi/webhook/end-of-call")
    async def vapi_end_of_call(request: Request, authorization: str | None = Header(default=None),
                               x_vapi_secret: str | None = Header(default=None)):
        return await vapi_entry(request, authorization, x_vapi_secret)

    # --- booking ---------------------------------------------------------------------------
    async def availability_list(conn, org_id: str, start_text, limit: int) -> list[dict]:
        hours = await clinics.hours(conn, org_id)
        current = await now(conn)
        start = vapi.parse_time(start_text, "from") if start_text else current
        free = await slots.free_times(conn, org_id, hours, max(start, current), slots.horizon(current))
        return [{"slotTime": t.isoformat(), "label": slots.label(t, hours.tz)} for t in free[:limit]]

    @app.get("/api/booking/availability")
    async def availability(request: Request, org_id: str = Depends(api_clinic),
                           orgId: str | None = Query(default=None, max_length=80),
                           from_: str | None = Query(default=None, alias="from", max_length=40),
                           limit: int = Query(default=10, ge=1, le=200)):
        await same_clinic(orgId, org_id, request)
        async with tx(org_id) as conn:
            return {"slots": await availability_list(conn, org_id, from_, limit)}

    async def claim(conn, org_id: str, hours, when, patient_id, call_id) -> None:
        if patient_id is not None:
            await clinics.patient(conn, patient_id)
        call = await calls.get(conn, call_id, lock=True) if call_id else None
        await booking.book(conn, org_id, hours, when, await now(conn), call_id, patient_id)
        if call and call["status"] == "in-progress":
            await conn.execute("UPDATE calls SET status = 'booked', booking_status = 'booked', selected_slot = $2 "
                               "WHERE id = $1", call_id, when)

    @app.post("/api/booking/claim-slot")
    async def claim_slot(body: ClaimIn, request: Request, org_id: str = Depends(api_clinic)):
        await same_clinic(body.orgId, org_id, request)
        async with tx(org_id) as conn:
            hours = await clinics.hours(conn, org_id)
            when = booking.requested_time(body.slotTime, hours, await now(conn))
            await claim(conn, org_id, hours, when, body.patientId, body.callId)
        log.info("slot booked", extra={"event": "slot_booked", "org_id": org_id, "call_id": body.callId})
        return {"slotBooked": True, "slotTime": when.isoformat(), "label": slots.label(when, hours.tz),
                "patientId": body.patientId, "callId": body.callId, "agentReply": booking.booked_line(hours, when)}

    def link_clinic(token: str, call_id: str) -> str:
        try:
            return credentials.verify_resume_token(settings.token_key, token, call_id)
        except credentials.BadToken:
            raise unauthorized("the link is not valid") from None

    @app.get("/api/booking/resume")
    async def resume(token: str = Query(max_length=600), callId: str = Query(max_length=80)):
        org_id = link_clinic(token, callId)
        async with tx(org_id) as conn:
            call = await calls.get(conn, callId)
            hours = await clinics.hours(conn, org_id)
            current = await now(conn)
            if call["status"] == "booked":
                raise errors.conflict("already booked", "this booking has been completed")
            hold = await booking.active_hold(conn, callId)
            original = call["selected_slot"]
            answer = {"callId": callId, "originalSlot": slots.label(original, hours.tz) if original else None,
                      "slotTime": original.isoformat() if original else None}
            if hold is not None and hold["live"]:
                return {**answer, "slotHeld": True, "heldUntil": hold["held_until"].isoformat(),
                        "action": "customer can complete booking directly"}
            offers = await original_first(conn, org_id, hours, original, current)
            return {**answer, "slotHeld": False, "heldUntil": None, "alternatives": offers,
                    "action": "the hold has ended: choose one of the alternatives"}

    async def original_first(conn, org_id, hours, original, current) -> list[dict]:
        """After a hold ends, the original time is offered first if it is still free."""
        wanted = original if original and original > current else current
        offers = await booking.alternatives(conn, org_id, hours, wanted, current)
        if original and original > current:
            free = await slots.free_times(conn, org_id, hours, original, original + timedelta(minutes=1))
            if free:
                offers = [{"slotTime": original.isoformat(), "label": slots.label(original, hours.tz)}, *offers]
        return offers

    @app.post("/api/booking/complete")
    async def complete(body: CompleteIn):
        org_id = link_clinic(body.token, body.callId)
        async with tx(org_id) as conn:
            call = await calls.get(conn, body.callId, lock=True)
            if call["status"] != "follow-up-sent":
                raise errors.conflict("cannot complete", f"the call is {call['status']}")
            hours = await clinics.hours(conn, org_id)
            current = await now(conn)
            hold = await booking.active_hold(conn, body.callId)
            if body.slotTime is None:
                if hold is None or not hold["live"]:
                    offers = await original_first(conn, org_id, hours, call["selected_slot"], current)
                    raise errors.conflict("hold expired", "the held time is no longer reserved", alternatives=offers)
                when = hold["slot_time"]
            else:
                when = booking.requested_time(body.slotTime, hours, current)
            await booking.book(conn, org_id, hours, when, current, body.callId, call["patient_id"])
            await conn.execute("UPDATE calls SET status = 'booked', booking_status = 'booked', selected_slot = $2 "
                               "WHERE id = $1", body.callId, when)
        return {"booked": True, "slotTime": when.isoformat(), "label": slots.label(when, hours.tz),
                "callId": body.callId}

    # --- texts -------------------------------------------------------------------------------
    @app.post("/api/sms/send-followup", status_code=202)
    async def send_follow_up(body: FollowUpIn, request: Request, org_id: str = Depends(api_clinic)):
        await same_clinic(body.orgId, org_id, request)
        async with tx(org_id) as conn:
            call = await calls.get(conn, body.callId)
            if body.patientId is not None and body.patientId != call["patient_id"]:
                raise errors.not_found("patient", body.patientId)
            message = await conn.fetchrow("SELECT id, status FROM sms_messages WHERE call_id = $1 "
                                          "AND kind = 'follow-up'", body.callId)
            if message is None:
                raise errors.conflict("no follow-up for this call", f"the call is {call['status']}, not abandoned")
        if message["status"] in ("queued", "pending"):
            await app.state.sms.deliver(org_id, str(message["id"]))
        async with tx(org_id) as conn:
            row = await conn.fetchrow("SELECT * FROM sms_messages WHERE id = $1", message["id"])
        return {"messageId": str(row["id"]), **message_view(row)}

    def message_view(row) -> dict:
        return {"sent": row["status"] in ("sent", "delivered"), "to": logs.mask_phone(row["to_number"]),
                "message": row["body"], "sentAt": row["sent_at"].isoformat() if row["sent_at"] else None,
                "status": row["status"], "callId": row["call_id"]}

    @app.post("/api/sms/status", status_code=204)
    async def sms_status(request: Request, x_twilio_signature: str | None = Header(default=None)):
        form = await request.form()
        params = {k: v for k, v in form.items() if isinstance(v, str)}
        url = f"{settings.public_url}/api/sms/status"
        if not delivery.signed(settings.sms_auth_token, url, params, x_twilio_signature):
            log.warning("unsigned delivery report refused", extra={"event": "denied", "path": request.url.path})
            raise unauthorized("the delivery report is not signed by the provider")
        sid, status = params.get("MessageSid", ""), params.get("MessageStatus", "")
        if not sid or len(sid) > 64 or status not in delivery.PROGRESS:
            raise invalid([{"loc": "MessageSid/MessageStatus", "msg": "a message id and a known status"}])
        org_id = await app.state.pool.fetchval("SELECT clinic_for_message($1)", sid)
        if org_id is None:
            raise errors.not_found("message")
        async with tx(org_id) as conn:
            moved = await delivery.record(conn, sid, status, params.get("ErrorCode") or None)
        log.info("delivery report", extra={"event": "delivery_report", "status": status, "duplicate": not moved})
        return Response(status_code=204)

    @app.get("/api/sms/history")
    async def sms_history(request: Request, org_id: str = Depends(api_clinic),
                          orgId: str | None = Query(default=None, max_length=80),
                          patientId: str = Query(min_length=1, max_length=80),
                          limit: int = Query(default=10, ge=1, le=100)):
        await same_clinic(orgId, org_id, request)
        async with tx(org_id) as conn:
            await clinics.patient(conn, patientId)
            rows = await conn.fetch("SELECT * FROM sms_messages WHERE patient_id = $1 "
                                    "ORDER BY created_at DESC, id LIMIT $2", patientId, limit)
        return {"messages": [message_view(r) for r in rows]}

    # --- knowledge base ------------------------------------------------------------------------
    @app.post("/api/kb/documents", status_code=201)
    async def upload_document(request: Request, file: UploadFile, org_id: str = Depends(api_clinic),
                              orgId: str | None = Form(default=None, max_length=80)):
        await same_clinic(orgId, org_id, request)
        data = await file.read(store.MAX_PDF_BYTES + 1)
        async with tx(org_id) as conn:
            return await store.add_document(conn, org_id, file.filename or "document.pdf", data, embedder())

    @app.post("/api/assistant/ask")
    async def ask(body: AskIn, request: Request, org_id: str = Depends(api_clinic)):
        await same_clinic(body.orgId, org_id, request)
        async with tx(org_id) as conn:
            return await store.ask(conn, org_id, body.question, embedder())

    @app.get("/api/clinics/{org_id}/doctors")
    async def clinic_doctors(org_id: str, request: Request, clinic: str = Depends(api_clinic)):
        await same_clinic(org_id, clinic, request)
        async with tx(clinic) as conn:
            return {"doctors": await clinics.doctors(conn, clinic)}

    @app.get("/", include_in_schema=False)
    async def root():
        return JSONResponse({"service": "reference clinic system", "docs": "/docs"})

    @app.head("/health", include_in_schema=False)
    async def health_head():
        return Response(status_code=200)

    return app
