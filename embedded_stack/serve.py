"""`make serve`: the embedded stack in the foreground with the plan's two clinics set up.
Prints one JSON line (URLs, tokens, clinics' credentials); Ctrl-C stops everything.
`--handle`: no clinics; the line is the stack's handle for the acceptance run's workers."""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import httpx

from .stack import PROJECT, EmbeddedStack, describe, handle, serve_control

FIXTURE = PROJECT / "fixtures" / "clinics.json"


def set_up_clinics(api_url: str, admin_token: str, fixture: Path = FIXTURE) -> dict:
    clinics = {}
    with httpx.Client(base_url=api_url, headers={"Authorization": f"Bearer {admin_token}"}, timeout=10) as http:
        for key, clinic in json.loads(fixture.read_text()).items():
            # Each clinic owns a Vapi assistant and number, so a call can begin with Vapi's own message.
            line = {"auth": "secret", "assistantId": f"asst_{key}", "phoneNumberId": f"pn_{key}"}
            answer = http.post("/api/admin/clinics", json={**clinic, "vapi": line})
            answer.raise_for_status()
            created = answer.json()
            clinics[key] = {"name": clinic["name"], "orgId": created["orgId"], "apiKey": created["apiKey"],
                            "webhookSecret": created["webhookSecret"], "vapi": created.get("vapi")}
    return clinics


def main() -> None:
    started = time.monotonic()
    stack = EmbeddedStack()
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    asked = False

    def ask(*_):
        nonlocal asked
        asked = True

    # Each signal also writes a byte here: the loop below sleeps on it instead of polling (a
    # 20 ms poll cost each stack's owner about a second of CPU over a run).
    woken, wake = os.pipe()
    os.set_blocking(wake, False)
    signal.set_wakeup_fd(wake)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGUSR2, ask)  # an attached worker wants the service killed or restarted
    try:
        info = stack.start()
        if "--handle" in sys.argv:  # for the acceptance run's parallel workers (stack.AttachedStack)
            print(handle(stack), flush=True)
        else:
            line = {**describe(info), "clinics": set_up_clinics(info.api_url, info.admin_token),
                    "startupSeconds": round(time.monotonic() - started, 2)}
            print(json.dumps(line), flush=True)
        print("serving; Ctrl-C stops everything", file=sys.stderr, flush=True)
        while not stopping:
            if asked:
                asked = False
                serve_control(stack)
                continue
            os.read(woken, 512)  # until a signal: its handler has run by the time this returns
    finally:
        stack.stop()
        print("stopped", file=sys.stderr)


if __name__ == "__main__":
    main()
