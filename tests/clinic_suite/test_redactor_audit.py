"""The PII audit of a redactor as a command (pinned decision 24): the reference redactor's
module entry point graded through it, a deliberately weak redactor given its (low) figures,
and commands that crash, hang or answer garbage failing the audit with a clear message."""
import asyncio
import json
import sys

import pytest

from clinic_suite.drivers.redactor import RedactorBroken, redact_all, reference_command
from clinic_suite.journeys import redaction_audit
from clinic_suite.journeys.pii_grading import KINDS, Markers, grade

TUNING = ("tuning", "clean_tuning")
WEAK = """import json, re, sys
for line in sys.stdin:
    text = json.loads(line)["text"]
    print(json.dumps({"text": re.sub(r"[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", "[EMAIL_REDACTED]", text)}), flush=True)
"""


def run(coroutine):
    return asyncio.run(coroutine)


def test_the_reference_redactor_through_its_command_catches_the_tuning_corpus():
    audited = run(redaction_audit.audit(reference_command(), corpora=TUNING))
    assert audited.broken is None
    figures = audited.combined(*TUNING)
    assert figures.recall() == {kind: 100.0 for kind in KINDS}, figures.by_kind()
    assert figures.kind_accuracy()["email"] == 100.0
    assert figures.precision() >= 98.0, figures.over_redacted
    assert figures.clean_changed == []


@pytest.fixture
def weak(tmp_path):
    script = tmp_path / "email_only.py"
    script.write_text(WEAK)
    return f"{sys.executable} {script}"


def test_a_weak_email_only_redactor_gets_its_low_figures(weak):
    audited = run(redaction_audit.audit(weak, redaction_audit.markers("[{KIND}_REDACTED]"), corpora=TUNING))
    figures = audited.combined(*TUNING)
    emails = [l["value"] for row in redaction_audit.corpus("tuning") for l in row["labels"] if l["type"] == "email"]
    written = [v for v in emails if "@" in v]   # spoken and spelled emails are beyond it
    assert figures.recall()["email"] == pytest.approx(100.0 * len(written) / len(emails))
    assert figures.kind_accuracy()["email"] == figures.recall()["email"]   # its marker says EMAIL
    assert {k: figures.recall()[k] for k in ("name", "phone", "address", "ssn", "medical")} == {
        "name": 0.0, "phone": 0.0, "address": 0.0, "ssn": 0.0, "medical": 0.0}
    assert figures.precision() == 100.0 and figures.clean_changed == []


def test_a_value_is_caught_when_gone_and_its_kind_when_the_marker_says_it(weak):
    # The same weak redactor read with the plan's marker: its "[EMAIL_REDACTED]" names no kind.
    audited = run(redaction_audit.audit(weak, corpora=("tuning",)))
    figures = audited.figures["tuning"]
    assert figures.recall()["email"] > 80.0 and figures.kind_accuracy()["email"] == 0.0


@pytest.mark.parametrize("template,output", [
    ("[REDACTED_{KIND}]", "call [REDACTED_PHONE] now"),
    ("[{KIND}_REDACTED]", "call [PHONE_REDACTED] now"),
    ("[REDACTED: {KIND}]", "call [REDACTED: PHONE] now"),
    ("<{KIND}>", "call <PHONE_NUMBER> now"),
])
def test_marker_formats(template, output):
    row = {"text": "call 555-123-4567 now", "labels": [{"type": "phone", "value": "555-123-4567"}]}
    markers = Markers(template, {"phone": "PHONE_NUMBER"} if "<" in template else None)
    figures = grade([row], [output], markers)
    assert (figures.recall(), figures.kind_accuracy(), figures.precision()) == ({"phone": 100.0}, {"phone": 100.0}, 100.0)


def test_over_redaction_is_counted():
    row = {"text": "It costs £2,500 on Tuesday", "labels": []}
    figures = grade([row], ["It costs [REDACTED_PHONE] on [REDACTED_NAME]"])
    assert figures.replacements == 2 and figures.over_redacted == ["£2,500", "Tuesday"]
    assert figures.precision() == 0.0 and len(figures.clean_changed) == 1


