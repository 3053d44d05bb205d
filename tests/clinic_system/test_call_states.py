"""The call states of pinned decision 5, enforced by the database itself."""
import asyncio

import asyncpg
import pytest

LEGAL = [("in-progress", "completed"), ("in-progress", "booked"), ("in-progress", "abandoned"),
         ("abandoned", "follow-up-sent"), ("abandoned", "follow-up-pending"),
         ("follow-up-pending", "follow-up-sent"), ("follow-up-pending", "follow-up-failed"),
         ("follow-up-sent", "booked")]
PATH_TO = {"in-progress": [], "abandoned": ["abandoned"], "follow-up-pending": ["abandoned", "follow-up-pending"],
           "follow-up-sent": ["abandoned", "follow-up-sent"], "completed": ["completed"], "booked": ["booked"],
           "follow-up-failed": ["abandoned", "follow-up-pending", "follow-up-failed"]}
STATES = list(PATH_TO)


def run(coro):
    return asyncio.run(coro)


async def _as_service(pg, org: str):
    conn = await asyncpg.connect(pg.url("clinic_service", "service-pw"))
    await conn.execute("SELECT set_config('app.current_org_id', $1, false)", org)
    return conn


async def _new_call(conn, org: str, call_id: str) -> None:
    await conn.execute("INSERT INTO clinics (org_id, name, timezone, opening_hours, api_key_hash, webhook_secret_hash)"
                       " VALUES ($1, 'c', 'UTC', '{}', $1 || 'k', $1 || 'w') ON CONFLICT DO NOTHING", org)
    await conn.execute("INSERT INTO calls (id, org_id, phone_number, assistant_id) VALUES ($1, $2, '+15550000000', 'a')",
                       call_id, org)


async def _move(conn, call_id: str, status: str) -> None:
    await conn.execute("UPDATE calls SET status = $2 WHERE id = $1", call_id, status)


@pytest.mark.parametrize("start,target", [(a, b) for a in STATES for b in STATES if a != b])
def test_only_the_pinned_moves_are_allowed(postgres, start, target):
    async def scenario():
        conn = await _as_service(postgres, "org_states")
        call_id = f"call_{start}_{target}"
        try:
            await _new_call(conn, "org_states", call_id)
            for step in PATH_TO[start]:
                await _move(conn, call_id, step)
            if (start, target) in LEGAL:
                await _move(conn, call_id, target)
                history = [r["to_status"] for r in await conn.fetch(
                    "SELECT to_status FROM call_status_history WHERE call_id = $1 ORDER BY id", call_id)]
                assert history == ["in-progress", *PATH_TO[start], target]
            else:
                with pytest.raises(asyncpg.PostgresError, match="illegal call move"):
                    await _move(conn, call_id, target)
        finally:
            await conn.close()
    run(scenario())


def test_a_call_starts_in_progress(postgres):
    async def scenario():
        conn = await _as_service(postgres, "org_states")
        try:
            await _new_call(conn, "org_states", "call_start_check")
            with pytest.raises(asyncpg.CheckViolationError):
                await conn.execute("INSERT INTO calls (id, org_id, phone_number, assistant_id, status) "
                                   "VALUES ('call_x', 'org_states', '+1', 'a', 'booked')")
        finally:
            await conn.close()
    run(scenario())


def test_the_service_role_cannot_bypass_row_level_security(postgres):
    async def scenario():
        conn = await asyncpg.connect(postgres.url("clinic_service", "service-pw"))
        try:
            role = await conn.fetchrow("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
            assert (role["rolsuper"], role["rolbypassrls"]) == (False, False)
            assert await conn.fetchval("SELECT count(*) FROM calls") == 0  # no clinic set: sees nothing
        finally:
            await conn.close()
    run(scenario())
