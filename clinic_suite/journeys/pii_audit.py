"""The redaction audit's corpora and figures: what survived, recall per kind, precision.

A labelled value *survives* when it can still be read in what the system kept; a
replaced stretch of text is *justified* when it overlaps a labelled value. Precision is
justified replacements over all replacements, across the labelled and the clean corpus
(every replacement in ordinary booking talk is unjustified)."""
from __future__ import annotations

import asyncio
import difflib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import calls

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "pii"
KINDS = ["name", "phone", "email", "address", "ssn", "medical"]
TOKEN = re.compile(r"\[REDACTED_[A-Z]+\]")


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (FOLDER / name).read_text().splitlines() if line.strip()]


def labelled() -> list[dict]:
    return load("corpus.jsonl") + load("hard_cases.jsonl")


def held_out() -> list[dict]:
    """Made after the redactor was tuned on the corpus above, and never used to tune it."""
    return load("held_out.jsonl")


def clean() -> list[dict]:
    return [{**row, "labels": []} for row in load("clean.jsonl")]


def survives(label: dict, kept: str) -> bool:
    value, kind = label["value"], label["type"]
    if kind == "name":  # every capitalised part of a name identifies ("van" alone does not)
        return any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", kept) for part in value.split() if part[0].isupper())
    if kind == "medical":  # the concern can no longer be read ("double [REDACTED_MEDICAL]" is caught)
        return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", kept, re.IGNORECASE) is not None
    digits = re.sub(r"\D", "", value)
    if kind in ("phone", "ssn") and len(digits) >= 7 and digits in re.sub(r"\D", "", kept):
        return True
    return value.lower() in kept.lower()


def replaced_stretches(original: str, kept: str) -> list[str]:
    """The pieces of the original that the kept text replaced with a [REDACTED_*] token."""
    a, b = original.split(), kept.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("replace", "delete") and TOKEN.search(" ".join(b[j1:j2])):
            out.append(" ".join(a[i1:i2]))
    return out


@dataclass
class Figures:
    caught: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    justified: int = 0
    replacements: int = 0
    survivors: list[dict] = field(default_factory=list)
    clean_changed: list[str] = field(default_factory=list)

    def add(self, row: dict, kept: str) -> None:
        for label in row["labels"]:
            self.total[label["type"]] += 1
            if survives(label, kept):
                self.survivors.append({"kind": label["type"], "value": label["value"]})
            else:
                self.caught[label["type"]] += 1
        for stretch in replaced_stretches(row["text"], kept):
            self.replacements += 1
            words = set(re.findall(r"\w+", stretch.lower()))
            if any(words & set(re.findall(r"\w+", l["value"].lower())) for l in row["labels"]):
                self.justified += 1
        if not row["labels"] and kept != row["text"]:
            self.clean_changed.append(kept)

    def recall(self) -> dict[str, float]:
        return {k: 100.0 * self.caught[k] / self.total[k] for k in KINDS if self.total[k]}

    def overall_recall(self) -> float:
        return 100.0 * sum(self.caught.values()) / max(sum(self.total.values()), 1)

    def precision(self) -> float:
        return 100.0 * self.justified / self.replacements if self.replacements else 100.0

    def by_kind(self) -> dict:
        grouped = defaultdict(list)
        for s in self.survivors:
            grouped[s["kind"]].append(s["value"])
        return dict(grouped)


CORPUS_CONCURRENCY = 10


@dataclass
class CorpusRun:
    """Each corpus's utterances, each said on a call that then ended: (row, call) pairs."""
    sets: dict[str, list[tuple[dict, object]]]
    figures: Figures | None = None   # over the labelled and clean sets, once read back


async def say_corpora(world, patient) -> CorpusRun:
    """Every utterance of the labelled, clean and held-out corpora said on its own call."""
    gate = asyncio.Semaphore(CORPUS_CONCURRENCY)

    async def one(row):
        async with gate:
            call = await calls.start_call(world, patient)
            call.transcript = row["text"]
            await calls.hang_up(world, call)
            return row, call
    sets = {"labelled": labelled(), "clean": clean(), "held_out": held_out()}
    return CorpusRun({name: list(await asyncio.gather(*(one(r) for r in rows))) for name, rows in sets.items()})


async def figures_of(world, run: CorpusRun, *names: str) -> Figures:
    """Labelled utterances: everything kept or shown is searched; clean ones: the
    transcript is compared with what was said."""
    figures = Figures()
    for name in names:
        for row, call in run.sets[name]:
            stored = await world.db.stored_transcript(call.call_id)
            kept = stored + "\n" + await calls.kept_about(world, call) if row["labels"] else stored
            figures.add(row, kept)
    return figures
