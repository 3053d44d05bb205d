"""The contract's error answers: every 4xx carries {"error", "detail"}; never a 500 for bad input."""
from __future__ import annotations

import logging

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("clinic.errors")


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail=None, **extra):
        super().__init__(error)
        self.status, self.error, self.detail, self.extra = status, error, detail, extra
        self.audit: tuple[str, str] | None = None  # (kind, id) to check for another clinic's id


def unauthorized(detail: str = "missing or invalid credential") -> ApiError:
    return ApiError(401, "unauthorized", detail)


def not_found(what: str, ref: str | None = None) -> ApiError:
    """404, the same whether the id does not exist or belongs to another clinic; in the
    second case the attempt is written to that clinic's audit log (see install)."""
    error = ApiError(404, f"{what} not found", None)
    if ref is not None:
        error.audit = (what, ref)
    return error


def invalid(detail) -> ApiError:
    return ApiError(422, "invalid input", detail)


def conflict(error: str, detail=None, **extra) -> ApiError:
    return ApiError(409, error, detail, **extra)


def body(error: str, detail=None, **extra) -> dict:
    return {"error": error, "detail": detail, **extra}


def _safe_validation_detail(exc: RequestValidationError) -> list[dict]:
    # Never echo the input back: it may hold a patient's data or a secret.
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()]


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        by_org = getattr(request.state, "org_id", None)
        if exc.audit and by_org:
            try:  # its own transaction: the request's was rolled back with the refusal
                await request.app.state.pool.execute("SELECT audit_foreign_reference($1, $2, $3)", *exc.audit, by_org)
            except Exception as failure:  # the refusal stands even if the audit cannot be written
                log.error("audit failed", extra={"event": "audit_failed", "kind": type(failure).__name__})
        return JSONResponse(body(exc.error, exc.detail, **exc.extra), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError):
        return JSONResponse(body("invalid input", _safe_validation_detail(exc)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException):
        text = {404: "not found", 405: "method not allowed"}.get(exc.status_code, str(exc.detail))
        return JSONResponse(body(text, None), status_code=exc.status_code)

    @app.exception_handler(asyncpg.PostgresConnectionError)
    @app.exception_handler(asyncpg.OperatorInterventionError)
    @app.exception_handler(asyncpg.InterfaceError)
    @app.exception_handler(asyncpg.InternalClientError)
    @app.exception_handler(asyncpg.TooManyConnectionsError)
    @app.exception_handler(TimeoutError)
    @app.exception_handler(OSError)
    async def _db_down(request: Request, exc: Exception):  # the same kinds as db.DB_DOWN
        log.warning("database unavailable", extra={"event": "db_unavailable", "kind": type(exc).__name__})
        request.app.state.pool.expire_connections()  # nothing keeps failing on a dead connection
        return JSONResponse(body("service unavailable", "the database cannot be reached"), status_code=503)

    @app.exception_handler(asyncpg.PostgresError)
    async def _database_refused(request: Request, exc: asyncpg.PostgresError):
        # The database is the one place the rules live: an illegal call move, a write row-level
        # security refuses. Refused and logged, never a 500.
        if exc.sqlstate == "P0409":
            log.warning("illegal call move refused", extra={"event": "illegal_move", "path": request.url.path})
            return JSONResponse(body("illegal state change", "the call cannot make that move"), status_code=409)
        if exc.sqlstate == "42501":
            log.warning("write refused by the database", extra={"event": "denied", "path": request.url.path})
            return JSONResponse(body("forbidden", "refused by the clinic's data rules"), status_code=403)
        log.error("database error", extra={"event": "database_error", "kind": type(exc).__name__,
                                           "code": exc.sqlstate, "path": request.url.path})
        return JSONResponse(body("internal error", None), status_code=500)

    @app.exception_handler(RecursionError)
    async def _too_deep(_: Request, exc: RecursionError):
        return JSONResponse(body("invalid input", "nested too deeply"), status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.error("unexpected error", extra={"event": "unexpected_error", "kind": type(exc).__name__,
                                             "path": request.url.path})
        return JSONResponse(body("internal error", None), status_code=500)
