"""The clinic's database on its own (a team's migrations, or the reference system's): two
clinics with a row in every table that holds a clinic's data, then the same isolation and claim
proofs the reference system gets, through the database's own rules."""
from __future__ import annotations

import uuid
from datetime import datetime

from hamcrest import equal_to

from ..checks import check
from ..world import Clinic, World


async def two_clinics(world: World, names: list[str]) -> None:
    target = world.db_target
    async with world.db.pool.acquire() as conn:  # the admin: clinics and their rows are set up, not claimed
        for name in names:
            org_id = str(uuid.uuid4())
            sql, args = target.sql(target.create, clinic=org_id, name=name)
            await conn.execute(sql, *args)
            world.clinics[name] = Clinic(name, org_id, "", "", "Europe/London")
    await world.db.seed_every_table(target, [c.org_id for c in world.clinics.values()])


async def active_bookings(world: World, clinic: Clinic, when: datetime) -> int:
    return await world.db.target_count(world.db_target, world.db_target.claim.active, clinic=clinic.org_id,
                                       slot_time=when.isoformat())


async def claim(world: World, clinic: Clinic, when: datetime) -> str:
    """One claim through the target's own way of claiming: "booked", "refused" or a SQLSTATE."""
    return (await world.service.claims_in_zones(clinic.org_id, when, ["UTC"], None))[0]


async def book_beforehand(world: World, clinic: Clinic, when: datetime) -> None:
    check(await claim(world, clinic, when), equal_to("booked"), "the time is booked beforehand")
