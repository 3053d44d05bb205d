"""The PII audit of a redactor on its own (pinned decision 24): the editions of the corpora
(fixtures/pii/v2 and after, provenance in each README) put through the redactor's command in
one go, and graded per corpus. The embedded target's command is the reference redactor's
(`python -m clinic_system.redaction`); REDACTOR_CMD names any other team's.

Each edition is *seen* (the reference redactor was tuned on it, or it was measured once,
blind, and then became tuning material: its figures gate) or *held out* (never used for
tuning: the honest figures, graded and shown, never gating). EDITIONS says which."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..drivers.redactor import RedactorBroken, redact_all
from .pii_grading import DEFAULT_MARKER, KINDS, Figures, Markers, grade  # noqa: F401  (KINDS for steps)

PII = Path(__file__).resolve().parents[2] / "fixtures" / "pii"


@dataclass(frozen=True)
class Edition:
    figure: str      # the figures' suffix: piiRecall{figure}[kind], piiPrecision{figure}, ...
    labelled: str    # corpus names (below)
    clean: str
    seen: bool       # gates (100% each kind, precision >= 98%, no clean line changed) or is only shown
    # False where the edition's own labels leave personal data unlabelled (a number said twice and
    # labelled once, a body part's second mention): its precision is shown, counted in the seen sets'
    # combined precision, and not held to 98% on its own
    labels_complete: bool = True


# Every set the audit grades. A new held-out edition goes here, last, with seen=False, and turns
# seen=True once its one blind measurement is taken and it becomes tuning material.
EDITIONS = (
    Edition("Tuning", "tuning", "clean_tuning", seen=True),
    Edition("HeldOutV2", "held_out", "clean_held_out", seen=True),   # measured blind once, then tuned on (round 3)
    Edition("HeldOutV3", "v3/held_out", "v3/clean_held_out", seen=True),   # measured blind after round 3, tuned on (round 4)
    Edition("Project", "project/hard_cases", "project/clean", seen=True),   # the project's own, from the mutation triage
    Edition("HeldOutV4", "v4/held_out", "v4/clean_held_out", seen=True),   # measured blind after round 4, tuned on (round 5)
    Edition("HeldOutV5", "v5/held_out", "v5/clean_held_out", seen=True),   # measured blind after round 5, tuned on (round 6)
    Edition("HeldOutV6", "v6/held_out", "v6/clean_held_out", seen=False),  # written before round 6, never tuned on
    Edition("HeldOutV7", "v7/held_out", "v7/clean_held_out", seen=True),   # measured blind after round 6, tuned on (round 7)
    Edition("HeldOutV8", "v8/held_out", "v8/clean_held_out", seen=True,    # measured blind after round 7, tuned on (round 8)
            labels_complete=False),
    # v9: measured blind after round 8, then read in round 9 (2026-12-03) for its numbers, addresses and
    # medical words only; its names are not finished, so it neither gates as seen nor counts as held out
    # (it is spent): graded again once a round brings it to the seen editions' bar.
    Edition("HeldOutV10", "v10/held_out", "v10/clean_held_out", seen=True,  # measured blind after round 9, tuned on (round 10);
            labels_complete=False),                                           # a number said twice is labelled once
    # v11: measured blind after round 10, then read whole in round 11 (2026-12-04); its names are not all caught
    # (99.0%), so like v9 it neither gates as seen nor counts as held out (it is spent)
    # v12: measured blind after round 11, then read whole in round 12 (2026-12-04); not at the seen bar
    # (names 98.4%, precision 94.9%), so like v9 and v11 it neither gates as seen nor counts as held out
    # v13: measured blind before and after round 12, then read whole in round 13; not at the seen bar (SSNs
    # 93.2%, precision 92.3%, a few of its read-out numbers unlabelled), so it is spent too
    # v14: measured blind before and after rounds 12 and 13, then read whole in round 14; its precision (94.2%)
    # is not at the seen bar, so it is spent too
    Edition("HeldOutV15", "v15/held_out", "v15/clean_held_out", seen=False),  # written blind before round 14, never tuned on
)
CORPORA = tuple(name for edition in EDITIONS for name in (edition.labelled, edition.clean))


def corpus(name: str) -> list[dict]:
    """A corpus by name: the second edition's by their bare names ("tuning"), any other
    edition's with its folder ("v3/held_out")."""
    path = PII / (name if "/" in name else f"v2/{name}")
    rows = [json.loads(line) for line in path.with_suffix(".jsonl").read_text().splitlines() if line.strip()]
    return [{"labels": [], **row} for row in rows]


