"""The system's database as the suite checks it, through the admin connection: the rows a
scenario reads, and the one kind of write a step may make (moving a hold's end, pinned
decision 4)."""
from __future__ import annotations

import json
import logging
from contextlib import asynccontextmanager
from datetime import datetime

import asyncpg

from .evidence import Evidence


# While the crash scenarios have the server down, the pool logs a traceback for each attempt
# to keep its one idle connection: expected then, and noise in every run's output.
logging.getLogger("asyncpg.pool").setLevel(logging.CRITICAL)


async def connect(url: str, size: int = 5) -> asyncpg.Pool:
    async def init(conn):
        await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    return await asyncpg.create_pool(url, min_size=1, max_size=size, init=init, command_timeout=10)


# What a clinic's data looks like from outside, to show an attempt changed nothing.
SNAPSHOT = {
    "calls": "SELECT id, status, reason, booking_status, transcript, metadata, updated_at FROM calls",
    "patients": "SELECT patient_id, name, phone, email FROM patients",
    "appointment_slots": "SELECT id, slot_time, status, held_until, call_id, patient_id, updated_at FROM appointment_slots",
    "sms_messages": "SELECT id, status, body, attempts, updated_at FROM sms_messages",
    "doctors": "SELECT id, name, specialty FROM doctors",
}

# Every table with a clinic column, and how row-level security guards it.
RLS_GUARDS = """
    SELECT c.relname AS table_name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
           pg_get_userbyid(c.relowner) AS owner,
           (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
    ORDER BY 1
"""


# ISO-6, read from the catalogue: every table with a clinic column and the columns a row can be
# written with; the policies and grants that could widen access; the definer functions.
CLINIC_TABLES = """
    SELECT c.relname AS table_name,
           array_agg(a.attname ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '' AND a.attidentity <> 'a') AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND EXISTS (SELECT 1 FROM pg_attribute o WHERE o.attrelid = c.oid AND o.attname = $1 AND NOT o.attisdropped)
    GROUP BY c.relname ORDER BY 1
"""
POLICIES = """
    SELECT c.relname AS table_name, p.polname AS policy, p.polpermissive AS permissive, p.polcmd AS command,
           pg_get_expr(p.polqual, p.polrelid) AS using_expr, pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
           array(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END FROM unnest(p.polroles) r) AS roles
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid ORDER BY 1, 2
"""
PUBLIC_TABLE_GRANTS = """
    SELECT c.relname AS table_name, privilege
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
         unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) privilege
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND has_table_privilege('public', c.oid, privilege)
"""
DEFINER_FUNCTIONS = """
    SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments,
           pg_get_function_result(p.oid) AS returns,
           has_function_privilege('public', p.oid, 'EXECUTE')
             OR coalesce((SELECT has_function_privilege(r.oid, p.oid, 'EXECUTE') FROM pg_roles r
                          WHERE r.rolname = 'anon'), false) AS public
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
"""


