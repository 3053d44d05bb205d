"""Clinic credentials (stored only as hashes) and the signed resume-link tokens."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time

from .errors import unauthorized


def new_api_key() -> str:
    return "ck_" + secrets.token_urlsafe(24)


def new_webhook_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(24)


def digest(secret: str) -> str:
    """Keys and secrets are random and long, so a plain SHA-256 is a sound stored form."""
    return hashlib.sha256(secret.encode()).hexdigest()


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class BadToken(Exception):
    """The link's token is forged, altered, expired or for another call."""


TOKEN_LIFETIME_S = 14 * 24 * 3600


def sign_resume_token(key: bytes, org_id: str, call_id: str, now: float | None = None) -> str:
    claims = {"o": org_id, "c": call_id, "e": int((now or time.time()) + TOKEN_LIFETIME_S)}
    payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
    signature = _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())
    return f"{payload}.{signature}"


def verify_resume_token(key: bytes, token: str, call_id: str, now: float | None = None) -> str:
    """Returns the clinic the link belongs to; raises BadToken otherwise."""
    try:
        payload, signature = token.split(".")
        expected = _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, signature):
            raise BadToken("signature does not match")
        claims = json.loads(_unb64(payload))
        org_id, token_call, expires = claims["o"], claims["c"], int(claims["e"])
    except BadToken:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise BadToken("malformed token") from exc
    if token_call != call_id:
        raise BadToken("token is for another call")
    if expires < (now or time.time()):
        raise BadToken("link expired")
    return org_id


async def clinic_for(db, function: str, secret_digest: str) -> str | None:
    """`function` is one of the definer look-ups (clinic_for_api_key, clinic_for_webhook_secret):
    they need no clinic set, so one statement outside a transaction will do (pinned decision 14)."""
    return await db.fetchval(f"SELECT {function}($1)", secret_digest)


class Proven:
    """Credentials the database has already turned into a clinic, by digest. A credential's
    clinic never changes (keys are neither moved nor withdrawn), so asking again would only
    cost a round trip on every request (issue 20: a claim's second round trip). Only credentials
    that held are kept, a bounded number; an unknown one is asked about every time."""

    LIMIT = 10_000

    def __init__(self) -> None:
        self._clinics: dict[tuple[str, str], str] = {}

    def get(self, function: str, secret_digest: str) -> str | None:
        return self._clinics.get((function, secret_digest))

    def keep(self, function: str, secret_digest: str, org_id: str) -> None:
        if len(self._clinics) >= self.LIMIT:
            self._clinics.pop(next(iter(self._clinics)))
        self._clinics[(function, secret_digest)] = org_id


async def clinic_of(db, function: str, secret: str | None, proven: Proven | None = None) -> str:
    """The clinic a presented credential belongs to, or 401."""
    if not secret or len(secret) > 200:
        raise unauthorized()
    secret_digest = digest(secret)
    org_id = proven.get(function, secret_digest) if proven else None
    if org_id is None:
        org_id = await clinic_for(db, function, secret_digest)
        if org_id is None:
            raise unauthorized()
        if proven:
            proven.keep(function, secret_digest, org_id)
    return org_id


def vapi_hmac_secret(key: bytes, org_id: str) -> str:
    """An HMAC clinic's signing key must be known to the service to check a signature, yet no
    secret is stored in the clear: it is derived from the service's key and the clinic's id
    (domain-separated from the link tokens), and only its digest is stored like any secret."""
    derived = hmac.new(key, f"vapi-hmac:{org_id}".encode(), hashlib.sha256).digest()
    return "whsec_" + _b64(derived)
