"""The acceptance run in parallel: the embedded stack once, and several behave workers on it,
each with its share of the features (the heaviest first, to the lightest worker so far)."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from . import run_record

ROOT = Path(__file__).resolve().parents[2]


def feature_weights(reports: Path) -> dict[Path, float]:
    """Each feature file's seconds in the last run (reports/summary.json), else its scenario count."""
    files = sorted((ROOT / "features").glob("*.feature"))
    titles = {f: next((l.split(":", 1)[1].strip() for l in f.read_text().splitlines()
                       if l.strip().startswith("Feature:")), f.stem) for f in files}
    last: dict[str, float] = {}
    previous = reports / "summary.json"
    if previous.exists():
        for test in json.loads(previous.read_text()).get("tests", []):
            for scenario in test.get("scenarios", []):
                last[scenario.get("feature", "")] = last.get(scenario.get("feature", ""), 0.0) + \
                    scenario.get("durationSeconds", 0.0)
    return {f: last.get(titles[f]) or 0.3 * f.read_text().count("Scenario") for f in files}


def split(weights: dict[Path, float], workers: int) -> list[list[Path]]:
    """The heaviest feature first, each to the lightest worker so far."""
    shares: list[list[Path]] = [[] for _ in range(workers)]
    loads = [0.0] * workers
    for feature in sorted(weights, key=weights.get, reverse=True):
        lightest = loads.index(min(loads))
        shares[lightest].append(feature)
        loads[lightest] += weights[feature]
    return [share for share in shares if share]


def run_parallel(env: dict, workers_wanted: int, reports: Path, behave_command: Callable) -> int:
    """The embedded stack once, and `workers_wanted` behave processes on it, each with its share of the
    features; a @serial scenario runs alone (features/environment.py, SUITE_SERIAL_LOCK). The
    suite mostly waits on the system and the system on the suite: a few at once keep both cores busy."""
    run_dir = run_record.RUN_DIR
    run_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    stack = subprocess.Popen([sys.executable, "-m", "embedded_stack.serve", "--handle"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, text=True)
    try:
        line = stack.stdout.readline()
        if not line:
            print("the embedded stack did not start", file=sys.stderr)
            return 1
        run_record.write_timing("stack start-up", time.monotonic() - started)
        lock = run_dir / "serial.lock"
        shared = {**env, "SUITE_EMBEDDED_STACK": line.strip(), "SUITE_SERIAL_LOCK": str(lock)}
        logs = [run_dir / f"worker-{i}.out" for i in range(workers_wanted)]
        workers = [subprocess.Popen(behave_command([str(f.relative_to(ROOT)) for f in share]), cwd=ROOT, env=shared,
                                    stdout=log.open("w"), stderr=subprocess.STDOUT)
                   for share, log in zip(split(feature_weights(reports), workers_wanted), logs)]
        codes = [w.wait() for w in workers]
        for log in logs[:len(workers)]:
            print(log.read_text(), end="")
        return max(codes)
    finally:
        stack.terminate()
        stack.wait(timeout=30)
