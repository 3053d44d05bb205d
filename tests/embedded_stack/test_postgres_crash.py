"""The embedded cluster killed hard (SIGKILL to the postmaster) and started again as an
operator would: every commit it acknowledged is still there (synchronous_commit=on)."""
import asyncio

import asyncpg

from embedded_stack.postgres import EmbeddedPostgres


def test_an_acknowledged_commit_survives_a_crash_of_postgres():
    async def scenario(pg: EmbeddedPostgres) -> int:
        conn = await asyncpg.connect(pg.url())
        await conn.execute("CREATE TABLE kept (id int PRIMARY KEY)")
        await conn.execute("INSERT INTO kept SELECT generate_series(1, 100)")
        await conn.execute("INSERT INTO kept VALUES (101)")  # the last acknowledged commit
        pg.kill()
        assert (pg.pgdata / "postmaster.pid").exists(), "a crash leaves its pid file behind"
        pg.restart_after_crash()
        again = await asyncpg.connect(pg.url())
        try:
            return await again.fetchval("SELECT count(*) FROM kept")
        finally:
            await again.close()

    pg = EmbeddedPostgres().start()
    try:
        assert asyncio.run(scenario(pg)) == 101
    finally:
        pg.destroy()
