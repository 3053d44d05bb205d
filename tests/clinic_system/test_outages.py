"""A dying database, as the service sees it: what counts as "down", what the voice agent
says meanwhile, and background work that waits for the database to come back."""
import asyncio

import asyncpg
import pytest

from clinic_suite.journeys import payloads
from clinic_system import db, vapi
from clinic_system.routes.vapi import OUTAGE_LINE, diary_unreachable
from clinic_system.spool import Spool


@pytest.mark.parametrize("failure", [
    asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
    asyncpg.InterfaceError("cannot call Transaction.__aexit__(): the underlying connection is closed"),
    asyncpg.InternalClientError("unknown error in protocol implementation"),
    asyncpg.TooManyConnectionsError("sorry, too many clients already"),
    asyncpg.CannotConnectNowError("the database system is starting up"),
    asyncpg.AdminShutdownError("terminating connection due to administrator command"),
    ConnectionRefusedError(111, "Connect call failed"),
    ConnectionResetError(104, "Connection reset by peer"),
])
def test_every_way_a_dying_database_fails_counts_as_down(failure):
    assert isinstance(failure, db.DB_DOWN)


def test_a_refusal_by_the_rules_is_not_an_outage():
    assert not isinstance(asyncpg.UniqueViolationError("duplicate key"), db.DB_DOWN)


def test_tool_calls_during_an_outage_get_the_pinned_line():
    _, message = vapi.message_of(payloads.tool_calls("call_1", [("t1", "select_slot", {"slotTime": "x"}),
                                                                 ("t2", "check_availability", {})]))
    answer = diary_unreachable(message)
    assert answer == {"results": [
        {"toolCallId": "t1", "name": "select_slot", "result": OUTAGE_LINE},
        {"toolCallId": "t2", "name": "check_availability", "result": OUTAGE_LINE}]}
    assert OUTAGE_LINE == ("I'm having trouble reaching the diary right now. "
                           "I'll text you a link to finish booking.")


class FakePool:
    def __init__(self):
        self.expired = 0

    def expire_connections(self):
        self.expired += 1


def test_background_work_waits_out_an_outage_on_fresh_connections():
    pool, tries = FakePool(), []

    async def work():
        tries.append(1)
        if len(tries) < 3:
            raise asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation")
        return "stored"
    assert asyncio.run(db.until_database_answers(work, pool, patience_s=5)) == "stored"
    assert len(tries) == 3 and pool.expired == 2


def test_background_work_gives_up_after_its_patience():
    async def work():
        raise ConnectionRefusedError(111, "Connect call failed")
    with pytest.raises(ConnectionRefusedError):
        asyncio.run(db.until_database_answers(work, FakePool(), patience_s=0))


def test_the_spool_keeps_an_hmac_deliverys_signature_and_only_then(tmp_path):
    spool = Spool(tmp_path, b"service-key")
    signed, plain = spool.put("digest", {"message": {}}, "abc123"), spool.put("digest", {"message": {}})
    assert spool.read(signed)["signature"] == "abc123"
    assert "signature" not in spool.read(plain)
    assert b"abc123" not in signed.read_bytes()  # encrypted like the rest
