import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def postgres():
    """A real, throwaway PostgreSQL with the system's migrations applied."""
    import asyncio

    from clinic_system.db import migrate
    from embedded_stack.postgres import EmbeddedPostgres

    pg = EmbeddedPostgres().start()
    try:
        asyncio.run(migrate(pg.url(), "service-pw"))
        yield pg
    finally:
        pg.destroy()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def sms_stub():
    port = _free_port()
    sid, token = "AC" + "1" * 32, "secret-token"
    process = subprocess.Popen([sys.executable, "-m", "sms_stub", "--port", str(port)], cwd=ROOT,
                               env={**os.environ, "SMS_ACCOUNT_SID": sid, "SMS_AUTH_TOKEN": token})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    else:
        process.kill()
        raise RuntimeError("the SMS stub did not start")
    yield {"url": url, "sid": sid, "token": token}
    process.terminate()
    process.wait(timeout=5)