def seen() -> list[Edition]:
    return [edition for edition in EDITIONS if edition.seen]


def held_out() -> list[Edition]:
    return [edition for edition in EDITIONS if not edition.seen]


def labels_in(name: str) -> int:
    return sum(len(row["labels"]) for row in corpus(name))


def markers(template: str = DEFAULT_MARKER, kinds: str = "") -> Markers:
    """A marker template (e.g. "[{KIND}_REDACTED]") and the redactor's own kind names
    ("name=PERSON,phone=PHONE_NUMBER"; the others are NAME, PHONE, EMAIL, ADDRESS, SSN, MEDICAL)."""
    aliases = dict(pair.split("=", 1) for pair in kinds.split(",") if "=" in pair)
    return Markers(template or DEFAULT_MARKER, {k.strip(): v.strip() for k, v in aliases.items()})


@dataclass
class Audit:
    command: str
    figures: dict[str, Figures] | None = None   # per corpus
    broken: str | None = None                   # why the command is not a working redactor

    def combined(self, *names: str) -> Figures:
        """The labelled and clean corpora of one side graded together (precision counts both)."""
        total = Figures()
        for name in names:
            part = self.figures[name]
            total.caught.update(part.caught)
            total.kind_right.update(part.kind_right)
            total.total.update(part.total)
            total.justified += part.justified
            total.replacements += part.replacements
            total.survivors += part.survivors
            total.over_redacted += part.over_redacted
            total.clean_changed += part.clean_changed
        return total


async def audit_target(world) -> Audit:
    """The audit of the run's redactor: the reference one (embedded), or REDACTOR_CMD's."""
    target = world.target
    audited = await audit(target.redactor_command, markers(target.redactor_marker, target.redactor_kinds))
    if audited.figures:
        for name, figures in audited.figures.items():
            world.evidence.row(f"{name}: figures", {k: v for k, v in figures.as_dict().items()
                                                    if k not in ("missed", "overRedacted")})
            world.evidence.row(f"{name}: missed", figures.by_kind())
            world.evidence.row(f"{name}: over-redacted", figures.over_redacted)
    return audited


async def audit(command: str, markers: Markers | None = None, corpora=CORPORA) -> Audit:
    """Every utterance of the corpora through the command, in one conversation."""
    rows = {name: corpus(name) for name in corpora}
    texts = [row["text"] for name in corpora for row in rows[name]]
    try:
        outputs = await redact_all(command, texts)
    except RedactorBroken as broken:
        return Audit(command, broken=str(broken))
    figures, at = {}, 0
    for name in corpora:
        figures[name] = grade(rows[name], outputs[at:at + len(rows[name])], markers)
        at += len(rows[name])
    return Audit(command, figures)


def _side(figures: Figures, suffix: str) -> dict[str, tuple[float, str]]:
    out = {f"piiRecall{suffix}[{kind}]": (round(share, 1), "%") for kind, share in figures.recall().items()}
    out[f"piiRecall{suffix}"] = (round(figures.overall_recall(), 1), "%")
    out[f"piiPrecision{suffix}"] = (round(figures.precision(), 1), "%")
    out[f"piiOverRedactions{suffix}"] = (len(figures.over_redacted), "")
    out[f"piiCleanChanged{suffix}"] = (len(figures.clean_changed), "")
    return out


def figures_to_record(audited: Audit) -> dict[str, tuple[float, str]]:
    """The figures of the run (metrics.FIGURES): each edition's, per kind, and the seen and
    held-out editions each graded together ("Seen", "Unseen": what the report's rows read)."""
    out: dict[str, tuple[float, str]] = {}
    for edition in EDITIONS:
        out.update(_side(audited.combined(edition.labelled, edition.clean), edition.figure))
    for editions, suffix in ((seen(), "Seen"), (held_out(), "Unseen")):
        if editions:
            out.update(_side(audited.combined(*[n for e in editions for n in (e.labelled, e.clean)]), suffix))
    return out
