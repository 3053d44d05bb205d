"""Which scenarios run which lines of the reference system: one run of the suite with
coverage.py's dynamic contexts (each request names its scenario, the system switches the
context), read back as {module: {line: [scenario locations]}}, with each scenario's time."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from coverage import CoverageData

ROOT = Path(__file__).resolve().parent.parent


def measure(folder: Path, timeout: float = 600) -> tuple[dict, dict, int]:
    """({module: {line: [scenario]}}, {scenario: seconds}, behave's exit code)."""
    data, run = folder / "coverage", folder / "run"
    env = {**os.environ, "SUITE_COVERAGE_FILE": str(data), "SUITE_COVERAGE_CONTEXTS": "1",
           "SUITE_RUN_DIR": str(run)}
    for name in ("CLINIC_API_URL", "CLINIC_ADMIN_TOKEN", "CLINIC_DATABASE_URL", "SMS_STUB_URL"):
        env.pop(name, None)  # the embedded system only
    done = subprocess.run([sys.executable, "-m", "behave", "-f", "progress"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
    merged = CoverageData(basename=str(folder / "combined"))
    for part in folder.glob("coverage.*"):
        piece = CoverageData(basename=str(part))
        piece.read()
        merged.update(piece)
    lines: dict[str, dict[int, list[str]]] = defaultdict(dict)
    for path in merged.measured_files():
        module = str(Path(path).resolve().relative_to(ROOT)) if Path(path).resolve().is_relative_to(ROOT) else path
        startup = []
        for line, contexts in merged.contexts_by_lineno(path).items():
            named = sorted(c for c in contexts if c)
            if named:
                lines[module][line] = named
            if "" in contexts:  # run at start-up too (a restart in a scenario names it as well)
                startup.append(line)
        lines[module][0] = startup  # line 0: the lines run at start-up only, before any scenario
    records = [json.loads(l) for l in (run / "scenarios.jsonl").read_text().splitlines()] \
        if (run / "scenarios.jsonl").exists() else []
    seconds = {r["file"]: r["durationSeconds"] for r in records}
    _add_out_of_process(lines, records)
    lines[CONSTRAINTS] = {0: sorted(r["file"] for r in records if CONSTRAINTS_TAG in r.get("tags", []))}
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])
    return dict(lines), seconds, done.returncode


# Scenarios with this tag run the package in a process of their own (the redactor audit runs
# `python -m clinic_system.redaction`), which coverage does not follow: they count as running
# every line of it that anything ran.
OUT_OF_PROCESS = {"redactor": "clinic_system/redaction/"}


OUT_OF_PROCESS_RUNS = "<out of process>"   # the map's key for {package: [scenarios]}


def _add_out_of_process(lines: dict, records: list[dict]) -> None:
    lines[OUT_OF_PROCESS_RUNS] = {package: sorted(r["file"] for r in records if tag in r.get("tags", []))
                                  for tag, package in OUT_OF_PROCESS.items()}
    for record in records:
        for tag, package in OUT_OF_PROCESS.items():
            if tag not in record.get("tags", []):
                continue
            for module, by_line in lines.items():
                if module.startswith(package):
                    for line in [*by_line, *by_line.get(0, [])]:
                        if line:
                            by_line[line] = sorted({*by_line.get(line, []), record["file"]})


# Scenarios with this tag put a value at each field's limit: they exercise the constraints a
# model or a constant declares, which run at start-up where coverage names no scenario. Their
# list is kept in the map under this key.
CONSTRAINTS_TAG, CONSTRAINTS = "limits", "<limits>"

CACHE = ROOT / "reports" / "mutation-coverage.json"


def _stamp() -> str:
    """The system, the suite and the features: the map holds while none of them changed."""
    from clinic_suite.reporting.commit import code_hash

    return "|".join(code_hash(ROOT / name) for name in ("clinic_system", "clinic_suite", "features"))


def cached() -> tuple[dict | None, dict]:
    """The map for this code, measured again only when the code or the suite changed."""
    stamp = _stamp()
    if CACHE.exists():
        kept = json.loads(CACHE.read_text())
        if kept.get("stamp") == stamp:
            return {m: ls if m == OUT_OF_PROCESS_RUNS else {int(k): v for k, v in ls.items()}
                    for m, ls in kept["lines"].items()}, kept["seconds"]
    with tempfile.TemporaryDirectory(prefix="mutation-coverage-") as tmp:
        lines, seconds, code = measure(Path(tmp))
    if code != 0:
        return None, {}
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps({"stamp": stamp, "lines": lines, "seconds": seconds}))
    return lines, seconds


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        lines, seconds, code = measure(Path(tmp))
        print(json.dumps({"modules": len(lines), "scenarios": len(seconds), "exit": code}))
