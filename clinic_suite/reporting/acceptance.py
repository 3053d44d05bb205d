"""`make acceptance`: run the features, then write the reports and gate on them.

    python -m clinic_suite.reporting.acceptance [behave options, e.g. --tags=@criterion.CC-1]

Writes allure-results/, allure-report/index.html (one file) and reports/summary.json;
exits non-zero when a scenario fails, a gating metric misses its threshold, or the
reports themselves are wrong. Ends with `scenarios: N passed, N failed`.

    REDACTOR_CMD="any command" [REDACTOR_NAME=name] python -m clinic_suite.reporting.acceptance

audits that redactor alone (the `@redactor` scenarios) and writes everything under
reports/targets/<name>/ (pinned decision 24): the embedded run's reports stay as they were.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from . import mutation, parallel_run, report_checks, run_record, signoff, summary as summary_mod
from .commit import current_commit


def target_name(path: str) -> str:
    """The name a target file gives itself (read again, properly, by the suite's driver)."""
    import tomllib

    try:
        return str(tomllib.loads(Path(path).read_text()).get("name", "")) or Path(path).parent.name
    except (OSError, ValueError):
        return Path(path).parent.name

ROOT = Path(__file__).resolve().parents[2]
REDACTOR = bool(os.environ.get("REDACTOR_CMD", "").strip())   # a redactor target: its reports apart
DATABASE = os.environ.get("TARGET", "").strip()                # a database target (a team's migrations): the same
DATABASE_FEATURES = [ROOT / "features" / f"database_{part}.feature" for part in ("isolation", "claims", "state")]
if REDACTOR or DATABASE:
    _named = os.environ.get("REDACTOR_NAME", "") if REDACTOR else target_name(DATABASE)
    _name = "".join(c if c.isalnum() or c in "-_" else "-" for c in _named)
    REPORTS = ROOT / "reports" / "targets" / (_name or "redactor")
    RESULTS, REPORT = REPORTS / "allure-results", REPORTS / "allure-report"
    run_record.RUN_DIR = REPORTS / ".run"
    os.environ["SUITE_RUN_DIR"] = str(run_record.RUN_DIR)   # behave's records, apart too
else:
    RESULTS, REPORT, REPORTS = ROOT / "allure-results", ROOT / "allure-report", ROOT / "reports"
JUNIT = REPORTS / "junit"
FORMATTER = "clinic_suite.reporting.allure_formatter:RuleAwareAllureFormatter"
CATEGORIES = [
    {"name": "Environment faults (the target could not be reached)", "matchedStatuses": ["broken", "failed"],
     "messageRegex": ".*(ConnectError|ConnectionRefused|not ready after|PostgresConnectionError|TimeoutError).*"},
    {"name": "Product defects (a check on the system failed)", "matchedStatuses": ["failed"]},
    {"name": "Broken tests (a step crashed before it could check)", "matchedStatuses": ["broken"]},
]


def guarded_by(commit: str) -> dict[str, list[str]]:
    """Criteria -> breakages that turned them red, from `make breakages` on this same commit.
    Breakages are of the reference system: they guard nothing in another team's redactor."""
    path = ROOT / "reports" / "breakages.json"
    if REDACTOR or DATABASE or not path.exists():
        return {}
    result = json.loads(path.read_text())
    if result.get("commit") != commit:
        print(f"(breakage results are for commit {result.get('commit', '?')[:12]}, not this one: "
              f"no criterion is shown as guarded; run `make breakages`)", file=sys.stderr)
        return {}
    out: dict[str, list[str]] = {}
    for item in result.get("breakages", []):
        for criterion in item.get("creditedCriteria", []):
            out.setdefault(criterion, []).append(item["name"])
    return out


COVERAGE_DATA = run_record.RUN_DIR / "coverage"


# Three on two cores: a worker waiting on the system (a text, a restart, a serial scenario)
# leaves its core to the others (measured: 2 workers 51 s, 3 workers 46-50 s, 4 workers 50 s).
WORKERS = int(os.environ.get("SUITE_WORKERS", "3"))
REMOTE_VARS = ("CLINIC_API_URL", "CLINIC_ADMIN_TOKEN", "CLINIC_DATABASE_URL", "SMS_STUB_URL")


def behave_command(args: list[str], junit: Path = JUNIT) -> list[str]:
    # JUnit XML beside Allure's results: what CI systems read.
    return [sys.executable, "-m", "behave", "-f", FORMATTER, "-o", str(RESULTS), "-f", "progress",
            "--junit", f"--junit-directory={junit}", *args]


# The reference system's code coverage costs its service a fifth of its CPU (Python 3.11's
# tracer; 6 s of a 57 s run) and each restart 0.8 s: measured when asked (`make test` asks).
CODE_COVERAGE = os.environ.get("SUITE_CODE_COVERAGE", "") == "1"


def run_behave(args: list[str]) -> int:
    env = {**os.environ, **({"SUITE_COVERAGE_FILE": str(ROOT / COVERAGE_DATA)} if CODE_COVERAGE else {})}
    if args or WORKERS < 2 or any(os.environ.get(v) for v in REMOTE_VARS):
        return subprocess.run(behave_command(args), cwd=ROOT, env=env).returncode
    return parallel_run.run_parallel(env, WORKERS, REPORTS, behave_command, JUNIT)


def code_coverage() -> str | None:
    """Lines of the reference system the run exercised (embedded target only)."""
    if REDACTOR or DATABASE:
        return None
    parts = list((ROOT / COVERAGE_DATA.parent).glob(COVERAGE_DATA.name + ".*"))
    if not parts:
        return None
    data = str(ROOT / COVERAGE_DATA)
    subprocess.run([sys.executable, "-m", "coverage", "combine", f"--data-file={data}", *map(str, parts)],
                   cwd=ROOT, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "coverage", "json", f"--data-file={data}", "-o", "-", "-q"],
                          cwd=ROOT, capture_output=True, text=True)
    try:
        return f"{json.loads(done.stdout)['totals']['percent_covered']:.1f}%"
    except (ValueError, KeyError):
        return None


