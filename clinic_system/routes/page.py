"""The patient's page behind the text's link (pinned decision 20): GET shows the held time or
the alternatives, POST books. HTML for a phone, no script, nothing from outside the system;
every refusal is a plain page, never the JSON error or a 500."""
from __future__ import annotations

import logging
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import credentials, deps, patient_page
from ..config import Settings
from ..deps import Tx
from ..errors import ApiError

log = logging.getLogger("clinic.page")
router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
pages = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
MAX_FIELD = 600
# No script at all; styles only from the system itself; the form posts only to itself; the
# link's token must not leak through a Referer.
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                      "frame-ancestors 'none'; base-uri 'none'",
           "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


def render(view: patient_page.View, **extra) -> HTMLResponse:
    html = pages.get_template(view.template).render(view=view, **extra)
    return HTMLResponse(html, status_code=view.status, headers=HEADERS)


def refusal(template: str, status: int) -> HTMLResponse:
    return render(patient_page.View(template, status=status))


def _link(settings: Settings, token, call_id) -> str | None:
    """The clinic of a well-formed, genuine link; None for anything else."""
    if not isinstance(token, str) or not isinstance(call_id, str) or not token or not call_id \
            or len(token) > MAX_FIELD or len(call_id) > 80:
        return None
    try:
        return credentials.verify_resume_token(settings.token_key, token, call_id)
    except credentials.BadToken:
        return None


@router.get("/booking/resume")
async def show(request: Request, settings: Settings = Depends(deps.get_settings), tx: Tx = Depends(deps.get_tx)):
    token, call_id = request.query_params.get("token"), request.query_params.get("callId")
    org_id = _link(settings, token, call_id)
    if org_id is None:
        return refusal("invalid.html", 401)
    try:
        async with tx(org_id) as conn:
            view = await patient_page.view(conn, org_id, call_id)
    except ApiError as refused:  # a genuine link whose call is gone: as plain as a forged one
        log.warning("link refused", extra={"event": "link_refused", "status": refused.status})
        return refusal("invalid.html", 404)
    cookie = request.cookies.get(patient_page.COOKIE) or patient_page.new_form_key()
    response = render(view, token=token, call_id=call_id,
                      proof=patient_page.form_proof(settings.token_key, cookie, call_id))
    response.set_cookie(patient_page.COOKIE, cookie, httponly=True, samesite="strict", path="/booking",
                        secure=settings.public_url.startswith("https://"))
    return response


@router.post("/booking/resume")
async def book(request: Request, settings: Settings = Depends(deps.get_settings), tx: Tx = Depends(deps.get_tx)):
    try:
        form = await request.form()
    except Exception:  # not a form at all
        return refusal("invalid.html", 400)
    token, call_id, slot_time = form.get("token"), form.get("callId"), form.get("slotTime")
    org_id = _link(settings, token, call_id)
    if org_id is None or (slot_time is not None and (not isinstance(slot_time, str) or len(slot_time) > 40)):
        return refusal("invalid.html", 401)
    if not patient_page.proof_holds(settings.token_key, request.cookies.get(patient_page.COOKIE), call_id,
                                    form.get("proof") if isinstance(form.get("proof"), str) else None):
        log.warning("booking form refused", extra={"event": "denied", "path": request.url.path})
        return refusal("form-expired.html", 403)
    try:
        async with tx(org_id) as conn:
            view = await patient_page.book(conn, org_id, call_id, slot_time)
    except ApiError as refused:
        if refused.status == 409:  # booked already, or the time went meanwhile: show the link's page again
            async with tx(org_id) as conn:
                view = await patient_page.view(conn, org_id, call_id)
            return render(view, token=token, call_id=call_id, proof=form.get("proof"),
                          notice="That time could not be booked." if view.template != "already.html" else "")
        return refusal("invalid.html", 404 if refused.status == 404 else 400)
    return render(view)


@router.get("/booking/page.css")
async def stylesheet():
    return Response((TEMPLATES / "page.css").read_text(), media_type="text/css",
                    headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"})
