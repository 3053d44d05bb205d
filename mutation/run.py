"""`make mutants`: a targeted mutation run over the reference system (REP-4).

    python -m mutation.run [--all] [--size 150] [--seed 20261201] [--workers 2] [KEY ...]

One run of the suite records which scenarios execute each line (coverage contexts). Each
mutant is then applied to a temporary copy of clinic_system/, a fresh embedded stack starts
on it, and only the scenarios that execute its line run (fastest first, stopping at the first
red). Killed: a scenario went red or the system no longer starts; timed out (counted killed):
it ran past three times its scenarios' normal time plus a start-up allowance; survived: all
green, or no scenario runs its line. Survivors are triaged in mutation/equivalent.toml; the
result, stamped with the code's hash, is mutation/score.json."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import psutil

from clinic_suite.reporting.commit import code_hash

from . import catalogue, coverage_map
from .catalogue import Mutant

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT / "mutation" / "score.json"
TRIAGE = ROOT / "mutation" / "equivalent.toml"
START_ALLOWANCE_S = 45.0   # the stack's start on a loaded machine
SLOWDOWN = 3.0             # a mutant that runs three times slower than normal really hangs
DEFAULT_SIZE, DEFAULT_SEED = 150, 20261201
# At most this many scenarios a mutant (chosen_scenarios): a line every request runs (the access
# log, the body limits) is run by every scenario, and a survivor there would cost the whole suite.
# A survivor of the capped set might have fallen to a slower scenario: the score is a lower bound.
DEFAULT_CAP = 30
# A chosen row of a Scenario Outline brings the table's other quick rows, up to this many seconds
# of them: a redaction line runs for every hang-up, so its few rows that meet the change were
# left out by the cap behind broader scenarios (measured: a pregnancy's weeks, a card's last four
# digits), while a whole table of them costs about as much as one stack start.
SIBLINGS_BUDGET_S, SIBLING_MAX_S = 3.0, 0.25
# Covering scenarios that together take no longer than this all run, whatever their number: the
# cap is there for lines every request runs, not for a reading a hundred 0.03 s questions share
# (measured: the one question that meets a change to the stranger-word rule was left out).
ALL_WITHIN_S = 8.0


@dataclass
class Outcome:
    mutant: Mutant
    outcome: str              # killed | timedOut | survived | notCovered | noMutation
    seconds: float
    scenarios: int = 0
    red: str = ""
    change: str = ""


def triage() -> dict[str, dict]:
    """key -> {"reason": why the mutant cannot change behaviour, "change": the line before and after}."""
    if not TRIAGE.exists():
        return {}
    return {e["key"]: e for e in tomllib.loads(TRIAGE.read_text()).get("equivalent", [])}


def still_triaged(outcomes: list[Outcome], triaged: dict[str, dict]) -> tuple[dict[str, str], list[Outcome]]:
    """(key -> reason) for the triage that still names the mutant it was written for, and the
    survivors whose key now names another change (numbers added before it in its function):
    those count as untriaged until someone reads them again."""
    stale = [o for o in outcomes if o.mutant.key in triaged and o.outcome in ("survived", "notCovered")
             and triaged[o.mutant.key].get("change") != o.change]
    gone = {o.mutant.key for o in stale}
    return {k: e["reason"] for k, e in triaged.items() if k not in gone}, stale


def covering_scenarios(mutant: Mutant, lines: dict, seconds: dict, all_lines: dict | None = None) -> set[str]:
    """The scenarios that execute the mutant's line. A line only the start-up runs (a def with
    its defaults and decorators, a class body, a constant) matters to the scenarios that run
    the body of its def or class; at module level, to every scenario."""
    if not any(lines.values()):  # a module only a process of its own runs (the redactor's command line)
        return _out_of_process(mutant, all_lines)
    # Scenarios that run the mutant's package in a process of their own may run any line of it,
    # whether or not an in-process scenario ran that line too (coverage does not follow them).
    named = set(lines.get(mutant.line, [])) | _out_of_process(mutant, all_lines)
    if mutant.line not in lines.get(0, []):
        return named
    return named | _served_by_start_up(mutant, lines, seconds, all_lines) | limit_checks(all_lines)


def _out_of_process(mutant: Mutant, all_lines: dict | None) -> set[str]:
    return set(next((names for package, names in (all_lines or {}).get(coverage_map.OUT_OF_PROCESS_RUNS, {}).items()
                     if mutant.module.startswith(package)), []))


def limit_checks(all_lines: dict | None) -> set[str]:
    """The scenarios that put values at the limits a start-up line may declare."""
    return set((all_lines or {}).get(coverage_map.CONSTRAINTS, {}).get(0, []))


def _served_by_start_up(mutant: Mutant, lines: dict, seconds: dict, all_lines: dict | None) -> set[str]:
    if mutant.defines:  # a constant or a class: the scenarios that run the functions using it
        users = {s for module, first, last in catalogue.functions_using(mutant.defines)
                 for line, names in all_lines.get(module, {}).items() if line and first <= line <= last for s in names}
        if users:
            return users
    first, last = mutant.scope
    if first and mutant.line == first:  # its defaults: what runs its body, or everything if only the start-up does
        return {s for line, names in lines.items() if line and first <= line <= last for s in names} or set(seconds)
    return set(seconds)


def chosen_scenarios(mutant: Mutant, covering: set[str], lines: dict, seconds: dict, cap: int,
                     all_lines: dict | None = None) -> list[str]:
    """At most `cap` of them, fastest first: half the scenarios that run most of the mutant's
    function (a question set, a corpus: the likeliest to meet its change), half the fastest;
    for a line the start-up runs, the limit checks besides."""
    fastest = sorted(covering, key=lambda s: (seconds.get(s, 60), s))
    if not cap or len(covering) <= cap or sum(seconds.get(s, 60) for s in covering) <= ALL_WITHIN_S:
        return fastest
    kept = covering & limit_checks(all_lines)  # few and fast: never left out by the cap
    if kept:
        rest = chosen_scenarios(mutant, covering - kept, lines, seconds, cap, None)
        return sorted(kept | set(rest), key=lambda s: (seconds.get(s, 60), s))
    first, last = mutant.scope if mutant.scope[0] else (1, max(lines, default=1))
    in_scope: dict[str, int] = defaultdict(int)
    in_module: dict[str, int] = defaultdict(int)   # between equals, the one that runs more of the module
    for line, names in lines.items():
        for name in names if line else ():
            in_module[name] += 1
            if first <= line <= last:
                in_scope[name] += 1
    broad = sorted(covering, key=lambda s: (-in_scope[s], -in_module[s], seconds.get(s, 60), s))[: cap // 2]
    picked = set(broad) | set([s for s in across_features(fastest) if s not in broad][: cap - len(broad)])
    picked |= siblings(picked, covering, seconds)
    return [s for s in fastest if s in picked]


def siblings(picked: set[str], covering: set[str], seconds: dict) -> set[str]:
    """The other quick rows of the tables whose rows were picked, that run the mutant's line too."""
    tables = outline_rows()
    wanted = sorted({row for s in picked for row in tables.get(s, ()) if row in covering and row not in picked
                     and seconds.get(row, 60) <= SIBLING_MAX_S}, key=lambda s: (seconds.get(s, 60), s))
    out, spent = set(), 0.0
    for row in wanted:
        if spent + seconds[row] > SIBLINGS_BUDGET_S:
            break
        out.add(row)
        spent += seconds[row]
    return out


