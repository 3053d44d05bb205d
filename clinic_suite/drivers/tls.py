"""One TLS context for every client the suite makes. httpx builds a new one per client by
default, loading the system's certificates each time (~15 ms of CPU): with a client per
scenario and one per simulated caller, that was 40% of the suite's own CPU (issue 20)."""
from __future__ import annotations

import ssl
from functools import lru_cache

import httpx


@lru_cache(maxsize=1)
def context() -> ssl.SSLContext:
    return httpx.create_ssl_context()