def write_allure_extras(target: dict, commit: str) -> None:
    lines = {"target": target.get("name"), "api.url": target.get("apiUrl"),
             "system.version": target.get("systemVersion"), "database.version": target.get("databaseVersion"),
             "commit": commit}
    (RESULTS / "environment.properties").write_text("".join(f"{k}={v}\n" for k, v in lines.items()))
    (RESULTS / "categories.json").write_text(json.dumps(CATEGORIES, indent=1))


# Allure 3's "awesome" report hard-codes a Google Analytics tag (ALLURE_NO_ANALYTICS is
# read only by its allure2 plugin). A clinic's report must not call out: we remove it.
ANALYTICS = re.compile(r'<script async src="https://www\.googletagmanager\.com[^"]*"></script>\s*'
                       r"<script>\s*window\.dataLayer.*?</script>", re.DOTALL)


def render_html() -> str | None:
    npx = shutil.which("npx")
    if npx is None:
        return "npx not found: install Node.js (make acceptance does it on Debian)"
    done = subprocess.run([npx, "--no-install", "allure", "generate", str(RESULTS), *config_args()], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ALLURE_NO_ANALYTICS": "true"})
    if done.returncode != 0:
        return f"allure generate failed: {done.stderr[-800:]}"
    index = REPORT / "index.html"
    index.write_text(ANALYTICS.sub("", index.read_text()))
    return None


def config_args() -> list[str]:
    """Another target's report: its own folder and history (allurerc.mjs is the embedded run's)."""
    if not (REDACTOR or DATABASE):
        return []
    config = REPORTS / "allurerc.mjs"
    config.write_text((ROOT / "allurerc.mjs").read_text()
                      .replace('"allure-report"', json.dumps(str(REPORT)))
                      .replace('"reports/history.jsonl"', json.dumps(str(REPORTS / "history.jsonl"))))
    return ["--config", str(config), "--output", str(REPORT)]


def count_allure_results() -> int:
    return sum(1 for _ in RESULTS.glob("*-result.json"))


class Clock:
    """Where a run's time goes, printed at the end so the figures can be checked (issue 20)."""

    def __init__(self):
        self.marks: list[tuple[str, float]] = []
        self.last = time.monotonic()

    def mark(self, what: str) -> None:
        now = time.monotonic()
        self.marks.append((what, now - self.last))
        self.last = now

    def line(self) -> str:
        total = sum(seconds for _, seconds in self.marks)
        return "time: " + ", ".join(f"{what} {seconds:.1f}s" for what, seconds in self.marks) + f"; total {total:.1f}s"


def main(argv: list[str]) -> int:
    started_at = datetime.now(timezone.utc)
    started = time.monotonic()
    clock = Clock()
    for folder in (RESULTS, run_record.RUN_DIR, JUNIT):
        shutil.rmtree(folder, ignore_errors=True)
    RESULTS.mkdir(parents=True)
    REPORTS.mkdir(exist_ok=True)
    # A redactor target runs only what a redactor alone can prove: the audit's own feature
    # (named, not filtered by tag, so that Allure holds no results for scenarios never run).
    features = ([str(ROOT / "features" / "redaction_audit.feature")] if REDACTOR else
                [str(f) for f in DATABASE_FEATURES] if DATABASE else [])
    behave_exit = run_behave([*features, *argv])
    seconds = time.monotonic() - started
    stack_start = run_record.read_timing("stack start-up") or run_record.read_timing("start-up")
    scenarios_s = sum(r.get("durationSeconds", 0) for r in summary_mod.load_records(run_record.scenarios_file()))
    if stack_start is not None:
        clock.mark(f"behave (the target's start-up {stack_start:.1f}s, scenarios {scenarios_s:.1f}s summed over workers)")
    else:
        clock.mark(f"behave (scenarios {scenarios_s:.1f}s)")
    records = summary_mod.load_records(run_record.scenarios_file())
    target_file = run_record.RUN_DIR / "target.json"
    target = json.loads(target_file.read_text()) if target_file.exists() else {"name": "unknown"}
    commit = current_commit()
    target["commit"] = commit
    problems = []
    if count_allure_results() != len(records):
        problems.append(f"Allure has {count_allure_results()} results for {len(records)} scenarios run")
    if behave_exit != 0 and not any(r["status"] != "passed" for r in records):
        problems.append(f"behave exited {behave_exit} (no scenario ran, or a hook failed)")
        # Scenarios that never ran must not vanish from the counts: one failed record stands for them.
        records.append({"name": "The suite ran to the end", "feature": "(run)", "status": "error", "criteria": [],
                        "test": None, "assertions": {"passed": 0, "failed": 1}, "metrics": {}})
    write_allure_extras(target, commit)
    coverage_figure = code_coverage()
    clock.mark("code coverage")
    mutation_block, no_mutation = (None, "") if REDACTOR or DATABASE else mutation.for_this_code()
    if not (REDACTOR or DATABASE):  # the mutation score is the reference system's: another target cannot show it
        records.append(mutation.record(mutation_block, no_mutation))
    meta = dict(timestamp=started_at.isoformat().replace("+00:00", "Z"), environment=target.get("name", "unknown"),
                target=target, seconds=seconds, guarded_by=guarded_by(commit), code_coverage=coverage_figure,
                mutation=mutation_block, scope=_scope(records))
    first = subset_aware(summary_mod.build(records, **meta), argv)
    signoff.attach_to_allure(RESULTS, signoff.render(first, verdict(first, problems)), not blockers(first, problems))
    clock.mark("summary and sign-off page")
    html_problem = render_html()
    clock.mark("Allure's HTML")
    if html_problem:
        problems.append(html_problem)
    final = subset_aware(summary_mod.build(records + report_checks.records(first, REPORT / "index.html"), **meta),
                         argv)
    summary_mod.validate(final)
    (REPORTS / "summary.json").write_text(json.dumps(final, indent=2, default=str))
    (REPORTS / "signoff.html").write_text(signoff.render(final, verdict(final, problems)))
    clock.mark("report checks and summary.json")
    result = gate(final, problems)
    print(clock.line())
    return result


def _scope(records: list[dict]) -> set[str] | None:
    """The criteria this kind of target can prove (pinned decision 24): for a redactor, those
    of the scenarios it ran and the reports' own; every criterion otherwise."""
    if not (REDACTOR or DATABASE):
        return None
    return {c for r in records for c in r["criteria"]} | {"REP-1", "REP-2", "REP-3"}


def subset_aware(summary: dict, behave_args: list[str]) -> dict:
    """A chosen subset of scenarios cannot prove every criterion: coverage is shown, not gated."""
    if behave_args or REDACTOR or DATABASE:
        for row in summary["successMetrics"]:
            row["gates"] = row["gates"] and row["metric"] != "Coverage"
    return summary


def blockers(summary: dict, problems: list[str]) -> list[str]:
    failed = [f"FAILED scenario: {s['name']}" for t in summary["tests"] for s in t["scenarios"]
              if s["status"] not in ("passed", "skipped")]
    missed = [f"MISSED threshold: {m['metric']}: {m['measured']} (threshold {m['threshold']})"
              for m in summary["successMetrics"] if m["verdict"] == "FAIL" and m["gates"]]
    return failed + missed + [f"REPORT PROBLEM: {p}" for p in problems]


def verdict(summary: dict, problems: list[str]) -> str:
    return "FAIL" if blockers(summary, problems) else "PASS"


def gate(summary: dict, problems: list[str]) -> int:
    counts = summary["summary"]["scenarios"]
    print("\n=== Acceptance gate ===")
    print(f"criteria proven: {summary['summary']['criteriaProven']}/{summary['summary']['criteriaTotal']}"
          f" (coverage {summary['summary']['coverage']}), guarded: {summary['summary']['criteriaGuarded']}")
    if summary["summary"].get("codeCoverage"):
        print(f"code coverage of the reference system: {summary['summary']['codeCoverage']}")
    elif not (REDACTOR or DATABASE or CODE_COVERAGE):
        print("code coverage of the reference system: not measured (SUITE_CODE_COVERAGE=1 measures it)")
    if summary.get("mutation"):
        m = summary["mutation"]
        print(f"mutation score for this code: {m['score']:.3f} ({m['killed']} killed of {m['total']} - "
              f"{m['equivalent']} equivalent; {m['survived']} survived)")
    else:
        print(f"mutation score: {mutation.NO_RUN} (run `make mutants`)")
    for row in summary["successMetrics"]:
        measured = "—" if row["measured"] is None else row["measured"]
        print(f"  {row['metric']:<44} {measured:>8}  target {row['target']:<11} threshold {row['threshold']:<16} "
              f"{row['verdict']}{'' if row['gates'] else ' (shown, not gating)'}")
    reasons = blockers(summary, problems)
    for line in reasons:
        print(line)
    result = "FAIL" if reasons else "PASS"
    where = REPORTS.relative_to(ROOT)
    print(f"gate: {result} — {where}/summary.json, {where}/signoff.html, {REPORT.relative_to(ROOT)}/index.html "
          f"({summary['duration']})")
    print(f"scenarios: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 0 if result == "PASS" else 1


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