@lru_cache(maxsize=1)
def outline_rows() -> dict[str, tuple[str, ...]]:
    """Each Scenario Outline row's "file:line", mapped to all the rows of its Examples table."""
    from behave.parser import parse_file
    tables: dict[str, tuple[str, ...]] = {}
    for path in sorted((ROOT / "features").glob("*.feature")):
        feature = parse_file(str(path))
        outlines = [s for s in feature.walk_scenarios(with_outlines=True) if hasattr(s, "examples")]
        for outline in outlines:
            for examples in outline.examples:
                rows = tuple(f"features/{path.name}:{row.line}" for row in examples.table.rows)
                tables.update((row, rows) for row in rows)
    return tables


def across_features(fastest: list[str]) -> list[str]:
    """The fastest of each feature file first, then the second fastest of each, and so on: one
    table's thirty quick examples check one thing thirty times, while the fastest scenario of
    each other feature checks what that feature checks (measured: a rounding of the answer's
    similarity survived behind thirty quick examples of another feature, KB-7's own left out)."""
    rank: dict[str, int] = defaultdict(int)
    seen_tables: set = set()
    tables = outline_rows()
    ordered = []
    for position, name in enumerate(fastest):
        feature = name.split(":")[0]
        # then the fastest row of each Examples table not yet met: one Rule's table checks its own
        # reading (measured: the one unlisted-procedure row that kills a change to the stranger-word
        # rule sat in a table none of whose rows was picked)
        table = tables.get(name, (name,))[0]
        first_of_table = table not in seen_tables
        seen_tables.add(table)
        tier = 0 if rank[feature] == 0 else 1 if first_of_table else 2
        ordered.append((tier, rank[feature], position, name))
        rank[feature] += 1
    return [name for *_, name in sorted(ordered)]


