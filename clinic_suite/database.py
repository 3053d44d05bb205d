"""The system's database as the suite checks it, through the admin connection."""
from __future__ import annotations

import json
from datetime import datetime

import asyncpg

from .evidence import Evidence


async def connect(url: str, size: int = 5) -> asyncpg.Pool:
    async def init(conn):
        await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    return await asyncpg.create_pool(url, min_size=1, max_size=size, init=init, command_timeout=10)


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

    async def call(self, call_id: str, org_id: str) -> dict | None:
        # The plan's Step 3 query; slot_held_until lives on the hold (pinned decision 4).
        return await self._row(
            "calls", "SELECT c.*, s.held_until AS slot_held_until FROM calls c LEFT JOIN appointment_slots s "
            "ON s.call_id = c.id AND s.status = 'held' WHERE c.id = $1 AND c.org_id = $2", call_id, org_id)

    async def status_history(self, call_id: str) -> list[dict]:
        return await self._rows("call_status_history", "SELECT from_status, to_status, changed_at "
                                "FROM call_status_history WHERE call_id = $1 ORDER BY id", call_id)

    async def slot_rows(self, org_id: str, slot_time: datetime) -> list[dict]:
        return await self._rows("appointment_slots", "SELECT status, held_until, call_id, patient_id, created_at "
                                "FROM appointment_slots WHERE org_id = $1 AND slot_time = $2 ORDER BY created_at",
                                org_id, slot_time)

    async def follow_ups(self, call_id: str) -> list[dict]:
        return await self._rows("sms_messages", "SELECT id, status, to_number, body, attempts, sent_at, created_at "
                                "FROM sms_messages WHERE call_id = $1 AND kind = 'follow-up'", call_id)

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
