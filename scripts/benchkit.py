"""What every benchmark script starts with: the embedded stack, the suite's API driver, an
admin database pool and a fresh clinic; all closed again, whatever happens."""
from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass

from clinic_suite.drivers.api import ClinicApi
from clinic_suite.drivers.database import connect
from clinic_suite.drivers.evidence import Evidence
from clinic_suite.world import clinic_fixture
from embedded_stack.stack import EmbeddedStack, StackInfo


@dataclass
class Bench:
    info: StackInfo
    api: ClinicApi
    pool: object
    evidence: Evidence

    async def new_clinic(self) -> dict:
        return (await self.api.create_clinic(clinic_fixture("Premier Cosmetic Surgery"))).json()


@asynccontextmanager
async def embedded(max_connections: int = 200):
    stack = EmbeddedStack()
    info = stack.start()
    try:
        evidence = Evidence()
        api = ClinicApi(info.api_url, info.admin_token, evidence, max_connections=max_connections)
        pool = await connect(info.database_url)
        try:
            yield Bench(info, api, pool, evidence)
        finally:
            await api.close()
            await pool.close()
    finally:
        stack.stop()
