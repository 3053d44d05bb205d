"""End-of-call reports kept in the spool during a database outage (spool.py), stored once
the database answers again by a worker that runs for the service's life."""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from pathlib import Path

from . import calls, credentials, vapi, vapi_auth
from .db import DB_DOWN, clinic_tx, connections_lost
from .errors import ApiError
from .sms import FollowUps
from .spool import Spool

log = logging.getLogger("clinic.api")


class Replay:
    def __init__(self, pool, spool: Spool, follow_ups: FollowUps, hold_minutes: int):
        self.pool, self.spool, self.follow_ups, self.hold_minutes = pool, spool, follow_ups, hold_minutes
        self.wake = asyncio.Event()

    def keep(self, secret: str, body: dict, signature: str | None = None) -> None:
        """Spool a report (SpoolFull when it cannot be kept) and wake the worker. Only the
        secret's digest is kept: the clinic is looked up again when the report is stored."""
        self.spool.put(credentials.digest(secret), body, signature)
        self.wake.set()

    async def run_forever(self) -> None:
        delay = 0.1
        while True:
            waiting = self.spool.waiting()
            if not waiting:
                self.wake.clear()
                try:
                    await asyncio.wait_for(self.wake.wait(), timeout=5)
                except asyncio.TimeoutError:
                    pass
                continue
            try:
                for path in waiting:
                    await self.replay(path)
                delay = 0.1
            except DB_DOWN:
                connections_lost(self.pool)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 1.0)

    async def replay(self, path: Path) -> None:
        item = self.spool.read(path)
        if item is None:
            path.rename(path.with_suffix(".damaged"))  # kept for a person, never retried
            log.error("spooled report unreadable", extra={"event": "spool_damaged", "file": path.name})
            return
        async with clinic_tx(self.pool, None) as conn:
            org_id = await credentials.clinic_for(conn, "clinic_for_webhook_secret", item["digest"])
        if org_id is None:
            self.spool.remove(path)
            log.warning("spooled report had no valid secret", extra={"event": "spool_unauthorised"})
            return
        if item.get("signature"):  # the record the outage kept from being written: "never reused" after a restart
            async with clinic_tx(self.pool, org_id) as conn:
                await vapi_auth.record_delivery(conn, org_id, item["signature"])  # kept already: our own first try
        report = vapi.end_of_call(vapi.message_of(item["body"])[1])
        report.ended_at = report.ended_at or datetime.fromtimestamp(item["receivedAt"], timezone.utc)
        try:
            outcome = await calls.record_end(self.pool, self.follow_ups, org_id, report, self.hold_minutes)
        except ApiError as refused:  # e.g. a call that does not exist: it never will
            log.warning("spooled report refused", extra={"event": "spool_refused", "status": refused.status})
        else:
            log.info("spooled report stored", extra={"event": "spool_stored", "call_id": report.call_id,
                                                     "duplicate": outcome["duplicate"]})
        self.spool.remove(path)
