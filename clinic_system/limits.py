"""Limits on what a request may carry, checked before any handler parses it: bounded
size (413) and bounded JSON nesting (422), so hostile bodies cost little and never 500."""
from __future__ import annotations

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
