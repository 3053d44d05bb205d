"""The reference redactor as a command (pinned decision 24): JSON lines in, JSON lines out.

    python -m clinic_system.redaction [--clinics fixtures/clinics.json] < in.jsonl > out.jsonl

Each input line is `{"text": ...}`; each answer `{"text": ...}`, in order, flushed at once.
`--clinics` names a file of clinic set-ups (as `POST /api/admin/clinics` takes them): their
names, web addresses, doctors and staff are kept (pinned decision 23). A line that is not
`{"text": "..."}` gets `{"error": ...}` and the command goes on."""
from __future__ import annotations

import argparse
import json
import sys

from . import clinic_facts, redact


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m clinic_system.redaction")
    parser.add_argument("--clinics", help="a JSON file of clinic set-ups whose own facts survive redaction")
    args = parser.parse_args(argv)
    keep: list[str] = []
    if args.clinics:
        with open(args.clinics) as handle:
            setups = json.load(handle)
        for setup in (setups.values() if isinstance(setups, dict) else setups):
            keep += clinic_facts(setup)
    for line in sys.stdin:
        try:
            text = json.loads(line)["text"]
            if not isinstance(text, str):
                raise TypeError
            answer = {"text": redact(text, keep=keep).text}
        except (ValueError, KeyError, TypeError):
            answer = {"error": 'each line must be {"text": "..."}'}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
