"""The sign-off page: every criterion with its scenarios, their status and the breakages
that guard it (proven, guarded, or neither: never hidden), the success-metrics table and
the test cases. Written as reports/signoff.html and attached inside the Allure report."""
from __future__ import annotations

import html
import json
import time
import uuid
from pathlib import Path

STATE = {"guarded": ("GUARDED", "#1b7f3b"), "proven": ("PROVEN", "#2f6fb0"), "neither": ("NOT PROVEN", "#b3261e")}
VERDICT = {"PASS": "#1b7f3b", "WARN": "#b26a00", "FAIL": "#b3261e", "NOT_MEASURED": "#666"}


def state_of(criterion: dict) -> str:
    return "guarded" if criterion.get("guarded") else "proven" if criterion["proven"] else "neither"


def _e(value) -> str:
    return html.escape(str(value))


def render(summary: dict, gate: str) -> str:
    s = summary["summary"]
    rows = []
    for c in summary["criteria"]:
        label, colour = STATE[state_of(c)]
        scenarios = "<br>".join(f"{_e(x['name'])} — <b>{_e(x['status'])}</b>" for x in c["scenarios"]) or \
            "<i>no scenario covers this criterion</i>"
        breakages = ", ".join(_e(b) for b in c.get("breakages", [])) or "—"
        rows.append(f"<tr><td><b>{_e(c['id'])}</b></td><td>{_e(c.get('title', ''))}</td>"
                    f"<td style='color:{colour};font-weight:bold'>{label}</td><td>{scenarios}</td><td>{breakages}</td></tr>")
    metrics = "".join(
        f"<tr><td>{_e(m['metric'])}</td><td>{_e(m['measured'] if m['measured'] is not None else '—')}</td>"
        f"<td>{_e(m['target'])}</td><td>{_e(m['threshold'])}</td>"
        f"<td style='color:{VERDICT[m['verdict']]};font-weight:bold'>{_e(m['verdict'])}"
        f"{'' if m.get('gates', True) else ' (shown, not gating)'}</td></tr>" for m in summary["successMetrics"])
    tests = "".join(
        f"<tr><td>{_e(t['id'])}</td><td>{_e(t['name'])}</td><td>{_e(t['status'])}</td>"
        f"<td>{len(t['scenarios'])}</td><td>{t['assertions']['passed']}/{t['assertions']['total']}</td>"
        f"<td>{_e(', '.join(f'{k} {v}' for k, v in t['metrics'].items() if '[' not in k))}</td></tr>"
        for t in summary["tests"])
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Sign-off: clinic receptionist</title>
<style>body{{font-family:system-ui,sans-serif;margin:24px;color:#222}} table{{border-collapse:collapse;width:100%;margin:12px 0 28px}}
td,th{{border:1px solid #ccc;padding:6px 8px;vertical-align:top;font-size:13px}} th{{background:#f2f2f2;text-align:left}}</style>
</head><body>
<h1>Sign-off — {_e(summary['environment'])}, {_e(summary['timestamp'])}</h1>
<p><b>Gate: {_e(gate)}</b>. Scenarios: {s['scenarios']['passed']} passed, {s['scenarios']['failed']} failed,
{s['scenarios']['skipped']} skipped. Criteria proven: {s['criteriaProven']}/{s['criteriaTotal']} ({_e(s['coverage'])}),
guarded by a breakage on this commit: {s.get('criteriaGuarded', 0)}.
{('Code coverage of the reference system: ' + _e(s['codeCoverage']) + '.') if s.get('codeCoverage') else ''}
Duration {_e(summary['duration'])}. Commit {_e(summary.get('target', {}).get('commit', '?'))}.</p>
<h2>Success metrics</h2>
<table><tr><th>Metric</th><th>Measured</th><th>Target</th><th>Threshold</th><th>Verdict</th></tr>{metrics}</table>
<h2>How far this report can be trusted: mutation score</h2>
{mutation_section(summary)}
<h2>Criteria</h2>
<p>PROVEN: every scenario tagged with it ran and passed. GUARDED: proven, and a named breakage of the reference
system turned those scenarios red on this commit. NOT PROVEN: nothing passing stands behind it.</p>
<table><tr><th>Id</th><th>Criterion</th><th>State</th><th>Scenarios</th><th>Guarding breakages</th></tr>{''.join(rows)}</table>
<h2>Test cases</h2>
<table><tr><th>Id</th><th>Test case</th><th>Status</th><th>Scenarios</th><th>Assertions</th><th>Metrics (worst in run)</th></tr>{tests}</table>
</body></html>"""


def mutation_section(summary: dict) -> str:
    m = summary.get("mutation")
    if not m:
        return "<p><b>No mutation run for this code</b> (REP-4 not run): <code>make mutants</code> measures it.</p>"
    rows = "".join(f"<tr><td>{_e(s['file'])}:{s['line']}</td><td><code>{_e(s['change'])}</code></td>"
                   f"<td>{'equivalent: ' + _e(s.get('reason', '')) if s.get('equivalent') else '<b>survived</b>'}</td></tr>"
                   for s in m["survivors"])
    return (f"<p>Score <b>{m['score']:.3f}</b>: {m['killed']} of {m['total'] - m['equivalent']} mutants of the "
            f"reference system that can change its behaviour were caught by the suite ({m['equivalent']} "
            f"equivalent, {m['survived']} survived; code {_e(m['commit'])}).</p>"
            f"<table><tr><th>Where</th><th>Change</th><th>Verdict</th></tr>{rows}</table>")


def attach_to_allure(results: Path, page: str, passed: bool) -> None:
    """A result of its own under the Reports epic, carrying the page as an HTML attachment."""
    test_uuid, attachment = str(uuid.uuid4()), f"{uuid.uuid4()}-attachment.html"
    (results / attachment).write_text(page)
    now = int(time.time() * 1000)
    result = {
        "uuid": test_uuid, "historyId": "signoff-criteria-matrix", "testCaseId": "signoff-criteria-matrix",
        "name": "Sign-off: criteria matrix and success metrics", "fullName": "reports: sign-off",
        "status": "passed" if passed else "failed", "stage": "finished", "start": now, "stop": now,
        "description": "Every criterion of the plan with its scenarios and guarding breakages; the success metrics.",
        "labels": [{"name": "epic", "value": "Reports"}, {"name": "feature", "value": "Sign-off"},
                   {"name": "severity", "value": "critical"}],
        "attachments": [{"name": "Sign-off page", "source": attachment, "type": "text/html"}],
    }
    (results / f"{test_uuid}-result.json").write_text(json.dumps(result))
