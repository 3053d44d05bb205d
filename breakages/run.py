"""`make breakages`: apply each breakage to a temporary copy of the project (a patch may
name any folder: the reference system, the embedded stack's settings, fixtures; pinned
decision 25), run the scenarios of the criteria it names from that copy (so the embedded
stack, too, starts from it), and expect at least one of them red. Writes
reports/breakages.json for the next acceptance run.

    python -m breakages.run [name ...]     (no names: the whole catalogue)
"""
from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache, partial
from pathlib import Path

from clinic_suite.reporting.commit import current_commit
from embedded_stack import prefork
from embedded_stack.postgres import scratch

ROOT = Path(__file__).resolve().parent.parent
PATCHES = Path(__file__).resolve().parent / "patches"
RESULT = ROOT / "reports" / "breakages.json"
# Which scenarios turned each breakage's criteria red last time, by feature file and scenario
# name (lines move, names stay), and about how long it took (a power of two of seconds, for the
# order): a clean clone's CI has no reports/ and starts from these. A full run rewrites the file
# when they no longer all go red (record_first); commit it with the change that moved them.
FIRST = Path(__file__).resolve().parent / "first.json"
TIMEOUT_S = 300
# Most of a breakage's run is its stack starting (CPU) or a scenario waiting out a limit (no
# CPU): two per core keeps both cores busy while the waiting ones wait.
WORKERS = int(os.environ.get("BREAKAGE_WORKERS", str(2 * (os.cpu_count() or 2))))
RED = ("failed", "error")
# The ones that wait longest (every text, or every loser's answer, never comes in time) go
# first, so the catalogue ends when the others do, not one long wait after them. The last
# run's times (reports/breakages.json) order the rest when they are known.
SLOWEST = ["no-follow-up-text", "slow-alternatives"]


@dataclass
class Breakage:
    name: str
    criteria: list[str]
    why: str
    patch: Path

    @classmethod
    def read(cls, patch: Path) -> "Breakage":
        header = patch.read_text().split("\ndiff --git", 1)[0]
        fields = dict(re.findall(r"^(Breakage|Criteria|Why): *(.+)$", header, re.MULTILINE))
        missing = {"Breakage", "Criteria", "Why"} - set(fields)
        if missing:
            raise SystemExit(f"{patch.name}: header lacks {', '.join(sorted(missing))}")
        return cls(fields["Breakage"].strip(), fields["Criteria"].split(), fields["Why"].strip(), patch)


@dataclass
class Outcome:
    name: str
    criteria: list[str]
    outcome: str                      # caught | MISSED | error
    seconds: float
    creditedCriteria: list[str] = field(default_factory=list)
    redScenarios: list[str] = field(default_factory=list)
    redLocations: list[str] = field(default_factory=list)   # feature:line, as they ran
    decidedBy: list[str] = field(default_factory=list)      # feature::name, to run first next time
    scenariosRun: int = 0
    scenariosLeft: int = 0            # not run: every named criterion was red already
    detail: str = ""


def catalogue(names: list[str]) -> list[Breakage]:
    found = [Breakage.read(p) for p in sorted(PATCHES.glob("*.patch"))]
    unknown = set(names) - {b.name for b in found}
    if unknown:
        raise SystemExit(f"no such breakage: {', '.join(sorted(unknown))}")
    return slowest_first([b for b in found if not names or b.name in names])


def last_run() -> dict[str, dict]:
    """The last catalogue run's outcome of each breakage (reports/breakages.json), by name."""
    if not RESULT.exists():
        return {}
    return {b["name"]: b for b in json.loads(RESULT.read_text()).get("breakages", [])}


def slowest_first(chosen: list[Breakage]) -> list[Breakage]:
    last = {name: b.get("seconds", 0.0) for name, b in committed_first().items()}
    last.update({name: b["seconds"] for name, b in last_run().items()})
    return sorted(chosen, key=lambda b: (b.name not in SLOWEST, -last.get(b.name, 0.0), b.name))


def features_in_order(breakage: Breakage) -> list[str]:
    """The feature files that tag a scenario with one of the breakage's criteria (behave parses
    only those: the others cannot hold a scenario it runs), those that held its red scenarios
    last time first: with SUITE_STOP_WHEN_RED a breakage caught as before is decided by its
    first scenarios. No file names one: every file, for behave to find nothing and say so."""
    red_before = [key.split("::")[0] for key in decided_by(breakage.name)]
    files = sorted(str(f.relative_to(ROOT)) for f in (ROOT / "features").glob("*.feature"))
    named = [f for f in files if naming(ROOT / f, breakage.criteria)] or files
    return sorted(named, key=lambda f: red_before.index(f) if f in red_before else len(red_before))


def naming(feature: Path, criteria: list[str]) -> bool:
    """The file carries a criterion's tag (on its feature, a rule, a scenario or its examples)."""
    text = feature.read_text()
    return any(re.search(rf"@criterion\.{re.escape(c)}(?![\w.-])", text) for c in criteria)


