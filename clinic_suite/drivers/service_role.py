"""The database as the service's own role sees it (no BYPASSRLS, owns nothing): the
proofs that the database itself keeps clinics apart (ISO-4, ISO-5) and its call rules (ST-1).
Every statement runs in a transaction that is rolled back, with one clinic set."""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass

import asyncpg

# action -> (statement with $1 = the target clinic, how its effect is counted)
ACTIONS = {
    "read": ('SELECT count(*) FROM {table} WHERE "{column}" = $1', "rows"),
    "change": ('UPDATE {table} SET "{column}" = "{column}" WHERE "{column}" = $1', "affected"),
    "add to": (None, "affected"),
}
INSERTS = {
    "calls": ("INSERT INTO calls (id, org_id, phone_number, assistant_id) VALUES ('call_probe_' || md5(random()::text),"
              " $1, '+15550000000', 'probe')"),
    "patients": ("INSERT INTO patients (patient_id, org_id, name, phone) VALUES ('patient_probe_' || md5(random()::text),"
                 " $1, 'Probe', '+15550000000')"),
    "audit_log": "INSERT INTO audit_log (org_id, action) VALUES ($1, 'probe')",
}


# A booking as the reference system writes it, the time given as text in the session's zone.
CLAIM = ("INSERT INTO appointment_slots (org_id, slot_time, status, patient_id) "
         "VALUES ($1, $2::text::timestamptz, 'booked', $3)")


@dataclass
class DbOutcome:
    count: int | None = None      # rows seen or changed
    refused: str | None = None    # SQLSTATE when the database refused


class ReferenceClaim:
    """How the reference system's database is asked for a time: one booking row, the unique
    index refusing a second (23505)."""

    def statement(self, clinic: str, local: str, patient_id: str | None) -> tuple[str, tuple]:
        return CLAIM, (clinic, local, patient_id)

    def won(self, answer) -> bool:
        return True


class ServiceRole:
    """`act` puts a transaction in a clinic's hands (default: the reference system's setting);
    `column` is the clinic column; `inserts` the tables' own inserts; `claim` how a time is asked for."""

    def __init__(self, url: str, act=None, column: str = "org_id", inserts: dict | None = None, claim=None):
        self.url, self.act, self.column = url, act, column
        self.inserts = INSERTS if inserts is None else inserts
        self.claim = claim or ReferenceClaim()

    async def _enter(self, conn, acting_for: str) -> None:
        if self.act is not None:
            await self.act(conn, acting_for)
        else:
            await conn.execute("SELECT set_config('app.current_org_id', $1, true)", acting_for)

    async def _run(self, acting_for: str, sql: str, args: tuple, effect: str, keep: bool = False) -> DbOutcome:
        conn = await asyncpg.connect(self.url)
        try:
            tx = conn.transaction()
            await tx.start()
            try:
                await self._enter(conn, acting_for)
                if effect == "rows":
                    return DbOutcome(count=await conn.fetchval(sql, *args))
                status = await conn.execute(sql, *args)
                return DbOutcome(count=int(status.split()[-1]) if status.split()[-1].isdigit() else 1)
            except asyncpg.PostgresError as refusal:
                keep = False
                return DbOutcome(refused=refusal.sqlstate)
            finally:
                await (tx.commit() if keep else tx.rollback())
        finally:
            await conn.close()

    async def attempt(self, acting_for: str, action: str, table: str, target_org: str) -> DbOutcome:
        """Read, change or add to `table`'s rows of `target_org`, acting for `acting_for`."""
        sql, effect = ACTIONS[action]
        return await self._run(acting_for, self.inserts[table] if sql is None else
                               sql.format(table=table, column=self.column), (target_org,), effect)

    async def add_row(self, acting_for: str, table: str, columns: list[str], from_org: str, to_org: str) -> DbOutcome:
        """A new row of `to_org` in `table`: the table's own insert where one is written (its
        triggers would refuse a copy of a row for reasons of their own), else a copy of one of
        `from_org`'s rows. Row-level security must refuse it (42501) when `to_org` is not `acting_for`."""
        if table in self.inserts:
            return await self._run(acting_for, self.inserts[table], (to_org,), "affected")
        cols = ", ".join(f'"{c}"' for c in columns)
        sql = (f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM (SELECT (jsonb_populate_record(NULL::"{table}", '
               f'to_jsonb(x) || jsonb_build_object($3::text, $2::text))).* FROM "{table}" x '
               f'WHERE x."{self.column}" = $1 LIMIT 1) r')
        return await self._run(acting_for, sql, (from_org, to_org, self.column), "affected")

    async def run(self, acting_for: str, sql: str, args: list) -> DbOutcome:
        """One statement of a target's own, acting for the clinic; rolled back."""
        return await self._run(acting_for, sql, tuple(args), "affected")

    async def move_call(self, acting_for: str, call_id: str, status: str) -> DbOutcome:
        return await self._run(acting_for, "UPDATE calls SET status = $2 WHERE id = $1", (call_id, status), "affected")

    async def audit_denial(self, acting_for: str, target_org: str, action: str, detail: dict) -> DbOutcome:
        """The definer function the service uses to write into another clinic's audit log; kept."""
        return await self._run(acting_for, "SELECT audit_denial($1, $2, $3::jsonb)",
                               (target_org, action, json.dumps(detail)), "affected", keep=True)

    async def audit_entries_seen(self, acting_for: str, target_org: str, action: str) -> int:
        outcome = await self._run(acting_for, "SELECT count(*) FROM audit_log WHERE action = $2 AND org_id = $1",
                                  (target_org, action), "rows")
        return outcome.count

    async def claims_in_zones(self, acting_for: str, when, zones: list[str], patient_id: str) -> list[str]:
        """One booking of `when` per session, each session in its own TimeZone and sending the
        time as that zone writes it, all at the same moment: each outcome is "booked" or the
        SQLSTATE that refused it. The database alone must leave one."""
        release = asyncio.Event()
        ready = asyncio.Barrier(len(zones) + 1)

        async def claim(zone: str) -> str:
            conn = await asyncpg.connect(self.url)
            try:
                async with conn.transaction():
                    await self._enter(conn, acting_for)
                    await conn.execute("SELECT set_config('TimeZone', $1, true)", zone)
                    local = await conn.fetchval("SELECT $1::timestamptz::text", when)
                    sql, args = self.claim.statement(acting_for, local, patient_id)
                    await ready.wait()
                    await release.wait()
                    try:
                        async with conn.transaction():
                            answer = await conn.fetchval(sql, *args)
                        return "booked" if self.claim.won(answer) else "refused"
                    except asyncpg.PostgresError as refusal:
                        return refusal.sqlstate
            finally:
                await conn.close()
        tasks = [asyncio.ensure_future(claim(z)) for z in zones]
        await asyncio.wait_for(ready.wait(), timeout=30)
        release.set()
        return list(await asyncio.wait_for(asyncio.gather(*tasks), timeout=30))

    async def privileges(self, table: str) -> set[str]:
        """What the acting role may do to a table at all (before row-level security)."""
        conn = await asyncpg.connect(self.url)
        try:
            async with conn.transaction():
                await self._enter(conn, "")
                rows = await conn.fetch("SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE']) p "
                                        "WHERE has_table_privilege(current_user, $1::regclass, p)", f'"{table}"')
                return {r["p"] for r in rows}
        finally:
            await conn.close()

    async def role(self) -> dict:
        conn = await asyncpg.connect(self.url)
        try:
            return dict(await conn.fetchrow("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles "
                                            "WHERE rolname = current_user"))
        finally:
            await conn.close()
