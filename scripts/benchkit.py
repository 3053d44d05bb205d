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
    stack: EmbeddedStack

    async def new_clinic(self) -> dict:
        return (await self.api.create_clinic(clinic_fixture("Premier Cosmetic Surgery"))).json()

    def cpu_seconds(self) -> dict[str, float]:
        """CPU used so far by the service and by the database's processes: figures a busy
        machine does not inflate the way it inflates wall-clock latency."""
        import psutil

        def used(process) -> float:
            times = process.cpu_times()
            return times.user + times.system

        service = used(psutil.Process(self.stack.processes["clinic-system"].pid))
        database = 0.0
        for process in psutil.process_iter(["cmdline"]):
            if f"-p {self.stack.postgres.port}" in " ".join(process.info["cmdline"] or []):
                for member in [process, *process.children(recursive=True)]:
                    try:
                        database += used(member)
                    except psutil.Error:
                        continue
        return {"service": service, "database": database}


@asynccontextmanager
async def embedded(max_connections: int = 200):
    stack = EmbeddedStack()
    info = stack.start()
    try:
        evidence = Evidence()
        api = ClinicApi(info.api_url, info.admin_token, evidence, max_connections=max_connections)
        pool = await connect(info.database_url)
        try:
            yield Bench(info, api, pool, evidence, stack)
        finally:
            await api.close()
            await pool.close()
    finally:
        stack.stop()
