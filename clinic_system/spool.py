"""End-of-call reports accepted while the database is unreachable.

Vapi sends an end-of-call report once and does not retry by default, so a report that
arrives during a database outage is written here, encrypted (it holds what a patient
said), and stored when the database is back; the file is deleted once stored. Reports
are keyed by call id downstream, so a duplicate delivery stores nothing twice."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from .limits import MAX_BODY

MAX_FILES = 5000            # beyond this the service answers 503: a full disk helps nobody
# One report: any body the request limit let in, plus what is kept beside it (digest, time,
# signature). Written compact and in UTF-8, a parsed body is never longer than it arrived.
MAX_BYTES = MAX_BODY + 4096


class SpoolFull(Exception):
    pass


class Spool:
    def __init__(self, folder: Path, key: bytes):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.fernet = Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"end-of-call-spool:" + key).digest()))

    def put(self, secret_digest: str, body: dict, signature: str | None = None) -> Path:
        """`signature`: an HMAC delivery's, whose record is written when the report is stored."""
        if len(list(self.folder.glob("*.report"))) >= MAX_FILES:
            raise SpoolFull("spool full")
        data = json.dumps({"digest": secret_digest, "receivedAt": time.time(), "body": body,
                           **({"signature": signature} if signature else {})},
                          ensure_ascii=False, separators=(",", ":")).encode()
        if len(data) > MAX_BYTES:
            raise SpoolFull("report too large to keep")
        name = f"{time.time_ns():020d}-{secrets.token_hex(4)}"
        partial = self.folder / f"{name}.partial"
        with open(partial, "wb") as out:
            out.write(self.fernet.encrypt(data))
            out.flush()
            os.fsync(out.fileno())
        final = self.folder / f"{name}.report"
        partial.rename(final)  # atomic: a reader never sees half a report
        return final

    def waiting(self) -> list[Path]:
        return sorted(self.folder.glob("*.report"))

    def read(self, path: Path) -> dict | None:
        """The spooled item, or None if the file cannot be decrypted (not ours, or damaged)."""
        try:
            return json.loads(self.fernet.decrypt(path.read_bytes()))
        except (InvalidToken, ValueError, OSError):
            return None

    @staticmethod
    def remove(path: Path) -> None:
        path.unlink(missing_ok=True)
