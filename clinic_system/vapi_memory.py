"""What the service remembers of the HMAC-signing clinics, so that a signed end-of-call report
that arrives while the database is down can still be proven before it is kept (spool.py).

Two things, neither a secret: which clinic owns a line (the assistant and phone number a
message names), learned from each delivery whose signature held against the database's
answer (an HMAC clinic's key is derived from the service's key and the clinic's id,
credentials.vapi_hmac_secret, so the id is all it takes to check a signature); and which
timestamped signatures were taken in the window, so that none is taken twice while the
database cannot say. With the database up, the database decides both and memory only
follows; memory answers alone only while the database is unreachable. Nothing is loaded at
start-up: a definer function listing every clinic's lines is not of pinned decision 18's
kinds, so a clinic first heard of during an outage is answered 503 as before."""
from __future__ import annotations

import time
from collections import OrderedDict

Line = tuple[str | None, str | None]     # (assistant id, phone number id), as vapi_auth.line_of reads them

MAX_LINES = 10_000       # the least recently used line is forgotten beyond this


class Memory:
    def __init__(self, window_s: float, max_lines: int = MAX_LINES):
        self.keep_s = 2 * window_s          # as long as the database keeps its records of deliveries
        self.max_lines = max_lines
        self.lines: OrderedDict[Line, str] = OrderedDict()
        self.seen: OrderedDict[tuple[str, str], float] = OrderedDict()

    def learn(self, line: Line, org_id: str | None) -> None:
        """What the database answered for a line: its clinic (once a signature held), or none."""
        if org_id is None:
            self.lines.pop(line, None)
            return
        self.lines[line] = org_id
        self.lines.move_to_end(line)
        while len(self.lines) > self.max_lines:
            self.lines.popitem(last=False)

    def clinic(self, line: Line) -> str | None:
        """The clinic that owned the line when the database last said so; None if never seen."""
        return self.lines.get(line)

    def first(self, org_id: str, signature: str, now: float | None = None) -> bool:
        """True the first time a clinic's signature is presented in the window, False after."""
        now = time.monotonic() if now is None else now
        while self.seen and next(iter(self.seen.values())) < now - self.keep_s:
            self.seen.popitem(last=False)
        if (org_id, signature) in self.seen:
            return False
        self.seen[(org_id, signature)] = now
        return True
