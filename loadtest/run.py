"""`make load`: Locust in distributed mode (one master, N workers, all on loopback), bounded
in users, spawn rate and time; then the invariants, checked in the database and at the SMS
stub. Figures and invariants go to reports/load.json; exit non-zero if an invariant breaks.

    python -m loadtest.run [--users 200] [--workers 2] [--seconds 60] [--rate 50]
                           [--abandon 3 --book 2 --contest 2 --ask 1]

Against the embedded system by default; the suite's variables (CLINIC_API_URL,
CLINIC_ADMIN_TOKEN, CLINIC_DATABASE_URL, SMS_STUB_URL) point it at another system."""
from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent

from clinic_suite.drivers.database import connect
from clinic_suite.drivers.target import remote_from_env, start_embedded
from loadtest.locustfile import PLANTED

REPORT = ROOT / "reports" / "load.json"
PATIENTS = 40
SETTLE_S = 30
LIMITS = {"users": 5000, "workers": 8, "seconds": 600}


def set_up(api_url: str, admin_token: str) -> dict:
    """A clinic of its own, patients, its procedure list, and a few times everyone wants."""
    admin = {"Authorization": f"Bearer {admin_token}"}
    fixture = json.loads((ROOT / "fixtures" / "clinics.json").read_text())["premier"]
    with httpx.Client(base_url=api_url, timeout=30) as http:
        clinic = http.post("/api/admin/clinics", json=fixture, headers=admin).json()
        key = {"Authorization": f"Bearer {clinic['apiKey']}"}
        run = int(time.time()) % 10000
        patients = []
        for i in range(PATIENTS):
            phone = f"+1555{run:04d}{i:03d}"
            answer = http.post(f"/api/admin/clinics/{clinic['orgId']}/patients", headers=admin,
                               json={"name": f"Load Caller{i:03d}", "phone": phone})
            patients.append({"patientId": answer.json()["patientId"], "phone": phone})
        http.post("/api/kb/documents", headers=key, files={
            "file": ("p.pdf", (ROOT / "fixtures" / "kb" / "premier-procedures.pdf").read_bytes(), "application/pdf")})
        free = http.get("/api/booking/availability", headers=key, params={"limit": 3}).json()["slots"]
    today = datetime.now(timezone.utc).date()
    days = [datetime.combine(today + timedelta(days=d), datetime.min.time(), timezone.utc).isoformat()
            for d in range(1, 56)]
    return {**clinic, "patients": patients, "days": days, "contested": [s["slotTime"] for s in free]}


def run_locust(target_file: Path, api_url: str, args) -> int:
    base = [sys.executable, "-m", "locust", "-f", str(ROOT / "loadtest" / "locustfile.py")]
    port = 5557 + os.getpid() % 1000
    env = {**os.environ, "LOAD_TARGET_FILE": str(target_file)}
    mix = ["--abandon", str(args.abandon), "--book", str(args.book), "--contest", str(args.contest),
           "--ask", str(args.ask)]
    master = subprocess.Popen(
        [*base, "--master", "--headless", "--master-bind-host", args.master_bind_host, "--master-bind-port", str(port),
         "--expect-workers", str(args.workers), "--expect-workers-max-wait", "30", "-u", str(args.users),
         "-r", str(args.rate), "-t", f"{args.seconds}s", "--host", api_url, "--csv", str(ROOT / "reports" / "load"),
         "--only-summary", "--stop-timeout", "5", "--loglevel", "WARNING", *mix], cwd=ROOT, env=env)
    workers = [subprocess.Popen([*base, "--worker", "--master-host", "127.0.0.1", "--master-port", str(port),
                                 "--loglevel", "WARNING", *mix], cwd=ROOT, env=env)
               for _ in range(args.workers if args.local_workers is None else min(args.local_workers, args.workers))]
    try:
        return master.wait(timeout=args.seconds + 90)
    except subprocess.TimeoutExpired:
        master.kill()
        return -1
    finally:
        for worker in workers:
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()


def locust_cpu_seconds(before) -> float:
    """CPU of Locust's master and workers (this process's children reaped since `before`; the
    embedded stack's processes are reaped only when it stops, after this is read)."""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1)


def figures() -> dict:
    path = ROOT / "reports" / "load_stats.csv"
    out = {}
    with path.open() as rows:
        for row in csv.DictReader(rows):
            out[row["Name"]] = {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                                "rps": round(float(row["Requests/s"]), 1), "p50_ms": _ms(row["50%"]),
                                "p95_ms": _ms(row["95%"]), "p99_ms": _ms(row["99%"])}
    return out


def _ms(value: str) -> float | None:
    return None if value in ("", "N/A") else float(value)


