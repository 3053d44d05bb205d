"""Every check goes through `check`, so the report counts real assertions, and
`eventually`, which polls with a deadline and says what it last saw."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from hamcrest import assert_that


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0


_tally = Tally()


def reset() -> Tally:
    global _tally
    _tally = Tally()
    return _tally


def check(actual, matcher, reason: str = "") -> None:
    try:
        assert_that(actual, matcher, reason)
    except AssertionError:
        _tally.failed += 1
        raise
    _tally.passed += 1


async def eventually(probe, within: float, what: str, every: float = 0.01):
    """Await `probe()` until it returns something truthy; fail after `within` seconds."""
    deadline = time.monotonic() + within
    last = None
    while True:
        last = await probe()
        if last:
            return last
        if time.monotonic() >= deadline:
            _tally.failed += 1
            raise AssertionError(f"{what}: not seen within {within:g}s (last seen: {last!r})")
        await asyncio.sleep(every)