@pytest.mark.parametrize("command,says", [
    ("exit 3", "stopped after 0 of 2 answers (exit code 3)"),
    (f"{sys.executable} -c 'import sys; sys.stderr.write(\"model not found\"); sys.exit(2)'", "model not found"),
    ("echo hello", "answer 1 is not JSON: 'hello'"),
    ("echo '[1, 2]'", 'answer 1 is not {"text": "..."}'),
    ("sleep 30", "no answer to text 1 within 1 s (it hangs)"),
    ("no-such-redactor-command", "not found"),
])
def test_a_broken_command_fails_with_a_clear_message(command, says):
    with pytest.raises(RedactorBroken, match=None) as failure:
        run(redact_all(command, ["my name is John", "call 555-1234"], answer_timeout=1, total_timeout=5))
    assert says in str(failure.value)


def test_a_broken_command_fails_the_audit():
    audited = run(redaction_audit.audit("echo hello", corpora=("clean_tuning",)))
    assert audited.figures is None and "not JSON" in audited.broken


def test_the_reference_command_answers_each_line_even_a_bad_one():
    lines = run(redact_all(reference_command(), ["Dr. Sarah at Premier Cosmetic Surgery, £150", "My SSN ends in 6789"]))
    assert lines == ["Dr. Sarah at Premier Cosmetic Surgery, £150", "My SSN ends in [REDACTED_SSN]"]


def test_the_module_entry_point_refuses_a_bad_line_and_goes_on():
    import subprocess

    done = subprocess.run([sys.executable, "-m", "clinic_system.redaction"], input='{"txt": 1}\n{"text": "hi"}\n',
                          capture_output=True, text=True, timeout=30)
    assert [json.loads(line) for line in done.stdout.splitlines()] == [
        {"error": 'each line must be {"text": "..."}'}, {"text": "hi"}]


SLOW = "import sys, time\nfor line in sys.stdin:\n    time.sleep(0.5)\n    print(line.strip(), flush=True)\n"
CHATTY = "import sys\nsys.stderr.write('x' * 1_000_000)\nfor line in sys.stdin:\n    print(line.strip(), flush=True)\n"


def test_a_redactor_too_slow_for_the_whole_corpus_fails(tmp_path):
    (tmp_path / "slow.py").write_text(SLOW)
    with pytest.raises(RedactorBroken, match="more than 1 s for 5 texts"):
        run(redact_all(f"{sys.executable} {tmp_path / 'slow.py'}", ["a"] * 5, answer_timeout=2, total_timeout=1))


def test_a_redactor_that_talks_a_lot_on_its_error_output_is_still_heard(tmp_path):
    (tmp_path / "chatty.py").write_text(CHATTY)
    assert run(redact_all(f"{sys.executable} {tmp_path / 'chatty.py'}", ["a", "b"], answer_timeout=5)) == ["a", "b"]