async def invariants(database_url: str, stub_url: str, clinic: dict) -> dict:
    pool = await connect(database_url)
    try:
        org = clinic["orgId"]
        deadline = time.monotonic() + SETTLE_S  # texts still being sent when the load stopped
        while time.monotonic() < deadline and await pool.fetchval(
                "SELECT count(*) FROM sms_messages WHERE org_id = $1 AND status IN ('queued','sending','pending')", org):
            await asyncio.sleep(0.5)
        doubles = await pool.fetchval(
            "SELECT count(*) FROM (SELECT 1 FROM appointment_slots WHERE org_id = $1 AND status IN ('held','booked') "
            "GROUP BY slot_time HAVING count(*) > 1) d", org)
        abandoned = await pool.fetch(
            "SELECT c.id, c.phone_number, (SELECT count(*) FROM sms_messages m WHERE m.call_id = c.id) AS texts, "
            "(SELECT count(*) FROM sms_messages m WHERE m.call_id = c.id AND m.status IN ('sent','delivered')) AS sent "
            "FROM calls c WHERE c.org_id = $1 AND EXISTS (SELECT 1 FROM call_status_history h "
            "WHERE h.call_id = c.id AND h.to_status = 'abandoned')", org)
        sent_texts = sum(r["sent"] for r in abandoned)
        at_stub = 0
        async with httpx.AsyncClient(base_url=stub_url, timeout=10) as http:
            for patient in clinic["patients"]:
                at_stub += len((await http.get("/_stub/messages", params={"to": patient["phone"]})).json()["messages"])
        planted = ["Lorcan", "Vantongeren", "555-246-8101", "rhinoplasty"]
        leaks = await pool.fetchval(
            "SELECT count(*) FROM calls WHERE org_id = $1 AND (metadata->>'gdpr_consent')::boolean IS NOT TRUE "
            "AND (transcript ~* $2 OR transcript_preview ~* $2 OR coalesce(summary, '') ~* $2)", org, "|".join(planted))
        non_consented = await pool.fetchval("SELECT count(*) FROM calls WHERE org_id = $1 AND "
                                            "(metadata->>'gdpr_consent')::boolean IS FALSE", org)
        return {
            "noTimeBookedTwice": {"holds": doubles == 0, "timesWithTwoActiveRows": doubles},
            "oneTextPerAbandonedCall": {"holds": all(r["texts"] == 1 for r in abandoned) and at_stub == sent_texts,
                                        "abandonedCalls": len(abandoned), "textsSent": sent_texts,
                                        "textsAtStub": at_stub,
                                        "callsWithoutExactlyOneText": sum(r["texts"] != 1 for r in abandoned)},
            "noPlainPiiWithoutConsent": {"holds": leaks == 0 and non_consented > 0, "nonConsentedCalls": non_consented,
                                         "callsLeaking": leaks, "planted": PLANTED},
        }
    finally:
        await pool.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--master-bind-host", default="127.0.0.1", help="where workers reach the master")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--rate", type=int, default=50, help="users started per second")
    for name, default in (("abandon", 3), ("book", 2), ("contest", 2), ("ask", 1)):
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--breakage", help="run against the embedded system with this catalogue breakage applied")
    parser.add_argument("--local-workers", type=int, help="workers started here (default: --workers; the rest "
                        "join from other machines)")
    parser.add_argument("--allow-non-loopback", action="store_true",
                        help="allow a target that is not on this machine (a staging system you own)")
    args = parser.parse_args()
    if args.breakage:
        from breakages.run import catalogue, patched_copy

        folder = Path(tempfile.mkdtemp(prefix=f"load-{args.breakage}-"))
        problem = patched_copy(catalogue([args.breakage])[0], folder)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        os.environ["SUITE_SYSTEM_PATH"] = str(folder)
        for name in ("CLINIC_API_URL", "CLINIC_ADMIN_TOKEN", "CLINIC_DATABASE_URL", "SMS_STUB_URL"):
            os.environ.pop(name, None)
    for name, limit in LIMITS.items():
        setattr(args, name, max(1, min(getattr(args, name), limit)))
    target = remote_from_env() or start_embedded()
    if not target.api_url.startswith(("http://127.", "http://localhost", "http://[::1]")) \
            and not args.allow_non_loopback:
        print(f"refusing to send load to {target.api_url}: pass --allow-non-loopback for a staging system "
              f"you own", file=sys.stderr)
        return 2
    try:
        print(f"Setting up a clinic on {target.name} ({target.api_url})...", flush=True)
        clinic = set_up(target.api_url, target.admin_token)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
            json.dump(clinic, out)
        print(f"Locust: {args.users} callers, {args.workers} workers, {args.seconds}s...", flush=True)
        started, before = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
        code = run_locust(Path(out.name), target.api_url, args)
        ran = round(time.monotonic() - started, 1)
        locust_cpu = locust_cpu_seconds(before)
        checks = asyncio.run(invariants(target.database_url, target.sms_stub_url, clinic))
        numbers = figures()
    finally:
        if target.stack is not None:
            target.stack.stop()
    held = all(c["holds"] for c in checks.values())
    REPORT.write_text(json.dumps({"users": args.users, "workers": args.workers, "seconds": args.seconds,
                                  "ranSeconds": ran, "locustExit": code, "figures": numbers,
                                  "locustCpuSeconds": locust_cpu,
                                  "locustCpuShare": round(locust_cpu / (ran * (os.cpu_count() or 1)), 3),
                                  "invariants": checks, "invariantsHold": held}, indent=2))
    print(f"\n{'action':<28}{'requests':>9}{'failures':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    for name, f in numbers.items():
        print(f"{name:<28}{f['requests']:>9}{f['failures']:>9}{f['rps']:>8}{f['p50_ms'] or '-':>8}"
              f"{f['p95_ms'] or '-':>8}{f['p99_ms'] or '-':>8}")
    for name, check in checks.items():
        print(f"invariant {name}: {'holds' if check['holds'] else 'BROKEN'} "
              f"{ {k: v for k, v in check.items() if k not in ('holds', 'planted')} }")
    print(f"Locust's own CPU: {locust_cpu:.1f} s over {ran:.0f} s on {os.cpu_count()} cores "
          f"({100 * locust_cpu / (ran * (os.cpu_count() or 1)):.0f}% of the machine, taken from the system under test)")
    print(f"load: {'invariants hold' if held else 'INVARIANT BROKEN'} (report {REPORT.relative_to(ROOT)})")
    return 0 if held and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
