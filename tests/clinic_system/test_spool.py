"""The spool keeps any end-of-call report the request limit let in (CC-F2 near 1 MB)."""
import json
import secrets

import pytest

from clinic_system.limits import MAX_BODY
from clinic_system.spool import Spool, SpoolFull


def body_of_size(size: int, filler: str) -> dict:
    """A report whose JSON, as sent (json.dumps's defaults: ASCII escapes), is `size` bytes."""
    body = {"message": {"type": "end-of-call-report", "artifact": {"transcript": ""}}}
    empty = len(json.dumps(body))
    per_char = len(json.dumps(filler)) - 2
    body["message"]["artifact"]["transcript"] = filler * ((size - empty) // per_char)
    return body


@pytest.mark.parametrize("filler", ["a", "é", "\n"])   # plain, escaped as \\u00e9, escaped as \\n
def test_a_report_just_under_the_request_limit_is_kept_and_read_back(tmp_path, filler):
    spool = Spool(tmp_path, secrets.token_bytes(32))
    body = body_of_size(MAX_BODY - 10, filler)
    assert len(json.dumps(body)) <= MAX_BODY
    path = spool.put("d" * 64, body, signature="s" * 64)
    assert spool.read(path)["body"] == body


def test_a_report_far_beyond_any_request_is_refused(tmp_path):
    spool = Spool(tmp_path, secrets.token_bytes(32))
    with pytest.raises(SpoolFull):
        spool.put("d" * 64, body_of_size(MAX_BODY + 10_000, "a"))