def run_one(mutant: Mutant, lines: dict, seconds: dict, cap: int = DEFAULT_CAP) -> Outcome:
    started = time.monotonic()
    mutated = mutant.mutated_source()
    if mutated is None:
        return Outcome(mutant, "noMutation", 0.0)
    change = mutant.change(mutated)
    covering = chosen_scenarios(mutant, covering_scenarios(mutant, lines.get(mutant.module, {}), seconds, lines),
                                lines.get(mutant.module, {}), seconds, cap, lines)
    if not covering:
        return Outcome(mutant, "notCovered", 0.0, change=change)
    limit = START_ALLOWANCE_S + SLOWDOWN * sum(seconds.get(s, 10.0) for s in covering)
    # A run that times out is tried once more with twice the time: a machine busy for a moment
    # is not a mutant that hangs.
    ran = _run_scenarios(mutant, mutated, covering, limit) or _run_scenarios(mutant, mutated, covering, 2 * limit)
    if ran is None:
        return Outcome(mutant, "timedOut", time.monotonic() - started, len(covering), change=change)
    records, returncode = ran
    red = [r["name"] for r in records if r["status"] in ("failed", "error")]
    # A mutant that stops the system from starting leaves no scenario run at all: the suite saw it.
    killed = bool(red) or (returncode != 0 and not any(r["status"] == "passed" for r in records))
    return Outcome(mutant, "killed" if killed else "survived", time.monotonic() - started, len(covering),
                   red[0] if red else ("the system did not start" if killed else ""), change)


