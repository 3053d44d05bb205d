"""Clinics, their doctors and patients: set up through the admin API."""
from __future__ import annotations

import re
import secrets
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import asyncpg
from pydantic import ConfigDict, Field, field_validator

from . import credentials
from .errors import conflict, invalid, not_found
from .limits import Plain
from .slots import DAYS, HORIZON_DAYS, HORIZON_MAX_DAYS, Hours

PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{6,22}$")


def normalise_phone(value: str) -> str:
    if not PHONE.match(value):
        raise ValueError("not a phone number")
    digits = re.sub(r"\D", "", value)
    if not 7 <= len(digits) <= 15:
        raise ValueError("not a phone number")
    return "+" + digits


class DoctorIn(Plain):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=80)
    title: str = Field(default="Dr.", max_length=20)
    pronoun: str = Field(default="them", max_length=20)
    specialty: str = Field(min_length=1, max_length=80)


class StaffIn(Plain):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=80)
    role: str | None = Field(default=None, max_length=80)


VAPI_ID = r"^[A-Za-z0-9_.:-]{1,120}$"


class VapiIn(Plain):
    """How the clinic's voice line signs its messages, and the Vapi assistant and number it owns."""
    model_config = ConfigDict(extra="forbid")
    auth: Literal["secret", "bearer", "hmac"] = "secret"
    assistantId: str | None = Field(default=None, pattern=VAPI_ID)
    phoneNumberId: str | None = Field(default=None, pattern=VAPI_ID)


class ClinicIn(Plain):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120)
    timezone: str = Field(min_length=1, max_length=60)
    doctors: list[DoctorIn] = Field(default_factory=list, max_length=50)
    openingHours: dict[str, list[str]]
    # Optional facts the redactor keeps (pinned decision 23): callers say them, they are not theirs.
    website: str | None = Field(default=None, max_length=200, pattern=r"^[^\s]+\.[^\s]+$")
    staff: list[StaffIn] = Field(default_factory=list, max_length=200)
    vapi: VapiIn = Field(default_factory=VapiIn)
    # How far ahead it takes bookings, in days; absent: the service's default (slots.HORIZON_DAYS).
    bookingHorizonDays: int | None = Field(default=None, ge=1, le=HORIZON_MAX_DAYS, strict=True)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("unknown timezone") from None
        return value

    @field_validator("openingHours")
    @classmethod
    def _hours(cls, value: dict) -> dict:
        for day, span in value.items():
            if day not in DAYS:
                raise ValueError(f"days are {', '.join(DAYS)}")
            if len(span) != 2 or not all(re.fullmatch(r"\d\d:\d\d", s) for s in span) or span[0] >= span[1]:
                raise ValueError("each day is [\"HH:MM\", \"HH:MM\"], opening before closing")
        if not value:
            raise ValueError("at least one opening day")
        return value


class PatientIn(Plain):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=120)
    phone: str = Field(min_length=7, max_length=30)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return normalise_phone(value)


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(6)}"


async def create(conn, clinic: ClinicIn, key: bytes) -> dict:
    org_id = new_id("org")
    api_key, vapi = credentials.new_api_key(), clinic.vapi
    webhook_secret = credentials.vapi_hmac_secret(key, org_id) if vapi.auth == "hmac" else credentials.new_webhook_secret()
    await conn.execute("SELECT set_config('app.current_org_id', $1, true)", org_id)
    try:
        await conn.execute(
            "INSERT INTO clinics (org_id, name, timezone, opening_hours, api_key_hash, webhook_secret_hash,"
            " website, staff, vapi_auth, vapi_assistant_id, vapi_phone_number_id, booking_horizon_days)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            org_id, clinic.name, clinic.timezone, clinic.openingHours, credentials.digest(api_key),
            credentials.digest(webhook_secret), clinic.website, [s.model_dump(exclude_none=True) for s in clinic.staff],
            vapi.auth, vapi.assistantId, vapi.phoneNumberId, clinic.bookingHorizonDays)
    except asyncpg.UniqueViolationError:  # an assistant or number identifies one clinic only
        raise conflict("Vapi line already in use", "another clinic owns that assistant or phone number") from None
    doctors = []
    for d in clinic.doctors:
        doctor_id = new_id("doc")
        await conn.execute("INSERT INTO doctors (id, org_id, name, title, pronoun, specialty)"
                           " VALUES ($1, $2, $3, $4, $5, $6)", doctor_id, org_id, d.name, d.title, d.pronoun, d.specialty)
        doctors.append({"id": doctor_id, **d.model_dump()})
    await conn.execute("INSERT INTO audit_log (org_id, action, detail) VALUES ($1, 'clinic:created', '{}')", org_id)
    return {"orgId": org_id, "apiKey": api_key, "webhookSecret": webhook_secret, "doctors": doctors,
            "vapi": vapi.model_dump(), "bookingHorizonDays": clinic.bookingHorizonDays or HORIZON_DAYS}


