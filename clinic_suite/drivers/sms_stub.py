"""The SMS stub's control API (pinned decision 8): inboxes and faults per recipient."""
from __future__ import annotations

import httpx

from . import tls
from .evidence import Evidence


class SmsStub:
    def __init__(self, base_url: str, evidence: Evidence):
        self.http = httpx.AsyncClient(base_url=base_url, timeout=10, verify=tls.context())
        self.evidence = evidence

    async def close(self) -> None:
        await self.http.aclose()

    async def messages(self, to: str) -> list[dict]:
        answer = await self.http.get("/_stub/messages", params={"to": to})
        answer.raise_for_status()
        return answer.json()["messages"]

    async def clear(self, to: str) -> None:
        (await self.http.delete("/_stub/messages", params={"to": to})).raise_for_status()

    async def fault(self, to: str, mode: str, count: int = 1, delay_ms: int = 0) -> None:
        answer = await self.http.post("/_stub/faults", json={"to": to, "mode": mode, "count": count,
                                                              "delayMs": delay_ms})
        answer.raise_for_status()

    async def waiting_faults(self, to: str) -> list[dict]:
        """The faults still waiting for a send to `to` (one leaves when a send takes it)."""
        answer = await self.http.get("/_stub/faults", params={"to": to})
        answer.raise_for_status()
        return answer.json()["faults"]

    async def record(self, to: str) -> list[dict]:
        messages = await self.messages(to)
        self.evidence.text(to, messages)
        return messages
