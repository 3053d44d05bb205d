"""Limits on what a request may carry, checked before any handler parses it: bounded
size (413) and bounded JSON nesting (422), so hostile bodies cost little and never 500."""
from __future__ import annotations

import re
from typing import ClassVar

from pydantic import BaseModel, model_validator

MAX_BODY = 1_000_000        # a one-hour call's transcript is ~60 KB
MAX_UPLOAD = 6_000_000      # a procedure list PDF (the handler allows 5 MB)
MAX_DEPTH = 64


def limit_for(path: str) -> int:
    return MAX_UPLOAD if path == "/api/kb/documents" else MAX_BODY


def too_deep(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """True if JSON nests deeper than `limit` (brackets inside strings do not count)."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    depth, in_string, escaped = 0, False, False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


# Control characters (pinned decision 21): a NUL anywhere, and in the query or path any
# control character at all, is refused before a handler sees it (PostgreSQL refuses NUL in
# text, which would otherwise surface as a 500). Other control characters in JSON are refused
# too, tab, newline and carriage return excepted: free text (a transcript) carries them.
# Field validators refuse those three in ids, names, phones and times.
JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
JSON_CONTROL = re.compile(rb"(?<!\\)(?:\\\\)*\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def control_in_json(body: bytes) -> bool:
    return JSON_NUL.search(body) is not None or JSON_CONTROL.search(body) is not None


def control_in_url(path: str, query: str) -> bool:
    from urllib.parse import unquote

    return bool(CONTROL.search(unquote(path)) or CONTROL.search(unquote(query)))


def control_in_form(body: bytes) -> bool:
    from urllib.parse import unquote_to_bytes

    return b"\x00" in unquote_to_bytes(body.replace(b"+", b" "))


class Plain(BaseModel):
    """A request body whose strings are ids, names, phones and times: none may hold a control
    character. Fields that are free text (what a person wrote) are named in FREE."""
    FREE: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _no_control_characters(self):
        for name, value in self:
            if isinstance(value, str) and name not in self.FREE and CONTROL.search(value):
                raise ValueError(f"{name} must not contain control characters")
        return self
