"""The parts of Vapi's credential check that need no database: which headers count, and the
timestamp window (the database parts are proven by features/inbound_calls.feature)."""
import time

import pytest

from clinic_system import credentials, vapi_auth
from clinic_system.errors import ApiError


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
