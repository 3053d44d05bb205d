"""One simulated caller's own connection, for the crowds (100 or 1,000 callers at the same
moment, on the same two cores as the system). httpx's client machinery costs about 0.85 ms of
CPU a request there, aiohttp's about 0.35 ms with the answer still handed back as an
httpx.Response (measured, issue 20): at 100 callers that difference is the suite's, not the
system's, and it showed in the claims' p95. Everything else in the suite speaks httpx."""
from __future__ import annotations

import datetime
import json as jsonlib
import time

import aiohttp
import httpx


class PhoneLine:
    """The part of httpx.AsyncClient's interface ClinicApi.send uses: request(), get(), aclose()."""

    def __init__(self, base_url: str, timeout: float = 60):
        self.base_url = base_url.rstrip("/")
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1),
                                             timeout=aiohttp.ClientTimeout(total=timeout), auto_decompress=False)

    async def request(self, method: str, url: str, *, json=None, params=None, headers=None, data=None,
                      files=None, content=None) -> httpx.Response:
        if files is not None:
            raise TypeError("a phone line sends JSON, forms or bytes, not files: use the scenario's own client")
        headers = dict(headers or {})
        if json is not None:
            content = jsonlib.dumps(json).encode()
            headers.setdefault("content-type", "application/json")
        full = url if url.startswith(("http://", "https://")) else self.base_url + url
        started = time.perf_counter()
        async with self.session.request(method, full, params=params, headers=headers, data=content or data,
                                        allow_redirects=False) as reply:
            body = await reply.read()
            answer = httpx.Response(reply.status, headers=list(reply.raw_headers), content=body,
                                    request=httpx.Request(method, str(reply.url)))
        answer.elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
        return answer

    async def get(self, url: str, **kwargs) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def aclose(self) -> None:
        await self.session.close()
