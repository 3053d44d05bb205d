"""Test case 4: one clinic's credentials aimed at another clinic's data (each attempt with
its control: the same request with the rightful credentials succeeds, pinned decision 15),
and the database's own refusals, as the service's own role."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Awaitable, Callable

import asyncpg

from . import payloads
from .world import Call, Clinic, Patient, World


@dataclass
class Sides:
    """The clinic whose credentials are used, and the clinic whose data is aimed at."""
    actor: Clinic
    target: Clinic
    target_patient: Patient
    target_call: Call
    free_time: str       # a time the target clinic offers, for booking attempts
    actor_patient: Patient


Attempt = Callable[[World, Sides, Clinic], Awaitable]

# Each attempt is sent with `creds` = the actor's clinic (the attack) and then the
# target's (the control). Expected refusal, and the audit entry it must leave.
ATTEMPTS: dict[str, tuple[Attempt, int, str]] = {
    "list its doctors": (
        lambda w, s, c: w.api.send("GET", f"/api/clinics/{s.target.org_id}/doctors", headers=w.api.bearer(c.api_key)),
        403, "denied:org-mismatch"),
    "see its free times": (
        lambda w, s, c: w.api.availability(c.api_key, s.target.org_id, limit=3), 403, "denied:org-mismatch"),
    "read its patient's call": (
        lambda w, s, c: w.api.call(c.api_key, s.target_call.call_id), 404, "denied:foreign-call"),
    "read its patient's texts": (
        lambda w, s, c: w.api.send("GET", "/api/sms/history", params={"patientId": s.target_patient.patient_id},
                                   headers=w.api.bearer(c.api_key)), 404, "denied:foreign-patient"),
    "send its patient's follow-up text again": (
        lambda w, s, c: w.api.send_follow_up(c.api_key, {"callId": s.target_call.call_id}), 404, "denied:foreign-call"),
    "book a time for its patient": (
        lambda w, s, c: w.api.claim_slot(c.api_key, {"slotTime": s.free_time, "patientId": s.target_patient.patient_id}),
        404, "denied:foreign-patient"),
    "start a call for its patient": (
        lambda w, s, c: w.api.initiate_call(c.api_key, {"phoneNumber": s.target_patient.phone, "assistantId": "a",
                                                        "patientId": s.target_patient.patient_id}),
        404, "denied:foreign-patient"),
    "end its patient's call through the voice line": (
        lambda w, s, c: w.api.vapi(c.webhook_secret, payloads.end_of_call_vapi(s.target_call.call_id, "hello")),
        404, "denied:foreign-call"),
    "act in its name": (
        lambda w, s, c: w.api.initiate_call(c.api_key, {
            "orgId": s.target.org_id, "phoneNumber": s.target_patient.phone, "assistantId": "a",
            "patientId": (s.target_patient if c is s.target else s.actor_patient).patient_id}),
        403, "denied:org-mismatch"),
}

# What a clinic's data looks like from outside, to show an attempt changed nothing.
SNAPSHOT = {
    "calls": "SELECT id, status, reason, booking_status, transcript, metadata, updated_at FROM calls",
    "patients": "SELECT patient_id, name, phone, email FROM patients",
    "appointment_slots": "SELECT id, slot_time, status, held_until, call_id, patient_id, updated_at FROM appointment_slots",
    "sms_messages": "SELECT id, status, body, attempts, updated_at FROM sms_messages",
    "doctors": "SELECT id, name, specialty FROM doctors",
}


async def snapshot(world: World, org_id: str) -> dict:
    out = {}
    async with world.db.pool.acquire() as conn:
        for table, sql in SNAPSHOT.items():
            out[table] = [dict(r) for r in await conn.fetch(f"{sql} WHERE org_id = $1 ORDER BY 1", org_id)]
    return out


async def denials(world: World, org_id: str) -> list[dict]:
    rows = await world.db.pool.fetch("SELECT action, detail FROM audit_log WHERE org_id = $1 "
                                     "AND action LIKE 'denied:%' ORDER BY id", org_id)
    return [dict(r) for r in rows]


# --- the database's own refusals, as the service's role -------------------------------------

DB_ACTIONS = {
    # action -> (statement with $1 = the target clinic, how its effect is counted)
    "read": ("SELECT count(*) FROM {table} WHERE org_id = $1", "rows"),
    "change": ("UPDATE {table} SET org_id = org_id WHERE org_id = $1", "affected"),
    "add to": (None, "insert"),
}
INSERTS = {
    "calls": ("INSERT INTO calls (id, org_id, phone_number, assistant_id) VALUES ('call_probe_' || md5(random()::text),"
              " $1, '+15550000000', 'probe')"),
    "patients": ("INSERT INTO patients (patient_id, org_id, name, phone) VALUES ('patient_probe_' || md5(random()::text),"
                 " $1, 'Probe', '+15550000000')"),
    "audit_log": "INSERT INTO audit_log (org_id, action) VALUES ($1, 'probe')",
}


@dataclass
class DbOutcome:
    count: int | None = None      # rows seen or changed
    refused: str | None = None    # SQLSTATE when the database refused


async def as_service(url: str, acting_for: str, sql: str, target: str, effect: str) -> DbOutcome:
    """Run one statement as the service's role with `acting_for` set; always rolled back."""
    conn = await asyncpg.connect(url)
    try:
        tx = conn.transaction()
        await tx.start()
        try:
            await conn.execute("SELECT set_config('app.current_org_id', $1, true)", acting_for)
            if effect == "rows":
                return DbOutcome(count=await conn.fetchval(sql, target))
            status = await conn.execute(sql, target)
            return DbOutcome(count=int(status.split()[-1]))
        except asyncpg.PostgresError as refusal:
            return DbOutcome(refused=refusal.sqlstate)
        finally:
            await tx.rollback()
    finally:
        await conn.close()


def statement(action: str, table: str) -> tuple[str, str]:
    sql, effect = DB_ACTIONS[action]
    return (INSERTS[table] if sql is None else sql.format(table=table)), effect


GUARD_SQL = """
    SELECT c.relname AS table_name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
           pg_get_userbyid(c.relowner) AS owner,
           (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
    ORDER BY 1
"""
