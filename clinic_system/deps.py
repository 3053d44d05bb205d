"""What route handlers get from the running service, as FastAPI dependencies: the state the
lifespan put on `app.state`, a transaction helper, and the credential checks. The dependencies are
`async def`: FastAPI runs a plain `def` dependency in a worker thread, a hand-off per
request that showed in a crowd's claim times (issue 20). The clinic
always comes from the credential, never from the body (pinned decision 3)."""
from __future__ import annotations

import hmac
import logging
from contextlib import AbstractAsyncContextManager
from typing import Callable

from fastapi import Header, Request

from . import clinics, credentials, vapi_auth
from .config import Settings
from .db import clinic_tx
from .errors import ApiError, unauthorized
from .replay import Replay
from .sms import FollowUps

log = logging.getLogger("clinic.api")

Tx = Callable[[str | None], AbstractAsyncContextManager]


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_pool(request: Request):
    return request.app.state.pool


async def get_follow_ups(request: Request) -> FollowUps:
    return request.app.state.follow_ups


async def get_replay(request: Request) -> Replay:
    """The end-of-call spool and the worker that stores what it keeps."""
    return request.app.state.replay


async def get_tx(request: Request) -> Tx:
    """tx(org_id): a transaction that sees only that clinic's rows (None: no clinic yet)."""
    pool = request.app.state.pool
    return lambda org_id: clinic_tx(pool, org_id)


async def api_clinic(request: Request, authorization: str | None = Header(default=None)) -> str:
    """The clinic of the API key (Bearer). Kept on the request: a refusal naming another
    clinic's id is written to that clinic's audit log (errors.install)."""
    request.state.org_id = await credentials.clinic_of(request.app.state.pool, "clinic_for_api_key",
                                                       credentials.bearer(authorization), request.app.state.proven)
    return request.state.org_id


async def admin(request: Request, authorization: str | None = Header(default=None)) -> None:
    given = credentials.bearer(authorization) or ""
    if not hmac.compare_digest(given.encode(), request.app.state.settings.admin_token.encode()):
        raise unauthorized()


async def vapi_credential(request: Request) -> vapi_auth.Presented:
    """Vapi's credential headers, present before the body is read (401 when none is); whose they
    are, vapi_clinic tells once the body has been checked (a malformed body is 422 first)."""
    return vapi_auth.presented(request.headers)


async def vapi_clinic(request: Request, settings: Settings, shown: vapi_auth.Presented, raw: bytes,
                      message: dict) -> str | None:
    request.state.org_id = await vapi_auth.clinic_of(request.app.state.pool, settings.token_key, shown, raw, message,
                                                     request.app.state.vapi_memory)
    return request.state.org_id


def link_clinic(settings: Settings, token: str, call_id: str) -> str:
    """The clinic of a resume link: its signed token is the patient's only credential."""
    try:
        return credentials.verify_resume_token(settings.token_key, token, call_id)
    except credentials.BadToken:
        raise unauthorized("the link is not valid") from None


async def same_clinic(claimed: str | None, org_id: str, request: Request) -> None:
    """A body or query orgId naming another clinic: 403, written to that clinic's audit log."""
    if claimed is None or claimed == org_id:
        return
    async with clinic_tx(request.app.state.pool, org_id) as conn:
        await clinics.audit_denial(conn, claimed, org_id, request.url.path)
    log.warning("cross-clinic attempt refused", extra={"event": "denied", "org_id": org_id,
                                                        "path": request.url.path})
    raise ApiError(403, "forbidden", "orgId does not match the credential's clinic")