class ClinicDatabase:
    def __init__(self, pool: asyncpg.Pool, evidence: Evidence):
        self.pool, self.evidence = pool, evidence

    async def _row(self, what: str, sql: str, *args) -> dict | None:
        row = await self.pool.fetchrow(sql, *args)
        value = dict(row) if row else None
        self.evidence.row(what, value)
        return value

    async def _rows(self, what: str, sql: str, *args) -> list[dict]:
        rows = [dict(r) for r in await self.pool.fetch(sql, *args)]
        self.evidence.row(what, rows)
        return rows

    async def reconnect(self) -> None:
        """After the server restarted: the pool's connections died with it."""
        await self.pool.expire_connections()

    async def version(self) -> str:
        return await self.pool.fetchval("SHOW server_version")

    # calls
    async def call(self, call_id: str, org_id: str) -> dict | None:
        # The plan's Step 3 query; slot_held_until lives on the hold (pinned decision 4).
        return await self._row(
            "calls", "SELECT c.*, s.held_until AS slot_held_until FROM calls c LEFT JOIN appointment_slots s "
            "ON s.call_id = c.id AND s.status = 'held' WHERE c.id = $1 AND c.org_id = $2", call_id, org_id)

    async def calls_with_id(self, call_id: str) -> int:
        """How many calls carry this id, in every clinic."""
        return await self.pool.fetchval("SELECT count(*) FROM calls WHERE id = $1", call_id)

    async def patient(self, patient_id: str, org_id: str) -> dict | None:
        return await self._row("patients", "SELECT patient_id, name, phone FROM patients WHERE patient_id = $1 "
                               "AND org_id = $2", patient_id, org_id)

    async def patients_with_phone(self, org_id: str, phone: str) -> int:
        return await self.pool.fetchval("SELECT count(*) FROM patients WHERE org_id = $1 AND phone = $2", org_id, phone)

    async def status_history(self, call_id: str) -> list[dict]:
        return await self._rows("call_status_history", "SELECT from_status, to_status, changed_at "
                                "FROM call_status_history WHERE call_id = $1 ORDER BY id", call_id)

    async def moves(self, call_id: str) -> list[str]:
        return [h["to_status"] for h in await self.status_history(call_id)]

    async def stored_transcript(self, call_id: str) -> str:
        return await self.pool.fetchval("SELECT transcript FROM calls WHERE id = $1", call_id) or ""

    async def kept_about(self, call_id: str) -> list[str]:
        """Every text the database keeps about a call: its row's words and metadata, its
        audit entries, its texts."""
        row = await self.pool.fetchrow("SELECT transcript, transcript_preview, summary, metadata::text AS metadata "
                                       "FROM calls WHERE id = $1", call_id)
        audit = await self.pool.fetch("SELECT detail::text AS d FROM audit_log WHERE detail->>'callId' = $1", call_id)
        texts = await self.pool.fetch("SELECT body FROM sms_messages WHERE call_id = $1", call_id)
        return [*(str(v) for v in dict(row or {}).values() if v), *(r["d"] for r in audit),
                *(r["body"] or "" for r in texts)]

    # times
    async def slot_rows(self, org_id: str, slot_time: datetime) -> list[dict]:
        return await self._rows("appointment_slots", "SELECT status, held_until, call_id, patient_id, created_at "
                                "FROM appointment_slots WHERE org_id = $1 AND slot_time = $2 ORDER BY created_at",
                                org_id, slot_time)

    async def end_hold_now(self, call_id: str) -> int:
        """Move time: the call's hold ends now (the one step allowed to write, pinned decision 4).
        Returns how many holds it ended. Every later check is on what the system does."""
        done = await self.pool.execute("UPDATE appointment_slots SET held_until = now() - interval '1 second' "
                                       "WHERE call_id = $1 AND status = 'held'", call_id)
        return int(done.split()[-1])

    async def taken(self, org_id: str, times: list[datetime]) -> list[datetime]:
        """Which of these times a hold or booking still occupies."""
        rows = await self._rows("taken times", "SELECT slot_time FROM appointment_slots WHERE org_id = $1 "
                                "AND slot_time = ANY($2::timestamptz[]) AND (status = 'booked' OR "
                                "(status = 'held' AND held_until > now()))", org_id, times)
        return [r["slot_time"] for r in rows]

    # texts
    async def follow_ups(self, call_id: str) -> list[dict]:
        return await self._rows("sms_messages", "SELECT id, status, to_number, body, attempts, sent_at, created_at "
                                "FROM sms_messages WHERE call_id = $1 AND kind = 'follow-up'", call_id)

    async def text_status(self, call_id: str) -> str | None:
        return await self.pool.fetchval("SELECT status FROM sms_messages WHERE call_id = $1", call_id)

    # crashes (embedded only)
    @asynccontextmanager
    async def calls_held(self, call_ids: list[str]):
        """Row locks on these calls in an open transaction: whatever the system does to them
        waits mid-transaction until the block ends (or the server dies under it)."""
        conn = await self.pool.acquire()
        tx = conn.transaction()
        try:
            await tx.start()
            await conn.execute("SELECT id FROM calls WHERE id = ANY($1::text[]) FOR UPDATE", call_ids)
            yield
        finally:
            try:
                await tx.rollback()
            except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
                pass  # the server died: the locks went with it
            await self.pool.release(conn)

    async def service_waiting_on_locks(self) -> int:
        """The system's transactions that are waiting for a row lock right now."""
        return await self.pool.fetchval("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                        "AND usename = 'clinic_service'")

    async def clinic_calls(self, org_id: str) -> list[dict]:
        """Every call of a clinic with its moves, its active holds and its texts, in one read."""
        return await self._rows("calls with moves, holds and texts", """
            SELECT c.id, c.status, c.booking_status, c.ended_at,
              ARRAY(SELECT h.to_status FROM call_status_history h WHERE h.call_id = c.id ORDER BY h.id) AS moves,
              ARRAY(SELECT s.held_until FROM appointment_slots s WHERE s.call_id = c.id AND s.status = 'held'
                    ORDER BY s.created_at) AS holds,
              ARRAY(SELECT m.status FROM sms_messages m WHERE m.call_id = c.id ORDER BY m.created_at) AS texts
            FROM calls c WHERE c.org_id = $1 ORDER BY c.id""", org_id)

    # audit and isolation
    async def audit_entries(self, action: str, call_id: str) -> list[dict]:
        return await self._rows(f"audit_log {action}", "SELECT detail FROM audit_log WHERE action = $1 "
                                "AND detail->>'callId' = $2", action, call_id)

    async def denials(self, org_id: str) -> list[dict]:
        return [dict(r) for r in await self.pool.fetch("SELECT action, detail FROM audit_log WHERE org_id = $1 "
                                                       "AND action LIKE 'denied:%' ORDER BY id", org_id)]

    async def audit_count(self, org_ids: list[str], action_like: str) -> int:
        """Audit entries in these clinics' logs, or any clinic's with an action like this."""
        return await self.pool.fetchval("SELECT count(*) FROM audit_log WHERE org_id = ANY($1::text[]) "
                                        "OR action LIKE $2", org_ids, action_like)

    async def snapshot(self, org_id: str) -> dict:
        out = {}
        async with self.pool.acquire() as conn:
            for table, sql in SNAPSHOT.items():
                out[table] = [dict(r) for r in await conn.fetch(f"{sql} WHERE org_id = $1 ORDER BY 1", org_id)]
        return out

    async def rls_guards(self) -> list[dict]:
        return await self._rows("tables with org_id", RLS_GUARDS)

    async def clinic_tables(self, column: str = "org_id") -> list[dict]:
        return await self._rows("every table with a clinic column", CLINIC_TABLES, column)

    async def policies(self) -> list[dict]:
        return await self._rows("row-level security policies", POLICIES)

    async def public_table_grants(self) -> list[dict]:
        return await self._rows("table privileges held by PUBLIC", PUBLIC_TABLE_GRANTS)

    async def definer_functions(self) -> list[dict]:
        return await self._rows("SECURITY DEFINER functions", DEFINER_FUNCTIONS)

    # a database target (pinned decision 24)
    async def seed_every_table(self, target, clinics: list[str]) -> None:
        """A row of each clinic in every table with the target's clinic column (parents first)."""
        from .database_target import TargetFileError, seed_row

        tables = {r["table_name"] for r in await self.clinic_tables(target.column)}
        async with self.pool.acquire() as conn:
            for clinic in clinics:
                waiting = sorted(tables)
                for _ in range(len(tables) + 1):
                    if not waiting:
                        break
                    waiting = [t for t in waiting if not await _has_row(conn, t, target.column, clinic)
                               and not await seed_row(conn, target, t, clinic, tables)]
                if waiting:
                    raise TargetFileError(f"{target.file}: no row could be made in {', '.join(waiting)} "
                                          f"(give rows.<table> templates)")

    async def target_count(self, target, template: str, **values) -> int:
        sql, args = target.sql(template, **values)
        return await self.pool.fetchval(sql, *args)

    # knowledge base
    async def document_embedder(self, document_id: str) -> str | None:
        return await self.pool.fetchval("SELECT embedder FROM kb_documents WHERE id = $1", document_id)

    async def passages(self, document_id: str, procedure: str) -> list[str]:
        return [r["text"] for r in await self.pool.fetch(
            "SELECT c.text FROM kb_chunks c JOIN kb_procedures p ON p.id = c.procedure_id "
            "WHERE c.document_id = $1 AND p.name = $2", document_id, procedure)]


async def _has_row(conn, table: str, column: str, clinic: str) -> bool:
    return await conn.fetchval(f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE "{column}" = $1)', clinic)