def touched(breakage: Breakage) -> list[str]:
    """The project folders a patch changes: the reference system, the embedded stack, or a
    database target's fixtures (fixtures/targets/<name>)."""
    paths = re.findall(r"^diff --git a/(\S+)", breakage.patch.read_text(), re.MULTILINE)
    return sorted({"/".join(p.split("/")[:3]) if p.startswith("fixtures/targets/") else p.split("/")[0] for p in paths})


@lru_cache(maxsize=1)
def project_files() -> list[str]:
    """The project as it stands in the working tree when the catalogue starts: tracked files and
    new ones not ignored (never the symlinked virtual environment or node_modules); listed once."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    return [f for f in listed if f and (ROOT / f).is_file() and not (ROOT / f).is_symlink()]


@lru_cache(maxsize=1)
def compiled_folders() -> list[Path]:
    """The project's __pycache__ folders (not the virtual environment's), found once."""
    return [cache for cache in ROOT.glob("*/**/__pycache__")
            if not {".venv", "node_modules", ".git"} & set(cache.relative_to(ROOT).parts)]


def patched_copy(breakage: Breakage, folder: Path) -> str | None:
    """Copy the project into `folder` and apply the patch there; returns a problem, or None.
    The real tree is never touched, whichever folders the patch names (pinned decision 25)."""
    for name in project_files():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, folder / name)
    if (ROOT / "node_modules").exists():  # axe-core, for the patient's page
        (folder / "node_modules").symlink_to(ROOT / "node_modules")
    # With the compiled files: Python recompiles only what the patch touched (its times change),
    # not the whole project on every one of the catalogue's stacks.
    for cache in compiled_folders():
        if (folder / cache.parent.relative_to(ROOT)).is_dir():
            shutil.copytree(cache, folder / cache.relative_to(ROOT), dirs_exist_ok=True)
    # -C1: one line of context must match, so a breakage survives edits near it.
    done = subprocess.run(["git", "apply", "-C1", "--whitespace=nowarn", str(breakage.patch)], cwd=folder,
                          capture_output=True, text=True)
    return None if done.returncode == 0 else f"patch does not apply: {done.stderr.strip()[:300]}"


def run_one(breakage: Breakage, forking: dict | None = None) -> Outcome:
    """`forking`: the catalogue's fork servers (prefork.servers), for behave and its stack."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"breakage-{breakage.name}-", dir=scratch()) as tmp:  # in memory: cheaper
        folder = Path(tmp)
        problem = patched_copy(breakage, folder)
        if problem:
            return Outcome(breakage.name, breakage.criteria, "error", time.monotonic() - started, detail=problem)
        tags = " or ".join(f"@criterion.{c}" for c in breakage.criteria)
        # SUITE_LIMITS=target: a wait the plan bounds by a target and a threshold ends at the
        # target (checks.limit): a missing text is as missing at 5 s as at 10.
        # SUITE_STOP_WHEN_RED: once each named criterion has a red scenario the outcome is known;
        # the scenarios left are skipped (features/environment.py), not waited out.
        env = {**os.environ, "SUITE_RUN_DIR": str(folder / "run"), "SUITE_LIMITS": "target",
               "SUITE_STOP_WHEN_RED": " ".join(breakage.criteria),
               "SUITE_RUN_FIRST": "\n".join(decided_by(breakage.name)),
               "CLINIC_PRELOAD_MODEL": "0", **(forking or {})}  # most breakages ask no question
        for name in ("CLINIC_API_URL", "CLINIC_ADMIN_TOKEN", "CLINIC_DATABASE_URL", "SMS_STUB_URL",
                     "SUITE_SYSTEM_PATH", "TARGET"):
            env.pop(name, None)  # breakages run against the embedded system only, the copy's own
        targets = [t for t in touched(breakage) if t.startswith("fixtures/targets/")]
        if targets:  # a broken variant of a team's migrations: its @database scenarios, on the patched copy
            env["TARGET"] = str(folder / targets[0] / "target.toml")
            tags = f"@database and ({tags})"
        # From the copy: `python -m` puts the working folder first on the path, so every
        # package (suite, embedded stack, reference system) is the copy's.
        with (folder / "behave.out").open("w+") as log:
            behave = prefork.popen(["-m", "behave", "-f", "progress", f"--tags={tags}", "--no-capture",
                                    *features_in_order(breakage)], cwd=folder, env=env, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT)
            try:
                behave.wait(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                behave.kill()
                behave.wait()
                return Outcome(breakage.name, breakage.criteria, "error", time.monotonic() - started,
                               detail=f"did not finish within {TIMEOUT_S}s")
            log.seek(0)
            output = log.read()
        records_file = folder / "run" / "scenarios.jsonl"
        records = [json.loads(l) for l in records_file.read_text().splitlines()] if records_file.exists() else []
    seconds = time.monotonic() - started
    ran = [r for r in records if r["status"] != "skipped"]
    decided = sum(1 for r in records if "SUITE_STOP_WHEN_RED" in r.get("skipReason", ""))
    if not ran:
        return Outcome(breakage.name, breakage.criteria, "error", seconds,
                       detail="no scenario ran (did the stack start?): " + output[-600:])
    red = [r for r in ran if r["status"] in RED]
    credited = sorted({c for r in red for c in r["criteria"] if c in breakage.criteria})
    return Outcome(breakage.name, breakage.criteria, "caught" if credited else "MISSED", seconds,
                   creditedCriteria=credited, redScenarios=[r["name"] for r in red],
                   redLocations=[r["file"] for r in red], decidedBy=covering(red, breakage.criteria), scenariosRun=len(ran),
                   scenariosLeft=decided, detail="" if credited else "every scenario of these criteria stayed green")


def covering(red: list[dict], criteria: list[str]) -> list[str]:
    """Red scenarios that together turned every named criterion red, each the one adding the most
    criteria still green, as `feature file::scenario name`: what the next run starts with."""
    left, rest, chosen = set(criteria), list(red), []
    while left and rest:
        best = max(rest, key=lambda r: len(left & set(r["criteria"])))
        if not left & set(best["criteria"]):
            break
        chosen.append(best)
        rest.remove(best)
        left -= set(best["criteria"])
    return [f'{r["file"].rsplit(":", 1)[0]}::{r["name"]}' for r in chosen]


@lru_cache(maxsize=1)
def committed_first() -> dict[str, list[str]]:
    return json.loads(FIRST.read_text()) if FIRST.exists() else {}


def decided_by(name: str) -> list[str]:
    """The scenarios that decided the breakage last time: this machine's last run, else the committed list."""
    last = last_run().get(name)
    return last["decidedBy"] if last and "decidedBy" in last else committed_first().get(name, {}).get("first", [])


def record_first(outcomes: list[Outcome]) -> None:
    """The file changes only when a breakage's listed scenarios no longer all go red (a race may
    decide it by another scenario one run and by these the next: those still do), or its time
    moves fourfold (a busier machine doubles many of them: the order needs only the long ones apart)."""
    before = committed_first()
    decided = {}
    for o in sorted(outcomes, key=lambda o: o.name):
        if o.decidedBy:
            seconds = 2 ** max(0, math.ceil(math.log2(max(o.seconds, 1.0))))
            old = before.get(o.name, {})
            red = {f'{location.rsplit(":", 1)[0]}::{name}' for location, name in zip(o.redLocations, o.redScenarios)}
            first = old["first"] if old.get("first") and set(old["first"]) <= red else o.decidedBy
            kept = old.get("seconds")
            decided[o.name] = {"first": first, "seconds": kept if kept and kept / 4 <= seconds <= kept * 4 else seconds}
    if decided != before:
        FIRST.write_text(json.dumps(decided, indent=1) + "\n")


def main(names: list[str]) -> int:
    chosen = catalogue(names)
    started = time.monotonic()
    print(f"Breakage catalogue: {len(chosen)} breakages, each on a fresh embedded stack", flush=True)
    outcomes = []
    # A few at a time: most of a breakage's run is spent waiting on deadlines, not CPU. Each
    # behave and each stack's processes fork from the catalogue's servers (their imports once).
    with prefork.servers(["suite", "system"]) as forking, ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for outcome in pool.map(partial(run_one, forking=forking), chosen):
            outcomes.append(outcome)
            print(f"  {outcome.name:<28} {outcome.outcome:<7} {outcome.seconds:5.1f}s  "
                  f"red: {', '.join(outcome.creditedCriteria) or '-'}", flush=True)
    print(f"\n{'breakage':<28} {'criteria':<22} {'result':<8} {'seconds':>7}")
    for o in outcomes:
        print(f"{o.name:<28} {' '.join(o.criteria):<22} {o.outcome:<8} {o.seconds:7.1f}")
        if o.outcome != "caught":
            print(f"    {o.detail}")
        elif set(o.creditedCriteria) != set(o.criteria):
            print(f"    credited only to {', '.join(o.creditedCriteria)}")
    RESULT.parent.mkdir(exist_ok=True)
    if not names:  # a partial run does not replace the catalogue's result
        record_first(outcomes)
        RESULT.write_text(json.dumps({
            "commit": current_commit(), "ranAt": datetime.now(timezone.utc).isoformat(),
            "seconds": round(time.monotonic() - started, 1), "breakages": [asdict(o) for o in outcomes]}, indent=2))
    bad = [o for o in outcomes if o.outcome != "caught"]
    print(f"breakages: {len(outcomes) - len(bad)} caught, {len(bad)} not caught "
          f"({time.monotonic() - started:.0f}s)")
    return 1 if bad else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
