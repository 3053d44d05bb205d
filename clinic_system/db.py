"""Connections as the service's own role; every transaction is bound to one clinic."""
from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

import asyncpg

MIGRATIONS = Path(__file__).parent / "migrations"

# What "the database cannot be reached" looks like from asyncpg: refused or dropped
# connections (also in the middle of a transaction, or while a commit's answer was on its
# way), a server shutting down, crashed or starting up, too many connections at once after
# a restart, a pool whose connection died, and asyncpg's own protocol state errors when a
# socket closes under it (InternalClientError, seen when the server is killed mid-query).
DB_DOWN = (OSError, asyncio.TimeoutError, asyncpg.PostgresConnectionError, asyncpg.OperatorInterventionError,
           asyncpg.InterfaceError, asyncpg.InternalClientError, asyncpg.TooManyConnectionsError)
OUTAGE_PATIENCE_S = 600     # background work waits this long for the database to come back


async def _init_connection(conn: asyncpg.Connection) -> None:
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Nothing to reset when a connection goes back to the pool: the service sets the clinic
    only transaction-locally (set_config(..., true)) and takes no session locks, so asyncpg's
    default reset (one more round trip per request) would undo nothing."""


async def create_pool(url: str, size: int = 40) -> asyncpg.Pool:
    return await asyncpg.create_pool(url, min_size=2, max_size=size, init=_init_connection, reset=_keep_session,
                                     command_timeout=10)


@asynccontextmanager
async def clinic_tx(pool: asyncpg.Pool, org_id: str | None):
    """A transaction that sees only `org_id`'s rows (row-level security does the rest)."""
    async with pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.current_org_id', $1, true)", org_id or "")
            yield conn


def connections_lost(pool: asyncpg.Pool) -> None:
    """After a failure that looks like the database going away: every idle connection is
    replaced on its next use, so nothing keeps failing on a stale one once the server is back."""
    pool.expire_connections()


async def until_database_answers(work, pool: asyncpg.Pool, patience_s: float = OUTAGE_PATIENCE_S):
    """Run `work()` (a coroutine function: one idempotent transaction), again after each
    failure of the database, with back-off, until it answers or `patience_s` passes (then the
    failure is raised). For background work that must finish once the database is back."""
    delay, waited = 0.1, 0.0
    while True:
        try:
            return await work()
        except DB_DOWN:
            if waited >= patience_s:
                raise
            connections_lost(pool)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, 1.0)


async def now(conn) -> datetime:
    """The database's clock (the transaction's start): holds and horizons are judged by it."""
    return await conn.fetchval("SELECT now()")


async def ping(pool: asyncpg.Pool) -> None:
    async with clinic_tx(pool, None) as conn:
        await conn.fetchval("SELECT 1")


async def wait_for_database(url: str, within: float) -> None:
    """Until the database accepts a connection (it may be starting beside the service)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        try:
            await (await asyncpg.connect(url, timeout=2)).close()
            return
        except (OSError, asyncio.TimeoutError, asyncpg.CannotConnectNowError) as exc:
            if asyncio.get_running_loop().time() > deadline:
                raise RuntimeError(f"the database did not answer within {within:g}s: {type(exc).__name__}") from exc
            await asyncio.sleep(0.05)  # a start-up poll: there is nothing to wait on but the port


async def migrate(admin_url: str, service_password: str = "") -> list[str]:
    """Apply the numbered SQL files not applied yet, in order; returns their names."""
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                           "(name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        # One migrator at a time, even if two services start together.
        await conn.execute("SELECT pg_advisory_lock(4242)")
        done = {r["name"] for r in await conn.fetch("SELECT name FROM schema_migrations")}
        applied = []
        for path in sorted(MIGRATIONS.glob("*.sql")):
            if path.name in done:
                continue
            async with conn.transaction():
                await conn.execute(path.read_text())
                await conn.execute("INSERT INTO schema_migrations (name) VALUES ($1)", path.name)
            applied.append(path.name)
        if service_password:
            await conn.execute(f"ALTER ROLE clinic_service PASSWORD '{_quote(service_password)}'")
        return applied
    finally:
        await conn.close()


def _quote(text: str) -> str:
    return text.replace("'", "''")
