"""The resume link in a follow-up text, and the ways a stranger might tamper with it."""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from urllib.parse import parse_qs, urlsplit

URL = re.compile(r"https?://\S+")


def find(text: str) -> str | None:
    """The link in a text: the first web address in it that carries a token and a call."""
    for match in URL.finditer(text):
        query = parse_qs(urlsplit(match.group(0)).query)
        if "token" in query and "callId" in query:
            return match.group(0)
    return None


def parts(link: str) -> tuple[str, str]:
    """(token, callId) from a link."""
    query = parse_qs(urlsplit(link).query)
    return query["token"][0], query["callId"][0]


def altered_signature(token: str) -> str:
    payload, signature = token.rsplit(".", 1)
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    return f"{payload}.{flipped}"


def stranger_signature(token: str) -> str:
    payload = token.rsplit(".", 1)[0]
    forged = hmac.new(secrets.token_bytes(32), payload.encode(), hashlib.sha256).digest()
    return f"{payload}.{base64.urlsafe_b64encode(forged).rstrip(b'=').decode()}"
