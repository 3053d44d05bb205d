"""The reference clinic system's service (the contract of the design card): start-up and
shut-down, the request limits and access log, the contract's error answers, and the routes
(routes/, one router per area; the services beside them do the work)."""
from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers

from . import __version__, coverage_contexts, credentials, errors, limits, logs, redaction
from .config import Settings
from .db import create_pool, migrate, wait_for_database
from .knowledge.embeddings import embedder
from .replay import Replay
from .routes import ROUTERS
from .sms import FollowUps
from .spool import Spool
from .vapi_auth import WINDOW_S
from .vapi_memory import Memory

log = logging.getLogger("clinic.api")
DATABASE_START_S = 20  # a database started beside the service (the embedded stack) may still be starting


@asynccontextmanager
async def lifespan(app: FastAPI):
    """Shared state for the routes (reached through deps.py) and the background workers."""
    settings: Settings = app.state.settings
    logs.configure(settings.log_file)
    redaction.warm_up()
    logging.getLogger("twilio").setLevel(logging.WARNING)  # it logs request details at INFO
    # The model loads in a thread while the database is reached and migrated: start-up is
    # the longer of the two, not their sum.
    model = asyncio.ensure_future(asyncio.to_thread(embedder)) if settings.preload_model else None
    if settings.migrate_database_url:
        await wait_for_database(settings.migrate_database_url, DATABASE_START_S)
        applied = await migrate(settings.migrate_database_url, settings.service_password)
        log.info("migrations applied", extra={"event": "migrated", "applied": applied})
    app.state.pool = pool = await create_pool(settings.database_url, settings.db_pool_size)
    app.state.follow_ups = follow_ups = FollowUps(pool, settings)
    unknown = await follow_ups.mark_unknown()  # before resuming: those are never resent
    resent = await follow_ups.resume_outbox()
    spool = Spool(settings.spool_dir, settings.token_key)
    app.state.replay = replay = Replay(pool, spool, follow_ups, settings.hold_minutes)
    app.state.vapi_memory = Memory(WINDOW_S, settings.vapi_memory_lines)  # HMAC clinics' lines and deliveries, for an outage
    replayer = asyncio.get_running_loop().create_task(replay.run_forever())
    if model is not None:
        await model  # loaded once, before the first question
    log.info("clinic system ready", extra={"event": "ready", "version": __version__, "outbox_resent": resent,
                                           "outbox_unknown": unknown,
                                           "spooled": len(spool.waiting())})
    yield
    replayer.cancel()
    await follow_ups.close()
    await pool.close()


def _refuse(status: int, error: str, detail: str) -> JSONResponse:
    return JSONResponse(errors.body(error, detail), status_code=status)


def _too_large(limit: int) -> JSONResponse:
    return _refuse(413, "body too large", f"at most {limit} bytes")  # made when needed: not on every request


class BodyLimits:
    """Bounded bodies (413) and JSON nesting (422) before any handler parses them. Plain ASGI,
    not Starlette's BaseHTTPMiddleware: that costs a task and a stream per request, which was
    a large share of a claim's time under a crowd (issue 20)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        page = scope["path"].startswith("/booking/")  # the patient's page answers bad links with a plain page
        if not page and limits.control_in_url(scope["path"], scope.get("query_string", b"").decode("latin-1")):
            return await _refuse(422, "invalid input", "control characters in the address")(scope, receive, send)
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        limit, headers = limits.limit_for(scope["path"]), Headers(scope=scope)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            return await _too_large(limit)(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:  # read once, then hand the same bytes to the handler
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > limit:
                return await _too_large(limit)(scope, receive, send)
            more = message.get("more_body", False)
        payload = b"".join(chunks)
        kind = headers.get("content-type", "")
        if "json" in kind and limits.too_deep(payload):
            return await _refuse(422, "invalid input", f"JSON nested deeper than {limits.MAX_DEPTH}")(
                scope, receive, send)
        if ("json" in kind and limits.control_in_json(payload)) or (
                "urlencoded" in kind and not page and limits.control_in_form(payload)):
            return await _refuse(422, "invalid input", "control characters in the body")(scope, receive, send)
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": payload, "more_body": False}
        await self.app(scope, replay, send)


class AccessLog:
    """One log line a request: the path only (query strings carry link tokens and patient ids)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status = time.perf_counter(), 500

        async def sending(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)
        try:
            await self.app(scope, receive, sending)
        finally:
            log.info("request", extra={"event": "http", "method": scope["method"], "path": scope["path"],
                                       "status": status, "ms": round((time.perf_counter() - started) * 1000, 1)})


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="Reference clinic receptionist system", version=__version__, lifespan=lifespan)
    app.state.settings = settings
    app.state.proven = credentials.Proven()  # API keys already turned into their clinic
    errors.install(app)
    app.add_middleware(BodyLimits)
    app.add_middleware(AccessLog)  # added last, so outermost: it logs the limits' refusals too
    coverage_contexts.install(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
