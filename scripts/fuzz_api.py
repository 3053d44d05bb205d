"""A longer fuzz run of the whole API than `make test` does (schemathesis, see
tests/clinic_system/test_api_fuzz.py), printing how many cases were tried and how many failed.

    .venv/bin/python scripts/fuzz_api.py [--per-endpoint 120]"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--per-endpoint", type=int, default=120)
args = parser.parse_args()
stats = ROOT / "reports" / "fuzz-long.json"
done = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/clinic_system/test_api_fuzz.py"], cwd=ROOT,
                      env={**os.environ, "FUZZ_EXAMPLES": str(min(args.per_endpoint, 2000)), "FUZZ_STATS": str(stats)})
result = json.loads(stats.read_text())
print(f"cases tried: {result['cases']}; failed: {len(result['failures'])}")
for endpoint, count in sorted(result["perEndpoint"].items()):
    print(f"  {endpoint:<45} {count:5} cases, {result['successes'].get(endpoint, 0):4} succeeded")
for failure in result["failures"][:20]:
    print("  FAILED", failure)
sys.exit(done.returncode)
