"""Test configuration only (CLINIC_COVERAGE_CONTEXTS=1, set by the embedded stack for
`make mutants`): the scenario the suite names in `x-suite-scenario` becomes coverage.py's
dynamic context, so each line of the system knows which scenarios ran it."""
from __future__ import annotations

import os

from fastapi import FastAPI, Request

HEADER = "x-suite-scenario"


def install(app: FastAPI) -> None:
    if os.environ.get("CLINIC_COVERAGE_CONTEXTS") != "1":
        return
    import coverage

    measured = coverage.Coverage.current()
    if measured is None:
        return
    current = {"context": None}

    @app.middleware("http")
    async def switch(request: Request, call_next):
        named = request.headers.get(HEADER)
        if named and named != current["context"]:
            measured.switch_context(named)  # background work after this request counts for it too
            current["context"] = named
        return await call_next(request)