async def add_patient(conn, org_id: str, patient: PatientIn) -> dict:
    await require(conn, org_id)
    patient_id = new_id("patient")
    await conn.execute("INSERT INTO patients (patient_id, org_id, name, phone, email) VALUES ($1, $2, $3, $4, $5)",
                       patient_id, org_id, patient.name, patient.phone, patient.email)
    return {"patientId": patient_id}


async def require(conn, org_id: str) -> dict:
    row = await conn.fetchrow("SELECT org_id, name, timezone, opening_hours, booking_horizon_days FROM clinics"
                              " WHERE org_id = $1", org_id)
    if row is None:
        raise not_found("clinic")
    return dict(row)


async def own_facts(conn, org_id: str) -> dict:
    """The clinic's name, web address, doctors and staff: what its redaction keeps."""
    row = await conn.fetchrow("SELECT name, website, staff FROM clinics WHERE org_id = $1", org_id)
    if row is None:
        raise not_found("clinic")
    return {**dict(row), "doctors": await doctors(conn, org_id)}


async def hours(conn, org_id: str) -> Hours:
    clinic = await require(conn, org_id)
    return Hours.of(clinic["timezone"], clinic["opening_hours"], clinic["booking_horizon_days"])


async def doctors(conn, org_id: str) -> list[dict]:
    rows = await conn.fetch("SELECT id, name, title, pronoun, specialty FROM doctors WHERE org_id = $1 ORDER BY name",
                            org_id)
    return [dict(r) for r in rows]


async def patient(conn, patient_id: str) -> dict:
    row = await conn.fetchrow("SELECT patient_id, name, phone, email FROM patients WHERE patient_id = $1", patient_id)
    if row is None:
        raise not_found("patient", patient_id)
    return dict(row)



def bare_name(asked: str) -> str:
    """"Dr. Johnson", "doctor johnson", "Johnson" -> "Johnson" (names are stored without the title)."""
    words = re.sub(r"^(dr\.?|doctor)\s+", "", asked.strip(), flags=re.IGNORECASE).split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


async def doctor_reply(conn, org_id: str, asked) -> str:
    """The receptionist's answer about a doctor: only this clinic's doctors exist for it
    (row-level security), and another clinic's doctor is "not available" (pinned decision 10)."""
    if not isinstance(asked, str) or not asked.strip() or len(asked) > 80:
        raise invalid([{"loc": "name", "msg": "a doctor's name is required"}])
    name = bare_name(asked)
    own = await doctors(conn, org_id)
    match = next((d for d in own if d["name"].lower() == name.lower()), None)
    if match:
        return (f"{match['title']} {match['name']} is our {match['specialty']} specialist. "
                f"Would you like to schedule with {match['pronoun']}?")
    if not own:
        return f"We don't have Dr. {name} available, and I can't offer another doctor right now."
    first = own[0]
    return (f"We don't have Dr. {name} available. Our specialist is {first['title']} {first['name']}. "
            f"Would you like to schedule with {first['pronoun']}?")


async def audit_denial(conn, claimed: str, by_clinic: str, path: str) -> None:
    """Written to the named clinic's audit log, through the definer writer (pinned decision 14)."""
    await conn.execute("SELECT audit_denial($1, 'denied:org-mismatch', $2)", claimed,
                       {"byClinic": by_clinic, "path": path})
