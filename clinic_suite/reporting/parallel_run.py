"""The acceptance run in parallel: the embedded stack once, and several behave workers on it,
each with its share of the features (the heaviest first, to the lightest worker so far)."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from embedded_stack import prefork

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


def split(weights: dict[Path, float], workers: int, first: set[Path] = frozenset(),
          together: set[Path] = frozenset()) -> list[list[Path]]:
    """`first` (the features that take the system down) all to the first worker; `together` (the
    features that open a patient's page) all to one worker, the lightest when the first of them
    is placed, so that one Chromium serves them; then the heaviest feature first, each to the
    lightest worker so far."""
    shares: list[list[Path]] = [[] for _ in range(workers)]
    loads = [0.0] * workers
    joint = None
    for feature in sorted(weights, key=lambda f: (f not in first, -weights[f])):
        lightest = loads.index(min(loads))
        if feature in first:
            lightest = 0
        elif feature in together:
            joint = lightest if joint is None else joint
            lightest = joint
        shares[lightest].append(feature)
        loads[lightest] += weights[feature]
    return [share for share in shares if share]


# What each feature cost in the last parallel run, and whether it opened a page (reports/).
COSTS = "feature-costs.json"


def browsing(reports: Path) -> set[Path]:
    """The features whose scenarios opened a patient's page in the last parallel run: each
    worker that opens one starts a Chromium and Playwright's driver (about 2.5 s of CPU)."""
    path = reports / COSTS
    if not path.exists():
        return set()
    return {ROOT / name for name, cost in json.loads(path.read_text()).items() if cost.get("browser")}


def record_costs(reports: Path, records: list[dict]) -> None:
    costs: dict[str, dict] = {}
    for record in records:
        cost = costs.setdefault(record["file"].rsplit(":", 1)[0], {"seconds": 0.0, "browser": False})
        cost["seconds"] = round(cost["seconds"] + record.get("durationSeconds", 0.0), 3)
        cost["browser"] = cost["browser"] or "browserSessionStartMs" in record.get("metrics", {})
    reports.mkdir(parents=True, exist_ok=True)
    (reports / COSTS).write_text(json.dumps(costs, indent=1, sort_keys=True))


def taking_the_system_down(features) -> set[Path]:
    """Features with a @serial scenario (it stops the database or the service)."""
    return {f for f in features if "@serial" in f.read_text()}


def _start_stack(env: dict) -> subprocess.Popen:
    return prefork.popen(["-m", "embedded_stack.serve", "--handle"], cwd=ROOT, env=env, stdout=subprocess.PIPE)


def run_parallel(env: dict, workers_wanted: int, reports: Path, behave_command: Callable) -> int:
    """The embedded stack once, and `workers_wanted` behave processes on it, each with its share of the
    features. The features that take the system down (@serial) go to one worker with a stack of its
    own, so that nobody waits while the database is down: before, the others stood still for each
    such scenario (features/environment.py, SUITE_SERIAL_LOCK, still taken if two workers shared
    them). The suite mostly waits on the system and the system on the suite: a few at once keep
    both cores busy."""
    started = time.monotonic()
    with prefork.servers(["suite", "system"], env) as forking:
        return _run(started, {**env, **forking}, workers_wanted, reports, behave_command)


def _run(started: float, env: dict, workers_wanted: int, reports: Path, behave_command: Callable) -> int:
    run_dir = run_record.RUN_DIR
    run_dir.mkdir(parents=True, exist_ok=True)
    weights = feature_weights(reports)
    down = taking_the_system_down(weights)
    shares = split(weights, workers_wanted, down, browsing(reports))
    private = bool(down) and len(shares) > 1
    stacks = [_start_stack(env)] + ([_start_stack({**env, "CLINIC_PRELOAD_MODEL": "0"})] if private else [])
    try:
        handles = [stack.stdout.readline().strip() for stack in stacks]
        if not all(handles):
            print("the embedded stack did not start", file=sys.stderr)
            return 1
        run_record.write_timing("stack start-up", time.monotonic() - started)
        lock = run_dir / "serial.lock"
        shared = {**env, "SUITE_EMBEDDED_STACK": handles[0], "SUITE_SERIAL_LOCK": str(lock)}
        envs = [{**env, "SUITE_EMBEDDED_STACK": handles[1]} if private and i == 0 else shared
                for i in range(len(shares))]
        logs = [run_dir / f"worker-{i}.out" for i in range(len(shares))]
        workers = [prefork.popen(behave_command([str(f.relative_to(ROOT)) for f in share])[1:], cwd=ROOT,
                                 env=worker_env, stdout=log.open("w"), stderr=subprocess.STDOUT)
                   for share, log, worker_env in zip(shares, logs, envs)]
        codes = [w.wait() for w in workers]
        path = run_record.scenarios_file()
        record_costs(reports, [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else [])
        for log in logs:
            print(log.read_text(), end="")
        return max(codes)
    finally:
        for stack in stacks:
            stack.terminate()
        for stack in stacks:
            stack.wait(timeout=30)