def test_a_redactor_run_writes_its_reports_apart_and_fails_a_weak_redactor(weak):
    """REDACTOR_CMD through the acceptance command: its reports under reports/targets/<name>/,
    the embedded run's untouched, a non-zero exit for a redactor that leaks."""
    import os
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folder = root / "reports" / "targets" / "unit-test-email-only"
    embedded = root / "reports" / "summary.json"
    before = embedded.stat().st_mtime if embedded.exists() else None
    env = {**os.environ, "REDACTOR_CMD": weak, "REDACTOR_MARKER": "[{KIND}_REDACTED]",
           "REDACTOR_NAME": "unit-test-email-only"}
    try:
        done = subprocess.run([sys.executable, "-m", "clinic_suite.reporting.acceptance"], cwd=root, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 1, done.stdout[-2000:]
        summary = json.loads((folder / "summary.json").read_text())
        pii = next(t for t in summary["tests"] if t["id"] == "pii-redaction-003")
        assert pii["metrics"]["piiRecallTuning[email]"] == "81.6%" and pii["metrics"]["piiRecallTuning[medical]"] == "0%"
        assert {c["id"] for c in summary["criteria"]} == {"PII-1", "PII-6", "REP-1", "REP-2", "REP-3"}
        assert (embedded.stat().st_mtime if embedded.exists() else None) == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_seen_editions_gate_and_held_out_ones_are_only_shown(weak, monkeypatch):
    from clinic_suite.reporting import metrics
    editions = (redaction_audit.Edition("Tuning", "tuning", "clean_tuning", seen=True),
                redaction_audit.Edition("HeldOutX", "held_out", "clean_held_out", seen=False))
    monkeypatch.setattr(redaction_audit, "EDITIONS", editions)
    corpora = tuple(n for e in editions for n in (e.labelled, e.clean))
    audited = run(redaction_audit.audit(weak, redaction_audit.markers("[{KIND}_REDACTED]"), corpora=corpora))
    recorded = {name: value for name, (value, _) in redaction_audit.figures_to_record(audited).items()}
    assert recorded["piiRecallSeen[email]"] == recorded["piiRecallTuning[email]"]
    assert recorded["piiRecallUnseen[email]"] == recorded["piiRecallHeldOutX[email]"]
    assert metrics.figure("piiRecallHeldOutX[email]") == ("%", "low")   # any edition's figure reads rightly
    rows = {row["metric"]: row for row in metrics.grade(recorded)}
    assert rows["PII Redaction (seen sets, v2-v5, v7, v8, v10 held-out included): name"]["verdict"] == "FAIL"
    assert rows["PII Redaction (seen sets, v2-v5, v7, v8, v10 held-out included): name"]["gates"]
    held_out = rows["PII Redaction (held-out editions): name"]
    assert held_out["verdict"] == "FAIL" and not held_out["gates"]


def test_every_edition_is_graded_once_and_the_v2_to_v5_held_out_sets_are_seen():
    assert redaction_audit.CORPORA[:4] == ("tuning", "clean_tuning", "held_out", "clean_held_out")
    assert len(set(redaction_audit.CORPORA)) == len(redaction_audit.CORPORA)
    assert [e.figure for e in redaction_audit.seen()][:3] == ["Tuning", "HeldOutV2", "HeldOutV3"]
    assert {"HeldOutV4", "HeldOutV5"} <= {e.figure for e in redaction_audit.seen()}
    assert [e.figure for e in redaction_audit.held_out()] == ["HeldOutV6", "HeldOutV15"]   # written blind, not tuned on


LISBON = "Rua Augusta 120, 2º Esq., 1100-053 Lisboa"


@pytest.mark.parametrize("output,caught", [
    ("My address is [REDACTED_ADDRESS].", True),
    ("My address is [REDACTED_ADDRESS], 2º Esq., [REDACTED_ADDRESS].", True),        # the floor alone finds no place
    ("My address is Rua Augusta 120, 2º Esq., [REDACTED_ADDRESS].", False),          # the street with its number
    ("My address is [REDACTED_ADDRESS], 2º Esq., 1100-053 Lisboa.", False),          # the postcode with its town
    ("My address is [REDACTED_ADDRESS] 120, 2º Esq., 1100-053 [REDACTED_ADDRESS].", True),
    ("My address is rua augusta\n120, [REDACTED_ADDRESS].", False),                  # read in any case, across a line
])
def test_an_address_survives_while_a_part_that_finds_the_place_can_be_read(output, caught):
    row = {"text": f"My address is {LISBON}.", "labels": [{"type": "address", "value": LISBON}]}
    figures = grade([row], [output])
    assert figures.recall()["address"] == (100.0 if caught else 0.0), figures.survivors


@pytest.mark.parametrize("part", ["flat 3", "Apt 4C", "2º Esq.", "3. OG", "scala B", "Tür 4", "bus 3", "2n 1a", "14/F",
                                  "2/1", "Bandra West", "Church Street"])
def test_a_flat_floor_or_a_place_without_a_number_is_not_a_part_that_finds_the_address(part):
    from clinic_suite.journeys.pii_grading import _place_parts
    assert _place_parts(f"{part}, Avenue de la Gare 15, 1003 Lausanne") == ["Avenue de la Gare 15", "1003 Lausanne"]


@pytest.mark.parametrize("part", ["Mumbai 400050", "D01 P5W2", "01426-001", "Seoul 06232", "Dublin 9"])
def test_a_postcode_with_its_town_or_a_postcode_by_its_shape_finds_the_place(part):
    from clinic_suite.journeys.pii_grading import _place_parts
    assert part in _place_parts(f"Flat 402, Carter Road, {part}")


@pytest.mark.parametrize("kept, readable", [
    ('{"callId": "call_1796191836789_57079f", "at": "06:10:37.167892"}', False),  # the flake CI met
    ("My SSN ends in 6789.", True),
    ("MY SSN ENDS IN 6789", True),
    ("I live at 123  Main St, NYC", True),
])
def test_a_value_is_read_as_whole_words_not_inside_an_id_or_a_timestamp(kept, readable):
    from clinic_suite.journeys.pii_grading import readable as pattern
    value = "123 Main St" if "Main" in kept else "6789"
    assert (pattern(value).search(kept) is not None) is readable