def _run_scenarios(mutant: Mutant, mutated: str, covering: list[str], limit: float) -> tuple[list, int] | None:
    """The covering scenarios on a fresh stack over a patched copy: (their records, behave's exit
    code), or None if they ran past the limit."""
    with tempfile.TemporaryDirectory(prefix="mutant-") as tmp:
        folder = Path(tmp)
        shutil.copytree(ROOT / "clinic_system", folder / "clinic_system", ignore=shutil.ignore_patterns("__pycache__"))
        (folder / mutant.module).write_text(mutated)
        (folder / "tmp").mkdir()
        # The stack's own folders (its database among them) go inside the mutant's, so that a
        # mutant that hangs can be stopped whole, its database included.
        env = {**os.environ, "SUITE_SYSTEM_PATH": str(folder), "SUITE_RUN_DIR": str(folder / "run"),
               "TMPDIR": str(folder / "tmp")}
        for name in ("CLINIC_API_URL", "CLINIC_ADMIN_TOKEN", "CLINIC_DATABASE_URL", "SMS_STUB_URL",
                     "SUITE_COVERAGE_FILE", "SUITE_COVERAGE_CONTEXTS"):
            env.pop(name, None)
        try:
            done = subprocess.run([sys.executable, "-m", "behave", "-f", "progress", "--stop", *covering],
                                  cwd=ROOT, env=env, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return None
        finally:
            _stop_everything_in(folder)
        records_file = folder / "run" / "scenarios.jsonl"
        return ([json.loads(l) for l in records_file.read_text().splitlines()] if records_file.exists() else [],
                done.returncode)


def _stop_everything_in(folder: Path) -> None:
    """What a killed run left behind: every process started from, or working in, the mutant's folder."""
    mark = str(folder)
    for process in psutil.process_iter(["cmdline", "environ"]):
        try:
            cmdline = " ".join(process.info["cmdline"] or [])
            environ = process.info["environ"] or {}
            if mark in cmdline or environ.get("SUITE_SYSTEM_PATH") == mark:
                process.kill()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue


def summarise(outcomes: list[Outcome], equivalent: dict[str, str], seed: int, size: int, seconds: float) -> dict:
    ran = [o for o in outcomes if o.outcome != "noMutation"]
    killed = [o for o in ran if o.outcome in ("killed", "timedOut")]
    alive = [o for o in ran if o.outcome in ("survived", "notCovered")]
    marked = [o for o in alive if o.mutant.key in equivalent]
    denominator = len(ran) - len(marked)
    return {
        "commit": code_hash(), "ranAt": datetime.now(timezone.utc).isoformat(), "seconds": round(seconds, 1),
        "seed": seed, "sample": size, "tool": "cosmic-ray 8.7.0 operators, targeted by coverage contexts",
        "score": round(len(killed) / denominator, 4) if denominator else 0.0,
        "killed": len(killed), "timedOut": sum(o.outcome == "timedOut" for o in ran),
        "survived": len(alive) - len(marked), "equivalent": len(marked), "total": len(ran),
        "survivors": [{"file": o.mutant.module, "line": o.mutant.line, "function": o.mutant.function,
                       "operator": o.mutant.operator, "key": o.mutant.key, "change": o.change,
                       "covered": o.outcome == "survived", "equivalent": o.mutant.key in equivalent,
                       **({"reason": equivalent[o.mutant.key]} if o.mutant.key in equivalent else {})}
                      for o in alive],
        "killedBy": {o.mutant.key: o.red for o in killed},
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="every mutant, not the sample")
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("MUTANT_WORKERS", "2")))
    parser.add_argument("--cap", type=int, default=DEFAULT_CAP,
                        help="at most this many scenarios a mutant, the fastest first (0: every one that runs its line)")
    parser.add_argument("keys", nargs="*", help="only these mutants (keys from score.json): no score is written")
    args = parser.parse_args(argv)
    started = time.monotonic()
    everything = catalogue.everything()
    chosen = everything if args.all else catalogue.sample(everything, args.size, args.seed)
    if args.keys:
        chosen = [m for m in everything if m.key in set(args.keys)]
    print(f"mutants: {len(everything)} in all, running {len(chosen)} (seed {args.seed}); "
          f"recording which scenarios run which lines...", flush=True)
    lines, seconds = coverage_map.cached()
    if lines is None:
        print("the suite is not green on the unmutated system: fix that first", file=sys.stderr)
        return 2
    print(f"coverage recorded ({time.monotonic() - started:.0f}s); {args.workers} at a time", flush=True)
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        for n, outcome in enumerate(pool.map(lambda m: run_one(m, lines, seconds, args.cap), chosen), start=1):
            outcomes.append(outcome)
            print(f"  [{n:3}/{len(chosen)}] {outcome.outcome:<10} {outcome.seconds:5.1f}s  {outcome.mutant.key}"
                  f"  ({outcome.scenarios} scenarios)", flush=True)
    equivalent, stale = still_triaged(outcomes, triage())
    for o in stale:
        print(f"  STALE      {o.mutant.key}: its triage was written for another change; now {o.change}")
    result = summarise(outcomes, equivalent, args.seed, len(chosen), time.monotonic() - started)
    result["scenarioCap"] = args.cap
    for s in result["survivors"]:
        print(f"  {'EQUIVALENT' if s['equivalent'] else 'SURVIVED':<10} {s['file']}:{s['line']} {s['function']} "
              f"{s['operator']}: {s['change']}" + (f"  ({s['reason']})" if s.get("reason") else ""))
    print(f"mutation score: {result['score']:.3f} = {result['killed']} killed / "
          f"({result['total']} - {result['equivalent']} equivalent); {result['survived']} survived "
          f"({time.monotonic() - started:.0f}s)")
    if not args.keys:
        SCORE.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
