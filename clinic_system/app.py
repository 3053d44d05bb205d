"""The reference clinic system's service (the contract of the design card): start-up and
shut-down, the request limits and access log, the contract's error answers, and the routes
(routes/, one router per area; the services beside them do the work)."""
from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from . import __version__, errors, limits, logs
from .config import Settings
from .db import create_pool, migrate
from .knowledge.embeddings import embedder
from .replay import Replay
from .routes import ROUTERS
from .sms import FollowUps
from .spool import Spool

log = logging.getLogger("clinic.api")


@asynccontextmanager
async def lifespan(app: FastAPI):
    """Shared state for the routes (reached through deps.py) and the background workers."""
    settings: Settings = app.state.settings
    logs.configure(settings.log_file)
    logging.getLogger("twilio").setLevel(logging.WARNING)  # it logs request details at INFO
    if settings.migrate_database_url:
        applied = await migrate(settings.migrate_database_url, settings.service_password)
        log.info("migrations applied", extra={"event": "migrated", "applied": applied})
    app.state.pool = pool = await create_pool(settings.database_url)
    app.state.follow_ups = follow_ups = FollowUps(pool, settings)
    unknown = await follow_ups.mark_unknown()  # before resuming: those are never resent
    resent = await follow_ups.resume_outbox()
    spool = Spool(settings.spool_dir, settings.token_key)
    app.state.replay = replay = Replay(pool, spool, follow_ups, settings.hold_minutes)
    replayer = asyncio.get_running_loop().create_task(replay.run_forever())
    await asyncio.to_thread(embedder)  # load the model once, before the first question
    log.info("clinic system ready", extra={"event": "ready", "version": __version__, "outbox_resent": resent,
                                           "outbox_unknown": unknown,
                                           "spooled": len(spool.waiting())})
    yield
    replayer.cancel()
    await follow_ups.close()
    await pool.close()


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


async def access_log(request: Request, call_next):
    started = time.perf_counter()
    response = await call_next(request)
    # The path only: query strings carry link tokens and patient ids.
    log.info("request", extra={"event": "http", "method": request.method, "path": request.url.path,
                               "status": response.status_code,
                               "ms": round((time.perf_counter() - started) * 1000, 1)})
    return response


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="Reference clinic receptionist system", version=__version__, lifespan=lifespan)
    app.state.settings = settings
    errors.install(app)
    app.middleware("http")(body_limits)
    app.middleware("http")(access_log)  # added last, so outermost: it logs the limits' refusals too
    for router in ROUTERS:
        app.include_router(router)
    return app
