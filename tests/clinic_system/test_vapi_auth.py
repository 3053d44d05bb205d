"""The parts of Vapi's credential check that need no database: which headers count, the
timestamp window, and an HMAC clinic checked from memory while the database is down (the
database parts are proven by features/inbound_calls.feature)."""
import asyncio
import hashlib
import hmac
import json
import time
from contextlib import asynccontextmanager

import pytest

from clinic_system import credentials, vapi_auth
from clinic_system.errors import ApiError
from clinic_system.vapi_memory import Memory


@pytest.mark.parametrize("headers,expected", [
    ({"x-vapi-secret": "s1"}, ("s1", "secret", None)),
    ({"authorization": "Bearer s1"}, ("s1", "bearer", None)),
    ({"x-vapi-signature": "ABC", "x-vapi-timestamp": "1"}, (None, None, "abc")),
])
def test_presented(headers, expected):
    shown = vapi_auth.presented(headers)
    assert (shown.secret, shown.via, shown.signature) == expected


@pytest.mark.parametrize("headers", [{}, {"authorization": "Basic s1"}, {"x-vapi-secret": "s" * 201}])
def test_nothing_usable_is_401(headers):
    with pytest.raises(ApiError) as refused:
        vapi_auth.presented(headers)
    assert refused.value.status == 401


@pytest.mark.parametrize("offset,fresh", [(0, True), (-299, True), (-301, False), (301, False)])
def test_timestamp_window_in_seconds_and_milliseconds(offset, fresh):
    for stamp in (str(int(time.time() + offset)), str(int((time.time() + offset) * 1000))):
        if fresh:
            vapi_auth._fresh(stamp)
        else:
            with pytest.raises(ApiError):
                vapi_auth._fresh(stamp)


def test_hmac_secrets_differ_by_clinic_and_key():
    assert credentials.vapi_hmac_secret(b"k", "org_1") != credentials.vapi_hmac_secret(b"k", "org_2")
    assert credentials.vapi_hmac_secret(b"k", "org_1") != credentials.vapi_hmac_secret(b"j", "org_1")


KEY, ORG = b"service-key", "org_hmac"
MESSAGE = {"type": "end-of-call-report", "call": {"id": "call_1", "assistantId": "asst_1", "phoneNumberId": "pn_1"}}
RAW = json.dumps({"message": MESSAGE}).encode()


class Database:
    """The two things the check asks the database: whose line, and was this delivery seen."""

    def __init__(self):
        self.up, self.deliveries = True, set()

    def _answering(self):
        if not self.up:
            raise ConnectionRefusedError(111, "Connect call failed")

    async def fetchval(self, sql, *args):
        self._answering()
        if "clinic_for_vapi_line" in sql:
            return ORG if args == ("asst_1", "pn_1") else None
        if "vapi_deliveries" in sql:
            first = args not in self.deliveries
            self.deliveries.add(args)
            return 1 if first else None

    async def execute(self, sql, *args):
        self._answering()

    @asynccontextmanager
    async def acquire(self):
        self._answering()
        yield self

    @asynccontextmanager
    async def transaction(self):
        yield


def signed(stamp: str | None = None, secret: str | None = None) -> vapi_auth.Presented:
    stamp = stamp or str(int(time.time() * 1000))
    secret = secret or credentials.vapi_hmac_secret(KEY, ORG)
    signature = hmac.new(secret.encode(), stamp.encode() + b"." + RAW, hashlib.sha256).hexdigest()
    return vapi_auth.Presented(signature=signature, timestamp=stamp)


def clinic(database, shown, memory, message=MESSAGE):
    return asyncio.run(vapi_auth.clinic_of(database, KEY, shown, RAW, message, memory))


def seen_before_outage():
    database, memory = Database(), Memory(vapi_auth.WINDOW_S)
    assert clinic(database, signed(str(int(time.time() * 1000) - 1000)), memory) == ORG
    database.up = False
    return database, memory


def test_a_clinic_seen_before_the_outage_is_checked_from_memory():
    database, memory = seen_before_outage()
    assert clinic(database, signed(), memory) == ORG


def test_a_clinic_never_seen_is_not_taken_during_an_outage():
    database, memory = Database(), Memory(vapi_auth.WINDOW_S)
    database.up = False
    with pytest.raises(ConnectionRefusedError):
        clinic(database, signed(), memory)


def test_during_an_outage_a_wrong_signature_is_still_401():
    database, memory = seen_before_outage()
    with pytest.raises(ApiError) as refused:
        clinic(database, signed(secret="whsec_someone_else"), memory)
    assert refused.value.status == 401


def test_during_an_outage_a_delivery_is_taken_once():
    database, memory = seen_before_outage()
    shown = signed()
    assert clinic(database, shown, memory) == ORG
    with pytest.raises(ApiError) as refused:
        clinic(database, shown, memory)
    assert refused.value.status == 401


def test_a_delivery_taken_before_the_outage_is_refused_during_it():
    database, memory = Database(), Memory(vapi_auth.WINDOW_S)
    shown = signed()
    assert clinic(database, shown, memory) == ORG
    database.up = False
    with pytest.raises(ApiError):
        clinic(database, shown, memory)


def test_with_the_database_up_its_record_decides_even_when_memory_has_forgotten():
    database = Database()
    shown = signed()
    assert clinic(database, shown, Memory(vapi_auth.WINDOW_S)) == ORG
    with pytest.raises(ApiError):
        clinic(database, shown, Memory(vapi_auth.WINDOW_S))  # a restarted service: memory empty


def test_a_line_the_database_no_longer_gives_an_hmac_clinic_is_forgotten():
    database, memory = seen_before_outage()
    database.up = True
    moved = {**MESSAGE, "call": {**MESSAGE["call"], "assistantId": "asst_2", "phoneNumberId": "pn_2"}}
    memory.learn(("asst_2", "pn_2"), ORG)
    assert clinic(database, signed(), memory, moved) is None
    assert memory.clinic(("asst_2", "pn_2")) is None
