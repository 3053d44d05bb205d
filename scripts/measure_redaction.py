"""The reference redactor's figures and speed on the seen redaction corpora (a script, not a
test): recall per kind, precision, over-redactions and changed clean utterances per set, and
the time per utterance, in process (the suite's audit adds only the pipe).

    python scripts/measure_redaction.py            # figures and time
    python scripts/measure_redaction.py --misses   # and every value missed, every over-redaction
    python scripts/measure_redaction.py --vocabulary=/tmp/candidate.txt.gz   # a candidate vocabulary

Only the seen editions are read (SEEN below; the fifth is seen since round 6, the seventh since round 7, the eighth since round 8, the tenth since round 10): a held-out edition is measured once, blind,
through the suite's audit, never here."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from clinic_suite.journeys.pii_grading import Figures, Markers
from clinic_system.redaction import clinic_facts, medical, redact, warm_up

ROOT = Path(__file__).resolve().parents[1]
PII = ROOT / "fixtures" / "pii"
# (label, labelled file, clean file): the seen sets, graded as the suite grades them.
SEEN = [("v1 tuning", ["corpus.jsonl", "hard_cases.jsonl"], "clean.jsonl"),
        ("v1 held-out (seen)", ["held_out.jsonl"], None),
        ("v2 tuning", ["v2/tuning.jsonl"], "v2/clean_tuning.jsonl"),
        ("v2 held-out (seen)", ["v2/held_out.jsonl"], "v2/clean_held_out.jsonl"),
        ("v3 held-out (seen)", ["v3/held_out.jsonl"], "v3/clean_held_out.jsonl"),
        ("v4 held-out (seen)", ["v4/held_out.jsonl"], "v4/clean_held_out.jsonl"),
        ("v5 held-out (seen)", ["v5/held_out.jsonl"], "v5/clean_held_out.jsonl"),
        ("v7 held-out (seen)", ["v7/held_out.jsonl"], "v7/clean_held_out.jsonl"),
        ("v8 held-out (seen)", ["v8/held_out.jsonl"], "v8/clean_held_out.jsonl"),
        ("v10 held-out (seen)", ["v10/held_out.jsonl"], "v10/clean_held_out.jsonl"),
        ("the project's own (seen)", ["project/hard_cases.jsonl"], "project/clean.jsonl")]


def rows(name: str, clean: bool = False) -> list[dict]:
    out = [json.loads(line) for line in (PII / name).read_text().splitlines() if line.strip()]
    return [{**row, "labels": [] if clean else row.get("labels", [])} for row in out]


def main(argv: list[str]) -> int:
    keep = [fact for setup in json.loads((ROOT / "fixtures" / "clinics.json").read_text()).values()
            for fact in clinic_facts(setup)] if (ROOT / "fixtures" / "clinics.json").exists() else []
    for arg in argv:
        if arg.startswith("--vocabulary="):
            medical.VOCABULARY = Path(arg.split("=", 1)[1])
    started = time.perf_counter()
    warm_up()
    print(f"warm-up {time.perf_counter() - started:.2f} s")
    spent, said = 0.0, 0
    for label, labelled, clean in SEEN:
        figures, markers = Figures(), Markers()
        for row in [r for name in labelled for r in rows(name)] + (rows(clean, True) if clean else []):
            began = time.perf_counter()
            output = redact(row["text"], keep=keep).text
            spent += time.perf_counter() - began
            said += 1
            figures.add(row, output, markers)
        recall = " ".join(f"{k} {v:.1f}" for k, v in figures.recall().items())
        print(f"{label}: {recall} | precision {figures.precision():.1f} "
              f"({len(figures.over_redacted)} over of {figures.replacements}) | clean changed {len(figures.clean_changed)}")
        if "--misses" in argv:
            for kind, values in figures.by_kind().items():
                print(f"  missed {kind}: {values}")
            print(f"  over-redacted: {figures.over_redacted}")
            for changed in figures.clean_changed:
                print(f"  clean changed: {changed}")
    # The machine is shared: the best of three passes is the redactor's own time.
    texts = [row["text"] for _, labelled, clean in SEEN for name in labelled + ([clean] if clean else [])
             for row in rows(name)]
    passes = []
    for _ in range(3):
        began = time.perf_counter()
        for text in texts:
            redact(text, keep=keep)
        passes.append(time.perf_counter() - began)
    print(f"{said} utterances, {1000 * spent / said:.3f} ms per utterance in the first pass, "
          f"{1000 * min(passes) / len(texts):.3f} ms at best of three")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
