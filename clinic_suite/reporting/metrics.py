"""The measured figures (pinned decision 11): each is the worst value seen in the run, except
the SMS latency (the p95 over ordinary hang-ups: one deliberately slowed provider is not what a
patient usually waits, and is its own figure), written as the plan writes them, and the plan's
success-metrics rows graded from them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

# name -> (unit, which value is worse: "high" | "low")
FIGURES = {
    "smsLatency": ("s", "high"), "smsLatencySlowProvider": ("s", "high"), "dbUpdateLatency": ("s", "high"), "slotHoldDuration": ("m", "low"),
    "claimLatencyP95": ("s", "high"), "claimLatencyP50": ("s", "high"), "claimLatencyMax": ("s", "high"),
    "voicePivotTime": ("s", "high"), "atomicBooking": ("%", "low"), "piiRecall": ("%", "low"),
    "piiPrecision": ("%", "low"), "piiRecallV1HeldOut": ("%", "low"), "isolationRefused": ("%", "low"), "kbAccuracy": ("%", "low"), "kbAccuracyParaphrases": ("%", "low"),
    "kbMinSimilarity": ("", "low"), "browserSessionStartMs": ("", "high"),
    "kbWrongAnswers": ("", "high"), "kbWrongAnswersHeldOut": ("", "high"),
    "kbMissRate": ("%", "high"), "kbMissRateHeldOut": ("%", "high"), "kbAnswerP95": ("s", "high"),
}
PII_KINDS = ["name", "phone", "email", "address", "ssn", "medical"]
# The redactor on its own over the editions of the corpora (journeys/redaction_audit.EDITIONS):
# each edition's figures ("piiRecallHeldOutV2[name]"), and the seen and held-out editions
# graded together ("...Seen", "...Unseen"): the seen side enforced by its scenario, the
# held-out side recorded for the meeting. Read by their first words, whatever the edition.
PII_AUDIT = {"piiRecall": ("%", "low"), "piiPrecision": ("%", "low"), "piiCleanChanged": ("", "high"),
             "piiOverRedactions": ("", "high")}


def figure(name: str) -> tuple[str, str]:
    """(unit, worse direction) of a figure; "piiRecall[name]" is read as "piiRecall"."""
    base = name.split("[")[0]
    if base in FIGURES:
        return FIGURES[base]
    return next((unit for prefix, unit in PII_AUDIT.items() if base.startswith(prefix)), ("", "high"))


def fmt(name: str, value) -> str | float:
    if isinstance(value, str):
        return value
    unit = figure(name)[0]
    if unit == "s":
        return f"{value:.3f}".rstrip("0").rstrip(".") + "s"
    if unit == "m":
        return f"{value:.0f}m" if abs(value - round(value)) < 0.05 else f"{value:.1f}m"
    if unit == "%":
        return f"{value:.1f}".rstrip("0").rstrip(".") + "%"
    return round(value, 3)


def worst(name: str, values: list[float]) -> float:
    direction = figure(name)[1]
    return max(values) if direction == "high" else min(values)


# Figures summarised by their 95th percentile over the scenarios that measured them.
P95 = {"smsLatency"}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(0.95 * (len(ordered) - 1)))))]


def worst_of(records: list[dict]) -> dict[str, float]:
    """Each figure over the records: the worst value, or the p95 for the figures in P95."""
    seen: dict[str, list[float]] = {}
    for record in records:
        for name, value in record.get("metrics", {}).items():
            if isinstance(value, (int, float)):
                seen.setdefault(name, []).append(value)
    return {name: p95(values) if name in P95 else worst(name, values) for name, values in seen.items()}


@dataclass
class Row:
    metric: str
    target: str
    threshold: str
    measure: Callable[[dict], float | None]   # from the run's facts, None when not measured
    meets_target: Callable[[float], bool]
    meets_threshold: Callable[[float], bool]
    show: Callable[[float], str]
    gates: bool = True   # a FAIL here fails the run


def percent(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") + "%"


ROWS = [
    Row("Test Pass Rate", "100%", "≥95%", lambda f: f.get("passRate"),
        lambda v: v >= 100, lambda v: v >= 95, percent),
    Row("Concurrent Booking", "100% atomic", "No double-books", lambda f: f.get("atomicBooking"),
        lambda v: v >= 100, lambda v: v >= 100, percent),
    # p95 over ordinary hang-ups; the provider slowed on purpose is the row after it.
    Row("SMS Latency", "<5s", "<10s", lambda f: f.get("smsLatency"),
        lambda v: v < 5, lambda v: v < 10, lambda v: fmt("smsLatency", v)),
    Row("SMS Latency (provider slowed on purpose)", "<5s", "<10s", lambda f: f.get("smsLatencySlowProvider"),
        lambda v: v < 5, lambda v: v < 10, lambda v: fmt("smsLatencySlowProvider", v)),
    Row("Voice Pivot Time", "<2s", "<5s", lambda f: f.get("voicePivotTime"),
        lambda v: v < 2, lambda v: v < 5, lambda v: fmt("voicePivotTime", v)),
    Row("PII Redaction", "100%", "No leaks", lambda f: f.get("piiRecall"),
        lambda v: v >= 100, lambda v: v >= 100, percent),
    # The first edition's held-out set: measured blind once, tuned on since (a seen set, gating).
    # The honest figures are the held-out editions', below.
    Row("PII Redaction (v1 held-out set, seen)", "100%", "No leaks", lambda f: f.get("piiRecallV1HeldOut"),
        lambda v: v >= 100, lambda v: v >= 100, percent),
    # Over-redaction (PII-6): justified replacements / all, the end-of-call corpus and the seen editions.
    Row("PII Precision", "≥98%", "≥95%", lambda f: _lowest(f, "piiPrecision", "piiPrecisionSeen"),
        lambda v: v >= 98, lambda v: v >= 95, percent),
    Row("PII Redaction (v2 tuning set)", "100%", "No leaks", lambda f: f.get("piiRecallTuning"),
        lambda v: v >= 100, lambda v: v >= 100, percent),
    # The seen editions (the v2 tuning set, and the v2 to v5 held-out sets since their one blind
    # measurement each): per kind, precision and clean lines changed; they gate, as their scenario does.
    *[Row(f"PII Redaction (seen sets, v2-v5, v7, v8, v10 held-out included): {kind}", "100%", "No leaks",
          lambda f, k=kind: f.get(f"piiRecallSeen[{k}]"), lambda v: v >= 100, lambda v: v >= 100, percent)
      for kind in PII_KINDS],
    Row("PII Precision (seen sets, v2-v5, v7, v8, v10 held-out included)", "≥98%", "≥98%", lambda f: f.get("piiPrecisionSeen"),
        lambda v: v >= 98, lambda v: v >= 98, percent),
    Row("Clean utterances changed (seen sets, v2-v5, v7, v8, v10 held-out included)", "0", "0",
        lambda f: f.get("piiCleanChangedSeen"), lambda v: v == 0, lambda v: v == 0, lambda v: f"{v:.0f}"),
    # The held-out editions (v6, v10), never used for tuning, graded together: against the plan's target and shown; they
    # do not gate (only tuning on them could make them green, and that would spend them).
    *[Row(f"PII Redaction (held-out editions): {kind}", "100%", "No leaks",
          lambda f, k=kind: f.get(f"piiRecallUnseen[{k}]"), lambda v: v >= 100, lambda v: v >= 100, percent,
          gates=False) for kind in PII_KINDS],
    Row("PII Precision (held-out editions)", "≥98%", "≥95%", lambda f: f.get("piiPrecisionUnseen"),
        lambda v: v >= 98, lambda v: v >= 95, percent, gates=False),
    Row("Clean utterances changed (held-out editions)", "0", "0", lambda f: f.get("piiCleanChangedUnseen"),
        lambda v: v == 0, lambda v: v == 0, lambda v: f"{v:.0f}", gates=False),
    Row("Clinic Isolation", "100%", "Zero data bleeds", lambda f: f.get("isolationRefused"),
        lambda v: v >= 100, lambda v: v >= 100, percent),
    Row("KB Accuracy", "100% match", ">95% match", lambda f: f.get("kbAccuracy"),
        lambda v: v >= 100, lambda v: v > 95, percent),
    # The same on paraphrased questions written before any tuning: the honest figure.
    Row("KB Accuracy (paraphrased questions)", "100% match", ">95% match", lambda f: f.get("kbAccuracyParaphrases"),
        lambda v: v >= 100, lambda v: v > 95, percent, gates=False),
    # KB-8: a wrong answer (another procedure's figures, or figures for a procedure the clinic
    # does not list) gates at zero on every set used to tune (the worst of them is shown); a
    # refusal of a listed procedure is a miss, shown against 5% of the questions about listed
    # procedures. The held-out set is graded and shown, not gated, as the PII held-out corpora:
    # only tuning on it could make it green, and that would spend it. Which file is the held-out set:
    # journeys/knowledge.HELD_OUT_SET (held_out_15.jsonl; NOT_MEASURED until it is delivered).
    Row("KB Wrong Answers (seen questions)", "0", "0", lambda f: f.get("kbWrongAnswers"),
        lambda v: v == 0, lambda v: v == 0, lambda v: f"{v:.0f}"),
    Row("KB Wrong Answers (held-out questions)", "0", "0", lambda f: f.get("kbWrongAnswersHeldOut"),
        lambda v: v == 0, lambda v: v == 0, lambda v: f"{v:.0f}", gates=False),
    # The seen sets' scenarios hold their misses to the target: a step back there fails the run.
    Row("KB Misses (seen questions)", "≤5%", "≤5%", lambda f: f.get("kbMissRate"),
        lambda v: v <= 5, lambda v: v <= 5, percent),
    Row("KB Misses (held-out questions)", "≤5%", "recorded", lambda f: f.get("kbMissRateHeldOut"),
        lambda v: v <= 5, lambda v: True, percent, gates=False),
    # Mutants of the reference system the suite kills, of those that can change behaviour (REP-4);
    # shown when `make mutants` measured this code.
    Row("Mutation Score", ">90%", ">80%", lambda f: f.get("mutationScore"),
        lambda v: v > 90, lambda v: v > 80, percent, gates=False),
    # Criteria proven / all (the code coverage of the reference system is in the summary beside it).
    Row("Coverage", ">95%", ">85%", lambda f: f.get("coverage"),
        lambda v: v > 95, lambda v: v > 85, percent),
]


def _lowest(facts: dict, *names: str) -> float | None:
    values = [facts[n] for n in names if facts.get(n) is not None]
    return min(values) if values else None


def grade(facts: dict) -> list[dict]:
    out = []
    for row in ROWS:
        value = row.measure(facts)
        if value is None:
            verdict, shown = "NOT_MEASURED", None
        else:
            verdict = "PASS" if row.meets_target(value) else "WARN" if row.meets_threshold(value) else "FAIL"
            shown = row.show(value)
        out.append({"metric": row.metric, "target": row.target, "threshold": row.threshold,
                    "measured": shown, "verdict": verdict, "gates": row.gates})
    return out
