"""The acceptance run in parallel: the embedded stack once, and several behave workers on it,
each with its share of the features (the heaviest first, to the lightest worker so far; a
feature too long for one worker cut into its scenarios)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from embedded_stack import prefork

from . import run_record

ROOT = Path(__file__).resolve().parents[2]


def feature_weights(reports: Path) -> dict[Path, float]:
    """Each feature file's seconds in the last run (reports/summary.json), else a third of a second
    for each of its scenarios and outline rows (a clean clone: the KB question sets' file is a hundred)."""
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
    return {f: last.get(titles[f]) or 0.3 * len(scenario_locations(f)) for f in files}


def scenario_locations(feature: Path) -> list[str]:
    """Each scenario's (each outline row's) location as behave names it, from the file as it is
    now: `features/x.feature:24`."""
    from behave.parser import parse_file

    parsed = parse_file(str(feature))
    return [f"{feature.relative_to(ROOT)}:{s.line}" for s in parsed.walk_scenarios()] if parsed else []


def units(weights: dict[Path, float], workers: int, reports: Path, whole: set[Path]) -> dict:
    """What the workers share: features, except that one heavier than half a worker's share is
    cut into its scenarios (`path:line`, weighed by the last run's seconds for each), so that one
    long feature (the KB question sets) no longer sets the run's length. `whole` (the features that
    take the system down, the ones that open a page) stay whole."""
    share = sum(weights.values()) / max(1, workers)
    last = _scenario_costs(reports)
    out: dict = {}
    for feature, weight in weights.items():
        locations = scenario_locations(feature) if weight > share / 2 and feature not in whole else []
        if len(locations) < 2:
            out[feature] = weight
            continue
        known = [last[l] for l in locations if l in last]
        usual = sum(known) / len(known) if known else weight / len(locations)
        out.update({location: last.get(location, usual) for location in locations})
    return out


def _scenario_costs(reports: Path) -> dict[str, float]:
    path = reports / COSTS
    if not path.exists():
        return {}
    return {location: seconds for cost in json.loads(path.read_text()).values()
            for location, seconds in cost.get("scenarios", {}).items()}


def as_arguments(share: list) -> list[str]:
    """A worker's share as behave's arguments: whole features, then the scenarios cut from a
    feature, those of one file side by side (behave reads a file once for its run of them)."""
    whole = [str(u.relative_to(ROOT)) for u in share if isinstance(u, Path)]
    cut = sorted((u for u in share if isinstance(u, str)), key=lambda l: (l.rsplit(":", 1)[0], int(l.rsplit(":", 1)[1])))
    return whole + cut


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
        cost = costs.setdefault(record["file"].rsplit(":", 1)[0], {"seconds": 0.0, "browser": False, "scenarios": {}})
        cost["seconds"] = round(cost["seconds"] + record.get("durationSeconds", 0.0), 3)
        cost["browser"] = cost["browser"] or "browserSessionStartMs" in record.get("metrics", {})
        cost["scenarios"][record["file"]] = round(record.get("durationSeconds", 0.0), 3)
    reports.mkdir(parents=True, exist_ok=True)
    (reports / COSTS).write_text(json.dumps(costs, indent=1, sort_keys=True))


def taking_the_system_down(features) -> set[Path]:
    """Features with a @serial scenario (it stops the database or the service)."""
    return {f for f in features if "@serial" in f.read_text()}


def _start_stack(env: dict) -> subprocess.Popen:
    return prefork.popen(["-m", "embedded_stack.serve", "--handle"], cwd=ROOT, env=env, stdout=subprocess.PIPE)


def run_parallel(env: dict, workers_wanted: int, reports: Path, behave_command: Callable, junit_folder: Path) -> int:
    """The embedded stack once, and `workers_wanted` behave processes on it, each with its share of the
    features. The features that take the system down (@serial) go to one worker with a stack of its
    own, so that nobody waits while the database is down: before, the others stood still for each
    such scenario (features/environment.py, SUITE_SERIAL_LOCK, still taken if two workers shared
    them). The suite mostly waits on the system and the system on the suite: a few at once keep
    both cores busy."""
    started = time.monotonic()
    with prefork.servers(["suite", "system"], env) as forking:
        return _run(started, {**env, **forking}, workers_wanted, reports, behave_command, junit_folder)


def _run(started: float, env: dict, workers_wanted: int, reports: Path, behave_command: Callable,
         junit_folder: Path) -> int:
    run_dir = run_record.RUN_DIR
    run_dir.mkdir(parents=True, exist_ok=True)
    weights = feature_weights(reports)
    down, pages = taking_the_system_down(weights), browsing(reports)
    shares = split(units(weights, workers_wanted, reports, down | pages), workers_wanted, down, pages)
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
        # Each worker its own JUnit folder: a feature cut between two would have each write its file.
        junits = [run_dir / f"junit-{i}" for i in range(len(shares))]
        workers = [prefork.popen(behave_command(as_arguments(share), junit)[1:], cwd=ROOT,
                                 env=worker_env, stdout=log.open("w"), stderr=subprocess.STDOUT)
                   for share, log, worker_env, junit in zip(shares, logs, envs, junits)]
        codes = [w.wait() for w in workers]
        merge_junit(junits, junit_folder)
        path = run_record.scenarios_file()
        record_costs(reports, [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else [])
        for log, share in zip(logs, shares):
            print(log.read_text(), end="")
            cut = sorted({u.rsplit(":", 1)[0] for u in share if isinstance(u, str)})
            if cut:
                print(f"(this worker's skipped count includes the scenarios of {', '.join(cut)} "
                      "that another worker ran)")
        return max(codes)
    finally:
        for stack in stacks:
            stack.terminate()
        for stack in stacks:
            stack.wait(timeout=30)


def merge_junit(parts: list[Path], into: Path) -> None:
    """The workers' JUnit files in one folder, as behave wrote them. A feature cut between
    workers has a file from each, where each lists the scenarios it was not given as skipped:
    they become one test suite, each scenario once, as it ran (skipped only if it was skipped
    everywhere), with the counts and time of what is kept."""
    import xml.etree.ElementTree as ET

    into.mkdir(parents=True, exist_ok=True)
    by_name: dict[str, list[Path]] = {}
    for part in parts:
        for path in sorted(part.glob("*.xml")):
            by_name.setdefault(path.name, []).append(path)
    for name, paths in by_name.items():
        if len(paths) == 1:
            shutil.copy2(paths[0], into / name)
            continue
        suites = [ET.parse(p).getroot() for p in paths]
        cases: dict[tuple, ET.Element] = {}
        for case in (c for suite in suites for c in suite.findall("testcase")):
            key = (case.get("classname"), case.get("name"))
            if key not in cases or (cases[key].find("skipped") is not None and case.find("skipped") is None):
                cases[key] = case
        kept = suites[0]
        for case in kept.findall("testcase"):
            kept.remove(case)
        kept.extend(cases.values())
        having = lambda tag: sum(1 for c in cases.values() if c.find(tag) is not None)  # noqa: E731
        for count, value in (("tests", len(cases)), ("failures", having("failure")), ("errors", having("error")),
                             ("skipped", having("skipped"))):
            kept.set(count, str(value))
        kept.set("time", f"{sum(float(c.get('time', '0')) for c in cases.values()):.6f}")
        ET.ElementTree(kept).write(into / name, encoding="utf-8")
