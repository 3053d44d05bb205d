"""Setting clinics up (the admin token), and the service's health."""
from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response

from .. import __version__, clinics, db, deps
from ..config import Settings
from ..deps import Tx

router = APIRouter()


@router.get("/health")
async def health(pool=Depends(deps.get_pool)):
    await db.ping(pool)
    return {"ok": True, "version": __version__}


@router.post("/api/admin/clinics", status_code=201, dependencies=[Depends(deps.admin)])
async def create_clinic(clinic: clinics.ClinicIn, tx: Tx = Depends(deps.get_tx),
                        settings: Settings = Depends(deps.get_settings)):
    async with tx(None) as conn:
        return await clinics.create(conn, clinic, settings.token_key)


@router.post("/api/admin/clinics/{org_id}/patients", status_code=201, dependencies=[Depends(deps.admin)])
async def add_patient(org_id: str, patient: clinics.PatientIn, tx: Tx = Depends(deps.get_tx)):
    async with tx(org_id) as conn:
        return await clinics.add_patient(conn, org_id, patient)


@router.get("/", include_in_schema=False)
async def root():
    return JSONResponse({"service": "reference clinic system", "docs": "/docs"})


@router.head("/health", include_in_schema=False)
async def health_head():
    return Response(status_code=200)
